// The delivery loops claim from the queue only when a claim may find something: the fan-out leases
// the heads it queues to this node at once, so a wake-up for those is served from memory, and the
// statement that records a send leases its subject's next delivery to the same node (a handoff).
// Every delivery still goes out, in order per subject. (A claim per wake-up per loop was ~400 statements a second at 500
// events a second.)
import { expect, it } from 'vitest';
import { systemClock } from '../../kernel/index.js';
import {
  type ClaimedDelivery,
  createWebhooksService,
  type DeliveryOutcome,
  integrationsMigrations,
  type WebhooksService,
} from '../../modules/integrations/index.js';
import { inTransaction } from '../../platform/context.js';
import { appendEvent } from '../../platform/events/event-log.js';
import { describeEachDatabase, testLog } from '../../platform/testing/test-databases.js';
import { allowTestEvents } from '../../platform/testing/test-events.js';
import { startWebhooksOut } from './delivery-worker.js';
import type { Sender } from './sender.js';

allowTestEvents('wakeup.test');

describeEachDatabase('webhook delivery loops woken by the fan-out', [integrationsMigrations], (t) => {
  it('serve the heads leased at fan-out and the heads a send handed off without claiming', {
    timeout: 60_000,
  }, async () => {
    const service = createWebhooksService();
    await service.createEndpoint(t.ctx(), { url: 'https://example.com/hook', types: ['wakeup.*'] });
    let claims = 0;
    const counted: WebhooksService = {
      ...service,
      claimDeliveries: (...args) => {
        claims++;
        return service.claimDeliveries(...args);
      },
    };
    const sent: string[] = [];
    const sender: Sender = {
      async send(d: ClaimedDelivery): Promise<DeliveryOutcome> {
        sent.push(JSON.parse(d.body).data.n);
        return { id: d.id, kind: 'delivered', statusCode: 200 };
      },
      close() {},
    };
    const node = startWebhooksOut({
      database: t.database,
      service: counted,
      // A poll far longer than the test: every claim it makes was asked for by a wake-up.
      config: {
        allowPrivateTargets: false,
        retryScheduleMs: undefined,
        timeoutMs: 2_000,
        leaseMs: 6_000,
        loops: 4,
        batchSize: 50,
        pollMs: 60_000,
      },
      clock: systemClock,
      log: testLog,
      sender,
    });
    const waitSent = async (n: number) => {
      const deadline = Date.now() + 30_000;
      while (sent.length < n && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
      expect(sent.length).toBe(n);
    };
    try {
      await node.fanout.caughtUp();
      await new Promise((r) => setTimeout(r, 100)); // each loop's first claim
      const atStart = claims;
      // Thirty commits of different subjects, one after the other: each a fan-out batch and a wake-up.
      for (let i = 0; i < 30; i++) {
        await inTransaction(t.ctx(), (tx) =>
          appendEvent(tx, { type: 'wakeup.test', subject: `s${i}`, payload: { n: `s${i}` } }),
        );
        await waitSent(i + 1);
      }
      expect(claims - atStart).toBe(0);
      // Five of one subject in one commit: the first is leased at fan-out, each next one is handed
      // to this node by the statement that records the send before it.
      await inTransaction(t.ctx(), async (tx) => {
        for (let i = 0; i < 5; i++)
          await appendEvent(tx, { type: 'wakeup.test', subject: 'same', payload: { n: `same${i}` } });
      });
      await waitSent(35);
      expect(sent.slice(30)).toEqual(['same0', 'same1', 'same2', 'same3', 'same4']);
      expect(claims - atStart).toBe(0);
    } finally {
      await node.stop();
    }
  });
});
