// SQL of the insights projections. Every write is one statement per batch and kind, idempotent: rows
// are keyed (touchpoints, orders, cart channels), and the daily rollup moves only by what a statement
// actually inserted or flipped (data-modifying CTEs returning the changed rows), so a replayed batch
// adds nothing.
import { type SQL, sql } from 'drizzle-orm';
import { type Executor, rows } from '../../platform/db/database.js';
import type {
  AddedOrder,
  CancelledOrder,
  DailyRow,
  OrderChange,
  OrderCredit,
  OrderRow,
  PickupRow,
  PlacedOrder,
  Range,
  StoredTouch,
  TouchpointRow,
} from './insights.types.js';

/** Array parameters and filters shared by the insights repositories. */
export const texts = (v: Array<string | null>) => sql`${sql.param(v)}::text[]`;
export const times = (v: Date[]) => sql`${sql.param(v.map((d) => d.toISOString()))}::timestamptz[]`;
export const bigints = (v: number[]) => sql`${sql.param(v)}::bigint[]`;
const DAY = sql`(placed_at at time zone 'UTC')::date`;

/** Records touchpoints; answers the ones actually inserted (a replay's are not). */
export async function insertTouchpoints(exec: Executor, t: TouchpointRow[]): Promise<StoredTouch[]> {
  if (t.length === 0) return [];
  const found = await rows<Record<string, unknown>>(
    exec,
    sql`insert into insights_touchpoints (key, customer_id, channel, kind, source, medium, campaign, order_id, at)
        select * from unnest(${texts(t.map((x) => x.key))}, ${texts(t.map((x) => x.customerId))},
          ${texts(t.map((x) => x.channel))}, ${texts(t.map((x) => x.kind))}, ${texts(t.map((x) => x.source))},
          ${texts(t.map((x) => x.medium))}, ${texts(t.map((x) => x.campaign))},
          ${texts(t.map((x) => x.orderId))}, ${times(t.map((x) => x.at))})
        on conflict (key) do nothing
        returning customer_id, channel, kind, source, campaign, order_id, at`,
  );
  return found.map(touchOf);
}

/**
 * Records new orders and adds them to their day's rollup (a customer's first order counts as new);
 * answers the orders actually added (a replay's are not).
 */
export async function insertPlacedOrders(exec: Executor, o: PlacedOrder[]): Promise<AddedOrder[]> {
  if (o.length === 0) return [];
  const found = await rows<Record<string, unknown>>(
    exec,
    sql`with input as (
          select distinct on (order_id) * from unnest(${texts(o.map((x) => x.orderId))},
            ${texts(o.map((x) => x.customerId))}, ${texts(o.map((x) => x.channelId))},
            ${texts(o.map((x) => x.currency))}, ${bigints(o.map((x) => x.revenue))},
            ${texts(o.map((x) => x.delivery))}, ${times(o.map((x) => x.at))})
            as t(order_id, customer_id, channel_id, currency, revenue, delivery, placed_at)
          where not exists (select 1 from insights_orders e where e.order_id = t.order_id)
          order by order_id
        ),
        ranked as (
          select i.*, i.customer_id is not null
            and row_number() over (partition by i.customer_id order by i.placed_at, i.order_id) = 1
            and not exists (select 1 from insights_orders e where e.customer_id = i.customer_id) as first_order
          from input i
        ),
        added as (
          insert into insights_orders (order_id, customer_id, channel_id, currency, revenue, delivery,
                                       placed_at, first_order)
          select order_id, customer_id, channel_id, currency, revenue, delivery, placed_at, first_order
          from ranked on conflict (order_id) do nothing
          returning order_id, channel_id, currency, revenue, delivery, placed_at, first_order, customer_id
        ),
        daily as (
        insert into insights_daily (day, channel_id, currency, orders, revenue, new_customers,
                                    returning_customers, pickup_orders)
        select ${DAY}, channel_id, currency, count(*), sum(revenue), count(*) filter (where first_order),
               count(*) filter (where customer_id is not null and not first_order),
               count(*) filter (where delivery = 'pickup')
        from added group by 1, 2, 3
        on conflict (day, channel_id, currency) do update set
          orders = insights_daily.orders + excluded.orders,
          revenue = insights_daily.revenue + excluded.revenue,
          new_customers = insights_daily.new_customers + excluded.new_customers,
          returning_customers = insights_daily.returning_customers + excluded.returning_customers,
          pickup_orders = insights_daily.pickup_orders + excluded.pickup_orders
        returning 1)
        select order_id, customer_id, channel_id, currency, revenue, placed_at from added`,
  );
  return found.map((x) => ({
    orderId: String(x.order_id),
    customerId: (x.customer_id as string | null) ?? null,
    channelId: String(x.channel_id),
    currency: String(x.currency),
    revenue: Number(x.revenue),
    placedAt: new Date(x.placed_at as string),
  }));
}

/** Adds per-day deltas (from the rows a statement changed) to the rollup. */
const rollupDelta = (changed: SQL, set: SQL) =>
  sql`insert into insights_daily (day, channel_id, currency, orders, revenue, refunded, returns, picked_up,
                                  pickup_seconds)
      select ${DAY}, channel_id, currency, sum(d_orders), sum(d_revenue), sum(d_refunded), sum(d_returns),
             sum(d_picked), sum(d_seconds)
      from (${changed}) c group by 1, 2, 3
      on conflict (day, channel_id, currency) do update set ${set}`;

/** Applies the changes; answers the orders newly cancelled (their credit is taken back by the caller). */
export async function applyOrderChanges(exec: Executor, changes: OrderChange[]): Promise<CancelledOrder[]> {
  let cancelledRows: CancelledOrder[] = [];
  const of = <K extends OrderChange['kind']>(k: K) =>
    changes.filter((c): c is Extract<OrderChange, { kind: K }> => c.kind === k);
  const refunds = of('refunded');
  if (refunds.length)
    await exec.execute(
      sql`with input as (
            select order_id, max(refunded) as refunded, bool_or(returned) as returned
            from unnest(${texts(refunds.map((r) => r.orderId))}, ${bigints(refunds.map((r) => r.refunded))},
                        ${sql.param(refunds.map((r) => r.returned))}::boolean[]) as t(order_id, refunded, returned)
            group by order_id
          ),
          old as (select o.order_id, o.refunded, o.returned from insights_orders o join input using (order_id)),
          changed as (
            update insights_orders o set refunded = greatest(o.refunded, i.refunded), returned = o.returned or i.returned
            from input i where o.order_id = i.order_id and (i.refunded > o.refunded or (i.returned and not o.returned))
            returning o.order_id, o.channel_id, o.currency, o.placed_at, o.refunded, o.returned
          )
          ${rollupDelta(
            sql`select c.channel_id, c.currency, c.placed_at, 0 as d_orders, 0 as d_revenue,
                       c.refunded - old.refunded as d_refunded,
                       case when c.returned and not old.returned then 1 else 0 end as d_returns,
                       0 as d_picked, 0 as d_seconds
                from changed c join old using (order_id)`,
            sql`refunded = insights_daily.refunded + excluded.refunded, returns = insights_daily.returns + excluded.returns`,
          )}`,
    );
  const cancelled = of('cancelled');
  if (cancelled.length) {
    const found = await rows<Record<string, unknown>>(
      exec,
      sql`with changed as (
            update insights_orders set cancelled = true
            where order_id = any(${texts(cancelled.map((c) => c.orderId))}) and not cancelled
            returning order_id, customer_id, channel_id, currency, placed_at, revenue, credit
          ),
          daily as (${rollupDelta(
            sql`select channel_id, currency, placed_at, -1 as d_orders, -revenue as d_revenue, 0 as d_refunded,
                       0 as d_returns, 0 as d_picked, 0 as d_seconds from changed`,
            sql`orders = insights_daily.orders + excluded.orders, revenue = insights_daily.revenue + excluded.revenue`,
          )} returning 1)
          select order_id, customer_id, channel_id, currency, placed_at, revenue, credit from changed`,
    );
    cancelledRows = found.map((x) => ({
      orderId: String(x.order_id),
      customerId: (x.customer_id as string | null) ?? null,
      channelId: String(x.channel_id),
      currency: String(x.currency),
      revenue: Number(x.revenue),
      placedAt: new Date(x.placed_at as string),
      credit: (x.credit as OrderCredit | null) ?? null,
    }));
  }
  const ready = of('ready');
  if (ready.length)
    await exec.execute(
      sql`update insights_orders o set ready_at = coalesce(o.ready_at, i.at), pickup_location_id = i.location_id
          from unnest(${texts(ready.map((r) => r.orderId))}, ${texts(ready.map((r) => r.locationId))},
                      ${times(ready.map((r) => r.at))}) as i(order_id, location_id, at)
          where o.order_id = i.order_id and o.picked_up_at is null`,
    );
  const picked = of('picked_up');
  if (picked.length)
    await exec.execute(
      sql`with changed as (
            update insights_orders o set picked_up_at = i.at, pickup_location_id = i.location_id
            from (select distinct on (order_id) * from unnest(${texts(picked.map((r) => r.orderId))},
                    ${texts(picked.map((r) => r.locationId))}, ${times(picked.map((r) => r.at))})
                    as t(order_id, location_id, at) order by order_id, at) i
            where o.order_id = i.order_id and o.picked_up_at is null
            returning o.channel_id, o.currency, o.placed_at, o.ready_at, o.picked_up_at
          )
          ${rollupDelta(
            sql`select channel_id, currency, placed_at, 0 as d_orders, 0 as d_revenue, 0 as d_refunded, 0 as d_returns,
                       case when ready_at is null then 0 else 1 end as d_picked,
                       coalesce(greatest(0, extract(epoch from picked_up_at - ready_at))::bigint, 0) as d_seconds
                from changed`,
            sql`picked_up = insights_daily.picked_up + excluded.picked_up,
                pickup_seconds = insights_daily.pickup_seconds + excluded.pickup_seconds`,
          )}`,
    );
  const linked = of('customer');
  if (linked.length)
    await exec.execute(
      sql`update insights_orders o set customer_id = i.customer_id
          from unnest(${texts(linked.map((r) => r.orderId))}, ${texts(linked.map((r) => r.customerId))})
            as i(order_id, customer_id)
          where o.order_id = i.order_id and o.customer_id is distinct from i.customer_id`,
    );
  return cancelledRows;
}

export const channelFilter = (column: SQL, channels: string[]) =>
  channels.length ? sql`and ${column} = any(${texts(channels)})` : sql``;

export async function selectDaily(exec: Executor, r: Range): Promise<DailyRow[]> {
  const found = await rows<Record<string, string | number>>(
    exec,
    sql`select day::text as day, channel_id, currency, orders, revenue, refunded, returns, new_customers,
               returning_customers, pickup_orders, picked_up, pickup_seconds
        from insights_daily
        where day >= (${r.from.toISOString()}::timestamptz at time zone 'UTC')::date
          and day < (${r.to.toISOString()}::timestamptz at time zone 'UTC')::date
          ${channelFilter(sql`channel_id`, r.channels)}
        order by day, channel_id, currency`,
  );
  return found.map((x) => ({
    day: String(x.day),
    channelId: String(x.channel_id),
    currency: String(x.currency),
    orders: Number(x.orders),
    revenue: Number(x.revenue),
    refunded: Number(x.refunded),
    returns: Number(x.returns),
    newCustomers: Number(x.new_customers),
    returningCustomers: Number(x.returning_customers),
    pickupOrders: Number(x.pickup_orders),
    pickedUp: Number(x.picked_up),
    pickupSeconds: Number(x.pickup_seconds),
  }));
}

export const inRange = (column: SQL, r: Range) =>
  sql`${column} >= ${r.from.toISOString()}::timestamptz and ${column} < ${r.to.toISOString()}::timestamptz`;

export async function selectPickups(exec: Executor, r: Range): Promise<PickupRow[]> {
  const found = await rows<{ location_id: string; picked_up: number; avg_seconds: number | string }>(
    exec,
    sql`select pickup_location_id as location_id, count(*)::int as picked_up,
               coalesce(avg(extract(epoch from picked_up_at - ready_at)), 0) as avg_seconds
        from insights_orders
        where ${inRange(sql`placed_at`, r)} and picked_up_at is not null and ready_at is not null
          ${channelFilter(sql`channel_id`, r.channels)}
        group by pickup_location_id order by pickup_location_id`,
  );
  return found.map((x) => ({
    locationId: x.location_id,
    pickedUp: Number(x.picked_up),
    avgSeconds: Math.round(Number(x.avg_seconds)),
  }));
}

export interface OrderFilter {
  channelId?: string | undefined;
  day?: string | undefined;
  returned?: boolean | undefined;
  firstOrder?: boolean | undefined;
  orderIds?: string[] | undefined;
}

export async function selectOrders(
  exec: Executor,
  r: Range,
  f: OrderFilter,
  limit: number,
): Promise<OrderRow[]> {
  const found = await rows<Record<string, unknown>>(
    exec,
    sql`select order_id, customer_id, channel_id, currency, revenue, refunded, returned, first_order, delivery,
               placed_at
        from insights_orders
        where ${inRange(sql`placed_at`, r)} and not cancelled ${channelFilter(sql`channel_id`, r.channels)}
          ${f.channelId ? sql`and channel_id = ${f.channelId}` : sql``}
          ${f.day ? sql`and ${DAY} = ${f.day}::date` : sql``}
          ${f.returned === undefined ? sql`` : sql`and returned = ${f.returned}`}
          ${f.firstOrder === undefined ? sql`` : sql`and first_order = ${f.firstOrder}`}
          ${f.orderIds ? sql`and order_id = any(${texts(f.orderIds)})` : sql``}
        order by placed_at, order_id limit ${limit}`,
  );
  return found.map((x) => ({
    orderId: String(x.order_id),
    customerId: (x.customer_id as string | null) ?? null,
    channelId: String(x.channel_id),
    currency: String(x.currency),
    revenue: Number(x.revenue),
    refunded: Number(x.refunded),
    returned: Boolean(x.returned),
    firstOrder: Boolean(x.first_order),
    delivery: String(x.delivery),
    placedAt: new Date(x.placed_at as string),
  }));
}

/** The touchpoints within the lookback before each order of the range (the order's own excluded). */
export function selectTouchesBeforeOrders(
  exec: Executor,
  r: Range,
  lookbackDays: number,
  limitOrders: number,
): Promise<Array<StoredTouch & { forOrder: string }>> {
  return touchesBefore(
    exec,
    sql`select order_id, customer_id, placed_at from insights_orders
        where ${inRange(sql`placed_at`, r)} and not cancelled and customer_id is not null
          ${channelFilter(sql`channel_id`, r.channels)}
        order by placed_at, order_id limit ${limitOrders}`,
    lookbackDays,
  );
}

/** The same for given orders (the projection crediting the orders it just added). */
export function selectTouchesBeforeOrderIds(
  exec: Executor,
  orderIds: string[],
  lookbackDays: number,
): Promise<Array<StoredTouch & { forOrder: string }>> {
  return touchesBefore(
    exec,
    sql`select order_id, customer_id, placed_at from insights_orders
        where order_id = any(${texts(orderIds)}) and customer_id is not null`,
    lookbackDays,
  );
}

async function touchesBefore(
  exec: Executor,
  ordersQuery: SQL,
  lookbackDays: number,
): Promise<Array<StoredTouch & { forOrder: string }>> {
  const found = await rows<Record<string, unknown>>(
    exec,
    sql`with o as (${ordersQuery})
        select o.order_id as for_order, t.customer_id, t.channel, t.kind, t.source, t.campaign, t.order_id, t.at
        from o join insights_touchpoints t on t.customer_id = o.customer_id
          and t.at >= o.placed_at - ${`${lookbackDays} days`}::interval and t.at < o.placed_at
          and t.order_id is distinct from o.order_id
        order by o.order_id, t.at, t.key`,
  );
  return found.map((x) => ({ ...touchOf(x), forOrder: String(x.for_order) }));
}

const touchOf = (x: Record<string, unknown>): StoredTouch => ({
  customerId: String(x.customer_id),
  channel: String(x.channel),
  kind: x.kind as StoredTouch['kind'],
  source: (x.source as string | null) ?? null,
  campaign: (x.campaign as string | null) ?? null,
  orderId: (x.order_id as string | null) ?? null,
  at: new Date(x.at as string),
});

/** Touchpoints in the range, by customer and time (at most `limit`). */
export async function selectTouches(
  exec: Executor,
  r: Range,
  limit: number,
  customerId?: string,
): Promise<StoredTouch[]> {
  const found = await rows<Record<string, unknown>>(
    exec,
    sql`select customer_id, channel, kind, source, campaign, order_id, at from insights_touchpoints
        where ${inRange(sql`at`, r)} ${customerId ? sql`and customer_id = ${customerId}` : sql``}
        order by customer_id, at, key limit ${limit}`,
  );
  return found.map(touchOf);
}

export async function deleteEverything(exec: Executor): Promise<void> {
  await exec.execute(
    sql`truncate insights_touchpoints, insights_orders, insights_daily, insights_cart_channels,
          insights_attribution_daily, insights_paths_daily, insights_funnel, insights_customers,
          insights_customer_months, insights_cohorts, insights_conversations, insights_response_daily`,
  );
}
