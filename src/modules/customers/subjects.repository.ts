// Many customers at once, for background evaluation (audiences, computed traits): each asked
// profile's cluster in ONE statement, and with `facts` the clusters' whole profiles, live tags and
// consent records. No identifiers and no timeline: only what a rule over a customer reads.
import { sql } from 'drizzle-orm';
import { type Executor, rows } from '../../platform/db/database.js';
import { type ProfileSqlRow, toProfileState } from './customers.repository.js';
import type { ConsentEntry, StoredIngestEvent } from './customers.types.js';
import type { ProfileState } from './profile-state.js';

export interface SubjectRows {
  /** Asked id → its root's id. */
  rootOf: Map<string, string>;
  /** Every profile of the clusters (lean rows without facts: traits and statistics empty). */
  profiles: ProfileState[];
  /** Every tag row of the clusters (a cluster shows a tag when its newest row is not a removal). */
  tags: Array<{ profileId: string; tag: string; removed: boolean; at: string }>;
  consent: Array<ConsentEntry & { profileId: string }>;
}

const json = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);

export async function selectSubjects(exec: Executor, ids: string[], facts: boolean): Promise<SubjectRows> {
  const profileRow = facts
    ? sql`row_to_json(c)::text`
    : sql`json_build_object('id', c.id, 'merged_into', c.merged_into, 'status', c.status, 'stage', c.stage,
          'created_at', c.created_at, 'updated_at', c.updated_at)::text`;
  const r = await rows<{ k: string; d: string }>(
    exec,
    sql`with asked as (select id, coalesce(merged_into, id) as root from customer_profiles
                       where id = any(${sql.param(ids)}::text[])),
        cluster as (select p.* from customer_profiles p where p.id = any(array(select distinct root from asked))
                    union all select p.* from customer_profiles p
                    where p.merged_into = any(array(select distinct root from asked)))
      select 'asked' as k, a.id || '|' || a.root as d from asked a
      union all select 'profile', ${profileRow} from cluster c
      ${
        facts
          ? sql`union all select 'tag', json_build_object('profileId', t.profile_id, 'tag', t.tag,
          'removed', t.removed_at is not null, 'at', coalesce(t.removed_at, t.added_at))::text
          from customer_tags t where t.profile_id = any(array(select id from cluster))
      union all select 'consent', json_build_object('profileId', x.profile_id, 'purpose', x.purpose,
          'channel', x.channel_scope, 'status', x.status, 'sourceChannelId', x.source_channel_id, 'at', x.at)::text
          from customer_consents x where x.profile_id = any(array(select id from cluster))`
          : sql``
      }`,
  );
  const out: SubjectRows = { rootOf: new Map(), profiles: [], tags: [], consent: [] };
  for (const { k, d } of r) {
    if (k === 'asked') {
      const [id, root] = d.split('|') as [string, string];
      out.rootOf.set(id, root);
    } else if (k === 'profile') {
      const p = json<Partial<ProfileSqlRow>>(d);
      out.profiles.push(
        toProfileState({
          traits: {},
          channel_stats: {},
          lifetime_value: {},
          event_count: 0,
          order_count: 0,
          ...p,
        } as ProfileSqlRow),
      );
    } else if (k === 'tag') out.tags.push(json<SubjectRows['tags'][number]>(d));
    else if (k === 'consent') {
      const c = json<ConsentEntry & { profileId: string; at: string }>(d);
      out.consent.push({ ...c, at: new Date(c.at) });
    }
  }
  return out;
}

/** A page of surviving customers' ids, in id order after `after`. */
export async function selectCustomerIds(
  exec: Executor,
  after: string | null,
  limit: number,
): Promise<string[]> {
  const r = await rows<{ id: string }>(
    exec,
    sql`select id from customer_profiles where merged_into is null and status <> 'erased'
        ${after === null ? sql`` : sql`and id > ${after}`} order by id limit ${limit}`,
  );
  return r.map((x) => x.id);
}

/**
 * A page of live roots (by id, after `after`) whose cluster's newest order fell in [from, to): the
 * lapsed buyers a win-back journey looks for once a day. Candidates come from the profiles whose own
 * last order is in the window (the last-order index): the member holding a cluster's newest order is one.
 */
export async function selectRootsLastOrderedIn(
  exec: Executor,
  o: { from: Date; to: Date; after: string | null; limit: number },
): Promise<Array<{ id: string; lastOrderAt: Date }>> {
  const newest = sql`greatest(r.last_order_at, (select max(m.last_order_at) from customer_profiles m
                                                where m.merged_into = r.id))`;
  const r = await rows<{ id: string; last_order_at: string | Date }>(
    exec,
    sql`with candidates as (
          select distinct coalesce(c.merged_into, c.id) as id from customer_profiles c
          where c.last_order_at >= ${o.from.toISOString()}::timestamptz
            and c.last_order_at < ${o.to.toISOString()}::timestamptz)
        select r.id, ${newest} as last_order_at from candidates
        join customer_profiles r on r.id = candidates.id
        where r.merged_into is null and r.status = 'active'
          ${o.after === null ? sql`` : sql`and r.id > ${o.after}`}
          and ${newest} < ${o.to.toISOString()}::timestamptz
        order by r.id limit ${o.limit}`,
  );
  return r.map((x) => ({ id: x.id, lastOrderAt: new Date(x.last_order_at) }));
}

/** A live customer's birthday (the cluster's newest `birthday` trait) and time zone trait, if any. */
export interface BirthdayRow {
  id: string;
  birthday: string;
  timeZone: string | null;
}

/**
 * Live roots whose newest `birthday` trait (YYYY-MM-DD…, or --MM-DD without a year) falls on one of
 * these month-days (MM-DD). One pass over the profiles: `traits ? 'birthday'` has no index, as any
 * index over traits would make every traits update a non-HOT one (the hourly sweep is the cheaper side).
 */
export async function selectBirthdaysOn(exec: Executor, monthDays: string[]): Promise<BirthdayRow[]> {
  if (monthDays.length === 0) return [];
  const r = await rows<{ id: string; birthday: string; tz: string | null }>(
    exec,
    sql`with traits as (
          select distinct on (coalesce(p.merged_into, p.id)) coalesce(p.merged_into, p.id) as root,
                 p.traits #>> '{birthday,value}' as birthday
          from customer_profiles p where p.traits ? 'birthday'
          order by coalesce(p.merged_into, p.id), p.traits #>> '{birthday,at}' desc nulls last),
        due as (
          select t.root, t.birthday from traits t
          where substring(t.birthday from '^(?:[0-9]{4}|-)-([0-9]{2}-[0-9]{2})') = any(${sql.param(monthDays)}::text[]))
        select r.id, due.birthday,
               (select m.traits #>> '{timezone,value}' from customer_profiles m
                where (m.id = r.id or m.merged_into = r.id) and m.traits ? 'timezone'
                order by m.traits #>> '{timezone,at}' desc nulls last limit 1) as tz
        from due join customer_profiles r on r.id = due.root
        where r.merged_into is null and r.status = 'active'
        order by r.id`,
  );
  return r.map((x) => ({ id: x.id, birthday: x.birthday, timeZone: x.tz }));
}

export interface NamedEventRow {
  id: string;
  sourceId: string;
  messageId: string;
  profileId: string;
  name: string;
  occurredAt: Date;
  properties: Record<string, unknown>;
}

/** A page of stored events with one of these names since a time, in id order after `after`. */
export async function selectEventsNamed(
  exec: Executor,
  q: { names: string[]; since: Date; after: string | null; limit: number },
): Promise<NamedEventRow[]> {
  const r = await rows<{
    id: string;
    source_id: string;
    message_id: string;
    profile_id: string;
    name: string;
    occurred_at: string | Date;
    properties: Record<string, unknown> | string;
  }>(
    exec,
    sql`select id, source_id, message_id, profile_id, name, occurred_at, properties from customer_events
        where name = any(${sql.param(q.names)}::text[]) and occurred_at >= ${q.since.toISOString()}::timestamptz
        ${q.after === null ? sql`` : sql`and id > ${q.after}`} order by id limit ${q.limit}`,
  );
  return r.map((e) => ({
    id: e.id,
    sourceId: e.source_id,
    messageId: e.message_id,
    profileId: e.profile_id,
    name: e.name,
    occurredAt: new Date(e.occurred_at),
    properties: json(e.properties),
  }));
}

/**
 * Stored events by source and message id, on their customer (the cluster's root), in the order
 * asked; identify traits come from the row's context (where ingestion keeps them). Missing ones
 * (erased since) are left out.
 */
export async function selectStoredEvents(
  exec: Executor,
  refs: Array<{ sourceId: string; messageId: string }>,
): Promise<StoredIngestEvent[]> {
  if (refs.length === 0) return [];
  const r = await rows<{
    source_id: string;
    message_id: string;
    root: string;
    channel_id: string | null;
    kind: string;
    name: string | null;
    properties: Record<string, unknown> | string;
    traits: Record<string, unknown> | string | null;
    anonymous_id: string | null;
    user_id: string | null;
    occurred_at: string | Date;
  }>(
    exec,
    sql`select e.source_id, e.message_id, coalesce(p.merged_into, p.id) as root, e.channel_id, e.kind,
               e.name, e.properties, e.context -> 'traits' as traits, e.anonymous_id, e.user_id, e.occurred_at
        from unnest(${sql.param(refs.map((x) => x.sourceId))}::text[],
                    ${sql.param(refs.map((x) => x.messageId))}::text[]) with ordinality as k(s, m, n)
        join customer_events e on e.source_id = k.s and e.message_id = k.m
        join customer_profiles p on p.id = e.profile_id
        order by k.n`,
  );
  return r.map((e) => ({
    messageId: e.message_id,
    kind: e.kind,
    name: e.name,
    profileId: e.root,
    channelId: e.channel_id ?? '',
    sourceId: e.source_id,
    occurredAt: new Date(e.occurred_at),
    properties: json(e.properties),
    traits: (e.traits === null ? {} : json(e.traits)) as Record<string, unknown>,
    userId: e.user_id,
    anonymousId: e.anonymous_id,
  }));
}
