import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateByValue, percentOf } from './allocation.js';
import { buildCampaignIndex } from './campaign-index.js';
import { evaluateCart, type PricingInput, type PricingLine } from './evaluate.js';
import type { Benefit, Campaign } from './promotions.types.js';
import { localToInstant } from './schedule.js';

const NOW = new Date('2026-06-01T12:00:00Z');
let n = 0;
function campaign(over: Partial<Campaign> & { benefit: Benefit }): Campaign {
  return {
    id: `cmp_${String(++n).padStart(4, '0')}`,
    name: `Campaign ${n}`,
    kind: 'automatic',
    status: 'active',
    priority: 0,
    stacking: 'stackable',
    currency: 'EUR',
    timeZone: 'UTC',
    startsAt: null,
    endsAt: null,
    conditions: {},
    usageLimit: null,
    perCustomerLimit: null,
    used: 0,
    createdAt: NOW,
    updatedAt: NOW,
    ...over,
  };
}
const line = (
  lineId: string,
  unitPrice: number,
  quantity = 1,
  over: Partial<PricingLine> = {},
): PricingLine => ({
  lineId,
  sku: lineId.toUpperCase(),
  quantity,
  unitPrice,
  categories: [],
  ...over,
});
const input = (over: Partial<PricingInput>): PricingInput => ({
  now: NOW,
  channelId: 'chn_web',
  currency: 'EUR',
  customer: null,
  lines: [line('a', 3000), line('b', 2000)],
  shipping: 495,
  automatic: [],
  codes: [],
  customerUses: new Map(),
  ...over,
});

describe('the pricing engine', () => {
  it('takes a percentage per line, rounded half up, and spreads a fixed amount by value exactly', () => {
    const pct = campaign({ benefit: { type: 'percentage', percentBp: 1250 } });
    const r = evaluateCart(input({ automatic: [pct], lines: [line('a', 999), line('b', 1001)] }));
    expect(r.applied[0]!.lines).toEqual([
      { lineId: 'a', amount: 125 }, // 124.875 → 125
      { lineId: 'b', amount: 125 }, // 125.125 → 125
    ]);
    const fixed = campaign({ benefit: { type: 'fixed', amount: 1000 } });
    const f = evaluateCart(
      input({ automatic: [fixed], lines: [line('a', 1000), line('b', 1000), line('c', 1000)] }),
    );
    expect(f.applied[0]!.lines.map((l) => l.amount)).toEqual([334, 333, 333]);
  });

  it('says how much more to spend, and the next tier of a tiered campaign', () => {
    const min = campaign({
      name: '10 off from 60',
      conditions: { minSpend: 6000 },
      benefit: { type: 'fixed', amount: 1000 },
    });
    const tiered = campaign({
      benefit: {
        type: 'tiered',
        tiers: [
          { minSpend: 4000, amount: 500 },
          { minSpend: 10000, amount: 1500 },
        ],
      },
    });
    const r = evaluateCart(input({ automatic: [min, tiered] }));
    expect(r.notApplied).toContainEqual(
      expect.objectContaining({
        campaignId: min.id,
        reason: 'min_spend_not_met',
        missingAmount: 1000,
        currency: 'EUR',
      }),
    );
    expect(r.notApplied).toContainEqual(
      expect.objectContaining({
        campaignId: tiered.id,
        reason: 'next_tier',
        missingAmount: 5000,
        nextAmount: 1500,
      }),
    );
    expect(r.applied).toEqual([expect.objectContaining({ campaignId: tiered.id, amount: 500 })]);
  });

  it('gives the cheapest units of buy 2 get 1, and free shipping off the shipping price', () => {
    const b2g1 = campaign({ benefit: { type: 'buy_x_get_y', buy: 2, get: 1, percentBp: 10_000 } });
    const ship = campaign({ benefit: { type: 'free_shipping' } });
    const r = evaluateCart(
      input({ automatic: [b2g1, ship], lines: [line('a', 3000, 2), line('b', 1000, 1)] }),
    );
    expect(r.applied.find((a) => a.campaignId === b2g1.id)!.lines).toEqual([{ lineId: 'b', amount: 1000 }]);
    expect(r.applied.find((a) => a.campaignId === ship.id)).toMatchObject({ shipping: 495, amount: 495 });
  });

  it('refuses codes with their reasons: unknown, channel, expired, used up, already used by the customer', () => {
    const other = campaign({
      kind: 'code',
      conditions: { channelIds: ['chn_till'] },
      benefit: { type: 'percentage', percentBp: 1000 },
    });
    const ended = campaign({
      kind: 'code',
      endsAt: new Date('2026-05-01T00:00:00Z'),
      benefit: { type: 'percentage', percentBp: 1000 },
    });
    const full = campaign({
      kind: 'code',
      usageLimit: 5,
      used: 5,
      benefit: { type: 'percentage', percentBp: 1000 },
    });
    const once = campaign({
      kind: 'code',
      perCustomerLimit: 1,
      benefit: { type: 'percentage', percentBp: 1000 },
    });
    const r = evaluateCart(
      input({
        customer: { id: 'cus_1', tags: [], stage: 'buyer' },
        customerUses: new Map([[once.id, 1]]),
        codes: [
          { code: 'NOPE', campaign: null, codeExhausted: false },
          { code: 'TILL', campaign: other, codeExhausted: false },
          { code: 'OLD', campaign: ended, codeExhausted: false },
          { code: 'FULL', campaign: full, codeExhausted: false },
          { code: 'ONCE', campaign: once, codeExhausted: false },
        ],
      }),
    );
    expect(r.applied).toEqual([]);
    expect(r.notApplied.map((x) => [x.code, x.reason])).toEqual([
      ['NOPE', 'unknown_code'],
      ['TILL', 'not_in_channel'],
      ['OLD', 'expired'],
      ['FULL', 'usage_exhausted'],
      ['ONCE', 'already_used'],
    ]);
  });

  it('applies a campaign for tagged customers and categories only', () => {
    const vip = campaign({
      conditions: { customerTags: ['vip'], categories: ['mugs'] },
      benefit: { type: 'percentage', percentBp: 5000 },
    });
    const lines = [line('a', 2000, 1, { categories: ['mugs'] }), line('b', 2000)];
    expect(evaluateCart(input({ automatic: [vip], lines })).applied).toEqual([]);
    const r = evaluateCart(
      input({ automatic: [vip], lines, customer: { id: 'c', tags: ['vip'], stage: null } }),
    );
    expect(r.applied[0]!.lines).toEqual([{ lineId: 'a', amount: 1000 }]);
  });

  it('an exclusive campaign applies alone; of best-for-customer ones only the biggest applies', () => {
    const small = campaign({ stacking: 'best_for_customer', benefit: { type: 'fixed', amount: 300 } });
    const big = campaign({ stacking: 'best_for_customer', benefit: { type: 'fixed', amount: 700 } });
    const stack = campaign({ benefit: { type: 'fixed', amount: 100 } });
    const r = evaluateCart(input({ automatic: [small, big, stack] }));
    expect(r.applied.map((a) => a.campaignId).sort()).toEqual([big.id, stack.id].sort());
    expect(r.notApplied).toContainEqual(
      expect.objectContaining({ campaignId: small.id, reason: 'better_offer_applied' }),
    );
    const only = campaign({ stacking: 'exclusive', priority: 5, benefit: { type: 'fixed', amount: 50 } });
    const x = evaluateCart(input({ automatic: [small, big, stack, only] }));
    expect(x.applied.map((a) => a.campaignId)).toEqual([only.id]);
  });

  it('starts a campaign at local time in its zone', () => {
    expect(localToInstant('2026-12-24T09:00', 'Europe/Amsterdam').toISOString()).toBe(
      '2026-12-24T08:00:00.000Z',
    );
    expect(localToInstant('2026-07-01T09:00', 'Europe/Amsterdam').toISOString()).toBe(
      '2026-07-01T07:00:00.000Z',
    );
    expect(localToInstant('2026-07-01T09:00', 'America/New_York').toISOString()).toBe(
      '2026-07-01T13:00:00.000Z',
    );
  });

  it('finds candidates through the index by channel, SKU and category', () => {
    const everywhere = campaign({ benefit: { type: 'free_shipping' } });
    const tillOnly = campaign({
      conditions: { channelIds: ['chn_till'] },
      benefit: { type: 'free_shipping' },
    });
    const mugs = campaign({ conditions: { categories: ['mugs'] }, benefit: { type: 'free_shipping' } });
    const sku = campaign({ conditions: { skus: ['X'] }, benefit: { type: 'free_shipping' } });
    const index = buildCampaignIndex([everywhere, tillOnly, mugs, sku]);
    const ids = (ch: string, lines: Array<{ sku: string; categories: string[] }>) =>
      index
        .candidates(ch, lines)
        .map((c) => c.id)
        .sort();
    expect(ids('chn_web', [{ sku: 'A', categories: [] }])).toEqual([everywhere.id]);
    expect(ids('chn_till', [{ sku: 'X', categories: ['mugs'] }])).toEqual(
      [everywhere.id, tillOnly.id, mugs.id, sku.id].sort(),
    );
  });
});

const benefitArb: fc.Arbitrary<Benefit> = fc.oneof(
  fc.integer({ min: 1, max: 10_000 }).map((percentBp) => ({ type: 'percentage' as const, percentBp })),
  fc.integer({ min: 1, max: 50_000 }).map((amount) => ({ type: 'fixed' as const, amount })),
  fc.constant({ type: 'free_shipping' as const }),
  fc
    .record({
      buy: fc.integer({ min: 1, max: 3 }),
      get: fc.integer({ min: 1, max: 2 }),
      percentBp: fc.integer({ min: 1, max: 10_000 }),
    })
    .map((b) => ({ type: 'buy_x_get_y' as const, ...b })),
);
const campaignArb = fc.record({
  benefit: benefitArb,
  stacking: fc.constantFrom('exclusive', 'stackable', 'best_for_customer') as fc.Arbitrary<
    Campaign['stacking']
  >,
  priority: fc.integer({ min: 0, max: 3 }),
});
const linesArb = fc.array(
  fc.record({ unitPrice: fc.integer({ min: 0, max: 100_000 }), quantity: fc.integer({ min: 1, max: 5 }) }),
  { minLength: 1, maxLength: 10 },
);

describe('the pricing engine, for any carts and campaigns', () => {
  it('never discounts a line or shipping below zero, and the lines add up to each campaign amount', () => {
    fc.assert(
      fc.property(
        linesArb,
        fc.array(campaignArb, { maxLength: 8 }),
        fc.integer({ min: 0, max: 2000 }),
        (ls, cs, shipping) => {
          const lines = ls.map((l, i) => line(`l${i}`, l.unitPrice, l.quantity));
          const r = evaluateCart(input({ lines, shipping, automatic: cs.map((c) => campaign(c)) }));
          const perLine = new Map<string, number>();
          let shippingOff = 0;
          for (const a of r.applied) {
            expect(a.lines.reduce((s, l) => s + l.amount, 0) + a.shipping).toBe(a.amount);
            for (const l of a.lines) {
              expect(Number.isInteger(l.amount) && l.amount > 0).toBe(true);
              perLine.set(l.lineId, (perLine.get(l.lineId) ?? 0) + l.amount);
            }
            shippingOff += a.shipping;
          }
          for (const l of lines)
            expect(perLine.get(l.lineId) ?? 0).toBeLessThanOrEqual(l.quantity * l.unitPrice);
          expect(shippingOff).toBeLessThanOrEqual(shipping);
        },
      ),
    );
  });

  it('allocates an amount over lines exactly, never more than a line is worth', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 1, maxLength: 20 }),
        (amount, values) => {
          const parts = allocateByValue(amount, values);
          const sum = values.reduce((s, v) => s + v, 0);
          expect(parts.reduce((s, v) => s + v, 0)).toBe(Math.min(amount, sum));
          expect(parts.every((p, i) => p >= 0 && p <= values[i]!)).toBe(true);
        },
      ),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 10_000 }), (v, bp) => {
        // Half up: within half a minor unit of the exact value, and .5 goes up.
        const p = percentOf(v, bp);
        expect(p * 10_000 - v * bp).toBeLessThanOrEqual(5_000);
        expect(v * bp - p * 10_000).toBeLessThan(5_000);
      }),
    );
  });

  it('best-for-customer picks the campaign with the biggest discount', () => {
    fc.assert(
      fc.property(linesArb, fc.array(benefitArb, { minLength: 1, maxLength: 6 }), (ls, benefits) => {
        const lines = ls.map((l, i) => line(`l${i}`, l.unitPrice, l.quantity));
        const cs = benefits.map((benefit) => campaign({ benefit, stacking: 'best_for_customer' }));
        const alone = cs.map((c) => evaluateCart(input({ lines, automatic: [c] })).applied[0]?.amount ?? 0);
        const r = evaluateCart(input({ lines, automatic: cs }));
        expect(r.applied.length).toBeLessThanOrEqual(1);
        expect(r.applied[0]?.amount ?? 0).toBe(Math.max(...alone));
      }),
    );
  });
});
