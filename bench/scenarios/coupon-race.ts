// coupon-race: 1,000 carts from three channels (webshop, app, social), each with the same 100-use
// coupon applied, check out at once. correct = exactly 100 orders carry the coupon's discount, the
// campaign counts 100 uses, and every other checkout was refused 409 with the reason. value =
// checkouts answered per second (target ≥ 300/s); p50/p99 = checkout latency.
import { api, percentile, type Scenario } from '../harness.js';
import { must, setUpShop } from '../promotions-setup.js';

export const hubEnv = { OMNIHUB_PAYMENT_PROVIDERS: 'manual,test' };

async function inBatches<T>(n: number, width: number, fn: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < n; i += width) {
    out.push(...(await Promise.all(Array.from({ length: Math.min(width, n - i) }, (_, j) => fn(i + j)))));
  }
  return out;
}

const scenario: Scenario = async (b) => {
  const carts = Number(b.args.carts ?? 1_000);
  const uses = Number(b.args.uses ?? 100);
  b.log('setting up three channels, a store and products');
  const shop = await setUpShop(b, { channels: 3, products: 10, stock: 1_000_000 });
  const campaign = await must(
    api(b, 'POST', '/api/promotions/campaigns', {
      name: 'Race',
      kind: 'code',
      usageLimit: uses,
      benefit: { type: 'percentage', percentBp: 1500 },
    }),
    'campaign',
  );
  await must(
    api(b, 'POST', `/api/promotions/campaigns/${campaign.id}/codes`, { code: 'RACE', usageLimit: null }),
    'code',
  );
  b.log(`filling ${carts} carts with the coupon`);
  const ready = await inBatches(carts, 20, async (i) => {
    const { key } = shop.channels[i % shop.channels.length]!;
    const cart = await must(
      api(b, 'POST', '/api/carts', { lines: [{ sku: shop.skus[i % shop.skus.length], quantity: 1 }] }, key),
      'cart',
    );
    await must(
      api(b, 'PUT', `/api/carts/${cart.id}/delivery`, { type: 'pickup', locationId: shop.storeId }, key),
      'pickup',
    );
    await must(api(b, 'POST', `/api/carts/${cart.id}/coupons`, { code: 'RACE' }, key), 'coupon');
    return { id: cart.id as string, key };
  });
  b.log(`${carts} checkouts at once`);
  const latencies: number[] = [];
  const started = performance.now();
  const results = await Promise.all(
    ready.map(async (c) => {
      const t0 = performance.now();
      const r = await api(
        b,
        'POST',
        `/api/carts/${c.id}/checkout`,
        { payment: { provider: 'test', token: 'tok_visa' } },
        c.key,
      );
      latencies.push(performance.now() - t0);
      return r;
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const withCoupon = results.filter((r) => r.status === 201 && r.body.order.totals.discount > 0).length;
  const placedWithout = results.filter((r) => r.status === 201 && r.body.order.totals.discount === 0).length;
  const refused = results.filter((r) => r.status === 409 && r.body.reason === 'usage_exhausted').length;
  const other = results.length - withCoupon - placedWithout - refused;
  const used = (await api(b, 'GET', `/api/promotions/campaigns/${campaign.id}`)).body.used as number;
  return {
    metric: 'coupon_checkouts_per_second',
    value: Math.round((carts / seconds) * 10) / 10,
    unit: 'checkouts/s',
    p50_ms: percentile(latencies, 50),
    p99_ms: percentile(latencies, 99),
    correct: withCoupon === uses && used === uses && placedWithout === 0 && refused === carts - uses,
    target: { op: '>=', value: 300, unit: 'checkouts/s' },
    details: {
      carts,
      uses,
      withCoupon,
      placedWithout,
      refused,
      otherAnswers: other,
      campaignUsed: used,
      seconds,
    },
  };
};

export default scenario;
