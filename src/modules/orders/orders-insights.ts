// Read-only views over orders for the admin console: today's figures per channel (orders, revenue,
// refunds) and every return, newest first, with the channel the order was sold on.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Ctx } from '../../platform/context.js';
import { channelScope } from '../../platform/http/auth-hook.js';
import { secretKeys } from '../../platform/http/route-policy.js';
import { OrderReturn } from './orders.types.js';
import { selectOrderStats, selectReturnsPage } from './orders-insights.repository.js';

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

/** Per channel and currency, the orders placed since `since`. */
export function orderStats(
  ctx: Ctx,
  f: { since: Date; channelId?: string | undefined },
): Promise<ChannelOrderStats[]> {
  return selectOrderStats(ctx.db, f);
}

/** Returns of every order, newest first; `channelId` matches where it was sold or returned. */
export function listAllReturns(
  ctx: Ctx,
  f: { before?: string | undefined; channelId?: string | undefined; limit: number },
): Promise<ReturnListItem[]> {
  return selectReturnsPage(ctx.db, f);
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
