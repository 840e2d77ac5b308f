// Inventory through the public HTTP API on the demo retailer: locations, sourcing, adjustments,
// reservations with channel-bound keys, clean refusals and bad input that writes nothing.
import { beforeAll, expect, it } from 'vitest';
import { describeEachHub } from './helpers/test-hub.js';

describeEachHub(
  'inventory HTTP API',
  (t) => {
    let channels: Record<string, string>;
    let marketKey: string;

    beforeAll(async () => {
      const list = await t.api('GET', '/api/channels');
      channels = Object.fromEntries(list.body.items.map((c: { code: string; id: string }) => [c.code, c.id]));
      const key = await t.api('POST', '/api/keys', {
        body: { name: 'marketplace', scopes: ['inventory:write'], channelId: channels.marketplace },
      });
      expect(key.status).toBe(201);
      marketKey = key.body.secret;
      // Stock is only received for SKUs the catalog knows.
      for (const sku of ['E2E-1', 'E2E-2', 'E2E-3']) {
        const product = await t.api('POST', '/api/catalog/products', {
          body: {
            handle: sku.toLowerCase(),
            defaultLocale: 'en',
            content: { en: { title: sku } },
            variants: [{ sku }],
          },
        });
        expect(product.status).toBe(201);
      }
    });

    it('refuses to receive or count stock of a SKU no product has (422 naming body.sku), writing nothing', async () => {
      for (const kind of ['receive', 'count']) {
        const r = await t.api('POST', '/api/inventory/adjustments', {
          body: { kind, sku: 'NOPE-123', location: 'warehouse-utrecht', quantity: 5 },
        });
        expect(r.status).toBe(422);
        expect(r.body).toMatchObject({ code: 'unknown_sku', errors: [{ path: 'body.sku' }] });
      }
      const level = await t.api('GET', '/api/inventory/skus/NOPE-123');
      expect(level.body.levels ?? []).toEqual([]);
      const movements = await t.api('GET', '/api/inventory/movements?limit=500');
      expect(movements.body.items.some((m: { sku: string }) => m.sku === 'NOPE-123')).toBe(false);
    });

    it('has the demo locations and sourcing (marketplace with a safety buffer of 2)', async () => {
      const locations = await t.api('GET', '/api/inventory/locations');
      expect(locations.body.items.map((l: { code: string }) => l.code)).toEqual([
        'warehouse-utrecht',
        'store-amsterdam',
        'store-stockholm',
      ]);
      expect(locations.body.items[1]).toMatchObject({ type: 'store', latitude: 52.3802 });
      const sourcing = await t.api('GET', `/api/inventory/channels/${channels.marketplace}/sourcing`);
      expect(sourcing.body).toMatchObject({ safetyBuffer: 2, locationIds: [locations.body.items[0].id] });
    });

    it('reserves with a channel-bound key, refuses cleanly with 409 and releases once', async () => {
      const received = await t.api('POST', '/api/inventory/adjustments', {
        body: { kind: 'receive', sku: 'E2E-1', location: 'warehouse-utrecht', quantity: 5, reason: 'PO 7' },
      });
      expect(received.status).toBe(201);
      const ats = await t.api(
        'GET',
        `/api/inventory/channels/${channels.marketplace}/availability?skus=E2E-1,NONE`,
      );
      expect(ats.body.items).toEqual([
        { sku: 'E2E-1', availableToSell: 3 },
        { sku: 'NONE', availableToSell: 0 },
      ]);

      const body = { sku: 'E2E-1', quantity: 2, idempotencyKey: 'mk-1', reference: 'mp-order-1' };
      const made = await t.api('POST', '/api/inventory/reservations', { key: marketKey, body });
      expect(made.status).toBe(201);
      expect(made.body).toMatchObject({ channelId: channels.marketplace, status: 'held', quantity: 2 });
      const again = await t.api('POST', '/api/inventory/reservations', { key: marketKey, body });
      expect(again.status).toBe(200);
      expect(again.body.id).toBe(made.body.id);

      const refused = await t.api('POST', '/api/inventory/reservations', {
        key: marketKey,
        body: { sku: 'E2E-1', quantity: 2 },
      });
      expect(refused.status).toBe(409);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.body).toMatchObject({
        code: 'insufficient_stock',
        sku: 'E2E-1',
        requested: 2,
        available: 1,
      });

      const otherChannel = await t.api('POST', '/api/inventory/reservations', {
        key: marketKey,
        body: { sku: 'E2E-1', quantity: 1, channelId: channels.webshop },
      });
      expect(otherChannel.status).toBe(403);

      const webshop = await t.api('GET', `/api/inventory/skus/E2E-1?channelId=${channels.webshop}`);
      expect(webshop.body.channel).toEqual({ channelId: channels.webshop, availableToSell: 3 });

      const first = await t.api('POST', `/api/inventory/reservations/${made.body.id}/release`, {
        key: marketKey,
      });
      const second = await t.api('POST', `/api/inventory/reservations/${made.body.id}/release`, {
        key: marketKey,
      });
      expect([first.body.changed, second.body.changed]).toEqual([true, false]);
      const level = await t.api('GET', '/api/inventory/skus/E2E-1');
      expect(level.body.levels[0]).toMatchObject({ onHand: 5, reserved: 0 });
    });

    it('allocates, fulfils and transfers', async () => {
      await t.api('POST', '/api/inventory/adjustments', {
        body: { kind: 'count', sku: 'E2E-2', location: 'store-amsterdam', quantity: 4 },
      });
      const r = await t.api('POST', '/api/inventory/reservations', {
        body: { sku: 'E2E-2', quantity: 1, channelId: channels['store-amsterdam'], kind: 'pickup_hold' },
      });
      expect(r.status).toBe(201);
      const allocated = await t.api('POST', `/api/inventory/reservations/${r.body.id}/allocate`, {
        body: { reference: 'ord_x' },
      });
      expect(allocated.body.reservation).toMatchObject({
        status: 'allocated',
        reference: 'ord_x',
        expiresAt: null,
      });
      const fulfilled = await t.api('POST', `/api/inventory/reservations/${r.body.id}/fulfil`);
      expect(fulfilled.body.reservation.status).toBe('fulfilled');
      const moved = await t.api('POST', '/api/inventory/transfers', {
        body: { sku: 'E2E-2', from: 'store-amsterdam', to: 'store-stockholm', quantity: 3 },
      });
      expect(moved.status).toBe(201);
      const level = await t.api('GET', '/api/inventory/skus/E2E-2');
      expect(level.body.levels.map((l: { onHand: number }) => l.onHand).sort()).toEqual([0, 3]);
      const tooMany = await t.api('POST', '/api/inventory/transfers', {
        body: { sku: 'E2E-2', from: 'store-stockholm', to: 'store-amsterdam', quantity: 4 },
      });
      expect(tooMany.status).toBe(409);
    });

    it('turns bad input into problem+json 4xx and writes nothing', async () => {
      const before = await t.api('GET', '/api/inventory/movements?limit=500');
      const bad = [
        { kind: 'receive', sku: 'E2E-3', location: 'warehouse-utrecht', quantity: -1 },
        { kind: 'receive', sku: 'E2E-3', location: 'warehouse-utrecht', quantity: 1.5 },
        { kind: 'receive', sku: 'E2E-3', location: 'warehouse-utrecht', quantity: 0 },
        { kind: 'receive', sku: 'E2E-3', location: 'nowhere', quantity: 1 },
        { kind: 'receive', sku: 'E2E-3', location: 'warehouse-utrecht', quantity: 1, extra: true },
      ];
      const statuses = [];
      for (const body of bad)
        statuses.push((await t.api('POST', '/api/inventory/adjustments', { body })).status);
      expect(statuses).toEqual([400, 400, 400, 404, 400]);
      const reservations = [
        { sku: 'E2E-1', quantity: 0, channelId: channels.webshop },
        { sku: 'E2E-1', quantity: 1 },
        { sku: 'E2E-1', quantity: 1, channelId: 'chn_unknown' },
        { sku: 'E2E-1', quantity: 1, channelId: channels.webshop, location: 'nowhere' },
      ];
      const rStatuses = [];
      for (const body of reservations) {
        const res = await t.api('POST', '/api/inventory/reservations', { body });
        expect(res.headers['content-type']).toContain('application/problem+json');
        rStatuses.push(res.status);
      }
      expect(rStatuses).toEqual([400, 400, 422, 422]);
      const sourcing = await t.api('PUT', '/api/inventory/channels/chn_unknown/sourcing', {
        body: { locationIds: ['warehouse-utrecht'] },
      });
      expect(sourcing.status).toBe(404);
      const after = await t.api('GET', '/api/inventory/movements?limit=500');
      expect(after.body.items.length).toBe(before.body.items.length);
    });

    it('documents the inventory API in /openapi.json', async () => {
      const doc = await t.api('GET', '/openapi.json', { key: null });
      expect(Object.keys(doc.body.paths)).toEqual(
        expect.arrayContaining([
          '/api/inventory/reservations',
          '/api/inventory/reservations/{id}/release',
          '/api/inventory/channels/{channelId}/sourcing',
          '/api/inventory/adjustments',
        ]),
      );
    });
  },
  { demo: true },
);
