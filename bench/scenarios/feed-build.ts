// feed-build: a channel's full Google Merchant feed for `--products` × `--variants` variants
// (default 16,667 × 3 ≈ 50,000), then an incremental update after one price change. The feed is
// fetched with a feed token (a feeds:read key). Seeded without pictures, so each variant is either
// an <item> or listed by the admin report with an image_link problem: correct = items + variants
// reported = every variant, and after the price change the feed shows the new price.
// Targets (#17): full build < 20 s; incremental update after one price change < 1 s.
import { api, type Scenario } from '../harness.js';
import { CHANNEL, seedSearchCatalog } from './catalog-search.js';

const scenario: Scenario = async (b) => {
  const products = Number(b.args.products ?? 16_667);
  const variantsPer = Number(b.args.variants ?? 3);
  const seeded = await seedSearchCatalog(b, products, variantsPer);
  const key = await api<{ secret: string }>(b, 'POST', '/api/keys', {
    name: 'feed bench',
    scopes: ['feeds:read'],
  });
  const url = `${b.baseUrl}/feeds/${CHANNEL}/google.xml?token=${key.body.secret}`;
  const timed = async () => {
    const t0 = performance.now();
    const res = await fetch(url);
    const xml = await res.text();
    return { ms: performance.now() - t0, status: res.status, xml };
  };
  const full = await timed();
  b.log(`full feed: ${full.status}, ${(full.xml.length / 1e6).toFixed(1)} MB in ${full.ms.toFixed(0)} ms`);
  const items = (full.xml.match(/<item>/g) ?? []).length;
  const report = await api<{ variants: number; issues: Array<{ sku: string }> }>(
    b,
    'GET',
    `/api/channels/${CHANNEL}/feeds`,
  );
  const reported = new Set(report.body.issues.map((i) => i.sku)).size;
  const sku = 'SRCH-000000-0';
  await api(b, 'PUT', `/api/channels/${CHANNEL}/prices`, {
    prices: [{ sku, amount: 4242, currency: 'EUR' }],
  });
  const incremental = await timed();
  b.log(`after one price change: ${incremental.status} in ${incremental.ms.toFixed(0)} ms`);
  const priced = new RegExp(`<g:id>${sku}</g:id>[\\s\\S]*?<g:price>42.42 EUR</g:price>`).test(
    incremental.xml,
  );
  const variants = products * variantsPer;
  const value = Math.round(full.ms);
  return {
    metric: 'full_feed_ms',
    value,
    unit: 'ms',
    p50_ms: value,
    p99_ms: value,
    correct:
      full.status === 200 &&
      incremental.status === 200 &&
      items + reported === variants &&
      (items === 0 || priced),
    target: { op: '<=', value: 20_000, unit: 'ms', met: value <= 20_000 && incremental.ms <= 1000 },
    details: {
      products,
      variants,
      items,
      reportedWithProblems: reported,
      feedBytes: full.xml.length,
      incrementalMs: Math.round(incremental.ms),
      incrementalTargetMet: incremental.ms <= 1000,
      seedRows: seeded.rows,
      seedSeconds: Math.round(seeded.seconds * 10) / 10,
    },
  };
};

export default scenario;
