// HTTP routes of the insights dashboard, all under /api/insights: channel performance, attribution,
// journeys (paths, a funnel, carts that crossed channels) and the drill-down to the orders and the
// customer behind a figure. Retailer-wide figures: `insights:read`, server-side keys bound to no
// channel. Every table can be had as CSV (`format=csv`).
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ATTRIBUTION_MODELS, type Range, TOUCH_KINDS } from '../../modules/insights/index.js';
import type { Ctx } from '../../platform/context.js';
import { secretKeys } from '../../platform/http/route-policy.js';
import { type InsightsFlow, toCsv } from './insights.flow.js';

export const POLICY = secretKeys('insights:read', 'unbound');
const DAY_MS = 86_400_000;
const MAX_RANGE_DAYS = 3 * 366;

const ChannelId = z.string().min(1).max(100);
export const RangeQuery = z.strictObject({
  from: z.coerce.date().optional().describe('start, inclusive (ISO 8601; default: 30 days before `to`)'),
  to: z.coerce.date().optional().describe('end, exclusive (ISO 8601; default: the start of tomorrow, UTC)'),
  channel: z
    .union([ChannelId, z.array(ChannelId).max(50)])
    .optional()
    .describe('a channel id to keep; repeat for more (default: every channel)'),
  format: z.enum(['json', 'csv']).default('json'),
});
type RangeInput = z.infer<typeof RangeQuery>;

export const rangeChecked = <T extends z.ZodType<RangeInput>>(schema: T) =>
  schema.superRefine((q, c) => {
    if (q.from && q.to && q.from >= q.to)
      c.addIssue({ code: 'custom', path: ['to'], message: 'must be after from' });
    if (q.from && q.to && q.to.getTime() - q.from.getTime() > MAX_RANGE_DAYS * DAY_MS)
      c.addIssue({ code: 'custom', path: ['from'], message: `at most ${MAX_RANGE_DAYS} days before to` });
  });

export function rangeOf(ctx: Ctx, q: RangeInput): Range {
  const now = ctx.clock.now();
  const to = q.to ?? new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS + DAY_MS);
  const from = q.from ?? new Date(to.getTime() - 30 * DAY_MS);
  const channels = q.channel === undefined ? [] : Array.isArray(q.channel) ? q.channel : [q.channel];
  return { from, to, channels };
}

export const RangeOut = z.object({ from: z.date(), to: z.date(), channels: z.array(z.string()) });
const ChannelInfo = z.object({ id: z.string(), code: z.string(), name: z.string(), type: z.string() });
export const Ratio = z.number().describe('0 to 1');

const Performance = z.object({
  range: RangeOut,
  channels: z.array(ChannelInfo),
  totals: z.array(
    z.object({
      channelId: z.string(),
      currency: z.string(),
      orders: z.number().int(),
      revenue: z.number().int().describe('minor units'),
      averageOrderValue: z.number().int(),
      refunded: z.number().int(),
      returns: z.number().int(),
      returnRate: Ratio,
      newCustomers: z.number().int(),
      returningCustomers: z.number().int(),
      clickCollectShare: Ratio,
      averagePickupSeconds: z.number().int().nullable(),
    }),
  ),
  days: z.array(
    z.object({
      day: z.string(),
      channelId: z.string(),
      currency: z.string(),
      orders: z.number().int(),
      revenue: z.number().int(),
      refunded: z.number().int(),
      returns: z.number().int(),
      newCustomers: z.number().int(),
      returningCustomers: z.number().int(),
      pickupOrders: z.number().int(),
      pickedUp: z.number().int(),
      pickupSeconds: z.number().int(),
    }),
  ),
  pickups: z.array(
    z.object({ locationId: z.string(), pickedUp: z.number().int(), avgSeconds: z.number().int() }),
  ),
});

const CreditRow = z.object({
  model: z.enum(ATTRIBUTION_MODELS),
  key: z.string().nullable().describe('the channel, or the campaign (null: through no campaign)'),
  currency: z.string(),
  credited: z.number().int(),
  orders: z.number().int(),
});
const Attribution = z.object({
  range: RangeOut,
  lookbackDays: z.number().int(),
  halfLifeDays: z.number(),
  orders: z.number().int(),
  truncated: z.boolean().describe('more orders than one read attributes (the first ones were)'),
  revenue: z.array(z.object({ currency: z.string(), amount: z.number().int() })),
  byChannel: z.array(CreditRow),
  byCampaign: z.array(CreditRow),
});

const Journeys = z.object({
  range: RangeOut,
  customers: z.number().int(),
  truncated: z.boolean(),
  paths: z.array(
    z.object({
      steps: z.array(z.string()),
      customers: z.number().int(),
      converted: z.number().int(),
      avgGapMs: z.array(z.number().int()),
    }),
  ),
  funnel: z.array(
    z.object({
      kind: z.enum(TOUCH_KINDS),
      customers: z.number().int(),
      byChannel: z.record(z.string(), z.number()),
    }),
  ),
  crossedCarts: z.object({
    total: z.number().int(),
    carts: z.array(
      z.object({ cartId: z.string(), customerId: z.string().nullable(), channels: z.array(z.string()) }),
    ),
  }),
});

const Orders = z.object({
  orders: z.array(
    z.object({
      orderId: z.string(),
      customerId: z.string().nullable(),
      channelId: z.string(),
      currency: z.string(),
      revenue: z.number().int(),
      refunded: z.number().int(),
      returned: z.boolean(),
      firstOrder: z.boolean(),
      delivery: z.string(),
      placedAt: z.date(),
    }),
  ),
});

const Touches = z.object({
  touchpoints: z.array(
    z.object({
      channel: z.string(),
      kind: z.enum(TOUCH_KINDS),
      source: z.string().nullable(),
      campaign: z.string().nullable(),
      orderId: z.string().nullable(),
      at: z.date(),
    }),
  ),
});

const csvReply = (name: string, body: string) => ({ name, body });
type CsvOut = ReturnType<typeof csvReply>;

export const sendCsv = (reply: FastifyReply, out: CsvOut) =>
  reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${out.name}.csv"`)
    .send(out.body as never);
const bool = z.enum(['true', 'false']).transform((v) => v === 'true');

export const insightsRoutes =
  (flow: InsightsFlow): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/insights/channels',
      {
        config: { policy: POLICY },
        schema: {
          tags: ['insights'],
          summary:
            'Channel performance: revenue, orders, AOV, returns, new vs returning, click & collect, by day',
          querystring: rangeChecked(RangeQuery),
          response: { 200: Performance },
        },
      },
      async (request, reply) => {
        const range = rangeOf(request.ctx, request.query);
        const p = await flow.performance(request.ctx, range);
        if (request.query.format === 'csv')
          return sendCsv(
            reply,
            csvReply('channels', toCsv(p.days as never, Object.keys(Performance.shape.days.element.shape))),
          );
        return { range, channels: await flow.channels(request.ctx), ...p };
      },
    );

    app.get(
      '/insights/attribution',
      {
        config: { policy: POLICY },
        schema: {
          tags: ['insights'],
          summary: 'Credit of the range’s orders to channels and campaigns under every model, side by side',
          querystring: rangeChecked(
            RangeQuery.extend({
              lookbackDays: z.coerce.number().int().min(1).max(365).default(30),
              halfLifeDays: z.coerce.number().min(0.1).max(365).default(7).describe('time decay'),
            }),
          ),
          response: { 200: Attribution },
        },
      },
      async (request, reply) => {
        const range = rangeOf(request.ctx, request.query);
        const { lookbackDays, halfLifeDays } = request.query;
        const a = await flow.attribution(request.ctx, range, { lookbackDays, halfLifeDays });
        if (request.query.format === 'csv') {
          const rows = [
            ...a.byChannel.map((r) => ({ by: 'channel', ...r })),
            ...a.byCampaign.map((r) => ({ by: 'campaign', ...r })),
          ];
          return sendCsv(
            reply,
            csvReply('attribution', toCsv(rows, ['by', 'model', 'key', 'currency', 'credited', 'orders'])),
          );
        }
        return { range, lookbackDays, halfLifeDays, ...a };
      },
    );

    app.get(
      '/insights/journeys',
      {
        config: { policy: POLICY },
        schema: {
          tags: ['insights'],
          summary:
            'Common channel paths with conversion and time between steps, a funnel across channels, crossed carts',
          querystring: rangeChecked(
            RangeQuery.extend({
              steps: z
                .string()
                .max(200)
                .default('session,cart,order')
                .pipe(
                  z
                    .string()
                    .transform((s) => s.split(','))
                    .pipe(z.array(z.enum(TOUCH_KINDS)).min(1).max(8)),
                )
                .describe(`funnel steps, comma-separated: ${TOUCH_KINDS.join(', ')}`),
              limit: z.coerce.number().int().min(1).max(100).default(20),
            }),
          ),
          response: { 200: Journeys },
        },
      },
      async (request, reply) => {
        const range = rangeOf(request.ctx, request.query);
        const j = await flow.journeys(request.ctx, range, request.query.steps, request.query.limit);
        if (request.query.format === 'csv') {
          const rows = j.paths.map((p) => ({
            path: p.steps.join(' > '),
            customers: p.customers,
            converted: p.converted,
            avg_gap_ms: p.avgGapMs.join(' '),
          }));
          return sendCsv(
            reply,
            csvReply('paths', toCsv(rows, ['path', 'customers', 'converted', 'avg_gap_ms'])),
          );
        }
        return { range, ...j };
      },
    );

    app.get(
      '/insights/orders',
      {
        config: { policy: POLICY },
        schema: {
          tags: ['insights'],
          summary: 'Drill-down: the orders (and their customers) behind a figure',
          querystring: rangeChecked(
            RangeQuery.extend({
              channelId: ChannelId.optional().describe('only this channel'),
              day: z.iso.date().optional().describe('only orders placed this day (UTC)'),
              returned: bool.optional(),
              firstOrder: bool.optional().describe('true: new customers’ first orders; false: the others'),
              limit: z.coerce.number().int().min(1).max(10_000).default(200),
            }),
          ),
          response: { 200: Orders },
        },
      },
      async (request, reply) => {
        const { channelId, day, returned, firstOrder, limit } = request.query;
        const range = rangeOf(request.ctx, request.query);
        const orders = await flow.orders(request.ctx, range, { channelId, day, returned, firstOrder }, limit);
        if (request.query.format === 'csv')
          return sendCsv(
            reply,
            csvReply(
              'orders',
              toCsv(
                orders.map((o) => ({ ...o, placedAt: o.placedAt.toISOString() })),
                Object.keys(Orders.shape.orders.element.shape),
              ),
            ),
          );
        return { orders };
      },
    );

    app.get(
      '/insights/customers/:customerId/touchpoints',
      {
        config: { policy: POLICY },
        schema: {
          tags: ['insights'],
          summary: 'Drill-down: one customer’s touchpoints on every channel in the range, oldest first',
          params: z.object({ customerId: z.string().min(1).max(100) }),
          querystring: rangeChecked(RangeQuery),
          response: { 200: Touches },
        },
      },
      async (request) => {
        const range = rangeOf(request.ctx, request.query);
        const touchpoints = await flow.touchesOf(request.ctx, range, request.params.customerId);
        return { touchpoints };
      },
    );
  };
