// SQL of a shopper's erasure: sign-in codes by email hash, sessions by profile.
import { sql } from 'drizzle-orm';
import { type Executor, rows } from '../../platform/db/database.js';

export async function deleteSignInCodes(exec: Executor, emailHashes: string[]): Promise<number> {
  const r = await rows<{ id: string }>(
    exec,
    sql`delete from shopper_sign_in_codes where email_hash = any(${sql.param(emailHashes)}::text[]) returning id`,
  );
  return r.length;
}

export async function deleteSessionsOfProfiles(exec: Executor, profileIds: string[]): Promise<number> {
  const r = await rows<{ id: string }>(
    exec,
    sql`delete from shopper_sessions where profile_id = any(${sql.param(profileIds)}::text[]) returning id`,
  );
  return r.length;
}
