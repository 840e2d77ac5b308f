// Inbound connectors with real wire formats: Shopify- and WooCommerce-signed deliveries create
// orders that reserve the same stock as native ones, buyers are stitched into existing customers,
// forged signatures are refused with nothing stored, replays have one effect, malformed bodies are
// kept and answered 400, and a generic JSON connector maps payloads with JSONata (dry-run, parking).
import { createHmac } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import { beforeAll, expect, it } from 'vitest';
import { eventually } from './helpers/eventually.js';
import { describeEachHub, type TestHub } from './helpers/test-hub.js';

const SHOPIFY_SECRET = 'shpss_0123456789abcdef0123456789abcdef';
const WOO_SECRET = 'woo-webhook-secret-0123456789';

const sign = (secret: string, body: string) => createHmac('sha256', secret).update(body).digest('base64');

async function deliver(t: TestHub, connectorId: string, body: string, headers: Record<string, string>) {
  return t.api('POST', `/api/inbound/${connectorId}`, {
    key: null,
    body,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

// A Shopify orders/create payload, trimmed to the fields that matter but in Shopify's shape.
const shopifyOrder = (id: number, sku: string, quantity: number) => ({
  id,
  email: 'Maria.Jansen@example.com',
  phone: null,
  created_at: '2026-11-20T10:00:00+01:00',
  currency: 'EUR',
  financial_status: 'paid',
  customer: {
    id: 7001,
    email: 'maria.jansen@example.com',
    first_name: 'Maria',
    last_name: 'Jansen',
    phone: null,
  },
  line_items: [
    {
      id: 1,
      variant_id: 42,
      sku,
      title: 'Linen shirt',
      quantity,
      price: '49.95',
      tax_lines: [{ price: '8.67', rate: 0.21 }],
    },
  ],
  shipping_lines: [{ price: '4.95', title: 'Standard' }],
  shipping_address: {
    name: 'Maria Jansen',
    address1: 'Keizersgracht 1',
    zip: '1015 CJ',
    city: 'Amsterdam',
    country_code: 'NL',
  },
});

describeEachHub('inbound connectors', (t) => {
  let channelId: string;
  let locationId: string;
  let shopify: { id: string };
  let woo: { id: string };
  const generic: Array<{ id: string }> = [];
  const ctx = () => t.hub.systemCtx();
  // Every delivery received so far has been processed (or parked).
  const processed = async () => {
    await t.hub.integration.inboundProcessor!.caughtUp();
    const all = async () =>
      (await Promise.all([shopify, woo, ...generic].map((c) => deliveries(c.id))))
        .flat()
        .map((d) => d.status);
    await eventually(all, (statuses) => !statuses.includes('received'));
  };
  const available = async (sku: string) =>
    (await t.api('GET', `/api/inventory/skus/${sku}?channelId=${channelId}`)).body.channel
      .availableToSell as number;
  const deliveries = async (connectorId: string) =>
    (await t.api('GET', `/api/connectors/${connectorId}/deliveries`)).body.items as Array<{
      id: string;
      status: string;
      error: string | null;
      rawBody: string;
      result: unknown;
    }>;

  beforeAll(async () => {
    channelId = (
      await t.api('POST', '/api/channels', {
        body: { code: 'webshop', name: 'Webshop', type: 'web', currency: 'EUR', locales: ['en'] },
      })
    ).body.id;
    const loc = await t.hub.services.inventory.createLocation(ctx(), {
      code: 'wh',
      name: 'Warehouse',
      type: 'warehouse',
    });
    locationId = loc.id;
    await t.hub.services.inventory.setSourcing(ctx(), channelId, { locationIds: [locationId] });
    await t.hub.services.inventory.setOnHand(ctx(), { sku: 'SHIRT-M', locationId, quantity: 5 });
    await t.hub.services.inventory.setOnHand(ctx(), { sku: 'MUG', locationId, quantity: 2 });
    shopify = (
      await t.api('POST', '/api/connectors', {
        body: { kind: 'shopify', name: 'Shopify store', secret: SHOPIFY_SECRET, channelId, locationId },
      })
    ).body;
    woo = (
      await t.api('POST', '/api/connectors', {
        body: { kind: 'woocommerce', name: 'Woo store', secret: WOO_SECRET, channelId, locationId },
      })
    ).body;
  });

  it('refuses forged or missing Shopify signatures with 401 and stores nothing', async () => {
    const body = JSON.stringify(shopifyOrder(1001, 'SHIRT-M', 1));
    const headers = { 'x-shopify-topic': 'orders/create', 'x-shopify-webhook-id': 'wh-forged' };
    expect(
      (await deliver(t, shopify.id, body, { ...headers, 'x-shopify-hmac-sha256': sign('wrong', body) }))
        .status,
    ).toBe(401);
    expect((await deliver(t, shopify.id, body, headers)).status).toBe(401);
    const tampered = body.replace('"quantity":1', '"quantity":9');
    expect(
      (
        await deliver(t, shopify.id, tampered, {
          ...headers,
          'x-shopify-hmac-sha256': sign(SHOPIFY_SECRET, body),
        })
      ).status,
    ).toBe(401);
    expect(await deliveries(shopify.id)).toHaveLength(0);
  });

  it('imports a Shopify order: reserves stock, stitches the buyer, and a replay has one effect', async () => {
    const known = await t.hub.services.customers.identify(ctx(), {
      channelId,
      identifiers: [{ type: 'email', value: 'maria.jansen@example.com' }],
    });
    const customerId = known.ok ? known.value.customerId : '';
    const before = await available('SHIRT-M');
    const body = JSON.stringify(shopifyOrder(1002, 'SHIRT-M', 2));
    const headers = {
      'x-shopify-topic': 'orders/create',
      'x-shopify-webhook-id': 'wh-1002',
      'x-shopify-hmac-sha256': sign(SHOPIFY_SECRET, body),
    };
    const first = await deliver(t, shopify.id, body, headers);
    expect(first.status).toBe(200);
    expect(first.body.duplicate).toBe(false);
    const again = await deliver(t, shopify.id, body, headers);
    expect(again.body).toMatchObject({ duplicate: true, deliveryId: first.body.deliveryId });
    await processed();
    const [d] = await deliveries(shopify.id);
    expect(d).toMatchObject({ status: 'processed', error: null });
    const orders = (await t.api('GET', `/api/orders?channelId=${channelId}`)).body.items.filter(
      (o: { externalId: string }) => o.externalId === '1002',
    );
    expect(orders).toHaveLength(1);
    expect(orders[0]).toMatchObject({ source: 'imported', customerId });
    expect(await available('SHIRT-M')).toBe(before - 2);
  });

  it('keeps Shopify order ids beyond 2^53 exact: two ids one double apart stay two orders', async () => {
    // Shopify's own example id; JSON.parse reads it and the next one as the same number.
    const ids = ['820982911946154508', '820982911946154509'];
    for (const id of ids) {
      const body = JSON.stringify(shopifyOrder(0, 'SHIRT-M', 1)).replace('"id":0,', `"id":${id},`);
      expect(body).toContain(`"id":${id},`);
      const r = await deliver(t, shopify.id, body, {
        'x-shopify-topic': 'orders/create',
        'x-shopify-webhook-id': `wh-${id}`,
        'x-shopify-hmac-sha256': sign(SHOPIFY_SECRET, body),
      });
      expect(r.status).toBe(200);
    }
    await processed();
    const orders = (await t.api('GET', `/api/orders?channelId=${channelId}&limit=100`)).body.items.filter(
      (o: { externalId: string }) => ids.includes(o.externalId),
    );
    expect(orders.map((o: { externalId: string }) => o.externalId).sort()).toEqual(ids);
  });

  it('cancels the Shopify order on orders/cancelled and gives the stock back', async () => {
    const before = await available('SHIRT-M');
    const body = JSON.stringify({
      id: 1002,
      cancel_reason: 'customer',
      cancelled_at: '2026-11-20T12:00:00Z',
    });
    const r = await deliver(t, shopify.id, body, {
      'x-shopify-topic': 'orders/cancelled',
      'x-shopify-webhook-id': 'wh-1002-cancel',
      'x-shopify-hmac-sha256': sign(SHOPIFY_SECRET, body),
    });
    expect(r.status).toBe(200);
    await processed();
    const order = (await t.api('GET', `/api/orders?channelId=${channelId}`)).body.items.find(
      (o: { externalId: string }) => o.externalId === '1002',
    );
    expect(order.status).toBe('cancelled');
    expect(await available('SHIRT-M')).toBe(before + 2);
  });

  it('processes a backlog of orders side by side, each order’s deliveries in the order they came', async () => {
    await t.hub.services.inventory.setOnHand(ctx(), { sku: 'BACKLOG', locationId, quantity: 100 });
    const before = await available('BACKLOG');
    const resume = await t.hub.integration.pauseInbound();
    const send = async (topic: string, payload: unknown, id: string) => {
      const body = JSON.stringify(payload);
      const r = await deliver(t, shopify.id, body, {
        'x-shopify-topic': topic,
        'x-shopify-webhook-id': id,
        'x-shopify-hmac-sha256': sign(SHOPIFY_SECRET, body),
      });
      expect(r.status).toBe(200);
    };
    // 12 orders; every third is cancelled right after it was created: in one batch, its cancel must
    // wait for its create (a cancel first would find no order, and the order would stay open).
    const ids = Array.from({ length: 12 }, (_, i) => 5000 + i);
    for (const id of ids) {
      await send('orders/create', shopifyOrder(id, 'BACKLOG', 1), `wh-backlog-${id}`);
      if (id % 3 === 0)
        await send('orders/cancelled', { id, cancel_reason: 'customer' }, `wh-backlog-${id}-cancel`);
    }
    // The queue shows in /metrics (and on the sync-health page, from the same read) while it waits.
    const metrics = await t.api('GET', '/metrics', { key: null });
    const waiting = new RegExp(
      `omnihub_inbound_waiting\\{connector="${shopify.id}",kind="shopify"\\} (\\d+)`,
    );
    expect(Number(waiting.exec(String(metrics.body))?.[1])).toBe(16);
    expect(String(metrics.body)).toMatch(
      new RegExp(`omnihub_inbound_lag_seconds\\{connector="${shopify.id}",kind="shopify"\\} [0-9.]+`),
    );
    resume();
    await processed();
    const orders = (await t.api('GET', `/api/orders?channelId=${channelId}&limit=100`)).body.items.filter(
      (o: { externalId: string }) => ids.map(String).includes(o.externalId),
    ) as Array<{ externalId: string; status: string }>;
    expect(orders).toHaveLength(12);
    for (const o of orders)
      expect([o.externalId, o.status]).toEqual([
        o.externalId,
        Number(o.externalId) % 3 === 0 ? 'cancelled' : expect.not.stringMatching(/cancelled/),
      ]);
    expect(await available('BACKLOG')).toBe(before - 8);
    const results = (await deliveries(shopify.id)).filter(
      (d) => d.rawBody.includes('"BACKLOG"') || d.rawBody.includes('"cancel_reason"'),
    );
    expect(results.filter((d) => d.status !== 'processed')).toEqual([]);
  });

  it('takes Shopify products and inventory levels (inventory items resolved to SKUs)', async () => {
    const product = JSON.stringify({
      id: 632910392,
      title: 'Stoneware mug',
      body_html: '<p>Handmade</p>',
      status: 'active',
      variants: [
        {
          id: 808950810,
          sku: 'MUG',
          title: 'Default',
          price: '12.50',
          barcode: '8712345678906',
          inventory_item_id: 39072856,
        },
      ],
    });
    await deliver(t, shopify.id, product, {
      'x-shopify-topic': 'products/create',
      'x-shopify-webhook-id': 'wh-prod-1',
      'x-shopify-hmac-sha256': sign(SHOPIFY_SECRET, product),
    });
    const level = JSON.stringify({
      inventory_item_id: 39072856,
      location_id: 655441491,
      available: 11,
      updated_at: '2026-11-20T12:00:00Z',
    });
    await deliver(t, shopify.id, level, {
      'x-shopify-topic': 'inventory_levels/update',
      'x-shopify-webhook-id': 'wh-level-1',
      'x-shopify-hmac-sha256': sign(SHOPIFY_SECRET, level),
    });
    await processed();
    const statuses = (await deliveries(shopify.id)).slice(0, 2).map((d) => d.status);
    expect(statuses).toEqual(['processed', 'processed']);
    expect(await available('MUG')).toBe(11);
  });

  it('keeps a malformed (but signed) body, answers 400 with the reason', async () => {
    const body = '{"id": 1003, "line_items": [';
    const r = await deliver(t, shopify.id, body, {
      'x-shopify-topic': 'orders/create',
      'x-shopify-webhook-id': 'wh-bad-json',
      'x-shopify-hmac-sha256': sign(SHOPIFY_SECRET, body),
    });
    expect(r.status).toBe(400);
    expect(r.body.detail).toMatch(/not valid JSON/);
    const kept = (await deliveries(shopify.id)).find((d) => d.id === r.body.deliveryId);
    expect(kept).toMatchObject({ status: 'rejected', rawBody: body });
  });

  it('answers the unsigned WooCommerce set-up ping with 200 and stores nothing', async () => {
    const r = await t.api('POST', `/api/inbound/${woo.id}`, {
      key: null,
      body: 'webhook_id=17',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(r.status).toBe(200);
    expect(await deliveries(woo.id)).toHaveLength(0);
  });

  it('imports a WooCommerce order that reserves stock, and parks one that would oversell', async () => {
    const order = (id: number, quantity: number) =>
      JSON.stringify({
        id,
        status: 'processing',
        currency: 'EUR',
        date_created_gmt: '2026-11-20T10:00:00',
        date_paid: '2026-11-20T10:01:00',
        customer_id: 0,
        shipping_total: '4.95',
        billing: { first_name: 'Jan', last_name: 'Smit', email: 'jan@example.com', phone: '+31612345678' },
        shipping: {
          first_name: 'Jan',
          last_name: 'Smit',
          address_1: 'Damrak 1',
          city: 'Amsterdam',
          postcode: '1012 LG',
          country: 'NL',
        },
        line_items: [
          {
            id: 5,
            name: 'Stoneware mug',
            product_id: 93,
            quantity,
            subtotal: (12.5 * quantity).toFixed(2),
            total_tax: '0.00',
            sku: 'MUG',
            price: 12.5,
          },
        ],
      });
    const send = (id: number, quantity: number, deliveryId: string) => {
      const body = order(id, quantity);
      return deliver(t, woo.id, body, {
        'x-wc-webhook-topic': 'order.created',
        'x-wc-webhook-delivery-id': deliveryId,
        'x-wc-webhook-signature': sign(WOO_SECRET, body),
      });
    };
    const before = await available('MUG');
    expect((await send(501, 3, 'd-501')).status).toBe(200);
    expect((await send(502, 100, 'd-502')).status).toBe(200);
    await processed();
    const ds = await deliveries(woo.id);
    expect(ds.find((d) => d.rawBody.includes('"id":501'))?.status).toBe('processed');
    const parked = ds.find((d) => d.rawBody.includes('"id":502'));
    expect(parked?.status).toBe('parked');
    expect(parked?.error).toMatch(/MUG/);
    expect(await available('MUG')).toBe(before - 3);
    const forged = order(503, 1);
    const r = await deliver(t, woo.id, forged, {
      'x-wc-webhook-topic': 'order.created',
      'x-wc-webhook-delivery-id': 'd-503',
      'x-wc-webhook-signature': sign('nope', forged),
    });
    expect(r.status).toBe(401);
  });

  it('maps a generic JSON webhook with JSONata: dry-run, Standard Webhooks verification, parking and retry', async () => {
    const created = await t.api('POST', '/api/connectors', {
      body: {
        kind: 'generic',
        name: 'ERP',
        channelId,
        locationId,
        mapping: 'payload.levels.{ "kind": "stock.set", "sku": item, "quantity": qty }',
      },
    });
    expect(created.status).toBe(201);
    const { id, secret } = created.body as { id: string; secret: string };
    generic.push({ id });
    const sample = {
      levels: [
        { item: 'SHIRT-M', qty: 40 },
        { item: 'MUG', qty: 30 },
      ],
    };
    const dry = await t.api('POST', `/api/connectors/${id}/dry-run`, {
      body: { topic: 'stock', payload: sample },
    });
    expect(dry.body).toMatchObject({
      valid: true,
      commands: [
        { kind: 'stock.set', sku: 'SHIRT-M', quantity: 40 },
        { kind: 'stock.set', sku: 'MUG', quantity: 30 },
      ],
    });
    const badDry = await t.api('POST', `/api/connectors/${id}/dry-run`, {
      body: { payload: sample, mapping: '{ "kind": "stock.set", "sku": 5 }' },
    });
    expect(badDry.body.valid).toBe(false);
    expect(badDry.body.errors.join(' ')).toMatch(/sku|quantity/);

    const wh = new Webhook(secret);
    const send = async (msgId: string, payload: unknown) => {
      const body = JSON.stringify(payload);
      const now = new Date();
      return deliver(t, id, body, {
        'webhook-id': msgId,
        'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
        'webhook-signature': wh.sign(msgId, now, body),
      });
    };
    expect((await send('msg_erp_1', sample)).status).toBe(200);
    await processed();
    // On hand is set to 30; the 3 allocated to the WooCommerce order stay reserved.
    expect(await available('MUG')).toBe(27);

    // A mapping that throws parks the delivery with the error; fixed, a retry processes it.
    await t.api('PATCH', `/api/connectors/${id}`, { body: { mapping: '$error("ERP format changed")' } });
    expect((await send('msg_erp_2', { levels: [{ item: 'MUG', qty: 7 }] })).status).toBe(200);
    await processed();
    const parked = (await deliveries(id)).find((d) => d.status === 'parked');
    expect(parked?.error).toMatch(/ERP format changed/);
    await t.api('PATCH', `/api/connectors/${id}`, {
      body: { mapping: 'payload.levels.{ "kind": "stock.set", "sku": item, "quantity": qty }' },
    });
    expect((await t.api('POST', `/api/inbound-deliveries/${parked!.id}/retry`)).status).toBe(202);
    await processed();
    expect(await available('MUG')).toBe(4);

    const health = await t.api('GET', '/api/connectors/health');
    expect(health.body.items.find((h: { connectorId: string }) => h.connectorId === id)).toMatchObject({
      received: 2,
      processed: 2,
      parked: 0,
    });
    // Signed with another secret: refused.
    const other = new Webhook(`whsec_${Buffer.alloc(32, 7).toString('base64')}`);
    const body = JSON.stringify(sample);
    const now = new Date();
    const forged = await deliver(t, id, body, {
      'webhook-id': 'msg_erp_3',
      'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
      'webhook-signature': other.sign('msg_erp_3', now, body),
    });
    expect(forged.status).toBe(401);
  });

  it('deletes a connector with its deliveries; later deliveries are refused, and only an unbound writer may', async () => {
    const made = await t.api('POST', '/api/connectors', {
      body: { kind: 'woocommerce', name: 'Old Woo store', secret: WOO_SECRET, channelId, locationId },
    });
    const id = made.body.id as string;
    const body = JSON.stringify({ id: 1, name: 'ping' });
    const headers = {
      'x-wc-webhook-signature': sign(WOO_SECRET, body),
      'x-wc-webhook-topic': 'product.updated',
    };
    expect((await deliver(t, id, body, { ...headers, 'x-wc-webhook-delivery-id': 'wc-del-1' })).status).toBe(
      200,
    );
    expect(await deliveries(id)).toHaveLength(1);

    const key = async (b: object) => (await t.api('POST', '/api/keys', { body: b })).body.secret as string;
    const reader = await key({ name: 'connectors reader', scopes: ['connectors:read'] });
    const bound = await key({ name: 'bound admin', scopes: ['admin'], channelId });
    const publishable = await key({ name: 'shop', kind: 'publishable', channelId });
    expect((await t.api('DELETE', `/api/connectors/${id}`, { key: null })).status).toBe(401);
    for (const k of [reader, bound, publishable]) {
      const refused = await t.api('DELETE', `/api/connectors/${id}`, { key: k });
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBeDefined();
    }
    expect((await t.api('GET', `/api/connectors/${id}`)).status).toBe(200);

    expect((await t.api('DELETE', `/api/connectors/${id}`)).status).toBe(204);
    expect((await t.api('GET', `/api/connectors/${id}`)).status).toBe(404);
    expect((await t.api('GET', `/api/connectors/${id}/deliveries`)).status).toBe(404);
    expect((await t.api('DELETE', `/api/connectors/${id}`)).status).toBe(404);
    expect((await deliver(t, id, body, { ...headers, 'x-wc-webhook-delivery-id': 'wc-del-2' })).status).toBe(
      404,
    );
    type Rows<T> = { rows: T[] };
    const left = (await t.hub.database.db.execute(
      sql`select count(*)::int as n from inbound_deliveries where connector_id = ${id}`,
    )) as unknown as Rows<{ n: number }>;
    expect(Number(left.rows[0]!.n)).toBe(0);
    const changes = (await t.hub.database.db.execute(
      sql`select payload->>'change' as change from events where type = 'integration.connector_changed' and subject = ${id} order by position`,
    )) as unknown as Rows<{ change: string }>;
    expect(changes.rows.map((r) => r.change)).toEqual(['created', 'deleted']);
  });
});
