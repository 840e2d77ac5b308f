// Read-only figures over carts for the admin dashboard: active carts per channel (touched since a
// moment, e.g. the start of today).
import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Ctx } from '../../platform/context.js';
import { rows } from '../../platform/db/database.js';
import { channelScope } from '../../platform/http/auth-hook.js';
import { secretKeys } from '../../platform/http/route-policy.js';

export const ChannelCartStats = z.object({
  channelId: z.string(),
  activeCarts: z.number().int(),
  /** Σ of the lines' quantities in those carts. */
  units: z.number().int(),
});
export type ChannelCartStats = z.infer<typeof ChannelCartStats>;

export async function activeCartStats(
  ctx: Ctx,
  f: { since: Date; channelId?: string | undefined },
): Promise<ChannelCartStats[]> {
  const list = await rows<{
    channel_id: string;
    active_carts: number | string;
    units: number | string | null;
  }>(
    ctx.db,
    sql`select c.channel_id, count(*) as active_carts,
               sum((select coalesce(sum((l->>'quantity')::int), 0) from jsonb_array_elements(c.lines) l)) as units
        from carts c
        where c.status = 'active' and c.updated_at >= ${f.since.toISOString()}::timestamptz
          ${f.channelId ? sql`and c.channel_id = ${f.channelId}` : sql``}
        group by c.channel_id
        order by c.channel_id`,
  );
  return list.map((r) => ({
    channelId: r.channel_id,
    activeCarts: Number(r.active_carts),
    units: Number(r.units ?? 0),
  }));
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
