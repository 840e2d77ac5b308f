// A hub that is the only process serving its database keeps the carts its cart routes write
// (flows/commerce/written-carts.ts): the bench's order (cart, 3 lines, pickup, checkout) reads its
// cart once, at checkout, instead of before every change. A kept cart changed elsewhere meanwhile is
// refused by the version check and the change runs again on a fresh read: nothing lost, the refused
// attempt's hold released, another channel's cart still hidden.
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { expect, it } from 'vitest';
import { customer, setUp } from '../bench/scenarios/checkout.js';
import { rows } from '../src/platform/db/database.js';
import { describeEachHub } from './helpers/test-hub.js';

const CART_READ = /^select \* from carts where id = \$1/;

describeEachHub(
  'cart routes keep the carts they write',
  (t) => {
    let shop: Awaited<ReturnType<typeof setUp>>;
    const asShop = (method: string, path: string, body: unknown, headers?: Record<string, string>) =>
      t.api(method, path, { body, key: shop.key, ...(headers ? { headers } : {}) });
    /** What another process does to a cart: any change of it bumps its version. */
    const changeElsewhere = (cartId: string, set: ReturnType<typeof sql>) =>
      t.hub.database.db.execute(sql`update carts set ${set}, version = version + 1 where id = ${cartId}`);
    const holdsOf = async (cartId: string) =>
      rows<{ status: string; quantity: number }>(
        t.hub.database.db,
        sql`select status, quantity from inventory_reservations where reference = ${cartId} order by created_at, id`,
      );

    it('sets up the bench shop', async () => {
      const call = (_b: unknown, method: string, path: string, body?: unknown) =>
        t.api(method, path, body === undefined ? {} : { body });
      shop = await setUp({ baseUrl: '', adminKey: '' }, call as never);
    });

    it("reads an order's cart once, at checkout, not before every change", async () => {
      if (t.kind !== 'postgres') return; // PGlite is in-process: statements are not counted here
      let reads = 0;
      const original = pg.Client.prototype.query;
      pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
        const text = typeof args[0] === 'string' ? args[0] : ((args[0] as { text?: string })?.text ?? '');
        if (CART_READ.test(text.trim())) reads++;
        return (original as (...a: unknown[]) => unknown).apply(this, args);
      } as typeof original;
      try {
        expect(await customer(asShop, shop.skus, shop.storeId, 1)).toBe(true);
      } finally {
        pg.Client.prototype.query = original;
      }
      // Read before each of the 3 lines, the pickup and the checkout without the kept carts: 5.
      expect(reads).toBeGreaterThanOrEqual(1);
      expect(reads).toBeLessThanOrEqual(2);
    });

    it('adds a line and chooses the pickup on a fresh read when the kept cart was changed elsewhere', async () => {
      const cart = (await asShop('POST', '/api/carts', { anonymousId: 'kept-stale' })).body;
      const first = await asShop('POST', `/api/carts/${cart.id}/lines`, { sku: shop.skus[0], quantity: 1 });
      expect(first.status).toBe(201);
      await changeElsewhere(cart.id, sql`email = 'elsewhere@example.com'`);
      const second = await asShop('POST', `/api/carts/${cart.id}/lines`, { sku: shop.skus[1], quantity: 2 });
      expect(second.status, JSON.stringify(second.body)).toBe(201);
      expect(second.body.email).toBe('elsewhere@example.com');
      expect(second.body.lines.map((l: { sku: string; quantity: number }) => [l.sku, l.quantity])).toEqual([
        [shop.skus[0], 1],
        [shop.skus[1], 2],
      ]);
      // The attempt on the kept cart held 2 units, was refused and released them; then held again.
      expect(await holdsOf(cart.id)).toEqual([
        { status: 'held', quantity: 1 },
        { status: 'released', quantity: 2 },
        { status: 'held', quantity: 2 },
      ]);
      await changeElsewhere(cart.id, sql`phone = '+31612345678'`);
      const pickup = await asShop('PUT', `/api/carts/${cart.id}/delivery`, {
        type: 'pickup',
        locationId: shop.storeId,
      });
      expect(pickup.status, JSON.stringify(pickup.body)).toBe(200);
      expect(pickup.body).toMatchObject({ email: 'elsewhere@example.com', phone: '+31612345678' });
      expect(pickup.body.lines).toHaveLength(2);
      expect(pickup.body.delivery).toMatchObject({ type: 'pickup', locationId: shop.storeId });
    });

    it("hides a kept cart moved to another channel elsewhere, as the channel rule hides another channel's", async () => {
      const cart = (await asShop('POST', '/api/carts', { anonymousId: 'kept-moved' })).body;
      expect(
        (await asShop('POST', `/api/carts/${cart.id}/lines`, { sku: shop.skus[2], quantity: 1 })).status,
      ).toBe(201);
      const other = await t.api('POST', '/api/channels', {
        body: { code: 'kept-other', name: 'Other', type: 'web', currency: 'EUR', locales: ['en'] },
      });
      expect(other.status, JSON.stringify(other.body)).toBe(201);
      await changeElsewhere(cart.id, sql`channel_id = ${other.body.id}`);
      const refused = await asShop('POST', `/api/carts/${cart.id}/lines`, { sku: shop.skus[3], quantity: 1 });
      expect(refused.status).toBe(404);
      expect(refused.body.code).toBe('not_found');
      const [row] = await rows<{ lines: unknown }>(
        t.hub.database.db,
        sql`select lines from carts where id = ${cart.id}`,
      );
      const lines = typeof row!.lines === 'string' ? JSON.parse(row!.lines) : row!.lines;
      expect(lines).toHaveLength(1);
      expect((await holdsOf(cart.id)).map((h) => h.status)).toEqual(['held', 'released']);
    });
  },
  // The kept carts are for the only process on its database (one worker, no NATS).
  { config: { paymentProviders: ['manual', 'test'], workers: 1 }, engines: ['pglite', 'postgres'] },
);
