// Shopper sessions: a 256-bit random secret held by the shopper (cookie or bearer token), stored as
// its SHA-256 (the secret is random, so a fast hash is enough). A session lasts while used: it ends
// 30 days after the last use and 90 days after sign-in at the latest, or when revoked.
import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { newId } from '../../kernel/index.js';
import { type Ctx, inTransaction } from '../../platform/context.js';
import { type Executor, firstRow } from '../../platform/db/database.js';
import { appendEvents } from '../../platform/events/event-log.js';
import { signedInEvent, signedOutEvent } from './shoppers.events.js';

export const SHOPPER_TOKEN_PREFIX = 'ohs_';

export const SESSION_POLICY = {
  idleMs: 30 * 24 * 3600_000,
  absoluteMs: 90 * 24 * 3600_000,
  /** Last use is written at most this often, so reads do not each cost a write. */
  touchEveryMs: 3600_000,
} as const;

export interface ShopperSession {
  id: string;
  profileId: string;
  channelId: string;
  createdAt: Date;
  expiresAt: Date;
}

const hashOf = (secret: string) => createHash('sha256').update(secret).digest('hex');

interface SessionRow {
  id: string;
  profile_id: string;
  channel_id: string;
  created_at: Date | string;
  last_seen_at: Date | string;
  expires_at: Date | string;
  revoked_at: Date | string | null;
}

const toSession = (r: SessionRow): ShopperSession => ({
  id: r.id,
  profileId: r.profile_id,
  channelId: r.channel_id,
  createdAt: new Date(r.created_at),
  expiresAt: new Date(r.expires_at),
});

/** Opens a session for the profile and records the sign-in; the token is shown only here. */
export async function openSession(
  ctx: Ctx,
  input: { profileId: string; channelId: string },
): Promise<{ token: string; session: ShopperSession }> {
  const token = `${SHOPPER_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  const now = ctx.clock.now();
  const expiresAt = new Date(now.getTime() + SESSION_POLICY.idleMs);
  const id = newId('shs');
  return inTransaction(ctx, async (tx) => {
    const row = await firstRow<SessionRow>(
      tx.db,
      sql`insert into shopper_sessions (id, secret_hash, profile_id, channel_id, created_at, last_seen_at, expires_at)
          values (${id}, ${hashOf(token)}, ${input.profileId}, ${input.channelId}, ${now.toISOString()},
                  ${now.toISOString()}, ${expiresAt.toISOString()})
          returning *`,
    );
    await appendEvents(tx, [
      signedInEvent({
        sessionId: id,
        profileId: input.profileId,
        channelId: input.channelId,
        expiresAt: expiresAt.toISOString(),
      }),
    ]);
    return { token, session: toSession(row!) };
  });
}

/** The live session a token opens, or null (unknown, expired or revoked). Extends it on use. */
export async function findLiveSession(ctx: Ctx, token: string): Promise<ShopperSession | null> {
  if (!token.startsWith(SHOPPER_TOKEN_PREFIX)) return null;
  const row = await firstRow<SessionRow>(
    ctx.db,
    sql`select * from shopper_sessions where secret_hash = ${hashOf(token)}`,
  );
  const now = ctx.clock.now();
  if (!row || row.revoked_at || new Date(row.expires_at) <= now) return null;
  if (now.getTime() - new Date(row.last_seen_at).getTime() < SESSION_POLICY.touchEveryMs)
    return toSession(row);
  const absoluteEnd = new Date(row.created_at).getTime() + SESSION_POLICY.absoluteMs;
  const expiresAt = new Date(Math.min(absoluteEnd, now.getTime() + SESSION_POLICY.idleMs));
  await ctx.db.execute(
    sql`update shopper_sessions set last_seen_at = ${now.toISOString()}, expires_at = ${expiresAt.toISOString()}
        where id = ${row.id}`,
  );
  return { ...toSession(row), expiresAt };
}

/** Ends one session (sign-out); ending an ended session changes nothing. */
export async function revokeSession(ctx: Ctx, session: ShopperSession): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const r = await firstRow<{ id: string }>(
      tx.db,
      sql`update shopper_sessions set revoked_at = ${tx.clock.now().toISOString()}
          where id = ${session.id} and revoked_at is null returning id`,
    );
    if (r) await appendEvents(tx, [signedOutEvent({ sessionId: session.id, profileId: session.profileId })]);
  });
}

/** Ends every session of these profiles (after an erasure); returns how many were live. */
export async function revokeSessionsOfProfiles(ctx: Ctx, profileIds: readonly string[]): Promise<number> {
  if (!profileIds.length) return 0;
  const r = await firstRow<{ n: number }>(
    ctx.db as Executor,
    sql`with upd as (update shopper_sessions set revoked_at = ${ctx.clock.now().toISOString()}
          where profile_id = any(${sql.param([...profileIds])}::text[]) and revoked_at is null returning 1)
        select count(*)::int as n from upd`,
  );
  return r?.n ?? 0;
}

/**
 * Deletes what can no longer be used: sessions ended (expired or revoked) over a week ago and codes
 * expired over a day ago (an address's send quota lasts an hour, so nothing is lost). Returns the
 * number of rows deleted.
 */
export async function deleteEndedShopperRecords(ctx: Ctx): Promise<number> {
  const now = ctx.clock.now().getTime();
  const weekAgo = new Date(now - 7 * 24 * 3600_000).toISOString();
  const dayAgo = new Date(now - 24 * 3600_000).toISOString();
  const r = await firstRow<{ n: number }>(
    ctx.db,
    sql`with s as (delete from shopper_sessions where expires_at < ${weekAgo} or revoked_at < ${weekAgo} returning 1),
             c as (delete from shopper_sign_in_codes where expires_at < ${dayAgo} returning 1)
        select (select count(*) from s)::int + (select count(*) from c)::int as n`,
  );
  return r?.n ?? 0;
}
