// Who may pay with which provider, end to end: the hub enables `test` and `external` only when told
// to, each channel lists the providers it accepts, and a key that lives in a browser can never mark
// an order paid (no `manual`, no `external`). Every refusal writes nothing.
//
// Publishable keys do not exist yet (the auth rewrite adds the key kind), and an API key row cannot
// carry a kind today, so the publishable cases call the commerce flows of the running hub with a
// publishable actor instead of going through HTTP; the HTTP form follows once keys have kinds.
import { expect, it } from 'vitest';
import type { Actor } from '../src/platform/context.js';
import { withActor } from '../src/platform/context.js';
import { buildCommerceFixture, type CommerceFixture } from './helpers/commerce-fixture.js';
import { describeEachHub, type TestHub } from './helpers/test-hub.js';

const ship = {
  type: 'ship',
  method: 'standard',
  address: { line1: 'Damrak 1', postalCode: '1012 LG', city: 'Amsterdam', country: 'NL' },
};
// State changes a refused payment must not leave behind (background sweeps write other types).
const WRITES = 'order.*,payment.*,cart.*,customer.*,inventory.*';

/** Helpers over one hub and its fixture. */
function shop(t: TestHub, f: () => CommerceFixture) {
  const helpers = {
    async cart(key: string, sku: string, delivery: unknown = ship): Promise<string> {
      const c = await t.api('POST', '/api/carts', { key, body: { lines: [{ sku, quantity: 1 }] } });
      expect(c.status, JSON.stringify(c.body)).toBe(201);
      const d = await t.api('PUT', `/api/carts/${c.body.id}/delivery`, { key, body: delivery });
      expect(d.status, JSON.stringify(d.body)).toBe(200);
      return c.body.id as string;
    },
    checkout: (key: string, cartId: string, payment: { provider: string; token?: string }, email?: string) =>
      t.api('POST', `/api/carts/${cartId}/checkout`, {
        key,
        body: { payment, ...(email ? { email } : {}) },
      }),
    /** A cursor at the end of the event log. */
    async logEnd(): Promise<string> {
      let after = '';
      for (;;) {
        const page = await t.api('GET', `/api/events?limit=1000${after ? `&after=${after}` : ''}`);
        if (page.body.items.length === 0) return after;
        after = page.body.next;
      }
    },
    async writesSince(cursor: string): Promise<string[]> {
      const page = await t.api('GET', `/api/events?after=${cursor}&types=${WRITES}`);
      return page.body.items.map((e: { type: string }) => e.type);
    },
    /** The cart is untouched: still active, its holds still held, no order for it. */
    async expectCartUntouched(cartId: string) {
      const cart = await t.api('GET', `/api/carts/${cartId}`);
      expect(cart.body).toMatchObject({ status: 'active', orderId: null });
      expect(cart.body.lines.map((l: { holdStatus: string }) => l.holdStatus)).toEqual(['held']);
      const orders = await t.api('GET', '/api/orders?limit=200');
      expect(orders.body.items.filter((o: { cartId: string }) => o.cartId === cartId)).toEqual([]);
    },
    keys: () => f().keys,
  };
  return helpers;
}

describeEachHub('payments: the default hub enables only manual', (t) => {
  let f: CommerceFixture;
  const s = shop(t, () => f);

  it('builds a retailer whose webshop accepts test cards', async () => {
    f = await buildCommerceFixture(t, 'PD');
    expect((await t.api('GET', `/api/channels/${f.channels.web.id}`)).body.paymentProviders).toEqual([
      'test',
    ]);
  });

  it('refuses test and external at checkout with payment_provider_disabled, writing nothing', async () => {
    const cartId = await s.cart(f.keys.web, f.skus.tee);
    const cursor = await s.logEnd();
    for (const payment of [{ provider: 'test', token: 'tok_visa' }, { provider: 'external' }]) {
      const refused = await s.checkout(f.keys.web, cartId, payment, 'refused-pd@example.com');
      expect(refused.status, JSON.stringify(refused.body)).toBe(422);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.body).toMatchObject({
        code: 'payment_provider_disabled',
        provider: payment.provider,
        enabled: ['manual'],
      });
    }
    expect(await s.writesSince(cursor)).toEqual([]);
    await s.expectCartUntouched(cartId);
    const customers = await t.api('GET', '/api/customers?email=refused-pd@example.com');
    expect(customers.body.items).toEqual([]);
  });

  it('still sells at the till: cash with manual, paid and completed at once', async () => {
    const cartId = await s.cart(f.keys.tillAms, f.skus.mug, { type: 'carry_out' });
    const sold = await s.checkout(f.keys.tillAms, cartId, { provider: 'manual' });
    expect(sold.status, JSON.stringify(sold.body)).toBe(201);
    expect(sold.body.order.status).toBe('completed');
    expect(sold.body.order.paidAmount).toBe(sold.body.order.totals.grand);
  });

  it('still imports marketplace orders paid there (recorded as external, which payers cannot choose)', async () => {
    const imported = await t.api('POST', '/api/orders/import', {
      body: {
        channelId: f.channels.web.id,
        externalSource: 'bol',
        externalId: 'PD-1',
        currency: 'EUR',
        lines: [{ sku: f.skus.cap, quantity: 1, unitPrice: 1800 }],
      },
    });
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    expect(imported.body.status).toBe('allocated');
    const payments = await t.api('GET', `/api/orders/${imported.body.id}/payments`);
    expect(payments.body.payments).toMatchObject([{ provider: 'external', status: 'captured' }]);
  });
});

describeEachHub(
  'payments: channels accept their own providers; browser keys never mark orders paid',
  (t) => {
    let f: CommerceFixture;
    const s = shop(t, () => f);
    let pendingWebOrder: string;

    it('builds a retailer; a new channel accepts manual until told otherwise; lists are validated', async () => {
      f = await buildCommerceFixture(t, 'PC');
      const plain = await t.api('POST', '/api/channels', {
        body: { code: 'plain-pc', name: 'Plain', type: 'web', currency: 'EUR', locales: ['en'] },
      });
      expect(plain.status).toBe(201);
      expect(plain.body.paymentProviders).toEqual(['manual']);
      const twice = await t.api('POST', '/api/channels', {
        body: {
          code: 'twice-pc',
          name: 'Twice',
          type: 'web',
          currency: 'EUR',
          locales: ['en'],
          paymentProviders: ['test', 'test'],
        },
      });
      expect(twice.status).toBe(400);
      const bad = await t.api('PATCH', `/api/channels/${plain.body.id}`, {
        body: { paymentProviders: ['Card Terminal'] },
      });
      expect(bad.status).toBe(400);
      const none = await t.api('PATCH', `/api/channels/${plain.body.id}`, { body: { paymentProviders: [] } });
      expect(none.status).toBe(200);
      expect(none.body.paymentProviders).toEqual([]);
    });

    it('refuses a provider the channel does not accept with payment_provider_not_accepted, writing nothing', async () => {
      const webCart = await s.cart(f.keys.web, f.skus.tee);
      const tillCart = await s.cart(f.keys.tillAms, f.skus.tee, { type: 'carry_out' });
      const cursor = await s.logEnd();
      const manualOnline = await s.checkout(
        f.keys.web,
        webCart,
        { provider: 'manual' },
        'nope-pc@example.com',
      );
      expect(manualOnline.status, JSON.stringify(manualOnline.body)).toBe(422);
      expect(manualOnline.body).toMatchObject({
        code: 'payment_provider_not_accepted',
        provider: 'manual',
        channelId: f.channels.web.id,
        accepted: ['test'],
      });
      const cardAtTill = await s.checkout(f.keys.tillAms, tillCart, { provider: 'test', token: 'tok_visa' });
      expect(cardAtTill.status).toBe(422);
      expect(cardAtTill.body).toMatchObject({
        code: 'payment_provider_not_accepted',
        accepted: ['manual', 'external'],
      });
      expect(await s.writesSince(cursor)).toEqual([]);
      await s.expectCartUntouched(webCart);
      await s.expectCartUntouched(tillCart);
      expect((await t.api('GET', '/api/customers?email=nope-pc@example.com')).body.items).toEqual([]);
    });

    it('accepts what the channel lists: test cards online, the till’s card terminal (external)', async () => {
      const online = await s.checkout(f.keys.web, await s.cart(f.keys.web, f.skus.tee), {
        provider: 'test',
        token: 'tok_visa',
      });
      expect(online.status, JSON.stringify(online.body)).toBe(201);
      expect(online.body.order).toMatchObject({ status: 'allocated' });
      const terminal = await s.checkout(
        f.keys.tillAms,
        await s.cart(f.keys.tillAms, f.skus.mug, { type: 'carry_out' }),
        { provider: 'external' },
      );
      expect(terminal.status, JSON.stringify(terminal.body)).toBe(201);
      expect(terminal.body.payment).toMatchObject({ provider: 'external', status: 'captured' });
      expect(terminal.body.order.paidAmount).toBe(terminal.body.order.totals.grand);
    });

    it('PATCH paymentProviders changes what checkout accepts at once', async () => {
      const patched = await t.api('PATCH', `/api/channels/${f.channels.web.id}`, {
        body: { paymentProviders: ['test', 'manual'] },
      });
      expect(patched.status).toBe(200);
      expect(patched.body.paymentProviders).toEqual(['test', 'manual']);
      const placed = await s.checkout(f.keys.web, await s.cart(f.keys.web, f.skus.cap), {
        provider: 'manual',
      });
      expect(placed.status, JSON.stringify(placed.body)).toBe(201);
      expect(placed.body.order.status).toBe('pending');
      pendingWebOrder = placed.body.order.id;
    });

    it('paying a pending order: the paying channel must accept the provider; a till pays only at its store', async () => {
      const refused = await t.api('POST', `/api/orders/${pendingWebOrder}/payments`, {
        body: { provider: 'external' },
      });
      expect(refused.status).toBe(422);
      expect(refused.body).toMatchObject({
        code: 'payment_provider_not_accepted',
        channelId: f.channels.web.id,
      });
      expect((await t.api('GET', `/api/orders/${pendingWebOrder}`)).body.status).toBe('pending');
      // A till takes payment only for orders picked up at its own store; this one ships.
      const elsewhere = await t.api('POST', `/api/orders/${pendingWebOrder}/payments`, {
        key: f.keys.tillAms,
        body: { provider: 'external' },
      });
      expect(elsewhere.status).toBe(404);
      expect((await t.api('GET', `/api/orders/${pendingWebOrder}`)).body.status).toBe('pending');
    });

    it('a publishable key cannot pay with external or manual; test (a card) goes through', async () => {
      await t.api('PATCH', `/api/channels/${f.channels.web.id}`, {
        body: { paymentProviders: ['test', 'manual', 'external'] },
      });
      const ctx = publishableCtx(t, f.channels.web.id, 'publishable');
      const { checkout } = t.hub.services.commerce.checkout;
      const cartId = await s.cart(f.keys.web, f.skus.tee);
      const cursor = await s.logEnd();
      for (const provider of ['external', 'manual']) {
        await expect(
          checkout(ctx, cartId, { payment: { provider }, email: 'pub@example.com' }),
        ).rejects.toMatchObject({
          code: 'payment_provider_forbidden',
          status: 403,
          details: { provider, keyKind: 'publishable' },
        });
      }
      const shopper = publishableCtx(t, f.channels.web.id, 'shopper');
      await expect(checkout(shopper, cartId, { payment: { provider: 'external' } })).rejects.toMatchObject({
        code: 'payment_provider_forbidden',
      });
      expect(await s.writesSince(cursor)).toEqual([]);
      await s.expectCartUntouched(cartId);
      const card = await checkout(ctx, cartId, { payment: { provider: 'test', token: 'tok_visa' } });
      expect(card.ok && card.value.order.status).toBe('allocated');
    });

    it('a publishable key cannot pay a pending order nor import one as paid elsewhere', async () => {
      const placed = await s.checkout(f.keys.web, await s.cart(f.keys.web, f.skus.mug), {
        provider: 'manual',
      });
      expect(placed.status).toBe(201);
      const orderId = placed.body.order.id as string;
      const ctx = publishableCtx(t, f.channels.web.id, 'publishable');
      for (const provider of ['manual', 'external']) {
        await expect(
          t.hub.services.commerce.orderActions.pay(ctx, orderId, { provider }),
        ).rejects.toMatchObject({
          code: 'payment_provider_forbidden',
        });
      }
      expect((await t.api('GET', `/api/orders/${orderId}`)).body).toMatchObject({
        status: 'pending',
        paidAmount: 0,
      });
      const payments = await t.api('GET', `/api/orders/${orderId}/payments`);
      expect(payments.body.payments.map((p: { status: string }) => p.status)).toEqual(['pending']);
      await expect(
        t.hub.services.commerce.importOrder.importOrder(ctx, {
          channelId: f.channels.web.id,
          externalSource: 'browser',
          externalId: 'PUB-1',
          email: 'pub-import@example.com',
          currency: 'EUR',
          lines: [{ sku: f.skus.cap, quantity: 1, unitPrice: 1 }],
          paid: true,
        }),
      ).rejects.toMatchObject({ code: 'payment_provider_forbidden' });
      const orders = await t.api('GET', '/api/orders?limit=200');
      expect(orders.body.items.filter((o: { externalId: string }) => o.externalId === 'PUB-1')).toEqual([]);
      expect((await t.api('GET', '/api/customers?email=pub-import@example.com')).body.items).toEqual([]);
    });
  },
  { config: { paymentProviders: ['manual', 'test', 'external'] } },
);

/** The actor a publishable key (or a shopper session) of the channel will be once keys have kinds. */
function publishableCtx(t: TestHub, channelId: string, keyKind: 'publishable' | 'shopper') {
  const actor: Actor = {
    kind: 'api_key',
    id: `key_${keyKind}_test`,
    name: `storefront (${keyKind})`,
    scopes: ['carts:write'],
    channelId,
    keyKind,
  };
  return withActor(t.hub.systemCtx(), actor);
}
