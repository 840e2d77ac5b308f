// Product pictures and shareable storefront pages (#17) on both databases: a picture uploaded through
// the API is served in every size and format with year-long caching and ETags, its alt text follows
// the page's language, hostile uploads write nothing; the demo's own pictures show with no network;
// /store/<channel> carries the channel's publishable key (and nothing more powerful); product and
// category pages have Open Graph, Twitter and schema.org JSON-LD heads; sitemap and robots.txt.
import sharp from 'sharp';
import { expect, it } from 'vitest';
import { describeEachHub, TEST_ADMIN_KEY } from './helpers/test-hub.js';

const png = (w: number, h: number) =>
  sharp({ create: { width: w, height: h, channels: 3, background: '#3a6f9a' } })
    .png()
    .toBuffer();

/** The <meta> tags of an HTML head, by property or name. */
function metas(html: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of html.matchAll(/<meta (?:property|name)="([^"]+)" content="([^"]*)">/g))
    out.set(m[1]!, m[2]!);
  return out;
}

function jsonLd(html: string): any[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) =>
    JSON.parse(m[1]!),
  );
}

describeEachHub(
  'media and storefront pages',
  (t) => {
    const raw = async (
      method: string,
      url: string,
      opts: { body?: Buffer; type?: string; headers?: Record<string, string> } = {},
    ) =>
      t.hub.http.inject({
        method: method as 'GET',
        url,
        headers: {
          authorization: `Bearer ${TEST_ADMIN_KEY}`,
          ...(opts.type ? { 'content-type': opts.type } : {}),
          ...opts.headers,
        },
        ...(opts.body ? { payload: opts.body } : {}),
      });

    it('stores an uploaded picture and serves its sizes cached for a year with ETags', async () => {
      const product = 'fjell-parka';
      const before = (await t.api('GET', `/api/catalog/products/${product}/media`)).body.items.length;
      const up = await raw(
        'POST',
        `/api/catalog/products/${product}/media?variant=FF-FJELL-PARKA-FJORD-M&alt=Blue%20parka`,
        {
          body: await png(900, 1200),
          type: 'image/png',
        },
      );
      expect(up.statusCode).toBe(201);
      const image = up.json();
      expect(image).toMatchObject({ width: 900, height: 1200, alt: { en: 'Blue parka' }, position: before });
      expect(image.variantId).toMatch(/^var_/);

      const size = await raw('GET', `/media/${image.id}/640.webp`, { headers: {} });
      expect(size.statusCode).toBe(200);
      expect(size.headers['content-type']).toBe('image/webp');
      expect(size.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      const meta = await sharp(size.rawPayload).metadata();
      expect([meta.format, meta.width]).toEqual(['webp', 640]);
      const again = await raw('GET', `/media/${image.id}/640.webp`, {
        headers: { 'if-none-match': String(size.headers.etag) },
      });
      expect(again.statusCode).toBe(304);
      for (const f of ['avif', 'jpeg'] as const) {
        const r = await raw('GET', `/media/${image.id}/320.${f}`);
        expect((await sharp(r.rawPayload).metadata()).format).toBe(f === 'avif' ? 'heif' : 'jpeg');
      }
      // A width the picture does not offer (larger than it) is no file.
      expect((await raw('GET', `/media/${image.id}/1024.jpeg`)).statusCode).toBe(404);

      const patched = await t.api('PATCH', `/api/media/${image.id}`, {
        body: { alt: { en: 'Blue parka', nl: 'Blauwe parka' }, position: 0 },
      });
      expect(patched.status).toBe(200);
      const nl = await t.api('GET', `/api/channels/webshop/products/${product}?locale=nl`);
      const shown = nl.body.images.find((i: { id: string }) => i.id === image.id);
      expect(shown.alt).toBe('Blauwe parka');
      expect(shown.srcset.avif).toContain(`/media/${image.id}/640.avif 640w`);
      // Order follows positions: a demo picture moved behind the new one.
      const demoPicture = nl.body.images.find((i: { id: string }) => i.id !== image.id).id;
      await t.api('PATCH', `/api/media/${demoPicture}`, { body: { position: before + 1 } });
      const reordered = await t.api('GET', `/api/channels/webshop/products/${product}`);
      const order = reordered.body.images.map((i: { id: string }) => i.id);
      expect(order[0]).toBe(image.id);
      expect(order.at(-1)).toBe(demoPicture);

      expect((await t.api('DELETE', `/api/media/${image.id}`)).status).toBe(204);
      expect((await raw('GET', `/media/${image.id}/320.jpeg`)).statusCode).toBe(404);
      expect((await t.api('GET', `/api/catalog/products/${product}/media`)).body.items.length).toBe(before);
    });

    it('refuses what is not a picture of a known product, naming the field, and writes nothing', async () => {
      const product = 'vidde-fleece';
      const count = async () =>
        (await t.api('GET', `/api/catalog/products/${product}/media`)).body.items.length;
      const before = await count();
      const notImage = await raw('POST', `/api/catalog/products/${product}/media`, {
        body: Buffer.from('<svg onload="alert(1)"></svg>'),
        type: 'image/png',
      });
      expect(notImage.statusCode).toBe(400);
      expect(notImage.json().errors?.[0]?.path ?? notImage.json().issues?.[0]?.path).toBe('body');
      const svg = await raw('POST', `/api/catalog/products/${product}/media`, {
        body: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'),
        type: 'image/svg+xml',
      });
      expect(svg.statusCode).toBe(415);
      const variant = await raw('POST', `/api/catalog/products/${product}/media?variant=NOPE`, {
        body: await png(200, 200),
        type: 'image/png',
      });
      expect(variant.statusCode).toBe(400);
      expect(JSON.stringify(variant.json())).toContain('querystring.variant');
      const unknown = await raw('POST', '/api/catalog/products/no-such-product/media', {
        body: await png(200, 200),
        type: 'image/png',
      });
      expect(unknown.statusCode).toBe(404);
      expect(await count()).toBe(before);
    });

    it("shows the demo's own pictures on every product and colour, with alt text, from this hub", async () => {
      const page = await t.api('GET', '/api/channels/webshop/products?limit=100');
      expect(page.body.items.length).toBe(10);
      for (const p of page.body.items) {
        expect(p.images.length, p.handle).toBeGreaterThan(0);
        expect(p.images[0].alt).toBeTruthy();
        expect(p.images[0].src).toMatch(/^\/media\/img_[0-9a-f]+\/\d+\.jpeg$/);
        // One picture per colour, on a variant of that colour, its alt naming the colour.
        const colours = new Set(p.variants.map((v: { options: { colour: string } }) => v.options.colour));
        const pictured = new Set(
          p.images.map(
            (i: { variantId: string }) =>
              p.variants.find((v: { id: string }) => v.id === i.variantId)?.options.colour,
          ),
        );
        expect(pictured, p.handle).toEqual(colours);
      }
      const parka = page.body.items.find((p: { handle: string }) => p.handle === 'fjell-parka');
      expect(parka.images.map((i: { alt: string }) => i.alt)).toContain('Fjell insulated parka, fjord blue');
      const first = await raw('GET', page.body.items[0].images[0].src);
      expect(first.statusCode).toBe(200);
      expect(first.headers['content-type']).toBe('image/jpeg');
    });

    it('opens /store/<channel> with the channel publishable key, bound to that channel only', async () => {
      const res = await raw('GET', '/store/webshop', { headers: { authorization: '' } });
      expect(res.statusCode).toBe(200);
      const key = /<meta name="omnihub-publishable-key" content="([^"]+)">/.exec(res.body)?.[1];
      expect(key).toMatch(/^ohpk_/);
      expect((await t.api('GET', '/api/channels/webshop/products?limit=1', { key })).status).toBe(200);
      expect((await t.api('GET', '/api/channels/app/products?limit=1', { key })).status).toBe(403);
      expect((await t.api('GET', '/api/orders', { key })).status).toBe(403);
      expect((await t.api('GET', '/api/customers', { key })).status).toBe(403);
      // The same key on the next visit; a till or marketplace channel has no storefront key.
      const next = await raw('GET', '/store/webshop/cart');
      expect(next.body).toContain(key);
      const till = await raw('GET', '/store/store-amsterdam');
      expect(till.body).not.toContain('omnihub-publishable-key');
      // Revoked: the next page carries a new one.
      const keys = (await t.api('GET', '/api/keys')).body.items as Array<{
        id: string;
        name: string;
        revokedAt: string | null;
      }>;
      const issued = keys.find((k) => k.name === 'storefront: Fjord & Field webshop' && !k.revokedAt)!;
      expect((await t.api('DELETE', `/api/keys/${issued.id}`)).status).toBe(200);
      const renewed = /content="(ohpk_[^"]+)"/.exec((await raw('GET', '/store/webshop')).body)?.[1];
      expect(renewed).toBeTruthy();
      expect(renewed).not.toBe(key);
    });

    it('gives product and category pages Open Graph, Twitter and Product/Offer JSON-LD heads', async () => {
      const sku = 'FF-MYR-HIKING-BOOT-EMBER-42';
      const gtin = '4006381333931';
      const set = await t.api('PATCH', `/api/catalog/products/myr-hiking-boot/variants/${sku}`, {
        body: { gtin },
      });
      expect(set.status).toBe(200);
      const view = (await t.api('GET', '/api/channels/webshop/products/myr-hiking-boot')).body;
      const html = (await raw('GET', '/store/webshop/p/myr-hiking-boot')).body;
      const m = metas(html);
      expect(html).toContain(`<title>${view.title} | Fjord &amp; Field webshop</title>`);
      expect(m.get('og:type')).toBe('product');
      expect(m.get('og:title')).toBe(view.title);
      expect(m.get('og:url')).toMatch(/^https?:\/\/[^/]+\/store\/webshop\/p\/myr-hiking-boot$/);
      expect(m.get('og:image')).toMatch(/^https?:\/\/[^/]+\/media\/img_[0-9a-f]+\/\d+\.jpeg$/);
      expect(m.get('og:image:alt')).toBe(view.images[0].alt);
      expect(m.get('twitter:card')).toBe('summary_large_image');
      const variant = view.variants.find((v: { sku: string }) => v.sku === sku);
      const price = (variant.price.amount / 100).toFixed(2);
      expect(m.get('product:price:amount')).toBe((view.variants[0].price.amount / 100).toFixed(2));
      const [ld] = jsonLd(html);
      expect(ld['@type']).toBe('Product');
      expect(ld.name).toBe(view.title);
      const offer = ld.offers.find((o: { sku: string }) => o.sku === sku);
      expect(offer).toMatchObject({
        '@type': 'Offer',
        gtin,
        price,
        priceCurrency: 'EUR',
        availability:
          variant.availableToSell > 0 ? 'https://schema.org/InStock' : 'https://schema.org/OutOfStock',
      });
      const image = new URL(m.get('og:image')!);
      expect((await raw('GET', image.pathname)).statusCode).toBe(200);

      const category = (await raw('GET', '/store/webshop/c/jackets')).body;
      const [list] = jsonLd(category);
      expect(list['@type']).toBe('CollectionPage');
      expect(list.mainEntity.itemListElement.length).toBeGreaterThan(0);
      expect(metas(category).get('og:url')).toMatch(/\/store\/webshop\/c\/jackets$/);
      // Text from the catalog cannot end the JSON-LD block or open a tag.
      await t.api('PATCH', '/api/catalog/products/myr-hiking-boot', {
        body: { content: { en: { title: 'Boot </script><script>alert(1)</script>' } } },
      });
      const hostile = (await raw('GET', '/store/webshop/p/myr-hiking-boot')).body;
      expect(hostile).not.toContain('<script>alert(1)');
      expect(jsonLd(hostile)[0].name).toBe('Boot </script><script>alert(1)</script>');
    });

    it("checks a delivery address's postal code against its country, naming the field", async () => {
      const channel = (await t.api('GET', '/api/channels/webshop')).body.id;
      const cart = await t.api('POST', '/api/carts', {
        body: { channelId: channel, lines: [{ sku: 'FF-VIDDE-FLEECE-MOSS-M', quantity: 1 }] },
      });
      expect(cart.status).toBe(201);
      const ship = (postalCode: string, country: string) =>
        t.api('PUT', `/api/carts/${cart.body.id}/delivery`, {
          body: {
            type: 'ship',
            method: 'standard',
            address: { line1: 'Damrak 1', postalCode, city: 'X', country },
          },
        });
      const bad = await ship('12', 'NL');
      expect(bad.status).toBe(400);
      expect(JSON.stringify(bad.body)).toContain('body.address.postalCode');
      expect((await t.api('GET', `/api/carts/${cart.body.id}`)).body.delivery).toBeNull();
      expect((await ship('1012 AB', 'NL')).status).toBe(200);
      expect((await ship('111 22', 'SE')).status).toBe(200);
      // A country without a known shape takes the code as given.
      expect((await ship('K1A 0B1', 'CA')).status).toBe(200);
    });

    it('lists every listed product in the sitemap and points robots.txt at it', async () => {
      const xml = (await raw('GET', '/store/webshop/sitemap.xml')).body;
      const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((x) => x[1]!);
      expect(locs.filter((l) => l.includes('/store/webshop/p/')).length).toBe(10);
      expect(locs.some((l) => l.endsWith('/store/webshop/c/jackets'))).toBe(true);
      const robots = (await raw('GET', '/robots.txt')).body;
      expect(robots).toMatch(/Sitemap: https?:\/\/[^/]+\/store\/webshop\/sitemap\.xml/);
      expect(robots).toContain('Disallow: /store/webshop/checkout');
      expect((await raw('GET', '/store/store-amsterdam/sitemap.xml')).statusCode).toBe(404);
    });
  },
  { demo: true },
);
