// Ingestion, one batch in one transaction: one read of everything the batch needs (duplicates,
// erased and shared ids, known identifiers, the clusters with their row versions, limited
// identifiers, merge blocks), identity resolution in memory, then one write (ingest-writes.ts). A
// write that finds a profile changed since the read throws IngestConflict: the caller resolves the
// batch again from a fresh read.
import { newId } from '../../kernel/index.js';
import { type Ctx, inTransaction } from '../../platform/context.js';
import { type NewEvent, writeWithEvents } from '../../platform/events/event-log.js';
import { beginIngest } from './customers.repository.js';
import type { StageThresholds, StoredIngestEvent } from './customers.types.js';
import { type IdentityRules, identifierKey, type Trust } from './identifiers.js';
import { type KnownIdentifier, resolveIdentities } from './identity-resolution.js';
import { loadIngestState } from './ingest.repository.js';
import type { IngestJob, PreparedEvent } from './ingest-prepare.js';
import { planIngestWrite } from './ingest-writes.js';

/** The data moved between the batch's read and its write (another node, or a racing use case). */
export class IngestConflict extends Error {
  constructor() {
    super('customer data changed while a batch was being resolved; retrying');
  }
}

/** A conflict with a concurrent transaction: ours, or PostgreSQL's deadlock/serialization failure. */
export function isConflict(err: unknown): boolean {
  if (err instanceof IngestConflict) return true;
  const code = (e: unknown) => (e as { code?: unknown } | undefined)?.code;
  const c = code(err) ?? code((err as { cause?: unknown } | undefined)?.cause);
  return c === '40P01' || c === '40001';
}

export interface IngestBatchConfig {
  rules: IdentityRules;
  thresholds: StageThresholds;
  limitedTypes: string[];
  onStored?: ((ctx: Ctx, events: StoredIngestEvent[]) => NewEvent[]) | undefined;
}

/** The batch's stored events as onStored sees them (on their customer, the cluster's root). */
function storedEvents(fresh: PreparedEvent[], sourceOf: Map<number, IngestJob>): StoredIngestEvent[] {
  const out: StoredIngestEvent[] = [];
  for (const e of fresh) {
    const r = sourceOf.get(e.ref)!.results[e.resultIndex];
    if (r?.status !== 'stored') continue;
    out.push({
      messageId: e.messageId,
      kind: e.kind,
      name: e.name,
      profileId: r.profileId,
      channelId: e.channelId,
      sourceId: e.sourceId,
      occurredAt: e.input.occurredAt,
      properties: e.input.properties,
      traits: e.input.traits,
      context: e.input.context,
      userId: e.input.userId ?? null,
      anonymousId: e.input.anonymousId ?? null,
    });
  }
  return out;
}

/** Resolves and writes the jobs' events in one transaction (the caller's, if it has one). */
export async function commitIngestBatch(
  jobs: IngestJob[],
  cfg: IngestBatchConfig,
  exclusive = false,
): Promise<void> {
  const { rules, thresholds, limitedTypes } = cfg;
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
        if (rules.deviceTypes.includes(i.type)) devices.add(i.value);
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
          profileId: state.duplicates.get(key) ?? null,
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
    const limitedTrust = new Map<string, Trust>();
    for (const l of state.limited) {
      limitedTrust.set(identifierKey(l.type, l.value), l.trust);
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
      { known, profiles, limited, limitedTrust, blocks: state.blocks, sharedDevices: state.shared },
      rules,
      now,
      newId,
    );
    const { platformEvents, statement } = planIngestWrite({
      fresh,
      sourceOf,
      plan,
      profiles,
      limited,
      versions: state.versions,
      thresholds,
      actor: tx.actor.id,
      now,
    });
    if (cfg.onStored) platformEvents.push(...cfg.onStored(ctx, storedEvents(fresh, sourceOf)));
    // The platform events (and any the caller's transaction has waiting, in order) ride along.
    const [written] = await writeWithEvents<{ ok: boolean }>(tx, platformEvents, 'ingest_guard', statement);
    if (written?.ok !== true) throw new IngestConflict();
  });
}
