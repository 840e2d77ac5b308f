// With NATS_URL set, committed events are published to a JetStream stream: one durable relay
// consumer of the event log publishes each event as a CloudEvent with message id = event id, so
// JetStream's duplicate window drops the re-sends that at-least-once delivery makes after a relay
// restart. Every hub node also listens to the stream to wake its own SSE clients and consumers
// at once, instead of waiting for their next poll of the database.
import { type JetStreamClient, jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection, nanos } from '@nats-io/transport-node';
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
  consumer: RunningConsumer;
  connection: NatsConnection;
  stop(): Promise<void>;
}

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
  const nc = await connect({ servers: opts.url, name: 'omnihub-relay' });
  const prefix = opts.subjectPrefix ?? NATS_SUBJECT_PREFIX;
  await ensureStream(nc, opts.stream, prefix);
  const js: JetStreamClient = jetstream(nc);
  const consumer = startConsumer({
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
  return {
    consumer,
    connection: nc,
    async stop() {
      await consumer.stop();
      await nc.drain().catch(() => {});
    },
  };
}

/**
 * Wakes this node's consumers whenever any node's relay publishes, so SSE clients on every node
 * see a change within milliseconds of its commit.
 */
export async function startNatsWakeup(opts: {
  url: string;
  stream: string;
  subjectPrefix?: string;
  database: Database;
  log: Logger;
}) {
  const nc = await connect({ servers: opts.url, name: 'omnihub-wakeup' });
  const sub = nc.subscribe(`${opts.subjectPrefix ?? NATS_SUBJECT_PREFIX}.>`);
  (async () => {
    for await (const _ of sub) opts.database.notifier.notify();
  })().catch((err) => opts.log.warn({ err }, 'NATS wake-up subscription ended'));
  return {
    async stop() {
      sub.unsubscribe();
      await nc.drain().catch(() => {});
    },
  };
}
