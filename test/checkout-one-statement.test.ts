// Checkout's one-statement way (click & collect, every hold at the store): the order, its
// allocation, payment, fulfilment and events exactly as the transaction would write them; and the
// fallback when a hold sits elsewhere (the statement writes nothing, the transaction re-holds at
// the store). Add-to-cart's hold and line commit together in one statement.
import { expect, it } from 'vitest';
import { oneStatementStats } from '../src/platform/events/one-statement.js';
import {
  buildCommerceFixture,
  COMMERCE_HUB_OPTIONS,
  type CommerceFixture,
} from './helpers/commerce-fixture.js';
import { describeEachHub } from './helpers/test-hub.js';

describeEachHub(
  'checkout in one statement',
  (t) => {
    let f: CommerceFixture;
    const level = async (locationId: string, sku: string) =>
      (await t.api('GET', `/api/inventory/locations/${locationId}/levels`)).body.items.find(
        (l: { sku: string }) => l.sku === sku,
      );
    const events = async (type: string, subject: string) =>
      (await t.api('GET', `/api/events?types=${type}&subject=${subject}`)).body.items as Array<{
        data: { reservation?: unknown };
      }>;
    const pickupCart = async (sku: string, quantity: number) => {
      const key = f.keys.web;
      const cart = await t.api('POST', '/api/carts', { key, body: { anonymousId: `one-${sku}` } });
      expect(cart.status).toBe(201);
      const line = await t.api('POST', `/api/carts/${cart.body.id}/lines`, { key, body: { sku, quantity } });
      expect(line.status, JSON.stringify(line.body)).toBe(201);
      const pickup = await t.api('PUT', `/api/carts/${cart.body.id}/delivery`, {
        key,
        body: { type: 'pickup', locationId: f.locations.amsterdam.id },
      });
      expect(pickup.status).toBe(200);
      return pickup.body;
    };
    const checkout = (cartId: string, idem: string) =>
      t.api('POST', `/api/carts/${cartId}/checkout`, {
        key: f.keys.web,
        headers: { 'idempotency-key': idem },
        body: { payment: { provider: 'test', token: 'tok_visa' } },
      });

    it('builds a retailer whose mugs are only in Amsterdam and caps first in the warehouse', async () => {
      f = await buildCommerceFixture(t, 'ONE', {
        mug: { warehouse: 0, amsterdam: 5, stockholm: 0 },
        cap: { warehouse: 5, amsterdam: 5, stockholm: 0 },
      });
    });

    it('adds a line with its hold in one statement: the line records the hold, the hold the cart', async () => {
      const cart = await pickupCart(f.skus.mug, 2);
      const hold = cart.lines[0].holds[0];
      expect(cart.lines[0]).toMatchObject({ quantity: 2, holdStatus: 'held' });
      const res = await t.api('GET', `/api/inventory/reservations/${hold.reservationId}`);
      expect(res.body).toMatchObject({ status: 'held', reference: cart.id, quantity: 2 });
      expect(await events('cart.line_added', cart.id)).toHaveLength(1);
    });

    it('places a click & collect order in one statement, with the events the transaction writes', async () => {
      const cart = await pickupCart(f.skus.mug, 3);
      const holdId = cart.lines[0].holds[0].reservationId;
      const before = { ...oneStatementStats };
      const placed = await checkout(cart.id, 'one-mug');
      expect(placed.status, JSON.stringify(placed.body)).toBe(201);
      expect(oneStatementStats.written).toBe(before.written + 1);
      expect(oneStatementStats.refused).toBe(before.refused);
      const order = placed.body.order;
      expect(order).toMatchObject({ status: 'allocated', paidAmount: order.totals.grand });
      expect(order.number).toMatch(/^[A-Z]+-\d+$/);
      // The allocation event carries the reservation exactly as the API reads it.
      const reservation = (await t.api('GET', `/api/inventory/reservations/${holdId}`)).body;
      expect(reservation).toMatchObject({ status: 'allocated', reference: order.id, expiresAt: null });
      const [allocated] = await events('inventory.reservation_allocated', holdId);
      expect(allocated?.data.reservation).toEqual(reservation);
      // Every order event has the number the sequence gave.
      const orderEvents = (await t.api('GET', `/api/events?types=order.*&subject=${order.id}`)).body.items;
      expect(orderEvents.map((e: { type: string }) => e.type)).toEqual([
        'order.created',
        'order.paid',
        'order.allocated',
        'order.fulfilment_planned',
      ]);
      for (const e of orderEvents) expect(e.data.orderNumber).toBe(order.number);
      expect(await events('cart.checked_out', cart.id)).toHaveLength(1);
      const payments = await events('payment.*', order.id);
      expect(payments.length).toBeGreaterThanOrEqual(1);
      expect((await level(f.locations.amsterdam.id, f.skus.mug)).reserved).toBe(5);
      // A retry is the same order.
      const again = await checkout(cart.id, 'one-mug-2');
      expect(again.body.order.id).toBe(order.id);
    });

    it('falls back to the transaction when a hold is not at the store: held again there', async () => {
      const cart = await pickupCart(f.skus.cap, 1);
      const before = { ...oneStatementStats };
      const placed = await checkout(cart.id, 'one-cap');
      expect(placed.status, JSON.stringify(placed.body)).toBe(201);
      expect(oneStatementStats.refused).toBe(before.refused + 1);
      expect(placed.body.order.status).toBe('allocated');
      expect((await level(f.locations.warehouse.id, f.skus.cap)).reserved).toBe(0);
      expect((await level(f.locations.amsterdam.id, f.skus.cap)).reserved).toBe(1);
      const orderEvents = (await t.api('GET', `/api/events?types=order.*&subject=${placed.body.order.id}`))
        .body.items;
      for (const e of orderEvents) expect(e.data.orderNumber).toBe(placed.body.order.number);
    });
  },
  COMMERCE_HUB_OPTIONS,
);
