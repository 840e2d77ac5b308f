// Runs the CDP in the background. One consumer of the event log takes, in commit order, what
// ingestion handed over (cdp.events_received, written with the stored events) and every profile
// change (traits, tags, stage, consent, merges): counted events are kept, the touched customers'
// computed traits and audiences are evaluated once per batch, and raw events are forwarded to
// destinations (webhook endpoints, through the integrations module's delivery queue: signing,
// retries, DLQ, and consent per customer with the reason of a refusal kept in the delivery log).
// Being one ordered consumer, an ingest batch's own stage change is never evaluated apart from its
// events (so an entry always names the event that caused it). A second consumer evaluates every
// existing customer when a definition is saved (backfill.ts); the two evaluate under one lock, so
// neither sees an event the other has counted but not yet evaluated.

import type { Clock } from '../../kernel/index.js';
import {
  CDP_EVENT_SCHEMAS,
  CDP_EVENTS,
  type CdpDefinitions,
  type CdpService,
  type TappedEvent,
} from '../../modules/cdp/index.js';
import {
  CUSTOMER_EVENT_SCHEMAS,
  CUSTOMER_EVENTS,
  type CustomersService,
} from '../../modules/customers/index.js';
import type { WebhooksService } from '../../modules/integrations/index.js';
import { type Ctx, createContext, type Logger } from '../../platform/context.js';
import type { Database } from '../../platform/db/database.js';
import { type RunningConsumer, startConsumer } from '../../platform/events/consumer.js';
import type { StoredEvent } from '../../platform/events/event-log.js';
import { newEventId } from '../../platform/events/event-log.js';
import { payloadOf } from '../../platform/events/event-schemas.js';
import { evaluateJsonata } from '../../platform/jsonata.js';
import { type BackfillCustomers, startBackfill } from './backfill.js';
import { evaluateProfiles } from './evaluate-profiles.js';
import type { CdpTap } from './ingest-tap.js';

export interface CdpRunnerDeps {
  database: Database;
  clock: Clock;
  log: Logger;
  cdp: CdpService;
  customers: BackfillCustomers & Pick<CustomersService, 'storedEvents'>;
  webhooks: Pick<WebhooksService, 'enqueueForEndpoint'>;
  tap: CdpTap;
  /** Wakes the webhook delivery loops after destinations queued deliveries. */
  onWebhookQueued?: () => void;
}

export interface RunningCdp {
  /** Resolves once everything ingested or changed before the call has been handled. */
  idle(): Promise<void>;
  readonly consumer: RunningConsumer;
  /** Re-evaluates existing customers when an audience or computed trait is saved. */
  readonly backfill: RunningConsumer;
  stop(): Promise<void>;
}

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

/** Keeps the counted events of a batch; returns each touched profile's newest counted message id. */
async function countEvents(ctx: Ctx, deps: CdpRunnerDeps, defs: CdpDefinitions, batch: TappedEvent[]) {
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
  if (rows.length) await deps.cdp.recordEvents(ctx, rows);
  return causes;
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

/** One at a time in this process: the live consumer's batches and the backfill's pages. */
function serial() {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(fn: () => Promise<T>): Promise<T> => {
    const run = tail.then(fn, fn);
    tail = run.catch(() => undefined);
    return run;
  };
}

async function handleLogBatch(ctx: Ctx, deps: CdpRunnerDeps, events: StoredEvent[]) {
  const received = events.filter((e) => e.type === CDP_EVENTS.eventsReceived);
  const changes = events.filter((e) => e.type !== CDP_EVENTS.eventsReceived);
  const defs = await deps.cdp.definitions(ctx);
  const wanted = defs.countedEvents.size > 0 || defs.destinations.length > 0;
  const tapped =
    received.length && wanted
      ? await deps.customers.storedEvents(
          ctx,
          received.flatMap((e) => payloadOf(CDP_EVENT_SCHEMAS[CDP_EVENTS.eventsReceived], e).events),
        )
      : [];
  const evaluates = defs.audiences.length > 0 || defs.computedTraits.length > 0;
  if (evaluates) {
    const causes = await countEvents(ctx, deps, defs, tapped);
    const computedKeys = new Set(defs.computedTraits.map((t) => t.traitKey));
    const touched: string[] = [...causes.keys()];
    const gone: string[] = [];
    for (const e of changes) {
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
    if (touched.length) await evaluateProfiles(ctx, deps, defs, touched, causes);
  }
  if (defs.destinations.length && tapped.length) await forward(ctx, deps, defs, tapped);
}

function startLive(deps: CdpRunnerDeps, ctx: Ctx, exclusive: ReturnType<typeof serial>): RunningConsumer {
  return startConsumer({
    database: deps.database,
    name: 'cdp-audiences',
    log: deps.log,
    startAt: 'head',
    batchSize: 500,
    filter: {
      types: [
        CDP_EVENTS.eventsReceived,
        CUSTOMER_EVENTS.traitsChanged,
        CUSTOMER_EVENTS.tagsChanged,
        CUSTOMER_EVENTS.stageChanged,
        CUSTOMER_EVENTS.consentChanged,
        CUSTOMER_EVENTS.merged,
        CUSTOMER_EVENTS.unmerged,
      ],
    },
    handle: (events) => exclusive(() => handleLogBatch(ctx, deps, events)),
  });
}

export function startCdp(deps: CdpRunnerDeps): RunningCdp {
  const ctx = createContext(deps.database, { clock: deps.clock, log: deps.log });
  // Tracking-plan violations are counts kept in memory until written here (a crash loses at most
  // the counts of the last moments, never an event).
  let writing: Promise<void> | undefined;
  const write = async () => {
    try {
      while (deps.tap.pendingViolations > 0) await deps.cdp.recordViolations(ctx, deps.tap.takeViolations());
    } catch (err) {
      deps.log.error({ err }, 'CDP violations could not be recorded');
    }
  };
  const writeViolations = (): Promise<void> => {
    if (writing) return writing.then(() => writeViolations());
    const w = write().finally(() => {
      if (writing === w) writing = undefined;
    });
    writing = w;
    return w;
  };
  deps.tap.onViolations = () => void writeViolations();
  void deps.cdp.definitions(ctx).catch((err) => deps.log.warn({ err }, 'CDP definitions not loaded'));
  const exclusive = serial();
  const consumer = startLive(deps, ctx, exclusive);
  const backfill = startBackfill(deps, ctx, exclusive);
  return {
    consumer,
    backfill,
    async idle() {
      await consumer.caughtUp();
      await writeViolations();
    },
    async stop() {
      deps.tap.onViolations = undefined;
      await Promise.all([consumer.stop(), backfill.stop()]);
      await writing;
    },
  };
}
