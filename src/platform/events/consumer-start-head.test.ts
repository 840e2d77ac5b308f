// A consumer that starts at the log's head begins where the head stood when the process pinned it
// (a serving hub pins before it listens), not where it stands when the consumer's loop first runs:
// a serving hub's consumers start a moment after listening, and the events of its first requests
// (a first start's first inbound deliveries) were skipped for good.
import { expect, it } from 'vitest';
import { inTransaction } from '../context.js';
import { describeEachDatabase, testLog } from '../testing/test-databases.js';
import { allowTestEvents } from '../testing/test-events.js';
import { pinConsumerStartHead, startConsumer } from './consumer.js';
import { appendEvent } from './event-log.js';

allowTestEvents('start.head');

describeEachDatabase('consumer starting at the head', [], (t) => {
  it('handles what was committed after the pin and before it started, not what came before', async () => {
    const append = (subject: string) =>
      inTransaction(t.ctx(), (tx) => appendEvent(tx, { type: 'start.head', subject, payload: {} }));
    await append('before-the-pin');
    await pinConsumerStartHead(t.database);
    await append('first-request');
    const handled: string[] = [];
    const consumer = startConsumer({
      database: t.database,
      name: 'start-head',
      log: testLog,
      startAt: 'head',
      filter: { types: ['start.head'] },
      handle: async (evs) => {
        for (const e of evs) handled.push(e.subject);
      },
    });
    try {
      await append('after-start');
      await consumer.caughtUp();
      expect(handled).toEqual(['first-request', 'after-start']);
    } finally {
      await consumer.stop();
    }
  });
});
