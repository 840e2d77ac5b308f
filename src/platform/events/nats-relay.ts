// With NATS_URL set, committed events are published to a JetStream stream: one durable relay
// consumer of the event log publishes each event as a CloudEvent with message id = event id, so
// JetStream's duplicate window drops the re-sends that at-least-once delivery makes after a relay
// restart. Every hub node also listens to the stream to wake its own SSE clients and consumers
// at once, instead of waiting for their next poll of the database.
import { type JetStreamClient, jetstream, jetstreamManager } from '@nats-io/jetstream';
import { type ConnectionOptions, connect, type NatsConnection, nanos } from '@nats-io/transport-node';
import type { Logger } from 'pino';
import type { Database } from '../db/database.js';
import type { Metrics } from '../metrics.js';
import { toCloudEvent } from './cloudevents.js';
import { type RunningConsumer, startConsumer } from './consumer.js';

export const NATS_SUBJECT_PREFIX = 'omnihub.events';
/** Must exceed the longest relay outage we want deduplicated across. */
const DUPLICATE_WINDOW_MS = 15 * 60_000;

export interface NatsRelayOptions {
  url: string;
  stream: string;
  database: Database;
  log: Logger;
  metrics?: Metrics;
  /** Subjects are `<prefix>.<event type>`; two streams on one server need distinct prefixes. */
  subjectPrefix?: string;
  /** Consumer name of the relay's cursor in the event log. */
  consumerName?: string;
}

export interface NatsRelay {
  /** The relay's consumer of the event log while connected (stopped while NATS is away). */
  readonly consumer: RunningConsumer | undefined;
  connection: NatsConnection;
  /** `reconnecting` while NATS is away (the node serves on; /ready says degraded). */
  state(): 'connected' | 'reconnecting';
  stop(): Promise<void>;
}

/**
 * Reconnects forever (the client's default gives up after 10 tries, about 20 s), backing off from
 * 250 ms to 10 s with jitter; the first connect waits for the server too.
 */
export function reconnectingOptions(url: string, name: string): ConnectionOptions {
  let attempt = 0;
  let lastTry = 0;
  return {
    servers: url,
    name,
    maxReconnectAttempts: -1,
    waitOnFirstConnect: true,
    reconnectDelayHandler: () => {
      // A new outage (no try for 30 s) starts again from the shortest wait.
      if (Date.now() - lastTry > 30_000) attempt = 0;
      lastTry = Date.now();
      const ceiling = Math.min(10_000, 250 * 2 ** Math.min(attempt++, 6));
      return ceiling / 2 + Math.random() * (ceiling / 2);
    },
  };
}

/** Core NATS (not JetStream) subject on which each node says "I committed events": wakes every other node. */
export const wakeSubjectFor = (prefix = NATS_SUBJECT_PREFIX): string => `${prefix}-wake`;

export const natsSubjectFor = (type: string, prefix = NATS_SUBJECT_PREFIX): string =>
  `${prefix}.${type.replace(/[^A-Za-z0-9_.-]/g, '_')}`;

export async function ensureStream(
  nc: NatsConnection,
  stream: string,
  subjectPrefix = NATS_SUBJECT_PREFIX,
): Promise<void> {
  const jsm = await jetstreamManager(nc);
  const config = {
    name: stream,
    subjects: [`${subjectPrefix}.>`],
    duplicate_window: nanos(DUPLICATE_WINDOW_MS),
  };
  try {
    await jsm.streams.info(stream);
    await jsm.streams.update(stream, { duplicate_window: config.duplicate_window });
  } catch {
    await jsm.streams.add(config);
  }
}

export async function startNatsRelay(opts: NatsRelayOptions): Promise<NatsRelay> {
  const nc = await connect(reconnectingOptions(opts.url, 'omnihub-relay'));
  const prefix = opts.subjectPrefix ?? NATS_SUBJECT_PREFIX;
  await ensureStream(nc, opts.stream, prefix);
  const js: JetStreamClient = jetstream(nc);
  const start = () =>
    startConsumer({
      database: opts.database,
      name: opts.consumerName ?? 'nats-relay',
      log: opts.log,
      batchSize: 500,
      handle: async (events) => {
        // Publishes of one batch are pipelined on one connection, which keeps their order.
        await Promise.all(
          events.map((e) =>
            js.publish(natsSubjectFor(e.type, prefix), JSON.stringify(toCloudEvent(e)), {
              msgID: e.id,
              timeout: 10_000,
            }),
          ),
        );
        for (const e of events) opts.metrics?.eventsAppended.inc({ type: e.type });
      },
    });
  let consumer: RunningConsumer | undefined = start();
  let state: 'connected' | 'reconnecting' = 'connected';
  let stopping = false;
  // While NATS is away this node gives the relay's lease up (stopping its consumer releases it), so
  // a node that still reaches NATS takes the relay over; it competes for it again once reconnected.
  const watch = (async () => {
    for await (const s of nc.status()) {
      if (stopping) break;
      if (s.type === 'disconnect' && state === 'connected') {
        state = 'reconnecting';
        opts.log.warn(
          { stream: opts.stream },
          'NATS relay disconnected; reconnecting (fan-out polls meanwhile)',
        );
        const c = consumer;
        consumer = undefined;
        await c?.stop();
      } else if (s.type === 'reconnect' && state === 'reconnecting') {
        state = 'connected';
        opts.log.info({ stream: opts.stream }, 'NATS relay reconnected');
        consumer ??= start();
      }
    }
  })().catch((err) => opts.log.warn({ err }, 'NATS relay status watch ended'));
  return {
    get consumer() {
      return consumer;
    },
    connection: nc,
    state: () => state,
    async stop() {
      stopping = true;
      await consumer?.stop();
      await nc.drain().catch(() => {});
      await watch;
    },
  };
}

/**
 * Wakes this node's consumers whenever any node's relay publishes or any node commits events, so
 * SSE clients on every node see a change within milliseconds of its commit, and the relay (on
 * whichever node holds its lease) publishes at once instead of at its next poll.
 *
 * It rides on the relay's connection: with a connection of its own it could still be waiting for
 * its next reconnect try (up to 10 s apart) while the relay said "connected", and a commit's wake
 * sent meanwhile was lost, leaving the other node to its poll.
 */
export function startNatsWakeup(opts: {
  connection: NatsConnection;
  subjectPrefix?: string;
  database: Database;
  log: Logger;
}) {
  const nc = opts.connection;
  const prefix = opts.subjectPrefix ?? NATS_SUBJECT_PREFIX;
  const sub = nc.subscribe(`${prefix}.>`);
  const wakeSubject = wakeSubjectFor(prefix);
  const wakes = nc.subscribe(wakeSubject);
  const notifier = opts.database.notifier;
  // Messages this node sent itself are dropped by their origin id (its own commits woke it already).
  const origin = Math.random().toString(36).slice(2);
  for (const s of [sub, wakes]) {
    (async () => {
      for await (const m of s) if (s === sub || m.string() !== origin) notifier.notifyRemote();
    })().catch((err) => opts.log.warn({ err }, 'NATS wake-up subscription ended'));
  }
  // Wakes sent by other nodes while this one was away are lost: read once on reconnect.
  (async () => {
    for await (const s of nc.status()) if (s.type === 'reconnect') notifier.notifyRemote();
  })().catch(() => {});
  // One wake per burst of local commits: the next read picks up all of them.
  let pending = false;
  const offLocal = notifier.onLocal(() => {
    if (pending) return;
    pending = true;
    queueMicrotask(() => {
      pending = false;
      if (!nc.isClosed()) nc.publish(wakeSubject, origin);
    });
  });
  return {
    stop() {
      offLocal();
      if (nc.isClosed()) return;
      sub.unsubscribe();
      wakes.unsubscribe();
    },
  };
}
