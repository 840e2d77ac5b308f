// With NATS configured, committed events reach a JetStream stream exactly once per event id, also
// when the relay restarts and re-sends what it had not yet marked as done.
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../src/platform/context.js';
import { saveCursor } from '../src/platform/events/consumer.js';
import { appendEvents, LOG_START } from '../src/platform/events/event-log.js';
import { startNatsRelay } from '../src/platform/events/nats-relay.js';
import { describeEachDatabase, testLog } from '../src/platform/testing/test-databases.js';
import { allowTestEvents } from '../src/platform/testing/test-events.js';

// The made-up event types these tests append (the log checks every type against a schema).
allowTestEvents('relay.test');

const natsUrl = process.env.TEST_NATS_URL?.trim();

if (!natsUrl) {
  describe('NATS relay', () => {
    it('needs TEST_NATS_URL', () => {
      // CI always sets it (.ci/run); running without it there would hide this suite.
      expect(process.env.OMNIHUB_REQUIRE_SERVICES).not.toBe('1');
    });
  });
} else {
  describeEachDatabase('NATS JetStream relay', [], (t) => {
    let nc: NatsConnection;
    const stream =
      `OMNIHUB_TEST_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`.toUpperCase();

    beforeAll(async () => {
      nc = await connect({ servers: natsUrl });
    });
    afterAll(async () => {
      const jsm = await jetstreamManager(nc);
      await jsm.streams.delete(stream).catch(() => {});
      await nc.drain();
    });

    async function streamIds(): Promise<string[]> {
      const jsm = await jetstreamManager(nc);
      const info = await jsm.streams.info(stream);
      const js = jetstream(nc);
      const consumer = await js.consumers.get(stream);
      const ids: string[] = [];
      for (let i = 0; i < info.state.messages; i++) {
        const m = await consumer.next({ expires: 2_000 });
        if (!m) break;
        const ce = m.json<{ id: string; specversion: string; type: string }>();
        expect(ce.specversion).toBe('1.0');
        expect(m.headers?.get('Nats-Msg-Id')).toBe(ce.id);
        ids.push(ce.id);
      }
      return ids;
    }

    it('publishes each committed event once per id, also across a relay restart that re-sends', async () => {
      const write = (n: number, tag: string) =>
        inTransaction(t.ctx(), (tx) =>
          appendEvents(
            tx,
            Array.from({ length: n }, (_, i) => ({
              type: 'relay.test',
              subject: `r:${tag}:${i}`,
              payload: { i },
            })),
          ),
        );
      const first = await write(30, 'a');
      const consumerName = `relay-${stream}`;
      let relay = await startNatsRelay({
        url: natsUrl!,
        stream,
        subjectPrefix: `omnihub.${stream.toLowerCase()}`,
        database: t.database,
        log: testLog,
        consumerName,
      });
      await relay.consumer?.caughtUp();
      await relay.stop();

      // Simulate a crash after publishing but before the cursor was saved: rewind the cursor.
      await saveCursor(t.database.db, consumerName, LOG_START);
      const second = await write(20, 'b');
      relay = await startNatsRelay({
        url: natsUrl!,
        stream,
        subjectPrefix: `omnihub.${stream.toLowerCase()}`,
        database: t.database,
        log: testLog,
        consumerName,
      });
      await relay.consumer?.caughtUp();
      await relay.stop();

      const ids = await streamIds();
      const expected = [...first, ...second].map((e) => e.id);
      expect(ids.length).toBe(expected.length);
      expect(new Set(ids).size).toBe(ids.length);
      expect([...ids].sort()).toEqual([...expected].sort());
      // per subject order is the log order
      expect(ids.filter((id) => first.some((e) => e.id === id))).toEqual(first.map((e) => e.id));
    });
  });
}
