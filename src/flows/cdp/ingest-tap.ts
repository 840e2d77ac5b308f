// The CDP's hooks on ingestion. Before the customers module stores a batch, events whose name has a
// tracking plan are checked (a violation is counted; with `block` the event is refused with the
// schema's complaints). While it stores them, `handOffToCdp` names the events some definition needs
// (counted by an audience or computed trait, or forwarded by a destination) in a cdp.events_received
// event of the same transaction: the CDP worker, a consumer of the event log, reads them from there,
// so a crash right after ingestion loses nothing and a replay counts nothing twice. With no
// definitions the hooks cost a map lookup and two size tests per batch.

import {
  CDP_EVENTS,
  type CdpDefinitions,
  type CdpService,
  type ViolationCount,
  violationsOf,
} from '../../modules/cdp/index.js';
import type {
  CustomersService,
  IngestEventInput,
  IngestEventResult,
  IngestSource,
  StoredIngestEvent,
} from '../../modules/customers/index.js';
import type { Ctx } from '../../platform/context.js';
import type { NewEvent } from '../../platform/events/event-log.js';

const CHECKED_KINDS = new Set(['track', 'page', 'screen']);

export interface CdpTap {
  /** Violations seen since the last take, by event name. */
  takeViolations(): ViolationCount[];
  readonly pendingViolations: number;
  /** Called when violations were counted (the worker wakes to record them). */
  onViolations: (() => void) | undefined;
}

interface TapState {
  violations: Map<string, ViolationCount>;
}

/** Whether any definition wants stored events at all. */
const wantsEvents = (d: CdpDefinitions | undefined): d is CdpDefinitions =>
  d !== undefined && (d.countedEvents.size > 0 || d.destinations.length > 0);

/**
 * The customers module's onStored hook: one cdp.events_received event naming the stored events the
 * CDP's definitions want (as this process knows them; one saved on another node shows here within
 * the definitions' cache life, and its backfill counts what was stored meanwhile).
 */
export function handOffToCdp(cdp: Pick<CdpService, 'cachedDefinitions'>) {
  return (ctx: Ctx, stored: StoredIngestEvent[]): NewEvent[] => {
    const defs = cdp.cachedDefinitions(ctx);
    if (!wantsEvents(defs)) return [];
    const kinds = new Set<string>(defs.destinations.flatMap((d) => d.kinds));
    const events: Array<{ sourceId: string; messageId: string }> = [];
    for (const e of stored) {
      if (kinds.has(e.kind) || (e.name && defs.countedEvents.has(e.name)))
        events.push({ sourceId: e.sourceId, messageId: e.messageId });
    }
    if (events.length === 0) return [];
    return [
      {
        type: CDP_EVENTS.eventsReceived,
        subject: events[0]!.sourceId,
        channelId: null,
        payload: { events },
      },
    ];
  };
}

/**
 * The customers service with ingestion hooked: every other method is the module's own. (A decorator
 * over one method: the module's declared interface stays the contract.)
 */
export function tapIngest(
  customers: CustomersService,
  cdp: CdpService,
): { customers: CustomersService; tap: CdpTap } {
  const state: TapState = { violations: new Map() };
  const tap: CdpTap = {
    takeViolations() {
      const list = [...state.violations.values()];
      state.violations.clear();
      return list;
    },
    get pendingViolations() {
      return state.violations.size;
    },
    onViolations: undefined,
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

  async function ingest(ctx: Ctx, source: IngestSource, events: IngestEventInput[]) {
    const defs = cdp.cachedDefinitions(ctx);
    const blocked = defs && defs.plan.size > 0 ? check(ctx, defs, events) : undefined;
    if (state.violations.size) tap.onViolations?.();
    if (!blocked?.size) return customers.ingest(ctx, source, events);
    // Blocked events are left out; the others are stored and their results mapped back.
    const kept: number[] = [];
    events.forEach((_e, i) => {
      if (!blocked.has(i)) kept.push(i);
    });
    const keptEvents = kept.map((i) => events[i]!);
    const stored = keptEvents.length ? await customers.ingest(ctx, source, keptEvents) : [];
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
