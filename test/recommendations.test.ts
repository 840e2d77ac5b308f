// Recommendations end to end on both databases: orders of every channel (the till's too) and product
// views counted from the event log into "bought / viewed together", served beside a product on the
// storefront (publishable key), for a till sale's SKUs and for a customer; only what the asking
// channel can sell (listed unless a store, priced, in stock); best sellers when history says nothing;
// answers follow new history at once; a rebuild from log position 0 counts the same. Refusals: no
// key, wrong scope, another channel's key, a publishable key on the customer read. The next best
// message for a signed-in shopper (/me) and a till sale's customer (/carts/:id), with their refusals.
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  rebuildRecommendations,
  startRecommendationsProjection,
} from '../src/flows/recommendations/index.js';
import type { HubConfig } from '../src/platform/config.js';
import { inTransaction } from '../src/platform/context.js';
import { appendEvents } from '../src/platform/events/event-log.js';
import { type SmtpCapture, startSmtpCapture } from './helpers/smtp-capture.js';
import { describeEachHub, ok } from './helpers/test-hub.js';

// Shoppers sign in with a code sent by mail (the next best message on /me).
let smtp: SmtpCapture;
const config: Partial<HubConfig> = {};
beforeAll(async () => {
  smtp = await startSmtpCapture();
  config.smtpUrl = smtp.url;
});
afterAll(async () => smtp?.close());

const CATALOG = `kind,handle,locale,title,sku,options,price_list,channel,currency,amount,location,quantity
${[1, 2, 3, 4, 5, 6]
  .map(
    (i) => `product,rec-${i},en,Item ${i},,,,,,,,
variant,rec-${i},,,REC-${i},,,,,,,
price,,,,REC-${i},,rec-eur,,EUR,${1000 + i},,
${i === 5 ? '' : `stock,,,,REC-${i},,,,,,rec-wh,10\n`}${i === 4 ? '' : `listing,rec-${i},,,,,,rec-shop,,,,\n`}`,
  )
  .join('')}`;

const HEADER =
  'order_id,source,placed_at,status,currency,email,sku,title,quantity,unit_price,shipping,discount\n';
/** Orders of SKU sets, numbered `<prefix>-<i>`. */
function orders(
  prefix: string,
  baskets: number[][],
  email = (i: number) => `rec-${prefix}-${i}@example.com`,
) {
  const rows = [HEADER];
  baskets.forEach((skus, i) => {
    const at = new Date(Date.parse('2026-01-01T00:00:00Z') + i * 3_600_000).toISOString();
    skus.forEach((s, j) => {
      rows.push(
        j === 0
          ? `${prefix}-${i},hist,${at},completed,EUR,${email(i)},REC-${s},Item ${s},1,1000,0,0\n`
          : `${prefix}-${i},,,,,,REC-${s},Item ${s},1,1000,,\n`,
      );
    });
  });
  return rows.join('');
}

describeEachHub(
  'recommendations',
  (t) => {
    const ids: Record<string, string> = {};
    const keys: Record<string, string> = {};
    const importOrders = async (channel: string, csv: string) => {
      const r = await t.api('POST', `/api/imports/orders?channel=${channel}&source=rec.csv`, {
        body: csv,
        headers: { 'content-type': 'text/csv' },
      });
      expect(r.body.status, JSON.stringify(r.body)).toBe('completed');
      await t.hub.recommendationsProjection.caughtUp();
    };
    const handles = (body: { items: Array<{ product: { handle: string } }> }) =>
      body.items.map((i) => i.product.handle);

    it('sets up a shop, a till, another shop, six products and cross-channel history', async () => {
      const list = await ok(t, 'POST', '/api/catalog/price-lists', {
        code: 'rec-eur',
        name: 'EUR',
        currency: 'EUR',
      });
      for (const [code, type] of [
        ['rec-shop', 'web'],
        ['rec-till', 'store'],
        ['rec-other', 'web'],
      ] as const)
        ids[code] = (
          await ok(t, 'POST', '/api/channels', {
            code,
            name: code,
            type,
            currency: 'EUR',
            locales: ['en'],
            priceListId: list.id,
          })
        ).id;
      const wh = await ok(t, 'POST', '/api/inventory/locations', {
        code: 'rec-wh',
        name: 'Warehouse',
        type: 'warehouse',
      });
      for (const code of ['rec-shop', 'rec-till', 'rec-other'])
        await ok(t, 'PUT', `/api/inventory/channels/${ids[code]}/sourcing`, {
          locationIds: [wh.id],
          safetyBuffer: 0,
        });
      const imported = await t.api('POST', '/api/imports?format=csv', {
        body: CATALOG,
        headers: { 'content-type': 'text/csv' },
      });
      expect(imported.status, JSON.stringify(imported.body)).toBe(201);
      for (const p of [1, 2, 3, 4, 5, 6])
        ids[`p${p}`] = (await ok(t, 'GET', `/api/catalog/products/rec-${p}`)).id;
      const key = async (body: Record<string, unknown>) =>
        (await ok(t, 'POST', '/api/keys', { name: `rec-${Object.keys(keys).length}`, ...body }))
          .secret as string;
      keys.shop = await key({ kind: 'publishable', channelId: ids['rec-shop'] });
      keys.other = await key({ kind: 'publishable', channelId: ids['rec-other'] });
      keys.till = await key({ scopes: ['catalog:read', 'carts:write'], channelId: ids['rec-till'] });
      keys.noScope = await key({ scopes: ['orders:read'] });
      keys.messages = await key({ scopes: ['customers:read'], channelId: ids['rec-shop'] });
      // The shop: 1 with 2 three times, 1 with 4 twice, 1 with 5 once; the till: 1 with 3 three times.
      await importOrders('rec-shop', orders('S', [[1, 2], [1, 2], [1, 2], [1, 4], [1, 4], [1, 5], [6]]));
      await importOrders(
        'rec-till',
        orders('T', [
          [1, 3],
          [1, 3],
          [1, 3],
        ]),
      );
    });

    it('beside a product: bought together on any channel, only what the shop can sell (publishable key)', async () => {
      const r = await t.api('GET', '/api/channels/rec-shop/products/rec-1/recommendations?limit=3', {
        key: keys.shop,
      });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      // 3 (till history) and 2 score 9; 4 is not listed on the shop, 5 has no stock; 6 fills as a best seller.
      expect(handles(r.body).slice(0, 2).sort()).toEqual(['rec-2', 'rec-3']);
      expect(r.body.items.slice(0, 2).map((i: { reason: string }) => i.reason)).toEqual([
        'bought_together',
        'bought_together',
      ]);
      expect(r.body.items[2]).toMatchObject({ reason: 'best_seller', product: { handle: 'rec-6' } });
      expect(r.body.items[0].product.variants[0].price).toMatchObject({ currency: 'EUR' });
      // The kept answer goes out as the channel pages do: gzip-compressed to a client that accepts it.
      const zipped = await t.hub.http.inject({
        method: 'GET',
        url: '/api/channels/rec-shop/products/rec-1/recommendations?limit=3',
        headers: { authorization: `Bearer ${keys.shop}`, 'accept-encoding': 'gzip' },
      });
      expect(zipped.headers['content-encoding']).toBe('gzip');
      expect(JSON.parse(gunzipSync(zipped.rawPayload).toString('utf8'))).toEqual(r.body);
    });

    it('at the till: a sale’s SKUs get what goes with them, unlisted products included (a store sells what it holds)', async () => {
      const r = await t.api('GET', '/api/channels/rec-till/recommendations?sku=REC-1&limit=3', {
        key: keys.till,
      });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(handles(r.body).sort()).toEqual(['rec-2', 'rec-3', 'rec-4']);
      // An empty sale: the till's best sellers.
      const empty = await t.api('GET', '/api/channels/rec-till/recommendations?limit=2', { key: keys.till });
      expect(empty.body.items.map((i: { reason: string }) => i.reason)).toEqual([
        'best_seller',
        'best_seller',
      ]);
      expect(handles(empty.body)[0]).toBe('rec-1');
    });

    it('cold start: a product bought alone gets the channel’s best sellers; an unlisted one is not found', async () => {
      // 3 was bought only at the till, with 1: the shop shows 1 beside it.
      const r = await ok(
        t,
        'GET',
        '/api/channels/rec-shop/products/rec-3/recommendations?limit=2',
        undefined,
        keys.shop,
      );
      expect(r.items[0]).toMatchObject({ reason: 'bought_together', product: { handle: 'rec-1' } });
      // 6 was only ever bought alone: the shop's best sellers (1 sold most).
      const cold = await ok(
        t,
        'GET',
        '/api/channels/rec-shop/products/rec-6/recommendations?limit=2',
        undefined,
        keys.shop,
      );
      expect(cold.items.map((i: { reason: string }) => i.reason)).toEqual(['best_seller', 'best_seller']);
      expect(handles(cold)[0]).toBe('rec-1');
      const hidden = await t.api('GET', '/api/channels/rec-other/products/rec-1/recommendations', {
        key: keys.other,
      });
      expect(hidden.status).toBe(404);
    });

    it('follows new history at once, views included, and a customer gets what goes with their orders', async () => {
      await importOrders(
        'rec-shop',
        orders('N', [
          [2, 6],
          [2, 6],
          [2, 6],
          [2, 6],
        ]),
      );
      const r = await ok(
        t,
        'GET',
        '/api/channels/rec-shop/products/rec-2/recommendations?limit=1',
        undefined,
        keys.shop,
      );
      expect(r.items[0]).toMatchObject({ reason: 'bought_together', product: { handle: 'rec-6' } });
      // Browsing: a shopper views 3 and 6 on the same day.
      const { writeKey } = await ok(t, 'POST', '/api/customers/sources', {
        channelId: ids['rec-shop'],
        name: 'rec-site',
      });
      const now = new Date().toISOString();
      const sent = await t.api('POST', '/v1/batch', {
        key: null,
        body: {
          writeKey,
          batch: ['REC-3', 'REC-6'].map((sku, i) => ({
            type: 'track',
            messageId: `rec-view-${i}`,
            userId: 'rec-viewer',
            event: 'Product Viewed',
            properties: { sku },
            timestamp: now,
          })),
        },
      });
      expect(sent.status).toBe(200);
      await t.hub.recommendationsProjection.caughtUp();
      const pairs = await t.hub.services.recommendations.allPairs(t.hub.systemCtx());
      expect(pairs.find((p) => p.of === ids.p3 && p.productId === ids.p6)).toMatchObject({
        viewed: 1,
        bought: 0,
      });
      // For messages: the buyer of order S-3 (1 and 4) gets 2 and 3 first; not what they bought.
      const found = await ok(t, 'GET', `/api/customers?email=${encodeURIComponent('rec-S-3@example.com')}`);
      const customerId = found.items[0].id;
      const mine = await ok(
        t,
        'GET',
        `/api/channels/rec-shop/customers/${customerId}/recommendations`,
        undefined,
        keys.messages,
      );
      expect(mine.items[0]).toMatchObject({ reason: 'for_you' });
      expect(handles(mine)).not.toContain('rec-1');
      expect(handles(mine).slice(0, 2).sort()).toEqual(['rec-2', 'rec-3']);
    });

    it('refuses no key, a wrong scope, another channel’s key, and a publishable key for a customer', async () => {
      const path = '/api/channels/rec-shop/products/rec-1/recommendations';
      expect((await t.api('GET', path, { key: null })).status).toBe(401);
      expect((await t.api('GET', path, { key: keys.noScope })).body.code).toBe('forbidden');
      expect((await t.api('GET', path, { key: keys.other })).body.code).toBe('channel_forbidden');
      expect(
        (await t.api('GET', '/api/channels/rec-shop/recommendations', { key: keys.till })).body.code,
      ).toBe('channel_forbidden');
      const customer = `/api/channels/rec-shop/customers/cus_x/recommendations`;
      expect((await t.api('GET', customer, { key: keys.shop })).body.code).toBe('key_kind_forbidden');
      expect((await t.api('GET', customer, { key: keys.noScope })).body.code).toBe('forbidden');
      expect(
        (
          await t.api('GET', '/api/channels/rec-other/customers/cus_x/recommendations', {
            key: keys.messages,
          })
        ).body.code,
      ).toBe('channel_forbidden');
      // Hostile input is a 400 naming the field.
      const bad = await t.api('GET', `${path}?limit=1000`, { key: keys.shop });
      expect(bad.status).toBe(400);
    });

    it('next best message for a customer: recommended only with marketing consent; refusals', async () => {
      const found = await ok(t, 'GET', `/api/customers?email=${encodeURIComponent('rec-S-3@example.com')}`);
      const id = found.items[0].id as string;
      const path = `/api/customers/${id}/next-message`;
      const before = await ok(t, 'GET', path, undefined, keys.messages);
      expect(before).toMatchObject({
        touchpoint: 'inbox',
        message: null,
        marketingConsent: { allowed: false },
      });
      expect(before.skipped).toEqual([{ kind: 'recommended', reason: 'no marketing consent (no_consent)' }]);
      await ok(t, 'PUT', `/api/customers/${id}/consent`, {
        purpose: 'marketing',
        channel: '*',
        granted: true,
      });
      const after = await ok(t, 'GET', `${path}?channel=rec-shop&touchpoint=app`);
      expect(after).toMatchObject({ touchpoint: 'app', message: { kind: 'recommended', promotional: true } });
      expect(after.message.link).toMatch(/\/store\/rec-shop\/p\/rec-[23]$/);
      expect((await t.api('GET', path)).body.code).toBe('validation_failed'); // unbound: name the channel
      expect((await t.api('GET', path, { key: null })).status).toBe(401);
      expect((await t.api('GET', path, { key: keys.shop })).body.code).toBe('key_kind_forbidden');
      expect((await t.api('GET', path, { key: keys.noScope })).body.code).toBe('forbidden');
      const otherKey = (
        await ok(t, 'POST', '/api/keys', {
          name: 'rec-other-msg',
          scopes: ['customers:read'],
          channelId: ids['rec-other'],
        })
      ).secret;
      expect((await t.api('GET', path, { key: otherKey })).status).toBe(404); // not a customer it has seen
      expect(
        (await t.api('GET', '/api/me/next-message?channel=rec-shop', { key: keys.shop })).body.code,
      ).toBe('key_kind_forbidden');
    });

    it("next best message for the signed-in shopper (/me) and for a till sale's customer (/carts/:id)", async () => {
      const email = 'rec-S-3@example.com';
      const id = (await ok(t, 'GET', `/api/customers?email=${encodeURIComponent(email)}`)).items[0]
        .id as string;
      await ok(t, 'POST', '/api/shopper/sign-in', { email }, keys.shop);
      const verified = await ok(
        t,
        'POST',
        '/api/shopper/sign-in/verify',
        { email, code: await smtp.signInCode(email) },
        keys.shop,
      );
      const shopper = { key: null, headers: { cookie: `omnihub_shopper=${verified.token}` } };
      const mine = await t.api('GET', '/api/me/next-message?channel=rec-shop', shopper);
      expect(mine.status, JSON.stringify(mine.body)).toBe(200);
      expect(mine.body).toMatchObject({
        customerId: id,
        touchpoint: 'storefront',
        message: { kind: 'recommended' },
      });
      expect((await t.api('GET', '/api/me/next-message?channel=rec-shop', { key: null })).status).toBe(401);

      const cart = await ok(t, 'POST', '/api/carts', { profileId: id }, keys.till);
      const atTill = await t.api('GET', `/api/carts/${cart.id}/next-message`, { key: keys.till });
      expect(atTill.status, JSON.stringify(atTill.body)).toBe(200);
      expect(atTill.body).toMatchObject({
        customerId: id,
        touchpoint: 'pos',
        message: { kind: 'recommended' },
      });
      const anonymous = await ok(t, 'POST', '/api/carts', {}, keys.till);
      expect(
        (await t.api('GET', `/api/carts/${anonymous.id}/next-message`, { key: keys.till })).body,
      ).toBeNull();
      // Another channel's key, a publishable key, a key without carts:write, no key.
      const otherTill = (
        await ok(t, 'POST', '/api/keys', {
          name: 'rec-other-till',
          scopes: ['carts:write'],
          channelId: ids['rec-other'],
        })
      ).secret;
      expect((await t.api('GET', `/api/carts/${cart.id}/next-message`, { key: otherTill })).status).toBe(404);
      expect((await t.api('GET', `/api/carts/${cart.id}/next-message`, { key: keys.shop })).body.code).toBe(
        'key_kind_forbidden',
      );
      expect(
        (await t.api('GET', `/api/carts/${cart.id}/next-message`, { key: keys.noScope })).body.code,
      ).toBe('forbidden');
      expect((await t.api('GET', `/api/carts/${cart.id}/next-message`, { key: null })).status).toBe(401);
    });

    it('a return in full takes the product out of its order: bought together one less', async () => {
      const pairOf = async (a: string, b: string) =>
        (await t.hub.services.recommendations.neighbours(t.hub.systemCtx(), ids[a]!)).find(
          (n) => n.productId === ids[b],
        )?.bought;
      expect(await pairOf('p1', 'p2')).toBe(3);
      const buyer = (await ok(t, 'GET', `/api/customers?email=${encodeURIComponent('rec-S-0@example.com')}`))
        .items[0];
      const order = (await ok(t, 'GET', `/api/orders?customerId=${buyer.id}`)).items[0];
      // Imported history was paid outside the hub, so the hub refunds none of it: the orders module's
      // event for a return is appended as it writes it.
      const returned = {
        orderId: order.id,
        orderNumber: order.number,
        channelId: order.channelId,
        source: order.source,
        customerId: order.customerId,
        status: order.status,
        currency: order.currency,
        grandTotal: 2000,
        paidAmount: order.paidAmount,
        refundedAmount: 0,
        delivery: 'ship',
        itemCount: 2,
        returnId: 'ret_rec_1',
        returnChannelId: null,
        locationId: null,
        method: 'mail',
        lines: [{ sku: 'REC-2', quantity: 1, disposition: 'restock', reason: null, refundAmount: 0 }],
        refundMethod: 'store_credit',
        refundAmount: 0,
        refundIds: [],
        storeCreditCode: null,
      };
      await inTransaction(t.hub.systemCtx(), (tx) =>
        appendEvents(tx, [
          { type: 'order.returned', subject: order.id, channelId: order.channelId, payload: returned },
        ]),
      );
      await t.hub.recommendationsProjection.caughtUp();
      expect(await pairOf('p1', 'p2')).toBe(2);
      expect(await pairOf('p2', 'p1')).toBe(2);
    });

    it('rebuilds from log position 0 to the same counts', async () => {
      const ctx = t.hub.systemCtx();
      const before = await t.hub.services.recommendations.allPairs(ctx);
      expect(before.length).toBeGreaterThan(0);
      await t.hub.recommendationsProjection.stop();
      await rebuildRecommendations(ctx, t.hub.services.recommendations);
      expect(await t.hub.services.recommendations.allPairs(ctx)).toEqual([]);
      const again = startRecommendationsProjection({
        database: t.hub.database,
        catalog: t.hub.services.catalog,
        recommendations: t.hub.services.recommendations,
        clock: ctx.clock,
        log: ctx.log,
      });
      try {
        await again.caughtUp();
        expect(await t.hub.services.recommendations.allPairs(ctx)).toEqual(before);
      } finally {
        await again.stop();
      }
    });
  },
  { config },
);
