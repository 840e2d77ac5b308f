// Erasure that erases: a customer with email, phone, name and street leaves them in a profile, a
// checked-out order (with its payment and a stored idempotent response), an active cart, an order
// imported through a Shopify connector (its raw body), the event log and an outbound webhook body.
// After POST /api/customers/:id/erase, a scan of EVERY text/json/array column of EVERY table finds
// none of them. The registry of personal columns is held against the live schema.
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PERSONAL_DATA_REGISTRY } from '../src/flows/customer-erasure/index.js';
import { inTransaction } from '../src/platform/context.js';
import { appendEvents } from '../src/platform/events/event-log.js';
import { allowTestEvents } from '../src/platform/testing/test-events.js';
import {
  buildCommerceFixture,
  COMMERCE_HUB_OPTIONS,
  type CommerceFixture,
} from './helpers/commerce-fixture.js';
import { eventually } from './helpers/eventually.js';
import { findValues, hubColumns, PERSONAL_LOOKING } from './helpers/personal-data-scan.js';
import { describeEachHub } from './helpers/test-hub.js';
import { startWebhookReceiver, type WebhookReceiver } from './helpers/webhook-receiver.js';

// The made-up event types these tests append (the log checks every type against a schema).
allowTestEvents('test.contact_noted', 'test.message');

process.env.OMNIHUB_WEBHOOKS_ALLOW_PRIVATE = '1';

const EMAIL = 'erika.mustermann@example.com';
const PHONE = '+31612345678';
const STREET = 'Prinsengracht 263';
const SURNAME = 'Mustermann';
const DEVICE = 'device-erika-0001';
const NEEDLES = [EMAIL, PHONE, STREET, SURNAME, DEVICE];
const SHOPIFY_SECRET = 'shpss_erasure_0123456789abcdef';

const address = {
  name: `Erika ${SURNAME}`,
  line1: STREET,
  postalCode: '1016 GV',
  city: 'Amsterdam',
  country: 'NL',
};

// A Shopify orders/create payload by the same person (the sender writes the email in its own case).
const shopifyOrder = (sku: string) => ({
  id: 990001,
  email: 'Erika.Mustermann@Example.com',
  phone: PHONE,
  created_at: '2026-11-20T10:00:00+01:00',
  currency: 'EUR',
  financial_status: 'paid',
  customer: { id: 880001, email: EMAIL, first_name: 'Erika', last_name: SURNAME, phone: PHONE },
  line_items: [
    { id: 1, variant_id: 42, sku, title: 'Trail cap', quantity: 1, price: '18.00', tax_lines: [] },
  ],
  shipping_lines: [{ price: '4.95', title: 'Standard' }],
  shipping_address: {
    name: `Erika ${SURNAME}`,
    address1: STREET,
    zip: '1016 GV',
    city: 'Amsterdam',
    country_code: 'NL',
  },
});

describeEachHub(
  'erasure covers every table',
  (t) => {
    let f: CommerceFixture;
    let receiver: WebhookReceiver;
    let customerId: string;
    let orderId: string;
    let activeCartId: string;
    const web = () => ({ key: f.keys.web });

    beforeAll(async () => {
      receiver = await startWebhookReceiver();
    });
    afterAll(async () => receiver.close());

    it('declares every column that looks personal, and only columns that exist', async () => {
      const columns = await hubColumns(t.hub.database.db);
      const key = (c: { table: string; column: string }) => `${c.table}.${c.column}`;
      const declared = new Set(
        PERSONAL_DATA_REGISTRY.flatMap((r) => [...r.personal, ...(r.notPersonal ?? [])]).map(key),
      );
      const undeclared = columns
        .filter((c) => PERSONAL_LOOKING.test(c.column) && !declared.has(key(c)))
        .map(key);
      expect(undeclared, 'columns that look personal but are in no registry').toEqual([]);
      const existing = new Set(columns.map(key));
      expect(
        [...declared].filter((c) => !existing.has(c)),
        'registry entries with no column',
      ).toEqual([]);
    });

    it('gives the customer a profile, an order with a payment, a cart, an import and a webhook', async () => {
      f = await buildCommerceFixture(t, 'ER');
      const endpoint = await t.api('POST', '/api/webhooks/endpoints', {
        body: { url: receiver.url, types: [] },
      });
      expect(endpoint.status).toBe(201);
      const who = await t.api('POST', '/api/customers/identify', {
        body: {
          channelId: f.channels.web.id,
          identifiers: [
            { type: 'email', value: EMAIL },
            { type: 'phone', value: PHONE },
          ],
          traits: { firstName: 'Erika', lastName: SURNAME, address: { street: STREET, city: 'Amsterdam' } },
        },
      });
      expect(who.status, JSON.stringify(who.body)).toBe(200);
      customerId = who.body.customerId;

      // Checkout through the storefront's key, with an Idempotency-Key (its stored reply has the order).
      const cart = await t.api('POST', '/api/carts', {
        ...web(),
        body: { email: EMAIL, phone: PHONE, lines: [{ sku: f.skus.tee, quantity: 1 }] },
      });
      expect(cart.status, JSON.stringify(cart.body)).toBe(201);
      const delivery = { type: 'ship', method: 'standard', address: { ...address, phone: PHONE } };
      expect(
        (await t.api('PUT', `/api/carts/${cart.body.id}/delivery`, { ...web(), body: delivery })).status,
      ).toBe(200);
      const placed = await t.api('POST', `/api/carts/${cart.body.id}/checkout`, {
        ...web(),
        headers: { 'idempotency-key': 'erasure-checkout-1' },
        body: { payment: { provider: 'test', token: 'tok_visa' }, email: EMAIL },
      });
      expect(placed.status, JSON.stringify(placed.body)).toBe(201);
      orderId = placed.body.order.id;
      expect(placed.body.order.customerId).toBe(customerId);

      // A second cart, still active, on a device of theirs with the address filled in.
      const active = await t.api('POST', '/api/carts', {
        ...web(),
        body: {
          profileId: customerId,
          anonymousId: DEVICE,
          lines: [{ sku: f.skus.mug, quantity: 1 }],
        },
      });
      expect(active.status, JSON.stringify(active.body)).toBe(201);
      activeCartId = active.body.id;
      await t.api('PUT', `/api/carts/${activeCartId}/delivery`, { ...web(), body: delivery });

      // An order of theirs imported from Shopify: the raw body is stored, the buyer stitched by email.
      const connector = await t.api('POST', '/api/connectors', {
        body: {
          kind: 'shopify',
          name: 'Shopify',
          secret: SHOPIFY_SECRET,
          channelId: f.channels.web.id,
          locationId: f.locations.warehouse.id,
        },
      });
      expect(connector.status).toBe(201);
      const raw = JSON.stringify(shopifyOrder(f.skus.cap));
      const received = await t.api('POST', `/api/inbound/${connector.body.id}`, {
        key: null,
        body: raw,
        headers: {
          'content-type': 'application/json',
          'x-shopify-topic': 'orders/create',
          'x-shopify-webhook-id': 'erasure-990001',
          'x-shopify-hmac-sha256': createHmac('sha256', SHOPIFY_SECRET).update(raw).digest('base64'),
        },
      });
      expect(received.status).toBe(200);
      const imported = await eventually(
        async () =>
          (await t.api('GET', `/api/customers/${customerId}/orders`)).body.items as Array<{ source: string }>,
        (items) => items.some((o) => o.source === 'imported'),
      );
      expect(imported.map((o) => o.source).sort()).toEqual(['imported', 'native']);

      // Events that carry personal data: one about the order, one naming the person elsewhere (a
      // connector or a future module writing a note); the webhook endpoint sends them out.
      await inTransaction(t.hub.systemCtx(), (tx) =>
        appendEvents(tx, [
          {
            type: 'test.contact_noted',
            subject: orderId,
            payload: { orderId, note: `call ${PHONE}`, by: EMAIL },
          },
          {
            type: 'test.message',
            subject: 'msg_1',
            payload: { text: `reply to ${EMAIL}, lives at ${STREET}` },
          },
        ]),
      );
      await receiver.waitFor((all) => all.some((r) => r.body.includes(STREET)));
    });

    it('holds the personal data in every kind of place before the erasure (the scan can see it)', async () => {
      const hits = await findValues(t.hub.database.db, NEEDLES);
      for (const needle of NEEDLES)
        expect(
          hits.some((h) => h.endsWith(` holds ${needle}`)),
          needle,
        ).toBe(true);
      const tables = new Set(hits.map((h) => h.split('.')[0]));
      for (const table of [
        'customer_identifiers',
        'customer_profiles',
        'orders',
        'carts',
        'inbound_deliveries',
        'webhook_deliveries',
        'events',
        'idempotency_keys',
      ]) {
        expect(tables, `${table} should hold the test data before erasure`).toContain(table);
      }
    });

    it('erases all of it, everywhere, and keeps the orders usable for accounting', async () => {
      const before = (await t.api('GET', `/api/orders/${orderId}`)).body;
      const erased = await t.api('POST', `/api/customers/${customerId}/erase`, { body: { reason: 'test' } });
      expect(erased.status, JSON.stringify(erased.body)).toBe(200);
      // Consumers that were still working (webhooks, projections) must not bring anything back.
      await t.hub.integration.inboundProcessor?.caughtUp();
      await new Promise((r) => setTimeout(r, 300));
      expect(await findValues(t.hub.database.db, NEEDLES)).toEqual([]);
      expect(erased.body.redacted).toMatchObject({ orders: 2, carts: 2, payments: 2 });
      expect(erased.body.redacted.inboundDeliveries).toBeGreaterThanOrEqual(1);
      expect(erased.body.redacted.webhookDeliveries).toBeGreaterThanOrEqual(2);
      expect(erased.body.redacted.events).toBeGreaterThanOrEqual(2);
      expect(erased.body.redacted.storedResponses).toBeGreaterThanOrEqual(1);

      const after = (await t.api('GET', `/api/orders/${orderId}`)).body;
      expect(after).toMatchObject({ id: orderId, email: null, phone: null, status: before.status });
      expect(after.totals).toEqual(before.totals);
      expect(after.lines).toEqual(before.lines);
      expect(after.delivery.address.country).toBe('NL');
      const cart = await t.api('GET', `/api/carts/${activeCartId}`, web());
      expect(cart.body).toMatchObject({ status: 'active', anonymousId: null, delivery: null });
      expect(cart.body.lines).toHaveLength(1);
    });
  },
  COMMERCE_HUB_OPTIONS,
);
