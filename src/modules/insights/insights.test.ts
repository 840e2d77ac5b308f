// The insights projections on both databases: the daily rollup equals a brute-force recomputation from
// the orders and their changes whatever the batches they arrive in and however often a batch is
// delivered again (returns, refunds, cancellations and pickups included), and new vs returning
// customers count each customer's first order once.
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../platform/testing/test-databases.js';
import { createInsightsService, insightsMigrations, type OrderChange, type PlacedOrder } from './index.js';

const T0 = Date.parse('2026-11-01T00:00:00Z');
const HOUR = 3_600_000;
const RANGE = { from: new Date(T0 - 24 * HOUR), to: new Date(T0 + 40 * 24 * HOUR), channels: [] };

interface Story {
  order: PlacedOrder;
  changes: OrderChange[];
}

const story = fc.record({
  customer: fc.option(fc.constantFrom('cus_a', 'cus_b', 'cus_c'), { nil: null }),
  channel: fc.constantFrom('chn_web', 'chn_app', 'chn_store'),
  revenue: fc.integer({ min: 0, max: 100_000 }),
  pickup: fc.boolean(),
  refunded: fc.option(fc.integer({ min: 1, max: 100_000 }), { nil: null }),
  returned: fc.boolean(),
  cancelled: fc.boolean(),
  pickedAfterMin: fc.option(fc.integer({ min: 1, max: 600 }), { nil: null }),
});
type RawStory = typeof story extends fc.Arbitrary<infer S> ? S : never;

function build(raw: RawStory[]): Story[] {
  return raw.map((s, i) => {
    const at = new Date(T0 + i * 7 * HOUR);
    const orderId = `ord_${i}`;
    const changes: OrderChange[] = [];
    if (s.refunded !== null)
      changes.push({ kind: 'refunded', orderId, refunded: s.refunded, returned: s.returned });
    if (s.cancelled) changes.push({ kind: 'cancelled', orderId });
    if (s.pickup && s.pickedAfterMin !== null) {
      changes.push({ kind: 'ready', orderId, locationId: 'loc_1', at: new Date(at.getTime() + HOUR) });
      changes.push({
        kind: 'picked_up',
        orderId,
        locationId: 'loc_1',
        at: new Date(at.getTime() + HOUR + s.pickedAfterMin * 60_000),
      });
    }
    return {
      order: {
        orderId,
        customerId: s.customer,
        channelId: s.channel,
        currency: 'EUR',
        revenue: s.revenue,
        delivery: s.pickup ? 'pickup' : 'ship',
        at,
      },
      changes,
    };
  });
}

/** What the rollup must hold: per day and channel, summed from the stories directly. */
function bruteForce(stories: Story[]) {
  const seen = new Set<string>();
  const out = new Map<string, Record<string, number>>();
  for (const { order: o, changes } of stories) {
    const k = `${o.at.toISOString().slice(0, 10)}|${o.channelId}`;
    const r = out.get(k) ?? {
      orders: 0,
      revenue: 0,
      refunded: 0,
      returns: 0,
      newCustomers: 0,
      returningCustomers: 0,
      pickupOrders: 0,
      pickedUp: 0,
      pickupSeconds: 0,
    };
    const cancelled = changes.some((c) => c.kind === 'cancelled');
    r.orders! += cancelled ? 0 : 1;
    r.revenue! += cancelled ? 0 : o.revenue;
    if (o.customerId) {
      if (seen.has(o.customerId)) r.returningCustomers!++;
      else r.newCustomers!++;
      seen.add(o.customerId);
    }
    if (o.delivery === 'pickup') r.pickupOrders!++;
    for (const c of changes) {
      if (c.kind === 'refunded') {
        r.refunded! += c.refunded;
        if (c.returned) r.returns!++;
      }
      if (c.kind === 'picked_up') {
        r.pickedUp!++;
        r.pickupSeconds! += (c.at.getTime() - o.at.getTime() - HOUR) / 1000;
      }
    }
    out.set(k, r);
  }
  return [...out].map(([k, v]) => `${k}:${JSON.stringify(v)}`).sort();
}

describeEachDatabase('insights: projections', [insightsMigrations], (t) => {
  const insights = createInsightsService();

  it('the daily rollup equals a brute-force recomputation, whatever the batches and replays', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(story, { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 5 }),
        async (raw, batchSize) => {
          const ctx = t.ctx();
          await insights.reset(ctx);
          const stories = build(raw);
          // Orders in order of placing; each batch delivered twice (at-least-once).
          for (let i = 0; i < stories.length; i += batchSize) {
            const part = stories.slice(i, i + batchSize);
            const batch = {
              touchpoints: [],
              placed: part.map((s) => s.order),
              changes: part.flatMap((s) => s.changes),
              carts: [],
              messages: [],
            };
            await insights.record(ctx, batch);
            await insights.record(ctx, batch);
          }
          const days = await insights.daily(ctx, RANGE);
          const got = days
            .map((d) => {
              const { day, channelId, currency: _c, ...v } = d;
              return `${day}|${channelId}:${JSON.stringify(v)}`;
            })
            .sort();
          expect(got).toEqual(bruteForce(stories));
        },
      ),
      { numRuns: 15 },
    );
  });

  it('counts carts seen on several channels, a merged cart’s channel included', async () => {
    const ctx = t.ctx();
    await insights.reset(ctx);
    const at = new Date(T0);
    await insights.record(ctx, {
      touchpoints: [],
      placed: [],
      changes: [],
      messages: [],
      carts: [
        { cartId: 'cart_1', channelId: 'chn_web', customerId: 'cus_a', at },
        { cartId: 'cart_2', channelId: 'chn_app', customerId: 'cus_a', at },
        { cartId: 'cart_3', channelId: 'chn_web', customerId: null, at },
      ],
    });
    await insights.record(ctx, {
      touchpoints: [],
      placed: [],
      changes: [],
      messages: [],
      carts: [{ cartId: 'cart_1', channelId: 'chn_web', customerId: 'cus_a', at, mergedCartIds: ['cart_2'] }],
    });
    expect(await insights.crossedCarts(ctx, RANGE, 10)).toEqual({
      total: 1,
      carts: [{ cartId: 'cart_1', customerId: 'cus_a', channels: ['chn_app', 'chn_web'] }],
    });
  });
});
