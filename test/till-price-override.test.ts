// A price changed by hand at the till: a store manager may, a clerk only with a manager's approval
// typed at the till, a storefront key never. The override (reason, who, who approved) stays on the
// cart line, goes onto the order line, and is an event; the sale and its order record who sold.
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { rows } from '../src/platform/db/database.js';
import { buildCommerceFixture, type CommerceFixture } from './helpers/commerce-fixture.js';
import { describeEachHub } from './helpers/test-hub.js';

const PASSWORD = 'correct horse battery';
/** Each sign-in costs a 64 MiB scrypt: on a busy shared machine a step can take seconds. */
const SCRYPT_UNDER_LOAD_MS = 300_000;

describeEachHub('price override at the till', (t) => {
  let f: CommerceFixture;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};
  let cartId: string;
  let lineId: string;
  /** Who the log says made each event (the API's CloudEvents do not carry the actor). */
  const eventsOf = (subject: string, type: string) =>
    rows<{ actor: string; payload: Record<string, unknown> }>(
      t.hub.database.db,
      sql`select actor, payload from events where subject = ${subject} and type = ${type} order by position`,
    );
  const override = (body: unknown, key: string | null = tokens.clerk!, line = lineId) =>
    t.api('PUT', `/api/carts/${cartId}/lines/${line}/price`, { key, body });

  it(
    'sets up a clerk and a manager at the Amsterdam till, and a sale with one line',
    async () => {
      f = await buildCommerceFixture(t, 'PO');
      for (const [name, role] of [
        ['Cleo', 'clerk'],
        ['Max', 'store_manager'],
      ] as const) {
        const email = `${name.toLowerCase()}@po.example`;
        const r = await t.api('POST', '/api/staff', {
          body: { name, email, role, locationIds: [f.locations.amsterdam.id], password: PASSWORD },
        });
        expect(r.status, JSON.stringify(r.body)).toBe(201);
        ids[role] = r.body.id;
        const s = await t.api('POST', '/api/staff/sign-in', {
          key: null,
          body: { email, password: PASSWORD, channel: f.channels.tillAms.code },
        });
        expect(s.status, JSON.stringify(s.body)).toBe(200);
        tokens[role] = s.body.token;
      }
      const cart = await t.api('POST', '/api/carts', {
        key: tokens.clerk,
        body: { lines: [{ sku: f.skus.mug, quantity: 2 }] },
      });
      expect(cart.status, JSON.stringify(cart.body)).toBe(201);
      cartId = cart.body.id;
      lineId = cart.body.lines[0].lineId;
    },
    SCRYPT_UNDER_LOAD_MS,
  );

  it(
    'refuses a clerk alone, a wrong approval, a storefront key and another till',
    async () => {
      const alone = await override({ unitPrice: 500, reason: 'damaged box' }, tokens.clerk);
      expect([alone.status, alone.body.code]).toEqual([403, 'price_override_needs_manager']);
      const tillKey = await override({ unitPrice: 500, reason: 'damaged box' }, f.keys.tillAms);
      expect([tillKey.status, tillKey.body.code]).toEqual([403, 'price_override_needs_manager']);
      const wrong = await override(
        {
          unitPrice: 500,
          reason: 'damaged box',
          approval: { email: 'max@po.example', password: 'guess guess' },
        },
        tokens.clerk,
      );
      expect([wrong.status, wrong.body.code]).toEqual([403, 'manager_approval_failed']);
      const clerkApproves = await override(
        { unitPrice: 500, reason: 'damaged box', approval: { email: 'cleo@po.example', password: PASSWORD } },
        tokens.clerk,
      );
      expect([clerkApproves.status, clerkApproves.body.code]).toEqual([403, 'manager_approval_failed']);
      const publishable = await t.api('POST', '/api/keys', {
        body: { name: 'po web', kind: 'publishable', channelId: f.channels.tillAms.id },
      });
      const web = await override({ unitPrice: 1, reason: 'cheap' }, publishable.body.secret);
      expect([web.status, web.body.code]).toEqual([403, 'key_kind_forbidden']);
      const other = await override({ unitPrice: 1, reason: 'cheap' }, f.keys.tillSto);
      expect(other.status).toBe(404);
      const none = await override({ unitPrice: 1, reason: 'cheap' }, null);
      expect(none.status).toBe(401);
      for (const body of [
        { unitPrice: -1, reason: 'x' },
        { unitPrice: 1e20, reason: 'x' },
        { unitPrice: 100, reason: 'a\u0000b' },
        { unitPrice: 100, reason: '' },
        { unitPrice: '100', reason: 'x' },
      ]) {
        const r = await override(body, tokens.store_manager);
        expect(r.status, JSON.stringify(body)).toBe(400);
      }
      const cart = await t.api('GET', `/api/carts/${cartId}`, { key: tokens.clerk });
      expect(cart.body.lines[0].priceOverride).toBeUndefined();
    },
    SCRYPT_UNDER_LOAD_MS,
  );

  it(
    "takes a clerk's override with the manager's approval, and a manager's alone",
    async () => {
      const approved = await override({
        unitPrice: 500,
        reason: 'damaged box',
        approval: { email: 'max@po.example', password: PASSWORD },
      });
      expect(approved.status, JSON.stringify(approved.body)).toBe(200);
      const line = approved.body.lines[0];
      expect(line.unitPrice).toBe(500);
      expect(line.priceOverride).toMatchObject({
        reason: 'damaged box',
        by: ids.clerk,
        byName: 'Cleo',
        approvedBy: ids.store_manager,
        approvedByName: 'Max',
      });
      const original = line.priceOverride.originalUnitPrice as number;
      expect(original).toBeGreaterThan(500);
      expect(approved.body.itemsTotal).toBe(1000);
      const again = await override({ unitPrice: 450, reason: 'price match' }, tokens.store_manager);
      expect(again.status, JSON.stringify(again.body)).toBe(200);
      expect(again.body.lines[0].priceOverride).toMatchObject({
        originalUnitPrice: original,
        by: ids.store_manager,
        approvedBy: null,
      });
      const mine = await eventsOf(cartId, 'cart.line_price_overridden');
      expect(mine.map((e) => e.payload.to)).toEqual([500, 450]);
      expect(mine.map((e) => e.actor)).toEqual([ids.clerk, ids.store_manager]);
      expect(mine[0]!.payload.approvedBy).toBe(ids.store_manager);
      expect(JSON.stringify(mine)).not.toContain('damaged box');
    },
    SCRYPT_UNDER_LOAD_MS,
  );

  it(
    'sells at the overridden price: the order line shows the override and the order who sold it',
    async () => {
      const d = await t.api('PUT', `/api/carts/${cartId}/delivery`, {
        key: tokens.clerk,
        body: { type: 'carry_out' },
      });
      expect(d.status, JSON.stringify(d.body)).toBe(200);
      const quote = await t.api('GET', `/api/carts/${cartId}/quote`, { key: tokens.clerk });
      const sold = await t.api('POST', `/api/carts/${cartId}/checkout`, {
        key: tokens.clerk,
        body: { payments: [{ provider: 'manual', amount: quote.body.grand, tendered: quote.body.grand }] },
      });
      expect(sold.status, JSON.stringify(sold.body)).toBe(201);
      const order = sold.body.order;
      expect(order.lines[0]).toMatchObject({
        unitPrice: 450,
        priceOverride: { reason: 'price match', by: ids.store_manager, byName: 'Max' },
      });
      expect(order.history.length).toBeGreaterThan(0);
      for (const step of order.history) expect(step.by).toBe(ids.clerk);
      const created = await eventsOf(order.id, 'order.created');
      expect(created.map((e) => e.actor)).toEqual([ids.clerk]);
      const read = await t.api('GET', `/api/orders/${order.id}`);
      expect(read.body.lines[0].priceOverride.reason).toBe('price match');
    },
    SCRYPT_UNDER_LOAD_MS,
  );
});
