// Channel binding that holds (security issue, part 4): a key bound to a channel lists and acts only on
// its channel's records; naming another channel by id or code is refused 403 channel_forbidden; a
// record of another channel answers 404; the three omnichannel acts (a till's return of any order, a
// pickup at the till's own store, a cart taken over by its handoff code) work and are recorded, and
// are refused at the wrong store, without the code, or to a publishable key.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildCommerceFixture,
  COMMERCE_HUB_OPTIONS,
  type CommerceFixture,
} from './helpers/commerce-fixture.js';
import { eventually } from './helpers/eventually.js';
import { describeEachHub, type TestHub } from './helpers/test-hub.js';

const WIDE_SCOPES = ['orders:write', 'carts:write', 'channels:write', 'events:read', 'customers:write'];
const ids = (items: Array<{ id: string }>) => items.map((x) => x.id);

async function ok(t: TestHub, method: string, path: string, o: { body?: unknown; key?: string } = {}) {
  const r = await t.api(method, path, o);
  expect(r.status, `${method} ${path}: ${JSON.stringify(r.body)}`).toBeLessThan(300);
  return r.body;
}

/**
 * The record's cross-channel act events; with `atLeast`, once that many show (on a shared PostgreSQL
 * server an event shows once every older transaction, another suite's too, has ended).
 */
async function crossChannelActs(t: TestHub, recordId: string, atLeast = 0) {
  const read = async () => {
    const events = await ok(t, 'GET', '/api/events?types=platform.cross_channel_act&limit=1000');
    return events.items.filter((e: { subject: string }) => e.subject === recordId);
  };
  return atLeast === 0 ? read() : eventually(read, (acts) => acts.length >= atLeast, 10_000);
}

describeEachHub(
  'channel binding: bound keys stay on their channel',
  (t) => {
    let f: CommerceFixture;
    const wide = {} as Record<'app' | 'web' | 'tillAms' | 'tillSto' | 'market', string>;
    let webPublishable = '';
    let market = { id: '', code: '' };
    let marketOrderId = '';
    let webOrder: { id: string; pickup: { code: string } };
    let appCart: { id: string; handoff: { code: string } };

    beforeAll(async () => {
      f = await buildCommerceFixture(t, 'CB');
      market = await ok(t, 'POST', '/api/channels', {
        body: {
          code: 'market-cb',
          name: 'Marketplace',
          type: 'marketplace',
          currency: 'EUR',
          locales: ['en'],
        },
      });
      await ok(t, 'PUT', `/api/inventory/channels/${market.id}/sourcing`, {
        body: { locationIds: [f.locations.warehouse.id], safetyBuffer: 0 },
      });
      for (const [name, channel] of Object.entries({ ...f.channels, market })) {
        const body = { name: `wide-${name}`, scopes: WIDE_SCOPES, channelId: channel.id };
        wide[name as keyof typeof wide] = (await ok(t, 'POST', '/api/keys', { body })).secret;
      }
      webPublishable = (
        await ok(t, 'POST', '/api/keys', {
          body: { name: 'web-pk', kind: 'publishable', channelId: f.channels.web.id },
        })
      ).secret;
      marketOrderId = (
        await ok(t, 'POST', '/api/orders/import', {
          body: {
            channelId: market.id,
            externalSource: 'bol',
            externalId: 'M-1',
            email: 'market.buyer@example.com',
            currency: 'EUR',
            lines: [{ sku: f.skus.tee, quantity: 1, unitPrice: 2500 }],
          },
        })
      ).id;
      // A webshop click & collect order, picked up in Amsterdam.
      const cart = await ok(t, 'POST', '/api/carts', {
        key: f.keys.web,
        body: { lines: [{ sku: f.skus.mug, quantity: 1 }] },
      });
      await ok(t, 'PUT', `/api/carts/${cart.id}/delivery`, {
        key: f.keys.web,
        body: { type: 'pickup', locationId: f.locations.amsterdam.id, email: 'web.buyer@example.com' },
      });
      webOrder = (
        await ok(t, 'POST', `/api/carts/${cart.id}/checkout`, {
          key: f.keys.web,
          body: { payment: { provider: 'test', token: 'tok_visa' } },
        })
      ).order;
      appCart = await ok(t, 'POST', '/api/carts', { key: f.keys.app, body: { anonymousId: 'device-cb' } });
    });

    describe("'own' routes", () => {
      it('GET /orders lists the own channel only; another channel by id or code is refused', async () => {
        const own = await ok(t, 'GET', '/api/orders', { key: wide.web });
        expect(ids(own.items)).toEqual([webOrder.id]);
        expect(
          (await ok(t, 'GET', `/api/orders?channelId=${f.channels.web.code}`, { key: wide.web })).items,
        ).toHaveLength(1);
        for (const other of [market.id, market.code]) {
          const r = await t.api('GET', `/api/orders?channelId=${other}`, { key: wide.web });
          expect(r.status).toBe(403);
          expect(r.body.code).toBe('channel_forbidden');
        }
        const marketOwn = await ok(t, 'GET', '/api/orders', { key: wide.market });
        expect(ids(marketOwn.items)).toEqual([marketOrderId]);
      });

      it('GET /orders: a storefront key lists nothing; pickup codes are exact, never blank, and for the own store', async () => {
        const storefront = await t.api('GET', '/api/orders', { key: webPublishable });
        expect([storefront.status, storefront.body.code]).toEqual([403, 'key_kind_forbidden']);
        for (const blank of ['%20', '', '%09']) {
          const r = await t.api('GET', `/api/orders?pickupCode=${blank}`, { key: f.keys.tillAms });
          expect(r.status, blank).toBe(400);
        }
        const wrong = await ok(t, 'GET', '/api/orders?pickupCode=ZZZZZZ', { key: f.keys.tillAms });
        expect(wrong.items).toEqual([]);
        const partial = webOrder.pickup.code.slice(0, -1);
        expect(
          (await ok(t, 'GET', `/api/orders?pickupCode=${partial}`, { key: f.keys.tillAms })).items,
        ).toEqual([]);
        const found = await ok(t, 'GET', `/api/orders?pickupCode=${webOrder.pickup.code}`, {
          key: f.keys.tillAms,
        });
        expect(ids(found.items)).toEqual([webOrder.id]);
        // Only the till of the store the order waits at finds it by code; other keys see their channel.
        for (const key of [f.keys.tillSto, f.keys.app]) {
          const elsewhere = await ok(t, 'GET', `/api/orders?pickupCode=${webOrder.pickup.code}`, { key });
          expect(elsewhere.items).toEqual([]);
        }
        const named = await t.api(
          'GET',
          `/api/orders?pickupCode=${webOrder.pickup.code}&channelId=${f.channels.web.id}`,
          {
            key: f.keys.tillAms,
          },
        );
        expect(named.body.code).toBe('channel_forbidden');
      });

      it('GET /fulfilments: a till sees the tasks at its own store, other keys their own orders', async () => {
        const task = (key: string) => ok(t, 'GET', '/api/fulfilments', { key });
        const orderIds = (r: { items: Array<{ orderId: string }> }) => r.items.map((x) => x.orderId);
        expect(orderIds(await task(wide.tillAms))).toContain(webOrder.id);
        expect(orderIds(await task(wide.web))).toEqual(expect.arrayContaining([webOrder.id]));
        expect(orderIds(await task(wide.web))).not.toContain(marketOrderId);
        expect(orderIds(await task(wide.tillSto))).toEqual([]);
        const byLocation = await ok(t, 'GET', `/api/fulfilments?locationId=${f.locations.amsterdam.id}`, {
          key: wide.tillSto,
        });
        expect(byLocation.items).toEqual([]);
      });

      it('GET /channels and GET /events show the own channel only', async () => {
        expect(ids((await ok(t, 'GET', '/api/channels', { key: wide.web })).items)).toEqual([
          f.channels.web.id,
        ]);
        const events = await ok(t, 'GET', '/api/events?limit=1000', { key: wide.web });
        expect(events.items.length).toBeGreaterThan(0);
        for (const e of events.items) expect([undefined, f.channels.web.id]).toContain(e.omnihubchannel);
      });

      it('GET /stream names another channel → 403 before any event is sent', async () => {
        for (const other of [market.id, market.code]) {
          const r = await t.api('GET', `/api/stream?channel=${other}`, { key: wide.web });
          expect([r.status, r.body.code]).toEqual([403, 'channel_forbidden']);
        }
      });

      it('writes naming another channel (by id or code) are refused and write nothing', async () => {
        const attempts: Array<[string, string, string, (channel: string) => unknown]> = [
          ['POST', '/api/carts', webPublishable, (channelId) => ({ channelId })],
          ['POST', '/api/carts', wide.web, (channelId) => ({ channelId })],
          [
            'POST',
            '/api/customers/identify',
            wide.web,
            (channelId) => ({ channelId, identifiers: [{ type: 'email', value: 'x.cb@example.com' }] }),
          ],
          [
            'POST',
            '/api/orders/import',
            wide.web,
            (channelId) => ({
              channelId,
              externalSource: 'bol',
              externalId: 'M-2',
              currency: 'EUR',
              lines: [{ sku: f.skus.tee, quantity: 1, unitPrice: 2500 }],
            }),
          ],
        ];
        const before = await ok(t, 'GET', '/api/orders?limit=200');
        for (const [method, path, key, body] of attempts) {
          for (const other of [market.id, market.code]) {
            const r = await t.api(method, path, { key, body: body(other) });
            expect([r.status, r.body.code], `${path} ${other}`).toEqual([403, 'channel_forbidden']);
          }
        }
        const reserve = {
          channelId: market.code,
          sku: f.skus.tee,
          quantity: 1,
          kind: 'cart_hold',
          reference: 'x',
        };
        const reserveKey = (
          await ok(t, 'POST', '/api/keys', {
            body: { name: 'res-web', scopes: ['inventory:write'], channelId: f.channels.web.id },
          })
        ).secret;
        const held = await t.api('POST', '/api/inventory/reservations', { key: reserveKey, body: reserve });
        expect([held.status, held.body.code]).toEqual([403, 'channel_forbidden']);
        expect((await ok(t, 'GET', '/api/orders?limit=200')).items).toHaveLength(before.items.length);
        // The own channel by its code is the own channel.
        const mine = await ok(t, 'POST', '/api/carts', {
          key: webPublishable,
          body: { channelId: f.channels.web.code },
        });
        expect(mine.channelId).toBe(f.channels.web.id);
      });

      it('GET /tills/carts: a storefront finds a cart only by its handoff code', async () => {
        const byPhone = await t.api('GET', '/api/tills/carts?phone=%2B31600000000', { key: webPublishable });
        expect([byPhone.status, byPhone.body.code]).toEqual([403, 'key_kind_forbidden']);
        const byCode = await ok(t, 'GET', `/api/tills/carts?code=${appCart.handoff.code}`, {
          key: wide.tillSto,
        });
        expect(ids(byCode.carts)).toEqual([appCart.id]);
      });
    });

    describe('records of another channel', () => {
      it('a till cannot cancel another channel’s order, nor pay or read payments of one not picked up at its store', async () => {
        // The webshop order waits for pickup in Amsterdam: the Amsterdam till may take its payment
        // (pay at pickup), the Stockholm till may not; neither may cancel it.
        const tries: Array<[string, string, string, unknown?]> = [
          ['POST', `/api/orders/${webOrder.id}/cancel`, f.keys.tillAms, { reason: 'fraud' }],
          ['POST', `/api/orders/${webOrder.id}/payments`, f.keys.tillSto, { provider: 'manual' }],
          ['GET', `/api/orders/${webOrder.id}/payments`, f.keys.tillSto],
          ['GET', `/api/orders/${marketOrderId}/payments`, f.keys.tillAms],
        ];
        for (const [method, path, key, body] of tries) {
          const r = await t.api(method, path, {
            key,
            ...(body === undefined ? {} : { body }),
          });
          expect([r.status, r.body.code], `${method} ${path}`).toEqual([404, 'not_found']);
        }
        expect((await ok(t, 'GET', `/api/orders/${webOrder.id}`)).status).toBe('allocated');
      });

      it('a non-store key cannot read another channel’s order; a till reads it (to take a return), recorded', async () => {
        const r = await t.api('GET', `/api/orders/${marketOrderId}`, { key: wide.web });
        expect([r.status, r.body.code]).toEqual([404, 'not_found']);
        expect(await crossChannelActs(t, marketOrderId)).toEqual([]);
        const read = await t.api('GET', `/api/orders/${marketOrderId}`, { key: wide.tillAms });
        expect(read.status).toBe(200);
        const [act] = await crossChannelActs(t, marketOrderId, 1);
        expect(act.data).toMatchObject({
          act: 'till.return-any-channel',
          keyChannelId: f.channels.tillAms.id,
        });
      });

      it('a till finds any channel’s order by its exact number or id (for a return); other keys and partial values find none', async () => {
        const market = await ok(t, 'GET', `/api/orders/${marketOrderId}`);
        for (const q of [market.number, marketOrderId]) {
          const found = await ok(t, 'GET', `/api/orders?q=${encodeURIComponent(q)}`, { key: wide.tillAms });
          expect(ids(found.items), q).toEqual([marketOrderId]);
          const byWeb = await ok(t, 'GET', `/api/orders?q=${encodeURIComponent(q)}`, { key: wide.web });
          expect(ids(byWeb.items), q).toEqual([]);
        }
        const partial = await ok(t, 'GET', `/api/orders?q=${encodeURIComponent(market.number.slice(0, 4))}`, {
          key: wide.tillAms,
        });
        expect(ids(partial.items)).toEqual([]);
      });

      it('carts, quotes, identify and channels of another channel are out of reach', async () => {
        const tries: Array<[string, string, string, unknown?]> = [
          ['GET', `/api/carts/${appCart.id}`, webPublishable],
          ['GET', `/api/carts/${appCart.id}/quote`, webPublishable],
          ['POST', `/api/carts/${appCart.id}/lines`, webPublishable, { sku: f.skus.tee, quantity: 1 }],
          [
            'POST',
            `/api/carts/${appCart.id}/identify`,
            webPublishable,
            { identifiers: [{ type: 'email', value: 'a@b.nl' }] },
          ],
        ];
        for (const [method, path, key, body] of tries) {
          const r = await t.api(method, path, { key, ...(body === undefined ? {} : { body }) });
          expect([r.status, r.body.code], `${method} ${path}`).toEqual([404, 'not_found']);
        }
        // Channels are no secret: naming another one, by id or code, is refused as such.
        for (const ref of [f.channels.app.id, f.channels.app.code]) {
          const r = await t.api('GET', `/api/channels/${ref}`, { key: webPublishable });
          expect([r.status, r.body.code], ref).toEqual([403, 'channel_forbidden']);
        }
        const patch = await t.api('PATCH', `/api/channels/${f.channels.app.id}`, {
          key: wide.web,
          body: { name: 'x' },
        });
        expect([patch.status, patch.body.code]).toEqual([403, 'channel_forbidden']);
        expect((await ok(t, 'GET', `/api/channels/${f.channels.app.id}`)).name).toBe('app');
      });
    });

    it("another channel's stock reservation cannot be read, released, allocated or fulfilled", async () => {
      const held = await ok(t, 'POST', '/api/inventory/reservations', {
        body: { channelId: market.id, sku: f.skus.tee, quantity: 1 },
      });
      const webKey = (
        await ok(t, 'POST', '/api/keys', {
          body: { name: 'res-web-2', scopes: ['inventory:write'], channelId: f.channels.web.id },
        })
      ).secret;
      for (const [method, suffix] of [
        ['GET', ''],
        ['POST', '/release'],
        ['POST', '/allocate'],
        ['POST', '/fulfil'],
      ]) {
        const r = await t.api(method!, `/api/inventory/reservations/${held.id}${suffix}`, { key: webKey });
        expect([r.status, r.body.code], `${method} ${suffix}`).toEqual([404, 'not_found']);
      }
      expect((await ok(t, 'GET', `/api/inventory/reservations/${held.id}`)).status).toBe('held');
    });

    describe('omnichannel acts: allowed, recorded, and refused', () => {
      let taskId = '';

      it('a pickup is marked ready and handed over only at its own store, by a till', async () => {
        const order = await ok(t, 'GET', `/api/orders/${webOrder.id}`);
        taskId = order.fulfilments[0].id;
        for (const key of [f.keys.tillSto, wide.app]) {
          const r = await t.api('POST', `/api/fulfilments/${taskId}/ready-for-pickup`, { key });
          expect([r.status, r.body.code]).toEqual([404, 'not_found']);
        }
        const storefront = await t.api('POST', `/api/fulfilments/${taskId}/ready-for-pickup`, {
          key: webPublishable,
        });
        expect([storefront.status, storefront.body.code]).toEqual([403, 'key_kind_forbidden']);
        expect(await crossChannelActs(t, taskId)).toEqual([]);
        await ok(t, 'POST', `/api/fulfilments/${taskId}/ready-for-pickup`, { key: f.keys.tillAms });
        const body = { code: webOrder.pickup.code, locationId: f.locations.stockholm.id };
        const wrongStore = await t.api('POST', `/api/orders/${webOrder.id}/pickup`, {
          key: f.keys.tillSto,
          body,
        });
        expect([wrongStore.status, wrongStore.body.code]).toEqual([404, 'not_found']);
        const handed = await ok(t, 'POST', `/api/orders/${webOrder.id}/pickup`, {
          key: f.keys.tillAms,
          body: { ...body, locationId: f.locations.amsterdam.id },
        });
        expect(handed.status).toBe('completed');
        const me = await ok(t, 'GET', '/api/me', { key: f.keys.tillAms });
        const [ready] = await crossChannelActs(t, taskId, 1);
        expect(ready.data).toMatchObject({
          act: 'till.fulfil-at-own-store',
          keyId: me.keyId,
          keyChannelId: me.channelId,
        });
        const [pickup] = await crossChannelActs(t, webOrder.id, 1);
        expect(pickup.data).toMatchObject({
          act: 'till.fulfil-at-own-store',
          recordChannelId: f.channels.web.id,
        });
      });

      it('a till takes a return of any channel’s order; a non-store key cannot; store credit stays with the order', async () => {
        const body = {
          lines: [{ sku: f.skus.mug, quantity: 1 }],
          location: f.locations.stockholm.id,
          refundMethod: 'store_credit',
        };
        const notATill = await t.api('POST', `/api/orders/${webOrder.id}/returns`, { key: wide.app, body });
        expect([notATill.status, notATill.body.code]).toEqual([404, 'not_found']);
        const before = (await crossChannelActs(t, webOrder.id)).length;
        const returned = await ok(t, 'POST', `/api/orders/${webOrder.id}/returns`, {
          key: f.keys.tillSto,
          body,
        });
        const acts = await crossChannelActs(t, webOrder.id, before + 1);
        expect(acts).toHaveLength(before + 1);
        expect(acts.at(-1).data).toMatchObject({
          act: 'till.return-any-channel',
          keyChannelId: f.channels.tillSto.id,
        });
        const creditId = returned.storeCredit.id;
        const elsewhere = await t.api('GET', `/api/store-credits/${creditId}`, { key: f.keys.app });
        expect([elsewhere.status, elsewhere.body.code]).toEqual([404, 'not_found']);
        expect((await ok(t, 'GET', `/api/store-credits/${creditId}`, { key: f.keys.web })).id).toBe(creditId);
      });

      it('a cart of another channel is taken over only with its handoff code', async () => {
        for (const body of [{}, { handoffCode: '' }, { handoffCode: 'WRONG1' }]) {
          const r = await t.api('POST', `/api/carts/${appCart.id}/channel`, { key: f.keys.tillSto, body });
          expect([r.status, r.body.code], JSON.stringify(body)).toEqual([404, 'not_found']);
        }
        expect(await crossChannelActs(t, appCart.id)).toEqual([]);
        const moved = await ok(t, 'POST', `/api/carts/${appCart.id}/channel`, {
          key: f.keys.tillSto,
          body: { handoffCode: appCart.handoff.code },
        });
        expect(moved.cart.channelId).toBe(f.channels.tillSto.id);
        const [act] = await crossChannelActs(t, appCart.id, 1);
        expect(act.data).toMatchObject({ act: 'cart.handoff', recordChannelId: f.channels.app.id });
      });
    });

    it('a percent-encoded path meets the same policy: /%61pi/keys without a key → 401', async () => {
      const list = await t.api('GET', '/%61pi/keys', { key: null });
      expect([list.status, list.body.code]).toEqual([401, 'unauthenticated']);
      const create = await t.api('POST', '/%61pi/keys', {
        key: null,
        body: { name: 'x', scopes: ['admin'] },
      });
      expect([create.status, create.body.code]).toEqual([401, 'unauthenticated']);
      const bound = await t.api('POST', '/%61pi/keys', {
        key: wide.web,
        body: { name: 'x', scopes: ['admin'] },
      });
      expect([bound.status, bound.body.code]).toEqual([403, 'forbidden']);
    });
  },
  COMMERCE_HUB_OPTIONS,
);
