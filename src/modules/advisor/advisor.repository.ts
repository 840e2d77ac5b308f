// SQL of the advisor: the hub's one retailer profile.
import { sql } from 'drizzle-orm';
import { type Executor, firstRow } from '../../platform/db/database.js';
import type { RetailerProfile } from './advisor.types.js';

const ID = 'retailer';

export async function selectProfile(
  exec: Executor,
): Promise<{ profile: RetailerProfile; updatedAt: Date } | undefined> {
  const r = await firstRow<{ profile: RetailerProfile; updated_at: string | Date }>(
    exec,
    sql`select profile, updated_at from advisor_profile where id = ${ID}`,
  );
  return r ? { profile: r.profile, updatedAt: new Date(r.updated_at) } : undefined;
}

export async function upsertProfile(exec: Executor, profile: RetailerProfile, at: Date): Promise<void> {
  await exec.execute(
    sql`insert into advisor_profile (id, profile, updated_at)
        values (${ID}, ${JSON.stringify(profile)}::jsonb, ${at.toISOString()}::timestamptz)
        on conflict (id) do update set profile = excluded.profile, updated_at = excluded.updated_at`,
  );
}
