// SQL of the privacy use cases (privacy.service.ts): the GDPR export of a cluster, its erasure,
// suppressions (tombstones that can be lifted), the install's tombstone salt and consent reads for
// mayContact. Rows are typed from the Drizzle schema.
import { and, arrayOverlaps, asc, eq, inArray, or, sql } from 'drizzle-orm';
import { type Executor, firstRow, rows } from '../../platform/db/database.js';
import {
  customerConsents,
  customerErasedIdentifiers,
  customerEvents,
  customerIdentifiers,
  customerIdentityLog,
  customerMergeReviews,
  customerMerges,
  customerProfiles,
  customerRegulations,
  customerSettings,
  customerTags,
} from './customers.schema.js';

export type ProfileRow = typeof customerProfiles.$inferSelect;
export type IdentifierRow = Pick<
  typeof customerIdentifiers.$inferSelect,
  'type' | 'value' | 'trust' | 'channelId' | 'profileId' | 'firstSeenAt'
>;
export type EventRow = Omit<typeof customerEvents.$inferSelect, never>;
export type ConsentRow = typeof customerConsents.$inferSelect;
export type TagRow = typeof customerTags.$inferSelect;
export type MergeRow = typeof customerMerges.$inferSelect;
export type ReviewRow = typeof customerMergeReviews.$inferSelect;
export type IdentityLogRow = typeof customerIdentityLog.$inferSelect;
export type TombstoneRow = typeof customerErasedIdentifiers.$inferSelect;
export type TombstoneKind = 'erased' | 'suppressed';

/** Everything the module holds about a cluster, for the GDPR export. */
export async function selectClusterData(exec: Executor, ids: string[]) {
  const [profiles, identifiers, events, consents, tags, merges, reviews, identityLog] = await Promise.all([
    exec
      .select()
      .from(customerProfiles)
      .where(inArray(customerProfiles.id, ids))
      .orderBy(asc(customerProfiles.createdAt)),
    exec
      .select({
        type: customerIdentifiers.type,
        value: customerIdentifiers.value,
        trust: customerIdentifiers.trust,
        channelId: customerIdentifiers.channelId,
        profileId: customerIdentifiers.profileId,
        firstSeenAt: customerIdentifiers.firstSeenAt,
      })
      .from(customerIdentifiers)
      .where(inArray(customerIdentifiers.profileId, ids))
      .orderBy(asc(customerIdentifiers.firstSeenAt)),
    exec
      .select()
      .from(customerEvents)
      .where(inArray(customerEvents.profileId, ids))
      .orderBy(asc(customerEvents.occurredAt), asc(customerEvents.id)),
    exec.select().from(customerConsents).where(inArray(customerConsents.profileId, ids)),
    exec
      .select()
      .from(customerTags)
      .where(inArray(customerTags.profileId, ids))
      .orderBy(asc(customerTags.addedAt), asc(customerTags.tag)),
    exec
      .select()
      .from(customerMerges)
      .where(or(inArray(customerMerges.winnerId, ids), inArray(customerMerges.loserId, ids))),
    exec.select().from(customerMergeReviews).where(arrayOverlaps(customerMergeReviews.profileIds, ids)),
    exec
      .select()
      .from(customerIdentityLog)
      .where(inArray(customerIdentityLog.profileId, ids))
      .orderBy(asc(customerIdentityLog.at)),
  ]);
  return { profiles, identifiers, events, consents, tags, merges, reviews, identityLog };
}

/** Consent decisions carried by ingested events (Segment's categoryPreferences), oldest first. */
export async function selectIngestedConsent(
  exec: Executor,
  ids: string[],
): Promise<
  Array<{
    channelId: string | null;
    occurredAt: Date;
    preferences: Record<string, boolean>;
    source: string | null;
  }>
> {
  const found = await exec
    .select({
      channelId: customerEvents.channelId,
      occurredAt: customerEvents.occurredAt,
      preferences: sql<Record<string, boolean>>`${customerEvents.context}->'consent'->'categoryPreferences'`,
      source: sql<string | null>`${customerEvents.context}->'consent'->>'source'`,
    })
    .from(customerEvents)
    .where(
      and(
        inArray(customerEvents.profileId, ids),
        sql`jsonb_typeof(${customerEvents.context}->'consent'->'categoryPreferences') = 'object'`,
      ),
    )
    .orderBy(asc(customerEvents.occurredAt));
  return found.map((r) => ({
    ...r,
    preferences: typeof r.preferences === 'string' ? JSON.parse(r.preferences) : r.preferences,
  }));
}

/** The profile ids of the cluster `id` belongs to (its root first) with the root's status. */
export async function selectClusterOf(
  exec: Executor,
  id: string,
): Promise<{ rootId: string; status: string; ids: string[] } | undefined> {
  const r = await firstRow<{ root_id: string; status: string; ids: string[] }>(
    exec,
    sql`with r as (select p.id, p.status from customer_profiles p
                   where p.id = (select coalesce(merged_into, id) from customer_profiles where id = ${id}))
        select r.id as root_id, r.status,
               array(select r.id union all select m.id from customer_profiles m where m.merged_into = r.id) as ids
        from r`,
  );
  return r ? { rootId: r.root_id, status: r.status, ids: r.ids } : undefined;
}

/** A cluster's consent decisions (mayContact decides from them). */
export async function selectConsentsOf(exec: Executor, ids: string[]): Promise<ConsentRow[]> {
  return exec.select().from(customerConsents).where(inArray(customerConsents.profileId, ids));
}

/**
 * For many customers at once (one statement): each asked id's surviving profile, its status, and
 * its cluster's consent decisions and identifiers (what a batch of senders decides consent from).
 */
export async function selectConsentClusters(exec: Executor, ids: string[]) {
  const r = await rows<{ id: string; root: string; status: string; consents: string; identifiers: string }>(
    exec,
    sql`with asked as (select id, coalesce(merged_into, id) as root from customer_profiles
                       where id = any(${sql.param(ids)}::text[])),
        members as (select p.id, p.id as root from customer_profiles p where p.id = any(array(select root from asked))
                    union all select p.id, p.merged_into from customer_profiles p
                    where p.merged_into = any(array(select root from asked)))
      select a.id, a.root, r.status,
        (select coalesce(json_agg(json_build_object('purpose', x.purpose, 'channel', x.channel_scope,
            'status', x.status, 'at', x.at)), '[]') from customer_consents x
          where x.profile_id in (select m.id from members m where m.root = a.root))::text as consents,
        (select coalesce(json_agg(json_build_object('type', i.type, 'value', i.value)), '[]') from customer_identifiers i
          where i.profile_id in (select m.id from members m where m.root = a.root))::text as identifiers
      from asked a join customer_profiles r on r.id = a.root`,
  );
  return r.map((x) => ({
    id: x.id,
    rootId: x.root,
    status: x.status,
    consents: (
      JSON.parse(x.consents) as Array<{ purpose: string; channel: string; status: string; at: string }>
    ).map((c) => ({ purpose: c.purpose, channel: c.channel, status: c.status, at: new Date(c.at) })),
    identifiers: JSON.parse(x.identifiers) as Array<{ type: string; value: string }>,
  }));
}

/** Of these tombstone hashes, the suppressed ones and since when. */
export async function selectSuppressedHashes(exec: Executor, hashes: string[]): Promise<Map<string, Date>> {
  if (hashes.length === 0) return new Map();
  const r = await rows<{ hash: string; at: string }>(
    exec,
    sql`select hash, min(erased_at) as at from customer_erased_identifiers
        where hash = any(${sql.param(hashes)}::text[]) and kind = 'suppressed' group by hash`,
  );
  return new Map(r.map((x) => [x.hash, new Date(x.at)]));
}

/** The profile holding an identifier, if any. */
export async function selectProfileOfIdentifier(
  exec: Executor,
  type: string,
  value: string,
): Promise<string | undefined> {
  const [r] = await exec
    .select({ profileId: customerIdentifiers.profileId })
    .from(customerIdentifiers)
    .where(and(eq(customerIdentifiers.type, type), eq(customerIdentifiers.value, value)));
  return r?.profileId;
}

export async function selectIdentifiersOf(
  exec: Executor,
  ids: string[],
): Promise<Array<{ type: string; value: string }>> {
  return exec
    .select({ type: customerIdentifiers.type, value: customerIdentifiers.value })
    .from(customerIdentifiers)
    .where(inArray(customerIdentifiers.profileId, ids));
}

export async function deleteIdentifiersOf(
  exec: Executor,
  ids: string[],
): Promise<Array<{ type: string; value: string }>> {
  return exec
    .delete(customerIdentifiers)
    .where(inArray(customerIdentifiers.profileId, ids))
    .returning({ type: customerIdentifiers.type, value: customerIdentifiers.value });
}

/** Tombstones (salted hashes); an existing one keeps its kind unless it becomes an erasure. */
/** When the earliest of these tombstones was written as a suppression (null: none is). */
export async function selectSuppressedAt(exec: Executor, hashes: string[]): Promise<Date | null> {
  if (hashes.length === 0) return null;
  const r = await rows<{ at: string | null }>(
    exec,
    sql`select min(erased_at) as at from customer_erased_identifiers
        where hash = any(${sql.param(hashes)}::text[]) and kind = 'suppressed'`,
  );
  return r[0]?.at ? new Date(r[0].at) : null;
}

export async function insertTombstones(
  exec: Executor,
  hashes: string[],
  kind: TombstoneKind,
  at: Date,
): Promise<number> {
  if (hashes.length === 0) return 0;
  const r = await rows<{ hash: string }>(
    exec,
    sql`insert into customer_erased_identifiers (hash, erased_at, kind, salted)
        select h, ${at.toISOString()}::timestamptz, ${kind}, true from unnest(${sql.param(hashes)}::text[]) as h
        on conflict (hash) do update set kind = 'erased'
          where ${kind} = 'erased' and customer_erased_identifiers.kind <> 'erased'
        returning hash`,
  );
  return r.length;
}

/** Lifts tombstones; returns the kinds of those that existed. */
export async function deleteTombstones(exec: Executor, hashes: string[]): Promise<TombstoneKind[]> {
  if (hashes.length === 0) return [];
  const r = await exec
    .delete(customerErasedIdentifiers)
    .where(inArray(customerErasedIdentifiers.hash, hashes))
    .returning({ kind: customerErasedIdentifiers.kind });
  return r.map((x) => x.kind as TombstoneKind);
}

/** The install's tombstone salt: created once (the first caller wins on a race), then read. */
export async function tombstoneSaltRow(
  exec: Executor,
  fresh: string,
  at: Date,
): Promise<{ salt: string; legacyTombstones: boolean }> {
  await exec
    .insert(customerSettings)
    .values({ key: 'tombstone_salt', value: fresh, createdAt: at })
    .onConflictDoNothing();
  const r = await firstRow<{ salt: string; legacy: boolean }>(
    exec,
    sql`select (select value from customer_settings where key = 'tombstone_salt') as salt,
               exists (select 1 from customer_erased_identifiers where not salted) as legacy`,
  );
  return { salt: r!.salt, legacyTombstones: r!.legacy };
}

/** Events keep their kind, name, channel and time (counts stay right) but nothing personal. */
export async function anonymizeEvents(exec: Executor, ids: string[]): Promise<number> {
  const r = await exec
    .update(customerEvents)
    .set({ properties: {}, context: {}, anonymousId: null, userId: null })
    .where(inArray(customerEvents.profileId, ids))
    .returning({ id: customerEvents.id });
  return r.length;
}

/** Profiles erased, and their consents, tags and identity evidence scrubbed (an audit entry stays). */
export async function scrubCluster(exec: Executor, ids: string[], at: Date): Promise<void> {
  const erased = { erased: true };
  await exec
    .update(customerProfiles)
    .set({ status: 'erased', traits: {}, erasedAt: at, updatedAt: at })
    .where(inArray(customerProfiles.id, ids));
  await exec.delete(customerConsents).where(inArray(customerConsents.profileId, ids));
  await exec.delete(customerTags).where(inArray(customerTags.profileId, ids));
  await exec
    .update(customerIdentityLog)
    .set({ details: erased, reason: 'erased' })
    .where(inArray(customerIdentityLog.profileId, ids));
  await exec
    .update(customerMerges)
    .set({ evidence: erased, reason: 'erased' })
    .where(or(inArray(customerMerges.winnerId, ids), inArray(customerMerges.loserId, ids)));
  await exec
    .update(customerMergeReviews)
    .set({
      evidence: erased,
      reason: 'erased',
      status: sql`case when ${customerMergeReviews.status} = 'open' then 'rejected' else ${customerMergeReviews.status} end`,
    })
    .where(arrayOverlaps(customerMergeReviews.profileIds, ids));
  // The record of a regulation stays (what was done, when, by whom); the operator's words go.
  await exec
    .update(customerRegulations)
    .set({ reason: 'erased' })
    .where(inArray(customerRegulations.customerId, ids));
}
