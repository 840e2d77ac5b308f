// Stages over time: the hub's background job moves a buyer to at risk, then lapsed, as days pass
// without an order, and a shopper whose cart sat idle for the window (60 min) to cart abandoner (the
// job runs every minute; here it is run now, on a manual clock).
import { expect, it } from 'vitest';
import { ManualClock } from '../src/kernel/index.js';
import { describeEachHub } from './helpers/test-hub.js';

const clock = new ManualClock('2026-03-01T10:00:00Z');

describeEachHub(
  'customer stages over time',
  (t) => {
    it('the stage sweeper moves a buyer to at risk after 90 days and to lapsed after 180', async () => {
      const ch = await t.api('POST', '/api/channels', {
        body: { code: 'web-stages', name: 'Web', type: 'web', currency: 'EUR', locales: ['en'] },
      });
      const src = await t.api('POST', '/api/customers/sources', {
        body: { channelId: ch.body.id, name: 'site' },
      });
      const order = await t.api('POST', '/v1/track', {
        key: null,
        body: {
          writeKey: src.body.writeKey,
          userId: 'stage-buyer',
          event: 'Order Completed',
          properties: { total: 30, currency: 'EUR' },
          timestamp: clock.now().toISOString(),
        },
      });
      expect(order.status).toBe(200);
      const [found] = (await t.api('GET', '/api/customers?externalId=user_id:stage-buyer')).body.items;
      const stage = async () => (await t.api('GET', `/api/customers/${found.id}`)).body.stage;
      expect(await stage()).toBe('first_time_buyer');

      clock.advance(89 * 86_400_000);
      await t.hub.jobs.customerStages.runNow();
      expect(await stage()).toBe('first_time_buyer');
      clock.advance(2 * 86_400_000);
      await t.hub.jobs.customerStages.runNow();
      expect(await stage()).toBe('at_risk');
      clock.advance(90 * 86_400_000);
      await t.hub.jobs.customerStages.runNow();
      expect(await stage()).toBe('lapsed');

      const changes = await t.api('GET', `/api/events?types=customer.stage_changed&subject=${found.id}`);
      expect(changes.status).toBe(200);
      expect(changes.body.items.map((e: { data: { to: string } }) => e.data.to)).toEqual([
        'first_time_buyer',
        'at_risk',
        'lapsed',
      ]);
    });

    it('a cart makes a shopper a cart abandoner only after it sat idle for the window', async () => {
      const ch = await t.api('POST', '/api/channels', {
        body: { code: 'web-carts', name: 'Web', type: 'web', currency: 'EUR', locales: ['en'] },
      });
      const src = await t.api('POST', '/api/customers/sources', {
        body: { channelId: ch.body.id, name: 'site' },
      });
      const track = async (event: string) =>
        t.api('POST', '/v1/track', {
          key: null,
          body: {
            writeKey: src.body.writeKey,
            userId: 'idle-carter',
            event,
            properties: { sku: 'TEE' },
            timestamp: clock.now().toISOString(),
          },
        });
      expect((await track('Product Added')).status).toBe(200);
      const [found] = (await t.api('GET', '/api/customers?externalId=user_id:idle-carter')).body.items;
      const stage = async () => (await t.api('GET', `/api/customers/${found.id}`)).body.stage;
      expect(await stage()).toBe('engaged'); // filling a cart is not abandoning it

      clock.advance(40 * 60_000);
      expect((await track('Cart Viewed')).status).toBe(200); // still at it: the window starts again
      clock.advance(59 * 60_000);
      await t.hub.jobs.customerStages.runNow();
      expect(await stage()).toBe('engaged');
      clock.advance(2 * 60_000);
      await t.hub.jobs.customerStages.runNow();
      expect(await stage()).toBe('cart_abandoner');
      await t.hub.jobs.customerStages.runNow(); // not due again: no second change

      const changes = await t.api('GET', `/api/events?types=customer.stage_changed&subject=${found.id}`);
      expect(changes.body.items.map((e: { data: { to: string } }) => e.data.to)).toEqual([
        'engaged',
        'cart_abandoner',
      ]);
    });
  },
  { clock },
);
