// Attribution: a hand-computed multi-channel journey (campaign click on the web, an email, direct visits
// on the web and the app) under every model, and properties over random journeys: every model credits
// exactly the orders' revenue in integer minor units, never a negative amount, and the same journey
// always the same way.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ATTRIBUTION_MODELS,
  type AttributedOrder,
  attribute,
  channelPaths,
  creditOrder,
  funnel,
  splitByWeights,
} from './index.js';

const DAY = 86_400_000;
const T = Date.parse('2026-11-20T12:00:00Z');

const journey: AttributedOrder = {
  orderId: 'ord_1',
  channel: 'chn_store',
  currency: 'EUR',
  revenue: 10_000,
  at: T,
  touches: [
    { channel: 'chn_web', campaign: 'spring', at: T - 10 * DAY, direct: false },
    { channel: 'email', campaign: null, at: T - 5 * DAY, direct: false },
    { channel: 'chn_web', campaign: null, at: T - 2 * DAY, direct: true },
    { channel: 'chn_app', campaign: null, at: T - 1 * DAY, direct: true },
  ],
};

const byChannel = (rows: ReturnType<typeof attribute>['byChannel'], model: string) =>
  Object.fromEntries(rows.filter((r) => r.model === model).map((r) => [r.key, r.credited]));

describe('attribution of a known journey', () => {
  const { byChannel: rows, byCampaign } = attribute([journey], { halfLifeDays: 7 });
  it('matches the hand-computed credit of every model', () => {
    expect(byChannel(rows, 'first_touch')).toEqual({ chn_web: 10_000 });
    expect(byChannel(rows, 'last_touch')).toEqual({ chn_app: 10_000 });
    expect(byChannel(rows, 'last_non_direct')).toEqual({ email: 10_000 });
    expect(byChannel(rows, 'linear')).toEqual({ chn_web: 5_000, email: 2_500, chn_app: 2_500 });
    // 40 / 10 / 10 / 40
    expect(byChannel(rows, 'position_based')).toEqual({ chn_web: 5_000, email: 1_000, chn_app: 4_000 });
    // weights 2^(-10/7), 2^(-5/7), 2^(-2/7), 2^(-1/7) → 1372.33, 2251.54, 3030.35, 3345.78; the two
    // leftover units go to the largest remainders (.78 app, .54 email).
    expect(byChannel(rows, 'time_decay')).toEqual({ chn_web: 1_372 + 3_030, email: 2_252, chn_app: 3_346 });
  });
  it('credits campaigns beside channels', () => {
    const first = byCampaign.filter((r) => r.model === 'first_touch');
    expect(first).toEqual([
      { model: 'first_touch', key: 'spring', currency: 'EUR', credited: 10_000, orders: 1 },
    ]);
    const linear = Object.fromEntries(
      byCampaign.filter((r) => r.model === 'linear').map((r) => [r.key, r.credited]),
    );
    expect(linear).toEqual({ spring: 2_500, null: 7_500 });
  });
  it('gives an order with no touchpoint to the channel it was placed on', () => {
    expect(creditOrder('linear', { ...journey, touches: [] }, { halfLifeDays: 7 })).toEqual([
      { channel: 'chn_store', campaign: null, amount: 10_000 },
    ]);
  });
});

const touch = fc.record({
  channel: fc.constantFrom('chn_web', 'chn_app', 'chn_store', 'email', 'sms', 'whatsapp'),
  campaign: fc.option(fc.constantFrom('spring', 'black-friday'), { nil: null }),
  ago: fc.integer({ min: 0, max: 60 * DAY }),
  direct: fc.boolean(),
});
const order = fc.record({
  revenue: fc.integer({ min: 0, max: 50_000_000 }),
  currency: fc.constantFrom('EUR', 'USD'),
  touches: fc.array(touch, { maxLength: 12 }),
});

describe('attribution properties', () => {
  it('every model credits exactly the revenue, in whole non-negative minor units, deterministically', () => {
    fc.assert(
      fc.property(
        fc.array(order, { maxLength: 20 }),
        fc.double({ min: 0.1, max: 60, noNaN: true }),
        (os, half) => {
          const orders: AttributedOrder[] = os.map((o, i) => ({
            orderId: `ord_${i}`,
            channel: 'chn_web',
            currency: o.currency,
            revenue: o.revenue,
            at: T,
            touches: o.touches
              .map((t) => ({ channel: t.channel, campaign: t.campaign, at: T - t.ago, direct: t.direct }))
              .sort((a, b) => a.at - b.at),
          }));
          const result = attribute(orders, { halfLifeDays: half });
          for (const model of ATTRIBUTION_MODELS)
            for (const currency of ['EUR', 'USD']) {
              const expected = orders
                .filter((o) => o.currency === currency)
                .reduce((s, o) => s + o.revenue, 0);
              for (const rows of [result.byChannel, result.byCampaign]) {
                const got = rows.filter((r) => r.model === model && r.currency === currency);
                expect(got.every((r) => Number.isInteger(r.credited) && r.credited >= 0)).toBe(true);
                expect(got.reduce((s, r) => s + r.credited, 0)).toBe(expected);
              }
            }
          expect(attribute(orders, { halfLifeDays: half })).toEqual(result);
        },
      ),
      { numRuns: 100 },
    );
  });
  it('splits any amount by any weights into integers summing to it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e12 }),
        fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 30 }),
        (amount, weights) => {
          const parts = splitByWeights(amount, weights);
          expect(parts.reduce((s, x) => s + x, 0)).toBe(amount);
          expect(parts.every((x) => Number.isInteger(x) && x >= 0)).toBe(true);
        },
      ),
    );
  });
});

describe('paths and funnels', () => {
  const j = (...steps: Array<[string, 'session' | 'campaign' | 'message' | 'cart' | 'order', number]>) =>
    steps.map(([channel, kind, at]) => ({ channel, kind, at }));
  const journeys = [
    j(['social', 'campaign', 0], ['app', 'session', 10], ['app', 'cart', 20], ['store', 'order', 40]),
    j(['social', 'campaign', 0], ['app', 'session', 30], ['store', 'order', 50], ['web', 'session', 90]),
    j(['social', 'campaign', 0], ['app', 'session', 5]),
    j(['web', 'session', 0], ['web', 'order', 1]),
  ];
  it('counts the common channel paths up to the first order, with gaps and conversion', () => {
    expect(channelPaths(journeys)).toEqual([
      { steps: ['social', 'app', 'store'], customers: 2, converted: 2, avgGapMs: [20, 25] },
      { steps: ['web'], customers: 1, converted: 1, avgGapMs: [] },
      { steps: ['social', 'app'], customers: 1, converted: 0, avgGapMs: [5] },
    ]);
  });
  it('counts a funnel whose steps happen on different channels', () => {
    expect(funnel(journeys, ['campaign', 'session', 'order'])).toEqual([
      { kind: 'campaign', customers: 3, byChannel: { social: 3 } },
      { kind: 'session', customers: 3, byChannel: { app: 3 } },
      { kind: 'order', customers: 2, byChannel: { store: 2 } },
    ]);
  });
});
