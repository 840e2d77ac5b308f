// Read-only views over orders for the admin console: today's figures per channel (orders, revenue,
// refunds) and every return, newest first, with the channel the order was sold on.
import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Ctx } from '../../platform/context.js';
import { rows } from '../../platform/db/database.js';
import { channelScope } from '../../platform/http/auth-hook.js';
import { secretKeys } from '../../platform/http/route-policy.js';
import { OrderReturn } from './orders.types.js';

export const ChannelOrderStats = z.object({
  channelId: z.string(),
  currency: z.string(),
  orders: z.number().int().describe('orders placed since `since`, cancelled ones excluded'),
  revenue: z
    .number()
    .int()
    .describe('Σ grand totals of those orders that are paid (awaiting payment excluded), in minor units'),
  refunded: z.number().int().describe('Σ refunded on those orders, in minor units'),
  cancelled: z.number().int(),
});
export type ChannelOrderStats = z.infer<typeof ChannelOrderStats>;

export const ReturnListItem = OrderReturn.extend({ orderChannelId: z.string() });
export type ReturnListItem = z.infer<typeof ReturnListItem>;

interface RawStats {
  channel_id: string;
  currency: string;
  orders: number | string;
  revenue: number | string | null;
  refunded: number | string | null;
  cancelled: number | string;
}

/** Per channel and currency, the orders placed since `since` (uses the (channel_id, placed_at) index). */
export async function orderStats(
  ctx: Ctx,
  f: { since: Date; channelId?: string | undefined },
): Promise<ChannelOrderStats[]> {
  const list = await rows<RawStats>(
    ctx.db,
    sql`select channel_id, currency,
               count(*) filter (where status <> 'cancelled') as orders,
               sum(grand_total) filter (where status not in ('cancelled', 'pending')) as revenue,
               sum(refunded_amount) filter (where status <> 'cancelled') as refunded,
               count(*) filter (where status = 'cancelled') as cancelled
        from orders
        where placed_at >= ${f.since.toISOString()}::timestamptz
          ${f.channelId ? sql`and channel_id = ${f.channelId}` : sql``}
        group by channel_id, currency
        order by channel_id, currency`,
  );
  return list.map((r) => ({
    channelId: r.channel_id,
    currency: r.currency,
    orders: Number(r.orders),
    revenue: Number(r.revenue ?? 0),
    refunded: Number(r.refunded ?? 0),
    cancelled: Number(r.cancelled),
  }));
}

interface RawReturnRow {
  id: string;
  order_id: string;
  order_channel_id: string;
  channel_id: string | null;
  location_id: string | null;
  method: OrderReturn['method'];
  lines: OrderReturn['lines'] | string;
  refund_method: OrderReturn['refundMethod'];
  refund_amount: number;
  currency: string;
  created_by: string;
  created_at: Date | string;
}

/** Returns of every order, newest first (ids are time-ordered); `channelId` matches where it was sold or returned. */
export async function listAllReturns(
  ctx: Ctx,
  f: { before?: string | undefined; channelId?: string | undefined; limit: number },
): Promise<ReturnListItem[]> {
  const list = await rows<RawReturnRow>(
    ctx.db,
    sql`select r.*, o.channel_id as order_channel_id
        from order_returns r join orders o on o.id = r.order_id
        where true
          ${f.before ? sql`and r.id < ${f.before}` : sql``}
          ${f.channelId ? sql`and (o.channel_id = ${f.channelId} or r.channel_id = ${f.channelId})` : sql``}
        order by r.id desc
        limit ${f.limit}`,
  );
  return list.map((r) => ({
    id: r.id,
    orderId: r.order_id,
    orderChannelId: r.order_channel_id,
    channelId: r.channel_id,
    locationId: r.location_id,
    method: r.method,
    lines: typeof r.lines === 'string' ? JSON.parse(r.lines) : r.lines,
    refundMethod: r.refund_method,
    refundAmount: Number(r.refund_amount),
    currency: r.currency,
    createdBy: r.created_by,
    createdAt: new Date(r.created_at),
  }));
}

export const orderInsightsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/orders/stats',
    {
      config: { policy: secretKeys('orders:read', 'own') },
      schema: {
        tags: ['orders'],
        summary:
          'Orders, revenue and refunds per channel and currency since a moment (e.g. the start of today)',
        querystring: z.strictObject({
          since: z.coerce.date().describe('ISO timestamp; orders placed at or after it'),
          channelId: z.string().optional(),
        }),
        response: { 200: z.object({ since: z.date(), items: z.array(ChannelOrderStats) }) },
      },
    },
    async (request) => {
      const channelId = (await channelScope(request, request.query.channelId)) ?? undefined;
      const items = await orderStats(request.ctx, { since: request.query.since, channelId });
      return { since: request.query.since, items };
    },
  );

  app.get(
    '/returns',
    {
      config: { policy: secretKeys('orders:read', 'own') },
      schema: {
        tags: ['orders'],
        summary: 'Returns and refunds of orders from every channel, newest first',
        querystring: z.strictObject({
          channelId: z.string().optional().describe('sold or returned on this channel'),
          cursor: z.string().optional().describe('nextCursor of the previous page'),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: { 200: z.object({ items: z.array(ReturnListItem), nextCursor: z.string().nullable() }) },
      },
    },
    async (request) => {
      const q = request.query;
      const channelId = (await channelScope(request, q.channelId)) ?? undefined;
      const items = await listAllReturns(request.ctx, { before: q.cursor, channelId, limit: q.limit });
      return { items, nextCursor: items.length === q.limit ? items.at(-1)!.id : null };
    },
  );
};
