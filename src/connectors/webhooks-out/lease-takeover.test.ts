// Two senders (nodes or workers) on one queue, one of them slow: its sends outlast the delivery lease
// and its heartbeat comes late (here the lease is far shorter than the 2 s heartbeat). The other takes
// over what the slow one only held waiting; each delivery is still sent once: a waiting head is
// confirmed right before its send (one taken over meanwhile is left out), and a head being sent is
// leased for its whole send.
import { expect, it } from 'vitest';
import { systemClock } from '../../kernel/index.js';
import {
  type ClaimedDelivery,
  createWebhooksService,
  type DeliveryOutcome,
  integrationsMigrations,
} from '../../modules/integrations/index.js';
import { inTransaction } from '../../platform/context.js';
import { appendEvent } from '../../platform/events/event-log.js';
import { describeEachDatabase, testLog } from '../../platform/testing/test-databases.js';
import { allowTestEvents } from '../../platform/testing/test-events.js';
import { startWebhooksOut, type WebhooksOutConfig } from './delivery-worker.js';
import type { Sender } from './sender.js';

allowTestEvents('lease.test');

describeEachDatabase('webhook leases with a slow sender', [integrationsMigrations], (t) => {
  it('sends each delivery once while another node takes the slow one’s waiting heads over', {
    timeout: 60_000,
  }, async () => {
    const service = createWebhooksService();
    await service.createEndpoint(t.ctx(), { url: 'https://example.com/hook', types: ['lease.*'] });
    const sent = new Map<string, string[]>();
    const sender = (node: string, sendMs: number): Sender => ({
      async send(d: ClaimedDelivery): Promise<DeliveryOutcome> {
        sent.set(d.id, [...(sent.get(d.id) ?? []), node]);
        await new Promise((r) => setTimeout(r, sendMs));
        return { id: d.id, kind: 'delivered', statusCode: 200 };
      },
      close() {},
    });
    const config: WebhooksOutConfig = {
      allowPrivateTargets: false,
      retryScheduleMs: undefined,
      timeoutMs: 2_000,
      leaseMs: 300,
      loops: 1,
      batchSize: 5,
      pollMs: 50,
    };
    const node = (name: string, sendMs: number) =>
      startWebhooksOut({
        database: t.database,
        service,
        config,
        clock: systemClock,
        log: testLog,
        sender: sender(name, sendMs),
      });
    // The slow node runs the fan-out: every new head is leased to it first.
    const slow = node('slow', 700);
    await slow.fanout.caughtUp();
    const other = node('other', 0);
    try {
      const n = 20;
      await inTransaction(t.ctx(), async (tx) => {
        for (let i = 0; i < n; i++)
          await appendEvent(tx, { type: 'lease.test', subject: `s${i}`, payload: { i } });
      });
      const deadline = Date.now() + 40_000;
      while (slow.stats.delivered + other.stats.delivered < n && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 50));
      await new Promise((r) => setTimeout(r, 1_500)); // a second send would have happened by now
      expect(sent.size).toBe(n);
      const twice = [...sent].filter(([, by]) => by.length > 1);
      expect(twice).toEqual([]);
      expect(slow.stats.delivered + other.stats.delivered).toBe(n);
      // Both took part: the other node sent heads the slow one had been holding.
      expect(slow.stats.delivered).toBeGreaterThan(0);
      expect(other.stats.delivered).toBeGreaterThan(0);
    } finally {
      await other.stop();
      await slow.stop();
    }
  });
});
