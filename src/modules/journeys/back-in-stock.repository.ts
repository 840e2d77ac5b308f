// SQL of back-in-stock subscriptions, of runs started once per key (win-back) and of the daily
// sweeps' leases.
import { sql } from 'drizzle-orm';
import { type Executor, rows } from '../../platform/db/database.js';
import type { SqlRow } from '../../platform/db/rows.js';
import type { backInStockSubscriptions } from './journeys.schema.js';

export interface BackInStockSubscription {
  id: string;
  customerId: string;
  sku: string;
  channelId: string;
  status: 'pending_confirmation' | 'active' | 'notified' | 'cancelled' | 'expired';
  vars: Record<string, string>;
  /** SHA-256 of the address typed in to ask for it, the one address to tell; null for a known customer. */
  addressHash: string | null;
  createdAt: Date;
  endedAt: Date | null;
  /** Until when a pending one may be confirmed (null once active). */
  expiresAt: Date | null;
  confirmedAt: Date | null;
}

type SubRow = SqlRow<typeof backInStockSubscriptions>;
const toSub = (r: SubRow): BackInStockSubscription => ({
  id: r.id,
  customerId: r.customer_id,
  sku: r.sku,
  channelId: r.channel_id,
  status: r.status as BackInStockSubscription['status'],
  vars: r.vars,
  addressHash: r.address_hash,
  createdAt: new Date(r.created_at),
  endedAt: r.ended_at ? new Date(r.ended_at) : null,
  expiresAt: r.expires_at ? new Date(r.expires_at) : null,
  confirmedAt: r.confirmed_at ? new Date(r.confirmed_at) : null,
});

/**
 * Adds the subscription (active, or pending until `expiresAt`), or returns the customer's live one
 * for the same variant and channel: an active one stays active, a pending one becomes active when
 * this one is (a signed-in shopper), else its confirmation window restarts. A pending one past its
 * window is expired first, so it is replaced rather than revived. The address it was asked for stays
 * the first one's while it lives (a second address typed on a shared profile changes nothing), but a
 * known customer's own request that activates a pending one makes it theirs.
 */
export async function upsertSubscription(
  exec: Executor,
  s: Omit<BackInStockSubscription, 'endedAt' | 'confirmedAt'> & {
    status: 'active' | 'pending_confirmation';
  },
): Promise<BackInStockSubscription> {
  const now = s.createdAt.toISOString();
  await exec.execute(
    sql`update back_in_stock_subscriptions set status = 'expired', ended_at = ${now}
        where customer_id = ${s.customerId} and sku = ${s.sku} and channel_id = ${s.channelId}
          and status = 'pending_confirmation' and expires_at <= ${now}`,
  );
  const [row] = await rows<SubRow>(
    exec,
    sql`insert into back_in_stock_subscriptions as b (id, customer_id, sku, channel_id, status, vars, address_hash, created_at, expires_at)
        values (${s.id}, ${s.customerId}, ${s.sku}, ${s.channelId}, ${s.status}, ${JSON.stringify(s.vars)}::jsonb,
          ${s.addressHash}, ${now}, ${s.expiresAt?.toISOString() ?? null})
        on conflict (customer_id, sku, channel_id) where status in ('active', 'pending_confirmation')
          do update set vars = excluded.vars,
            address_hash = case when b.status <> 'active' and excluded.status = 'active'
                                then excluded.address_hash else b.address_hash end,
            status = case when b.status = 'active' then 'active' else excluded.status end,
            expires_at = case when b.status = 'active' or excluded.status = 'active' then null
                              else excluded.expires_at end
        returning *`,
  );
  return toSub(row!);
}

/**
 * Claims the sending of a confirmation mail for a pending subscription: none when one went within
 * `window` (a repeated request), nor when its customer (the address) had `max` in the last hour.
 */
export async function claimConfirmation(
  exec: Executor,
  o: { id: string; now: Date; windowMs: number; max: number },
): Promise<boolean> {
  const now = o.now.getTime();
  const r = await rows<{ id: string }>(
    exec,
    sql`update back_in_stock_subscriptions s set confirmation_sent_at = ${o.now.toISOString()}
        where s.id = ${o.id} and s.status = 'pending_confirmation'
          and (s.confirmation_sent_at is null or s.confirmation_sent_at <= ${new Date(now - o.windowMs).toISOString()})
          and (select count(*) from back_in_stock_subscriptions x where x.customer_id = s.customer_id
                 and x.confirmation_sent_at > ${new Date(now - 3_600_000).toISOString()}) < ${o.max}
        returning s.id`,
  );
  return r.length > 0;
}

/** Activates a pending subscription still within its window (once: a second call finds none). */
export async function confirmSubscription(
  exec: Executor,
  id: string,
  now: Date,
): Promise<BackInStockSubscription | null> {
  const at = now.toISOString();
  const [row] = await rows<SubRow>(
    exec,
    sql`update back_in_stock_subscriptions set status = 'active', confirmed_at = ${at}, expires_at = null
        where id = ${id} and status = 'pending_confirmation' and expires_at > ${at}
        returning *`,
  );
  return row ? toSub(row) : null;
}

export async function selectSubscription(
  exec: Executor,
  id: string,
): Promise<BackInStockSubscription | null> {
  const [row] = await rows<SubRow>(exec, sql`select * from back_in_stock_subscriptions where id = ${id}`);
  return row ? toSub(row) : null;
}

/**
 * Ends the active subscriptions of these variants on these channels (their stock came back) and
 * returns them: one statement, so each is taken once however many nodes see the event.
 */
export async function takeSubscriptions(
  exec: Executor,
  available: Array<{ sku: string; channelId: string }>,
  now: Date,
): Promise<BackInStockSubscription[]> {
  if (available.length === 0) return [];
  return (
    await rows<SubRow>(
      exec,
      sql`update back_in_stock_subscriptions s set status = 'notified', ended_at = ${now.toISOString()}
          from jsonb_to_recordset(${JSON.stringify(available.map((a) => ({ sku: a.sku, channel_id: a.channelId })))}::jsonb)
            as x(sku text, channel_id text)
          where s.status = 'active' and s.sku = x.sku and s.channel_id = x.channel_id
          returning s.*`,
    )
  ).map(toSub);
}

export async function selectSubscriptionsOf(
  exec: Executor,
  customerIds: string[],
): Promise<BackInStockSubscription[]> {
  return (
    await rows<SubRow>(
      exec,
      sql`select * from back_in_stock_subscriptions where customer_id = any(${sql.param(customerIds)}::text[])
          order by created_at desc limit 50`,
    )
  ).map(toSub);
}

/** The run keys of these that a journey has ever had a run of (active or ended). */
export async function selectKnownRunKeys(
  exec: Executor,
  journey: string,
  keys: string[],
): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const r = await rows<{ run_key: string }>(
    exec,
    sql`select distinct run_key from journey_runs where journey = ${journey}
        and run_key = any(${sql.param(keys)}::text[])`,
  );
  return new Set(r.map((x) => x.run_key));
}

/**
 * Leases the named sweep to `owner` when it is due (first time: at once) and no live lease holds
 * it; true when this node got it.
 */
export async function claimSweep(
  exec: Executor,
  o: { name: string; now: Date; leaseUntil: Date; owner: string; force: boolean },
): Promise<boolean> {
  const now = o.now.toISOString();
  const r = await rows<{ name: string }>(
    exec,
    sql`insert into journey_sweeps (name, next_at, lease_until, lease_owner)
        values (${o.name}, ${now}, ${o.leaseUntil.toISOString()}, ${o.owner})
        on conflict (name) do update set lease_until = excluded.lease_until, lease_owner = excluded.lease_owner
          where (journey_sweeps.next_at <= ${now} or ${o.force})
            and (journey_sweeps.lease_until is null or journey_sweeps.lease_until < ${now})
        returning name`,
  );
  return r.length > 0;
}

/** The sweep is done: next due at `nextAt`, its lease released (only by the node holding it). */
export async function finishSweep(exec: Executor, o: { name: string; nextAt: Date; owner: string }) {
  await exec.execute(
    sql`update journey_sweeps set next_at = ${o.nextAt.toISOString()}, lease_until = null, lease_owner = null
        where name = ${o.name} and lease_owner = ${o.owner}`,
  );
}

/** Extends `owner`'s lease on the sweep (between its pages); false when another node took it over. */
export async function extendSweep(exec: Executor, o: { name: string; leaseUntil: Date; owner: string }) {
  const r = await rows<{ name: string }>(
    exec,
    sql`update journey_sweeps set lease_until = ${o.leaseUntil.toISOString()}
        where name = ${o.name} and lease_owner = ${o.owner} returning name`,
  );
  return r.length > 0;
}

/** Erasure: the customers' subscriptions forget the address typed in (their live ones end). */
export async function forgetSubscriptionAddresses(
  exec: Executor,
  customerIds: string[],
  now: Date,
): Promise<number> {
  if (customerIds.length === 0) return 0;
  const r = await rows<{ id: string }>(
    exec,
    sql`update back_in_stock_subscriptions
        set address_hash = null,
            status = case when status in ('active', 'pending_confirmation') then 'cancelled' else status end,
            ended_at = coalesce(ended_at, ${now.toISOString()})
        where customer_id = any(${sql.param(customerIds)}::text[])
          and (address_hash is not null or status in ('active', 'pending_confirmation'))
        returning id`,
  );
  return r.length;
}
