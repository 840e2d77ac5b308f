// GDPR and regulations: export everything the module holds about a customer (its whole cluster,
// with the history of its consent), erase it (identifiers become hashed tombstones, so old events
// cannot bring the person back; events and traits lose their personal data; an audit entry stays;
// customer.erased tells downstream connectors to erase too), suppress new data without deleting
// (Segment's Suppress_Only) and lift a suppression, by profile or by identifier. Tombstones are
// HMACs keyed by the install's secret salt (tombstones.ts). The SQL is in privacy.repository.ts.
import { newId, notFound, validationError } from '../../kernel/index.js';
import { type Ctx, inTransaction } from '../../platform/context.js';
import { appendEvent, readEvents } from '../../platform/events/event-log.js';
import { type ContactDecision, mayContact } from './consent.js';
import { CUSTOMER_EVENTS } from './customers.events.js';
import { insertIdentityLog, lockIdentity, selectIdentifierValues } from './customers.repository.js';
import type { ConsentEntry } from './customers.types.js';
import { type IdentifierInput, type IdentityRules, normalizeIdentifier } from './identifiers.js';
import {
  anonymizeEvents,
  deleteIdentifiersOf,
  deleteTombstones,
  insertTombstones,
  scrubCluster,
  selectClusterData,
  selectClusterOf,
  selectConsentClusters,
  selectConsentsOf,
  selectIdentifiersOf,
  selectIngestedConsent,
  selectProfileOfIdentifier,
  selectSuppressedAt,
  selectSuppressedHashes,
} from './privacy.repository.js';
import type { Tombstones } from './tombstones.js';

export type CustomerExport = {
  exportedAt: string;
  customerId: string;
  /** Every consent decision recorded for the customer, oldest first (API, account and ingestion). */
  consentHistory: ConsentHistoryEntry[];
} & Awaited<ReturnType<typeof selectClusterData>>;

export interface ConsentHistoryEntry {
  purpose: string;
  channel: string;
  granted: boolean;
  at: string;
  /** import: a file imported into the hub (its consent column, at the time it gives or of the import). */
  source: 'api' | 'ingestion' | 'import';
  sourceChannelId: string | null;
}

export interface ErasureReceipt {
  customerId: string;
  erasedProfileIds: string[];
  identifiersErased: number;
  eventsAnonymized: number;
  erasedAt: string;
}

/** Who a regulation is about: a profile (its whole cluster) or one identifier. */
export type RegulationSubject = { customerId: string } | { identifier: IdentifierInput };

export interface SuppressionReceipt {
  /** The surviving profile, when the subject is (or names) a known customer. */
  customerId: string | null;
  /** Tombstones written (suppress) or lifted (unsuppress). */
  identifiers: number;
  at: string;
}

/** A customer's consent as senders see it: the decisions of its whole cluster. */
export interface ConsentState {
  customerId: string;
  entries: Array<Pick<ConsentEntry, 'purpose' | 'channel' | 'status' | 'at'>>;
  /** Since when an identifier of the customer is suppressed (a regulation): no contact at all. */
  suppressedAt: Date | null;
}

export function createPrivacyService(deps: { rules: IdentityRules; tombstones: Tombstones }) {
  async function clusterIds(ctx: Ctx, id: string): Promise<{ root: string; ids: string[] }> {
    const c = await selectClusterOf(ctx.db, id);
    if (!c || c.status === 'erased') throw notFound('customer', id);
    return { root: c.rootId, ids: c.ids };
  }

  function normalized(identifier: IdentifierInput): { type: string; value: string } {
    const n = normalizeIdentifier(deps.rules, identifier, 'identifier.value');
    if (!n.ok) {
      throw validationError(
        n.blocked
          ? [{ path: 'identifier.value', message: 'a placeholder value, never an identifier' }]
          : [n.issue],
      );
    }
    return n.identifier;
  }

  /** The identifiers a regulation covers, and the customer they belong to (if any). */
  async function subjectIdentifiers(
    ctx: Ctx,
    subject: RegulationSubject,
  ): Promise<{ customerId: string | null; identifiers: Array<{ type: string; value: string }> }> {
    if ('customerId' in subject) {
      const { root, ids } = await clusterIds(ctx, subject.customerId);
      return { customerId: root, identifiers: await selectIdentifiersOf(ctx.db, ids) };
    }
    const identifier = normalized(subject.identifier);
    const holder = await selectProfileOfIdentifier(ctx.db, identifier.type, identifier.value);
    const cluster = holder ? await selectClusterOf(ctx.db, holder) : undefined;
    return { customerId: cluster?.rootId ?? null, identifiers: [identifier] };
  }

  async function audit(tx: Ctx, customerId: string | null, kind: string, reason: string, n: number) {
    if (!customerId) return;
    await insertIdentityLog(tx.db, [
      {
        id: newId('ilg'),
        profileId: customerId,
        kind,
        reason,
        details: { identifiers: n },
        actor: tx.actor.id,
        at: tx.clock.now().toISOString(),
      },
    ]);
  }

  async function consentHistory(ctx: Ctx, ids: string[]): Promise<ConsentHistoryEntry[]> {
    const out: ConsentHistoryEntry[] = [];
    for (const e of await selectIngestedConsent(ctx.db, ids)) {
      for (const [category, granted] of Object.entries(e.preferences)) {
        if (typeof granted !== 'boolean') continue;
        out.push({
          purpose: category.toLowerCase(),
          channel: '*',
          granted,
          at: e.occurredAt.toISOString(),
          source: e.source === 'import' ? 'import' : 'ingestion',
          sourceChannelId: e.channelId,
        });
      }
    }
    for (const id of ids) {
      const changes = await readEvents(ctx.db, {
        types: [CUSTOMER_EVENTS.consentChanged],
        subject: id,
        limit: 1000,
        // A one-shot read of the whole history, never followed by a cursor: every committed change
        // counts, also one behind a transaction another connection still has open.
        serialized: true,
      });
      for (const c of changes) {
        const p = c.payload as { purpose: string; channel: string; granted: boolean };
        out.push({
          purpose: p.purpose,
          channel: p.channel,
          granted: p.granted,
          at: c.occurredAt.toISOString(),
          source: 'api',
          sourceChannelId: c.channelId,
        });
      }
    }
    return out.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  }

  async function consentState(ctx: Ctx, customerId: string): Promise<ConsentState | null> {
    const c = await selectClusterOf(ctx.db, customerId);
    if (!c || c.status === 'erased') return null;
    const [found, identifiers, hasher] = await Promise.all([
      selectConsentsOf(ctx.db, c.ids),
      selectIdentifiersOf(ctx.db, c.ids),
      deps.tombstones.hasher(ctx),
    ]);
    const hashes = identifiers.flatMap((i) => hasher.candidates(i.type, i.value));
    return {
      customerId: c.rootId,
      suppressedAt: await selectSuppressedAt(ctx.db, hashes),
      entries: found.map((r) => ({
        purpose: r.purpose,
        channel: r.channelScope,
        status: r.status as ConsentEntry['status'],
        at: r.at,
      })),
    };
  }

  async function consentStates(ctx: Ctx, customerIds: string[]): Promise<Map<string, ConsentState>> {
    const out = new Map<string, ConsentState>();
    if (customerIds.length === 0) return out;
    const [clusters, hasher] = await Promise.all([
      selectConsentClusters(ctx.db, [...new Set(customerIds)]),
      deps.tombstones.hasher(ctx),
    ]);
    const live = clusters.filter((c) => c.status !== 'erased');
    const hashesOf = new Map(
      live.map((c) => [c.id, c.identifiers.flatMap((i) => hasher.candidates(i.type, i.value))]),
    );
    const suppressed = await selectSuppressedHashes(ctx.db, [...new Set([...hashesOf.values()].flat())]);
    for (const c of live) {
      const times = hashesOf.get(c.id)!.flatMap((h) => suppressed.get(h) ?? []);
      out.set(c.id, {
        customerId: c.rootId,
        suppressedAt: times.length ? new Date(Math.min(...times.map((t) => t.getTime()))) : null,
        entries: c.consents.map((e) => ({ ...e, status: e.status as ConsentEntry['status'] })),
      });
    }
    return out;
  }

  return {
    /**
     * Who an erasure is about, read before anything is erased (erasure deletes the identifiers):
     * the cluster's profiles and their identifier values, for the other modules to find their
     * records. Takes the identity lock, so no merge moves the cluster until the transaction ends.
     */
    async erasureSubjectOf(
      ctx: Ctx,
      id: string,
    ): Promise<{ customerId: string; profileIds: string[]; identifiers: string[] }> {
      await lockIdentity(ctx.db);
      const { root, ids } = await clusterIds(ctx, id);
      return { customerId: root, profileIds: ids, identifiers: await selectIdentifierValues(ctx.db, ids) };
    },

    /** The profile holding an identifier (normalized as ingestion does), or null. */
    async customerOfIdentifier(ctx: Ctx, identifier: IdentifierInput): Promise<string | null> {
      const i = normalized(identifier);
      const holder = await selectProfileOfIdentifier(ctx.db, i.type, i.value);
      return holder ? ((await selectClusterOf(ctx.db, holder))?.rootId ?? null) : null;
    },

    async exportCustomer(ctx: Ctx, id: string): Promise<CustomerExport> {
      const { root, ids } = await clusterIds(ctx, id);
      const [data, history] = await Promise.all([selectClusterData(ctx.db, ids), consentHistory(ctx, ids)]);
      return {
        exportedAt: ctx.clock.now().toISOString(),
        customerId: root,
        ...data,
        consentHistory: history,
      };
    },

    /** A customer's consent (null when unknown or erased): what senders decide from. */
    consentState,
    /** consentState for many customers in two reads; unknown and erased ones are left out. */
    consentStates,

    /**
     * May this customer be contacted for `purpose` on `channel` at `at` (default now)? The one
     * answer every sender and forwarder asks; a no carries its reason (no_consent, denied, revoked,
     * suppressed: a suppressed customer is never contacted, whatever they consented to).
     */
    async mayContact(
      ctx: Ctx,
      customerId: string,
      purpose: string,
      channel: string,
      at?: Date,
    ): Promise<ContactDecision> {
      const state = await consentState(ctx, customerId);
      if (!state) throw notFound('customer', customerId);
      return mayContact(state.entries, purpose, channel, at ?? ctx.clock.now(), state.suppressedAt);
    },

    /**
     * Suppress only: events carrying the subject's identifiers are dropped from now on (tombstones);
     * what is stored stays. Lifted with unsuppress.
     */
    async suppress(
      ctx: Ctx,
      subject: RegulationSubject,
      reason = 'suppress only',
    ): Promise<SuppressionReceipt> {
      return inTransaction(ctx, async (tx) => {
        await lockIdentity(tx.db);
        const hasher = await deps.tombstones.hasher(tx);
        const { customerId, identifiers } = await subjectIdentifiers(tx, subject);
        const at = tx.clock.now();
        const hashes = identifiers.map((i) => hasher.hash(i.type, i.value));
        await insertTombstones(tx.db, hashes, 'suppressed', at);
        await audit(tx, customerId, 'suppressed', reason, hashes.length);
        return { customerId, identifiers: hashes.length, at: at.toISOString() };
      });
    },

    /**
     * Lifts suppressions (and erasure tombstones) of the subject's identifiers: they identify people
     * again. By profile it covers the identifiers the cluster holds (an erased profile holds none:
     * lift those by identifier).
     */
    async unsuppress(
      ctx: Ctx,
      subject: RegulationSubject,
      reason = 'unsuppress',
    ): Promise<SuppressionReceipt> {
      return inTransaction(ctx, async (tx) => {
        await lockIdentity(tx.db);
        const hasher = await deps.tombstones.hasher(tx);
        const { customerId, identifiers } = await subjectIdentifiers(tx, subject);
        const lifted = await deleteTombstones(
          tx.db,
          identifiers.flatMap((i) => hasher.candidates(i.type, i.value)),
        );
        await audit(tx, customerId, 'unsuppressed', reason, lifted.length);
        return { customerId, identifiers: lifted.length, at: tx.clock.now().toISOString() };
      });
    },

    /** Tombstones for identifiers no profile holds (a deletion request for someone unknown). */
    async tombstoneIdentifier(ctx: Ctx, identifier: IdentifierInput): Promise<number> {
      const hasher = await deps.tombstones.hasher(ctx);
      const i = normalized(identifier);
      return insertTombstones(ctx.db, [hasher.hash(i.type, i.value)], 'erased', ctx.clock.now());
    },

    async eraseCustomer(ctx: Ctx, id: string, reason = 'data subject request'): Promise<ErasureReceipt> {
      return inTransaction(ctx, async (tx) => {
        await lockIdentity(tx.db);
        const hasher = await deps.tombstones.hasher(tx);
        const { root, ids } = await clusterIds(tx, id);
        const now = tx.clock.now();
        const identifiers = await deleteIdentifiersOf(tx.db, ids);
        await insertTombstones(
          tx.db,
          identifiers.map((i) => hasher.hash(i.type, i.value)),
          'erased',
          now,
        );
        const eventsAnonymized = await anonymizeEvents(tx.db, ids);
        await scrubCluster(tx.db, ids, now);
        const receipt: ErasureReceipt = {
          customerId: root,
          erasedProfileIds: ids,
          identifiersErased: identifiers.length,
          eventsAnonymized,
          erasedAt: now.toISOString(),
        };
        // The audit record: who erased what, when and why, with counts and no personal data.
        await insertIdentityLog(tx.db, [
          {
            id: newId('ilg'),
            profileId: root,
            kind: 'erased',
            reason,
            details: { ...receipt },
            actor: tx.actor.id,
            at: now.toISOString(),
          },
        ]);
        await appendEvent(tx, {
          type: CUSTOMER_EVENTS.erased,
          subject: root,
          payload: { profileId: root, erasedProfileIds: ids, reason },
        });
        return receipt;
      });
    },
  };
}
