import { fail, newId, notFound, ok, pushTo } from '../../kernel/index.js';
import { type Ctx, inTransaction } from '../../platform/context.js';
import { appendEvents } from '../../platform/events/event-log.js';
import { IDENTIFIED_TYPES, loadClusterSet, restage } from './clusters.js';
import { checkConsentTarget } from './consent.js';
import { CUSTOMER_EVENTS } from './customers.events.js';
import type {
  CustomersOptions,
  CustomersService,
  IdentifyInput,
  IdentifyResult,
  TimelineEntryInput,
} from './customers.interface.js';
import {
  beginIngest,
  lockIdentity,
  profileExists,
  selectRootsDueForRestage,
  selectRootsWithIdleCart,
  updateProfiles,
} from './customers.repository.js';
import { DEFAULT_STAGE_THRESHOLDS, type StageThresholds } from './customers.types.js';
import { DEFAULT_IDENTITY_RULES, type IdentityRules, limitedTypesOf } from './identifiers.js';
import { createIdentityConfig } from './identity-config.js';
import { upsertConsentsSql } from './ingest.repository.js';
import { createIngestion } from './ingest.service.js';
import { createMergesService, stageEvents } from './merges.service.js';
import { createPrivacyService } from './privacy.service.js';
import { createProfileEdits } from './profile-edits.service.js';
import { journeyStage } from './profile-state.js';
import { createRegulationRecords } from './regulations.service.js';
import { createSourcesService } from './sources.service.js';
import { recordTimelineRows, updateStages } from './timeline.repository.js';
import { createTombstones } from './tombstones.js';
import { createViewService } from './view.service.js';

export function createCustomersService(options: CustomersOptions = {}): CustomersService {
  // The hub's rules (defaults and options) and the live copy the retailer's configuration overrides.
  const base: IdentityRules = { ...DEFAULT_IDENTITY_RULES, ...options.rules };
  const rules: IdentityRules = { ...base };
  const identityConfig = createIdentityConfig(base, rules);
  const thresholds: StageThresholds = { ...DEFAULT_STAGE_THRESHOLDS, ...options.thresholds };
  const tombstones = createTombstones();
  const ingestion = createIngestion({
    rules,
    thresholds,
    maxEventsPerCommit: options.maxEventsPerCommit ?? 2000,
    concurrentCommits: options.concurrentCommits ?? 3,
    maxFutureSkewMs: options.maxFutureSkewMs ?? 10 * 60_000,
    tombstones,
    onStored: options.onStored,
  });
  const merges = createMergesService({ rules, thresholds });
  const view = createViewService({ rules });
  const privacy = createPrivacyService({ rules, tombstones });
  const edits = createProfileEdits({ rules, thresholds });
  const sources = createSourcesService();
  const regulations = createRegulationRecords();

  /**
   * Stores timeline entries under the identity lock and counts them on their profiles in the same
   * statement; a cluster whose stage that changes (rare) is restaged with its events: for each entry,
   * whether it was stored. In a transaction of its own the planner is told to use the indexes, as
   * ingestion does (see beginIngest): its joins are key lookups on tables whose statistics lag.
   */
  async function storeTimelineEntries(
    tx: Ctx,
    items: ReadonlyArray<{ customerId: string; entry: TimelineEntryInput }>,
    ownTransaction: boolean,
  ): Promise<boolean[]> {
    await beginIngest(tx.db, ownTransaction ? 'exclusive' : 'caller');
    const now = tx.clock.now();
    const { stored, roots } = await recordTimelineRows(
      tx.db,
      items.map((i) => ({ profileId: i.customerId, entry: i.entry })),
      now,
      IDENTIFIED_TYPES.filter((t) => limitedTypesOf(rules).includes(t)),
    );
    const changes = roots.flatMap((r) => {
      const to = r.status === 'erased' ? r.stage : journeyStage(r.facts, thresholds, now);
      return to === r.stage ? [] : [{ profileId: r.root, from: r.stage, to }];
    });
    if (changes.length) {
      await updateStages(tx.db, changes, now);
      await appendEvents(tx, stageEvents(changes));
    }
    return stored;
  }

  /**
   * Finds or creates the customer of each set of identifiers (merging as ingestion would), all in the
   * same ingest batch when they can: one event per input, one source per channel.
   */
  async function identifyMany(ctx: Ctx, inputs: ReadonlyArray<IdentifyInput>): Promise<IdentifyResult[]> {
    await identityConfig.fresh(ctx);
    const byChannel = new Map<string, number[]>();
    for (const [i, input] of inputs.entries()) pushTo(byChannel, input.channelId, i);
    const groups = [...byChannel];
    const { results, clusters } = await ingestion.ingestMany(
      ctx,
      groups.map(([channelId, indexes]) => ({
        source: { id: `api:${channelId}`, channelId, sharedDevices: false },
        events: indexes.map((i) => ({
          messageId: inputs[i]!.messageId ?? newId('msg'),
          kind: 'identify' as const,
          name: null,
          identifiers: inputs[i]!.identifiers,
          traits: inputs[i]!.traits ?? {},
          properties: inputs[i]!.traits ?? {},
          context: {},
          occurredAt: ctx.clock.now(),
          anonymousId: null,
          userId: null,
        })),
      })),
    );
    const out: IdentifyResult[] = new Array(inputs.length);
    groups.forEach(([, indexes], g) => {
      indexes.forEach((i, k) => {
        const result = results[g]![k];
        out[i] =
          result?.status === 'stored' || (result?.status === 'duplicate' && result.profileId)
            ? ok({ customerId: result.profileId!, profileIds: clusters.get(result.profileId!) ?? null })
            : fail({
                reason: 'invalid_identifiers' as const,
                errors:
                  result?.status === 'rejected'
                    ? result.errors
                    : [{ path: 'identifiers', message: 'not usable' }],
              });
      });
    });
    return out;
  }

  return {
    rules,
    thresholds,
    async ingest(ctx, source, events) {
      await identityConfig.fresh(ctx);
      return ingestion.ingest(ctx, source, events);
    },
    identityConfig: identityConfig.identityConfig,
    setIdentityConfig: identityConfig.setIdentityConfig,

    changeTags: edits.changeTags,
    updateTraits: edits.updateTraits,

    resolveCluster: view.resolveCluster,
    subjects: view.subjects,
    customerIds: view.customerIds,
    lastOrderedIn: view.lastOrderedIn,
    birthdaysOn: view.birthdaysOn,
    eventsNamed: view.eventsNamed,
    storedEvents: view.storedEvents,
    view: view.view,
    timeline: view.timeline,
    search: view.search,
    identityLog: view.identityLog,

    async merge(ctx, a, b, o) {
      await identityConfig.fresh(ctx);
      return merges.merge(ctx, a, b, o);
    },
    unmerge: merges.unmerge,
    approveReview: merges.approveReview,
    rejectReview: merges.rejectReview,
    listReviews: merges.listReviews,
    listMerges: merges.listMerges,

    createSource: sources.createSource,
    listSources: sources.listSources,
    revokeSource: sources.revokeSource,
    authenticate: sources.authenticate,
    addSharedDevice: sources.addSharedDevice,
    removeSharedDevice: sources.removeSharedDevice,
    listSharedDevices: sources.listSharedDevices,

    erasureSubjectOf: privacy.erasureSubjectOf,
    exportCustomer: privacy.exportCustomer,
    eraseCustomer: privacy.eraseCustomer,
    customerOfIdentifier: privacy.customerOfIdentifier,
    consentState: privacy.consentState,
    consentStates: privacy.consentStates,
    mayContact: privacy.mayContact,
    suppress: privacy.suppress,
    unsuppress: privacy.unsuppress,
    tombstoneIdentifier: privacy.tombstoneIdentifier,
    recordRegulation: regulations.recordRegulation,
    listRegulations: regulations.listRegulations,

    /**
     * Finds or creates the customer these identifiers belong to (merging as ingestion would) and
     * returns its id; for flows such as marketplace orders whose buyer must be recognised.
     */
    async identify(ctx, input) {
      return (await identifyMany(ctx, [input]))[0]!;
    },
    identifyMany,

    /** Adds an entry (an order, a cart, a conversation…) to a customer's cross-channel timeline. */
    async recordTimelineEntry(ctx: Ctx, customerId: string, entry: TimelineEntryInput): Promise<void> {
      await inTransaction(ctx, async (tx) => {
        const [stored] = await storeTimelineEntries(tx, [{ customerId, entry }], !ctx.inTx);
        if (!stored && !(await profileExists(tx.db, customerId))) throw notFound('customer', customerId);
      });
    },

    async identifiersOfCustomers(ctx, customerIds, types) {
      const c = await loadClusterSet(ctx.db, [...new Set(customerIds)], types);
      const out = new Map<string, Array<{ type: string; value: string }> | null>();
      for (const id of customerIds) {
        const root = c.rootOf(id);
        if (c.profiles.get(root)?.status === 'erased') out.set(id, null);
        else
          out.set(
            id,
            [...c.identifiersOf(root)].flatMap(([type, values]) =>
              [...values].map((value) => ({ type, value })),
            ),
          );
      }
      return out;
    },

    async recordTimelineEntries(ctx, items) {
      if (!items.length) return;
      await inTransaction(ctx, (tx) => storeTimelineEntries(tx, items, !ctx.inTx));
    },

    /** Records a consent decision for a purpose on one channel ('*' = every channel). */
    async setConsent(
      ctx: Ctx,
      customerId: string,
      input: { purpose: string; channel: string; granted: boolean; sourceChannelId?: string | null },
    ) {
      const purpose = await checkConsentTarget(ctx, input, options.channelExists);
      return inTransaction(ctx, async (tx) => {
        const { root, cluster } = await view.resolveCluster(tx, customerId);
        // Kept on the profile addressed: an unmerge gives each profile back its own decisions.
        const home = cluster.find((p) => p.id === customerId) ?? root;
        const at = tx.clock.now().toISOString();
        await tx.db.execute(
          upsertConsentsSql([
            {
              profileId: home.id,
              purpose,
              channelScope: input.channel,
              status: input.granted ? 'granted' : 'denied',
              sourceChannelId: input.sourceChannelId ?? tx.channelId,
              at,
            },
          ]),
        );
        await appendEvents(tx, [
          {
            type: CUSTOMER_EVENTS.consentChanged,
            subject: root.id,
            payload: {
              profileId: root.id,
              purpose,
              channel: input.channel,
              granted: input.granted,
            },
          },
        ]);
        return root.id;
      });
    },

    /**
     * Moves buyers whose last order is getting old to at risk, then lapsed, and customers whose cart
     * sat idle for the window to cart abandoner. Only clusters whose stage
     * is due to change are read (so repeated runs never spin on the same rows), in batches of one
     * transaction each; the periodic sweeper in app.ts runs it. Returns how many stages changed.
     */
    async refreshStages(ctx: Ctx, o: { batchSize?: number; maxBatches?: number } = {}): Promise<number> {
      const batchSize = o.batchSize ?? 500;
      const day = 86_400_000;
      let total = 0;
      for (let batch = 0; batch < (o.maxBatches ?? 20); batch++) {
        const changed = await inTransaction(ctx, async (tx) => {
          await lockIdentity(tx.db);
          const now = tx.clock.now();
          const ids = await selectRootsDueForRestage(tx.db, {
            atRisk: new Date(now.getTime() - thresholds.atRiskDays * day),
            lapsed: new Date(now.getTime() - thresholds.lapsedDays * day),
            limit: batchSize,
          });
          if (ids.length < batchSize) {
            const idle = await selectRootsWithIdleCart(tx.db, {
              idleSince: new Date(now.getTime() - thresholds.cartIdleMinutes * 60_000),
              limit: batchSize - ids.length,
            });
            ids.push(...idle.filter((id) => !ids.includes(id)));
          }
          if (ids.length === 0) return { count: 0, full: false };
          const c = await loadClusterSet(tx.db, ids, limitedTypesOf(rules));
          const changes = restage(c, ids, thresholds, now);
          await updateProfiles(
            tx.db,
            changes.map((s) => c.profiles.get(s.profileId)!),
          );
          await appendEvents(tx, stageEvents(changes));
          return { count: changes.length, full: ids.length === batchSize };
        });
        total += changed.count;
        if (!changed.full) break;
      }
      return total;
    },
  };
}
