// Co-occurrence counts on both databases: a pair's counts are the number of baskets (orders, or a
// customer's views of a day) that hold both products, whatever the batches the items arrive in and
// however often a batch is delivered again (a property against a brute-force count); best sellers
// are units per channel, with every channel's together while a channel has sold nothing. Returns take
// units away, and a product returned in full leaves its order's pairs, once per return and product.
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../platform/testing/test-databases.js';
import {
  type BasketItem,
  createRecommendationsService,
  type ReturnedItem,
  recommendationsMigrations,
} from './index.js';

const AT = new Date('2026-11-01T10:00:00Z');
const item = (basket: string, productId: string, o: Partial<BasketItem> = {}): BasketItem => ({
  basket,
  productId,
  kind: basket.startsWith('v:') ? 'view' : 'order',
  customerId: null,
  channelId: basket.startsWith('v:') ? null : 'chn_web',
  units: basket.startsWith('v:') ? 0 : 1,
  at: AT,
  ...o,
});

/** What the counts must be: for each ordered pair, the baskets holding both, by kind. */
function bruteForce(items: BasketItem[]) {
  const baskets = new Map<string, { kind: string; products: Set<string> }>();
  for (const i of items) {
    const b = baskets.get(i.basket) ?? { kind: i.kind, products: new Set<string>() };
    b.products.add(i.productId);
    baskets.set(i.basket, b);
  }
  const pairs = new Map<string, { bought: number; viewed: number }>();
  for (const b of baskets.values())
    for (const x of b.products)
      for (const y of b.products) {
        if (x === y) continue;
        const c = pairs.get(`${x}|${y}`) ?? { bought: 0, viewed: 0 };
        if (b.kind === 'order') c.bought++;
        else c.viewed++;
        pairs.set(`${x}|${y}`, c);
      }
  return [...pairs.entries()].map(([k, v]) => `${k}:${v.bought}/${v.viewed}`).sort();
}

describeEachDatabase('recommendations: co-occurrence', [recommendationsMigrations], (t) => {
  const recs = createRecommendationsService({ cacheTtlMs: 60_000 });

  it('counts each basket once per pair, both ways, and ranks bought above viewed', async () => {
    const ctx = t.ctx();
    await recs.reset(ctx);
    await recs.record(ctx, [item('o:1', 'prod_a'), item('o:1', 'prod_b'), item('o:2', 'prod_a')]);
    expect((await recs.neighbours(ctx, 'prod_a')).map((n) => n.productId)).toEqual(['prod_b']);
    // The same order again (a replay) counts nothing; a new item of order 2 pairs with its earlier one.
    await recs.record(ctx, [item('o:1', 'prod_a'), item('o:1', 'prod_b'), item('o:2', 'prod_c')]);
    await recs.record(ctx, [item('v:cus_1:2026-11-01', 'prod_a'), item('v:cus_1:2026-11-01', 'prod_d')]);
    await recs.record(ctx, [item('v:cus_2:2026-11-01', 'prod_a'), item('v:cus_2:2026-11-01', 'prod_d')]);
    const n = await recs.neighbours(ctx, 'prod_a');
    expect(n).toEqual([
      { productId: 'prod_b', bought: 1, viewed: 0, score: 3 },
      { productId: 'prod_c', bought: 1, viewed: 0, score: 3 },
      { productId: 'prod_d', bought: 0, viewed: 2, score: 2 },
    ]);
    expect((await recs.neighbours(ctx, 'prod_d')).map((x) => x.productId)).toEqual(['prod_a']);
  });

  it("best sellers are a channel's units; a channel that sold nothing gets every channel's", async () => {
    const ctx = t.ctx();
    await recs.reset(ctx);
    await recs.record(ctx, [
      item('o:1', 'prod_a', { units: 5, channelId: 'chn_store' }),
      item('o:2', 'prod_b', { units: 2, channelId: 'chn_web' }),
      item('o:3', 'prod_c', { units: 3, channelId: 'chn_web' }),
      item('o:3', 'prod_c', { units: 1, channelId: 'chn_web' }), // a second line of the same product
    ]);
    expect(await recs.bestSellers(ctx, 'chn_web')).toEqual([
      { productId: 'prod_c', score: 4 },
      { productId: 'prod_b', score: 2 },
    ]);
    expect((await recs.bestSellers(ctx, 'chn_new')).map((r) => r.productId)).toEqual([
      'prod_a',
      'prod_c',
      'prod_b',
    ]);
  });

  it('returns: units sold go down; a product returned in full leaves its order; a replay takes nothing', async () => {
    const ctx = t.ctx();
    await recs.reset(ctx);
    await recs.record(ctx, [
      item('o:r1', 'prod_a', { units: 2 }),
      item('o:r1', 'prod_b'),
      item('o:r1', 'prod_c'),
      item('o:r2', 'prod_a'),
      item('o:r2', 'prod_b'),
    ]);
    const back = (returnId: string, productId: string, units = 1): ReturnedItem => ({
      returnId,
      basket: 'o:r1',
      productId,
      channelId: 'chn_web',
      units,
    });
    const pairs = async () =>
      (await recs.allPairs(ctx)).map((p) => `${p.of}|${p.productId}:${p.bought}`).sort();
    await recs.subtractReturns(ctx, [back('ret_1', 'prod_a')]); // one of two: a stays in the order
    await recs.subtractReturns(ctx, [back('ret_1', 'prod_a')]); // delivered again
    expect(await recs.bestSellers(ctx, 'chn_web')).toEqual([
      { productId: 'prod_a', score: 2 },
      { productId: 'prod_b', score: 2 },
      { productId: 'prod_c', score: 1 },
    ]);
    expect((await recs.neighbours(ctx, 'prod_a')).map((n) => [n.productId, n.bought])).toEqual([
      ['prod_b', 2],
      ['prod_c', 1],
    ]);
    await recs.subtractReturns(ctx, [back('ret_2', 'prod_a')]); // the last one: a leaves order r1
    expect((await recs.neighbours(ctx, 'prod_a')).map((n) => [n.productId, n.bought])).toEqual([
      ['prod_b', 1],
    ]);
    await recs.subtractReturns(ctx, [back('ret_3', 'prod_b'), back('ret_3', 'prod_c')]);
    expect(await pairs()).toEqual(['prod_a|prod_b:1', 'prod_b|prod_a:1']);
    expect(await recs.bestSellers(ctx, 'chn_web')).toEqual([
      { productId: 'prod_a', score: 1 },
      { productId: 'prod_b', score: 1 },
    ]);
  });

  it('keeps what a customer bought and viewed, newest first', async () => {
    const ctx = t.ctx();
    await recs.reset(ctx);
    await recs.record(ctx, [
      item('o:9', 'prod_a', { customerId: 'cus_1', at: new Date('2026-10-01T00:00:00Z') }),
      item('v:cus_1:2026-11-01', 'prod_b', { customerId: 'cus_1' }),
    ]);
    expect(await recs.productsOfCustomer(ctx, 'cus_1', 10)).toEqual([
      { productId: 'prod_b', kind: 'view' },
      { productId: 'prod_a', kind: 'order' },
    ]);
  });

  it('property: counts equal a brute-force count over random baskets, batches, replays and returns', async () => {
    const product = fc.constantFrom('prod_a', 'prod_b', 'prod_c', 'prod_d', 'prod_e');
    const basket = fc.constantFrom('o:1', 'o:2', 'o:3', 'o:4', 'v:cus_1:2026-11-01', 'v:cus_2:2026-11-02');
    const items = fc.array(fc.tuple(basket, product), { maxLength: 30 });
    const batching = fc.array(fc.integer({ min: 1, max: 8 }), { minLength: 1, maxLength: 10 });
    const returnMasks = fc.array(fc.boolean(), { minLength: 1, maxLength: 8 });
    await fc.assert(
      fc.asyncProperty(
        items,
        batching,
        fc.boolean(),
        returnMasks,
        async (list, sizes, replay, returnMask) => {
          const ctx = t.ctx();
          await recs.reset(ctx);
          const all = list.map(([b, p]) => item(b, p));
          let at = 0;
          for (let i = 0; at < all.length; i++) {
            const size = sizes[i % sizes.length]!;
            await recs.record(ctx, all.slice(at, at + size));
            at += size;
          }
          if (replay) await recs.record(ctx, all); // at-least-once: everything delivered again
          // Every unit of some ordered products returned, each return delivered twice.
          const ordered = [
            ...new Set(all.filter((i) => i.kind === 'order').map((i) => `${i.basket}|${i.productId}`)),
          ];
          const gone = ordered.filter((_, n) => returnMask[n % returnMask.length]);
          const returned = gone.map((key) => {
            const [b, p] = key.split('|') as [string, string];
            const units = all.filter((i) => i.basket === b && i.productId === p).length;
            return { returnId: `ret_${key}`, basket: b, productId: p, channelId: 'chn_web', units };
          });
          await recs.subtractReturns(ctx, returned);
          await recs.subtractReturns(ctx, returned);
          const kept = all.filter((i) => !gone.includes(`${i.basket}|${i.productId}`));
          const stored = (await recs.allPairs(ctx)).map(
            (p) => `${p.of}|${p.productId}:${p.bought}/${p.viewed}`,
          );
          expect(stored.sort()).toEqual(bruteForce(kept).filter((x) => !x.endsWith(':0/0')));
        },
      ),
      { numRuns: 40, seed: 15 },
    );
  });
});
