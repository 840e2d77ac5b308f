// Ingestion: validate each event's identifiers, then coalesce concurrent batches into one
// transaction (group commit): one read of everything the batch needs, identity resolution in
// memory, one write. Callers get their per-event results only after the commit (durable).
import { sql } from 'drizzle-orm';
import { type Deferred, deferred, newId } from '../../kernel/index.js';
import { type Ctx, inTransaction } from '../../platform/context.js';
import { type NewEvent, writeWithEvents } from '../../platform/events/event-log.js';
import { CUSTOMER_EVENTS } from './customers.events.js';
import { beginIngest } from './customers.repository.js';
import type {
  IngestEventInput,
  IngestEventResult,
  IngestSource,
  StageThresholds,
} from './customers.types.js';
import {
  countryOfLocale,
  type Identifier,
  type IdentityRules,
  identifierKey,
  normalizeIdentifier,
  tombstoneHash,
} from './identifiers.js';
import { type KnownIdentifier, type ResolvableEvent, resolveIdentities } from './identity-resolution.js';
import { type ConsentRow, type EventRow, ingestPlanStatement, loadIngestState } from './ingest.repository.js';
import {
  applyEvent,
  applyTraits,
  clusterFacts,
  journeyStage,
  movesLifetimeValue,
  type ProfileState,
} from './profile-state.js';

export interface IngestOptions {
  rules: IdentityRules;
  thresholds: StageThresholds;
  /** Most events one transaction takes from the queue. */
  maxEventsPerCommit: number;
  /** Batches committing at once on a server database (PGlite: always one). */
  concurrentCommits: number;
}

interface PreparedEvent extends ResolvableEvent {
  input: IngestEventInput;
  resultIndex: number;
  tombstones: string[];
}

interface Job {
  ctx: Ctx;
  source: IngestSource;
  events: PreparedEvent[];
  results: IngestEventResult[];
  done: Deferred<IngestEventResult[]>;
}

/** Trait keys that are also identifiers (claimed: typed into a form). */
const TRAIT_IDENTIFIERS: Array<[string, string]> = [
  ['email', 'email'],
  ['phone', 'phone'],
];

/** The data moved between the batch's read and its write (another node, or a racing use case). */
class IngestConflict extends Error {
  constructor() {
    super('customer data changed while a batch was being resolved; retrying');
  }
}

/** A conflict with a concurrent transaction: ours, or PostgreSQL's deadlock/serialization failure. */
function isConflict(err: unknown): boolean {
  if (err instanceof IngestConflict) return true;
  const code = (e: unknown) => (e as { code?: unknown } | undefined)?.code;
  const c = code(err) ?? code((err as { cause?: unknown } | undefined)?.cause);
  return c === '40P01' || c === '40001';
}

export function createIngestion(opts: IngestOptions) {
  const { rules, thresholds } = opts;
  const limitedTypes = Object.keys(rules.maxPerType);
  const queue: Job[] = [];

  function prepare(source: IngestSource, events: IngestEventInput[], offset = 0) {
    const results: IngestEventResult[] = [];
    const prepared: PreparedEvent[] = [];
    events.forEach((input, i) => {
      const index = offset + i;
      const issues: Array<{ path: string; message: string }> = [];
      const identifiers: Identifier[] = [];
      const phoneCountry = countryOfLocale((input.context as { locale?: unknown }).locale);
      const all = [...input.identifiers];
      for (const [trait, type] of TRAIT_IDENTIFIERS) {
        const v = input.traits[trait];
        if (typeof v === 'string' || typeof v === 'number')
          all.push({ type, value: String(v), trust: 'claimed' });
      }
      all.forEach((raw, j) => {
        const path = j < input.identifiers.length ? `identifiers.${j}` : `traits.${raw.type}`;
        const n = normalizeIdentifier(rules, raw, path, phoneCountry);
        if (n.ok) {
          if (!identifiers.some((x) => x.type === n.identifier.type && x.value === n.identifier.value))
            identifiers.push(n.identifier);
        } else if (!n.blocked) issues.push(n.issue);
      });
      if (issues.length) {
        results.push({ index, messageId: input.messageId, status: 'rejected', errors: issues });
        return;
      }
      if (identifiers.length === 0) {
        results.push({
          index,
          messageId: input.messageId,
          status: 'rejected',
          errors: [
            {
              path: 'userId',
              message: 'no usable identifier (userId/anonymousId are missing or placeholders)',
            },
          ],
        });
        return;
      }
      results.push({ index, messageId: input.messageId, status: 'ignored', reason: 'pending' });
      prepared.push({
        ref: -1,
        resultIndex: results.length - 1,
        input,
        messageId: input.messageId,
        kind: input.kind,
        name: input.name,
        channelId: source.channelId,
        sourceId: source.id,
        sharedDevices: source.sharedDevices,
        identifiers,
        previousId: input.previousId,
        tombstones: [
          ...identifiers.map((x) => tombstoneHash(x.type, x.value)),
          ...(input.previousId
            ? [tombstoneHash('user_id', input.previousId), tombstoneHash('anonymous_id', input.previousId)]
            : []),
        ],
      });
    });
    return { results, prepared };
  }

  /** Takes queued jobs, whole, up to maxEventsPerCommit events (at least one job). */
  function take(): Job[] {
    const jobs: Job[] = [];
    let n = 0;
    while (queue.length && (jobs.length === 0 || n + queue[0]!.events.length <= opts.maxEventsPerCommit)) {
      const j = queue.shift()!;
      jobs.push(j);
      n += j.events.length;
    }
    return jobs;
  }

  // Up to `concurrentCommits` batches commit at once on a server database (one on PGlite, whose
  // single connection serializes transactions anyway); each takes what queued while others ran.
  let active = 0;
  function drain(): void {
    const ctx = queue[0]?.ctx;
    const limit = ctx?.database.pool ? opts.concurrentCommits : 1;
    while (queue.length && active < limit) {
      const jobs = take();
      active++;
      void commitBatch(jobs).finally(() => {
        active--;
        drain();
      });
    }
  }

  async function commitBatch(jobs: Job[]): Promise<void> {
    try {
      await commitWithRetry(jobs);
      for (const j of jobs) j.done.resolve(j.results);
      await refreshStatistics(
        jobs[0]!.ctx,
        jobs.reduce((n, j) => n + j.events.length, 0),
      );
    } catch (err) {
      if (jobs.length === 1) jobs[0]!.done.reject(err);
      else {
        // One job's data may be what failed: retry each alone so the others still commit.
        for (const j of jobs) {
          try {
            await commitWithRetry([j]);
            j.done.resolve(j.results);
          } catch (e) {
            j.done.reject(e);
          }
        }
      }
    }
  }

  // Planner statistics: PGlite has no autovacuum, and a timeline read planned on empty-table
  // statistics sorts every event of a profile instead of walking its index. Analyze as volume grows.
  let ingested = 0;
  let nextAnalyze = 1_000;
  async function refreshStatistics(ctx: Ctx, events: number): Promise<void> {
    ingested += events;
    if (ingested < nextAnalyze) return;
    nextAnalyze = Math.min(nextAnalyze * 10, ingested + 1_000_000);
    try {
      await ctx.database.db.execute(sql`analyze customer_events, customer_profiles, customer_identifiers`);
    } catch (err) {
      ctx.log.warn({ err }, 'analyze of customer tables failed');
    }
  }

  /** A conflict rolls the whole batch back; it is resolved again from a fresh read. */
  async function commitWithRetry(jobs: Job[]): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await commitJobs(jobs, attempt >= 3);
      } catch (err) {
        if (!isConflict(err) || attempt >= 3) throw err;
        jobs[0]!.ctx.log.debug({ attempt }, 'ingest batch conflicted with a concurrent one; retrying');
      }
    }
  }

  async function commitJobs(jobs: Job[], exclusive = false): Promise<void> {
    const events: PreparedEvent[] = [];
    for (const j of jobs) for (const e of j.events) events.push(e);
    events.forEach((e, i) => {
      e.ref = i;
    });
    const ctx = jobs[0]!.ctx;
    const sourceOf = new Map(jobs.flatMap((j) => j.events.map((e) => [e.ref, j] as const)));
    const lockMode = ctx.inTx ? 'caller' : exclusive ? 'exclusive' : 'shared';
    await inTransaction(ctx, async (tx) => {
      const now = tx.clock.now().toISOString();
      await beginIngest(tx.db, lockMode);
      // Each distinct identifier once (a batch names the same person's ids many times).
      const types: string[] = [];
      const values: string[] = [];
      const devices = new Set<string>();
      const keys = new Set<string>();
      const want = (type: string, value: string) => {
        const k = identifierKey(type, value);
        if (keys.has(k)) return;
        keys.add(k);
        types.push(type);
        values.push(value);
      };
      for (const e of events) {
        for (const i of e.identifiers) {
          want(i.type, i.value);
          if (i.type === 'anonymous_id') devices.add(i.value);
        }
        if (e.previousId) {
          want('user_id', e.previousId);
          want('anonymous_id', e.previousId);
        }
      }
      const state = await loadIngestState(tx.db, {
        sourceIds: events.map((e) => e.sourceId),
        messageIds: events.map((e) => e.messageId),
        types,
        values,
        tombstones: [...new Set(events.flatMap((e) => e.tombstones))],
        devices: [...devices],
        limitedTypes,
      });
      // Duplicates (stored before, or twice in this batch) and events naming an erased identifier drop out.
      const seen = new Set<string>();
      const fresh: PreparedEvent[] = [];
      for (const e of events) {
        const results = sourceOf.get(e.ref)!.results;
        const key = `${e.sourceId}|${e.messageId}`;
        if (state.duplicates.has(key) || seen.has(key)) {
          results[e.resultIndex] = {
            index: results[e.resultIndex]!.index,
            messageId: e.messageId,
            status: 'duplicate',
          };
        } else if (e.tombstones.some((h) => state.erased.has(h))) {
          results[e.resultIndex] = {
            index: results[e.resultIndex]!.index,
            messageId: e.messageId,
            status: 'ignored',
            reason: 'an identifier of this event was erased',
          };
        } else fresh.push(e);
        seen.add(key);
      }
      if (fresh.length === 0) return;
      const known = new Map<string, KnownIdentifier>();
      for (const h of state.hits)
        known.set(identifierKey(h.type, h.value), { profileId: h.profileId, trust: h.trust });
      const profiles = new Map(state.members.map((p) => [p.id, p]));
      const rootOfMember = (id: string) => profiles.get(id)?.mergedInto ?? id;
      const limited = new Map<string, Map<string, Set<string>>>();
      for (const l of state.limited) {
        const root = rootOfMember(l.profileId);
        let m = limited.get(root);
        if (!m) {
          m = new Map();
          limited.set(root, m);
        }
        let s = m.get(l.type);
        if (!s) {
          s = new Set();
          m.set(l.type, s);
        }
        s.add(l.value);
      }
      const plan = resolveIdentities(
        fresh,
        { known, profiles, limited, blocks: state.blocks, sharedDevices: state.shared },
        rules,
        now,
        newId,
      );

      const newIds = new Set(plan.newProfiles.map((p) => p.id));
      const changed = new Set<string>(plan.repointed);
      const rootOf = (id: string) => profiles.get(id)?.mergedInto ?? id;
      const platformEvents: NewEvent[] = [];
      const traitChanges = new Map<string, { keys: Set<string>; channelId: string }>();
      const eventRows: EventRow[] = [];
      const consents = new Map<string, ConsentRow>();
      const touchedRoots = new Set<string>();
      const documentsChanged = new Set<string>();
      for (const e of fresh) {
        const job = sourceOf.get(e.ref)!;
        const profileId = plan.landing.get(e.ref)!;
        const p = profiles.get(profileId)!;
        const at = e.input.occurredAt.toISOString();
        applyEvent(
          p,
          { channelId: e.channelId, at, kind: e.kind, name: e.name, properties: e.input.properties },
          thresholds,
        );
        const keys = applyTraits(p, e.input.traits, e.channelId, at);
        // Traits are rewritten even when only their time moved; the value is what matters for events.
        if (Object.keys(e.input.traits).length || (e.name && movesLifetimeValue(e.name, thresholds)))
          documentsChanged.add(profileId);
        if (keys.length) {
          const root = rootOf(profileId);
          const tc = traitChanges.get(root) ?? { keys: new Set<string>(), channelId: e.channelId };
          for (const k of keys) tc.keys.add(k);
          traitChanges.set(root, tc);
        }
        p.updatedAt = now;
        changed.add(profileId);
        touchedRoots.add(rootOf(profileId));
        for (const [purpose, granted] of Object.entries(e.input.consent ?? {})) {
          const row: ConsentRow = {
            profileId,
            purpose: purpose.toLowerCase(),
            channelScope: e.channelId,
            status: granted ? 'granted' : 'denied',
            sourceChannelId: e.channelId,
            at,
          };
          const k = `${profileId}|${row.purpose}|${row.channelScope}`;
          const cur = consents.get(k);
          if (!cur || cur.at <= at) consents.set(k, row);
        }
        eventRows.push({
          id: newId('cev'),
          sourceId: e.sourceId,
          messageId: e.messageId,
          profileId,
          channelId: e.channelId,
          kind: e.kind,
          name: e.name,
          properties: JSON.stringify(e.input.properties),
          context: JSON.stringify(e.input.context),
          anonymousId: e.input.anonymousId,
          userId: e.input.userId,
          occurredAt: at,
          receivedAt: now,
        });
        job.results[e.resultIndex] = {
          index: job.results[e.resultIndex]!.index,
          messageId: e.messageId,
          status: 'stored',
          profileId: rootOf(profileId),
        };
      }
      for (const m of plan.merges) {
        // A merge always rewrites the winner's row, so a concurrent batch that read the cluster sees it moved.
        const root = rootOf(m.winnerId);
        const winner = profiles.get(root);
        if (winner) winner.updatedAt = now;
        changed.add(root);
        touchedRoots.add(root);
      }
      // The journey stage of every touched cluster, from the facts of all its profiles.
      const nowDate = new Date(now);
      const membersByRoot = new Map<string, ProfileState[]>();
      for (const x of profiles.values()) {
        const r = rootOf(x.id);
        const list = membersByRoot.get(r);
        if (list) list.push(x);
        else membersByRoot.set(r, [x]);
      }
      for (const root of touchedRoots) {
        const members = membersByRoot.get(root) ?? [];
        const lim = limited.get(root);
        const identified = Boolean(lim?.get('user_id')?.size || lim?.get('email')?.size);
        const stage = journeyStage(clusterFacts(members, identified), thresholds, nowDate);
        const r = profiles.get(root)!;
        if (stage !== r.stage) {
          platformEvents.push({
            type: CUSTOMER_EVENTS.stageChanged,
            subject: root,
            payload: { profileId: root, from: r.stage, to: stage },
          });
          r.stage = stage;
          r.stageChangedAt = now;
          r.updatedAt = now;
          changed.add(root);
        }
      }
      for (const p of plan.newProfiles) {
        platformEvents.unshift({
          type: CUSTOMER_EVENTS.created,
          subject: p.id,
          channelId: p.createdChannelId,
          payload: { profileId: p.id, channelId: p.createdChannelId },
        });
      }
      for (const m of plan.merges) {
        platformEvents.push({
          type: CUSTOMER_EVENTS.merged,
          subject: m.winnerId,
          payload: {
            mergeId: m.id,
            winnerId: m.winnerId,
            loserId: m.loserId,
            movedProfileIds: m.movedProfileIds,
          },
        });
      }
      for (const [root, tc] of traitChanges) {
        platformEvents.push({
          type: CUSTOMER_EVENTS.traitsChanged,
          subject: root,
          channelId: tc.channelId,
          payload: { profileId: root, traits: [...tc.keys] },
        });
      }
      const actor = tx.actor.id;
      const statement = ingestPlanStatement({
        newProfiles: plan.newProfiles,
        changedProfiles: [...changed].filter((id) => !newIds.has(id)).map((id) => profiles.get(id)!),
        versions: state.versions,
        documentsChanged,
        identifiers: plan.newIdentifiers,
        trustUpgrades: plan.trustUpgrades,
        events: eventRows,
        merges: plan.merges.map((m) => ({ ...m, actor, createdAt: now })),
        reviews: plan.reviews.map((r) => ({ ...r, id: newId('mrv'), createdAt: now })),
        log: [
          ...plan.merges.map((m) => ({
            id: newId('ilg'),
            profileId: m.winnerId,
            kind: 'merged',
            reason: m.reason,
            details: { mergeId: m.id, loserId: m.loserId, evidence: m.evidence },
            actor,
            at: now,
          })),
          ...plan.reviews.map((r) => ({
            id: newId('ilg'),
            profileId: r.profileIds[0],
            kind: 'merge_refused',
            reason: r.reason,
            details: { rule: r.rule, profileIds: r.profileIds, evidence: r.evidence },
            actor,
            at: now,
          })),
        ],
        consents: [...consents.values()],
        at: now,
      });
      // The platform events (and any the caller's transaction has waiting, in order) ride along.
      const [written] = await writeWithEvents<{ ok: boolean }>(tx, platformEvents, 'ingest_guard', statement);
      if (written?.ok !== true) throw new IngestConflict();
    });
  }

  return {
    /**
     * Ingests events from one source: bad events are rejected individually, good ones are stored,
     * stitched and reflected in profiles, and the promise resolves after they are committed.
     */
    async ingest(ctx: Ctx, source: IngestSource, events: IngestEventInput[]): Promise<IngestEventResult[]> {
      const { results, prepared } = prepare(source, events);
      if (prepared.length === 0) return results;
      const job: Job = { ctx, source, events: prepared, results, done: deferred() };
      if (ctx.inTx) {
        // Inside a caller's transaction there is nothing to coalesce with (nor a retry to make).
        await commitJobs([job]);
        return results;
      }
      queue.push(job);
      drain();
      return job.done.promise;
    },
  };
}

export type Ingestion = ReturnType<typeof createIngestion>;
