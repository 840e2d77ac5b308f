// Processes stored inbound deliveries from the event log: the connector's adapter translates the
// payload into hub commands, which are validated and carried out; a translation or command that
// fails parks the delivery with the error (retry by API), a success records the results.

import {
  applyInboundCommands,
  type InboundCommandDeps,
  parseCommands,
} from '../../flows/inbound-commands/index.js';
import { type Clock, parseJsonLossless } from '../../kernel/index.js';
import {
  INTEGRATION_EVENT_SCHEMAS,
  INTEGRATION_EVENTS,
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
}

export async function processInboundDelivery(
  ctx: Ctx,
  deps: InboundProcessorDeps,
  deliveryId: string,
): Promise<void> {
  const d = await deps.inbound.getDelivery(ctx, deliveryId);
  if (d.status !== 'received') return; // processed before (at-least-once consumer)
  const connector = await deps.inbound.findConnectorForVerification(ctx, d.connectorId);
  if (!connector) return;
  try {
    const adapter = WIRE_ADAPTERS[connector.kind];
    // Ids beyond 2^53 (Shopify's order ids) stay exact strings: two orders never collapse into one.
    const payload: unknown = parseJsonLossless(d.rawBody);
    // Deliveries stored before their topic's shape was checked on arrival (or retried) meet it here.
    const issues = payloadIssues(adapter.payloadShape?.(d.topic, payload), payload);
    if (issues.length) {
      await deps.inbound.finish(ctx, d, { status: 'parked', error: describeIssues(issues) });
      return;
    }
    const raw = await adapter.translate({
      topic: d.topic,
      payload,
      headers: d.headers,
      connector,
      currency: connector.channelId ? await deps.channelCurrency(ctx, connector.channelId) : undefined,
      refs: {
        save: (kind, pairs) => deps.inbound.saveRefs(ctx, connector.id, kind, pairs),
        lookup: (kind, id) => deps.inbound.lookupRef(ctx, connector.id, kind, id),
      },
    });
    const parsed = parseCommands(raw);
    if (!parsed.ok) {
      await deps.inbound.finish(ctx, d, {
        status: 'parked',
        error: `the commands are not valid: ${parsed.errors.join('; ')}`,
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
      parsed.commands,
    );
    await deps.inbound.finish(ctx, d, { status: 'processed', result: results });
  } catch (err) {
    // The stored reason is shown in the console: our own sentences, never SQL or a stack.
    if (!isReadableError(err)) deps.log.error({ err, deliveryId }, 'inbound delivery failed');
    await deps.inbound.finish(ctx, d, { status: 'parked', error: readableErrorText(err) });
  }
}

export function startInboundProcessor(deps: InboundProcessorDeps): RunningConsumer {
  const ctx = createContext(deps.database, { clock: deps.clock, log: deps.log });
  return startConsumer({
    database: deps.database,
    name: 'inbound-processor',
    log: deps.log,
    startAt: 'head',
    filter: { types: [INTEGRATION_EVENTS.inboundReceived] },
    handle: async (events) => {
      for (const e of events)
        await processInboundDelivery(
          ctx,
          deps,
          payloadOf(INTEGRATION_EVENT_SCHEMAS[INTEGRATION_EVENTS.inboundReceived], e).deliveryId,
        );
    },
  });
}
