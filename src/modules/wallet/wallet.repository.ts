// SQL for the wallet: accounts, the ledger, the loyalty rules and the code look-up limiter.
import { type SQL, sql } from 'drizzle-orm';
import { type Executor, firstRow, rows } from '../../platform/db/database.js';
import type { SqlRow } from '../../platform/db/rows.js';
import type { PointsLine } from './loyalty-rules.js';
import type { walletAccounts, walletCodeAttempts, walletEntries, walletSettings } from './wallet.schema.js';
import type { EntryKind, WalletAccount, WalletEntry } from './wallet.types.js';

type AccountSqlRow = SqlRow<typeof walletAccounts>;
export type EntrySqlRow = SqlRow<typeof walletEntries>;

const toAccount = (r: AccountSqlRow): WalletAccount => ({
  id: r.id,
  kind: r.kind,
  profileId: r.profile_id,
  codeHint: r.code_hint,
  currency: r.currency,
  balance: Number(r.balance),
  lifetime: Number(r.lifetime),
  tier: r.tier,
  status: r.status,
  expiresAt: r.expires_at ? new Date(r.expires_at) : null,
  createdAt: new Date(r.created_at),
});

export const toEntry = (r: EntrySqlRow): WalletEntry => ({
  id: r.id,
  accountId: r.account_id,
  kind: r.kind,
  amount: Number(r.amount),
  balanceAfter: Number(r.balance_after),
  ref: r.ref,
  orderId: r.order_id,
  channelId: r.channel_id,
  moneyAmount: r.money_amount === null ? null : Number(r.money_amount),
  currency: r.currency,
  reason: r.reason,
  lines: r.lines ?? null,
  createdAt: new Date(r.created_at),
});

export interface NewAccount {
  id: string;
  kind: WalletAccount['kind'];
  profileId: string | null;
  codeHash: string | null;
  codeHint: string | null;
  currency: string | null;
  expiresAt: Date | null;
  originOrderId: string | null;
  originChannelId: string | null;
  now: Date;
}

/** Inserts an account with a zero balance; false when its id (or code, or the profile's points) exists. */
export async function insertAccount(exec: Executor, a: NewAccount): Promise<boolean> {
  const r = await rows<{ id: string }>(
    exec,
    sql`insert into wallet_accounts (id, kind, profile_id, code_hash, code_hint, currency, expires_at,
                                     origin_order_id, origin_channel_id, created_at, updated_at)
        values (${a.id}, ${a.kind}, ${a.profileId}, ${a.codeHash}, ${a.codeHint}, ${a.currency},
                ${a.expiresAt?.toISOString() ?? null}, ${a.originOrderId}, ${a.originChannelId},
                ${a.now.toISOString()}, ${a.now.toISOString()})
        on conflict do nothing returning id`,
  );
  return r.length > 0;
}

export async function selectAccount(
  exec: Executor,
  id: string,
  forUpdate = false,
): Promise<WalletAccount | undefined> {
  const r = await firstRow<AccountSqlRow>(
    exec,
    sql`select * from wallet_accounts where id = ${id} ${forUpdate ? sql`for update` : sql``}`,
  );
  return r ? toAccount(r) : undefined;
}

export async function selectAccountByCodeHash(
  exec: Executor,
  hash: string,
): Promise<WalletAccount | undefined> {
  const r = await firstRow<AccountSqlRow>(exec, sql`select * from wallet_accounts where code_hash = ${hash}`);
  return r ? toAccount(r) : undefined;
}

export async function selectPointsAccount(
  exec: Executor,
  profileId: string,
): Promise<WalletAccount | undefined> {
  const r = await firstRow<AccountSqlRow>(
    exec,
    sql`select * from wallet_accounts where profile_id = ${profileId} and kind = 'points'`,
  );
  return r ? toAccount(r) : undefined;
}

export async function selectAccountsOfProfiles(
  exec: Executor,
  profileIds: string[],
): Promise<WalletAccount[]> {
  if (profileIds.length === 0) return [];
  return (
    await rows<AccountSqlRow>(
      exec,
      sql`select * from wallet_accounts where profile_id in (${sql.join(
        profileIds.map((p) => sql`${p}`),
        sql`, `,
      )}) order by created_at, id`,
    )
  ).map(toAccount);
}

export interface Movement {
  entryId: string;
  accountId: string;
  kind: EntryKind;
  /** Signed; a debit (negative) is refused when the balance is short or the account unusable. */
  amount: number;
  /** Added to `lifetime` (points earned, money credited on issue). */
  lifetime: number;
  ref: string;
  orderId: string | null;
  channelId: string | null;
  moneyAmount: number | null;
  currency: string | null;
  reason: string | null;
  /** Points per SKU (earning, or a return's reversal). */
  lines?: PointsLine[] | null;
  now: Date;
}

/** The account fields a movement's event carries, returned by the same statement. */
export interface MovedEntry {
  entry: WalletEntry;
  account: Pick<WalletAccount, 'id' | 'kind' | 'profileId' | 'currency' | 'balance' | 'lifetime' | 'tier'>;
}

/** Who and when, for the event a movement writes in its own statement (outside a transaction). */
export interface MovementEvent {
  eventId: string;
  type: string;
  actor: string | null;
  requestId: string | null;
  /** groupEventsCte(ctx, source) and its select-list check, from the event log. */
  cte(source: SQL): SQL;
  written: SQL;
}

/**
 * ONE statement: moves the balance and appends the entry, unless an entry with the same ref exists
 * (a repeat) or a debit finds the balance short or the account blocked or expired. Concurrent debits
 * serialize on the row; each re-checks the balance it finds, so two spends of the same points → one
 * refused. With `event` (a movement outside any transaction) the same statement writes its
 * wallet.credited/debited event, its payload built from the rows it wrote: a redemption is one round
 * trip, no BEGIN/COMMIT. Undefined when nothing was written.
 */
export async function moveBalance(
  exec: Executor,
  m: Movement,
  event?: MovementEvent,
): Promise<(MovedEntry & { written_events?: unknown }) | undefined> {
  const now = m.now.toISOString();
  const ev = event
    ? sql`, ${event.cte(sql`select ${event.eventId}::text as id, ${event.type}::text as type, acc.id as subject,
            ent.channel_id, jsonb_build_object('accountId', acc.id, 'accountKind', acc.kind,
              'customerId', acc.profile_id, 'entryId', ent.id, 'entryKind', ent.kind, 'amount', ent.amount,
              'balance', ent.balance_after, 'currency', acc.currency, 'orderId', ent.order_id) as payload,
            ${event.actor}::text as actor, ${event.requestId}::text as request_id, ent.created_at as occurred_at,
            1 as ord
          from acc, ent`)}`
    : sql``;
  const r = await firstRow<
    EntrySqlRow & {
      account_kind: WalletAccount['kind'];
      profile_id: string | null;
      account_currency: string | null;
      account_lifetime: number | string;
      account_tier: string | null;
      written_events?: unknown;
    }
  >(
    exec,
    sql`with acc as (
          update wallet_accounts set balance = balance + ${m.amount}, lifetime = lifetime + ${m.lifetime},
                 updated_at = ${now}
          where id = ${m.accountId} and balance + ${m.amount}::int >= 0
            and (${m.amount}::int >= 0 or (status = 'active' and (expires_at is null or expires_at > ${now}::timestamptz)))
            and not exists (select 1 from wallet_entries where account_id = ${m.accountId} and ref = ${m.ref})
          returning id, kind, profile_id, currency, balance, lifetime, tier),
        ent as (
          insert into wallet_entries (id, account_id, kind, amount, balance_after, ref, order_id, channel_id,
                                      money_amount, currency, reason, lines, created_at)
          select ${m.entryId}::text, ${m.accountId}::text, ${m.kind}::text, ${m.amount}::int, acc.balance,
                 ${m.ref}::text, ${m.orderId}::text, ${m.channelId}::text, ${m.moneyAmount}::int,
                 ${m.currency}::text, ${m.reason}::text,
                 ${m.lines ? JSON.stringify(m.lines) : null}::jsonb, ${now}::timestamptz
          from acc returning *)${ev}
        select ent.*, acc.kind as account_kind, acc.profile_id, acc.currency as account_currency,
          acc.lifetime as account_lifetime, acc.tier as account_tier
          ${event ? event.written : sql``}
        from ent, acc`,
  );
  if (!r) return undefined;
  const entry = toEntry(r);
  return {
    entry,
    account: {
      id: r.account_id,
      kind: r.account_kind,
      profileId: r.profile_id,
      currency: r.account_currency,
      balance: entry.balanceAfter,
      lifetime: Number(r.account_lifetime),
      tier: r.account_tier,
    },
    ...(r.written_events !== undefined ? { written_events: r.written_events } : {}),
  };
}

/**
 * True for the error of a movement whose ref a concurrent statement wrote first (outside a
 * transaction the statement then wrote nothing: the ref's entry is the answer).
 */
export function isRefTaken(err: unknown): boolean {
  let e = err as { code?: unknown; constraint?: unknown; cause?: unknown } | undefined;
  for (let depth = 0; e && depth < 3; depth++) {
    if (e.code === '23505') return e.constraint === 'wallet_entries_ref_idx';
    e = e.cause as typeof e;
  }
  return false;
}

/**
 * Points accounts with points older than `cutoff` still unspent, and how many: debits spend the
 * oldest credits first, so what expires is the credits before the cutoff less every debit so far
 * (earlier expiries included). At most `limit` accounts per call.
 */
export async function selectExpiringPoints(
  exec: Executor,
  cutoff: Date,
  limit: number,
): Promise<Array<{ accountId: string; expiring: number }>> {
  const before = cutoff.toISOString();
  const r = await rows<{ account_id: string; expiring: number }>(
    exec,
    sql`select a.id as account_id,
               (coalesce(sum(e.amount) filter (where e.amount > 0 and e.created_at < ${before}::timestamptz), 0)
                + coalesce(sum(e.amount) filter (where e.amount < 0), 0))::int as expiring
        from wallet_accounts a join wallet_entries e on e.account_id = a.id
        where a.kind = 'points' and a.balance > 0
        group by a.id
        having coalesce(sum(e.amount) filter (where e.amount > 0 and e.created_at < ${before}::timestamptz), 0)
               + coalesce(sum(e.amount) filter (where e.amount < 0), 0) > 0
        order by a.id limit ${limit}`,
  );
  return r.map((x) => ({ accountId: x.account_id, expiring: Number(x.expiring) }));
}

export async function selectEntryByRef(
  exec: Executor,
  accountId: string,
  ref: string,
): Promise<WalletEntry | undefined> {
  const r = await firstRow<EntrySqlRow>(
    exec,
    sql`select * from wallet_entries where account_id = ${accountId} and ref = ${ref}`,
  );
  return r ? toEntry(r) : undefined;
}

export async function selectEntries(
  exec: Executor,
  accountId: string,
  limit: number,
): Promise<WalletEntry[]> {
  return (
    await rows<EntrySqlRow>(
      exec,
      sql`select * from wallet_entries where account_id = ${accountId} order by created_at desc, id desc limit ${limit}`,
    )
  ).map(toEntry);
}

/** An order's entries on one account (points earned and reversed, a tender redeemed and given back). */
export async function selectEntriesOfOrder(
  exec: Executor,
  accountId: string,
  orderId: string,
): Promise<WalletEntry[]> {
  return (
    await rows<EntrySqlRow>(
      exec,
      sql`select * from wallet_entries where account_id = ${accountId} and order_id = ${orderId} order by created_at, id`,
    )
  ).map(toEntry);
}

/** The points account an order earned on, if it earned any. */
export async function selectEarningAccount(exec: Executor, orderId: string): Promise<string | undefined> {
  const r = await firstRow<Pick<EntrySqlRow, 'account_id'>>(
    exec,
    sql`select account_id from wallet_entries where order_id = ${orderId} and kind = 'earn' limit 1`,
  );
  return r?.account_id;
}

export async function selectSettings(exec: Executor, id: string): Promise<unknown> {
  const r = await firstRow<Pick<SqlRow<typeof walletSettings>, 'rules'>>(
    exec,
    sql`select rules from wallet_settings where id = ${id}`,
  );
  return r?.rules;
}

export async function upsertSettings(exec: Executor, id: string, rules: unknown, now: Date): Promise<void> {
  await exec.execute(
    sql`insert into wallet_settings (id, rules, updated_at) values (${id}, ${JSON.stringify(rules)}::jsonb, ${now.toISOString()})
        on conflict (id) do update set rules = excluded.rules, updated_at = excluded.updated_at`,
  );
}

type AttemptSqlRow = SqlRow<typeof walletCodeAttempts>;

/** Failed look-ups of this caller since `since` (0 when its window is older). */
export async function selectFailures(exec: Executor, callerKey: string, since: Date): Promise<number> {
  const r = await firstRow<Pick<AttemptSqlRow, 'failures'>>(
    exec,
    sql`select failures from wallet_code_attempts where caller_key = ${callerKey} and window_start >= ${since.toISOString()}`,
  );
  return r ? Number(r.failures) : 0;
}

/** Counts one failed look-up; a window older than `since` starts again at 1. */
export async function recordFailure(
  exec: Executor,
  callerKey: string,
  since: Date,
  now: Date,
): Promise<void> {
  await exec.execute(
    sql`insert into wallet_code_attempts (caller_key, window_start, failures) values (${callerKey}, ${now.toISOString()}, 1)
        on conflict (caller_key) do update set
          failures = case when wallet_code_attempts.window_start < ${since.toISOString()} then 1
                          else wallet_code_attempts.failures + 1 end,
          window_start = case when wallet_code_attempts.window_start < ${since.toISOString()} then excluded.window_start
                              else wallet_code_attempts.window_start end`,
  );
}

/** Erasure: what staff wrote on a customer's entries goes; amounts and refs stay (the ledger balances). */
export async function clearReasonsOfProfiles(exec: Executor, profileIds: string[]): Promise<number> {
  if (profileIds.length === 0) return 0;
  const r = await rows<{ id: string }>(
    exec,
    sql`update wallet_entries set reason = null where reason is not null and account_id in (
          select id from wallet_accounts where profile_id in (${sql.join(
            profileIds.map((p) => sql`${p}`),
            sql`, `,
          )})) returning id`,
  );
  return r.length;
}
