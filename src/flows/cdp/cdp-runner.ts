// Runs the CDP in the background. A worker drains the ingest tap's queue: counted events are kept,
// the touched customers' computed traits and audiences are evaluated, and raw events are forwarded
// to destinations (webhook endpoints, through the integrations module's delivery queue: signing,
// retries, DLQ, and consent per customer with the reason of a refusal kept in the delivery log).
// A consumer of the event log re-evaluates customers whose traits, tags, stage or consent changed,
// or who were merged or unmerged, so memberships follow every change, not only new events.

import type { Clock } from '../../kernel/index.js';
import type { CdpDefinitions, CdpService, TappedEvent } from '../../modules/cdp/index.js';
import { CUSTOMER_EVENT_SCHEMAS, CUSTOMER_EVENTS } from '../../modules/customers/index.js';
import type { WebhooksService } from '../../modules/integrations/index.js';
import { type Ctx, createContext, type Logger } from '../../platform/context.js';
import type { Database } from '../../platform/db/database.js';
import { type RunningConsumer, startConsumer } from '../../platform/events/consumer.js';
import type { StoredEvent } from '../../platform/events/event-log.js';
import { newEventId } from '../../platform/events/event-log.js';
import { payloadOf } from '../../platform/events/event-schemas.js';
import { evaluateJsonata } from '../../platform/jsonata.js';
import { type CdpCustomers, evaluateProfiles } from './evaluate-profiles.js';
import type { CdpTap } from './ingest-tap.js';

export interface CdpRunnerDeps {
  database: Database;
  clock: Clock;
  log: Logger;
  cdp: CdpService;
  customers: CdpCustomers;
  webhooks: Pick<WebhooksService, 'enqueueForEndpoint'>;
  tap: CdpTap;
  /** Wakes the webhook delivery loops after destinations queued deliveries. */
  onWebhookQueued?: () => void;
}

export interface RunningCdp {
  /** Resolves once every event queued before the call has been handled. */
  idle(): Promise<void>;
  readonly consumer: RunningConsumer;
  stop(): Promise<void>;
}

const BATCH = 2_000;

/** The event as destinations' filters and mappings see it (and as it is forwarded by default). */
const wireOf = (e: TappedEvent) => ({
  type: e.kind,
  event: e.name,
  messageId: e.messageId,
  customerId: e.profileId,
  userId: e.userId,
  anonymousId: e.anonymousId,
  channelId: e.channelId,
  timestamp: e.occurredAt.toISOString(),
  properties: e.properties,
  traits: e.traits,
});

async function forward(ctx: Ctx, deps: CdpRunnerDeps, defs: CdpDefinitions, batch: TappedEvent[]) {
  let queued = false;
  for (const d of defs.destinations) {
    const n = { forwarded: 0, filtered: 0, suppressed: 0 };
    for (const e of batch) {
      if (!d.kinds.includes(e.kind as never)) continue;
      const wire = wireOf(e);
      try {
        if (d.filter && !(await evaluateJsonata(d.filter, wire, 'The filter'))) {
          n.filtered++;
          continue;
        }
        const mapped = d.mapping ? await evaluateJsonata(d.mapping, wire, 'The mapping') : wire;
        if (mapped === undefined || mapped === null) {
          n.filtered++;
          continue;
        }
        const payload =
          typeof mapped === 'object' && !Array.isArray(mapped)
            ? (mapped as Record<string, unknown>)
            : { value: mapped };
        const event: StoredEvent = {
          id: newEventId(),
          position: 0,
          txId: 0,
          type: `segment.${e.kind}`,
          subject: e.profileId,
          channelId: e.channelId,
          payload,
          actor: null,
          requestId: null,
          occurredAt: e.occurredAt,
          recordedAt: ctx.clock.now(),
        };
        // The destination's purpose (else its endpoint's) asks mayContact first; a refusal is
        // written to the endpoint's delivery log as a suppressed delivery with the reason.
        const ok = await deps.webhooks.enqueueForEndpoint(
          ctx,
          d.endpointId,
          event,
          `dst:${d.id}:${e.sourceId}:${e.messageId}`,
          d.purpose,
        );
        if (ok) n.forwarded++;
        else n.suppressed++;
        queued ||= ok;
      } catch (err) {
        n.filtered++;
        deps.log.warn({ err, destinationId: d.id, messageId: e.messageId }, 'destination skipped an event');
      }
    }
    if (n.forwarded || n.filtered || n.suppressed) await deps.cdp.countForwarding(ctx, d.id, n);
  }
  if (queued) deps.onWebhookQueued?.();
}

async function handleBatch(ctx: Ctx, deps: CdpRunnerDeps, batch: TappedEvent[]) {
  const violations = deps.tap.takeViolations();
  if (violations.length) await deps.cdp.recordViolations(ctx, violations);
  if (batch.length === 0) return;
  const defs = await deps.cdp.definitions(ctx);
  const rows = [];
  const causes = new Map<string, string>();
  for (const e of batch) {
    const props = e.name ? defs.countedEvents.get(e.name) : undefined;
    if (!props) continue;
    const kept: Record<string, unknown> = {};
    for (const k of props) if (e.properties[k] !== undefined) kept[k] = e.properties[k];
    rows.push({
      profileId: e.profileId,
      messageId: `${e.sourceId}:${e.messageId}`,
      eventName: e.name!,
      occurredAt: e.occurredAt,
      properties: kept,
    });
    causes.set(e.profileId, e.messageId);
  }
  if (rows.length) {
    await deps.cdp.recordEvents(ctx, rows);
    await evaluateProfiles(ctx, deps, defs, [...causes.keys()], causes);
  }
  if (defs.destinations.length) await forward(ctx, deps, defs, batch);
}

/** Profiles a customer event is about, and the merged-away ones whose memberships end. */
function profilesOf(event: StoredEvent, computedKeys: Set<string>): { touched: string[]; gone: string[] } {
  switch (event.type) {
    case CUSTOMER_EVENTS.merged: {
      const p = payloadOf(CUSTOMER_EVENT_SCHEMAS[CUSTOMER_EVENTS.merged], event);
      return { touched: [p.winnerId], gone: [p.loserId, ...p.movedProfileIds] };
    }
    case CUSTOMER_EVENTS.unmerged: {
      const p = payloadOf(CUSTOMER_EVENT_SCHEMAS[CUSTOMER_EVENTS.unmerged], event);
      return { touched: [p.winnerId, p.loserId], gone: [] };
    }
    case CUSTOMER_EVENTS.traitsChanged: {
      const p = payloadOf(CUSTOMER_EVENT_SCHEMAS[CUSTOMER_EVENTS.traitsChanged], event);
      // The CDP's own computed-trait writes were evaluated when they were made.
      if (p.traits.every((t) => computedKeys.has(t))) return { touched: [], gone: [] };
      return { touched: [p.profileId], gone: [] };
    }
    default: {
      const profileId = (event.payload as { profileId?: unknown }).profileId;
      return { touched: typeof profileId === 'string' ? [profileId] : [], gone: [] };
    }
  }
}

function startProfileChanges(deps: CdpRunnerDeps, ctx: Ctx): RunningConsumer {
  return startConsumer({
    database: deps.database,
    name: 'cdp-audiences',
    log: deps.log,
    startAt: 'head',
    filter: {
      types: [
        CUSTOMER_EVENTS.traitsChanged,
        CUSTOMER_EVENTS.tagsChanged,
        CUSTOMER_EVENTS.stageChanged,
        CUSTOMER_EVENTS.consentChanged,
        CUSTOMER_EVENTS.merged,
        CUSTOMER_EVENTS.unmerged,
      ],
    },
    handle: async (events) => {
      const defs = await deps.cdp.definitions(ctx);
      if (defs.audiences.length === 0 && defs.computedTraits.length === 0) return;
      const computedKeys = new Set(defs.computedTraits.map((t) => t.traitKey));
      const touched: string[] = [];
      const gone: string[] = [];
      for (const e of events) {
        const p = profilesOf(e, computedKeys);
        touched.push(...p.touched);
        gone.push(...p.gone);
      }
      if (gone.length) {
        const ended = await deps.cdp.membershipsOf(ctx, gone);
        await deps.cdp.applyMemberships(ctx, {
          enter: [],
          exit: ended.map((m) => ({ ...m, reason: 'merged' as const })),
        });
      }
      if (touched.length) await evaluateProfiles(ctx, deps, defs, touched);
    },
  });
}

export function startCdp(deps: CdpRunnerDeps): RunningCdp {
  const ctx = createContext(deps.database, { clock: deps.clock, log: deps.log });
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;
  const drain = async () => {
    do {
      again = false;
      while (!stopped && (deps.tap.queued > 0 || again)) {
        again = false;
        try {
          await handleBatch(ctx, deps, deps.tap.take(BATCH));
        } catch (err) {
          deps.log.error({ err }, 'CDP batch failed');
        }
      }
      // Violations counted without a queued event (a blocked batch) are written too.
      try {
        await handleBatch(ctx, deps, []);
      } catch (err) {
        deps.log.error({ err }, 'CDP violations could not be recorded');
      }
    } while (!stopped && (again || deps.tap.queued > 0));
  };
  const wake = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = drain().finally(() => {
      running = undefined;
    });
  };
  deps.tap.onQueued = wake;
  void deps.cdp.definitions(ctx).catch((err) => deps.log.warn({ err }, 'CDP definitions not loaded'));
  const consumer = startProfileChanges(deps, ctx);
  return {
    consumer,
    async idle() {
      while (running || deps.tap.queued > 0) {
        if (!running) wake();
        await running;
      }
    },
    async stop() {
      stopped = true;
      deps.tap.onQueued = undefined;
      await running;
      await consumer.stop();
    },
  };
}
