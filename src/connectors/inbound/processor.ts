// Processes stored inbound deliveries from the event log: the connector's adapter translates the
// payload into hub commands, which are validated and carried out; a translation or command that
// fails parks the delivery with the error (retry by API), a success records the results. Orders
// of different ids are processed side by side; everything else keeps the order it arrived in.

import {
  applyInboundCommands,
  applyOrderBatch,
  type InboundCommand,
  type InboundCommandDeps,
  type InboundSource,
  type OrderUpsertCommand,
  parseCommands,
} from '../../flows/inbound-commands/index.js';
import { type Clock, parseJsonLossless } from '../../kernel/index.js';
import {
  type ConnectorWithSecret,
  INTEGRATION_EVENT_SCHEMAS,
  INTEGRATION_EVENTS,
  type InboundDelivery,
  type InboundService,
} from '../../modules/integrations/index.js';
import { type Ctx, createContext, type Logger } from '../../platform/context.js';
import type { Database } from '../../platform/db/database.js';
import { type RunningConsumer, startConsumer } from '../../platform/events/consumer.js';
import { payloadOf } from '../../platform/events/event-schemas.js';
import { isReadableError, readableErrorText } from '../../platform/readable-error.js';
import { WIRE_ADAPTERS } from './adapters.js';
import { partitionOf, startPartitions } from './partitions.js';
import { describeIssues, payloadIssues } from './payload-shapes.js';

export interface InboundProcessorDeps {
  database: Database;
  inbound: InboundService;
  commands: InboundCommandDeps;
  /** The currency of a channel (for payloads with prices but no currency). */
  channelCurrency: (ctx: Ctx, channelId: string) => Promise<string | undefined>;
  clock: Clock;
  log: Logger;
  /** Orders processed side by side (default 6 on PostgreSQL, 1 on the embedded database). */
  concurrency?: number;
  /**
   * Consumers of the log, each with its own lease (default INBOUND_PARTITIONS on PostgreSQL, 1 on
   * the embedded database). Every node must use the same number: it decides where a key goes.
   */
  partitions?: number;
}

/** Partitions on PostgreSQL: enough to spread over a few workers or nodes. */
export const INBOUND_PARTITIONS = 4;

/** A delivery read for processing, with its connector and its payload parsed once. */
interface LoadedDelivery {
  delivery: InboundDelivery;
  connector: ConnectorWithSecret;
  /** The parsed body; undefined when it is not JSON (processing parks it with the reason). */
  payload: unknown;
  parsed: boolean;
}

function parsePayload(raw: string): { payload: unknown; parsed: boolean } {
  try {
    // Ids beyond 2^53 (Shopify's order ids) stay exact strings: two orders never collapse into one.
    return { payload: parseJsonLossless(raw), parsed: true };
  } catch {
    return { payload: undefined, parsed: false };
  }
}

export async function processInboundDelivery(
  ctx: Ctx,
  deps: InboundProcessorDeps,
  deliveryId: string,
): Promise<void> {
  const d = await deps.inbound.findDelivery(ctx, deliveryId);
  // Gone with its deleted connector, or processed before (at-least-once consumer).
  if (!d || d.status !== 'received') return;
  const connector = await deps.inbound.findConnectorForVerification(ctx, d.connectorId);
  if (!connector) return;
  await processLoaded(ctx, deps, { delivery: d, connector, ...parsePayload(d.rawBody) }, new Map());
}

/** A delivery translated into valid commands, or the reason it is parked. */
type Translated = { commands: InboundCommand[] } | { parked: string };

async function translateLoaded(
  ctx: Ctx,
  deps: InboundProcessorDeps,
  { delivery: d, connector, payload: parsedPayload, parsed }: LoadedDelivery,
  currencies: Map<string, Promise<string | undefined>>,
): Promise<Translated> {
  const adapter = WIRE_ADAPTERS[connector.kind];
  const payload: unknown = parsed ? parsedPayload : parseJsonLossless(d.rawBody); // throws: parked
  // Deliveries stored before their topic's shape was checked on arrival (or retried) meet it here.
  const issues = payloadIssues(adapter.payloadShape?.(d.topic, payload), payload);
  if (issues.length) return { parked: describeIssues(issues) };
  const channelId = connector.channelId;
  let currency: Promise<string | undefined> | undefined;
  if (channelId) {
    currency = currencies.get(channelId) ?? deps.channelCurrency(ctx, channelId);
    currencies.set(channelId, currency);
  }
  const raw = await adapter.translate({
    topic: d.topic,
    payload,
    headers: d.headers,
    connector,
    currency: await currency,
    refs: {
      save: (kind, pairs) => deps.inbound.saveRefs(ctx, connector.id, kind, pairs),
      lookup: (kind, id) => deps.inbound.lookupRef(ctx, connector.id, kind, id),
    },
  });
  const parsedCommands = parseCommands(raw);
  if (!parsedCommands.ok)
    return { parked: `the commands are not valid: ${parsedCommands.errors.join('; ')}` };
  return { commands: parsedCommands.commands };
}

const sourceOf = (c: ConnectorWithSecret): InboundSource => ({
  connectorId: c.id,
  kind: c.kind,
  channelId: c.channelId,
  locationId: c.locationId,
});

/** Parks a delivery with the reason; our own sentences, never SQL or a stack. */
async function park(ctx: Ctx, deps: InboundProcessorDeps, d: InboundDelivery, err: unknown) {
  if (!isReadableError(err)) deps.log.error({ err, deliveryId: d.id }, 'inbound delivery failed');
  await deps.inbound.finish(ctx, d, { status: 'parked', error: readableErrorText(err) });
}

async function processLoaded(
  ctx: Ctx,
  deps: InboundProcessorDeps,
  item: LoadedDelivery,
  currencies: Map<string, Promise<string | undefined>>,
): Promise<void> {
  const d = item.delivery;
  try {
    const t = await translateLoaded(ctx, deps, item, currencies);
    if ('parked' in t) {
      await deps.inbound.finish(ctx, d, { status: 'parked', error: t.parked });
      return;
    }
    const results = await applyInboundCommands(ctx, deps.commands, sourceOf(item.connector), t.commands);
    await deps.inbound.finish(ctx, d, { status: 'processed', result: results });
  } catch (err) {
    await park(ctx, deps, d, err);
  }
}

/**
 * Deliveries of different order ids, side by side: those that are each one order upsert are imported
 * as one batch per connector (few statements for all); the others one at a time, `concurrency` at once.
 */
async function processRound(
  ctx: Ctx,
  deps: InboundProcessorDeps,
  items: LoadedDelivery[],
  concurrency: number,
  currencies: Map<string, Promise<string | undefined>>,
): Promise<void> {
  const alone: LoadedDelivery[] = [];
  const orders = new Map<string, Array<{ at: number; item: LoadedDelivery; command: OrderUpsertCommand }>>();
  await inParallel([...items.entries()], concurrency, async ([at, item]) => {
    try {
      const t = await translateLoaded(ctx, deps, item, currencies);
      if ('parked' in t) {
        await deps.inbound.finish(ctx, item.delivery, { status: 'parked', error: t.parked });
      } else if (t.commands.length === 1 && t.commands[0]!.kind === 'order.upsert') {
        const list = orders.get(item.connector.id) ?? [];
        orders.set(item.connector.id, list);
        list.push({ at, item, command: t.commands[0]! });
      } else alone.push(item);
    } catch (err) {
      await park(ctx, deps, item.delivery, err);
    }
  });
  for (const batch of orders.values()) {
    batch.sort((a, b) => a.at - b.at); // arrival order decides who gets the last units
    const outcomes = await applyOrderBatch(
      ctx,
      deps.commands,
      sourceOf(batch[0]!.item.connector),
      batch.map((b) => b.command),
    );
    await deps.inbound.finishMany(
      ctx,
      outcomes.map((o, i) => {
        const delivery = batch[i]!.item.delivery;
        if (o.ok) return { delivery, status: 'processed' as const, result: o.results };
        if (!isReadableError(o.error))
          deps.log.error({ err: o.error, deliveryId: delivery.id }, 'inbound delivery failed');
        return { delivery, status: 'parked' as const, error: readableErrorText(o.error) };
      }),
    );
  }
  alone.sort((a, b) => items.indexOf(a) - items.indexOf(b));
  await inParallel(alone, concurrency, (item) => processLoaded(ctx, deps, item, currencies));
}

/**
 * One consumer batch: the deliveries are read in one query and their connectors once. Runs of
 * deliveries with a parallel key (orders) are processed side by side in rounds (each key's first
 * delivery, then each key's second, ...), so each key's deliveries go in turn; a delivery without a
 * key is processed alone, in its place.
 */
export async function processInboundBatch(
  ctx: Ctx,
  deps: InboundProcessorDeps,
  deliveryIds: string[],
  concurrency: number,
): Promise<void> {
  const byId = new Map((await deps.inbound.getDeliveries(ctx, deliveryIds)).map((d) => [d.id, d]));
  const connectors = new Map<string, Promise<ConnectorWithSecret | undefined>>();
  const currencies = new Map<string, Promise<string | undefined>>();
  let lanes = new Map<string, LoadedDelivery[]>();
  const runLanes = async () => {
    const all = [...lanes.values()];
    lanes = new Map();
    for (let round = 0; all.some((lane) => lane.length > round); round++) {
      const items = all.flatMap((lane) => (lane.length > round ? [lane[round]!] : []));
      await processRound(ctx, deps, items, concurrency, currencies);
    }
  };
  for (const id of deliveryIds) {
    const d = byId.get(id);
    if (!d || d.status !== 'received') continue; // processed before (at-least-once consumer)
    let connector = connectors.get(d.connectorId);
    if (!connector) {
      connector = deps.inbound.findConnectorForVerification(ctx, d.connectorId);
      connectors.set(d.connectorId, connector);
    }
    const c = await connector;
    if (!c) continue;
    const item: LoadedDelivery = { delivery: d, connector: c, ...parsePayload(d.rawBody) };
    const key = item.parsed ? WIRE_ADAPTERS[c.kind].parallelKey?.(d.topic, item.payload) : undefined;
    if (key === undefined) {
      await runLanes();
      await processLoaded(ctx, deps, item, currencies);
      continue;
    }
    const laneKey = `${c.id}\u0000${key}`;
    const lane = lanes.get(laneKey);
    if (lane) lane.push(item);
    else lanes.set(laneKey, [item]);
  }
  await runLanes();
}

/** Runs `work` over `items`, at most `limit` at once; the first failure is thrown once all settle. */
async function inParallel<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: { err: unknown } | undefined;
  const runner = async () => {
    while (next < items.length) {
      const item = items[next++]!;
      try {
        await work(item);
      } catch (err) {
        failure ??= { err };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, runner));
  if (failure) throw failure.err;
}

export function startInboundProcessor(deps: InboundProcessorDeps): RunningConsumer {
  const ctx = createContext(deps.database, { clock: deps.clock, log: deps.log });
  // PostgreSQL runs orders side by side on the pool; the embedded database runs one statement at a time.
  const postgres = deps.database.kind === 'postgres';
  const concurrency = deps.concurrency ?? (postgres ? 6 : 1);
  const partitions = deps.partitions ?? (postgres ? INBOUND_PARTITIONS : 1);
  const schema = INTEGRATION_EVENT_SCHEMAS[INTEGRATION_EVENTS.inboundReceived];
  return startPartitions({
    database: deps.database,
    log: deps.log,
    partitions,
    start: (name, partition) =>
      startConsumer({
        database: deps.database,
        name,
        log: deps.log,
        startAt: 'head',
        filter: { types: [INTEGRATION_EVENTS.inboundReceived] },
        // Every partition reads the same events and keeps its own share (a quarter at 4): batches of
        // 200 left ~50 orders per import batch, and under a burst the per-batch statements of the
        // import and of the consumers its events wake cost about as much as the orders themselves.
        batchSize: 1000,
        handle: (events) =>
          processInboundBatch(
            ctx,
            deps,
            events
              .map((e) => payloadOf(schema, e))
              .filter((p) => partitionOf(p, partitions) === partition)
              .map((p) => p.deliveryId),
            concurrency,
          ),
      }),
  });
}
