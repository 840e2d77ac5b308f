// media-serve: resized product pictures served from the hub's cache. Uploads `--images` pictures
// (generated here with sharp) to one product, asks each for its 640 px WebP once (made and cached),
// then GETs them round-robin at `--connections` for `--duration` s. Correct when every answer is
// 200 with the year-long cache header and an ETag, and a sample decodes as a 640 px WebP.
// Target (#17): ≥ 2,000 requests/s.
import sharp from 'sharp';
import { api, type Scenario } from '../harness.js';
import { httpRequestBytes, loadFor } from '../raw-http-load.js';

const scenario: Scenario = async (b) => {
  const duration = Number(b.args.duration ?? 10);
  const connections = Number(b.args.connections ?? 50);
  const count = Number(b.args.images ?? 20);
  const product = await api<{ id: string }>(b, 'POST', '/api/catalog/products', {
    handle: 'bench-media',
    defaultLocale: 'en',
    content: { en: { title: 'Bench media' } },
    variants: [{ sku: 'BENCH-MEDIA-1' }],
  });
  if (product.status !== 201) throw new Error(`product: ${product.status} ${JSON.stringify(product.body)}`);
  const urls: string[] = [];
  for (let i = 0; i < count; i++) {
    const image = await sharp({
      create: { width: 1200, height: 1200, channels: 3, background: { r: (i * 37) % 256, g: 120, b: 90 } },
    })
      .jpeg()
      .toBuffer();
    const res = await fetch(`${b.baseUrl}/api/catalog/products/${product.body.id}/media?alt=Bench%20${i}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${b.adminKey}`, 'content-type': 'image/jpeg' },
      body: image,
    });
    if (res.status !== 201) throw new Error(`upload: ${res.status} ${await res.text()}`);
    const { id } = (await res.json()) as { id: string };
    urls.push(`/media/${id}/640.webp`);
  }
  // First requests make the sizes; what is measured is serving them from the cache.
  let sampleOk = true;
  for (const url of urls) {
    const res = await fetch(`${b.baseUrl}${url}`);
    const bytes = Buffer.from(await res.arrayBuffer());
    const meta = await sharp(bytes).metadata();
    sampleOk &&=
      res.status === 200 &&
      meta.format === 'webp' &&
      meta.width === 640 &&
      !!res.headers.get('etag') &&
      res.headers.get('cache-control') === 'public, max-age=31536000, immutable';
  }
  b.log(`${count} pictures, GET 640 px WebP round-robin, ${connections} connections, ${duration} s`);
  const host = new URL(b.baseUrl).host;
  const result = await loadFor(
    b.baseUrl,
    connections,
    urls.map((path) => httpRequestBytes('GET', path, host, {})),
    duration,
  );
  const non2xx = result.non2xx + result.errors + result.timeouts;
  const value = Math.round(result.requestsPerSecond);
  return {
    metric: 'requests_per_second',
    value,
    unit: 'req/s',
    p50_ms: result.p50,
    p99_ms: result.p99,
    correct: sampleOk && non2xx === 0 && result.ok > 0,
    target: { op: '>=', value: 2000, unit: 'req/s', met: value >= 2000 },
    details: {
      images: count,
      connections,
      durationSeconds: duration,
      totalRequests: result.total,
      ok2xx: result.ok,
      non2xx: result.non2xx,
      errors: result.errors,
      timeouts: result.timeouts,
      bodyBytesPerSecond: Math.round(result.bodyBytesPerSecond),
      latencyMaxMs: result.max,
    },
  };
};

export default scenario;
