// The rollups made at projection time, on both databases: for random journeys (visits, campaign clicks,
// messages, carts and orders of a few customers, some orders cancelled) delivered in random batches,
// each twice, the attribution rollup equals the per-request computation over the same touchpoints;
// cohorts count each customer once per month; inbox first responses per channel.
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../platform/testing/test-databases.js';
import {
  createInsightsService,
  type InboxMessage,
  insightsMigrations,
  type OrderChange,
  type PlacedOrder,
  ROLLUP_ATTRIBUTION,
  type TouchpointRow,
} from './index.js';
import type { CohortCell, ResponseSum } from './rollups.repository.js';

const T0 = Date.parse('2026-10-01T00:00:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const RANGE = { from: new Date(T0 - DAY), to: new Date(T0 + 60 * DAY), channels: [] };

const step = fc.record({
  customer: fc.option(fc.constantFrom('cus_a', 'cus_b', 'cus_c'), { nil: null }),
  kind: fc.constantFrom('session', 'campaign', 'message', 'cart', 'order'),
  channel: fc.constantFrom('chn_web', 'chn_app', 'chn_store', 'email'),
  campaign: fc.option(fc.constantFrom('spring', 'sale'), { nil: null }),
  gapHours: fc.integer({ min: 0, max: 24 * 12 }),
  revenue: fc.integer({ min: 0, max: 50_000 }),
  currency: fc.constantFrom('EUR', 'EUR', 'SEK'),
  cancelled: fc.boolean(),
});
type Step = typeof step extends fc.Arbitrary<infer S> ? S : never;

const cohortsLike = (cells: CohortCell[]) =>
  cells.map((c) => [c.cohortMonth, c.month, c.firstChannel, c.customers, c.orders, c.revenue].join('|'));
const responseLike = (sums: ResponseSum[]) =>
  sums.map((s) => [s.channel, s.conversations, s.responded, s.responseSeconds].join('|'));

type Item = { touch: TouchpointRow } | { order: PlacedOrder; cancel: OrderChange | null };

/** The journeys in time order (the log's order), each touchpoint or order once. */
function items(steps: Step[]): Item[] {
  let at = T0;
  return steps.flatMap((s, i): Item[] => {
    at += s.gapHours * HOUR;
    const when = new Date(at);
    if (s.kind === 'order') {
      const orderId = `ord_${i}`;
      return [
        {
          order: {
            orderId,
            customerId: s.customer,
            channelId: s.channel,
            currency: s.currency,
            revenue: s.revenue,
            delivery: 'ship',
            at: when,
          },
          cancel: s.cancelled ? { kind: 'cancelled', orderId } : null,
        },
      ];
    }
    if (!s.customer) return [];
    const campaign = s.kind === 'campaign' ? s.campaign : null;
    return [
      {
        touch: {
          key: `t${i}`,
          customerId: s.customer,
          channel: s.channel,
          kind: s.kind as TouchpointRow['kind'],
          source: campaign ? 'instagram' : null,
          medium: null,
          campaign,
          orderId: null,
          at: when,
        },
      },
    ];
  });
}

describeEachDatabase('insights: rollups', [insightsMigrations], (t) => {
  const insights = createInsightsService();

  it('the attribution rollup equals the per-request computation, whatever the batches and replays', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(step, { minLength: 1, maxLength: 25 }),
        fc.integer({ min: 1, max: 6 }),
        async (steps, batchSize) => {
          const ctx = t.ctx();
          await insights.reset(ctx);
          const all = items(steps);
          for (let i = 0; i < all.length; i += batchSize) {
            const part = all.slice(i, i + batchSize);
            const batch = {
              touchpoints: part.flatMap((x) => ('touch' in x ? [x.touch] : [])),
              placed: part.flatMap((x) => ('order' in x ? [x.order] : [])),
              changes: part.flatMap((x) => ('order' in x && x.cancel ? [x.cancel] : [])),
              carts: [],
              messages: [],
            };
            await insights.record(ctx, batch);
            await insights.record(ctx, batch);
          }
          const perRequest = await insights.attribution(ctx, RANGE, ROLLUP_ATTRIBUTION);
          const rollup = await insights.attributionRollup(ctx, RANGE);
          expect(rollup).toEqual(perRequest);
        },
      ),
      { numRuns: 20 },
    );
  });

  it('cohorts: each customer once per month in the cohort of their first order; cancelled orders taken out', async () => {
    const ctx = t.ctx();
    await insights.reset(ctx);
    const order = (orderId: string, customerId: string, channelId: string, day: string, revenue: number) => ({
      orderId,
      customerId,
      channelId,
      currency: 'EUR',
      revenue,
      delivery: 'ship',
      at: new Date(`${day}T12:00:00Z`),
    });
    const batch = (placed: PlacedOrder[], changes: OrderChange[] = []) => ({
      touchpoints: [],
      placed,
      changes,
      carts: [],
      messages: [],
    });
    const first = batch([
      order('o1', 'cus_a', 'chn_web', '2026-10-03', 1000),
      order('o2', 'cus_b', 'chn_store', '2026-10-20', 2000),
      order('o3', 'cus_a', 'chn_app', '2026-10-25', 500),
    ]);
    await insights.record(ctx, first);
    await insights.record(ctx, first);
    await insights.record(
      ctx,
      batch([
        order('o4', 'cus_a', 'chn_web', '2026-11-02', 700),
        order('o5', 'cus_c', 'chn_web', '2026-11-05', 300),
      ]),
    );
    await insights.record(
      ctx,
      batch([order('o6', 'cus_b', 'chn_web', '2026-12-01', 900)], [{ kind: 'cancelled', orderId: 'o6' }]),
    );
    expect(cohortsLike(await insights.cohorts(ctx, RANGE))).toEqual([
      '2026-10-01|2026-10-01|chn_store|1|1|2000',
      '2026-10-01|2026-10-01|chn_web|1|2|1500',
      '2026-10-01|2026-11-01|chn_web|1|1|700',
      '2026-10-01|2026-12-01|chn_store|1|0|0',
      '2026-11-01|2026-11-01|chn_web|1|1|300',
    ]);
  });

  it('inbox: the first reply after a conversation’s first customer message, per channel, once', async () => {
    const ctx = t.ctx();
    await insights.reset(ctx);
    const m = (
      conversationId: string,
      channel: string,
      direction: InboxMessage['direction'],
      min: number,
    ) => ({
      conversationId,
      channel,
      direction,
      at: new Date(T0 + min * 60_000),
    });
    const batch = (messages: InboxMessage[]) => ({
      touchpoints: [],
      placed: [],
      changes: [],
      carts: [],
      messages,
    });
    // An agent writing first is no reply; the second reply is not the first.
    const one = batch([
      m('cnv_1', 'email', 'outbound', 0),
      m('cnv_1', 'email', 'inbound', 5),
      m('cnv_1', 'email', 'outbound', 15),
    ]);
    await insights.record(ctx, one);
    await insights.record(ctx, one);
    await insights.record(
      ctx,
      batch([m('cnv_1', 'email', 'outbound', 60), m('cnv_2', 'chat', 'inbound', 10)]),
    );
    await insights.record(
      ctx,
      batch([m('cnv_2', 'chat', 'outbound', 11), m('cnv_3', 'chat', 'inbound', 20)]),
    );
    expect(responseLike(await insights.responseTimes(ctx, RANGE))).toEqual(['chat|2|1|60', 'email|1|1|600']);
  });
});
