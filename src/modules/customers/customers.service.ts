import { fail, newId, notFound, ok, type Result } from '../../kernel/index.js';
import { type Ctx, inTransaction } from '../../platform/context.js';
import { appendEvents } from '../../platform/events/event-log.js';
import { loadClusterSet, restage } from './clusters.js';
import { mayContact } from './consent.js';
import { CUSTOMER_EVENTS } from './customers.events.js';
import {
  insertTimelineEntry,
  lockIdentity,
  profileExists,
  selectRootsDueForRestage,
  updateProfiles,
} from './customers.repository.js';
import { DEFAULT_STAGE_THRESHOLDS, type StageThresholds } from './customers.types.js';
import { DEFAULT_IDENTITY_RULES, type IdentifierInput, type IdentityRules } from './identifiers.js';
import { upsertConsentsSql } from './ingest.repository.js';
import { createIngestion } from './ingest.service.js';
import { createMergesService, stageEvents } from './merges.service.js';
import { createPrivacyService } from './privacy.service.js';
import { createProfileEdits } from './profile-edits.service.js';
import { applyEvent } from './profile-state.js';
import { createSourcesService } from './sources.service.js';
import { createViewService } from './view.service.js';

export interface CustomersOptions {
  rules?: Partial<IdentityRules>;
  thresholds?: Partial<StageThresholds>;
  maxEventsPerCommit?: number;
  /** Ingest batches committing at once on PostgreSQL (default 3; PGlite always one). */
  concurrentCommits?: number;
  /** An event timestamp further ahead of the receipt time than this is clamped to it (default 10 min). */
  maxFutureSkewMs?: number | undefined;
}

export interface TimelineEntryInput {
  /** What happened, e.g. order.placed, cart.abandoned, conversation.started. */
  kind: string;
  channelId: string | null;
  occurredAt: Date;
  /** The other module's record id; recording the same ref twice stores it once. */
  ref: string;
  properties?: Record<string, unknown>;
}

export function createCustomersService(options: CustomersOptions = {}) {
  const rules: IdentityRules = { ...DEFAULT_IDENTITY_RULES, ...options.rules };
  const thresholds: StageThresholds = { ...DEFAULT_STAGE_THRESHOLDS, ...options.thresholds };
  const ingestion = createIngestion({
    rules,
    thresholds,
    maxEventsPerCommit: options.maxEventsPerCommit ?? 2000,
    concurrentCommits: options.concurrentCommits ?? 3,
    maxFutureSkewMs: options.maxFutureSkewMs ?? 10 * 60_000,
  });
  const merges = createMergesService({ rules, thresholds });
  const view = createViewService({ rules });
  const privacy = createPrivacyService();
  const edits = createProfileEdits({ rules, thresholds });
  const sources = createSourcesService();
  const limitedTypes = Object.keys(rules.maxPerType);

  return {
    rules,
    thresholds,
    ingest: ingestion.ingest,
    ...sources,
    ...merges,
    ...view,
    ...privacy,
    ...edits,

    /**
     * May this customer be contacted for `purpose` on `channel` at `at` (default now)? The one
     * answer every sender and forwarder asks; a no carries its reason (no_consent, denied, revoked).
     */
    async mayContact(ctx: Ctx, customerId: string, purpose: string, channel: string, at?: Date) {
      const { consent } = await view.view(ctx, customerId, { timelineLimit: 1 });
      return mayContact(consent, purpose, channel, at ?? ctx.clock.now());
    },

    /**
     * Finds or creates the customer these identifiers belong to (merging as ingestion would) and
     * returns its id; for flows such as marketplace orders whose buyer must be recognised.
     */
    async identify(
      ctx: Ctx,
      input: { channelId: string; identifiers: IdentifierInput[]; traits?: Record<string, unknown> },
    ): Promise<
      Result<
        { customerId: string },
        { reason: 'invalid_identifiers'; errors: Array<{ path: string; message: string }> }
      >
    > {
      const [result] = await ingestion.ingest(
        ctx,
        { id: `api:${input.channelId}`, channelId: input.channelId, sharedDevices: false },
        [
          {
            messageId: newId('msg'),
            kind: 'identify',
            name: null,
            identifiers: input.identifiers,
            traits: input.traits ?? {},
            properties: input.traits ?? {},
            context: {},
            occurredAt: ctx.clock.now(),
            anonymousId: null,
            userId: null,
          },
        ],
      );
      if (result?.status === 'stored') return ok({ customerId: result.profileId });
      return fail({
        reason: 'invalid_identifiers' as const,
        errors:
          result?.status === 'rejected' ? result.errors : [{ path: 'identifiers', message: 'not usable' }],
      });
    },

    /** Adds an entry (an order, a cart, a conversation…) to a customer's cross-channel timeline. */
    async recordTimelineEntry(ctx: Ctx, customerId: string, entry: TimelineEntryInput): Promise<void> {
      await inTransaction(ctx, async (tx) => {
        await lockIdentity(tx.db);
        const inserted = await insertTimelineEntry(tx.db, customerId, entry, tx.clock.now());
        if (!inserted) {
          if (!(await profileExists(tx.db, customerId))) throw notFound('customer', customerId);
          return;
        }
        const c = await loadClusterSet(tx.db, [customerId], limitedTypes);
        const p = c.profiles.get(customerId)!;
        applyEvent(
          p,
          {
            channelId: entry.channelId,
            at: entry.occurredAt.toISOString(),
            kind: 'entry',
            name: entry.kind,
            properties: {},
          },
          thresholds,
        );
        const changes = restage(c, [c.rootOf(customerId)], thresholds, tx.clock.now());
        await updateProfiles(tx.db, [...new Set([p, ...changes.map((s) => c.profiles.get(s.profileId)!)])]);
        await appendEvents(tx, stageEvents(changes));
      });
    },

    /** Records a consent decision for a purpose on one channel ('*' = every channel). */
    async setConsent(
      ctx: Ctx,
      customerId: string,
      input: { purpose: string; channel: string; granted: boolean; sourceChannelId?: string | null },
    ) {
      return inTransaction(ctx, async (tx) => {
        const { root } = await view.resolveCluster(tx, customerId);
        const at = tx.clock.now().toISOString();
        await tx.db.execute(
          upsertConsentsSql([
            {
              profileId: root.id,
              purpose: input.purpose.toLowerCase(),
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
              purpose: input.purpose.toLowerCase(),
              channel: input.channel,
              granted: input.granted,
            },
          },
        ]);
        return root.id;
      });
    },

    /**
     * Moves buyers whose last order is getting old to at risk, then lapsed. Only clusters whose stage
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
          if (ids.length === 0) return { count: 0, full: false };
          const c = await loadClusterSet(tx.db, ids, limitedTypes);
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

export type CustomersService = ReturnType<typeof createCustomersService>;
