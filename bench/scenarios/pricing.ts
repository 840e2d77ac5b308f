// pricing: a 10-line cart priced by the one engine with 200 and with 5,000 active automatic campaigns.
// In process: the campaign index's candidates plus the pure evaluation, p99 over many runs (targets
// < 5 ms at 200, < 10 ms at 5,000). Over HTTP: GET /carts/:id/quote on a hub holding 200 campaigns
// created through the admin API (target p99 < 20 ms). correct = the index finds exactly what a full
// scan finds (same discounts for every sampled cart) and every quote answered 200 with a discount.
import {
  buildCampaignIndex,
  type Campaign,
  CampaignInput,
  evaluateCart,
  type PricingLine,
} from '../../src/modules/promotions/index.js';
import { api, percentile, type Scenario } from '../harness.js';
import { must, setUpShop, syntheticCampaign } from '../promotions-setup.js';

const CHANNELS = ['chn_0', 'chn_1', 'chn_2', 'chn_3', 'chn_4'];
const SKUS = Array.from({ length: 500 }, (_, i) => `SKU-${i}`);
const CATEGORIES = Array.from({ length: 20 }, (_, i) => `cat-${i}`);

function campaigns(n: number): Campaign[] {
  const at = new Date('2026-01-01T00:00:00Z');
  return Array.from({ length: n }, (_, i) => {
    const input = CampaignInput.parse(
      syntheticCampaign(i, { channelIds: CHANNELS, skus: SKUS, categories: CATEGORIES }),
    );
    const { startsAt: _s, endsAt: _e, ...rest } = input;
    return {
      ...rest,
      id: `cmp_${i}`,
      currency: 'EUR',
      startsAt: null,
      endsAt: null,
      used: 0,
      createdAt: at,
      updatedAt: at,
    };
  });
}

function cartLines(seed: number): PricingLine[] {
  return Array.from({ length: 10 }, (_, i) => {
    const n = (seed * 31 + i * 17) % SKUS.length;
    return {
      lineId: `l${i}`,
      sku: SKUS[n]!,
      quantity: 1 + (i % 3),
      unitPrice: 1000 + n * 37,
      categories: [CATEGORIES[n % 20]!],
    };
  });
}

/** p50/p99 of pricing one cart in process, and whether the index agrees with a full scan. */
function inProcess(n: number, runs: number) {
  const all = campaigns(n);
  const index = buildCampaignIndex(all);
  const price = (seed: number, automatic: Campaign[]) =>
    evaluateCart({
      now: new Date('2026-06-01T00:00:00Z'),
      channelId: CHANNELS[seed % CHANNELS.length]!,
      currency: 'EUR',
      customer: { id: 'cus_1', tags: seed % 2 ? ['vip'] : [], stage: 'buyer' },
      lines: cartLines(seed),
      shipping: 495,
      automatic,
      codes: [],
      customerUses: new Map(),
    });
  let agrees = true;
  for (let s = 0; s < 50; s++) {
    const fast = price(s, index.candidates(CHANNELS[s % CHANNELS.length]!, cartLines(s))).applied;
    const full = price(s, all).applied;
    const key = (a: typeof fast) =>
      JSON.stringify([...a].sort((x, y) => x.campaignId.localeCompare(y.campaignId)));
    if (key(fast) !== key(full)) agrees = false;
  }
  for (let s = 0; s < 200; s++) price(s, index.candidates(CHANNELS[s % CHANNELS.length]!, cartLines(s))); // warm up
  const samples: number[] = [];
  let applied = 0;
  for (let s = 0; s < runs; s++) {
    const t0 = performance.now();
    const lines = cartLines(s);
    const r = price(s, index.candidates(CHANNELS[s % CHANNELS.length]!, lines));
    samples.push(performance.now() - t0);
    applied += r.applied.length;
  }
  return {
    p50: percentile(samples, 50),
    p99: percentile(samples, 99),
    agrees,
    appliedPerCart: applied / runs,
  };
}

const scenario: Scenario = async (b) => {
  const runs = Number(b.args.runs ?? 5_000);
  const quotes = Number(b.args.quotes ?? 2_000);
  const httpCampaigns = Number(b.args.campaigns ?? 200);
  const small = inProcess(200, runs);
  const large = inProcess(Number(b.args.large ?? 5_000), runs);
  b.log(`in process: 200 → p99 ${small.p99} ms, ${b.args.large ?? 5_000} → p99 ${large.p99} ms`);

  b.log(`seeding a shop and ${httpCampaigns} campaigns over HTTP`);
  const shop = await setUpShop(b, { channels: 3, products: 30, stock: 1_000_000 });
  for (let i = 0; i < httpCampaigns; i++) {
    const body = syntheticCampaign(i, {
      channelIds: shop.channels.map((c) => c.id),
      skus: shop.skus,
      categories: shop.categories,
    });
    await must(api(b, 'POST', '/api/promotions/campaigns', body), 'campaign');
  }
  const { key } = shop.channels[0]!;
  const cart = await must(
    api(
      b,
      'POST',
      '/api/carts',
      { lines: shop.skus.slice(0, 10).map((sku, i) => ({ sku, quantity: 1 + (i % 3) })) },
      key,
    ),
    'cart',
  );
  await must(
    api(b, 'PUT', `/api/carts/${cart.id}/delivery`, { type: 'pickup', locationId: shop.storeId }, key),
    'pickup',
  );
  for (let i = 0; i < 100; i++) await api(b, 'GET', `/api/carts/${cart.id}/quote`, undefined, key); // warm up
  const latencies: number[] = [];
  let answered = 0;
  let discount = 0;
  for (let i = 0; i < quotes; i++) {
    const t0 = performance.now();
    const r = await api(b, 'GET', `/api/carts/${cart.id}/quote`, undefined, key);
    latencies.push(performance.now() - t0);
    if (r.status === 200) answered++;
    discount = r.body?.discount ?? 0;
  }
  const httpP99 = percentile(latencies, 99);
  return {
    metric: 'pricing_p99_in_process_200_campaigns',
    value: small.p99,
    unit: 'ms',
    p50_ms: small.p50,
    p99_ms: small.p99,
    correct: small.agrees && large.agrees && answered === quotes && discount > 0,
    target: { op: '<=', value: 5, unit: 'ms' },
    details: {
      inProcess200: small,
      inProcess5000: large,
      http: {
        campaigns: httpCampaigns,
        quotes,
        p50_ms: percentile(latencies, 50),
        p99_ms: httpP99,
        discount,
      },
      targets: { inProcess200P99Ms: 5, inProcess5000P99Ms: 10, httpQuoteP99Ms: 20 },
      met: { inProcess5000: large.p99 < 10, httpQuote: httpP99 < 20 },
    },
  };
};

export default scenario;
