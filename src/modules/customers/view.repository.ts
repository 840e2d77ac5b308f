// SQL of the single customer view: a cluster's profiles, the one-statement view read, timeline
// pages, search and the identity log. Rows come back as the module's records.
import { type SQL, sql } from 'drizzle-orm';
import { type Executor, rows } from '../../platform/db/database.js';
import type { SqlRow } from '../../platform/db/rows.js';
import { type ProfileSqlRow, toProfileState } from './customers.repository.js';
import type {
  customerConsents,
  customerEvents,
  customerIdentifiers,
  customerIdentityLog,
  customerTags,
} from './customers.schema.js';
import type {
  ConsentEntry,
  CustomerTag,
  CustomerView,
  IdentityLogEntry,
  TimelineItem,
} from './customers.types.js';
import type { ProfileState } from './profile-state.js';

type EventSqlRow = Pick<
  SqlRow<typeof customerEvents>,
  'id' | 'kind' | 'name' | 'channel_id' | 'profile_id' | 'occurred_at' | 'properties'
>;
type IdentitySqlRow = Pick<
  SqlRow<typeof customerIdentifiers>,
  'id' | 'type' | 'value' | 'trust' | 'channel_id' | 'profile_id' | 'first_seen_at'
>;
type ConsentSqlRow = Pick<
  SqlRow<typeof customerConsents>,
  'purpose' | 'channel_scope' | 'status' | 'source_channel_id' | 'at'
>;
type TagSqlRow = Pick<SqlRow<typeof customerTags>, 'tag' | 'channel_id' | 'profile_id' | 'added_at'>;

const json = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);

const toTimelineItem = (e: EventSqlRow): TimelineItem => ({
  id: e.id,
  kind: e.kind,
  name: e.name,
  channelId: e.channel_id,
  profileId: e.profile_id,
  occurredAt: new Date(e.occurred_at),
  properties: json(e.properties),
});

/** The profiles of the cluster of `id` (its root first, then what merged into it). */
export async function selectCluster(exec: Executor, id: string): Promise<ProfileState[]> {
  const r = await rows<ProfileSqlRow>(
    exec,
    sql`with r as (select coalesce(merged_into, id) as root from customer_profiles where id = ${id})
        select * from customer_profiles where id = (select root from r)
        union all select * from customer_profiles where merged_into = (select root from r)`,
  );
  return r.map(toProfileState);
}

/** Up to limit + 1 events of the profiles in timeline order (newest first), before `after`. */
export async function selectTimeline(
  exec: Executor,
  ids: string[],
  limit: number,
  after?: { at: string; id: string },
): Promise<TimelineItem[]> {
  const r = await rows<EventSqlRow>(
    exec,
    // One index-ordered scan per profile of the cluster, each stopping after a page, then merged:
    // a profile with 10,000 events costs a page, not a sort of 10,000 rows.
    sql`select * from (${sql.join(
      ids.map(
        (
          id,
        ) => sql`(select id, kind, name, channel_id, profile_id, occurred_at, properties from customer_events
          where profile_id = ${id}
          ${after ? sql`and (occurred_at, id) < (${after.at}::timestamptz, ${after.id})` : sql``}
          order by occurred_at desc, id desc limit ${limit + 1})`,
      ),
      sql` union all `,
    )}) t order by occurred_at desc, id desc limit ${limit + 1}`,
  );
  return r.map(toTimelineItem);
}

/** What the view reads: every consent decision (not only the newest) and up to limit + 1 events. */
export interface ViewRead {
  cluster: ProfileState[];
  identities: CustomerView['identities'];
  consent: ConsentEntry[];
  tags: CustomerTag[];
  events: TimelineItem[];
}

type ViewPart =
  | { k: 'profile'; d: ProfileSqlRow }
  | { k: 'identity'; d: IdentitySqlRow }
  | { k: 'consent'; d: ConsentSqlRow }
  | { k: 'tag'; d: TagSqlRow }
  | { k: 'event'; d: EventSqlRow };

/**
 * Everything the view shows, in one statement: the cluster's profiles, then keyed by their ids the
 * identifiers, consent and, per profile, its newest events by a backward walk of the timeline index
 * (a profile with 10,000 events costs a page, not a sort). Rows come back as tagged JSON.
 */
export async function selectView(exec: Executor, id: string, limit: number): Promise<ViewRead> {
  const r = await rows<{ k: ViewPart['k']; d: string | ViewPart['d'] }>(
    exec,
    sql`with cluster as (
          select p.* from customer_profiles p
          where p.id = (select coalesce(merged_into, id) from customer_profiles where id = ${id})
          union all select p.* from customer_profiles p
          where p.merged_into = (select coalesce(merged_into, id) from customer_profiles where id = ${id}))
        select 'profile' as k, row_to_json(c)::text as d from cluster c
        union all select 'identity', json_build_object('id', i.id, 'type', i.type, 'value', i.value, 'trust', i.trust,
            'channel_id', i.channel_id, 'profile_id', i.profile_id, 'first_seen_at', i.first_seen_at)::text
          from customer_identifiers i where i.profile_id = any(array(select id from cluster))
        union all select 'consent', json_build_object('purpose', x.purpose, 'channel_scope', x.channel_scope,
            'status', x.status, 'source_channel_id', x.source_channel_id, 'at', x.at)::text
          from customer_consents x where x.profile_id = any(array(select id from cluster))
        union all select 'tag', json_build_object('tag', t.tag, 'channel_id', t.channel_id, 'profile_id', t.profile_id,
            'added_at', t.added_at)::text
          from (select distinct on (x.tag) x.* from customer_tags x where x.profile_id = any(array(select id from cluster))
                order by x.tag, coalesce(x.removed_at, x.added_at) desc) t where t.removed_at is null
        union all select 'event', json_build_object('id', e.id, 'kind', e.kind, 'name', e.name, 'channel_id', e.channel_id,
            'profile_id', e.profile_id, 'occurred_at', e.occurred_at, 'properties', e.properties)::text
          from cluster c cross join lateral (
            select * from customer_events where profile_id = c.id
            order by occurred_at desc, id desc limit ${limit + 1}) e`,
  );
  const out: ViewRead = { cluster: [], identities: [], consent: [], tags: [], events: [] };
  const identityRows: IdentitySqlRow[] = [];
  for (const row of r) {
    const part = { k: row.k, d: json(row.d) } as ViewPart;
    if (part.k === 'profile') out.cluster.push(toProfileState(part.d));
    else if (part.k === 'identity') identityRows.push(part.d);
    else if (part.k === 'consent')
      out.consent.push({
        purpose: part.d.purpose,
        channel: part.d.channel_scope,
        status: part.d.status,
        sourceChannelId: part.d.source_channel_id,
        at: new Date(part.d.at),
      });
    else if (part.k === 'tag')
      out.tags.push({
        tag: part.d.tag,
        channelId: part.d.channel_id,
        profileId: part.d.profile_id,
        addedAt: new Date(part.d.added_at),
      });
    else out.events.push(toTimelineItem(part.d));
  }
  const time = (v: string) => new Date(v).getTime();
  identityRows.sort((a, b) => time(a.first_seen_at) - time(b.first_seen_at) || (a.id < b.id ? -1 : 1));
  out.identities = identityRows.map((i) => ({
    type: i.type,
    value: i.value,
    trust: i.trust,
    channelId: i.channel_id,
    profileId: i.profile_id,
    firstSeenAt: new Date(i.first_seen_at),
  }));
  out.events.sort((a, b) => b.occurredAt.getTime() - a.occurredAt.getTime() || (a.id < b.id ? 1 : -1));
  return out;
}

/** An email or phone identifier of a profile, for search rows. */
export type Contact = Pick<SqlRow<typeof customerIdentifiers>, 'type' | 'value' | 'trust'> & { at: string };

export interface SearchFilter {
  identifiers: Array<{ type: string; value: string }>;
  /** Part of a name trait (any case). */
  name?: string | undefined;
  /** A normalized tag. */
  tag?: string | undefined;
  /** Any part of a name, an email, or a phone number's digits (any case). */
  q?: string | undefined;
}

const likePattern = (text: string) => `%${text.toLowerCase().replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
const nameLike = (like: string) =>
  sql`(lower(p.traits->'name'->>'value') like ${like} or lower(p.traits->'firstName'->>'value') like ${like}
    or lower(p.traits->'lastName'->>'value') like ${like})`;

/** A profile of a cluster that matched, with its contacts (a root row carries its cluster's tags). */
export interface SearchRow {
  profile: ProfileState;
  tags: string[];
  contacts: Contact[];
}

/** A profile's email and phone identifiers, for search rows. */
const CONTACTS = sql`coalesce((select json_agg(json_build_object('type', i.type, 'value', i.value, 'trust', i.trust,
  'at', i.first_seen_at)) from customer_identifiers i where i.profile_id = p.id and i.type in ('email', 'phone')), '[]') as contacts`;

/** The tags a root's cluster shows (newest row per tag across its profiles, removals hide). */
const CLUSTER_TAGS = sql`array(select x.tag from (select distinct on (t.tag) t.tag, t.removed_at from customer_tags t
  where t.profile_id = p.id or t.profile_id in (select m.id from customer_profiles m where m.merged_into = p.id)
  order by t.tag, coalesce(t.removed_at, t.added_at) desc) x where x.removed_at is null order by x.tag)`;

/** Every profile of up to `limit` live clusters that match any filter (none: nothing). */
export async function selectSearchHits(exec: Executor, f: SearchFilter, limit: number): Promise<SearchRow[]> {
  const filters: SQL[] = [];
  if (f.identifiers.length) {
    filters.push(sql`p.id in (select i.profile_id from customer_identifiers i
      join unnest(${sql.param(f.identifiers.map((w) => w.type))}::text[], ${sql.param(f.identifiers.map((w) => w.value))}::text[]) as w(type, value)
      on i.type = w.type and i.value = w.value)`);
  }
  if (f.name) filters.push(nameLike(likePattern(f.name)));
  if (f.q) {
    const like = likePattern(f.q.trim());
    // Phones are stored in E.164: "06 1234" finds +31 6 1234… by its digits (a leading 0 dropped).
    const digits = f.q.replace(/\D/g, '').replace(/^0+/, '');
    const phone = digits.length >= 3 ? sql` or (i.type = 'phone' and i.value like ${`%${digits}%`})` : sql``;
    filters.push(sql`(${nameLike(like)} or p.id in (select i.profile_id from customer_identifiers i
      where (i.type = 'email' and lower(i.value) like ${like})${phone}))`);
  }
  if (f.tag !== undefined) {
    filters.push(
      sql`p.id in (select t.profile_id from customer_tags t where t.tag = ${f.tag} and t.removed_at is null)`,
    );
  }
  if (filters.length === 0) return [];
  const r = await rows<ProfileSqlRow & { tags: string[] | null; contacts: Contact[] | string }>(
    exec,
    sql`with hits as (select distinct coalesce(p.merged_into, p.id) as root from customer_profiles p
                      where p.status <> 'erased' and (${sql.join(filters, sql` or `)}) limit ${limit})
        select p.*, ${CLUSTER_TAGS} as tags, ${CONTACTS}
        from customer_profiles p where p.id in (select root from hits)
        union all select p.*, '{}'::text[], ${CONTACTS}
        from customer_profiles p where p.merged_into in (select root from hits)`,
  );
  return r.map((x) => {
    const contacts = json(x.contacts);
    return {
      profile: toProfileState(x),
      tags: x.tags ?? [],
      contacts: Array.isArray(contacts) ? contacts : [],
    };
  });
}

/** Why the identities of these profiles changed, oldest first. */
export async function selectIdentityLog(exec: Executor, ids: string[]): Promise<IdentityLogEntry[]> {
  const r = await rows<SqlRow<typeof customerIdentityLog>>(
    exec,
    sql`select * from customer_identity_log where profile_id = any(${sql.param(ids)}::text[]) order by at, id`,
  );
  return r.map((l) => ({
    id: l.id,
    profileId: l.profile_id,
    kind: l.kind,
    reason: l.reason,
    details: json(l.details),
    actor: l.actor,
    at: new Date(l.at),
  }));
}
