// SQL for ingestion sources (write keys, stored as hashes) and the shared-device list.
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { customerSharedDevices, customerSources } from './customers.schema.js';
import type { Source } from './customers.types.js';

export type SourceRow = typeof customerSources.$inferSelect;

export const toSource = (r: SourceRow): Source => ({
  id: r.id,
  channelId: r.channelId,
  name: r.name,
  keyPrefix: r.keyPrefix,
  sharedDevices: r.sharedDevices === 'yes',
  createdAt: r.createdAt,
  revokedAt: r.revokedAt,
});

export async function insertSource(
  exec: Executor,
  s: {
    id: string;
    channelId: string;
    name: string;
    keyHash: string;
    keyPrefix: string;
    sharedDevices: boolean;
    at: Date;
  },
): Promise<Source> {
  const [r] = await exec
    .insert(customerSources)
    .values({
      id: s.id,
      channelId: s.channelId,
      name: s.name,
      keyHash: s.keyHash,
      keyPrefix: s.keyPrefix,
      sharedDevices: s.sharedDevices ? 'yes' : 'no',
      createdAt: s.at,
    })
    .returning();
  return toSource(r!);
}

export async function selectSources(exec: Executor, channelId?: string | null): Promise<Source[]> {
  const r = await exec
    .select()
    .from(customerSources)
    .where(channelId ? eq(customerSources.channelId, channelId) : undefined)
    .orderBy(asc(customerSources.createdAt), asc(customerSources.id));
  return r.map(toSource);
}

/** Revokes a source (keeping the first revocation time); undefined when there is none. */
export async function revokeSourceRow(exec: Executor, id: string, at: Date): Promise<Source | undefined> {
  const [r] = await exec
    .update(customerSources)
    .set({ revokedAt: sql`coalesce(${customerSources.revokedAt}, ${at.toISOString()}::timestamptz)` })
    .where(eq(customerSources.id, id))
    .returning();
  return r ? toSource(r) : undefined;
}

/** The live (not revoked) source of a key hash. */
export async function selectLiveSourceByKeyHash(
  exec: Executor,
  keyHash: string,
): Promise<Source | undefined> {
  const [r] = await exec
    .select()
    .from(customerSources)
    .where(and(eq(customerSources.keyHash, keyHash), isNull(customerSources.revokedAt)));
  return r ? toSource(r) : undefined;
}

export async function upsertSharedDevice(exec: Executor, value: string, note: string | null, at: Date) {
  await exec
    .insert(customerSharedDevices)
    .values({ value, note, createdAt: at })
    .onConflictDoUpdate({ target: customerSharedDevices.value, set: { note } });
}

export async function deleteSharedDevice(exec: Executor, value: string): Promise<boolean> {
  const r = await exec
    .delete(customerSharedDevices)
    .where(eq(customerSharedDevices.value, value))
    .returning({ value: customerSharedDevices.value });
  return r.length > 0;
}

export function selectSharedDevices(
  exec: Executor,
): Promise<Array<typeof customerSharedDevices.$inferSelect>> {
  return exec
    .select()
    .from(customerSharedDevices)
    .orderBy(asc(customerSharedDevices.createdAt), asc(customerSharedDevices.value));
}
