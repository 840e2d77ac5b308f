// catalog-search: typo-tolerant catalog search with facets on a channel of `--products` products
// (default 50,000; 1 variant each unless --variants), titles drawn from an outdoor vocabulary in en
// and nl. 50 concurrent clients ask misspelt queries ("prakа" with a Cyrillic а, "jakcet",
// "waterprof boots", …) with facets, some with a category or option filter and a price sort.
// correct = every query, before and after the load, finds products whose titles hold the meant word.
// `--distinct`: every request is a query never asked before (a typo of a noun, maybe an adjective, an
// option filter, a price range and a page offset drawn per request), so the view cache never answers
// and each request is a cold search over ~5,000 matches. `--no-seed` reuses a catalog already seeded
// (with `--url`). Target (#17): p99 < 30 ms, warm and cold.
import { Readable } from 'node:stream';
import { api, type BenchContext, type Scenario } from '../harness.js';
import { httpRequestBytes, loadFor } from '../raw-http-load.js';

export const CHANNEL = 'bench-search';
const NOUNS = [
  'parka',
  'jacket',
  'fleece',
  'trousers',
  'boots',
  'beanie',
  'gloves',
  'shell',
  'vest',
  'hoodie',
];
const ADJECTIVES = [
  'insulated',
  'waterproof',
  'merino',
  'lightweight',
  'windproof',
  'hiking',
  'winter',
  'trail',
];
const COLOURS = ['black', 'navy', 'moss', 'rust', 'sand'];

export const titleOf = (p: number) =>
  `${ADJECTIVES[p % ADJECTIVES.length]} ${NOUNS[Math.floor(p / 3) % NOUNS.length]} ${COLOURS[p % COLOURS.length]} ${p}`;

function* importRows(products: number, variantsPer: number): Generator<string> {
  for (let p = 0; p < products; p++) {
    const handle = `search-${String(p).padStart(6, '0')}`;
    yield JSON.stringify({
      kind: 'product',
      handle,
      locale: 'en',
      title: titleOf(p),
      description: `A ${titleOf(p)} for the outdoors.`,
      categories: [`cat-${p % 20}`],
    });
    for (let v = 0; v < variantsPer; v++) {
      const sku = `SRCH-${String(p).padStart(6, '0')}-${v}`;
      yield JSON.stringify({
        kind: 'variant',
        handle,
        sku,
        options: { colour: COLOURS[p % COLOURS.length], size: `S${v}` },
      });
      yield JSON.stringify({
        kind: 'price',
        sku,
        price_list: 'search-eur',
        currency: 'EUR',
        amount: 1900 + ((p * 7 + v) % 30000),
      });
      yield JSON.stringify({ kind: 'stock', sku, location: 'search-wh', quantity: (p + v) % 4 });
    }
    yield JSON.stringify({ kind: 'listing', channel: CHANNEL, handle, published: true });
  }
}

// biome-ignore lint/suspicious/noExplicitAny: JSON from our own API
async function must(r: Promise<{ status: number; body: any }>, what: string) {
  const res = await r;
  if (res.status >= 300) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A channel with `products` products through the streamed import (prices, stock, listings). */
export async function seedSearchCatalog(b: BenchContext, products: number, variantsPer: number) {
  const list = await must(
    api(b, 'POST', '/api/catalog/price-lists', { code: 'search-eur', name: 'Search EUR', currency: 'EUR' }),
    'price list',
  );
  await must(
    api(b, 'POST', '/api/channels', {
      code: CHANNEL,
      name: 'Bench search shop',
      type: 'web',
      currency: 'EUR',
      locales: ['en'],
      priceListId: list.id,
    }),
    'channel',
  );
  await must(
    api(b, 'POST', '/api/inventory/locations', { code: 'search-wh', name: 'Search WH', type: 'warehouse' }),
    'location',
  );
  await must(
    api(b, 'PUT', `/api/inventory/channels/${CHANNEL}/sourcing`, {
      locationIds: ['search-wh'],
      safetyBuffer: 0,
    }),
    'sourcing',
  );
  const started = performance.now();
  const body = Readable.from(
    (function* () {
      let batch: string[] = [];
      for (const row of importRows(products, variantsPer)) {
        batch.push(row);
        if (batch.length === 1000) {
          yield `${batch.join('\n')}\n`;
          batch = [];
        }
      }
      if (batch.length) yield `${batch.join('\n')}\n`;
    })(),
  );
  const res = await fetch(`${b.baseUrl}/api/imports?format=ndjson&source=search-bench`, {
    method: 'POST',
    headers: { authorization: `Bearer ${b.adminKey}`, 'content-type': 'application/x-ndjson' },
    body: Readable.toWeb(body) as ReadableStream,
    duplex: 'half',
  } as RequestInit);
  const job = (await res.json()) as { status: string; rowsAccepted: number; rowsRejected: number };
  const seconds = (performance.now() - started) / 1000;
  if (res.status !== 201 || job.status !== 'completed' || job.rowsRejected > 0) {
    throw new Error(`import: ${res.status} ${JSON.stringify(job)}`);
  }
  b.log(`imported ${job.rowsAccepted} rows in ${seconds.toFixed(1)} s`);
  return { rows: job.rowsAccepted, seconds };
}

/** Misspelt queries and the word each means. */
const QUERIES: Array<[string, string, string]> = [
  ['prak\u0430', 'parka', ''],
  ['jakcet', 'jacket', '&sort=price_asc'],
  ['flece', 'fleece', '&category=cat-6'],
  ['waterprof boots', 'boots', ''],
  ['beanei', 'beanie', '&option=colour:moss'],
  ['glvoes', 'gloves', '&inStock=true'],
  ['insulted vest', 'vest', ''],
  ['hodie', 'hoodie', '&sort=price_desc'],
];
/** A cold request: typo × adjective × option × price range × offset, unique through the counter. */
export function distinctPath(n: number, random: () => number = Math.random): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const noun = pick(NOUNS);
  const c = [...noun];
  const i = Math.floor(random() * (c.length - 1));
  // A typo: two neighbouring letters swapped, a letter dropped or the word as meant.
  const typo = [
    () => [...c.slice(0, i), c[i + 1], c[i], ...c.slice(i + 2)].join(''),
    () => [...c.slice(0, i), ...c.slice(i + 1)].join(''),
    () => noun,
  ][Math.floor(random() * 3)]!();
  const q = random() < 0.4 ? `${pick(ADJECTIVES)} ${typo}` : typo;
  const params = [`q=${encodeURIComponent(q)}`, 'limit=24', `offset=${24 * Math.floor(random() * 8)}`];
  if (random() < 0.5) params.push(`option=colour:${pick(COLOURS)}`);
  // The counter makes every price range new: no two requests are the same query.
  const min = 1000 + (n % 5000);
  params.push(`minPrice=${min}`, `maxPrice=${min + 5000 + Math.floor(random() * 25000)}`);
  if (random() < 0.3) params.push(`sort=${pick(['price_asc', 'price_desc', 'title', 'newest'])}`);
  return `/api/channels/${CHANNEL}/search?${params.join('&')}`;
}

const pathOf = ([q, , extra]: [string, string, string]) =>
  `/api/channels/${CHANNEL}/search?q=${encodeURIComponent(q)}&limit=24${extra}`;

async function check(b: BenchContext): Promise<string | null> {
  for (const query of QUERIES) {
    const r = await must(api(b, 'GET', pathOf(query)), 'search');
    if (!r.total || !r.items.length) return `${query[0]}: nothing found`;
    const wrong = r.items.find((i: { title: string }) => !i.title.includes(query[1]));
    if (wrong) return `${query[0]}: "${wrong.title}" does not hold ${query[1]}`;
    if (!r.facets.categories.length || !r.facets.options.length) return `${query[0]}: no facets`;
  }
  return null;
}

const scenario: Scenario = async (b) => {
  const products = Number(b.args.products ?? 50_000);
  const variantsPer = Number(b.args.variants ?? 1);
  const duration = Number(b.args.duration ?? 15);
  const connections = Number(b.args.connections ?? 50);
  const distinct = b.args.distinct === 'true';
  const seeded =
    b.args['no-seed'] === 'true'
      ? { rows: 0, seconds: 0 }
      : await seedSearchCatalog(b, products, variantsPer);
  let problem = await check(b);
  let sent = 0;
  const host = new URL(b.baseUrl).host;
  const headers = { authorization: `Bearer ${b.adminKey}` };
  const request = (path: string) => httpRequestBytes('GET', path, host, headers);
  const repeated = QUERIES.map((q) => request(pathOf(q)));
  const load = (seconds: number) =>
    loadFor(b.baseUrl, connections, distinct ? () => request(distinctPath(sent++)) : repeated, seconds);
  const warm = await load(Number(b.args.warmup ?? 5));
  b.log(`warm-up: ${Math.round(warm.requestsPerSecond)} req/s, p99 ${warm.p99} ms`);
  const result = await load(duration);
  problem ??= await check(b);
  const failed = result.non2xx + result.errors + result.timeouts;
  const p99 = result.p99;
  return {
    metric: distinct ? 'search_cold_p99' : 'search_p99',
    value: p99,
    unit: 'ms',
    p50_ms: result.p50,
    p99_ms: p99,
    correct: problem === null && failed === 0 && result.ok > 0,
    target: { op: '<=', value: 30, unit: 'ms', met: p99 <= 30 },
    details: {
      products,
      variants: products * variantsPer,
      mode: distinct ? 'distinct (every request a new query: cold)' : 'repeated queries (warm)',
      distinctQueriesSent: distinct ? sent : undefined,
      queries: distinct ? distinctPath(0) : QUERIES.map((q) => q[0]),
      connections,
      durationSeconds: duration,
      requestsPerSecond: Math.round(result.requestsPerSecond),
      totalRequests: result.total,
      problem,
      non2xx: result.non2xx,
      errors: result.errors,
      timeouts: result.timeouts,
      seedRows: seeded.rows,
      seedSeconds: Math.round(seeded.seconds * 10) / 10,
    },
  };
};

export default scenario;
