// Ingestion, the write side of a batch: the resolution plan and the fresh events become profile
// updates (traits newest-wins, channel statistics, orders, journey stage), event rows, consent, the
// merge and review records, the identity log and the platform events, all in ONE statement.
import type { SQL } from 'drizzle-orm';
import { newId } from '../../kernel/index.js';
import type { NewEvent } from '../../platform/events/event-log.js';
import { PURPOSE_SHAPE } from './consent.js';
import { CUSTOMER_EVENTS } from './customers.events.js';
import type { StageThresholds } from './customers.types.js';
import type { ResolutionPlan } from './identity-resolution.js';
import { type ConsentRow, type EventRow, ingestPlanStatement } from './ingest.repository.js';
import type { IngestJob, PreparedEvent } from './ingest-prepare.js';
import {
  applyEvent,
  applyTraits,
  clusterFacts,
  journeyStage,
  movesLifetimeValue,
  type ProfileState,
} from './profile-state.js';

export interface IngestWriteInput {
  /** The batch's events that are neither duplicates nor erased, with their jobs (for results). */
  fresh: PreparedEvent[];
  sourceOf: Map<number, IngestJob>;
  plan: ResolutionPlan;
  /** Every profile the batch read (updated here in memory), by id. */
  profiles: Map<string, ProfileState>;
  /** root → limited identifier type → values. */
  limited: Map<string, Map<string, Set<string>>>;
  /** Row versions (xmin) as read: the write applies only over them. */
  versions: Map<string, string>;
  thresholds: StageThresholds;
  actor: string;
  now: string;
}

/**
 * Applies the plan in memory, sets each stored event's result, and returns the platform events and
 * the write statement (which takes the events CTE, see writeWithEvents).
 */
export function planIngestWrite(input: IngestWriteInput): {
  platformEvents: NewEvent[];
  statement: (events: SQL) => SQL;
} {
  const { fresh, sourceOf, plan, profiles, limited, versions, thresholds, actor, now } = input;
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
    // A trait that is an identifier (email, phone) goes to the profile holding that identifier: the
    // event that merges two people must not leave one's phone on the other when they are unmerged.
    for (const [holder, traits] of traitsByHolder(e, profileId, plan.owners)) {
      const h = profiles.get(holder)!;
      const keys = applyTraits(h, traits, e.channelId, at);
      // Traits are rewritten even when only their time moved; the value is what matters for events.
      if (Object.keys(traits).length) documentsChanged.add(holder);
      if (keys.length) {
        const root = rootOf(holder);
        const tc = traitChanges.get(root) ?? { keys: new Set<string>(), channelId: e.channelId };
        for (const k of keys) tc.keys.add(k);
        traitChanges.set(root, tc);
      }
      if (holder !== profileId) {
        h.updatedAt = now;
        changed.add(holder);
        touchedRoots.add(rootOf(holder));
      }
    }
    if (e.name && movesLifetimeValue(e.name, thresholds)) documentsChanged.add(profileId);
    p.updatedAt = now;
    changed.add(profileId);
    touchedRoots.add(rootOf(profileId));
    // Segment's categoryPreferences are the person's choices, not the source channel's: each
    // category is a purpose decided for every channel ('*').
    for (const [category, granted] of Object.entries(e.input.consent ?? {})) {
      const purpose = category.trim().toLowerCase();
      if (!PURPOSE_SHAPE.test(purpose)) continue;
      const row: ConsentRow = {
        profileId,
        purpose,
        channelScope: '*',
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
      source_id: e.sourceId,
      message_id: e.messageId,
      profile_id: profileId,
      channel_id: e.channelId,
      kind: e.kind,
      name: e.name,
      properties: e.input.properties,
      // Dropped fields stay explained on the event itself; an identify keeps its traits (as Segment's
      // context.traits) so what is forwarded later is the event as it came.
      context: eventContext(e),
      anonymous_id: e.input.anonymousId,
      user_id: e.input.userId,
      occurred_at: at,
      received_at: now,
    });
    job.results[e.resultIndex] = {
      index: job.results[e.resultIndex]!.index,
      messageId: e.messageId,
      status: 'stored',
      profileId: rootOf(profileId),
      ...(e.warnings.length ? { warnings: e.warnings } : {}),
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
  for (const e of fresh) {
    const root = rootOf(plan.landing.get(e.ref)!);
    sourceOf.get(e.ref)!.clusters.set(
      root,
      (membersByRoot.get(root) ?? []).map((m) => m.id),
    );
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
  const statement = ingestPlanStatement({
    newProfiles: plan.newProfiles,
    changedProfiles: [...changed].filter((id) => !newIds.has(id)).map((id) => profiles.get(id)!),
    versions,
    documentsChanged,
    identifiers: plan.newIdentifiers,
    trustUpgrades: plan.trustUpgrades,
    events: eventRows,
    merges: plan.merges.map((m) => ({ ...m, actor, createdAt: now })),
    reviews: plan.reviews.map((r) => ({ ...r, id: newId('mrv'), createdAt: now })),
    sharedDevices: plan.sharedDevices,
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
      ...plan.log.map((l) => ({ ...l, id: newId('ilg'), actor, at: now })),
      ...plan.sharedDevices.map((d) => ({
        id: newId('ilg'),
        profileId: d.profileId,
        kind: 'device_shared',
        reason: d.reason,
        details: d.evidence,
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
  return { platformEvents, statement };
}

/** An event's traits by the profile they belong to: the landing profile, or an identifier's holder. */
function traitsByHolder(
  e: PreparedEvent,
  landing: string,
  owners: Map<string, string>,
): Map<string, Record<string, unknown>> {
  const out = new Map<string, Record<string, unknown>>([[landing, {}]]);
  for (const [key, value] of Object.entries(e.input.traits)) {
    const idKey = e.traitIdentifiers.get(key);
    const holder = (idKey && owners.get(idKey)) || landing;
    const bag = out.get(holder) ?? {};
    bag[key] = value;
    out.set(holder, bag);
  }
  return out;
}

function eventContext(e: PreparedEvent): Record<string, unknown> {
  const traits =
    e.kind === 'identify' && Object.keys(e.input.traits).length ? { traits: e.input.traits } : {};
  if (!e.warnings.length && !traits.traits) return e.input.context;
  return { ...e.input.context, ...traits, ...(e.warnings.length ? { omnihubWarnings: e.warnings } : {}) };
}
