// Ingestion sources: a write key belongs to a channel. Keys are shown once and stored as SHA-256
// hashes (they are 192-bit random); verification is cached for a few seconds so the ingest hot path
// pays no extra round trip, and a revoked key stops working within that time. Also the shared-device list.
import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { newId, notFound } from '../../kernel/index.js';
import { createTtlCache } from '../../platform/cache/ttl-cache.js';
import { type Ctx, inTransaction } from '../../platform/context.js';
import { firstRow, rows } from '../../platform/db/database.js';
import { type IngestSource, type Source, SourceInput } from './customers.types.js';

const CACHE_MS = 5_000;
const hashKey = (k: string) => createHash('sha256').update(k).digest('hex');

interface RawSource {
  id: string;
  channel_id: string;
  name: string;
  key_prefix: string;
  shared_devices: string;
  created_at: string | Date;
  revoked_at: string | Date | null;
}

const toSource = (r: RawSource): Source => ({
  id: r.id,
  channelId: r.channel_id,
  name: r.name,
  keyPrefix: r.key_prefix,
  sharedDevices: r.shared_devices === 'yes',
  createdAt: new Date(r.created_at),
  revokedAt: r.revoked_at ? new Date(r.revoked_at) : null,
});

export function createSourcesService() {
  const cache = createTtlCache<string, IngestSource | null>({ ttlMs: CACHE_MS, max: 10_000 });

  return {
    /** Creates a source; the write key is returned only here. */
    async createSource(ctx: Ctx, input: SourceInput): Promise<Source & { writeKey: string }> {
      const parsed = SourceInput.parse(input);
      const writeKey = `wk_${randomBytes(24).toString('base64url')}`;
      const r = await firstRow<RawSource>(
        ctx.db,
        sql`insert into customer_sources (id, channel_id, name, key_hash, key_prefix, shared_devices, created_at)
            values (${newId('src')}, ${parsed.channelId}, ${parsed.name}, ${hashKey(writeKey)}, ${writeKey.slice(0, 8)},
                    ${parsed.sharedDevices ? 'yes' : 'no'}, ${ctx.clock.now().toISOString()})
            returning *`,
      );
      return { ...toSource(r!), writeKey };
    },

    async listSources(ctx: Ctx, channelId?: string | null): Promise<Source[]> {
      const r = await rows<RawSource>(
        ctx.db,
        sql`select * from customer_sources ${channelId ? sql`where channel_id = ${channelId}` : sql``} order by created_at, id`,
      );
      return r.map(toSource);
    },

    async revokeSource(ctx: Ctx, id: string): Promise<Source> {
      const r = await firstRow<RawSource>(
        ctx.db,
        sql`update customer_sources set revoked_at = coalesce(revoked_at, ${ctx.clock.now().toISOString()}::timestamptz)
            where id = ${id} returning *`,
      );
      if (!r) throw notFound('source', id);
      cache.clear();
      return toSource(r);
    },

    /** The source of a write key, or null when the key is unknown or revoked. */
    async authenticate(ctx: Ctx, writeKey: string): Promise<IngestSource | null> {
      const h = hashKey(writeKey);
      const hit = cache.get(h);
      if (hit !== undefined) return hit;
      const r = await firstRow<RawSource>(
        ctx.db,
        sql`select * from customer_sources where key_hash = ${h} and revoked_at is null`,
      );
      const source = r
        ? { id: r.id, channelId: r.channel_id, sharedDevices: r.shared_devices === 'yes' }
        : null;
      cache.set(h, source);
      return source;
    },

    async addSharedDevice(ctx: Ctx, value: string, note?: string): Promise<void> {
      await inTransaction(ctx, async (tx) => {
        await tx.db.execute(
          sql`insert into customer_shared_devices (value, note, created_at)
              values (${value.trim()}, ${note ?? null}, ${tx.clock.now().toISOString()})
              on conflict (value) do update set note = excluded.note`,
        );
      });
    },

    async removeSharedDevice(ctx: Ctx, value: string): Promise<boolean> {
      const r = await firstRow<{ value: string }>(
        ctx.db,
        sql`delete from customer_shared_devices where value = ${value} returning value`,
      );
      return r !== undefined;
    },

    async listSharedDevices(
      ctx: Ctx,
    ): Promise<Array<{ value: string; note: string | null; createdAt: Date }>> {
      const r = await rows<{ value: string; note: string | null; created_at: string | Date }>(
        ctx.db,
        sql`select * from customer_shared_devices order by created_at, value`,
      );
      return r.map((d) => ({ value: d.value, note: d.note, createdAt: new Date(d.created_at) }));
    },
  };
}
