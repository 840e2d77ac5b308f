// The ingest hot path's SQL: one query reads everything a batch needs (duplicates, erased and shared
// identifiers, known identifiers and their clusters, merge blocks); one statement writes the plan.
import { type SQL, sql } from 'drizzle-orm';
import { type Executor, rows } from '../../platform/db/database.js';
import {
  type IdentityLogInput,
  insertIdentityLogSql,
  insertMergesSql,
  insertProfilesSql,
  type MergeInput,
  type ProfileSqlRow,
  toProfileState,
  updateProfilesSql,
} from './customers.repository.js';
import type { Trust } from './identifiers.js';
import type { NewIdentifier, PlannedReview, PlannedSharedDevice } from './identity-resolution.js';
import type { ProfileState } from './profile-state.js';

export interface IngestStateQuery {
  sourceIds: string[];
  messageIds: string[];
  types: string[];
  values: string[];
  tombstones: string[];
  devices: string[];
  limitedTypes: string[];
}

export interface IngestStateRows {
  /** source id|message id of events stored before → the profile each landed on. */
  duplicates: Map<string, string | null>;
  erased: Set<string>;
  shared: Set<string>;
  hits: Array<{ type: string; value: string; profileId: string; trust: Trust }>;
  members: ProfileState[];
  /** Row version (xmin) of each member as read: the write refuses to apply over a newer one. */
  versions: Map<string, string>;
  limited: Array<{ type: string; value: string; profileId: string; trust: Trust }>;
  blocks: Set<string>;
}

export async function loadIngestState(exec: Executor, q: IngestStateQuery): Promise<IngestStateRows> {
  // Keys are joined from unnest(): with hash and merge joins off for the transaction (beginIngest)
  // each is one probe of the unique index, however stale the planner's statistics are.
  // One statement (one round trip, one snapshot): the identifiers the batch names and their roots,
  // every profile of those clusters with its row version (xmin, for the write's conflict check),
  // their limited-type identifiers and merge blocks, plus duplicates, tombstones and shared devices.
  const r = await rows<{ k: string; d: string }>(
    exec,
    sql`with hits as (
          select i.type, i.value, i.profile_id, i.trust, coalesce(p.merged_into, p.id) as root
          from unnest(${sql.param(q.types)}::text[], ${sql.param(q.values)}::text[]) as k(type, value)
          join customer_identifiers i on i.type = k.type and i.value = k.value
          join customer_profiles p on p.id = i.profile_id),
        members as (select m.*, m.xmin::text as version from customer_profiles m where m.id = any(array(select root from hits))
                    union all select m.*, m.xmin::text from customer_profiles m where m.merged_into = any(array(select root from hits)))
      select distinct 'hit' as k, json_build_object('type', h.type, 'value', h.value, 'profileId', h.profile_id, 'trust', h.trust)::text as d
        from hits h
      union all select 'member', row_to_json(m)::text from members m
      union all select 'limited', json_build_object('type', i.type, 'value', i.value, 'profileId', i.profile_id, 'trust', i.trust)::text
        from customer_identifiers i where i.profile_id = any(array(select id from members))
         and i.type = any(${sql.param(q.limitedTypes)}::text[])
      union all select 'block', b.profile_a || '|' || b.profile_b from customer_merge_blocks b
        where b.profile_a = any(array(select id from members)) or b.profile_b = any(array(select id from members))
      union all select 'dup', json_build_object('key', e.source_id || '|' || e.message_id, 'profileId', e.profile_id)::text
        from unnest(${sql.param(q.sourceIds)}::text[], ${sql.param(q.messageIds)}::text[]) as m(source_id, message_id)
        join customer_events e on e.source_id = m.source_id and e.message_id = m.message_id
      union all select 'erased', hash from customer_erased_identifiers where hash = any(${sql.param(q.tombstones)}::text[])
      union all select 'shared', value from customer_shared_devices where value = any(${sql.param(q.devices)}::text[])`,
  );
  const out: IngestStateRows = {
    duplicates: new Map(),
    erased: new Set(),
    shared: new Set(),
    hits: [],
    members: [],
    versions: new Map(),
    limited: [],
    blocks: new Set(),
  };
  for (const { k, d: raw } of r) {
    const d =
      typeof raw === 'string' && (k === 'hit' || k === 'member' || k === 'limited' || k === 'dup')
        ? JSON.parse(raw)
        : raw;
    if (k === 'hit') out.hits.push(d as IngestStateRows['hits'][number]);
    else if (k === 'member') {
      const m = d as ProfileSqlRow & { version: string };
      out.members.push(toProfileState(m));
      out.versions.set(m.id, m.version);
    } else if (k === 'limited') out.limited.push(d as IngestStateRows['limited'][number]);
    else if (k === 'block') out.blocks.add(d as string);
    else if (k === 'dup') {
      const dup = d as { key: string; profileId: string | null };
      out.duplicates.set(dup.key, dup.profileId);
    } else if (k === 'erased') out.erased.add(d as string);
    else if (k === 'shared') out.shared.add(d as string);
  }
  return out;
}

/** A customer_events row as the insert reads it (snake_case: the JSON document's keys are its columns). */
export interface EventRow {
  id: string;
  source_id: string;
  message_id: string;
  profile_id: string;
  channel_id: string | null;
  kind: string;
  name: string | null;
  properties: Record<string, unknown>;
  context: Record<string, unknown>;
  anonymous_id: string | null;
  user_id: string | null;
  occurred_at: string;
  received_at: string;
}

export interface ConsentRow {
  profileId: string;
  purpose: string;
  channelScope: string;
  status: 'granted' | 'denied';
  sourceChannelId: string | null;
  at: string;
}

export interface IngestWrite {
  newProfiles: ProfileState[];
  changedProfiles: ProfileState[];
  /** Row versions as read: changed profiles are updated only over these, unchanged ones are checked. */
  versions: Map<string, string>;
  /** Changed profiles whose traits or lifetime value changed (the others keep theirs). */
  documentsChanged: Set<string>;
  identifiers: NewIdentifier[];
  trustUpgrades: Array<{ type: string; value: string }>;
  events: EventRow[];
  merges: MergeInput[];
  reviews: Array<PlannedReview & { id: string; createdAt: string }>;
  sharedDevices: PlannedSharedDevice[];
  log: IdentityLogInput[];
  consents: ConsentRow[];
  at: string;
}

/**
 * A whole batch's plan as one statement of data-modifying CTEs (one round trip), given the platform
 * events' CTE (writeWithEvents). It returns one row, ok = false when the data moved since it was read
 * (a profile changed, or an identifier or event was inserted by another transaction): the partial
 * write must then be rolled back.
 */
export function ingestPlanStatement(w: IngestWrite): (events: SQL) => SQL {
  const parts: SQL[] = [];
  const counted: Array<{ name: string; expected: number }> = [];
  const p = <T>(list: T[], f: (x: T) => unknown) => sql.param(list.map(f));
  const add = (part: SQL, expected?: number) => {
    const name = `w${parts.length}`;
    parts.push(sql`${sql.raw(name)} as (${part})`);
    if (expected !== undefined) counted.push({ name, expected });
  };
  if (w.newProfiles.length) add(insertProfilesSql(w.newProfiles));
  const written = new Set(w.changedProfiles.map((x) => x.id));
  const readOnly = [...w.versions].filter(([id]) => !written.has(id));
  // Every existing profile the batch touches, row-locked in id order before the parts below write
  // or share-lock any of them (the checks read this part first): two batches of the same people
  // locked them in their own orders, and deadlocked (PostgreSQL aborts one after a second; it is
  // retried). No key update: inserts that reference a profile (events, identifiers) are not blocked.
  const touched = [...written, ...readOnly.map(([id]) => id)].sort();
  if (touched.length) {
    add(
      sql`select id from customer_profiles where id = any(${sql.param(touched)}::text[])
        order by id for no key update`,
      touched.length,
    );
  }
  if (w.changedProfiles.length) {
    const changed = w.changedProfiles;
    const versions = changed.map((x) => w.versions.get(x.id) ?? '');
    add(sql`${updateProfilesSql(changed, versions, w.documentsChanged)} returning 1`, changed.length);
  }
  if (readOnly.length) {
    // Profiles read but not written (other members of a touched cluster) must be as read, and stay
    // so until commit (share-locked): every change to a cluster rewrites at least one of its rows.
    add(
      sql`select 1 from unnest(${p(readOnly, (x) => x[0])}::text[], ${p(readOnly, (x) => x[1])}::text[]) as v(id, version)
          join customer_profiles cp on cp.id = v.id and cp.xmin::text = v.version for share of cp`,
      readOnly.length,
    );
  }
  const ids = w.identifiers;
  if (ids.length) {
    add(
      sql`insert into customer_identifiers (id, type, value, profile_id, trust, channel_id, first_seen_at)
      select u.*, ${w.at}::timestamptz from unnest(${p(ids, (i) => i.id)}::text[], ${p(ids, (i) => i.type)}::text[],
        ${p(ids, (i) => i.value)}::text[], ${p(ids, (i) => i.profileId)}::text[], ${p(ids, (i) => i.trust)}::text[],
        ${p(ids, (i) => i.channelId)}::text[]) as u
      on conflict (type, value) do nothing returning 1`,
      ids.length,
    );
  }
  const up = w.trustUpgrades;
  if (up.length) {
    add(sql`update customer_identifiers ci set trust = 'verified'
      from unnest(${p(up, (u) => u.type)}::text[], ${p(up, (u) => u.value)}::text[]) as u(type, value)
      where ci.type = u.type and ci.value = u.value and ci.trust <> 'verified'`);
  }
  if (w.events.length) {
    // One JSON document, not thirteen arrays: the driver escapes every element of an array
    // literal in JavaScript (the properties and context twice over), which cost more hub CPU than
    // the whole resolution. PostgreSQL reads the document as rows.
    add(
      sql`insert into customer_events (id, source_id, message_id, profile_id, channel_id, kind, name, properties,
        context, anonymous_id, user_id, occurred_at, received_at)
      select id, source_id, message_id, profile_id, channel_id, kind, name, properties, context, anonymous_id,
        user_id, occurred_at, received_at
      from json_to_recordset(${JSON.stringify(w.events)}::json) as x(id text, source_id text, message_id text,
        profile_id text, channel_id text, kind text, name text, properties jsonb, context jsonb, anonymous_id text,
        user_id text, occurred_at timestamptz, received_at timestamptz)
      on conflict (source_id, message_id) do nothing returning 1`,
      w.events.length,
    );
  }
  if (w.merges.length) add(insertMergesSql(w.merges));
  if (w.reviews.length) {
    const r = w.reviews;
    add(sql`insert into customer_merge_reviews (id, profile_ids, pair_key, rule, reason, evidence, status, created_at)
      select u.id, array[u.a, u.b], u.pair_key, u.rule, u.reason, u.evidence, 'open', u.created_at
      from unnest(${p(r, (x) => x.id)}::text[], ${p(r, (x) => x.profileIds[0])}::text[], ${p(r, (x) => x.profileIds[1])}::text[],
        ${p(r, (x) => x.pairKey)}::text[], ${p(r, (x) => x.rule)}::text[], ${p(r, (x) => x.reason)}::text[],
        ${p(r, (x) => JSON.stringify(x.evidence))}::jsonb[], ${p(r, (x) => x.createdAt)}::timestamptz[])
        as u(id, a, b, pair_key, rule, reason, evidence, created_at)
      on conflict (pair_key) where status = 'open' do nothing`);
  }
  if (w.sharedDevices.length) {
    const d = w.sharedDevices;
    add(sql`insert into customer_shared_devices (value, note, created_at)
      select distinct on (u.value) u.value, u.note, ${w.at}::timestamptz
      from unnest(${p(d, (x) => x.value)}::text[], ${p(d, (x) => x.note)}::text[]) as u(value, note)
      on conflict (value) do nothing`);
  }
  if (w.log.length) add(insertIdentityLogSql(w.log));
  if (w.consents.length) add(upsertConsentsSql(w.consents));
  // writeWithEvents writes the events only when this guard returned rows: always (a failed check
  // rolls the whole transaction back).
  parts.unshift(sql`ingest_guard as (select 1)`);
  const checks = counted.length
    ? sql.join(
        counted.map((c) => sql`(select count(*) from ${sql.raw(c.name)}) = ${c.expected}::int`),
        sql` and `,
      )
    : sql`true`;
  return (events) => sql`with ${sql.join([...parts, events], sql`, `)} select ${checks} as ok`;
}

/** Newest decision wins; a denial after a grant is recorded as a revocation. */
export const upsertConsentsSql = (c: ConsentRow[]) =>
  sql`insert into customer_consents (profile_id, purpose, channel_scope, status, source_channel_id, at)
    select * from unnest(${sql.param(c.map((x) => x.profileId))}::text[], ${sql.param(c.map((x) => x.purpose))}::text[],
      ${sql.param(c.map((x) => x.channelScope))}::text[], ${sql.param(c.map((x) => x.status))}::text[],
      ${sql.param(c.map((x) => x.sourceChannelId))}::text[], ${sql.param(c.map((x) => x.at))}::timestamptz[])
    on conflict (profile_id, purpose, channel_scope) do update
      set status = case when excluded.status = 'denied' and customer_consents.status in ('granted', 'revoked')
                        then 'revoked' else excluded.status end,
          source_channel_id = excluded.source_channel_id, at = excluded.at
      where customer_consents.at <= excluded.at`;

/** Refreshes the planner statistics of the tables ingestion grows. */
export async function analyzeCustomerTables(exec: Executor): Promise<void> {
  await exec.execute(sql`analyze customer_events, customer_profiles, customer_identifiers`);
}
