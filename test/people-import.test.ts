// A retailer moving over brings its customers and its order history. Shopify's and WooCommerce's
// customer and order exports, built here from each platform's documented headers, import through
// POST /api/imports/customers and /api/imports/orders: customers through identity resolution with
// their consent (source "import"), history with its dates and statuses and without touching stock,
// discontinued SKUs kept, and the same order through the file and the webhook is one order. A dry
// run answers every line and writes nothing.
import { createHmac } from 'node:crypto';
import { stringify } from 'csv-stringify/sync';
import { sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { rows } from '../src/platform/db/database.js';
import { eventually } from './helpers/eventually.js';
import { describeEachHub, type TestHub } from './helpers/test-hub.js';

const SHOPIFY_SECRET = 'shpss_0123456789abcdef0123456789abcdef';
const csv = (header: string[], records: Array<Record<string, string>>) =>
  stringify([header, ...records.map((r) => header.map((h) => r[h] ?? ''))]);

const SHOPIFY_CUSTOMERS = csv(
  [
    'Customer ID',
    'First Name',
    'Last Name',
    'Email',
    'Accepts Email Marketing',
    'Default Address Company',
    'Default Address Address1',
    'Default Address Address2',
    'Default Address City',
    'Default Address Province Code',
    'Default Address Country Code',
    'Default Address Zip',
    'Default Address Phone',
    'Phone',
    'Accepts SMS Marketing',
    'Total Spent',
    'Total Orders',
    'Note',
    'Tax Exempt',
    'Tags',
  ],
  [
    {
      'Customer ID': "'7001",
      'First Name': 'Maria',
      'Last Name': 'Jansen',
      Email: 'maria.jansen@example.com',
      'Accepts Email Marketing': 'yes',
      'Default Address Address1': 'Keizersgracht 1',
      'Default Address City': 'Amsterdam',
      'Default Address Country Code': 'NL',
      'Default Address Zip': '1015 CJ',
      'Accepts SMS Marketing': 'no',
      'Total Spent': '120.00',
      'Total Orders': '2',
      Tags: 'VIP, newsletter',
      Note: 'Prefers pickup in Amsterdam',
    },
    { 'Customer ID': "'7002", 'First Name': 'Sven', Phone: "'+46701234567", 'Accepts Email Marketing': 'no' },
    { 'Customer ID': "'7003", 'First Name': 'Bad', Email: 'not-an-email' },
  ],
);

const WOO_CUSTOMERS = csv(
  [
    'customer_id',
    'first_name',
    'last_name',
    'user_login',
    'email',
    'date_registered',
    'billing_first_name',
    'billing_last_name',
    'billing_company',
    'billing_email',
    'billing_phone',
    'billing_address_1',
    'billing_address_2',
    'billing_postcode',
    'billing_city',
    'billing_state',
    'billing_country',
    'total_spent',
    'order_count',
  ],
  [
    {
      customer_id: '55',
      first_name: 'Maria',
      last_name: 'Jansen',
      user_login: 'maria',
      email: 'Maria.Jansen@example.com',
      billing_email: 'maria.jansen@example.com',
      billing_address_1: 'Prinsengracht 2',
      billing_postcode: '1016 GV',
      billing_city: 'Amsterdam',
      billing_country: 'NL',
    },
  ],
);

const SHOPIFY_ORDER_HEADER = [
  'Name',
  'Email',
  'Financial Status',
  'Paid at',
  'Fulfillment Status',
  'Fulfilled at',
  'Accepts Marketing',
  'Currency',
  'Subtotal',
  'Shipping',
  'Taxes',
  'Total',
  'Discount Code',
  'Discount Amount',
  'Shipping Method',
  'Created at',
  'Lineitem quantity',
  'Lineitem name',
  'Lineitem price',
  'Lineitem compare at price',
  'Lineitem sku',
  'Lineitem requires shipping',
  'Lineitem taxable',
  'Lineitem fulfillment status',
  'Shipping Name',
  'Shipping Address1',
  'Shipping City',
  'Shipping Zip',
  'Shipping Country',
  'Cancelled at',
  'Refunded Amount',
  'Id',
  'Phone',
  'Notes',
];

const SHOPIFY_ORDERS = csv(SHOPIFY_ORDER_HEADER, [
  {
    Name: '#1001',
    Email: 'maria.jansen@example.com',
    'Financial Status': 'paid',
    'Fulfillment Status': 'fulfilled',
    Currency: 'EUR',
    Shipping: '4.95',
    Taxes: '8.67',
    'Discount Code': 'WELCOME',
    'Discount Amount': '5.00',
    'Created at': '2023-05-01 10:00:00 +0200',
    'Lineitem quantity': '2',
    'Lineitem name': 'Linen shirt - M',
    'Lineitem price': '49.95',
    'Lineitem sku': 'SHIRT-M',
    'Shipping Name': 'Maria Jansen',
    'Shipping Address1': 'Keizersgracht 1',
    'Shipping City': 'Amsterdam',
    'Shipping Zip': '1015 CJ',
    'Shipping Country': 'NL',
    Id: '450789469',
    Notes: 'Leave it at the door',
  },
  {
    Name: '#1001',
    'Lineitem quantity': '1',
    'Lineitem name': 'Straw hat (discontinued)',
    'Lineitem price': '19.00',
    'Lineitem sku': 'HAT-2019',
  },
  {
    Name: '#1002',
    Email: 'sven@example.com',
    'Financial Status': 'voided',
    'Fulfillment Status': 'unfulfilled',
    Currency: 'EUR',
    'Created at': '2023-06-02 09:30:00 +0200',
    'Cancelled at': '2023-06-02 12:00:00 +0200',
    'Lineitem quantity': '1',
    'Lineitem name': 'Linen shirt - M',
    'Lineitem price': '49.95',
    'Lineitem sku': 'SHIRT-M',
    Id: '450789470',
  },
  {
    Name: '#1003',
    'Financial Status': 'paid',
    'Fulfillment Status': 'fulfilled',
    Currency: 'EUR',
    'Created at': '2023-07-01 09:00:00 +0200',
    'Lineitem quantity': 'two',
    'Lineitem name': 'Mug',
    'Lineitem price': '9.00',
    Id: '450789471',
  },
]);

const WOO_ORDER_HEADER = [
  'order_id',
  'order_number',
  'order_date',
  'status',
  'shipping_total',
  'tax_total',
  'discount_total',
  'order_total',
  'refunded_total',
  'order_currency',
  'customer_id',
  'billing_email',
  'billing_phone',
  'shipping_first_name',
  'shipping_last_name',
  'shipping_address_1',
  'shipping_postcode',
  'shipping_city',
  'shipping_country',
  'line_items',
  'coupon_items',
  'customer_note',
];

const WOO_ORDERS = csv(WOO_ORDER_HEADER, [
  {
    order_id: '812',
    order_number: '812',
    order_date: '2022-11-20 14:05:00',
    status: 'completed',
    shipping_total: '3.50',
    discount_total: '0.00',
    order_currency: 'EUR',
    customer_id: '55',
    billing_email: 'maria.jansen@example.com',
    customer_note: 'Gift wrap, please',
    line_items:
      'name:Linen shirt - M|product_id:12|sku:SHIRT-M|quantity:1|subtotal:49.95|subtotal_tax:0.00|total:49.95|total_tax:0.00;name:Tote bag|product_id:99|sku:TOTE-OLD|quantity:3|subtotal:30.00|total:30.00|total_tax:0.00',
  },
  {
    order_id: '813',
    order_number: '813',
    order_date: '2022-12-01 08:00:00',
    status: 'refunded',
    order_currency: 'EUR',
    refunded_total: '49.95',
    billing_email: 'guest@example.com',
    line_items: 'name:Linen shirt - M|sku:SHIRT-M|quantity:1|subtotal:49.95|total:49.95',
  },
]);

const post = (t: TestHub, path: string, body: string, type = 'text/csv') =>
  t.api('POST', path, { body, headers: { 'content-type': type } });

describeEachHub('customer and order history imports', (t) => {
  let channelId: string;
  let connector: { id: string };
  const ctx = () => t.hub.systemCtx();
  const count = async (query: ReturnType<typeof sql>) =>
    Number((await rows<{ n: string }>(t.hub.database.db, query))[0]!.n);
  const available = async (sku: string) =>
    (await t.api('GET', `/api/inventory/skus/${sku}?channelId=${channelId}`)).body.channel
      .availableToSell as number;
  const customerByEmail = async (email: string) => {
    const found = (await t.api('GET', `/api/customers?email=${encodeURIComponent(email)}`)).body.items;
    expect(found).toHaveLength(1);
    return (await t.api('GET', `/api/customers/${found[0].id}`)).body;
  };
  const ordersOf = async (externalId: string) =>
    (await t.api('GET', `/api/orders?channelId=${channelId}&limit=200`)).body.items.filter(
      (o: { externalId: string }) => o.externalId === externalId,
    );

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
    const catalog = [
      { kind: 'product', handle: 'linen-shirt', title: 'Linen shirt' },
      { kind: 'variant', handle: 'linen-shirt', sku: 'SHIRT-M' },
      { kind: 'stock', sku: 'SHIRT-M', location: 'wh', quantity: 5 },
    ];
    const imported = await post(
      t,
      '/api/imports',
      catalog.map((r) => JSON.stringify(r)).join('\n'),
      'application/x-ndjson',
    );
    expect(imported.body).toMatchObject({ status: 'completed', rowsRejected: 0 });
    await t.hub.services.inventory.setSourcing(ctx(), channelId, { locationIds: [loc.id] });
    connector = (
      await t.api('POST', '/api/connectors', {
        body: {
          kind: 'shopify',
          name: 'Shopify store',
          secret: SHOPIFY_SECRET,
          channelId,
          locationId: loc.id,
        },
      })
    ).body;
  });

  it('imports a Shopify customer export: identities, traits, tags and consent from the import, no values in the report', async () => {
    const res = await post(
      t,
      '/api/imports/customers?channel=webshop&source=customers_export.csv',
      SHOPIFY_CUSTOMERS,
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'completed',
      rowsAccepted: 2,
      rowsRejected: 1,
      counts: { customer: 2 },
    });
    const report = (await t.api('GET', `/api/imports/${res.body.id}/rejections`)).body.items;
    expect(report).toEqual([{ line: 4, reasons: ['email: not an email address'], row: expect.any(Object) }]);
    expect(JSON.stringify(report)).not.toMatch(/not-an-email|Bad/);

    const maria = await customerByEmail('maria.jansen@example.com');
    expect(maria.identities).toEqual(
      expect.arrayContaining(
        [{ type: 'shopify_customer', value: '7001' }].map((i) => expect.objectContaining(i)),
      ),
    );
    expect(maria.traits.firstName.value).toBe('Maria');
    expect(maria.traits.note.value).toBe('Prefers pickup in Amsterdam');
    expect(maria.traits.address.value).toMatchObject({
      street: 'Keizersgracht 1',
      city: 'Amsterdam',
      country: 'NL',
    });
    expect(maria.tags.map((x: { tag: string }) => x.tag).sort()).toEqual(['newsletter', 'vip']);
    // "yes" grants; "no" (SMS here) records nothing: the export cannot tell a refusal from never asked.
    expect(maria.consent).toEqual([
      expect.objectContaining({ purpose: 'email_marketing', channel: '*', status: 'granted' }),
    ]);
    const exported = (await t.api('GET', `/api/customers/${maria.id}/export`)).body;
    expect(exported.consentHistory).toEqual([
      expect.objectContaining({ purpose: 'email_marketing', granted: true, source: 'import' }),
    ]);
    const sven = (await t.api('GET', '/api/customers?phone=%2B46701234567')).body.items;
    expect(sven).toHaveLength(1);

    // The same file again writes nothing: every row is a duplicate of the first import.
    const events = await count(sql`select count(*) as n from events where type like 'customer.%'`);
    const again = await post(t, '/api/imports/customers?channel=webshop', SHOPIFY_CUSTOMERS);
    expect(again.body).toMatchObject({ rowsAccepted: 2, counts: { unchanged: 2 } });
    expect(await count(sql`select count(*) as n from events where type like 'customer.%'`)).toBe(events);
  });

  it('matches a WooCommerce customer export to the same person by email', async () => {
    const before = await customerByEmail('maria.jansen@example.com');
    const res = await post(t, '/api/imports/customers?channel=webshop', WOO_CUSTOMERS);
    expect(res.body).toMatchObject({ status: 'completed', rowsAccepted: 1, counts: { customer: 1 } });
    const after = await customerByEmail('maria.jansen@example.com');
    expect(after.id).toBe(before.id);
    expect(after.identities).toEqual(
      expect.arrayContaining([expect.objectContaining({ type: 'woocommerce_customer', value: '55' })]),
    );
    expect(after.traits.address.value).toMatchObject({ street: 'Prinsengracht 2' });
  });

  it('refuses a customer import without a channel, naming the field', async () => {
    const res = await post(t, '/api/imports/customers', SHOPIFY_CUSTOMERS);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toMatch(/querystring\.channel/);
  });

  it('imports Shopify order history with its dates and statuses, moves no stock, keeps discontinued SKUs', async () => {
    const stock = await available('SHIRT-M');
    const reservations = await count(sql`select count(*) as n from inventory_reservations`);
    const res = await post(t, `/api/imports/orders?connector=${connector.id}`, SHOPIFY_ORDERS);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'completed',
      rowsAccepted: 3,
      rowsRejected: 1,
      counts: { order: 2 },
    });
    const report = (await t.api('GET', `/api/imports/${res.body.id}/rejections`)).body.items;
    expect(report).toHaveLength(1);
    expect(report[0]).toMatchObject({ line: 5 });
    expect(report[0].reasons[0]).toMatch(/quantity/);

    const [first] = await ordersOf('450789469');
    expect(first).toMatchObject({
      status: 'completed',
      externalSource: `shopify:${connector.id}`,
      currency: 'EUR',
      totals: {
        items: 2 * 4995 + 1900,
        discount: 500,
        shipping: 495,
        tax: 867,
        grand: 2 * 4995 + 1900 - 500 + 495,
      },
      reservationIds: [],
    });
    expect(new Date(first.placedAt).toISOString()).toBe('2023-05-01T08:00:00.000Z');
    expect(first.metadata.note).toBe('Leave it at the door');
    expect(first.lines).toEqual([
      expect.objectContaining({ sku: 'SHIRT-M', quantity: 2, fulfilledQuantity: 2 }),
      expect.objectContaining({
        sku: 'HAT-2019',
        title: 'Straw hat (discontinued)',
        quantity: 1,
        fulfilledQuantity: 1,
      }),
    ]);
    const maria = await customerByEmail('maria.jansen@example.com');
    expect(first.customerId).toBe(maria.id);
    const [second] = await ordersOf('450789470');
    expect(second).toMatchObject({ status: 'cancelled', paidAmount: 0 });

    expect(await available('SHIRT-M')).toBe(stock);
    expect(await count(sql`select count(*) as n from inventory_reservations`)).toBe(reservations);

    // The same order by the connector's webhook, and the file again: still one order each.
    const body = JSON.stringify({
      id: 450789469,
      email: 'maria.jansen@example.com',
      created_at: '2023-05-01T10:00:00+02:00',
      currency: 'EUR',
      financial_status: 'paid',
      line_items: [{ id: 1, sku: 'SHIRT-M', title: 'Linen shirt', quantity: 2, price: '49.95' }],
    });
    const delivered = await t.api('POST', `/api/inbound/${connector.id}`, {
      key: null,
      body,
      headers: {
        'content-type': 'application/json',
        'x-shopify-topic': 'orders/create',
        'x-shopify-webhook-id': 'wh-history-1',
        'x-shopify-hmac-sha256': createHmac('sha256', SHOPIFY_SECRET).update(body).digest('base64'),
      },
    });
    expect(delivered.status).toBe(200);
    await t.hub.integration.inboundProcessor!.caughtUp();
    await eventually(
      async () => (await t.api('GET', `/api/connectors/${connector.id}/deliveries`)).body.items[0].status,
      (s) => s === 'processed',
    );
    const again = await post(t, `/api/imports/orders?connector=${connector.id}`, SHOPIFY_ORDERS);
    expect(again.body).toMatchObject({ counts: { unchanged: 2 } });
    expect(await ordersOf('450789469')).toHaveLength(1);
    expect(await available('SHIRT-M')).toBe(stock);
  });

  it('imports WooCommerce order history (items in one cell, refunded orders, any customer)', async () => {
    const stock = await available('SHIRT-M');
    const res = await post(t, '/api/imports/orders?channel=webshop', WOO_ORDERS);
    expect(res.body).toMatchObject({ status: 'completed', rowsRejected: 0, counts: { order: 2 } });
    const [done] = await ordersOf('812');
    expect(done).toMatchObject({
      status: 'completed',
      externalSource: 'woocommerce',
      totals: { items: 4995 + 3000, shipping: 350, grand: 4995 + 3000 + 350 },
    });
    expect(done.lines[1]).toMatchObject({ sku: 'TOTE-OLD', title: 'Tote bag', quantity: 3, unitPrice: 1000 });
    expect(new Date(done.placedAt).toISOString()).toBe('2022-11-20T14:05:00.000Z');
    expect(done.metadata.note).toBe('Gift wrap, please');
    const maria = await customerByEmail('maria.jansen@example.com');
    expect(done.customerId).toBe(maria.id);
    const [refunded] = await ordersOf('813');
    expect(refunded).toMatchObject({ status: 'refunded', paidAmount: 4995, refundedAmount: 4995 });
    expect(await available('SHIRT-M')).toBe(stock);
  });

  it('validates without writing anything: every line answered, no rows, events or jobs', async () => {
    const tables = async () => ({
      products: await count(sql`select count(*) as n from catalog_products`),
      orders: await count(sql`select count(*) as n from orders`),
      profiles: await count(sql`select count(*) as n from customer_profiles`),
      jobs: await count(sql`select count(*) as n from catalog_import_jobs`),
      // Not customer.* events other than created: the order projection may still be telling the
      // customers about the history imported above while this runs.
      events: await count(
        sql`select count(*) as n from events
            where type like 'catalog.%' or type like 'order.%' or type like 'inventory.%' or type = 'customer.created'`,
      ),
    });
    const before = await tables();
    const catalogFile = [
      { kind: 'product', handle: 'straw-hat', title: 'Straw hat' },
      { kind: 'variant', handle: 'straw-hat', sku: 'HAT-1' },
      { kind: 'variant', handle: 'no-such-product', sku: 'X-1' },
    ]
      .map((r) => JSON.stringify(r))
      .join('\n');
    const dry = await post(t, '/api/imports?dry_run=1', catalogFile, 'application/x-ndjson');
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ dryRun: true, status: 'completed', rowsAccepted: 2, rowsRejected: 1 });
    expect(dry.body.lines).toEqual([
      { line: 1, result: 'accepted', kind: 'product' },
      { line: 2, result: 'accepted', kind: 'variant' },
      { line: 3, result: 'rejected', reasons: [expect.stringMatching(/no product no-such-product/)] },
    ]);
    const newCustomers = csv(
      ['email', 'first_name', 'accepts_email_marketing'],
      [
        { email: 'new.person@example.com', first_name: 'New', accepts_email_marketing: 'yes' },
        { email: 'broken', first_name: 'X' },
      ],
    );
    const dryCustomers = await post(t, '/api/imports/customers?channel=webshop&dry_run=1', newCustomers);
    expect(dryCustomers.body.lines).toEqual([
      { line: 2, result: 'accepted', kind: 'customer' },
      { line: 3, result: 'rejected', reasons: ['email: not an email address'] },
    ]);
    const newOrders = SHOPIFY_ORDERS.replaceAll('4507894', '9907894');
    const dryOrders = await post(t, `/api/imports/orders?connector=${connector.id}&dry_run=true`, newOrders);
    expect(dryOrders.body).toMatchObject({ counts: { order: 2 }, rowsAccepted: 3, rowsRejected: 1 });
    expect(
      dryOrders.body.lines.map((l: { line: number; result: string }) => `${l.line}:${l.result}`),
    ).toEqual(['2:accepted', '3:accepted', '4:accepted', '5:rejected']);
    expect(await tables()).toEqual(before);
    expect((await t.api('GET', '/api/customers?email=new.person%40example.com')).body.items).toHaveLength(0);
  });
  it('erasing a customer erases the notes of their imported orders through the public API', async () => {
    const maria = await customerByEmail('maria.jansen@example.com');
    const [shopify] = await ordersOf('450789469');
    const [woo] = await ordersOf('812');
    expect([shopify.metadata.note, woo.metadata.note]).toEqual(['Leave it at the door', 'Gift wrap, please']);
    const erased = await t.api('POST', `/api/customers/${maria.id}/erase`, { body: { reason: 'asked' } });
    expect(erased.status, JSON.stringify(erased.body)).toBe(200);
    for (const id of ['450789469', '812']) {
      const [order] = await ordersOf(id);
      // 'note' is a personal key: the erasure clears it (null), the rest of the metadata stays.
      expect(order.metadata.note).toBeNull();
      expect(order.metadata.history).toBe(true);
      expect(order.email).toBeNull();
    }
    const stored = await rows<{ metadata: unknown }>(
      t.hub.database.db,
      sql`select metadata::text as metadata from orders where external_id in ('450789469', '812')`,
    );
    expect(JSON.stringify(stored)).not.toMatch(/door|Gift wrap/);
    // Nor anywhere else the import wrote: the events of the orders and of the customer.
    for (const table of ['events', 'customer_events'])
      expect(
        await count(
          sql`select count(*) as n from ${sql.identifier(table)} t where t::text like '%at the door%' or t::text like '%Gift wrap%'`,
        ),
      ).toBe(0);
  });
});
