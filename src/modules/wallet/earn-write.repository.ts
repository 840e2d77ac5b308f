// SQL of earning for a run of paid orders, inside one short transaction: the missing points accounts
// opened in one statement, the run's accounts locked and read with the earn refs they hold in one,
// and the decision (earn-decision.ts) written in one: balances, lifetimes and tiers, and an entry per
// order that earned.
import { sql } from 'drizzle-orm';
import { type Executor, rows } from '../../platform/db/database.js';
import type { EarnEntry, PointsAccount } from './earn-decision.js';
import { type EntrySqlRow, toEntry } from './wallet.repository.js';
import type { WalletEntry } from './wallet.types.js';

/** Opens a points account for each profile that has none; the profile → account id of those opened. */
export async function insertMissingPointsAccounts(
  exec: Executor,
  wanted: ReadonlyArray<{ id: string; profileId: string }>,
  now: Date,
): Promise<Map<string, string>> {
  if (wanted.length === 0) return new Map();
  const at = now.toISOString();
  const r = await rows<{ id: string; profile_id: string }>(
    exec,
    sql`insert into wallet_accounts (id, kind, profile_id, created_at, updated_at)
        select i.id, 'points', i.profile_id, ${at}::timestamptz, ${at}::timestamptz
        from unnest(${sql.param(wanted.map((w) => w.id))}::text[],
                    ${sql.param(wanted.map((w) => w.profileId))}::text[]) as i(id, profile_id)
        where not exists (select 1 from wallet_accounts w where w.profile_id = i.profile_id and w.kind = 'points')
        order by i.profile_id
        on conflict do nothing returning id, profile_id`,
  );
  return new Map(r.map((x) => [x.profile_id, x.id]));
}

/**
 * The points accounts of these profiles, locked (in id order: two runs never wait on each other in a
 * circle), with which of `refs` each holds already.
 */
export async function lockPointsAccounts(
  exec: Executor,
  profileIds: readonly string[],
  refs: readonly string[],
): Promise<{ accounts: PointsAccount[]; taken: Set<string> }> {
  const r = await rows<{
    id: string;
    profile_id: string;
    balance: number | string;
    lifetime: number | string;
    tier: string | null;
    currency: string | null;
    taken: string[];
  }>(
    exec,
    sql`select a.id, a.profile_id, a.balance, a.lifetime, a.tier, a.currency,
               (select coalesce(json_agg(e.ref), '[]'::json) from wallet_entries e
                where e.account_id = a.id and e.ref = any(${sql.param([...refs])}::text[])) as taken
        from wallet_accounts a
        where a.kind = 'points' and a.profile_id = any(${sql.param([...profileIds])}::text[])
        order by a.id for update of a`,
  );
  const taken = new Set<string>();
  const accounts = r.map((x) => {
    for (const ref of x.taken) taken.add(`${x.id}|${ref}`);
    return {
      id: x.id,
      kind: 'points' as const,
      profileId: x.profile_id,
      currency: x.currency,
      balance: Number(x.balance),
      lifetime: Number(x.lifetime),
      tier: x.tier,
    };
  });
  return { accounts, taken };
}

/** Writes the run's decision on its locked accounts: their numbers and tiers, and its entries. */
export async function writeEarns(
  exec: Executor,
  accounts: readonly PointsAccount[],
  entries: readonly EarnEntry[],
  now: Date,
): Promise<WalletEntry[]> {
  if (entries.length === 0) return [];
  const at = now.toISOString();
  const e = entries;
  const r = await rows<EntrySqlRow>(
    exec,
    sql`with acc as (
          update wallet_accounts w set balance = a.balance, lifetime = a.lifetime, tier = a.tier,
                 updated_at = ${at}::timestamptz
          from unnest(${sql.param(accounts.map((a) => a.id))}::text[],
                      ${sql.param(accounts.map((a) => a.balance))}::int[],
                      ${sql.param(accounts.map((a) => a.lifetime))}::int[],
                      ${sql.param(accounts.map((a) => a.tier))}::text[]) as a(id, balance, lifetime, tier)
          where w.id = a.id returning w.id)
        insert into wallet_entries (id, account_id, kind, amount, balance_after, ref, order_id, channel_id,
                                    money_amount, currency, reason, lines, created_at)
        select i.id, i.account_id, 'earn', i.amount, i.balance_after, i.ref, i.order_id, i.channel_id,
               i.money_amount, i.currency, null, i.lines::jsonb, ${at}::timestamptz
        from unnest(${sql.param(e.map((x) => x.id))}::text[], ${sql.param(e.map((x) => x.accountId))}::text[],
                    ${sql.param(e.map((x) => x.amount))}::int[], ${sql.param(e.map((x) => x.balanceAfter))}::int[],
                    ${sql.param(e.map((x) => x.ref))}::text[], ${sql.param(e.map((x) => x.orderId))}::text[],
                    ${sql.param(e.map((x) => x.channelId))}::text[],
                    ${sql.param(e.map((x) => x.moneyAmount))}::int[], ${sql.param(e.map((x) => x.currency))}::text[],
                    ${sql.param(e.map((x) => (x.lines ? JSON.stringify(x.lines) : null)))}::text[])
             with ordinality as i(id, account_id, amount, balance_after, ref, order_id, channel_id,
                                  money_amount, currency, lines, ord)
        where exists (select 1 from acc where acc.id = i.account_id)
        order by i.ord
        returning *`,
  );
  const byId = new Map(r.map((x) => [x.id, toEntry(x)]));
  return e.map((x) => byId.get(x.id)!);
}
