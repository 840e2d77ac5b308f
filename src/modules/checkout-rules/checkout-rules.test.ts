import { describe, expect, it } from 'vitest';
import { createCheckoutRules } from './index.js';
import { type Candidate, fewestShipments, nearestWithStock, storePriority } from './routing.js';
import { computeTotals, DEFAULT_RULES, shippingPrice } from './totals.js';

const ctx = {} as never;

describe('checkout totals', () => {
  it('spreads an order discount over lines, taxes inclusive prices and adds shipping, in minor units', async () => {
    const rules = {
      ...DEFAULT_RULES,
      discounts: async () => [{ amount: 101, code: 'X', description: 'test' }],
    };
    const t = await computeTotals(ctx, rules, {
      channelId: 'c',
      currency: 'EUR',
      customerId: null,
      lines: [
        { lineId: 'a', sku: 'A', quantity: 2, unitPrice: 1000 },
        { lineId: 'b', sku: 'B', quantity: 1, unitPrice: 1000 },
      ],
      shipping: 495,
      taxCountry: 'NL',
    });
    expect(t.lines.map((l) => l.discount)).toEqual([68, 33]);
    expect(t).toMatchObject({ items: 3000, discount: 101, shipping: 495, grand: 3394 });
    expect(t.tax).toBe(t.lines.reduce((s, l) => s + l.tax, 0) + (495 - Math.round((495 * 10000) / 12100)));
    const us = await computeTotals(
      ctx,
      { ...DEFAULT_RULES, taxRules: [{ country: 'US', rateBp: 800, pricesIncludeTax: false }] },
      {
        channelId: 'c',
        currency: 'USD',
        customerId: null,
        lines: [{ lineId: 'a', sku: 'A', quantity: 1, unitPrice: 1000 }],
        shipping: 0,
        taxCountry: 'US',
      },
    );
    expect(us).toMatchObject({ tax: 80, grand: 1080 });
    expect(shippingPrice(DEFAULT_RULES, 'standard', 'EUR', 6000)).toEqual({ ok: true, amount: 0 });
    expect(shippingPrice(DEFAULT_RULES, 'express', 'JPY', 0)).toMatchObject({
      ok: false,
      reason: 'method_not_in_currency',
    });
  });
});

describe('routing strategies', () => {
  const at = (
    id: string,
    type: 'store' | 'warehouse',
    lat: number,
    lon: number,
    priority: number,
    stock: Record<string, number>,
  ): Candidate => ({
    locationId: id,
    code: id,
    name: id,
    type,
    latitude: lat,
    longitude: lon,
    country: 'NL',
    priority,
    stock: new Map(Object.entries(stock)),
  });
  const wh = at('wh', 'warehouse', 51.9, 4.5, 0, { A: 5, B: 5 });
  const ams = at('ams', 'store', 52.37, 4.89, 1, { A: 1 });
  const to = { latitude: 52.37, longitude: 4.9, country: 'NL' };
  const lines = [
    { sku: 'A', quantity: 2 },
    { sku: 'B', quantity: 1 },
  ];

  it('nearest with stock splits from the nearest and says why', () => {
    const r = nearestWithStock.route(lines, [wh, ams], to);
    expect(r.ok && r.shipments.map((s) => [s.locationId, s.lines])).toEqual([
      ['ams', [{ sku: 'A', quantity: 1 }]],
      [
        'wh',
        [
          { sku: 'A', quantity: 1 },
          { sku: 'B', quantity: 1 },
        ],
      ],
    ]);
    expect(r.ok && r.shipments[0]!.reason).toContain('nearest with stock of A');
  });

  it('fewest shipments sends everything from one place when it can', () => {
    const r = fewestShipments.route(lines, [wh, ams], to);
    expect(r.ok && r.shipments.map((s) => s.locationId)).toEqual(['wh']);
  });

  it('store priority takes from stores first; too little stock anywhere is refused', () => {
    const r = storePriority.route([{ sku: 'A', quantity: 1 }], [wh, ams], to);
    expect(r.ok && r.shipments[0]).toMatchObject({ locationId: 'ams', kind: 'ship_from_store' });
    expect(storePriority.route([{ sku: 'A', quantity: 9 }], [wh, ams], to)).toMatchObject({
      ok: false,
      available: 6,
    });
  });
});

describe('the checkout rules service', () => {
  it('offers a shipping method only in its currencies and routes unknown strategies nearest first', () => {
    const rules = createCheckoutRules({
      shippingMethods: { drone: { name: 'Drone', rates: { EUR: 1500 } } },
    });
    expect(rules.shippingMethodIn('drone', 'EUR')?.name).toBe('Drone');
    expect(rules.shippingMethodIn('drone', 'SEK')).toBeUndefined();
    expect(rules.shippingMethodIn('standard', 'EUR')).toBeUndefined();
    expect(rules.shippingPrice('drone', 'EUR', 0)).toEqual({ ok: true, amount: 1500 });
    expect(rules.routingStrategy('store_priority')).toBe(storePriority);
    expect(rules.routingStrategy('teleport')).toBe(nearestWithStock);
  });
});
