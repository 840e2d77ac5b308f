// Re-evaluation of existing customers when a definition is saved: a new audience, a changed rule,
// a paused audience made active, a new or changed computed trait. Without it members would appear
// only as each customer's next event or profile change arrived. A consumer of the definitions'
// events (audience.changed, computed_trait.changed) runs it in the background, in batches:
//   1. the stored events the definition counts that the CDP did not keep yet (it keeps only the
//      events some definition counted when they arrived), within the longest window;
//   2. every surviving customer, a page at a time, through the same evaluation as live changes.
// Each step is idempotent (counted events by source + message id, memberships by audience +
// customer), so a crash part-way repeats the job from the event, never doubles it.
import {
  CDP_EVENT_SCHEMAS,
  CDP_EVENTS,
  type CdpDefinitions,
  type CdpService,
  eventNamesOfRule,
} from '../../modules/cdp/index.js';
import type { CustomersService } from '../../modules/customers/index.js';
import type { Ctx, Logger } from '../../platform/context.js';
import type { Database } from '../../platform/db/database.js';
import { type RunningConsumer, startConsumer } from '../../platform/events/consumer.js';
import { payloadOf } from '../../platform/events/event-schemas.js';
import { type CdpCustomers, evaluateProfiles } from './evaluate-profiles.js';

export type BackfillCustomers = CdpCustomers & Pick<CustomersService, 'customerIds' | 'eventsNamed'>;

export interface BackfillDeps {
  database: Database;
  log: Logger;
  cdp: CdpService;
  customers: BackfillCustomers;
  /** Customers evaluated per batch (default 500). */
  batchSize?: number;
}

const DAY_MS = 86_400_000;

/** Definitions saved on another node may take the cache's life to show here. */
async function definitionsWith(ctx: Ctx, cdp: CdpService, audienceIds: Set<string>, traitIds: Set<string>) {
  const has = (d: CdpDefinitions) =>
    [...audienceIds].every((id) => d.audiences.some((a) => a.id === id)) &&
    [...traitIds].every((id) => d.computedTraits.some((t) => t.id === id));
  let defs = await cdp.definitions(ctx);
  for (let i = 0; i < 3 && !has(defs); i++) {
    await new Promise((r) => setTimeout(r, 1_000));
    defs = await cdp.definitions(ctx);
  }
  return defs;
}

/** Counts what was stored before the definitions existed: the counted events of these names. */
async function importCountedEvents(ctx: Ctx, deps: BackfillDeps, defs: CdpDefinitions, names: string[]) {
  if (names.length === 0) return 0;
  const since = new Date(ctx.clock.now().getTime() - defs.windowDays * DAY_MS);
  let after: string | null = null;
  let n = 0;
  for (;;) {
    const page = await deps.customers.eventsNamed(ctx, { names, since, after, limit: 2_000 });
    if (page.length === 0) return n;
    await deps.cdp.recordEvents(
      ctx,
      page.map((e) => {
        const props = defs.countedEvents.get(e.name) ?? new Set<string>();
        const kept: Record<string, unknown> = {};
        for (const k of props) if (e.properties[k] !== undefined) kept[k] = e.properties[k];
        return {
          profileId: e.profileId,
          messageId: `${e.sourceId}:${e.messageId}`,
          eventName: e.name,
          occurredAt: e.occurredAt,
          properties: kept,
        };
      }),
    );
    n += page.length;
    after = page[page.length - 1]!.id;
  }
}

/**
 * Evaluates every existing customer for these audiences and computed traits (ids that are gone
 * or paused by now are skipped). Returns how many customers were visited and entries / exits made.
 */
export async function backfillDefinitions(
  ctx: Ctx,
  deps: BackfillDeps,
  changed: { audienceIds: Set<string>; traitIds: Set<string> },
  exclusive: <T>(fn: () => Promise<T>) => Promise<T> = (fn) => fn(),
): Promise<{ customers: number; events: number; entered: number; exited: number }> {
  const all = await definitionsWith(ctx, deps.cdp, changed.audienceIds, changed.traitIds);
  const audiences = all.audiences.filter((a) => changed.audienceIds.has(a.id));
  const traits = all.computedTraits.filter((t) => changed.traitIds.has(t.id));
  const out = { customers: 0, events: 0, entered: 0, exited: 0 };
  if (audiences.length === 0 && traits.length === 0) return out;
  const names = new Set<string>();
  for (const a of audiences) for (const name of eventNamesOfRule(a.rule)) names.add(name);
  for (const t of traits) names.add(t.definition.event);
  out.events = await importCountedEvents(ctx, deps, all, [...names]);
  // A changed computed trait can move any audience that reads it: those are evaluated with it.
  const defs: CdpDefinitions = {
    ...all,
    audiences: traits.length ? all.audiences : audiences,
    computedTraits: traits,
  };
  let after: string | null = null;
  for (;;) {
    const ids = await deps.customers.customerIds(ctx, { after, limit: deps.batchSize ?? 500 });
    if (ids.length === 0) return out;
    // Apart from the live consumer's batches: it may have counted an event and not yet evaluated
    // its customer, whose entry must name that event (the live one does).
    const r = await exclusive(() => evaluateProfiles(ctx, deps, defs, ids));
    out.customers += ids.length;
    out.entered += r.entered;
    out.exited += r.exited;
    after = ids[ids.length - 1]!;
  }
}

export function startBackfill(
  deps: BackfillDeps,
  ctx: Ctx,
  exclusive?: <T>(fn: () => Promise<T>) => Promise<T>,
): RunningConsumer {
  return startConsumer({
    database: deps.database,
    name: 'cdp-backfill',
    log: deps.log,
    startAt: 'head',
    filter: { types: [CDP_EVENTS.audienceChanged, CDP_EVENTS.computedTraitChanged] },
    handle: async (events) => {
      const audienceIds = new Set<string>();
      const traitIds = new Set<string>();
      for (const e of events) {
        if (e.type === CDP_EVENTS.audienceChanged)
          audienceIds.add(payloadOf(CDP_EVENT_SCHEMAS[CDP_EVENTS.audienceChanged], e).audienceId);
        else traitIds.add(payloadOf(CDP_EVENT_SCHEMAS[CDP_EVENTS.computedTraitChanged], e).computedTraitId);
      }
      const r = await backfillDefinitions(ctx, deps, { audienceIds, traitIds }, exclusive);
      deps.log.info(
        { audiences: audienceIds.size, computedTraits: traitIds.size, ...r },
        'CDP backfill done',
      );
    },
  });
}
