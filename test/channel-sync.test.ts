// Outbound channel sync end to end through the public API, with real local HTTP servers standing in
// for a generic batch endpoint and a WooCommerce shop: stock after the safety buffer, coalescing,
// batch sizes, rate limits, 429/401, retries → dead-letter queue → replay, JSONata transforms,
// price and listing pushes, dry-run, resync, health and bad input.
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { firstRow } from '../src/platform/db/database.js';
import {
  type ChannelReceiver,
  type ChannelRequest,
  startChannelReceiver,
} from './helpers/channel-receiver.js';
import { eventually } from './helpers/eventually.js';
import { describeEachHub, ok, type TestHub } from './helpers/test-hub.js';
import { buildWebshop, type Webshop, type WebshopOptions } from './helpers/webshop-fixture.js';

// Set before the hubs start: loopback receivers, a retry schedule in ms, quick polls and lingers.
process.env.OMNIHUB_WEBHOOKS_ALLOW_PRIVATE = '1';
process.env.OMNIHUB_WEBHOOK_RETRY_SCHEDULE_MS = '20,40,60';
process.env.OMNIHUB_CHANNEL_SYNC_POLL_MS = '20';
process.env.OMNIHUB_CHANNEL_SYNC_LINGER_MS = '30';

let seq = 0;

/** A webshop channel fed by one store with a safety buffer, n listed SKUs. */
const buildShop = (t: TestHub, opts: WebshopOptions = {}) => buildWebshop(t, `cs${++seq}${t.kind[0]}`, opts);

const sell = (t: TestHub, shop: Webshop, sku: string, quantity = 1) =>
  ok(t, 'POST', '/api/inventory/adjustments', { kind: 'sale', sku, location: shop.locationId, quantity });

/** Items that reached a generic receiver, in arrival order. */
const itemsOf = (requests: ChannelRequest[]) =>
  requests.flatMap((r) => (r.json?.items ?? []) as Array<Record<string, any>>);

describeEachHub('outbound channel sync', (t) => {
  let generic: ChannelReceiver;
  let woo: ChannelReceiver;
  const wooProducts = new Map<string, number>(); // sku → WooCommerce product id
  const wooUpdates: Array<Record<string, any>> = [];

  beforeAll(async () => {
    generic = await startChannelReceiver();
    woo = await startChannelReceiver();
  });
  afterAll(async () => {
    await generic.close();
    await woo.close();
  });
  beforeEach(() => {
    generic.requests.length = 0;
    generic.handle = () => ({ status: 204 });
    woo.requests.length = 0;
    wooUpdates.length = 0;
    // A WooCommerce REST v3 stand-in: products looked up by SKU, batch updates answered per entry.
    woo.handle = (r) => {
      if (r.headers.authorization !== `Basic ${Buffer.from('ck_test:cs_test').toString('base64')}`)
        return { status: 401, body: { code: 'woocommerce_rest_cannot_view' } };
      const url = new URL(r.path, 'http://x');
      if (r.method === 'GET' && url.pathname === '/wp-json/wc/v3/products') {
        const skus = (url.searchParams.get('sku') ?? '').split(',');
        return {
          status: 200,
          body: skus.filter((s) => wooProducts.has(s)).map((s) => ({ id: wooProducts.get(s), sku: s })),
        };
      }
      if (r.method === 'POST' && url.pathname === '/wp-json/wc/v3/products/batch') {
        const update = (r.json.update ?? []) as Array<Record<string, any>>;
        wooUpdates.push(...update);
        const known = new Set(wooProducts.values());
        return {
          status: 200,
          body: {
            update: update.map((u) =>
              known.has(u.id)
                ? { ...u }
                : { id: 0, error: { code: 'woocommerce_rest_product_invalid_id', message: 'Invalid ID.' } },
            ),
          },
        };
      }
      return { status: 404 };
    };
  });

  const connect = async (shop: Webshop, body: Record<string, unknown> = {}) => {
    const r = await t.api('POST', '/api/channel-sync/connections', {
      body: { kind: 'generic', channelId: shop.channelId, baseUrl: `${generic.url}/sync`, ...body },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body as { id: string; secret: string | null };
  };
  const patch = (id: string, body: Record<string, unknown>) =>
    ok(t, 'PATCH', `/api/channel-sync/connections/${id}`, body);
  const items = async (id: string, status?: string) =>
    (await ok(t, 'GET', `/api/channel-sync/connections/${id}/items${status ? `?status=${status}` : ''}`))
      .items as Array<Record<string, any>>;
  const connection = (id: string) => ok(t, 'GET', `/api/channel-sync/connections/${id}`);
  const disconnect = async (id: string) =>
    expect((await t.api('DELETE', `/api/channel-sync/connections/${id}`)).status).toBe(204);

  it('a till sale reaches the channel as available-to-sell minus the safety buffer, signed', async () => {
    const shop = await buildShop(t, { buffer: 2, stock: 10 });
    const c = await connect(shop, { push: ['stock'] });
    expect(c.secret).toMatch(/^whsec_/);
    await sell(t, shop, shop.skus[0]!, 3);
    // (Matched by value: a push of the setup's receipt may come first on a loaded machine.)
    await generic.waitFor((all) => itemsOf(all).some((i) => i.availableToSell === 5));
    const got = generic.requests.find((r) => itemsOf([r]).some((i) => i.availableToSell === 5))!;
    const verified = new Webhook(c.secret!).verify(got.body, {
      'webhook-id': String(got.headers['webhook-id']),
      'webhook-timestamp': String(got.headers['webhook-timestamp']),
      'webhook-signature': String(got.headers['webhook-signature']),
    }) as { type: string; channelId: string; items: Array<Record<string, unknown>> };
    expect(verified.type).toBe('channel_sync.batch');
    expect(verified.channelId).toBe(shop.channelId);
    // 10 on hand − 3 sold − 2 safety buffer.
    expect(verified.items[0]).toMatchObject({ sku: shop.skus[0], availableToSell: 5, changed: ['stock'] });
    // The buffer never drives it below zero.
    await sell(t, shop, shop.skus[0]!, 6);
    await generic.waitFor((all) => itemsOf(all).some((i) => i.availableToSell === 0));
    await disconnect(c.id);
  });

  it("pushes a variant's stock policy with its stock: backorder, pre-order with its date", async () => {
    const shop = await buildShop(t, { stock: 1 });
    const c = await connect(shop, { push: ['stock'] });
    await ok(t, 'PATCH', `/api/catalog/products/${shop.productIds[0]}/variants/${shop.skus[0]}`, {
      stockPolicy: 'backorder',
    });
    await generic.waitFor((all) => itemsOf(all).some((i) => i.stockPolicy === 'backorder'));
    expect(itemsOf(generic.requests).find((i) => i.stockPolicy === 'backorder')).toMatchObject({
      sku: shop.skus[0],
      changed: ['stock'],
      availableToSell: 1,
      availability: 'in_stock', // backorder only once the stock runs out
      availableFrom: null,
    });
    await ok(t, 'PATCH', `/api/catalog/products/${shop.productIds[0]}/variants/${shop.skus[0]}`, {
      stockPolicy: 'preorder',
      availableFrom: '2099-03-01',
    });
    await generic.waitFor((all) => itemsOf(all).some((i) => i.stockPolicy === 'preorder'));
    expect(itemsOf(generic.requests).find((i) => i.stockPolicy === 'preorder')).toMatchObject({
      availability: 'preorder',
      availableFrom: '2099-03-01',
    });
    await disconnect(c.id);
  });

  it('coalesces a burst of changes of one SKU into one item carrying the latest value', async () => {
    const shop = await buildShop(t, { stock: 20 });
    const c = await connect(shop, { push: ['stock'], status: 'paused' });
    for (let i = 0; i < 10; i++) await sell(t, shop, shop.skus[0]!);
    const queued = await eventually(
      () => items(c.id),
      (list) => list.length === 1 && list[0]!.value?.availableToSell === 10,
    );
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({ key: shop.skus[0], kind: 'stock', value: { availableToSell: 10 } });
    expect(generic.requests).toHaveLength(0);
    await patch(c.id, { status: 'active' });
    await generic.waitFor((all) => itemsOf(all).length >= 1);
    await eventually(
      () => items(c.id),
      (list) => list.length === 0,
    );
    // Ten changes, one request with the latest value.
    expect(generic.requests).toHaveLength(1);
    expect(itemsOf(generic.requests)).toEqual([
      expect.objectContaining({ sku: shop.skus[0], availableToSell: 10 }),
    ]);
    await disconnect(c.id);
  });

  it('never sends more than batchSize items per request; a resync queues every listed SKU', async () => {
    const shop = await buildShop(t, { products: 7 });
    const c = await connect(shop, {
      push: ['stock', 'price'],
      batchSize: 3,
      ratePerSecond: 100,
      burst: 10,
      status: 'paused',
    });
    const resync = await t.api('POST', `/api/channel-sync/connections/${c.id}/resync`, { body: {} });
    expect(resync.status).toBe(202);
    expect(resync.body.queued).toBe(14); // 7 SKUs × (stock, price)
    await patch(c.id, { status: 'active' });
    await generic.waitFor((all) => new Set(itemsOf(all).map((i) => i.sku)).size === 7);
    for (const r of generic.requests) expect(r.json.items.length).toBeLessThanOrEqual(3);
    expect(generic.requests.length).toBeGreaterThanOrEqual(3);
    // Stock and price of one SKU in one batch travel as one entry; every SKU got both.
    for (const sku of shop.skus) {
      const entries = itemsOf(generic.requests).filter((i) => i.sku === sku);
      expect(entries.flatMap((i) => i.changed).sort()).toEqual(['price', 'stock']);
      for (const i of entries) expect(i.price).toEqual({ amount: 1450, currency: 'EUR', decimal: '14.50' });
    }
    await disconnect(c.id);
  });

  it('paces requests by the connection token bucket', async () => {
    const shop = await buildShop(t, { products: 4 });
    // A token every 500 ms, burst 1: far slower than a push cycle, even on a loaded machine.
    const c = await connect(shop, {
      push: ['stock'],
      batchSize: 1,
      ratePerSecond: 2,
      burst: 1,
      status: 'paused',
    });
    await ok(t, 'POST', `/api/channel-sync/connections/${c.id}/resync`, {});
    const push = t.hub.integration.channelSync!.push!;
    const before = { ...push.stats };
    await patch(c.id, { status: 'active' });
    await generic.waitFor((all) => new Set(itemsOf(all).map((i) => i.sku)).size === 4);
    for (const r of generic.requests) expect(r.json.items).toHaveLength(1);
    // Burst 1: requests after the first waited for a token (the bucket's own decisions; its
    // arithmetic is checked on a fake clock in src/connectors/channel-sync/channel-sync.test.ts).
    const sent = push.stats.requests - before.requests;
    expect(sent).toBeGreaterThanOrEqual(3);
    expect(push.stats.throttled - before.throttled).toBeGreaterThanOrEqual(1);
    await disconnect(c.id);
  });

  it('honours 429 Retry-After by pausing the connection, and 401 pauses it with the error visible', async () => {
    const shop = await buildShop(t);
    const c = await connect(shop, { push: ['stock'] });
    generic.handle = () => ({ status: 429, headers: { 'retry-after': '120' } });
    await sell(t, shop, shop.skus[0]!);
    await generic.waitFor((all) => all.length === 1);
    const paused = await eventually(
      () => connection(c.id),
      (x) => x.pausedUntil !== null,
    );
    const waitMs = new Date(paused.pausedUntil).getTime() - generic.requests[0]!.at;
    expect(waitMs).toBeGreaterThan(100_000); // asked 120 s; the retry schedule alone would say 20 ms
    expect(paused.lastError).toContain('429');
    expect(await items(c.id, 'pending')).toEqual([expect.objectContaining({ attempts: 0 })]);
    expect(generic.requests).toHaveLength(1);

    // 401: paused until an operator resumes it; resuming sends the item.
    generic.handle = () => ({ status: 401 });
    await patch(c.id, { status: 'active' });
    await generic.waitFor((all) => all.length === 2);
    const refused = await eventually(
      () => connection(c.id),
      (x) => x.status === 'paused',
    );
    expect(refused.lastError).toContain('401');
    generic.handle = () => ({ status: 200 });
    await patch(c.id, { status: 'active' });
    await generic.waitFor((all) => all.length === 3);
    await eventually(
      () => items(c.id),
      (list) => list.length === 0,
    );
    expect((await connection(c.id)).lastError).toBeNull();
    await disconnect(c.id);
  });

  it('retries a receiver that is down, dead-letters the item, and replay delivers it', async () => {
    const shop = await buildShop(t);
    const c = await connect(shop, { push: ['stock'] });
    generic.handle = () => ({ status: 503 });
    await sell(t, shop, shop.skus[0]!);
    // First attempt + 3 retries of the schedule, then the dead-letter queue.
    await generic.waitFor((all) => all.length === 4);
    const dead = await eventually(
      () => items(c.id, 'dead'),
      (list) => list.length === 1,
    );
    expect(dead[0]).toMatchObject({ key: shop.skus[0], attempts: 4, lastStatusCode: 503, status: 'dead' });
    const health = (await ok(t, 'GET', '/api/channel-sync/health')).items.find(
      (h: { connectionId: string }) => h.connectionId === c.id,
    );
    expect(health).toMatchObject({ deadLettered: 1, queueDepth: 0, failed: 4, pushed: 0 });
    const metrics = await t.api('GET', '/metrics', { key: null });
    expect(String(metrics.body)).toMatch(
      new RegExp(`omnihub_channel_sync_dead_letter_depth\\{connection="${c.id}"[^}]*\\} 1`),
    );

    generic.handle = () => ({ status: 200 });
    const replay = await ok(t, 'POST', `/api/channel-sync/connections/${c.id}/replay`, {});
    expect(replay.replayed).toEqual([dead[0]!.id]);
    await generic.waitFor((all) => all.length === 5);
    expect(itemsOf([generic.requests[4]!])[0]).toMatchObject({ sku: shop.skus[0], availableToSell: 9 });
    await eventually(
      () => items(c.id),
      (list) => list.length === 0,
    );
    const after = (await ok(t, 'GET', '/api/channel-sync/health')).items.find(
      (h: { connectionId: string }) => h.connectionId === c.id,
    );
    expect(after).toMatchObject({ deadLettered: 0, queueDepth: 0, pushed: 1 });
    await disconnect(c.id);
  });

  it('reshapes items with the JSONata transform; a transform that throws parks the item with the error', async () => {
    const shop = await buildShop(t, { products: 2 });
    const c = await connect(shop, {
      push: ['stock'],
      transform: `sku = "${shop.skus[1]}" ? $error("no such SKU on the marketplace") : { "id": sku, "qty": availableToSell }`,
    });
    await sell(t, shop, shop.skus[0]!);
    await sell(t, shop, shop.skus[1]!);
    await generic.waitFor((all) => itemsOf(all).some((i) => i.qty === 9));
    expect(itemsOf(generic.requests)).toContainEqual({ id: shop.skus[0], qty: 9 });
    const dead = await eventually(
      () => items(c.id, 'dead'),
      (list) => list.length === 1,
    );
    expect(dead[0]).toMatchObject({ key: shop.skus[1], attempts: 1 });
    expect(dead[0]!.lastError).toContain('no such SKU on the marketplace');
    expect(itemsOf(generic.requests).some((i) => i.id === shop.skus[1])).toBe(false);

    // The dry-run shows the canonical item, the payload and the signed request; nothing is sent.
    const sent = generic.requests.length;
    const dry = await ok(t, 'POST', `/api/channel-sync/connections/${c.id}/dry-run`, { sku: shop.skus[0] });
    expect(dry.item).toMatchObject({
      sku: shop.skus[0],
      availableToSell: 9,
      listed: true,
      title: 'Fjord tee 0',
    });
    expect(dry.payload).toEqual({ id: shop.skus[0], qty: 9 });
    expect(dry.requests[0]).toMatchObject({ method: 'POST', url: `${generic.url}/sync` });
    expect(dry.requests[0].body.items).toEqual([{ id: shop.skus[0], qty: 9 }]);
    const failing = await ok(t, 'POST', `/api/channel-sync/connections/${c.id}/dry-run`, {
      sample: { sku: shop.skus[1], availableToSell: 3 },
    });
    expect(failing.error).toContain('no such SKU on the marketplace');
    expect(generic.requests).toHaveLength(sent);
    await disconnect(c.id);
  });

  it('pushes stock, price and listing changes to WooCommerce through its batch API', async () => {
    const shop = await buildShop(t, { products: 2, buffer: 1 });
    wooProducts.set(shop.skus[0]!, 501);
    wooProducts.set(shop.skus[1]!, 502);
    const c = await connect(shop, {
      kind: 'woocommerce',
      baseUrl: woo.url,
      credentials: { consumerKey: 'ck_test', consumerSecret: 'cs_test' },
    });
    await sell(t, shop, shop.skus[0]!, 2);
    await woo.waitFor(() => wooUpdates.some((u) => u.id === 501 && u.stock_quantity === 7));
    expect(wooUpdates).toContainEqual({ id: 501, manage_stock: true, stock_quantity: 7, backorders: 'no' });

    await ok(t, 'PUT', `/api/catalog/price-lists/${shop.priceListId}/prices`, {
      prices: [{ sku: shop.skus[1], amount: 1995, currency: 'EUR' }],
    });
    await woo.waitFor(() => wooUpdates.some((u) => u.regular_price === '19.95'));
    // No campaign: the sale price is cleared (a sale the shop still showed ends).
    expect(wooUpdates).toContainEqual({ id: 502, regular_price: '19.95', sale_price: '' });

    // An automatic campaign on the tee: the shop gets the campaign's price as its sale price, and
    // the sale ends there when the campaign is paused (issue 14 item 6).
    const sale = await ok(t, 'POST', '/api/promotions/campaigns', {
      name: `Tee sale ${shop.channelId}`,
      kind: 'automatic',
      conditions: { channelIds: [shop.channelId], skus: [shop.skus[1]] },
      benefit: { type: 'percentage', percentBp: 1000 },
    });
    await woo.waitFor(() => wooUpdates.some((u) => u.sale_price === '17.95'));
    expect(wooUpdates).toContainEqual({ id: 502, regular_price: '19.95', sale_price: '17.95' });
    const before = wooUpdates.length;
    await ok(t, 'PATCH', `/api/promotions/campaigns/${sale.id}`, { status: 'paused' });
    await woo.waitFor(() => wooUpdates.slice(before).some((u) => u.id === 502 && u.sale_price === ''));

    await ok(t, 'PUT', `/api/channels/${shop.channelId}/listings/${shop.productIds[1]}`, {
      published: false,
    });
    await woo.waitFor(() => wooUpdates.some((u) => u.status === 'draft'));
    expect(wooUpdates).toContainEqual({ id: 502, status: 'draft', name: 'Fjord tee 1' });

    // A new title reaches the channels that list the product (product 1 is no longer listed there).
    await ok(t, 'PATCH', `/api/catalog/products/${shop.productIds[0]}`, {
      content: { en: { title: 'Fjord tee renamed' } },
    });
    await woo.waitFor(() => wooUpdates.some((u) => u.name === 'Fjord tee renamed'));
    expect(wooUpdates.find((u) => u.name === 'Fjord tee renamed')).toEqual({
      id: 501,
      status: 'publish',
      name: 'Fjord tee renamed',
    });

    // An unlisted product gets no stock pushes; relisting it brings stock and price up to date.
    const mark = wooUpdates.length;
    await sell(t, shop, shop.skus[1]!, 1);
    await sell(t, shop, shop.skus[0]!, 1);
    await woo.waitFor(() => wooUpdates.some((u) => u.id === 501 && u.stock_quantity === 6));
    await eventually(
      () => items(c.id),
      (list) => list.length === 0,
    );
    expect(wooUpdates.slice(mark).filter((u) => u.id === 502 && 'stock_quantity' in u)).toEqual([]);
    await ok(t, 'PUT', `/api/channels/${shop.channelId}/listings/${shop.productIds[1]}`, { published: true });
    await woo.waitFor(() => wooUpdates.slice(mark).some((u) => u.id === 502 && u.status === 'publish'));
    expect(wooUpdates.slice(mark).find((u) => u.id === 502 && u.status === 'publish')).toEqual({
      id: 502,
      manage_stock: true,
      stock_quantity: 8, // 10 − 1 sold − 1 buffer
      backorders: 'no',
      regular_price: '19.95',
      sale_price: '',
      status: 'publish',
      name: 'Fjord tee 1',
    });

    // Ids were looked up by SKU once each and remembered.
    const lookups = woo.requests.filter((r) => r.method === 'GET');
    const looked = lookups.flatMap((r) =>
      (new URL(r.path, 'http://x').searchParams.get('sku') ?? '').split(','),
    );
    expect(looked.sort()).toEqual([...shop.skus].sort());
    for (const r of woo.requests.filter((x) => x.method === 'POST'))
      expect(r.path).toBe('/wp-json/wc/v3/products/batch');

    // A SKU the shop does not have is parked with the reason.
    const third = await buildShopProduct(t, shop, 'missing');
    await sell(t, shop, third);
    const dead = await eventually(
      () => items(c.id, 'dead'),
      (list) => list.some((i) => i.key === third),
    );
    expect(dead.find((i) => i.key === third)!.lastError).toContain(`no product with SKU ${third}`);
    await disconnect(c.id);
  });

  it('pushes stock, price and listing changes to Shopify in one GraphQL request per batch', async () => {
    const shop = await buildShop(t, { products: 2 });
    const shopify = await startChannelReceiver();
    const mutations: Array<Record<string, any>> = [];
    const variant = (sku: string) => {
      const n = shop.skus.indexOf(sku);
      return {
        id: `gid://shopify/ProductVariant/${n + 1}`,
        sku,
        product: { id: `gid://shopify/Product/${n + 1}` },
        inventoryItem: { id: `gid://shopify/InventoryItem/${n + 1}` },
      };
    };
    shopify.handle = (r) => {
      if (
        r.headers['x-shopify-access-token'] !== 'shpat_test' ||
        r.path !== '/admin/api/2025-01/graphql.json'
      )
        return { status: 401 };
      if (String(r.json.query).includes('productVariants(')) {
        const skus = [...String(r.json.variables.q).matchAll(/sku:"([^"]+)"/g)].map((m) => m[1]!);
        return {
          status: 200,
          body: {
            data: { productVariants: { nodes: skus.filter((s) => shop.skus.includes(s)).map(variant) } },
          },
        };
      }
      mutations.push(r.json);
      // The second variant's price is refused, and says so by its input index.
      const price = Object.keys(r.json.variables).find(
        (k) => /^v\d+$/.test(k) && r.json.variables[k][0].id.endsWith('/2'),
      );
      return {
        status: 200,
        body: {
          data: price
            ? {
                [`price${price.slice(1)}`]: {
                  userErrors: [{ field: ['variants', '0', 'price'], message: 'Price is too high' }],
                },
              }
            : {},
        },
      };
    };
    try {
      // Paused, the changes queue up; resumed, they go in one batch. (Sent as they come, the price of
      // a product unlisted meanwhile is rightly skipped when it is read after the unlisting but
      // before the listing change is queued: a relisting sends it.)
      const c = await connect(shop, {
        kind: 'shopify',
        baseUrl: shopify.url,
        credentials: { accessToken: 'shpat_test', locationId: 'gid://shopify/Location/77' },
        status: 'paused',
      });
      // A dry-run shows the request without the shop's access token.
      const dry = await ok(t, 'POST', `/api/channel-sync/connections/${c.id}/dry-run`, { sku: shop.skus[0] });
      expect(dry.requests[0].headers['x-shopify-access-token']).toBe('[redacted]');
      expect(JSON.stringify(dry)).not.toContain('shpat_test');
      await sell(t, shop, shop.skus[0]!, 4);
      await ok(t, 'PUT', `/api/catalog/price-lists/${shop.priceListId}/prices`, {
        prices: [
          { sku: shop.skus[0], amount: 1995, currency: 'EUR' },
          { sku: shop.skus[1], amount: 99900, currency: 'EUR' },
        ],
      });
      await ok(t, 'PUT', `/api/channels/${shop.channelId}/listings/${shop.productIds[0]}`, {
        published: false,
      });
      await t.hub.integration.channelSync!.enqueuer!.caughtUp();
      expect((await items(c.id)).map((i) => `${i.kind} ${i.key}`).sort()).toEqual([
        `listing ${shop.skus[0]}`,
        `price ${shop.skus[0]}`,
        `price ${shop.skus[1]}`,
        `stock ${shop.skus[0]}`,
      ]);
      expect(shopify.requests).toHaveLength(0);
      await patch(c.id, { status: 'active' });
      const dead = await eventually(
        () => items(c.id, 'dead'),
        (list) => list.length === 1,
      );
      expect(dead[0]).toMatchObject({ key: shop.skus[1], kind: 'price' });
      expect(dead[0]!.lastError).toContain('Price is too high');
      // Both SKUs looked up in one request, then every change in one mutation (its outcome is in).
      expect(shopify.requests.filter((r) => String(r.json.query).includes('productVariants('))).toHaveLength(
        1,
      );
      expect(mutations).toHaveLength(1);
      const m = mutations[0]!;
      expect(m.query).toContain('inventorySetQuantities(input: $stock)');
      expect(m.variables.stock).toEqual({
        name: 'available',
        reason: 'correction',
        ignoreCompareQuantity: true,
        quantities: [
          {
            inventoryItemId: 'gid://shopify/InventoryItem/1',
            locationId: 'gid://shopify/Location/77',
            quantity: 6,
          },
        ],
      });
      const sent = Object.values(m.variables) as any[];
      expect(sent).toContainEqual([
        { id: 'gid://shopify/ProductVariant/1', price: '19.95', compareAtPrice: null },
      ]);
      expect(sent).toContainEqual({ id: 'gid://shopify/Product/1', status: 'DRAFT', title: 'Fjord tee 0' });
      await disconnect(c.id);
    } finally {
      await shopify.close();
    }
  });

  it('scopes: read keys cannot change connections; a channel-bound key sees only its channel', async () => {
    const mine = await buildShop(t);
    const other = await buildShop(t);
    const a = await connect(mine);
    const b = await connect(other);
    const key = (
      await ok(t, 'POST', '/api/keys', {
        name: 'sync reader',
        scopes: ['channel_sync:read'],
        channelId: mine.channelId,
      })
    ).secret;
    const list = await t.api('GET', '/api/channel-sync/connections', { key });
    expect(list.status).toBe(200);
    expect(list.body.items.map((c: { id: string }) => c.id)).toEqual([a.id]);
    expect((await t.api('GET', `/api/channel-sync/connections/${b.id}`, { key })).status).toBe(404);
    const create = await t.api('POST', '/api/channel-sync/connections', {
      key,
      body: { kind: 'generic', channelId: mine.channelId, baseUrl: generic.url },
    });
    expect(create.status).toBe(403);
    await disconnect(a.id);
    await disconnect(b.id);
  });

  it('refuses bad input with 400 problem+json and writes nothing', async () => {
    const shop = await buildShop(t);
    const before = (await ok(t, 'GET', '/api/channel-sync/connections')).items.length;
    const bad: Array<Record<string, unknown>> = [
      { kind: 'generic', channelId: shop.channelId, baseUrl: generic.url, batchSize: 0 },
      { kind: 'generic', channelId: shop.channelId, baseUrl: 'not a url' },
      { kind: 'generic', channelId: shop.channelId, baseUrl: generic.url, transform: '{ "a": ' },
      { kind: 'woocommerce', channelId: shop.channelId, baseUrl: woo.url },
      { kind: 'ftp', channelId: shop.channelId, baseUrl: generic.url },
      { kind: 'generic', channelId: shop.channelId, baseUrl: generic.url, push: ['colour'] },
    ];
    for (const body of bad) {
      const r = await t.api('POST', '/api/channel-sync/connections', { body });
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(String(r.headers['content-type'])).toContain('application/problem+json');
    }
    const unknownChannel = await t.api('POST', '/api/channel-sync/connections', {
      body: { kind: 'generic', channelId: 'chn_nope', baseUrl: generic.url },
    });
    expect(unknownChannel.status).toBe(422);
    expect((await ok(t, 'GET', '/api/channel-sync/connections')).items).toHaveLength(before);
  });
});

/** One more listed product on the shop's channel (the WooCommerce shop does not know it). */
async function buildShopProduct(t: TestHub, shop: Webshop, name: string): Promise<string> {
  const sku = `${name}-${++seq}-${t.kind}`.toUpperCase();
  const product = await ok(t, 'POST', '/api/catalog/products', {
    handle: `${name}-${seq}-${t.kind}`,
    defaultLocale: 'en',
    content: { en: { title: name } },
    variants: [{ sku, prices: [{ priceListId: shop.priceListId, amount: 100, currency: 'EUR' }] }],
  });
  await ok(t, 'PUT', `/api/channels/${shop.channelId}/listings/${product.id}`, { published: true });
  await ok(t, 'POST', '/api/inventory/adjustments', {
    kind: 'receive',
    sku,
    location: shop.locationId,
    quantity: 5,
  });
  return sku;
}

describeEachHub(
  'outbound channel sync with OMNIHUB_SECRETS_KEY',
  (t) => {
    it('stores connection credentials sealed and still pushes with them', async () => {
      const shop = await buildShop(t);
      const woo = await startChannelReceiver();
      woo.handle = (r) => {
        if (r.headers.authorization !== `Basic ${Buffer.from('ck_sealed:cs_sealed').toString('base64')}`)
          return { status: 401 };
        if (r.method === 'GET') return { status: 200, body: [{ id: 900, sku: shop.skus[0] }] };
        return { status: 200, body: { update: r.json.update } };
      };
      try {
        const c = await ok(t, 'POST', '/api/channel-sync/connections', {
          kind: 'woocommerce',
          channelId: shop.channelId,
          baseUrl: woo.url,
          credentials: { consumerKey: 'ck_sealed', consumerSecret: 'cs_sealed' },
        });
        const row = await firstRow<{ c: string }>(
          t.hub.database.db,
          sql`select credentials::text as c from channel_sync_connections where id = ${c.id}`,
        );
        expect(row!.c).toMatch(/"sealed": ?"enc:v1:/);
        expect(row!.c).not.toContain('cs_sealed');
        await sell(t, shop, shop.skus[0]!, 1);
        await woo.waitFor((all) =>
          all.some((r) => r.method === 'POST' && r.json.update[0].stock_quantity === 9),
        );
        expect((await ok(t, 'GET', `/api/channel-sync/connections/${c.id}`)).lastError).toBeNull();
      } finally {
        await woo.close();
      }
    });
  },
  { config: { secretsKey: randomBytes(32).toString('base64') } },
);
