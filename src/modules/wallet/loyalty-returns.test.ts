// A return takes back what its lines earned, on both databases: per SKU its share of the points the
// line earned (an excluded category none, a triple-rate line three times its money), in any number
// of partial returns never more than the order earned, each return once, and everything the lines
// earned once every unit is back. Shipping's points stay (a return does not refund shipping).
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../platform/testing/test-databases.js';
import { paymentsMigrations } from '../payments/index.js';
import { createWalletService, type EarnLine, type LoyaltyRules, walletMigrations } from './index.js';

const base: LoyaltyRules = {
  enabled: true,
  pointsPerUnit: 1,
  channels: {},
  categories: {},
  tiers: [{ code: 'gold', name: 'Gold', threshold: 1_000_000, multiplier: 1.5 }],
  pointValue: {},
  pointsExpireAfterDays: null,
};

const lineArb = fc.record({
  amount: fc.integer({ min: 1, max: 20_000 }),
  quantity: fc.integer({ min: 1, max: 5 }),
  category: fc.constantFrom('apparel', 'kitchen', 'books'),
});

const caseArb = fc.record({
  lines: fc.array(lineArb, { minLength: 1, maxLength: 4 }),
  shipping: fc.constantFrom(0, 0, 495, 1_000),
  byCategory: fc.boolean(),
  rate: fc.constantFrom(1, 2, 0.5),
  walletShare: fc.constantFrom(0, 0, 0.3),
  returns: fc.array(
    fc.record({ pick: fc.nat(), quantity: fc.integer({ min: 1, max: 5 }), again: fc.boolean() }),
    { maxLength: 8 },
  ),
  rest: fc.boolean(),
});

describeEachDatabase('loyalty points back on returns', [paymentsMigrations, walletMigrations], (t) => {
  const wallet = createWalletService();
  let n = 0;

  /** Earns on an order of `lines` (+ shipping) for a new customer; the points account and entry. */
  async function earn(rules: LoyaltyRules, lines: EarnLine[], shipping: number, paidShare = 1) {
    const ctx = t.ctx();
    await wallet.setRules(ctx, rules);
    const id = ++n;
    const grand = lines.reduce((s, l) => s + l.amount, 0) + shipping;
    const entry = await wallet.earnPoints(ctx, {
      customerId: `cus_r${id}`,
      orderId: `ord_r${id}`,
      channelId: 'chn_web',
      paid: Math.round(grand * paidShare),
      currency: 'EUR',
      orderLines: async () => ({ lines, grand }),
    });
    return { orderId: `ord_r${id}`, customerId: `cus_r${id}`, grand, entry };
  }

  it('gives back what the returned lines earned, not their money; each return once', async () => {
    const ctx = t.ctx();
    const rules = { ...base, categories: { apparel: 3, kitchen: 0 } };
    const lines = [
      { sku: 'TEE', quantity: 2, amount: 4_000, categories: ['apparel/tees'] }, // 120 points
      { sku: 'MUG', quantity: 1, amount: 3_000, categories: ['kitchen'] }, // excluded: 0
      { sku: 'CAP', quantity: 3, amount: 1_500, categories: ['books'] }, // channel rate: 15
    ];
    const o = await earn(rules, lines, 500); // shipping: 5
    expect(o.entry?.amount).toBe(140);
    expect(o.entry?.lines).toEqual([
      { sku: 'TEE', quantity: 2, points: 120 },
      { sku: 'MUG', quantity: 1, points: 0 },
      { sku: 'CAP', quantity: 3, points: 15 },
    ]);
    const back = (returnId: string, returned: Array<{ sku: string; quantity: number }>, refunded = 0) =>
      wallet.reverseReturn(ctx, { orderId: o.orderId, returnId, lines: returned, refunded, grand: o.grand });
    // The mug earned nothing: it gives nothing back (by its money it would have been 47 points).
    expect(await back('ret_1', [{ sku: 'MUG', quantity: 1 }], 3_000)).toBeNull();
    expect((await back('ret_2', [{ sku: 'TEE', quantity: 1 }], 2_000))?.amount).toBe(-60);
    expect(await back('ret_2', [{ sku: 'TEE', quantity: 1 }], 2_000)).toBeNull();
    expect((await back('ret_3', [{ sku: 'CAP', quantity: 1 }]))?.amount).toBe(-5);
    const last = await back('ret_4', [
      { sku: 'CAP', quantity: 2 },
      { sku: 'TEE', quantity: 1 },
    ]);
    expect(last).toMatchObject({
      amount: -70,
      lines: [
        { sku: 'CAP', quantity: 2, points: 10 },
        { sku: 'TEE', quantity: 1, points: 60 },
      ],
    });
    // Everything is back; the shipping's 5 points stay with the customer.
    expect((await wallet.pointsAccountOf(ctx, o.customerId))?.balance).toBe(5);
    expect(await back('ret_5', [{ sku: 'TEE', quantity: 1 }])).toBeNull();
  });

  it('counts units that took no point, so a third of a point is given back once all are back', async () => {
    const ctx = t.ctx();
    const o = await earn(base, [{ sku: 'PEN', quantity: 3, amount: 100, categories: [] }], 0);
    expect(o.entry?.amount).toBe(1);
    const back = (returnId: string) =>
      wallet.reverseReturn(ctx, {
        orderId: o.orderId,
        returnId,
        lines: [{ sku: 'PEN', quantity: 1 }],
        refunded: 33,
        grand: o.grand,
      });
    expect(await back('ret_a')).toMatchObject({ amount: 0, lines: [{ sku: 'PEN', quantity: 1, points: 0 }] });
    expect((await back('ret_b'))?.amount).toBe(0);
    expect((await back('ret_c'))?.amount).toBe(-1);
  });

  it('property: partial returns in any order take back at most what was earned; all units back → all the lines earned', async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        const ctx = t.ctx();
        const rules: LoyaltyRules = {
          ...base,
          pointsPerUnit: c.rate,
          categories: c.byCategory ? { apparel: 3, kitchen: 0 } : {},
        };
        const lines = c.lines.map((l, i) => ({
          sku: `S${i}`,
          quantity: l.quantity,
          amount: l.amount,
          categories: [l.category],
        }));
        const o = await earn(rules, lines, c.shipping, 1 - c.walletShare);
        const earned = o.entry?.amount ?? 0;
        const perSku = new Map((o.entry?.lines ?? []).map((l) => [l.sku, l]));
        const linesEarned = [...perSku.values()].reduce((s, l) => s + l.points, 0);
        expect(linesEarned).toBeLessThanOrEqual(earned);
        if (c.shipping === 0) expect(linesEarned).toBe(earned);
        if (c.byCategory)
          for (const l of lines)
            if (l.categories[0] === 'kitchen') expect(perSku.get(l.sku)?.points ?? 0).toBe(0);

        const left = new Map(lines.map((l) => [l.sku, l.quantity]));
        const backBySku = new Map<string, number>();
        let total = 0;
        let k = 0;
        const take = async (returned: Array<{ sku: string; quantity: number }>, again: boolean) => {
          const returnId = `ret_${o.orderId}_${k++}`;
          const input = { orderId: o.orderId, returnId, lines: returned, refunded: 0, grand: o.grand };
          const entry = await wallet.reverseReturn(ctx, input);
          if (again) expect(await wallet.reverseReturn(ctx, input)).toBeNull();
          total -= entry?.amount ?? 0;
          for (const l of entry?.lines ?? []) backBySku.set(l.sku, (backBySku.get(l.sku) ?? 0) + l.points);
          expect(entry?.amount ?? 0).toBeLessThanOrEqual(0);
          expect(total).toBeLessThanOrEqual(earned);
          // Each SKU so far: its points for the units back, within a rounding of one point.
          for (const [sku, e] of perSku) {
            const units = lines.find((l) => l.sku === sku)!.quantity - left.get(sku)!;
            expect(Math.abs((backBySku.get(sku) ?? 0) - (e.points * units) / e.quantity)).toBeLessThan(1);
          }
        };
        for (const r of c.returns) {
          const line = lines[r.pick % lines.length]!;
          const quantity = Math.min(r.quantity, left.get(line.sku)!);
          if (quantity === 0) continue;
          left.set(line.sku, left.get(line.sku)! - quantity);
          await take([{ sku: line.sku, quantity }], r.again);
        }
        if (!c.rest) return;
        const rest = lines
          .filter((l) => left.get(l.sku)! > 0)
          .map((l) => ({ sku: l.sku, quantity: left.get(l.sku)! }));
        for (const l of rest) left.set(l.sku, 0);
        if (rest.length > 0) await take(rest, false);
        expect(total).toBe(linesEarned);
        expect((await wallet.pointsAccountOf(ctx, o.customerId))?.balance ?? 0).toBe(earned - linesEarned);
      }),
      { numRuns: 25 },
    );
  });
});
