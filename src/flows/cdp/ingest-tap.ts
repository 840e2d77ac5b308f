// The CDP's hook on ingestion. Before the customers module stores a batch, events whose name has a
// tracking plan are checked (a violation is counted; with `block` the event is refused with the
// schema's complaints); after it stored them, the events some definition needs (counted by an
// audience or computed trait, or forwarded by a destination) are handed to the CDP worker's queue.
// With no definitions the hook costs a map lookup and two size tests per batch: ingestion stays as
// fast as without it. The queue is in memory: events stored just before a crash are not counted or
// forwarded (their profile is evaluated again on its next event or change).

import {
  type CdpDefinitions,
  type CdpService,
  type TappedEvent,
  type ViolationCount,
  violationsOf,
} from '../../modules/cdp/index.js';
import type {
  CustomersService,
  IngestEventInput,
  IngestEventResult,
  IngestSource,
} from '../../modules/customers/index.js';
import type { Ctx } from '../../platform/context.js';

const CHECKED_KINDS = new Set(['track', 'page', 'screen']);
/** Beyond this many waiting events the oldest are dropped (the worker is far behind). */
const MAX_QUEUED = 200_000;

export interface CdpTap {
  /** Stored events waiting for the worker, oldest first. */
  take(max: number): TappedEvent[];
  readonly queued: number;
  /** Violations seen since the last take, by event name. */
  takeViolations(): ViolationCount[];
  /** Called when events were queued (the worker wakes). */
  onQueued: (() => void) | undefined;
  dropped: number;
}

interface TapState {
  queue: TappedEvent[];
  violations: Map<string, ViolationCount>;
}

/** Whether any definition wants stored events at all. */
const wantsEvents = (d: CdpDefinitions | undefined): d is CdpDefinitions =>
  d !== undefined && (d.countedEvents.size > 0 || d.destinations.length > 0);

/**
 * The customers service with ingestion hooked: every other method is the module's own. (A decorator
 * over one method: the module's declared interface stays the contract.)
 */
export function tapIngest(
  customers: CustomersService,
  cdp: CdpService,
): { customers: CustomersService; tap: CdpTap } {
  const state: TapState = { queue: [], violations: new Map() };
  const tap: CdpTap = {
    take(max) {
      return state.queue.splice(0, max);
    },
    get queued() {
      return state.queue.length;
    },
    takeViolations() {
      const list = [...state.violations.values()];
      state.violations.clear();
      return list;
    },
    onQueued: undefined,
    dropped: 0,
  };

  function check(ctx: Ctx, defs: CdpDefinitions, events: IngestEventInput[]) {
    const blocked = new Map<number, Array<{ path: string; message: string }>>();
    events.forEach((e, i) => {
      if (!e.name || !CHECKED_KINDS.has(e.kind)) return;
      const plan = defs.plan.get(e.name);
      if (!plan || plan.validate(e.properties)) return;
      const errors = violationsOf(plan.validate);
      const v = state.violations.get(e.name) ?? {
        eventName: e.name,
        violations: 0,
        blocked: 0,
        at: ctx.clock.now(),
        example: { messageId: e.messageId, at: '', errors },
      };
      v.violations++;
      if (plan.block) {
        v.blocked++;
        blocked.set(i, errors);
      }
      v.at = ctx.clock.now();
      v.example = { messageId: e.messageId, at: v.at.toISOString(), errors };
      state.violations.set(e.name, v);
    });
    return blocked;
  }

  function enqueue(
    defs: CdpDefinitions,
    source: IngestSource,
    events: IngestEventInput[],
    results: IngestEventResult[],
  ) {
    const kinds = new Set(defs.destinations.flatMap((d) => d.kinds));
    for (const r of results) {
      if (r.status !== 'stored') continue;
      const e = events[r.index]!;
      if (!kinds.has(e.kind as never) && !(e.name && defs.countedEvents.has(e.name))) continue;
      state.queue.push({
        messageId: e.messageId,
        kind: e.kind,
        name: e.name,
        profileId: r.profileId,
        channelId: source.channelId,
        sourceId: source.id,
        occurredAt: e.occurredAt,
        properties: e.properties,
        traits: e.traits,
        userId: e.userId,
        anonymousId: e.anonymousId,
      });
    }
    if (state.queue.length > MAX_QUEUED)
      tap.dropped += state.queue.splice(0, state.queue.length - MAX_QUEUED).length;
    if (state.queue.length) tap.onQueued?.();
  }

  async function ingest(ctx: Ctx, source: IngestSource, events: IngestEventInput[]) {
    const defs = cdp.cachedDefinitions(ctx);
    const blocked = defs && defs.plan.size > 0 ? check(ctx, defs, events) : undefined;
    if (state.violations.size) tap.onQueued?.();
    if (!blocked?.size) {
      const results = await customers.ingest(ctx, source, events);
      if (wantsEvents(defs)) enqueue(defs, source, events, results);
      return results;
    }
    // Blocked events are left out; the others are stored and their results mapped back.
    const kept: number[] = [];
    events.forEach((_e, i) => {
      if (!blocked.has(i)) kept.push(i);
    });
    const keptEvents = kept.map((i) => events[i]!);
    const stored = keptEvents.length ? await customers.ingest(ctx, source, keptEvents) : [];
    if (wantsEvents(defs)) enqueue(defs, source, keptEvents, stored);
    const results: IngestEventResult[] = stored.map((r) => ({ ...r, index: kept[r.index]! }));
    for (const [i, errors] of blocked) {
      results.push({
        index: i,
        messageId: events[i]!.messageId,
        status: 'rejected',
        errors: [{ path: '', message: 'blocked by the tracking plan' }, ...errors],
      });
    }
    return results.sort((a, b) => a.index - b.index);
  }

  return { customers: { ...customers, ingest }, tap };
}
