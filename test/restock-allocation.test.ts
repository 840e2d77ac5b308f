// Restock assigns waiting orders, on both databases: two backorders of a SKU, one unit arrives and
// the older order gets it while the other waits; more arrives and the second gets it; replaying the
// consumer over the whole log changes nothing; a pre-order before its release date is not allocated.
// Orders are served by the time they were placed (not their cart's hold); allocated units lower the
// order line's backorder; a pre-order whose date came gets the stock already in (periodic job).
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import {
  RESTOCK_EVENT_TYPES,
  releaseDuePreorders,
  restockedSkus,
  restockHandler,
} from '../src/flows/commerce/index.js';
import { systemClock } from '../src/kernel/index.js';
import { createContext } from '../src/platform/context.js';
import { rows } from '../src/platform/db/database.js';
import { readWrittenEvents } from '../src/platform/testing/read-written-events.js';
import { testLog } from '../src/platform/testing/test-databases.js';
import { eventually } from './helpers/eventually.js';
import { describeEachHub } from './helpers/test-hub.js';

describeEachHub(
  'restock allocates waiting orders',
  (t) => {
    const BACK = 'RESTOCK-BACK';
    const PRE = 'RESTOCK-PRE';
    let location = '';
    let publishable = '';
    const holdOf: Record<string, string> = {};
    const orderOf: Record<string, string> = {};

    const order = async (name: string, sku: string) => checkout(name, await cartOf(sku));
    /** A cart with one unit of the SKU: its hold (the reservation) is made now. */
    const cartOf = async (sku: string) => {
      const cart = await t.api('POST', '/api/carts', {
        key: publishable,
        body: { lines: [{ sku, quantity: 1 }] },
      });
      expect(cart.status, JSON.stringify(cart.body)).toBe(201);
      return cart.body as { id: string; cartToken: string };
    };
    const checkout = async (name: string, cart: { id: string; cartToken: string }) => {
      const headers = { 'x-cart-token': cart.cartToken };
      const delivery = await t.api('PUT', `/api/carts/${cart.id}/delivery`, {
        key: publishable,
        headers,
        body: {
          type: 'ship',
          method: 'standard',
          address: { line1: 'Damrak 1', postalCode: '1012 LG', city: 'Amsterdam', country: 'NL' },
        },
      });
      expect(delivery.status, JSON.stringify(delivery.body)).toBe(200);
      const placed = await t.api('POST', `/api/carts/${cart.id}/checkout`, {
        key: publishable,
        headers: { ...headers, 'idempotency-key': `restock-${name}` },
        body: { email: 'shopper@example.com', payment: { provider: 'test', token: 'tok_visa' } },
      });
      expect(placed.status, JSON.stringify(placed.body)).toBe(201);
      holdOf[name] = placed.body.order.reservationIds[0];
      orderOf[name] = placed.body.order.id;
    };
    /** The units of a SKU the order's lines say still wait for stock. */
    const waitingOf = async (name: string, sku: string) =>
      (await t.api('GET', `/api/orders/${orderOf[name]}`)).body.lines
        .filter((l: { sku: string }) => l.sku === sku)
        .reduce((n: number, l: { backorder?: { quantity: number } }) => n + (l.backorder?.quantity ?? 0), 0);
    const linesOf = async (name: string) =>
      (await t.api('GET', `/api/inventory/reservations/${holdOf[name]}`)).body.lines;
    /** The order's planned units of a SKU, as [locationId, quantity] per fulfilment. */
    const plannedOf = async (name: string, sku: string) =>
      (await t.api('GET', `/api/orders/${orderOf[name]}`)).body.fulfilments.flatMap(
        (f: { locationId: string; lines: Array<{ sku: string; quantity: number }> }) =>
          f.lines.filter((l) => l.sku === sku).map((l) => [f.locationId, l.quantity]),
      );
    const receive = async (sku: string) => {
      const r = await t.api('POST', '/api/inventory/adjustments', {
        body: { kind: 'receive', sku, location, quantity: 1 },
      });
      expect(r.status, JSON.stringify(r.body)).toBeLessThan(300);
    };
    const reservedAt = async (sku: string) =>
      (await t.api('GET', `/api/inventory/skus/${sku}`)).body.levels?.find(
        (l: { locationId: string }) => l.locationId === location,
      )?.reserved ?? 0;

    it('takes two backorders and a pre-order with no stock at all', async () => {
      const channel = (await t.api('GET', '/api/channels/webshop')).body;
      location = (await t.api('GET', `/api/inventory/channels/${channel.id}/sourcing`)).body.locationIds[0];
      const store = await t.hub.http.inject({
        method: 'GET',
        url: '/store/webshop',
        headers: { authorization: '' },
      });
      publishable = /content="(ohpk_[^"]+)"/.exec(store.body)![1]!;
      const price = { priceListId: channel.priceListId, amount: 2500, currency: 'EUR' };
      const created = await t.api('POST', '/api/catalog/products', {
        body: {
          handle: 'restock-lamp',
          defaultLocale: 'en',
          content: { en: { title: 'Lamp', description: 'A lamp' } },
          variants: [
            { sku: BACK, options: { colour: 'white' }, prices: [price], stockPolicy: 'backorder' },
            {
              sku: PRE,
              options: { colour: 'red' },
              prices: [price],
              stockPolicy: 'preorder',
              availableFrom: '2099-05-01',
            },
          ],
        },
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      await t.api('PUT', `/api/channels/${channel.id}/listings/${created.body.id}`, {
        body: { published: true },
      });
      await order('older', BACK);
      await order('newer', BACK);
      await order('pre', PRE);
      for (const name of ['older', 'newer', 'pre']) expect(await linesOf(name)).toEqual([]);
      expect(await waitingOf('older', BACK)).toBe(1);
      expect(await waitingOf('pre', PRE)).toBe(1);
    });

    it('gives one arriving unit to the older order; the newer one still waits', async () => {
      await receive(BACK);
      const older = await eventually(
        () => linesOf('older'),
        (l) => l.length > 0,
      );
      expect(older).toEqual([{ locationId: location, quantity: 1 }]);
      expect(await linesOf('newer')).toEqual([]);
      expect(await reservedAt(BACK)).toBe(1);
      // The shipped order's unit is planned to leave from where it arrived, with the allocation.
      expect(await plannedOf('older', BACK)).toEqual([[location, 1]]);
      expect(await plannedOf('newer', BACK)).toEqual([]);
      // The order line no longer says it waits; the newer one still does.
      expect(await waitingOf('older', BACK)).toBe(0);
      expect(await waitingOf('newer', BACK)).toBe(1);
    });

    it('gives the next unit to the newer order; a pre-order before its date is not allocated', async () => {
      // The pre-order's unit arrives first: once the backorder after it is allocated, it was seen.
      await receive(PRE);
      await receive(BACK);
      const newer = await eventually(
        () => linesOf('newer'),
        (l) => l.length > 0,
      );
      expect(newer).toEqual([{ locationId: location, quantity: 1 }]);
      expect(await linesOf('pre')).toEqual([]);
      expect(await plannedOf('newer', BACK)).toEqual([[location, 1]]);
      expect(await plannedOf('pre', PRE)).toEqual([]);
      expect(await reservedAt(BACK)).toBe(2);
      expect(await reservedAt(PRE)).toBe(0);
      expect(await waitingOf('newer', BACK)).toBe(0);
      expect(await waitingOf('pre', PRE)).toBe(1);
    });

    it('changes nothing when the consumer replays the whole log', async () => {
      const db = t.hub.database.db;
      const count = async () =>
        Number(
          (await rows<{ n: number }>(db, sql`select count(*)::int as n from inventory_movements`))[0]!.n,
        );
      const before = await count();
      const events = await readWrittenEvents(db, { types: RESTOCK_EVENT_TYPES, limit: 1000 });
      expect(events.length).toBeGreaterThan(0);
      const handle = restockHandler({
        database: t.hub.database,
        inventory: t.hub.services.inventory,
        catalog: t.hub.services.catalog,
        orders: t.hub.services.orders,
        clock: systemClock,
        log: testLog as never,
      });
      await handle(events);
      await handle(events);
      expect(await count()).toBe(before);
      expect(await reservedAt(BACK)).toBe(2);
      expect(await linesOf('older')).toEqual([{ locationId: location, quantity: 1 }]);
      expect(await plannedOf('older', BACK)).toEqual([[location, 1]]);
      expect(await plannedOf('newer', BACK)).toEqual([[location, 1]]);
    });

    it('serves the order placed first, not the one whose cart held the SKU first', async () => {
      const early = await cartOf(BACK); // its hold is older…
      const late = await cartOf(BACK);
      await checkout('placed-first', late); // …but this order was placed first
      await checkout('placed-second', early);
      await receive(BACK);
      const first = await eventually(
        () => linesOf('placed-first'),
        (l) => l.length > 0,
      );
      expect(first).toEqual([{ locationId: location, quantity: 1 }]);
      expect(await linesOf('placed-second')).toEqual([]);
      expect(await waitingOf('placed-second', BACK)).toBe(1);
    });

    it('releases a pre-order once its date has come, with no stock event', async () => {
      const release = releaseDuePreorders({
        database: t.hub.database,
        inventory: t.hub.services.inventory,
        catalog: t.hub.services.catalog,
        orders: t.hub.services.orders,
        clock: systemClock,
        log: testLog as never,
      });
      const on = (day: string) =>
        createContext(t.hub.database, {
          clock: { now: () => new Date(`${day}T08:00:00Z`) },
          log: testLog as never,
        });
      // The day before: the unit that came in stays free; on the day, the order gets it.
      expect(await release(on('2099-04-30'))).toBe(0);
      expect(await linesOf('pre')).toEqual([]);
      expect(await release(on('2099-05-01'))).toBe(1);
      expect(await linesOf('pre')).toEqual([{ locationId: location, quantity: 1 }]);
      expect(await waitingOf('pre', PRE)).toBe(0);
      expect(await plannedOf('pre', PRE)).toEqual([[location, 1]]);
      // Again: nothing left waiting, nothing written.
      expect(await release(on('2099-05-02'))).toBe(0);
    });

    it('opens a transaction only for the restocked SKUs an order waits for (an import restocks thousands)', async () => {
      const ctx = createContext(t.hub.database, { clock: systemClock, log: testLog as never });
      const events = await readWrittenEvents(t.hub.database.db, { types: RESTOCK_EVENT_TYPES, limit: 1000 });
      const restocked = restockedSkus(events);
      const waiting = (await t.hub.services.inventory.waitingSkus(ctx)).filter((s) => restocked.includes(s));
      // The demo's stock receipts: many SKUs, of which only the one still backordered waits.
      expect(restocked.length).toBeGreaterThan(waiting.length + 5);
      expect(waiting).toEqual([BACK]);
      const inventory = t.hub.services.inventory;
      const allocatedFor: string[] = [];
      const handle = restockHandler({
        database: t.hub.database,
        inventory: {
          ...inventory,
          allocateWaiting: (tx, sku, planOf) => {
            allocatedFor.push(sku);
            return inventory.allocateWaiting(tx, sku, planOf);
          },
        },
        catalog: t.hub.services.catalog,
        orders: t.hub.services.orders,
        clock: systemClock,
        log: testLog as never,
      });
      await handle(events);
      expect(allocatedFor).toEqual(waiting);
      expect(await waitingOf('placed-second', BACK)).toBe(1); // still no free unit for it
    });
  },
  { demo: true },
);
