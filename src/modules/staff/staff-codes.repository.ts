// SQL of staff sign-in codes: six digits mailed to a member, stored as a salted hash, valid ten
// minutes, five guesses, one live code per member, at most five mails per member an hour.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { DIGITS, humanCode } from '../../kernel/index.js';
import { type Executor, firstRow } from '../../platform/db/database.js';

export const STAFF_CODE_POLICY = {
  ttlMs: 10 * 60_000,
  maxAttempts: 5,
  maxSendsPerWindow: 5,
  windowMs: 60 * 60_000,
} as const;

const codeHashOf = (salt: string, code: string) =>
  createHash('sha256').update(`${salt}:${code}`).digest('hex');

/** A new code for the member, replacing an earlier one; undefined when their mail quota is spent. */
export async function issueStaffCode(
  exec: Executor,
  staffId: string,
  now: Date,
): Promise<string | undefined> {
  const code = humanCode({ length: 6, alphabet: DIGITS });
  const salt = randomBytes(16).toString('hex');
  const windowStart = new Date(now.getTime() - STAFF_CODE_POLICY.windowMs).toISOString();
  const row = await firstRow<{ staff_id: string }>(
    exec,
    sql`insert into staff_sign_in_codes as c (staff_id, code_salt, code_hash, attempts, expires_at, used_at,
          sends_in_window, window_started_at, created_at)
        values (${staffId}, ${salt}, ${codeHashOf(salt, code)}, 0,
          ${new Date(now.getTime() + STAFF_CODE_POLICY.ttlMs).toISOString()}, null, 1, ${now.toISOString()}, ${now.toISOString()})
        on conflict (staff_id) do update set
          code_salt = excluded.code_salt, code_hash = excluded.code_hash, attempts = 0,
          expires_at = excluded.expires_at, used_at = null, created_at = excluded.created_at,
          sends_in_window = case when c.window_started_at > ${windowStart} then c.sends_in_window + 1 else 1 end,
          window_started_at = case when c.window_started_at > ${windowStart} then c.window_started_at else excluded.window_started_at end
        where c.window_started_at <= ${windowStart} or c.sends_in_window < ${STAFF_CODE_POLICY.maxSendsPerWindow}
        returning staff_id`,
  );
  return row ? code : undefined;
}

/**
 * True once for the right, unexpired, unused code (then used up); a wrong guess counts and the fifth
 * voids the code. Call inside a transaction (the row is locked while it is checked).
 */
export async function consumeStaffCode(exec: Executor, staffId: string, code: string, now: Date) {
  const row = await firstRow<{
    code_salt: string;
    code_hash: string;
    attempts: number;
    expires_at: Date | string;
    used_at: Date | string | null;
  }>(
    exec,
    sql`select code_salt, code_hash, attempts, expires_at, used_at from staff_sign_in_codes
        where staff_id = ${staffId} for update`,
  );
  if (!row || row.used_at || new Date(row.expires_at) <= now) return false;
  if (row.attempts >= STAFF_CODE_POLICY.maxAttempts) return false;
  const presented = Buffer.from(codeHashOf(row.code_salt, code.trim()), 'hex');
  const right = timingSafeEqual(presented, Buffer.from(row.code_hash, 'hex'));
  await exec.execute(
    right
      ? sql`update staff_sign_in_codes set used_at = ${now.toISOString()} where staff_id = ${staffId}`
      : sql`update staff_sign_in_codes set attempts = attempts + 1 where staff_id = ${staffId}`,
  );
  return right;
}
