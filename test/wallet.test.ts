// One wallet per customer on every channel (issue 14, item 4), through the HTTP API on both
// databases: points earned on paid orders by the loyalty rules, shown to the shopper, the till and
// the admin; spent as a tender online (signed in) and at the till; gift cards issued, checked and
// spent in part; refunds back onto the wallet and points reversed, once; store credit from a till
// return spent by its code; two checkouts spending the same balance → one refused; every route's
// refusals. And imported marketplace discounts count towards promotion limits.
import { beforeAll, expect, it } from 'vitest';
import type { HubConfig } from '../src/platform/config.js';
import { buildCommerceFixture, type CommerceFixture } from './helpers/commerce-fixture.js';
import { eventually } from './helpers/eventually.js';
import { captureMail } from './helpers/smtp-capture-hooks.js';
import { describeEachHub } from './helpers/test-hub.js';

const config: Partial<HubConfig> = {
  paymentProviders: ['manual', 'test'],
  mailFrom: 'Shop <shop@example.test>',
};
const smtp = captureMail(config);

const ship = {
  type: 'ship',
  method: 'standard',
  address: { line1: 'Damrak 1', postalCode: '1012 LG', city: 'Amsterdam', country: 'NL' },
};
const card = { provider: 'test', token: 'tok_visa' };

describeEachHub(
  'wallet: points, gift cards and store credit on every channel',
  (t) => {
    let f: CommerceFixture;
    let till: string; // the Amsterdam till, with wallet:write
    let tillSto: string; // the Stockholm till, with wallet:read
    let noWallet: string; // a key without the wallet scopes
    let pk: string; // the webshop's publishable key
    let anaToken: string;
    let boToken: string;
    let ana: string;
    let bo: string;
    const anaEmail = `ana.${Math.random().toString(36).slice(2)}@example.test`;
    const boEmail = `bo.${Math.random().toString(36).slice(2)}@example.test`;

    const ok = async (method: string, path: string, body?: unknown, key?: string, expected = [200, 201]) => {
      const r = await t.api(method, path, { body, ...(key ? { key } : {}) });
      expect(expected, `${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`).toContain(r.status);
      return r.body;
    };
    const walletOf = (id: string) => ok('GET', `/api/customers/${id}/wallet`);
    const pointsOf = async (id: string) => (await walletOf(id)).points?.balance ?? 0;
    const shippedCart = async (key: string, sku: string, quantity = 1) => {
      const c = await ok('POST', '/api/carts', { lines: [{ sku, quantity }] }, key);
      await ok('PUT', `/api/carts/${c.id}/delivery`, ship, key);
      return c.id as string;
    };
    const signIn = async (email: string) => {
      await ok('POST', '/api/shopper/sign-in', { email }, pk, [202]);
      const code = await smtp.signInCode(email);
      return (await ok('POST', '/api/shopper/sign-in/verify', { email, code }, pk)).token as string;
    };

    beforeAll(async () => {
      f = await buildCommerceFixture(t, `WAL${t.kind === 'pglite' ? 'L' : 'P'}`, {
        tee: { warehouse: 200, amsterdam: 50 },
        mug: { warehouse: 200, amsterdam: 50 },
        cap: { warehouse: 200, amsterdam: 50 },
      });
      const key = async (name: string, scopes: string[], channelId: string | null, kind = 'secret') =>
        (await ok('POST', '/api/keys', { name: `${name}-${t.kind}`, kind, scopes, channelId }))
          .secret as string;
      till = await key(
        'wallet-till',
        ['carts:write', 'orders:write', 'customers:read', 'wallet:write'],
        f.channels.tillAms.id,
      );
      tillSto = await key('wallet-till-sto', ['carts:write', 'wallet:read'], f.channels.tillSto.id);
      noWallet = await key('no-wallet', ['carts:write', 'orders:write', 'customers:read'], null);
      pk = await key('web-pk', [], f.channels.web.id, 'publishable');
      await ok('PUT', '/api/wallet/loyalty-rules', {
        pointsPerUnit: 1,
        channels: { [f.channels.app.id]: 2 },
        tiers: [{ code: 'silver', name: 'Silver', threshold: 50, multiplier: 1.5 }],
        pointValue: { EUR: 1 },
      });
    });

    it('a paid order earns points by the rules (double on the app), and reaching a tier is an event', async () => {
      const id = await shippedCart(f.keys.app, f.skus.tee, 2);
      const done = await ok(
        'POST',
        `/api/carts/${id}/checkout`,
        { email: anaEmail, payment: card },
        f.keys.app,
      );
      ana = done.order.customerId;
      const expected = Math.floor(done.order.totals.grand / 100) * 2;
      expect(
        await eventually(
          () => pointsOf(ana),
          (p) => p > 0,
        ),
      ).toBe(expected);
      const w = await walletOf(ana);
      expect(w.points).toMatchObject({
        balance: expected,
        lifetime: expected,
        tier: 'silver',
        nextTier: null,
      });
      // The log shows an event once every transaction that began before its own has ended: on a busy
      // PostgreSQL a background transaction may still be open when the points are already readable.
      const tierReached = await eventually(
        async () =>
          (await ok('GET', '/api/events?types=loyalty.tier_reached&limit=100')).items.map(
            (e: { data: { customerId: string } }) => e.data.customerId,
          ) as string[],
        (ids) => ids.includes(ana),
      );
      expect(tierReached).toContain(ana);
      // Bo buys on the webshop: one point per euro.
      const web = await shippedCart(f.keys.web, f.skus.mug);
      bo = (await ok('POST', `/api/carts/${web}/checkout`, { email: boEmail, payment: card }, f.keys.web))
        .order.customerId;
      expect(
        await eventually(
          () => pointsOf(bo),
          (p) => p > 0,
        ),
      ).toBeGreaterThan(0);
    });

    it('the shopper sees their own wallet only; the till sees it once the customer stands at its counter', async () => {
      anaToken = await signIn(anaEmail);
      boToken = await signIn(boEmail);
      const mine = await ok('GET', '/api/me/wallet', undefined, anaToken);
      expect(mine).toMatchObject({ customerId: ana, points: { balance: await pointsOf(ana) } });
      expect((await ok('GET', '/api/me/wallet', undefined, boToken)).customerId).toBe(bo);
      // A shopper cannot name a customer; a publishable key neither; no key: 401.
      for (const key of [boToken, pk]) {
        const r = await t.api('GET', `/api/customers/${ana}/wallet`, { key });
        expect(r.status).toBe(403);
        expect(r.body.code).toBe('key_kind_forbidden');
      }
      expect((await t.api('GET', `/api/customers/${ana}/wallet`, { key: null })).status).toBe(401);
      expect((await t.api('GET', '/api/me/wallet', { key: null })).status).toBe(401);
      expect((await t.api('GET', '/api/me/wallet', { key: till })).body.code).toBe('key_kind_forbidden');
      // A key without wallet scopes: 403 forbidden.
      expect((await t.api('GET', `/api/customers/${ana}/wallet`, { key: noWallet })).body.code).toBe(
        'forbidden',
      );
      // Another channel's till has never seen Ana: not found to it.
      expect((await t.api('GET', `/api/customers/${ana}/wallet`, { key: tillSto })).status).toBe(404);
      // At the Amsterdam counter the clerk identifies her (email): now the till sees her wallet.
      const c = await ok('POST', '/api/carts', { lines: [{ sku: f.skus.cap, quantity: 1 }] }, till);
      await ok(
        'POST',
        `/api/carts/${c.id}/identify`,
        { identifiers: [{ type: 'email', value: anaEmail }], strategy: 'keep_both' },
        till,
      );
      expect((await ok('GET', `/api/customers/${ana}/wallet`, undefined, till)).points.balance).toBe(
        await pointsOf(ana),
      );
    });

    it('points pay part of a till sale for the customer the clerk found; the rest is cash', async () => {
      const before = await pointsOf(ana);
      const c = await ok('POST', '/api/carts', { lines: [{ sku: f.skus.cap, quantity: 1 }] }, till);
      await ok(
        'POST',
        `/api/carts/${c.id}/identify`,
        { identifiers: [{ type: 'email', value: anaEmail }], strategy: 'keep_both' },
        till,
      );
      await ok('PUT', `/api/carts/${c.id}/delivery`, { type: 'carry_out' }, till);
      const quote = await ok('GET', `/api/carts/${c.id}/quote`, undefined, till);
      const part = Math.min(before, quote.grand - 100);
      const done = await ok(
        'POST',
        `/api/carts/${c.id}/checkout`,
        { wallet: [{ kind: 'points', amount: part }], payment: { provider: 'manual' } },
        till,
      );
      expect(done.payments.map((p: { provider: string; amount: number }) => [p.provider, p.amount])).toEqual([
        ['manual', quote.grand - part],
        ['loyalty_points', part],
      ]);
      expect(done.order.status).toBe('completed');
      // Spent now; earned later on the cash part only (1 per euro on the till).
      const earnedBack = Math.floor(((quote.grand - part) / 100) * 1.5);
      expect(
        await eventually(
          () => pointsOf(ana),
          (p) => p === before - part + earnedBack,
        ),
      ).toBe(before - part + earnedBack);
    });

    it('a storefront spends points only for its signed-in shopper (never by a cart token alone)', async () => {
      const created = await ok('POST', '/api/carts', { lines: [{ sku: f.skus.mug, quantity: 1 }] }, pk);
      const headers = { 'x-cart-token': created.cartToken };
      const put = await t.api('PUT', `/api/carts/${created.id}/delivery`, { key: pk, body: ship, headers });
      expect(put.status).toBe(200);
      const body = { wallet: [{ kind: 'points', amount: 20 }], payment: card };
      const anon = await t.api('POST', `/api/carts/${created.id}/checkout`, { key: pk, body, headers });
      expect(anon.status).toBe(403);
      expect(anon.body.code).toBe('wallet_owner_unverified');
      // Signed in, the cart is bound to Ana, and her points pay part of it.
      const asAna = { ...headers, cookie: `omnihub_shopper=${anaToken}` };
      const bound = await t.api('POST', `/api/carts/${created.id}/identify`, {
        key: pk,
        body: { strategy: 'keep_both' },
        headers: asAna,
      });
      expect(bound.status, JSON.stringify(bound.body)).toBe(200);
      // Bo's session has no say over Ana's cart (nor her points).
      const asBo = { cookie: `omnihub_shopper=${boToken}` };
      const byBo = await t.api('POST', `/api/carts/${created.id}/checkout`, { key: pk, body, headers: asBo });
      expect(byBo.status).toBe(403);
      expect(byBo.body.code).toBe('cart_not_owned');
      const before = await pointsOf(ana);
      const paid = await t.api('POST', `/api/carts/${created.id}/checkout`, {
        key: pk,
        body,
        headers: asAna,
      });
      expect(paid.status, JSON.stringify(paid.body)).toBe(201);
      expect((await walletOf(ana)).points.balance).toBe(before - 20);
      expect(paid.body.payments.map((p: { provider: string }) => p.provider)).toEqual([
        'test',
        'loyalty_points',
      ]);
    });

    it('a gift card is issued at the till, checked by its code, spent in part online and refunded back once', async () => {
      const issued = await ok('POST', '/api/gift-cards', { amount: 5000, currency: 'EUR' }, till);
      expect(issued.code).toMatch(/^GC-/);
      expect(issued.account).toMatchObject({
        kind: 'gift_card',
        balance: 5000,
        codeHint: issued.code.slice(-4),
      });
      const checked = await ok('POST', '/api/gift-cards/balance', { code: issued.code.toLowerCase() }, pk);
      expect(checked).toMatchObject({ balance: 5000, currency: 'EUR', status: 'active' });
      const id = await shippedCart(f.keys.web, f.skus.tee);
      const done = await ok(
        'POST',
        `/api/carts/${id}/checkout`,
        { email: boEmail, wallet: [{ kind: 'gift_card', code: issued.code, amount: 1500 }], payment: card },
        f.keys.web,
      );
      expect(done.payments.map((p: { provider: string }) => p.provider)).toEqual(['test', 'gift_card']);
      expect((await ok('POST', '/api/gift-cards/balance', { code: issued.code }, pk)).balance).toBe(3500);
      // Bo earns on what the card paid, not on the gift card's part (the tier multiplier counts too).
      type Entry = { orderId: string; kind: string; amount: number };
      const boPoints = (await walletOf(bo)).points.accountId as string;
      const entries: Entry[] = await eventually(
        async () => (await ok('GET', `/api/wallet/accounts/${boPoints}/entries`)).items as Entry[],
        (items) => items.some((e) => e.orderId === done.order.id),
      );
      const earnedOnOrder = entries.find((e) => e.orderId === done.order.id && e.kind === 'earn')!.amount;
      expect(earnedOnOrder).toBeLessThanOrEqual(Math.floor(((done.order.totals.grand - 1500) / 100) * 1.5));
      const boBefore = await pointsOf(bo);
      // Cancelled: the card's part goes back onto the card, once; the order's points are taken back.
      await ok('POST', `/api/orders/${done.order.id}/cancel`, { reason: 'changed mind' });
      expect(
        await eventually(
          async () => (await ok('POST', '/api/gift-cards/balance', { code: issued.code }, pk)).balance,
          (b) => b === 5000,
        ),
      ).toBe(5000);
      expect(
        await eventually(
          () => pointsOf(bo),
          (p) => p === boBefore - earnedOnOrder,
        ),
      ).toBe(boBefore - earnedOnOrder);
      const ledger = await ok('GET', `/api/wallet/accounts/${issued.account.id}/entries`);
      expect(ledger.items.map((e: { kind: string; amount: number }) => [e.kind, e.amount])).toEqual([
        ['refund', 1500],
        ['redeem', -1500],
        ['issue', 5000],
      ]);
    });

    it('two checkouts spending the same gift card balance: one pays, the other is refused and keeps nothing', async () => {
      const { code, account } = await ok('POST', '/api/gift-cards', { amount: 1000, currency: 'EUR' }, till);
      const carts = await Promise.all([
        shippedCart(f.keys.web, f.skus.cap),
        shippedCart(f.keys.web, f.skus.cap),
      ]);
      const results = await Promise.all(
        carts.map((id) =>
          t.api('POST', `/api/carts/${id}/checkout`, {
            key: f.keys.web,
            body: { wallet: [{ kind: 'gift_card', code, amount: 1000 }], payment: card },
          }),
        ),
      );
      expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
      expect(results.find((r) => r.status === 409)!.body).toMatchObject({
        code: 'wallet_insufficient_balance',
        balance: 0,
      });
      const ledger = await ok('GET', `/api/wallet/accounts/${account.id}/entries`);
      expect(ledger.account.balance).toBe(0);
      expect(ledger.items).toHaveLength(2);
      // More than the sale, or another currency's card: refused before anything moves.
      const id = await shippedCart(f.keys.web, f.skus.cap);
      const tooMuch = await t.api('POST', `/api/carts/${id}/checkout`, {
        key: f.keys.web,
        body: { wallet: [{ kind: 'gift_card', code, amount: 10_000_000 }], payment: card },
      });
      expect(tooMuch.body).toMatchObject({ code: 'wallet_tender_refused', reason: 'wallet_exceeds_due' });
      const sek = await ok('POST', '/api/gift-cards', { amount: 1000, currency: 'SEK' }, till);
      const wrong = await t.api('POST', `/api/carts/${id}/checkout`, {
        key: f.keys.web,
        body: { wallet: [{ kind: 'gift_card', code: sek.code, amount: 100 }], payment: card },
      });
      expect(wrong.body).toMatchObject({ code: 'wallet_tender_refused', reason: 'wallet_currency_mismatch' });
      expect((await ok('POST', '/api/gift-cards/balance', { code: sek.code }, pk)).balance).toBe(1000);
    });

    it('store credit from a till return is on the ledger and pays by its code', async () => {
      const c = await ok('POST', '/api/carts', { lines: [{ sku: f.skus.mug, quantity: 1 }] }, till);
      await ok('PUT', `/api/carts/${c.id}/delivery`, { type: 'carry_out' }, till);
      const sold = await ok('POST', `/api/carts/${c.id}/checkout`, { payment: { provider: 'manual' } }, till);
      const returned = await ok(
        'POST',
        `/api/orders/${sold.order.id}/returns`,
        {
          lines: [{ sku: f.skus.mug, quantity: 1 }],
          location: f.locations.amsterdam.id,
          refundMethod: 'store_credit',
        },
        till,
      );
      const credit = returned.storeCredit;
      const balance = await eventually(
        () => t.api('POST', '/api/gift-cards/balance', { key: pk, body: { code: credit.code } }),
        (r) => r.status === 200,
      );
      expect(balance.body).toMatchObject({ kind: 'store_credit', balance: credit.issuedAmount });
      const id = await shippedCart(f.keys.web, f.skus.tee);
      const paid = await ok(
        'POST',
        `/api/carts/${id}/checkout`,
        { wallet: [{ kind: 'store_credit', code: credit.code, amount: credit.issuedAmount }], payment: card },
        f.keys.web,
      );
      expect(paid.payments.map((p: { provider: string }) => p.provider)).toEqual(['test', 'store_credit']);
      expect((await ok('POST', '/api/gift-cards/balance', { code: credit.code }, pk)).balance).toBe(0);
    });

    it('guessing codes is refused after ten unknown ones, a good code too', async () => {
      const guesser = (
        await ok('POST', '/api/keys', {
          name: `guess-${t.kind}`,
          kind: 'publishable',
          channelId: f.channels.web.id,
          scopes: [],
        })
      ).secret;
      const { code } = await ok('POST', '/api/gift-cards', { amount: 100, currency: 'EUR' }, till);
      for (let i = 0; i < 10; i++) {
        const r = await t.api('POST', '/api/gift-cards/balance', {
          key: guesser,
          body: { code: `GC-NOPE${i}XYZ` },
        });
        expect(r.body.code).toBe('wallet_code_unknown');
      }
      const r = await t.api('POST', '/api/gift-cards/balance', { key: guesser, body: { code } });
      expect(r.status).toBe(429);
      expect(r.body.code).toBe('wallet_lookups_limited');
      // Bad shapes: the field is named, nothing is looked up.
      const bad = await t.api('POST', '/api/gift-cards/balance', { key: pk, body: { code: 'a\u0000b' } });
      expect(bad.status).toBe(400);
    });

    it('refuses every wallet route to the wrong caller', async () => {
      const anon = { key: null };
      for (const [method, path, body] of [
        ['POST', '/api/gift-cards', { amount: 100, currency: 'EUR' }],
        ['PUT', '/api/wallet/loyalty-rules', {}],
        ['GET', '/api/wallet/loyalty-rules', undefined],
        ['POST', '/api/gift-cards/balance', { code: 'GC-XXXX' }],
      ] as const) {
        expect((await t.api(method, path, { ...anon, body })).status).toBe(401);
      }
      // A publishable key may check a balance, never issue a card or read a ledger.
      expect(
        (await t.api('POST', '/api/gift-cards', { key: pk, body: { amount: 100, currency: 'EUR' } })).body
          .code,
      ).toBe('key_kind_forbidden');
      expect(
        (await t.api('POST', '/api/gift-cards', { key: noWallet, body: { amount: 100, currency: 'EUR' } }))
          .body.code,
      ).toBe('forbidden');
      // Hub-wide settings and adjustments: not for a channel's key.
      const { account } = await ok('POST', '/api/gift-cards', { amount: 100, currency: 'EUR' }, till);
      for (const [method, path, body] of [
        ['PUT', '/api/wallet/loyalty-rules', { pointsPerUnit: 5 }],
        ['GET', `/api/wallet/accounts/${account.id}/entries`, undefined],
        ['POST', `/api/wallet/accounts/${account.id}/adjustments`, { amount: 5, reason: 'x' }],
      ] as const) {
        const r = await t.api(method, path, { key: till, body });
        expect(r.status, path).toBe(403);
        expect(r.body.code).toBe('channel_forbidden');
      }
      // The admin adjusts with a reason; a debit beyond the balance is refused; bad input names the field.
      const adj = await ok('POST', `/api/wallet/accounts/${account.id}/adjustments`, {
        amount: 250,
        reason: 'goodwill',
      });
      expect(adj).toMatchObject({ kind: 'adjust', amount: 250, balanceAfter: 350, reason: 'goodwill' });
      const over = await t.api('POST', `/api/wallet/accounts/${account.id}/adjustments`, {
        body: { amount: -351, reason: 'x' },
      });
      expect(over.status).toBe(409);
      const huge = await t.api('POST', `/api/wallet/accounts/${account.id}/adjustments`, {
        body: { amount: 1e12, reason: 'x' },
      });
      expect(huge.status).toBe(400);
      expect(JSON.stringify(huge.body)).toContain('amount');
    });

    it("an imported marketplace order records the marketplace's discount and counts towards the code's limit", async () => {
      const campaign = await ok('POST', '/api/promotions/campaigns', {
        name: `Marketplace 5 ${t.kind}`,
        kind: 'code',
        benefit: { type: 'fixed', amount: 500 },
        currency: 'EUR',
        usageLimit: 10,
      });
      await ok('POST', `/api/promotions/campaigns/${campaign.id}/codes`, {
        code: `MKT5${t.kind.toUpperCase()}`,
        usageLimit: 1,
      });
      const imported = await ok('POST', '/api/orders/import', {
        channelId: f.channels.app.id,
        externalSource: 'marketplace',
        externalId: `mk-${t.kind}-1`,
        currency: 'EUR',
        lines: [
          { sku: f.skus.tee, quantity: 1, unitPrice: 3000 },
          { sku: f.skus.mug, quantity: 1, unitPrice: 1000 },
        ],
        discounts: [{ code: `mkt5${t.kind}`, amount: 500 }],
        paid: true,
      });
      expect(imported.totals).toMatchObject({ items: 4000, discount: 500, grand: 3500 });
      expect(imported.lines.map((l: { discount: number }) => l.discount)).toEqual([375, 125]);
      expect((await ok('GET', `/api/promotions/campaigns/${campaign.id}`)).used).toBe(1);
      // Re-delivered: nothing counted twice.
      await ok('POST', '/api/orders/import', {
        channelId: f.channels.app.id,
        externalSource: 'marketplace',
        externalId: `mk-${t.kind}-1`,
        currency: 'EUR',
        lines: [{ sku: f.skus.tee, quantity: 1, unitPrice: 3000 }],
        discounts: [{ code: `mkt5${t.kind}`, amount: 500 }],
        paid: true,
      });
      expect((await ok('GET', `/api/promotions/campaigns/${campaign.id}`)).used).toBe(1);
    });
  },
  { config },
);
