// SQL of the admin console's read-only views over orders, through the query builder (typed rows).
import { and, desc, eq, getTableColumns, gte, lt, or, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { orders, returns } from './orders.schema.js';
import type { OrderReturn } from './orders.types.js';

const notCancelled = sql`${orders.status} <> 'cancelled'`;
// Revenue is money the business has: orders awaiting payment are counted but not earned yet.
const earned = sql`${orders.status} not in ('cancelled', 'pending')`;

/** Per channel and currency, the orders placed since `since` (uses the (channel_id, placed_at) index). */
export function selectOrderStats(exec: Executor, f: { since: Date; channelId?: string | undefined }) {
  return exec
    .select({
      channelId: orders.channelId,
      currency: orders.currency,
      orders: sql`count(*) filter (where ${notCancelled})`.mapWith(Number),
      revenue: sql`coalesce(sum(${orders.grandTotal}) filter (where ${earned}), 0)`.mapWith(Number),
      refunded: sql`coalesce(sum(${orders.refundedAmount}) filter (where ${notCancelled}), 0)`.mapWith(
        Number,
      ),
      cancelled: sql`count(*) filter (where ${orders.status} = 'cancelled')`.mapWith(Number),
    })
    .from(orders)
    .where(and(gte(orders.placedAt, f.since), f.channelId ? eq(orders.channelId, f.channelId) : undefined))
    .groupBy(orders.channelId, orders.currency)
    .orderBy(orders.channelId, orders.currency);
}

/** Returns of every order, newest first (ids are time-ordered); `channelId` matches where it was sold or returned. */
export async function selectReturnsPage(
  exec: Executor,
  f: { before?: string | undefined; channelId?: string | undefined; limit: number },
): Promise<Array<OrderReturn & { orderChannelId: string }>> {
  return exec
    .select({ ...getTableColumns(returns), orderChannelId: orders.channelId })
    .from(returns)
    .innerJoin(orders, eq(orders.id, returns.orderId))
    .where(
      and(
        f.before ? lt(returns.id, f.before) : undefined,
        f.channelId ? or(eq(orders.channelId, f.channelId), eq(returns.channelId, f.channelId)) : undefined,
      ),
    )
    .orderBy(desc(returns.id))
    .limit(f.limit);
}
