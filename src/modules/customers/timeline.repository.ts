// Timeline entries (an order, a conversation… of another module) on customer profiles, in one
// statement per batch: the rows in customer_events and their counts on the profiles. An entry is
// never an order, a cart or a trait, so what it changes on its profile (events, first and last seen,
// per-channel figures) is arithmetic SQL can do in place: no profile is read into the hub and
// written back, and the statement returns only what the journey stage is decided from.
import { sql } from 'drizzle-orm';
import { newId } from '../../kernel/index.js';
import { type Executor, rows } from '../../platform/db/database.js';
import type { JourneyStage } from './customers.types.js';
import type { ClusterFacts } from './profile-state.js';

export interface TimelineEntryRow {
  /** What happened, e.g. order.placed, workflow.tag. */
  kind: string;
  channelId: string | null;
  occurredAt: Date;
  /** The other record's id: the same (kind, ref) is stored once. */
  ref: string;
  properties?: Record<string, unknown>;
}

/** The entries as ONE JSON document of customer_events rows (ord: the item's place, from 1). */
function timelineEntriesJson(items: ReadonlyArray<{ profileId: string; entry: TimelineEntryRow }>) {
  return JSON.stringify(
    items.map(({ profileId, entry }, i) => ({
      ord: i + 1,
      id: newId('cev'),
      source_id: `entry:${entry.kind}`,
      message_id: entry.ref,
      profile_id: profileId,
      channel_id: entry.channelId,
      name: entry.kind,
      properties: entry.properties ?? {},
      occurred_at: entry.occurredAt,
    })),
  );
}

/** customer_events rows from timelineEntriesJson, each on its profile when that is not erased. */
const insertEntries = (json: string, receivedAt: Date) =>
  sql`e as (select * from jsonb_to_recordset(${json}::jsonb)
              as e(ord integer, id text, source_id text, message_id text, profile_id text, channel_id text,
                   name text, properties jsonb, occurred_at timestamptz)),
      ins as (insert into customer_events (id, source_id, message_id, profile_id, channel_id, kind, name, properties,
                context, occurred_at, received_at)
              select e.id, e.source_id, e.message_id, p.id, e.channel_id, 'entry', e.name, e.properties, '{}'::jsonb,
                e.occurred_at, ${receivedAt.toISOString()}
              from e join customer_profiles p on p.id = e.profile_id and p.status <> 'erased'
              order by e.ord
              on conflict (source_id, message_id) do nothing returning id)`;

/**
 * Stores timeline entries in one statement, each on its profile when that is not erased: for each,
 * whether it was stored (false: its (kind, ref) is there already, or no such profile).
 */
export async function insertTimelineEntries(
  exec: Executor,
  items: ReadonlyArray<{ profileId: string; entry: TimelineEntryRow }>,
  receivedAt: Date,
): Promise<boolean[]> {
  if (!items.length) return [];
  const stored = await rows<{ ord: number }>(
    exec,
    sql`with ${insertEntries(timelineEntriesJson(items), receivedAt)} select e.ord from e join ins on ins.id = e.id`,
  );
  const done = new Set(stored.map((r) => Number(r.ord)));
  return items.map((_, i) => done.has(i + 1));
}

/** Stores a timeline entry on a profile that is not erased; false if that (kind, ref) is there already. */
export async function insertTimelineEntry(
  exec: Executor,
  profileId: string,
  entry: TimelineEntryRow,
  receivedAt: Date,
): Promise<boolean> {
  return (await insertTimelineEntries(exec, [{ profileId, entry }], receivedAt))[0]!;
}

/** A cluster an entry was stored on, with the facts its journey stage follows from after the entries. */
export interface TimelineRoot {
  root: string;
  stage: JourneyStage;
  status: string;
  facts: ClusterFacts;
}

interface TimelineRow {
  ord: number | null;
  root: string | null;
  stage: JourneyStage | null;
  status: string | null;
  event_count: number | null;
  order_count: number | null;
  last_order_ms: number | null;
  last_cart_ms: number | null;
  identified: boolean | null;
}

const isoOf = (ms: number | null) => (ms === null ? null : new Date(Number(ms)).toISOString());

/**
 * Stores the entries and counts them on their profiles (events, first/last seen, per-channel first,
 * last and count, as applyEvent counts an entry) in one statement; the caller holds the identity
 * lock. Returns which items were stored and, per cluster touched, its stage and facts with the new
 * counts (the statement's own reads do not see its updates, so the stored entries are added).
 * `identifiedTypes`: the identifier types that make a cluster identified.
 */
export async function recordTimelineRows(
  exec: Executor,
  items: ReadonlyArray<{ profileId: string; entry: TimelineEntryRow }>,
  receivedAt: Date,
  identifiedTypes: string[],
): Promise<{ stored: boolean[]; roots: TimelineRoot[] }> {
  if (!items.length) return { stored: [], roots: [] };
  const out = await rows<TimelineRow>(
    exec,
    sql`with ${insertEntries(timelineEntriesJson(items), receivedAt)},
      s as (select e.ord, e.profile_id, nullif(e.channel_id, '') as channel_id,
                   to_char(e.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') collate "C" as at
            from e join ins on ins.id = e.id),
      pc as (select profile_id, channel_id, count(*)::int as n, min(at) as first, max(at) as last
             from s where channel_id is not null group by profile_id, channel_id),
      pp as (select s.profile_id, count(*)::int as n, min(s.at) as first, max(s.at) as last,
               (select coalesce(jsonb_object_agg(pc.channel_id,
                         jsonb_build_object('first', pc.first, 'last', pc.last, 'count', pc.n)), '{}'::jsonb)
                from pc where pc.profile_id = s.profile_id) as stats
             from s group by s.profile_id),
      upd as (update customer_profiles p set event_count = p.event_count + pp.n,
                first_seen_at = least(p.first_seen_at, pp.first::timestamptz),
                last_seen_at = greatest(p.last_seen_at, pp.last::timestamptz),
                channel_stats = p.channel_stats || (
                  select coalesce(jsonb_object_agg(x.k, jsonb_build_object(
                           'first', least((p.channel_stats -> x.k ->> 'first') collate "C", x.v ->> 'first'),
                           'last', greatest((p.channel_stats -> x.k ->> 'last') collate "C", x.v ->> 'last'),
                           'count', coalesce((p.channel_stats -> x.k ->> 'count')::int, 0) + (x.v ->> 'count')::int)),
                         '{}'::jsonb)
                  from jsonb_each(pp.stats) as x(k, v))
              from pp where p.id = pp.profile_id),
      touched as (select p.id, coalesce(p.merged_into, p.id) as root, pp.n
                  from customer_profiles p join pp on pp.profile_id = p.id),
      roots as (select root, sum(n)::int as added from touched group by root),
      members as (select m.* from customer_profiles m join roots r on m.id = r.root
                  union all
                  select m.* from customer_profiles m join roots r on m.merged_into = r.root),
      facts as (select r.root, r.added + sum(m.event_count)::int as event_count, sum(m.order_count)::int as order_count,
                  round(extract(epoch from max(m.last_order_at)) * 1000)::float8 as last_order_ms,
                  round(extract(epoch from max(m.last_cart_at)) * 1000)::float8 as last_cart_ms,
                  exists (select 1 from customer_identifiers i
                          where i.profile_id in (select id from members where coalesce(merged_into, id) = r.root)
                            and i.type = any(${sql.param(identifiedTypes)}::text[])) as identified
                from roots r join members m on coalesce(m.merged_into, m.id) = r.root
                group by r.root, r.added)
      select s.ord, null as root, null as stage, null as status, null::int as event_count, null::int as order_count,
             null::float8 as last_order_ms, null::float8 as last_cart_ms, null::boolean as identified
      from s
      union all
      select null, f.root, rp.stage, rp.status, f.event_count, f.order_count, f.last_order_ms, f.last_cart_ms, f.identified
      from facts f join customer_profiles rp on rp.id = f.root`,
  );
  const done = new Set<number>();
  const roots: TimelineRoot[] = [];
  for (const r of out) {
    if (r.ord !== null) done.add(Number(r.ord));
    else
      roots.push({
        root: r.root!,
        stage: r.stage!,
        status: r.status!,
        facts: {
          eventCount: Number(r.event_count),
          orderCount: Number(r.order_count),
          lastOrderAt: isoOf(r.last_order_ms),
          lastCartAt: isoOf(r.last_cart_ms),
          identified: Boolean(r.identified),
        },
      });
  }
  return { stored: items.map((_, i) => done.has(i + 1)), roots };
}

/** Sets the stage of cluster roots whose stage the entries changed (rare: one statement for all). */
export async function updateStages(
  exec: Executor,
  changes: ReadonlyArray<{ profileId: string; to: JourneyStage }>,
  at: Date,
): Promise<void> {
  if (!changes.length) return;
  await exec.execute(
    sql`update customer_profiles p set stage = u.stage, stage_changed_at = ${at.toISOString()},
          updated_at = ${at.toISOString()}
        from unnest(${sql.param(changes.map((c) => c.profileId))}::text[],
                    ${sql.param(changes.map((c) => c.to))}::text[]) as u(id, stage)
        where p.id = u.id`,
  );
}
