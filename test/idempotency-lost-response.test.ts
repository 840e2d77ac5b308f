// A node killed between its request's commit and storing the response (kill -9): the retry with the
// same Idempotency-Key, on any node, must not apply the request twice. The death is simulated by
// taking the stored outcome away and letting the claim's lease run out, as the dead node leaves it.
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { rows } from '../src/platform/db/database.js';
import {
  buildCommerceFixture,
  COMMERCE_HUB_OPTIONS,
  type CommerceFixture,
} from './helpers/commerce-fixture.js';
import { describeEachHub } from './helpers/test-hub.js';

describeEachHub(
  'Idempotency-Key after a node died mid-request',
  (t) => {
    let f: CommerceFixture;
    const db = () => t.hub.database.db;
    /** The claim as a node killed after its commit leaves it: no outcome, its lease run out. */
    const dieAfterCommit = (key: string) =>
      db().execute(
        sql`update idempotency_keys set status_code = null, response_body = null, content_type = null,
              lease_until = now() - interval '1 second' where key = ${key}`,
      );
    /** The same, but the node died before its transaction committed (no event of it is in the log). */
    const dieBeforeCommit = async (key: string) => {
      await dieAfterCommit(key);
      await db().execute(
        sql`update idempotency_keys set log_tx_id = pg_current_xact_id()::text::bigint where key = ${key}`,
      );
    };
    const newCart = async (anonymousId: string) => {
      const cart = await t.api('POST', '/api/carts', { key: f.keys.web, body: { anonymousId } });
      expect(cart.status).toBe(201);
      return cart.body.id as string;
    };
    const addLine = (cartId: string, idem: string) =>
      t.api('POST', `/api/carts/${cartId}/lines`, {
        key: f.keys.web,
        headers: { 'idempotency-key': idem },
        body: { sku: f.skus.mug, quantity: 1 },
      });

    it('builds a shop', async () => {
      f = await buildCommerceFixture(t, 'LOST', {
        mug: { warehouse: 20, amsterdam: 20, stockholm: 0 },
        cap: { warehouse: 5, amsterdam: 5, stockholm: 0 },
      });
    });

    it('a line whose writes committed is not added again: the retry gets the cart as it is', async () => {
      const cartId = await newCart('lost-line');
      expect((await addLine(cartId, 'lost-line-1')).status).toBe(201);
      await dieAfterCommit('lost-line-1');
      const retry = await addLine(cartId, 'lost-line-1');
      expect(retry.status).toBe(201);
      expect(retry.body.lines).toHaveLength(1);
      expect(retry.body.lines[0].quantity).toBe(1);
      // The answer is stored: the next retry replays it.
      const again = await addLine(cartId, 'lost-line-1');
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.body.lines[0].quantity).toBe(1);
    });

    it('a request that died before its commit runs again, once', async () => {
      const cartId = await newCart('lost-before');
      const body = { sku: f.skus.mug, quantity: 1 };
      // The claim a node leaves when it dies before its transaction commits: nothing of it is logged.
      const hash = createHash('sha256')
        .update(`POST /api/carts/${cartId}/lines\n${JSON.stringify(body)}`)
        .digest('hex');
      await db().execute(
        sql`insert into idempotency_keys
              (actor_id, key, method, path, request_hash, lease_until, request_ids, log_tx_id)
            select actor_id, 'lost-before-1', 'POST', path, ${hash}, now() - interval '1 second',
                   array['req_dead'], pg_current_xact_id()::text::bigint
            from idempotency_keys where key = 'lost-line-1'`,
      );
      const retry = await addLine(cartId, 'lost-before-1');
      expect(retry.status).toBe(201);
      expect(retry.body.lines.map((l: { quantity: number }) => l.quantity)).toEqual([1]);
      expect(retry.headers['idempotent-replayed']).toBeUndefined();
    });

    it('a claim kept before claims held their transaction id is recovered from its log position', async () => {
      const cartId = await newCart('lost-legacy');
      const [before] = await rows<{ p: string }>(db(), sql`select max(position)::text as p from events`);
      expect((await addLine(cartId, 'lost-legacy-1')).status).toBe(201);
      await dieAfterCommit('lost-legacy-1');
      await db().execute(
        sql`update idempotency_keys set log_tx_id = null, log_position = ${Number(before!.p)}
            where key = 'lost-legacy-1'`,
      );
      const retry = await addLine(cartId, 'lost-legacy-1');
      expect(retry.status).toBe(201);
      expect(retry.body.lines.map((l: { quantity: number }) => l.quantity)).toEqual([1]);
    });

    it('a created cart is answered from its creation event, not created twice', async () => {
      const headers = { 'idempotency-key': 'lost-create-1' };
      const body = { anonymousId: 'lost-create', channelId: f.channels.web.id };
      const first = await t.api('POST', '/api/carts', { body, headers });
      expect(first.status).toBe(201);
      await dieAfterCommit('lost-create-1');
      const retry = await t.api('POST', '/api/carts', { body, headers });
      expect(retry.status).toBe(201);
      expect(retry.body.id).toBe(first.body.id);
      const [count] = await rows<{ n: number }>(
        db(),
        sql`select count(*)::int as n from carts where anonymous_id = 'lost-create'`,
      );
      expect(count?.n).toBe(1);
    });

    it('a checkout runs again and answers 201 with the order it placed', async () => {
      const cartId = await newCart('lost-checkout');
      expect((await addLine(cartId, 'lost-checkout-line')).status).toBe(201);
      const pickup = await t.api('PUT', `/api/carts/${cartId}/delivery`, {
        key: f.keys.web,
        body: { type: 'pickup', locationId: f.locations.amsterdam.id },
      });
      expect(pickup.status).toBe(200);
      const headers = { 'idempotency-key': 'lost-checkout-1' };
      const body = { payment: { provider: 'test', token: 'tok_visa' } };
      const path = `/api/carts/${cartId}/checkout`;
      const first = await t.api('POST', path, { key: f.keys.web, headers, body });
      expect(first.status, JSON.stringify(first.body)).toBe(201);
      await dieAfterCommit('lost-checkout-1');
      const retry = await t.api('POST', path, { key: f.keys.web, headers, body });
      expect(retry.status).toBe(201);
      expect(retry.body.order.id).toBe(first.body.order.id);
    });

    it('a route that cannot answer again says it was done (409 idempotency_response_lost), once', async () => {
      const headers = { 'idempotency-key': 'lost-channel-1' };
      const body = { code: 'lost-web', name: 'Lost', type: 'web', currency: 'EUR', locales: ['en'] };
      expect((await t.api('POST', '/api/channels', { body, headers })).status).toBe(201);
      await dieAfterCommit('lost-channel-1');
      const retry = await t.api('POST', '/api/channels', { body, headers });
      expect(retry.status).toBe(409);
      expect(retry.body.code).toBe('idempotency_response_lost');
      const again = await t.api('POST', '/api/channels', { body, headers });
      expect(again.body.code).toBe('idempotency_response_lost');
      const all = (await t.api('GET', '/api/channels')).body.items.filter(
        (c: { code: string }) => c.code === 'lost-web',
      );
      expect(all).toHaveLength(1);
    });
  },
  COMMERCE_HUB_OPTIONS,
);
