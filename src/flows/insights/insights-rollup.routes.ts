// HTTP routes over the rollups the projection keeps: cohorts and retention, lifetime value, inbox
// first-response times per channel (each as JSON or CSV), and the rebuild of the insights projection
// from log position 0 (admin only: it empties every figure until the replay catches up).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { secretKeys } from '../../platform/http/route-policy.js';
import { type InsightsFlow, toCsv } from './insights.flow.js';
import { POLICY, RangeOut, RangeQuery, Ratio, rangeChecked, rangeOf, sendCsv } from './insights.routes.js';

const Cohorts = z.object({
  range: RangeOut,
  cohorts: z.array(
    z.object({
      cohort: z.string().describe('first day of the month (UTC) of the customers’ first order'),
      customers: z.number().int(),
      months: z.array(
        z.object({
          offset: z.number().int().describe('months after the cohort’s'),
          customers: z.number().int(),
          share: Ratio,
        }),
      ),
    }),
  ),
});

const LtvRow = z.object({
  key: z.string(),
  currency: z.string(),
  customers: z.number().int(),
  orders: z.number().int(),
  revenue: z.number().int().describe('minor units, cancelled orders taken out'),
  ltv: z.number().int().describe('revenue per customer, minor units'),
});
const Ltv = z.object({ range: RangeOut, byCohort: z.array(LtvRow), byFirstChannel: z.array(LtvRow) });

const ResponseTimes = z.object({
  range: RangeOut,
  channels: z.array(
    z.object({
      channel: z.string().describe('the messaging channel (email, sms, whatsapp, chat…)'),
      conversations: z.number().int(),
      responded: z.number().int(),
      responseRate: Ratio,
      averageSeconds: z.number().int().nullable(),
    }),
  ),
});

const Rebuilt = z.object({ rebuilding: z.literal(true) });

export const insightsRollupRoutes =
  (flow: InsightsFlow): FastifyPluginAsyncZod =>
  async (app) => {
    const querystring = rangeChecked(RangeQuery);

    app.get(
      '/insights/cohorts',
      {
        config: { policy: POLICY },
        schema: {
          tags: ['insights'],
          summary: 'Cohorts by month of first order and the share ordering again in each following month',
          querystring,
          response: { 200: Cohorts },
        },
      },
      async (request, reply) => {
        const range = rangeOf(request.ctx, request.query);
        const cohorts = await flow.cohorts(request.ctx, range);
        if (request.query.format === 'csv') {
          const rows = cohorts.flatMap((c) => [
            { cohort: c.cohort, offset: 0, customers: c.customers, share: 1 },
            ...c.months.map((m) => ({ cohort: c.cohort, ...m })),
          ]);
          return sendCsv(reply, {
            name: 'cohorts',
            body: toCsv(rows, ['cohort', 'offset', 'customers', 'share']),
          });
        }
        return { range, cohorts };
      },
    );

    app.get(
      '/insights/ltv',
      {
        config: { policy: POLICY },
        schema: {
          tags: ['insights'],
          summary: 'Customer lifetime value (revenue per customer) by cohort and by first channel',
          querystring,
          response: { 200: Ltv },
        },
      },
      async (request, reply) => {
        const range = rangeOf(request.ctx, request.query);
        const ltv = await flow.ltv(request.ctx, range);
        if (request.query.format === 'csv') {
          const rows = [
            ...ltv.byCohort.map((r) => ({ by: 'cohort', ...r })),
            ...ltv.byFirstChannel.map((r) => ({ by: 'first_channel', ...r })),
          ];
          const header = ['by', 'key', 'currency', 'customers', 'orders', 'revenue', 'ltv'];
          return sendCsv(reply, { name: 'ltv', body: toCsv(rows, header) });
        }
        return { range, ...ltv };
      },
    );

    app.get(
      '/insights/response-times',
      {
        config: { policy: POLICY },
        schema: {
          tags: ['insights'],
          summary:
            'Inbox first-response time per messaging channel: conversations opened in the range, answered, average seconds',
          querystring,
          response: { 200: ResponseTimes },
        },
      },
      async (request, reply) => {
        const range = rangeOf(request.ctx, request.query);
        const channels = await flow.responseTimes(request.ctx, range);
        if (request.query.format === 'csv')
          return sendCsv(reply, {
            name: 'response-times',
            body: toCsv(channels as never, Object.keys(ResponseTimes.shape.channels.element.shape)),
          });
        return { range, channels };
      },
    );

    app.post(
      '/insights/rebuild',
      {
        config: { policy: secretKeys('admin', 'unbound') },
        schema: {
          tags: ['insights'],
          summary:
            'Rebuild the insights projection from log position 0: empties its rows and rollups, which fill again as it replays',
          response: { 200: Rebuilt },
        },
      },
      async (request) => {
        await flow.rebuild(request.ctx);
        return { rebuilding: true as const };
      },
    );
  };
