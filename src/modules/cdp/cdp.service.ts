// The CDP module's service: audiences and computed traits (audiences.service.ts), destinations and
// the tracking plan (here), and the definitions the CDP flow evaluates, cached per process.
import { AppError, newId, notFound } from '../../kernel/index.js';
import type { Ctx } from '../../platform/context.js';
import { checkJsonata } from '../../platform/jsonata.js';
import { createAudienceMethods } from './audiences.service.js';
import type { CdpDefinitions, CdpOptions, CdpService } from './cdp.interface.js';
import {
  type Destination,
  DestinationInput,
  DestinationPatch,
  EventName,
  TrackingPlanInput,
} from './cdp.types.js';
import {
  addDestinationCounts,
  deleteDestinationRow,
  deleteTrackingPlan,
  insertDestination,
  selectAudiences,
  selectComputedTraits,
  selectDestination,
  selectDestinations,
  selectTrackingPlan,
  updateDestinationRow,
  upsertTrackingPlan,
} from './definitions.repository.js';
import { deleteViolations, selectViolations, upsertViolations } from './membership.repository.js';
import { propertiesOfRule, windowOfRule } from './rules.js';
import { compilePlan, compilePlanSchema } from './tracking-plan.js';

export function createCdpService(opts: CdpOptions = {}): CdpService {
  const ttlMs = opts.definitionsTtlMs ?? 2_000;
  let version = 1;
  let cached: { defs: CdpDefinitions; at: number } | undefined;
  let loading: Promise<CdpDefinitions> | undefined;
  // A local change is read back at once, so this process's next ingested event already meets it.
  const changed = async (ctx: Ctx) => {
    version++;
    await load(ctx);
  };
  const audiences = createAudienceMethods(changed);

  async function load(ctx: Ctx): Promise<CdpDefinitions> {
    const v = version;
    const [list, traits, destinations, plan] = await Promise.all([
      selectAudiences(ctx.db, false),
      selectComputedTraits(ctx.db),
      selectDestinations(ctx.db),
      selectTrackingPlan(ctx.db),
    ]);
    const active = list.filter((a) => a.status === 'active');
    const liveTraits = traits.filter((t) => t.status === 'active');
    const countedEvents = new Map<string, Set<string>>();
    for (const a of active) propertiesOfRule(a.rule, countedEvents);
    for (const t of liveTraits) {
      const set = countedEvents.get(t.definition.event) ?? new Set<string>();
      if (t.definition.property) set.add(t.definition.property);
      countedEvents.set(t.definition.event, set);
    }
    const windowDays = Math.max(
      0,
      ...active.map((a) => windowOfRule(a.rule)),
      ...liveTraits.map((t) => t.definition.windowDays),
    );
    const defs: CdpDefinitions = {
      version: v,
      audiences: active,
      computedTraits: liveTraits,
      destinations: destinations.filter((d) => d.status === 'active'),
      plan: compilePlan(plan),
      countedEvents,
      windowDays,
    };
    cached = { defs, at: Date.now() };
    return defs;
  }
  const fresh = () => cached && cached.defs.version === version && Date.now() - cached.at < ttlMs;

  async function getDestination(ctx: Ctx, id: string): Promise<Destination> {
    const d = await selectDestination(ctx.db, id);
    if (!d) throw notFound('destination', id);
    return d;
  }
  async function checkDestination(
    ctx: Ctx,
    d: { endpointId?: string; filter?: string | null; mapping?: string | null },
  ) {
    checkJsonata(d.filter, 'filter');
    checkJsonata(d.mapping, 'mapping');
    if (d.endpointId && opts.endpointExists && !(await opts.endpointExists(ctx, d.endpointId)))
      throw new AppError('unknown_webhook_endpoint', `No webhook endpoint ${d.endpointId}`, {
        issues: [{ path: 'body.endpointId', message: 'no such webhook endpoint' }],
      });
  }
  const parseName = (eventName: string) => {
    const r = EventName.safeParse(eventName);
    if (!r.success)
      throw new AppError('validation_failed', 'The event name is not valid', {
        issues: [{ path: 'params.eventName', message: r.error.issues[0]?.message ?? 'invalid' }],
      });
    return r.data;
  };

  return {
    createAudience: audiences.createAudience,
    listAudiences: audiences.listAudiences,
    getAudience: audiences.getAudience,
    updateAudience: audiences.updateAudience,
    deleteAudience: audiences.deleteAudience,
    members: audiences.members,
    membershipsOf: audiences.membershipsOf,
    applyMemberships: audiences.applyMemberships,
    createComputedTrait: audiences.createComputedTrait,
    listComputedTraits: audiences.listComputedTraits,
    updateComputedTrait: audiences.updateComputedTrait,
    deleteComputedTrait: audiences.deleteComputedTrait,
    recordEvents: audiences.recordEvents,
    eventsOf: audiences.eventsOf,

    async createDestination(ctx, input) {
      const parsed = DestinationInput.parse(input);
      await checkDestination(ctx, parsed);
      const now = ctx.clock.now();
      const d = await insertDestination(ctx.db, {
        id: newId('dst'),
        name: parsed.name,
        endpointId: parsed.endpointId,
        kinds: parsed.kinds,
        filter: parsed.filter ?? null,
        mapping: parsed.mapping ?? null,
        purpose: parsed.purpose ?? null,
        status: parsed.status,
        createdAt: now,
        updatedAt: now,
      });
      await changed(ctx);
      return d;
    },
    listDestinations: (ctx) => selectDestinations(ctx.db),
    getDestination,
    async updateDestination(ctx, id, patch) {
      const p = DestinationPatch.parse(patch);
      await checkDestination(ctx, p);
      const next = { ...(await getDestination(ctx, id)), ...p, updatedAt: ctx.clock.now() } as Destination;
      await updateDestinationRow(ctx.db, next);
      await changed(ctx);
      return next;
    },
    async deleteDestination(ctx, id) {
      await getDestination(ctx, id);
      await deleteDestinationRow(ctx.db, id);
      await changed(ctx);
    },
    countForwarding: (ctx, id, n) => addDestinationCounts(ctx.db, id, n),

    async putPlanEntry(ctx, eventName, input) {
      const name = parseName(eventName);
      const parsed = TrackingPlanInput.parse(input);
      compilePlanSchema(parsed.schema);
      const now = ctx.clock.now();
      const entry = await upsertTrackingPlan(ctx.db, {
        eventName: name,
        schema: parsed.schema,
        block: parsed.block,
        createdAt: now,
        updatedAt: now,
      });
      await changed(ctx);
      return entry;
    },
    listPlan: (ctx) => selectTrackingPlan(ctx.db),
    async deletePlanEntry(ctx, eventName) {
      if (!(await deleteTrackingPlan(ctx.db, eventName))) throw notFound('tracking plan entry', eventName);
      await deleteViolations(ctx.db, eventName);
      await changed(ctx);
    },
    violations: (ctx) => selectViolations(ctx.db),
    recordViolations: (ctx, list) => upsertViolations(ctx.db, list),

    async definitions(ctx) {
      if (fresh()) return cached!.defs;
      loading ??= load(ctx).finally(() => {
        loading = undefined;
      });
      return loading;
    },
    cachedDefinitions(ctx) {
      if (!fresh() && !loading) {
        loading = load(ctx)
          .catch((err) => {
            ctx.log.warn({ err }, 'CDP definitions could not be loaded');
            return cached?.defs as CdpDefinitions;
          })
          .finally(() => {
            loading = undefined;
          });
      }
      return cached?.defs;
    },
  };
}
