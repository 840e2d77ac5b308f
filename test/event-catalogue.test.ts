// The event catalogue: every event type a module names has a payload schema, docs/events.md is
// generated from those schemas and up to date, and the hub serves each schema as JSON Schema at the
// URI its CloudEvents name in `dataschema`.

import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { renderEventCatalogue } from '../scripts/event-catalogue.js';
import { ALL_EVENT_SCHEMAS } from '../src/event-catalog.js';
import { ADVISOR_EVENTS } from '../src/modules/advisor/index.js';
import { CART_EVENTS, TILL_SALE_EVENTS } from '../src/modules/carts/index.js';
import { CATALOG_EVENTS } from '../src/modules/catalog/index.js';
import { CDP_EVENTS } from '../src/modules/cdp/index.js';
import { CHANNEL_SYNC_EVENTS } from '../src/modules/channel-sync/index.js';
import { CHANNEL_EVENTS } from '../src/modules/channels/index.js';
import { CUSTOMER_EVENTS } from '../src/modules/customers/index.js';
import { INBOX_EVENTS } from '../src/modules/inbox/index.js';
import { INSIGHTS_EVENTS } from '../src/modules/insights/index.js';
import { INTEGRATION_EVENTS } from '../src/modules/integrations/index.js';
import { INVENTORY_EVENTS } from '../src/modules/inventory/index.js';
import { MEDIA_EVENTS } from '../src/modules/media/index.js';
import { ORDER_EVENTS, ORDER_STATUSES, statusEvent } from '../src/modules/orders/index.js';
import { PAYMENT_EVENTS } from '../src/modules/payments/index.js';
import { PROMOTION_EVENTS } from '../src/modules/promotions/index.js';
import { RECOMMENDATION_EVENTS } from '../src/modules/recommendations/index.js';
import { REVIEW_EVENTS } from '../src/modules/reviews/index.js';
import { SHOPPER_EVENTS } from '../src/modules/shoppers/index.js';
import { STAFF_EVENTS } from '../src/modules/staff/index.js';
import { WALLET_EVENTS } from '../src/modules/wallet/index.js';
import { eventSchemaOf } from '../src/platform/events/event-schemas.js';
import { PLATFORM_EVENTS } from '../src/platform/events/platform.events.js';
import { describeEachHub } from './helpers/test-hub.js';

it('gives every event type a module or the platform names a payload schema, owned once', () => {
  const named = [
    ADVISOR_EVENTS,
    CART_EVENTS,
    TILL_SALE_EVENTS,
    CATALOG_EVENTS,
    CDP_EVENTS,
    CHANNEL_EVENTS,
    CHANNEL_SYNC_EVENTS,
    CUSTOMER_EVENTS,
    INTEGRATION_EVENTS,
    INVENTORY_EVENTS,
    ORDER_EVENTS,
    PAYMENT_EVENTS,
    PROMOTION_EVENTS,
    SHOPPER_EVENTS,
    INBOX_EVENTS,
    WALLET_EVENTS,
    STAFF_EVENTS,
    MEDIA_EVENTS,
    RECOMMENDATION_EVENTS,
    REVIEW_EVENTS,
    INSIGHTS_EVENTS,
    PLATFORM_EVENTS,
  ].flatMap((table) => Object.values(table));
  const statuses = ORDER_STATUSES.filter((s) => s !== 'pending').map(statusEvent);
  const missing = [...named, ...statuses].filter((type) => !eventSchemaOf(type));
  expect(missing).toEqual([]);
  const declared = ALL_EVENT_SCHEMAS.flatMap((s) => Object.keys(s.schemas));
  expect(new Set(declared).size).toBe(declared.length);
  expect(declared.sort()).toEqual([...new Set([...named, ...statuses])].sort());
});

it('keeps docs/events.md in step with the schemas (run `npm run docs:events`)', () => {
  const committed = readFileSync(new URL('../docs/events.md', import.meta.url), 'utf8');
  expect(committed).toBe(renderEventCatalogue());
});

describeEachHub('event schemas over HTTP', (t) => {
  it('lists every event type and serves its payload schema, without a key', async () => {
    const list = await t.api('GET', '/schemas/events', { key: null });
    expect(list.status).toBe(200);
    const types = list.body.items.map((i: { type: string }) => i.type);
    for (const set of ALL_EVENT_SCHEMAS)
      for (const type of Object.keys(set.schemas)) expect(types).toContain(type);
    expect(list.body.items).toContainEqual({
      type: 'order.paid',
      owner: 'orders',
      dataschema: '/schemas/events/order.paid.json',
    });

    const schema = await t.api('GET', '/schemas/events/order.paid.json', { key: null });
    expect(schema.status).toBe(200);
    expect(schema.body).toMatchObject({
      $id: '/schemas/events/order.paid.json',
      title: 'order.paid',
      type: 'object',
      additionalProperties: false,
      properties: { orderId: { type: 'string' }, grandTotal: { type: 'integer' } },
    });
    expect(schema.body.required).toEqual(
      expect.arrayContaining(['orderId', 'orderNumber', 'from', 'reason']),
    );
  });

  it('answers 404 for an unknown event type and 400 for a name that is not <type>.json', async () => {
    const unknown = await t.api('GET', '/schemas/events/order.teleported.json', { key: null });
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('not_found');
    const bad = await t.api('GET', '/schemas/events/order.paid.yaml', { key: null });
    expect(bad.status).toBe(400);
  });

  it('names the schema in each CloudEvent as dataschema, and the data matches it', async () => {
    const created = await t.api('POST', '/api/channels', {
      body: { code: 'schema-shop', name: 'Schema shop', type: 'web', currency: 'EUR', locales: ['en'] },
    });
    expect(created.status).toBe(201);
    const page = await t.api('GET', '/api/events?types=channel.created&limit=1000');
    const ce = page.body.items.find((e: { subject: string }) => e.subject === created.body.id);
    expect(ce.dataschema).toBe('/schemas/events/channel.created.json');
    const served = await t.api('GET', ce.dataschema, { key: null });
    expect(served.status).toBe(200);
    expect(served.body.$id).toBe(ce.dataschema);
    expect(eventSchemaOf('channel.created')!.safeParse(ce.data).success).toBe(true);
  });
});
