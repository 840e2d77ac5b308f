// The demo retailer comes with carts and orders across channels, including a click & collect order
// waiting for pickup in Amsterdam.
import { expect, it } from 'vitest';
import { describeEachHub } from './helpers/test-hub.js';

describeEachHub(
  'demo orders',
  (t) => {
    it('has orders from several channels and a click & collect order ready for pickup', async () => {
      const orders = await t.api('GET', '/api/orders?limit=50');
      expect(orders.status).toBe(200);
      const channels = new Set(orders.body.items.map((o: { channelId: string }) => o.channelId));
      expect(channels.size).toBeGreaterThanOrEqual(3);
      const sources = new Set(orders.body.items.map((o: { source: string }) => o.source));
      expect(sources).toEqual(new Set(['native', 'imported']));
      const pickup = orders.body.items.find(
        (o: { delivery: { type: string } }) => o.delivery.type === 'pickup',
      );
      expect(pickup).toMatchObject({ status: 'allocated' });
      const detail = await t.api('GET', `/api/orders/${pickup.id}`);
      expect(detail.body.fulfilments[0]).toMatchObject({ kind: 'pickup', status: 'ready_for_pickup' });
      const completed = orders.body.items.filter((o: { status: string }) => o.status === 'completed');
      expect(completed.length).toBeGreaterThanOrEqual(2);
    });
  },
  { demo: true },
);
