// Processes stored inbound deliveries from the event log: the connector's adapter translates the
// payload into hub commands, which are validated and carried out; a translation or command that
// fails parks the delivery with the error (retry by API), a success records the results. Orders
// of different ids are processed side by side; everything else keeps the order it arrived in.

import {
  applyInboundCommands,
  type InboundCommandDeps,
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
}

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

async function processLoaded(
  ctx: Ctx,
  deps: InboundProcessorDeps,
  { delivery: d, connector, payload: parsedPayload, parsed }: LoadedDelivery,
  currencies: Map<string, Promise<string | undefined>>,
): Promise<void> {
  try {
    const adapter = WIRE_ADAPTERS[connector.kind];
    const payload: unknown = parsed ? parsedPayload : parseJsonLossless(d.rawBody); // throws: parked
    // Deliveries stored before their topic's shape was checked on arrival (or retried) meet it here.
    const issues = payloadIssues(adapter.payloadShape?.(d.topic, payload), payload);
    if (issues.length) {
      await deps.inbound.finish(ctx, d, { status: 'parked', error: describeIssues(issues) });
      return;
    }
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
    if (!parsedCommands.ok) {
      await deps.inbound.finish(ctx, d, {
        status: 'parked',
        error: `the commands are not valid: ${parsedCommands.errors.join('; ')}`,
      });
      return;
    }
    const results = await applyInboundCommands(
      ctx,
      deps.commands,
      {
        connectorId: connector.id,
        kind: connector.kind,
        channelId: connector.channelId,
        locationId: connector.locationId,
      },
      parsedCommands.commands,
    );
    await deps.inbound.finish(ctx, d, { status: 'processed', result: results });
  } catch (err) {
    // The stored reason is shown in the console: our own sentences, never SQL or a stack.
    if (!isReadableError(err)) deps.log.error({ err, deliveryId: d.id }, 'inbound delivery failed');
    await deps.inbound.finish(ctx, d, { status: 'parked', error: readableErrorText(err) });
  }
}

/**
 * One consumer batch: the deliveries are read in one query and their connectors once. Runs of
 * deliveries with a parallel key (orders) are processed side by side, up to `concurrency` at a
 * time, each key's deliveries in turn; a delivery without a key is processed alone, in its place.
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
    await inParallel(all, concurrency, async (lane) => {
      for (const item of lane) await processLoaded(ctx, deps, item, currencies);
    });
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
  const concurrency = deps.concurrency ?? (deps.database.kind === 'postgres' ? 6 : 1);
  return startConsumer({
    database: deps.database,
    name: 'inbound-processor',
    log: deps.log,
    startAt: 'head',
    filter: { types: [INTEGRATION_EVENTS.inboundReceived] },
    handle: (events) =>
      processInboundBatch(
        ctx,
        deps,
        events.map(
          (e) => payloadOf(INTEGRATION_EVENT_SCHEMAS[INTEGRATION_EVENTS.inboundReceived], e).deliveryId,
        ),
        concurrency,
      ),
  });
}
