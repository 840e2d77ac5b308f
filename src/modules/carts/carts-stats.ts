// Read-only figures over carts for the admin dashboard: active carts per channel (touched since a
// moment, e.g. the start of today).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Ctx } from '../../platform/context.js';
import { channelScope } from '../../platform/http/auth-hook.js';
import { secretKeys } from '../../platform/http/route-policy.js';
import { selectActiveCartStats } from './carts.repository.js';

export const ChannelCartStats = z.object({
  channelId: z.string(),
  activeCarts: z.number().int(),
  /** Σ of the lines' quantities in those carts. */
  units: z.number().int(),
});
export type ChannelCartStats = z.infer<typeof ChannelCartStats>;

export function activeCartStats(
  ctx: Ctx,
  f: { since: Date; channelId?: string | undefined },
): Promise<ChannelCartStats[]> {
  return selectActiveCartStats(ctx.db, f);
}

export const cartStatsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/carts/stats',
    {
      config: { policy: secretKeys('carts:read', 'own') },
      schema: {
        tags: ['carts'],
        summary: 'Active carts per channel (and units in them), touched since a moment',
        querystring: z.strictObject({
          since: z.coerce.date().describe('ISO timestamp; carts updated at or after it'),
          channelId: z.string().optional(),
        }),
        response: { 200: z.object({ since: z.date(), items: z.array(ChannelCartStats) }) },
      },
    },
    async (request) => {
      const channelId = (await channelScope(request, request.query.channelId)) ?? undefined;
      const items = await activeCartStats(request.ctx, { since: request.query.since, channelId });
      return { since: request.query.since, items };
    },
  );
};
