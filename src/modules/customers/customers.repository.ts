// SQL of the customers module that more than one use case shares: profile rows in and out, cluster
// loading, and the append-only identity log.
import { sql } from 'drizzle-orm';
import { type Executor, firstRow, rows } from '../../platform/db/database.js';
import type { SqlRow } from '../../platform/db/rows.js';
import type { customerProfiles } from './customers.schema.js';
import type { ProfileState } from './profile-state.js';

export const INGEST_LOCK = 7_245_100;

/** Identity changes are serialized (one advisory lock): resolution reads, decides, then writes. */
export async function lockIdentity(exec: Executor): Promise<void> {
  await exec.execute(sql`select pg_advisory_xact_lock(${INGEST_LOCK})`);
}

/** The identifier values (email, phone, device and source ids) of some profiles. */
export async function selectIdentifierValues(exec: Executor, profileIds: string[]): Promise<string[]> {
  const found = await rows<{ value: string }>(
    exec,
    sql`select value from customer_identifiers where profile_id = any(${sql.param(profileIds)}::text[])`,
  );
  return found.map((i) => i.value);
}

/**
 * The ingest transaction's first statement. In its own transaction ingestion holds the identity lock
 * shared: batches commit concurrently, each checking at write time that the profiles it read are
 * unchanged (see writeIngestPlan), while merges, unmerges and erasure (exclusive) wait for them. The
 * planner is told to use the indexes: every ingest statement looks rows up by key, and statistics
 * that lag a fast-growing table otherwise get sequential scans and hash joins over whole tables.
 * Settings last until the transaction ends, so a caller's own transaction is left as it was. A batch
 * that keeps conflicting takes the lock exclusively and cannot conflict.
 */
export async function beginIngest(exec: Executor, mode: 'shared' | 'exclusive' | 'caller'): Promise<void> {
  await exec.execute(
    mode === 'caller'
      ? sql`select pg_advisory_xact_lock(${INGEST_LOCK})`
      : sql`select ${mode === 'shared' ? sql`pg_advisory_xact_lock_shared` : sql`pg_advisory_xact_lock`}(${INGEST_LOCK}),
          set_config('enable_seqscan', 'off', true), set_config('enable_hashjoin', 'off', true),
          set_config('enable_mergejoin', 'off', true)`,
  );
}

// PostgreSQL's JSON of a millisecond timestamptz in UTC ("…T00:10:57.542+00:00") is rewritten as
// toISOString would write it without parsing a Date; any other form is parsed.
const iso = (v: string | null): string | null =>
  v == null
    ? null
    : v.length === 29 && v.charCodeAt(19) === 46 && v.endsWith('+00:00')
      ? `${v.slice(0, 23)}Z`
      : new Date(v).toISOString();
const json = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);

/** A customer_profiles row as a raw statement (select *, row_to_json) returns it. */
export type ProfileSqlRow = SqlRow<typeof customerProfiles>;

/** A customer_profiles row (from select * or to_jsonb) as a ProfileState. */
export function toProfileState(r: ProfileSqlRow): ProfileState {
  return {
    id: r.id,
    mergedInto: r.merged_into ?? null,
    status: r.status,
    traits: json(r.traits),
    channelStats: json(r.channel_stats),
    eventCount: Number(r.event_count),
    orderCount: Number(r.order_count),
    lifetimeValue: json(r.lifetime_value),
    lastOrderAt: iso(r.last_order_at),
    lastCartAt: iso(r.last_cart_at),
    firstSeenAt: iso(r.first_seen_at),
    lastSeenAt: iso(r.last_seen_at),
    stage: r.stage,
    stageChangedAt: iso(r.stage_changed_at),
    createdChannelId: r.created_channel_id ?? null,
    createdAt: iso(r.created_at)!,
    updatedAt: iso(r.updated_at)!,
  };
}

const PROFILE_COLUMNS = sql.raw(
  'id, merged_into, status, traits, channel_stats, event_count, order_count, lifetime_value, last_order_at, last_cart_at, first_seen_at, last_seen_at, stage, stage_changed_at, created_channel_id, created_at, updated_at',
);

/**
 * Profile states as rows u(<PROFILE_COLUMNS>[, version]), from ONE JSON document: the driver would
 * escape every element of seventeen array literals in JavaScript, the documents twice over.
 */
function profileUnnest(list: ProfileState[], versions?: string[], documents?: Set<string>, update = false) {
  // Traits and lifetime value are sent only for profiles whose documents changed (null keeps them);
  // an update leaves out what it never sets (a missing key reads as null).
  const doc = (p: ProfileState, v: unknown) => (!documents || documents.has(p.id) ? v : null);
  const created = (v: string | null) => (update ? undefined : v);
  const rowsOf = list.map((p, i) => ({
    id: p.id,
    merged_into: p.mergedInto,
    status: p.status,
    traits: doc(p, p.traits),
    channel_stats: p.channelStats,
    event_count: p.eventCount,
    order_count: p.orderCount,
    lifetime_value: doc(p, p.lifetimeValue),
    last_order_at: p.lastOrderAt,
    last_cart_at: p.lastCartAt,
    first_seen_at: p.firstSeenAt,
    last_seen_at: p.lastSeenAt,
    stage: p.stage,
    stage_changed_at: p.stageChangedAt,
    created_channel_id: created(p.createdChannelId),
    created_at: created(p.createdAt),
    updated_at: p.updatedAt,
    ...(versions ? { version: versions[i] } : {}),
  }));
  return sql`json_to_recordset(${JSON.stringify(rowsOf)}::json)
    as u(id text, merged_into text, status text, traits jsonb, channel_stats jsonb, event_count int, order_count int,
      lifetime_value jsonb, last_order_at timestamptz, last_cart_at timestamptz, first_seen_at timestamptz,
      last_seen_at timestamptz, stage text, stage_changed_at timestamptz, created_channel_id text,
      created_at timestamptz, updated_at timestamptz${versions ? sql.raw(', version text') : sql``})`;
}

export const insertProfilesSql = (list: ProfileState[]) =>
  sql`insert into customer_profiles (${PROFILE_COLUMNS}) select ${PROFILE_COLUMNS} from ${profileUnnest(list)}`;

/**
 * With versions (xmin as read), a row that changed since it was read is left alone. With documents,
 * only those profiles' traits and lifetime value are written.
 */
export const updateProfilesSql = (list: ProfileState[], versions?: string[], documents?: Set<string>) =>
  sql`update customer_profiles p set merged_into = u.merged_into, status = u.status, traits = coalesce(u.traits, p.traits),
        channel_stats = u.channel_stats, event_count = u.event_count, order_count = u.order_count,
        lifetime_value = coalesce(u.lifetime_value, p.lifetime_value), last_order_at = u.last_order_at, last_cart_at = u.last_cart_at,
        first_seen_at = u.first_seen_at, last_seen_at = u.last_seen_at, stage = u.stage,
        stage_changed_at = u.stage_changed_at, updated_at = u.updated_at
      from ${profileUnnest(list, versions, documents, true)} where p.id = u.id ${versions ? sql`and p.xmin::text = u.version` : sql``}`;

export async function updateProfiles(exec: Executor, list: ProfileState[]): Promise<void> {
  if (list.length) await exec.execute(updateProfilesSql(list));
}

/** Every profile of the clusters of the given profiles (their roots and what merged into those). */
export async function loadClusters(exec: Executor, profileIds: string[]): Promise<ProfileState[]> {
  const r = await rows<ProfileSqlRow>(
    exec,
    sql`with roots as (select distinct coalesce(merged_into, id) as root from customer_profiles
                       where id = any(${sql.param(profileIds)}::text[]))
        select * from customer_profiles where id in (select root from roots)
        union all
        select * from customer_profiles where merged_into in (select root from roots)`,
  );
  return r.map(toProfileState);
}

export interface LimitedIdentifierRow {
  type: string;
  value: string;
  profile_id: string;
}

export async function loadIdentifiersOf(
  exec: Executor,
  profileIds: string[],
  types?: string[],
): Promise<LimitedIdentifierRow[]> {
  return rows<LimitedIdentifierRow>(
    exec,
    sql`select type, value, profile_id from customer_identifiers
        where profile_id = any(${sql.param(profileIds)}::text[])
        ${types ? sql`and type = any(${sql.param(types)}::text[])` : sql``}`,
  );
}

export interface IdentityLogInput {
  id: string;
  profileId: string;
  kind: string;
  reason: string;
  details: Record<string, unknown>;
  actor: string;
  at: string;
}

/** Log rows from ONE JSON document (ingestion logs every link: array literals cost the hub per element). */
export const insertIdentityLogSql = (list: IdentityLogInput[]) =>
  sql`insert into customer_identity_log (id, profile_id, kind, reason, details, actor, at)
      select id, "profileId", kind, reason, details, actor, at
      from json_to_recordset(${JSON.stringify(list)}::json)
        as u(id text, "profileId" text, kind text, reason text, details jsonb, actor text, at timestamptz)`;

export async function insertIdentityLog(exec: Executor, list: IdentityLogInput[]): Promise<void> {
  if (list.length) await exec.execute(insertIdentityLogSql(list));
}

export interface MergeInput {
  id: string;
  winnerId: string;
  loserId: string;
  movedProfileIds: string[];
  /** The profiles holding the linked identifiers (manual merges: the two profiles named). */
  linkedProfileIds: string[];
  reason: string;
  evidence: Record<string, unknown>;
  actor: string;
  createdAt: string;
}

/** Merges as one statement; moved profile ids travel as a JSON array per row (no arrays of arrays). */
export const insertMergesSql = (list: MergeInput[]) =>
  sql`insert into customer_merges (id, winner_id, loser_id, moved_profile_ids, linked_profile_ids, reason, evidence,
        status, actor, created_at)
      select u.id, u.winner_id, u.loser_id, array(select jsonb_array_elements_text(u.moved)),
             array(select jsonb_array_elements_text(u.linked)), u.reason, u.evidence, 'active', u.actor, u.created_at
      from unnest(${sql.param(list.map((m) => m.id))}::text[], ${sql.param(list.map((m) => m.winnerId))}::text[],
        ${sql.param(list.map((m) => m.loserId))}::text[], ${sql.param(list.map((m) => JSON.stringify(m.movedProfileIds)))}::jsonb[],
        ${sql.param(list.map((m) => JSON.stringify(m.linkedProfileIds)))}::jsonb[],
        ${sql.param(list.map((m) => m.reason))}::text[], ${sql.param(list.map((m) => JSON.stringify(m.evidence)))}::jsonb[],
        ${sql.param(list.map((m) => m.actor))}::text[], ${sql.param(list.map((m) => m.createdAt))}::timestamptz[])
        as u(id, winner_id, loser_id, moved, linked, reason, evidence, actor, created_at)`;

export async function insertMerges(exec: Executor, list: MergeInput[]): Promise<void> {
  if (list.length) await exec.execute(insertMergesSql(list));
}

export async function profileExists(exec: Executor, id: string): Promise<boolean> {
  return (
    (await firstRow<Pick<ProfileSqlRow, 'id'>>(
      exec,
      sql`select id from customer_profiles where id = ${id}`,
    )) !== undefined
  );
}

/**
 * Live roots of buyer clusters whose newest order is older than their stage allows (at_risk
 * before `lapsed`, the others before `atRisk`), by id, at most `limit`.
 */
export async function selectRootsDueForRestage(
  exec: Executor,
  o: { atRisk: Date; lapsed: Date; limit: number },
): Promise<string[]> {
  const r = await rows<Pick<ProfileSqlRow, 'id'>>(
    exec,
    sql`select r.id from customer_profiles r
        where r.merged_into is null and r.status = 'active'
          and r.stage in ('first_time_buyer', 'repeat', 'loyal', 'at_risk')
          and greatest(r.last_order_at, (select max(m.last_order_at) from customer_profiles m
                                         where m.merged_into = r.id))
              <= case when r.stage = 'at_risk' then ${o.lapsed.toISOString()}::timestamptz else ${o.atRisk.toISOString()}::timestamptz end
        order by r.id limit ${o.limit}`,
  );
  return r.map((x) => x.id);
}

/**
 * Roots whose cart went idle past the window in the last week and who are not cart abandoners yet:
 * no order in the cluster, no cart event in it since `idleSince`. Found from the carts' side (a
 * partial index on last_cart_at), as a cart may sit on a merged-in device profile. Moving them makes
 * them not due again; a cart idle for longer was already judged when its customer's last event came.
 */
export async function selectRootsWithIdleCart(
  exec: Executor,
  o: { idleSince: Date; limit: number },
): Promise<string[]> {
  const since = o.idleSince.toISOString();
  const r = await rows<Pick<ProfileSqlRow, 'id'>>(
    exec,
    sql`select distinct r.id from customer_profiles p
        join customer_profiles r on r.id = coalesce(p.merged_into, p.id)
        where p.last_order_at is null
          and p.last_cart_at <= ${since}::timestamptz
          and p.last_cart_at > ${since}::timestamptz - interval '7 days'
          and r.merged_into is null and r.status = 'active' and r.stage in ('visitor', 'engaged')
          and not exists (select 1 from customer_profiles m
                          where (m.id = r.id or m.merged_into = r.id)
                            and (m.last_order_at is not null or m.last_cart_at > ${since}::timestamptz))
        order by r.id limit ${o.limit}`,
  );
  return r.map((x) => x.id);
}
