// A retailer moving over brings the product CSV its platform exports. Shopify's and WooCommerce's
// exports, built here from each platform's documented headers, import through POST /api/imports:
// detected from the header, every field that has a place in the hub kept, bad lines reported.
import { stringify } from 'csv-stringify/sync';
import { beforeAll, expect, it } from 'vitest';
import { describeEachHub, type TestHub } from './helpers/test-hub.js';

const SHOPIFY_HEADER = [
  'Handle',
  'Title',
  'Body (HTML)',
  'Vendor',
  'Product Category',
  'Type',
  'Tags',
  'Published',
  'Option1 Name',
  'Option1 Value',
  'Option2 Name',
  'Option2 Value',
  'Option3 Name',
  'Option3 Value',
  'Variant SKU',
  'Variant Grams',
  'Variant Inventory Tracker',
  'Variant Inventory Qty',
  'Variant Inventory Policy',
  'Variant Fulfillment Service',
  'Variant Price',
  'Variant Compare At Price',
  'Variant Requires Shipping',
  'Variant Taxable',
  'Variant Barcode',
  'Image Src',
  'Image Position',
  'Image Alt Text',
  'Gift Card',
  'SEO Title',
  'SEO Description',
  'Variant Image',
  'Variant Weight Unit',
  'Variant Tax Code',
  'Cost per item',
  'Status',
];

const WOO_HEADER = [
  'ID',
  'Type',
  'SKU',
  'Name',
  'Published',
  'Is featured?',
  'Visibility in catalog',
  'Short description',
  'Description',
  'Tax status',
  'In stock?',
  'Stock',
  'Sale price',
  'Regular price',
  'Categories',
  'Tags',
  'Images',
  'Parent',
  'Attribute 1 name',
  'Attribute 1 value(s)',
  'Attribute 1 visible',
  'Attribute 1 global',
  'Attribute 2 name',
  'Attribute 2 value(s)',
];

const csv = (header: string[], rows: Array<Record<string, string>>) =>
  stringify([header, ...rows.map((r) => header.map((h) => r[h] ?? ''))]);

const shopifyFile = csv(SHOPIFY_HEADER, [
  {
    Handle: 'fjord-parka',
    Title: 'Fjord Parka',
    'Body (HTML)': '<p>Warm &amp; <strong>dry</strong></p>',
    Vendor: 'Fjordfield',
    'Product Category': 'Apparel & Accessories > Clothing > Outerwear',
    Type: 'Parka',
    Tags: 'winter, outdoor',
    Published: 'TRUE',
    'Option1 Name': 'Size',
    'Option1 Value': 'M',
    'Option2 Name': 'Color',
    'Option2 Value': 'Navy',
    'Variant SKU': 'FP-M-NAVY',
    'Variant Inventory Qty': '7',
    'Variant Inventory Policy': 'deny',
    'Variant Price': '199.00',
    'Variant Compare At Price': '249.00',
    'Variant Barcode': '4006381333931',
    'Image Src': 'https://cdn.example/parka-1.jpg',
    'Image Position': '1',
    Status: 'active',
  },
  {
    Handle: 'fjord-parka',
    'Option1 Value': 'L',
    'Option2 Value': 'Navy',
    'Variant SKU': 'FP-L-NAVY',
    'Variant Inventory Qty': '-2',
    'Variant Inventory Policy': 'continue',
    'Variant Price': '199.50',
    'Image Src': 'https://cdn.example/parka-2.jpg',
    'Image Position': '2',
  },
  { Handle: 'fjord-parka', 'Image Src': 'https://cdn.example/parka-3.jpg', 'Image Position': '3' },
  { Handle: 'fjord-parka', 'Option1 Value': 'XL', 'Option2 Value': 'Navy', 'Variant Price': '199.00' },
  {
    Handle: 'wool-beanie',
    Title: 'Wool Beanie',
    Published: 'FALSE',
    'Option1 Name': 'Title',
    'Option1 Value': 'Default Title',
    'Variant SKU': 'WB-1',
    'Variant Price': '25',
    'Variant Inventory Qty': '30',
    Status: 'draft',
  },
]);

const wooFile = csv(WOO_HEADER, [
  {
    ID: '101',
    Type: 'variable',
    SKU: 'TEE',
    Name: 'Organic Tee',
    Published: '1',
    Description: '<p>Soft cotton</p>',
    Categories: 'Clothing > Tshirts, Clothing',
    Tags: 'organic, summer|sale',
    Images: 'https://cdn.example/tee-1.jpg, https://cdn.example/tee-2.jpg',
    'Attribute 1 name': 'Size',
    'Attribute 1 value(s)': 'S, M',
  },
  {
    ID: '102',
    Type: 'variation',
    SKU: 'TEE-S',
    Name: 'Organic Tee - S',
    Published: '1',
    Stock: '4',
    'Regular price': '20.00',
    'Sale price': '15.50',
    Parent: 'id:101',
    'Attribute 1 name': 'Size',
    'Attribute 1 value(s)': 'S',
  },
  {
    ID: '103',
    Type: 'variation',
    SKU: 'TEE-M',
    Published: '1',
    Stock: '0',
    'Regular price': '20',
    Parent: 'TEE',
    'Attribute 1 name': 'Size',
    'Attribute 1 value(s)': 'M',
  },
  { ID: '104', Type: 'variation', SKU: 'GHOST-1', 'Regular price': '9', Parent: 'id:999' },
  {
    ID: '105',
    Type: 'simple',
    SKU: 'MUG-1',
    Name: 'Enamel Mug',
    Published: '-1',
    'Regular price': '12.5',
    Stock: '11',
    Categories: 'Home',
  },
]);

async function importCsv(t: TestHub, file: string, query: string) {
  return t.api('POST', `/api/imports?${query}`, { body: file, headers: { 'content-type': 'text/csv' } });
}

async function exportedRows(t: TestHub) {
  const res = await t.hub.http.inject({
    method: 'GET',
    url: '/api/exports/catalog?format=ndjson',
    headers: { authorization: 'Bearer ohk_test_admin_key_0123456789abcdef' },
  });
  return res.body
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

describeEachHub('Shopify and WooCommerce product CSV imports', (t) => {
  beforeAll(async () => {
    const list = await t.api('POST', '/api/catalog/price-lists', {
      body: { code: 'eur', name: 'Euro', currency: 'EUR' },
    });
    expect(list.status).toBe(201);
    const channel = await t.api('POST', '/api/channels', {
      body: {
        code: 'webshop',
        name: 'Web',
        type: 'web',
        currency: 'EUR',
        locales: ['en'],
        priceListId: list.body.id,
      },
    });
    expect(channel.status).toBe(201);
    const loc = await t.api('POST', '/api/inventory/locations', {
      body: { code: 'warehouse', name: 'Warehouse', type: 'warehouse' },
    });
    expect(loc.status).toBe(201);
  });

  it('imports a Shopify export: handles, texts, options, prices, images, listings and stock', async () => {
    const res = await importCsv(t, shopifyFile, 'price_list=eur&channel=webshop&location=warehouse');
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ status: 'completed', rowsRejected: 1 });
    const report = await t.api('GET', `/api/imports/${res.body.id}/rejections`);
    expect(report.body.items).toEqual([
      expect.objectContaining({ line: 5, reasons: ['Variant SKU is empty: the hub knows variants by SKU'] }),
    ]);

    const rows = await exportedRows(t);
    const parka = rows.find((r) => r.kind === 'product' && r.handle === 'fjord-parka');
    expect(parka).toMatchObject({
      title: 'Fjord Parka',
      description: 'Warm & dry',
      categories: ['apparel-accessories/clothing/outerwear', 'parka'],
      media: [
        'https://cdn.example/parka-1.jpg',
        'https://cdn.example/parka-2.jpg',
        'https://cdn.example/parka-3.jpg',
      ],
      status: 'active',
      vendor: 'Fjordfield',
      tags: ['winter', 'outdoor'],
    });
    // Variant Compare At Price is the "was" price of the same price row.
    expect(rows.find((r) => r.kind === 'price' && r.sku === 'FP-M-NAVY')).toMatchObject({
      amount: 19900,
      compare_at: 24900,
    });
    expect(rows.find((r) => r.kind === 'price' && r.sku === 'FP-L-NAVY')).not.toHaveProperty('compare_at');
    expect(rows.find((r) => r.sku === 'FP-M-NAVY' && r.kind === 'variant')).toMatchObject({
      gtin: '4006381333931',
      options: { size: 'M', color: 'Navy' },
    });
    // Variant Inventory Policy: "continue" sells on backorder, "deny" (the default) does not.
    expect(rows.find((r) => r.sku === 'FP-L-NAVY' && r.kind === 'variant')).toMatchObject({
      stock_policy: 'backorder',
    });
    expect(rows.find((r) => r.sku === 'FP-M-NAVY' && r.kind === 'variant')).not.toHaveProperty(
      'stock_policy',
    );
    const prices = rows.filter((r) => r.kind === 'price').map((r) => [r.sku, r.amount, r.price_list]);
    expect(prices).toEqual(
      expect.arrayContaining([
        ['FP-M-NAVY', 19900, 'eur'],
        ['FP-L-NAVY', 19950, 'eur'],
        ['WB-1', 2500, 'eur'],
      ]),
    );
    expect(rows.find((r) => r.kind === 'variant' && r.sku === 'WB-1')).toMatchObject({ options: {} });
    expect(rows.find((r) => r.kind === 'product' && r.handle === 'wool-beanie')).toMatchObject({
      status: 'draft',
    });
    const listings = rows.filter((r) => r.kind === 'listing').map((r) => [r.handle, r.published]);
    expect(listings).toEqual(
      expect.arrayContaining([
        ['fjord-parka', true],
        ['wool-beanie', false],
      ]),
    );
    const stock = rows.filter((r) => r.kind === 'stock').map((r) => [r.sku, r.quantity]);
    expect(stock).toEqual(
      expect.arrayContaining([
        ['FP-M-NAVY', 7],
        ['FP-L-NAVY', 0],
        ['WB-1', 30],
      ]),
    );
  });

  it('imports a WooCommerce export: variable products with their variations, simple products, sale prices', async () => {
    const res = await importCsv(t, wooFile, 'price_list=eur&channel=webshop&location=warehouse');
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ status: 'completed', rowsRejected: 1 });
    const report = await t.api('GET', `/api/imports/${res.body.id}/rejections`);
    expect(report.body.items).toEqual([
      expect.objectContaining({ line: 5, reasons: ['Parent: no product id:999 above this row'] }),
    ]);
    const rows = await exportedRows(t);
    expect(rows.find((r) => r.kind === 'product' && r.handle === 'organic-tee')).toMatchObject({
      title: 'Organic Tee',
      description: 'Soft cotton',
      categories: ['clothing/tshirts', 'clothing'],
      media: ['https://cdn.example/tee-1.jpg', 'https://cdn.example/tee-2.jpg'],
      tags: ['organic', 'summer sale'],
    });
    expect(rows.filter((r) => r.kind === 'variant' && r.handle === 'organic-tee')).toEqual([
      expect.objectContaining({ sku: 'TEE-S', options: { size: 'S' } }),
      expect.objectContaining({ sku: 'TEE-M', options: { size: 'M' } }),
    ]);
    const price = (sku: string) => rows.find((r) => r.kind === 'price' && r.sku === sku)?.amount;
    expect([price('TEE-S'), price('TEE-M'), price('MUG-1')]).toEqual([1550, 2000, 1250]);
    // On sale: the regular price is kept as the compare-at ("was") price.
    const was = (sku: string) => rows.find((r) => r.kind === 'price' && r.sku === sku)?.compare_at;
    expect([was('TEE-S'), was('TEE-M')]).toEqual([2000, undefined]);
    expect(rows.find((r) => r.kind === 'product' && r.handle === 'enamel-mug')).toMatchObject({
      status: 'draft',
    });
    expect(rows.find((r) => r.kind === 'stock' && r.sku === 'MUG-1')).toMatchObject({ quantity: 11 });
  });

  it('reports prices it cannot place, and refuses an unknown price list', async () => {
    const noList = await importCsv(t, shopifyFile, 'channel=webshop');
    expect(noList.status).toBe(201);
    const report = await t.api('GET', `/api/imports/${noList.body.id}/rejections`);
    expect(report.body.items[0].reasons).toEqual([
      'Variant Price: name the price list these prices go to (?price_list=)',
    ]);
    const unknown = await importCsv(t, shopifyFile, 'price_list=nope');
    expect(unknown.status).toBe(400);
    expect(unknown.body.detail).toMatch(/nope/);
  });
});
