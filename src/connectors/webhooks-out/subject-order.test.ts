// Two senders (nodes or workers) on one queue, many events per subject: a recorded send hands its
// subject's next delivery to the same sender, the other sender claims what is due, and the loops
// also claim while handed-off heads wait. Whatever the mix, each subject's deliveries arrive in the
// order of its events, each exactly once, and one subject never has two sends under way at once.
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

allowTestEvents('order.test');

describeEachDatabase('webhook subjects in order across two senders', [integrationsMigrations], (t) => {
  it('delivers every subject’s events once and in order, one send per subject at a time', {
    timeout: 60_000,
  }, async () => {
    const service = createWebhooksService();
    await service.createEndpoint(t.ctx(), { url: 'https://example.com/hook', types: ['order.*'] });
    const received = new Map<string, number[]>();
    const inFlight = new Set<string>();
    const overlaps: string[] = [];
    let total = 0;
    const sender = (): Sender => ({
      async send(d: ClaimedDelivery): Promise<DeliveryOutcome> {
        const { subject, data } = JSON.parse(d.body) as { subject: string; data: { n: number } };
        if (inFlight.has(subject)) overlaps.push(subject);
        inFlight.add(subject);
        await new Promise((r) => setTimeout(r, Math.random() * 5));
        inFlight.delete(subject);
        received.set(subject, [...(received.get(subject) ?? []), data.n]);
        total++;
        return { id: d.id, kind: 'delivered', statusCode: 200 };
      },
      close() {},
    });
    const config: WebhooksOutConfig = {
      allowPrivateTargets: false,
      retryScheduleMs: undefined,
      timeoutMs: 2_000,
      leaseMs: 6_000,
      loops: 2,
      batchSize: 7,
      pollMs: 20,
    };
    const node = () =>
      startWebhooksOut({
        database: t.database,
        service,
        config,
        clock: systemClock,
        log: testLog,
        sender: sender(),
      });
    const first = node();
    await first.fanout.caughtUp();
    const second = node();
    const subjects = 12;
    const perSubject = 15;
    try {
      // Three commits, each with every subject's next five events interleaved.
      for (let round = 0; round < 3; round++) {
        await inTransaction(t.ctx(), async (tx) => {
          for (let k = 0; k < 5; k++)
            for (let s = 0; s < subjects; s++)
              await appendEvent(tx, { type: 'order.test', subject: `s${s}`, payload: { n: round * 5 + k } });
        });
      }
      const deadline = Date.now() + 40_000;
      while (total < subjects * perSubject && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 20));
      await new Promise((r) => setTimeout(r, 300)); // a second send would have happened by now
      expect(total).toBe(subjects * perSubject);
      for (let s = 0; s < subjects; s++)
        expect(received.get(`s${s}`)).toEqual(Array.from({ length: perSubject }, (_, n) => n));
      expect(overlaps).toEqual([]);
      expect(first.stats.delivered + second.stats.delivered).toBe(subjects * perSubject);
    } finally {
      await second.stop();
      await first.stop();
    }
  });
});
