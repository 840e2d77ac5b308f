// A sale at the till, end to end over HTTP: one order, paid (cash with change, the store's card
// terminal with its reference, or both), handed over and completed in the checkout itself, and
// never a pickup task. Tenders that do not settle the sale are refused and write nothing.
import { expect, it } from 'vitest';
import { buildCommerceFixture, type CommerceFixture } from './helpers/commerce-fixture.js';
import { describeEachHub, type TestHub } from './helpers/test-hub.js';

async function tillCart(t: TestHub, key: string, lines: Array<{ sku: string; quantity: number }>) {
  const c = await t.api('POST', '/api/carts', { key, body: { lines } });
  expect(c.status, JSON.stringify(c.body)).toBe(201);
  const d = await t.api('PUT', `/api/carts/${c.body.id}/delivery`, { key, body: { type: 'carry_out' } });
  expect(d.status, JSON.stringify(d.body)).toBe(200);
  const quote = await t.api('GET', `/api/carts/${c.body.id}/quote`, { key });
  return { id: c.body.id as string, grand: quote.body.grand as number };
}

describeEachHub(
  'till sales',
  (t) => {
    let f: CommerceFixture;
    const sell = (cartId: string, body: unknown, key = f.keys.tillAms) =>
      t.api('POST', `/api/carts/${cartId}/checkout`, { key, body });

    /** The order is done: completed, paid in full, its one fulfilment handed over, no store task. */
    async function expectHandedOver(orderId: string) {
      const order = await t.api('GET', `/api/orders/${orderId}`);
      expect(order.body).toMatchObject({ status: 'completed' });
      expect(order.body.paidAmount).toBe(order.body.totals.grand);
      expect(order.body.fulfilments).toMatchObject([{ kind: 'counter', status: 'collected' }]);
      for (const q of ['', '&status=open', '&status=collected']) {
        const tasks = await t.api('GET', `/api/fulfilments?locationId=${f.locations.amsterdam.id}${q}`);
        expect(tasks.status).toBe(200);
        expect(tasks.body.items.filter((x: { orderId: string }) => x.orderId === orderId)).toEqual([]);
      }
      const payments = await t.api('GET', `/api/orders/${orderId}/payments`);
      for (const p of payments.body.payments) expect(p.status).toBe('captured');
      return order.body;
    }

    it('builds a retailer whose tills take cash and their own card terminal', async () => {
      f = await buildCommerceFixture(t, 'TS');
    });

    it('sells for cash with change: paid, completed, stock gone from the store, not a pickup', async () => {
      const cart = await tillCart(t, f.keys.tillAms, [{ sku: f.skus.mug, quantity: 2 }]);
      const sold = await sell(cart.id, {
        payments: [{ provider: 'manual', amount: cart.grand, tendered: cart.grand + 2600 }],
      });
      expect(sold.status, JSON.stringify(sold.body)).toBe(201);
      expect(sold.body.change).toBe(2600);
      expect(sold.body.order).toMatchObject({ status: 'completed', paidAmount: cart.grand });
      expect(sold.body.payments).toMatchObject([
        { provider: 'manual', status: 'captured', amount: cart.grand },
      ]);
      expect(sold.body.order.metadata.till).toMatchObject({
        change: 2600,
        tenders: [{ provider: 'manual', amount: cart.grand, tendered: cart.grand + 2600, change: 2600 }],
      });
      await expectHandedOver(sold.body.order.id);
      const levels = await t.api('GET', `/api/inventory/locations/${f.locations.amsterdam.id}/levels`);
      expect(levels.body.items.find((l: { sku: string }) => l.sku === f.skus.mug)).toMatchObject({
        onHand: 0,
        reserved: 0,
      });
      expect(sold.body.order.number).toMatch(/^OH-\d{5,}$/);
      const number = sold.body.order.number as string;
      for (const query of [`number=${number.toLowerCase()}`, `q=${number}`, `q=${sold.body.order.id}`]) {
        const found = await t.api('GET', `/api/orders?${query}`, { key: f.keys.tillAms });
        expect(
          found.body.items.map((o: { id: string }) => o.id),
          query,
        ).toEqual([sold.body.order.id]);
      }
      const elsewhere = await t.api('GET', `/api/orders?number=${number}`, { key: f.keys.tillSto });
      expect(elsewhere.body.items).toEqual([]);
      const events = await t.api('GET', `/api/events?types=order.*&limit=1000`);
      const mine = events.body.items.filter((e: { subject: string }) => e.subject === sold.body.order.id);
      expect(mine.map((e: { type: string }) => e.type)).toEqual(
        expect.arrayContaining(['order.created', 'order.handed_over', 'order.completed']),
      );
      for (const e of mine) expect(e.data?.orderNumber ?? e.payload?.orderNumber, e.type).toBe(number);
      const again = await sell(cart.id, { payment: { provider: 'manual' } });
      expect(again.status).toBe(200);
      expect(again.body).toMatchObject({ order: { id: sold.body.order.id }, change: 2600 });
    });

    it('sells on the terminal with its reference, and split between cash and card', async () => {
      const card = await tillCart(t, f.keys.tillAms, [{ sku: f.skus.tee, quantity: 1 }]);
      const byCard = await sell(card.id, {
        payments: [{ provider: 'external', amount: card.grand, reference: 'TRM-0042' }],
      });
      expect(byCard.status, JSON.stringify(byCard.body)).toBe(201);
      expect(byCard.body.order.metadata.till.tenders).toMatchObject([
        { provider: 'external', reference: 'TRM-0042' },
      ]);
      await expectHandedOver(byCard.body.order.id);

      const split = await tillCart(t, f.keys.tillAms, [{ sku: f.skus.cap, quantity: 1 }]);
      const both = await sell(split.id, {
        payments: [
          { provider: 'manual', amount: 1000, tendered: 2000 },
          { provider: 'external', amount: split.grand - 1000, reference: 'TRM-0043' },
        ],
      });
      expect(both.status, JSON.stringify(both.body)).toBe(201);
      expect(both.body.change).toBe(1000);
      expect(both.body.payments.map((p: { amount: number }) => p.amount)).toEqual([1000, split.grand - 1000]);
      await expectHandedOver(both.body.order.id);
    });

    it('sells with one cash payment for the whole sum (no tendered amount)', async () => {
      const cart = await tillCart(t, f.keys.tillAms, [{ sku: f.skus.tee, quantity: 1 }]);
      const sold = await sell(cart.id, { payment: { provider: 'manual' } });
      expect(sold.status, JSON.stringify(sold.body)).toBe(201);
      expect(sold.body).toMatchObject({ change: 0, order: { status: 'completed' } });
      await expectHandedOver(sold.body.order.id);
    });

    it('refuses tenders that do not settle the sale with tender_refused, writing nothing', async () => {
      const cart = await tillCart(t, f.keys.tillAms, [{ sku: f.skus.tee, quantity: 1 }]);
      const cases: Array<[unknown, string]> = [
        [{ payments: [{ provider: 'manual', amount: cart.grand - 1 }] }, 'tender_mismatch'],
        [
          { payments: [{ provider: 'manual', amount: cart.grand, tendered: cart.grand - 1 }] },
          'tendered_too_little',
        ],
        [
          { payments: [{ provider: 'external', amount: cart.grand, tendered: cart.grand }] },
          'tendered_is_cash_only',
        ],
      ];
      for (const [body, reason] of cases) {
        const refused = await sell(cart.id, body);
        expect(refused.status, JSON.stringify(refused.body)).toBe(422);
        expect(refused.body).toMatchObject({ code: 'tender_refused', reason });
      }
      const neither = await sell(cart.id, {});
      expect(neither.status).toBe(400);
      const after = await t.api('GET', `/api/carts/${cart.id}`);
      expect(after.body).toMatchObject({ status: 'active', orderId: null });
      expect(after.body.lines.map((l: { holdStatus: string }) => l.holdStatus)).toEqual(['held']);
    });

    it('keeps tenders for the counter: a click & collect cart cannot be split or given change', async () => {
      const c = await t.api('POST', '/api/carts', {
        key: f.keys.tillAms,
        body: { lines: [{ sku: f.skus.cap, quantity: 1 }] },
      });
      expect(c.status, JSON.stringify(c.body)).toBe(201);
      await t.api('PUT', `/api/carts/${c.body.id}/delivery`, {
        key: f.keys.tillAms,
        body: { type: 'pickup', locationId: f.locations.amsterdam.id },
      });
      const refused = await sell(c.body.id, { payments: [{ provider: 'manual', amount: 1, tendered: 5 }] });
      expect(refused.status, JSON.stringify(refused.body)).toBe(422);
      expect(refused.body).toMatchObject({ code: 'tender_refused', reason: 'counter_sale_only' });
    });
  },
  { config: { paymentProviders: ['manual', 'external'] } },
);
