// One-time sign-in codes: six digits, emailed, stored as a salted hash, valid ten minutes, five
// guesses, one active code per address and channel, at most a few mails per address an hour.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { DIGITS, humanCode, newId } from '../../kernel/index.js';
import { type Ctx, inTransaction } from '../../platform/context.js';
import { firstRow } from '../../platform/db/database.js';

export const SIGN_IN_CODE_POLICY = {
  ttlMs: 10 * 60_000,
  maxAttempts: 5,
  /** Codes mailed to one address on one channel per window; more requests send nothing. */
  maxSendsPerWindow: 5,
  windowMs: 60 * 60_000,
} as const;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** The address as a lookup key: case and surrounding spaces do not make another shopper. */
export const emailHashOf = (email: string): string => sha256(email.trim().toLowerCase());

const codeHashOf = (salt: string, code: string) => sha256(`${salt}:${code}`);

/**
 * Makes a new code for the address on the channel, replacing any earlier one. Undefined when the
 * address was sent its quota of codes this window (the earlier code stays valid).
 */
export async function issueSignInCode(
  ctx: Ctx,
  input: { email: string; channelId: string },
): Promise<{ code: string } | undefined> {
  const code = humanCode({ length: 6, alphabet: DIGITS });
  const salt = randomBytes(16).toString('hex');
  const now = ctx.clock.now();
  const windowStart = new Date(now.getTime() - SIGN_IN_CODE_POLICY.windowMs).toISOString();
  const row = await firstRow<{ id: string }>(
    ctx.db,
    sql`insert into shopper_sign_in_codes as c (id, email_hash, channel_id, code_salt, code_hash, attempts,
          expires_at, used_at, sends_in_window, window_started_at, created_at)
        values (${newId('sic')}, ${emailHashOf(input.email)}, ${input.channelId}, ${salt}, ${codeHashOf(salt, code)}, 0,
          ${new Date(now.getTime() + SIGN_IN_CODE_POLICY.ttlMs).toISOString()}, null, 1, ${now.toISOString()}, ${now.toISOString()})
        on conflict (email_hash, channel_id) do update set
          code_salt = excluded.code_salt, code_hash = excluded.code_hash, attempts = 0,
          expires_at = excluded.expires_at, used_at = null, created_at = excluded.created_at,
          sends_in_window = case when c.window_started_at > ${windowStart} then c.sends_in_window + 1 else 1 end,
          window_started_at = case when c.window_started_at > ${windowStart} then c.window_started_at else excluded.window_started_at end
        where c.window_started_at <= ${windowStart} or c.sends_in_window < ${SIGN_IN_CODE_POLICY.maxSendsPerWindow}
        returning id`,
  );
  return row ? { code } : undefined;
}

interface CodeRow {
  id: string;
  code_salt: string;
  code_hash: string;
  attempts: number;
  expires_at: Date | string;
  used_at: Date | string | null;
}

/**
 * True once for the right, unexpired, unused code (it is then used up). A wrong guess counts; the
 * fifth wrong guess voids the code. The count commits whatever the caller does next.
 */
export async function consumeSignInCode(
  ctx: Ctx,
  input: { email: string; channelId: string; code: string },
): Promise<boolean> {
  return inTransaction(ctx, async (tx) => {
    const row = await firstRow<CodeRow>(
      tx.db,
      sql`select id, code_salt, code_hash, attempts, expires_at, used_at from shopper_sign_in_codes
          where email_hash = ${emailHashOf(input.email)} and channel_id = ${input.channelId} for update`,
    );
    const now = tx.clock.now();
    if (!row || row.used_at || new Date(row.expires_at) <= now) return false;
    if (row.attempts >= SIGN_IN_CODE_POLICY.maxAttempts) return false;
    const presented = Buffer.from(codeHashOf(row.code_salt, input.code.trim()), 'hex');
    const right = timingSafeEqual(presented, Buffer.from(row.code_hash, 'hex'));
    await tx.db.execute(
      right
        ? sql`update shopper_sign_in_codes set used_at = ${now.toISOString()} where id = ${row.id}`
        : sql`update shopper_sign_in_codes set attempts = attempts + 1 where id = ${row.id}`,
    );
    return right;
  });
}
