// SQL of the omnichannel score's figures over orders and returns: counts per channel in one grouped
// statement each, and a handful of sample records (newest first) behind them.
import { sql } from 'drizzle-orm';
import { type Executor, rows } from '../../platform/db/database.js';

export interface OrderChannelCounts {
  channelId: string;
  orders: number;
  withCustomer: number;
  pickup: number;
}

export interface ReturnChannelCounts {
  soldOn: string;
  returnedOn: string | null;
  returns: number;
}

export interface OrderSample {
  id: string;
  number: string;
  channelId: string;
}

const n = (v: number | string | null) => Number(v ?? 0);

/** Per channel: orders placed since `since` (cancelled excluded), those with a customer, click & collect ones. */
export async function selectOrderChannelCounts(exec: Executor, since: Date): Promise<OrderChannelCounts[]> {
  const list = await rows<{ channel_id: string; orders: string; with_customer: string; pickup: string }>(
    exec,
    sql`select channel_id, count(*) as orders,
               count(*) filter (where customer_id is not null) as with_customer,
               count(*) filter (where pickup_location_id is not null) as pickup
        from orders
        where placed_at >= ${since.toISOString()}::timestamptz and status <> 'cancelled'
        group by channel_id order by channel_id`,
  );
  return list.map((r) => ({
    channelId: r.channel_id,
    orders: n(r.orders),
    withCustomer: n(r.with_customer),
    pickup: n(r.pickup),
  }));
}

/** Returns made since `since`, per (channel sold on, channel returned on). */
export async function selectReturnChannelCounts(exec: Executor, since: Date): Promise<ReturnChannelCounts[]> {
  const list = await rows<{ sold_on: string; returned_on: string | null; returns: string }>(
    exec,
    sql`select o.channel_id as sold_on, r.channel_id as returned_on, count(*) as returns
        from order_returns r join orders o on o.id = r.order_id
        where r.created_at >= ${since.toISOString()}::timestamptz
        group by 1, 2 order by 1, 2`,
  );
  return list.map((r) => ({ soldOn: r.sold_on, returnedOn: r.returned_on, returns: n(r.returns) }));
}

export type OrderSampleKind = 'anonymous' | 'pickup' | 'returned_elsewhere';

/** Up to `limit` of the newest orders of a kind since `since` (ids, numbers and channels only). */
export async function selectOrderSample(
  exec: Executor,
  kind: OrderSampleKind,
  since: Date,
  limit: number,
): Promise<OrderSample[]> {
  const at = since.toISOString();
  const query =
    kind === 'returned_elsewhere'
      ? sql`select o.id, o.number, r.channel_id from order_returns r join orders o on o.id = r.order_id
            where r.created_at >= ${at}::timestamptz and r.channel_id is not null and r.channel_id <> o.channel_id
            order by r.created_at desc limit ${limit}`
      : sql`select id, number, channel_id from orders
            where placed_at >= ${at}::timestamptz and status <> 'cancelled'
              and ${kind === 'pickup' ? sql`pickup_location_id is not null` : sql`customer_id is null`}
            order by placed_at desc limit ${limit}`;
  const list = await rows<{ id: string; number: string; channel_id: string }>(exec, query);
  return list.map((r) => ({ id: r.id, number: r.number, channelId: r.channel_id }));
}
