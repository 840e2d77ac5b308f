// The single customer view: a cluster's profile, identities, traits, consent, stage, computed
// attributes and the first page of its cross-channel timeline, in one statement of indexed reads
// (one round trip). Plus timeline pages, search and the identity log.
import { sql } from 'drizzle-orm';
import { AppError, notFound } from '../../kernel/index.js';
import type { Ctx } from '../../platform/context.js';
import { rows } from '../../platform/db/database.js';
import { toProfileState } from './customers.repository.js';
import type {
  ConsentEntry,
  CustomerSummary,
  CustomerTag,
  CustomerView,
  IdentityLogEntry,
  TimelineItem,
  TimelinePage,
} from './customers.types.js';
import { type IdentityRules, normalizeIdentifier } from './identifiers.js';
import { normalizeTag } from './profile-edits.service.js';
import { clusterChannels, clusterTraits, type ProfileState } from './profile-state.js';

const encodeCursor = (at: Date, id: string) => Buffer.from(`${at.toISOString()}|${id}`).toString('base64url');
function decodeCursor(c: string): { at: string; id: string } {
  const [at, id] = Buffer.from(c, 'base64url').toString('utf8').split('|');
  if (!at || !id || Number.isNaN(Date.parse(at))) {
    throw new AppError('validation_failed', 'The cursor is not valid', {
      issues: [{ path: 'querystring.cursor', message: 'not a cursor from this API' }],
    });
  }
  return { at, id };
}

async function loadCluster(ctx: Ctx, id: string): Promise<ProfileState[]> {
  const r = await rows<Record<string, unknown>>(
    ctx.db,
    sql`with r as (select coalesce(merged_into, id) as root from customer_profiles where id = ${id})
        select * from customer_profiles where id = (select root from r)
        union all select * from customer_profiles where merged_into = (select root from r)`,
  );
  return r.map(toProfileState);
}

async function timelineOf(ctx: Ctx, ids: string[], limit: number, cursor?: string): Promise<TimelinePage> {
  const after = cursor ? decodeCursor(cursor) : undefined;
  const r = await rows<EventRow>(
    ctx.db,
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
  return timelinePage(r, limit);
}

interface EventRow {
  id: string;
  kind: string;
  name: string | null;
  channel_id: string | null;
  profile_id: string;
  occurred_at: string | Date;
  properties: Record<string, unknown> | string;
}

/** A page from up to limit + 1 rows in timeline order (the extra row says there is a next page). */
function timelinePage(r: EventRow[], limit: number): TimelinePage {
  const items: TimelineItem[] = r.slice(0, limit).map((e) => ({
    id: e.id,
    kind: e.kind,
    name: e.name,
    channelId: e.channel_id,
    profileId: e.profile_id,
    occurredAt: new Date(e.occurred_at),
    properties: typeof e.properties === 'string' ? JSON.parse(e.properties) : e.properties,
  }));
  const last = items[items.length - 1];
  return { items, nextCursor: r.length > limit && last ? encodeCursor(last.occurredAt, last.id) : null };
}

interface IdentityRow {
  type: string;
  value: string;
  trust: 'verified' | 'claimed';
  channel_id: string | null;
  profile_id: string;
  first_seen_at: string | Date;
  id: string;
}

/**
 * Everything the view shows, in one statement: the cluster's profiles, then keyed by their ids the
 * identifiers, consent and, per profile, its newest events by a backward walk of the timeline index
 * (a profile with 10,000 events costs a page, not a sort). Rows come back as tagged JSON.
 */
async function loadView(ctx: Ctx, id: string, limit: number) {
  const r = await rows<{ k: string; d: string | Record<string, unknown> }>(
    ctx.db,
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
          from customer_tags t where t.profile_id = any(array(select id from cluster))
        union all select 'event', json_build_object('id', e.id, 'kind', e.kind, 'name', e.name, 'channel_id', e.channel_id,
            'profile_id', e.profile_id, 'occurred_at', e.occurred_at, 'properties', e.properties)::text
          from cluster c cross join lateral (
            select * from customer_events where profile_id = c.id
            order by occurred_at desc, id desc limit ${limit + 1}) e`,
  );
  const parse = (d: string | Record<string, unknown>) => (typeof d === 'string' ? JSON.parse(d) : d);
  const cluster: ProfileState[] = [];
  const identities: IdentityRow[] = [];
  const consent: ConsentRow[] = [];
  const events: EventRow[] = [];
  const tags: CustomerTag[] = [];
  for (const row of r) {
    const d = parse(row.d);
    if (row.k === 'profile') cluster.push(toProfileState(d));
    else if (row.k === 'identity') identities.push(d);
    else if (row.k === 'consent') consent.push(d);
    else if (row.k === 'tag')
      tags.push({
        tag: d.tag,
        channelId: d.channel_id,
        profileId: d.profile_id,
        addedAt: new Date(d.added_at),
      });
    else events.push(d);
  }
  const time = (v: string | Date) => new Date(v).getTime();
  identities.sort((a, b) => time(a.first_seen_at) - time(b.first_seen_at) || (a.id < b.id ? -1 : 1));
  events.sort((a, b) => time(b.occurred_at) - time(a.occurred_at) || (a.id < b.id ? 1 : -1));
  return {
    cluster,
    identities,
    consent: consentOf(consent),
    tags: tags.sort((a, b) => a.tag.localeCompare(b.tag)),
    timeline: timelinePage(events.slice(0, limit + 1), limit),
  };
}

interface ConsentRow {
  purpose: string;
  channel_scope: string;
  status: ConsentEntry['status'];
  source_channel_id: string | null;
  at: string | Date;
}

/** Newest decision per purpose × channel across the cluster's profiles. */
function consentOf(r: ConsentRow[]): ConsentEntry[] {
  const out = new Map<string, ConsentEntry>();
  for (const c of [...r].sort((a, b) => new Date(a.at).getTime() - new Date(b.at).getTime())) {
    out.set(`${c.purpose}|${c.channel_scope}`, {
      purpose: c.purpose,
      channel: c.channel_scope,
      status: c.status,
      sourceChannelId: c.source_channel_id,
      at: new Date(c.at),
    });
  }
  return [...out.values()].sort(
    (a, b) => a.purpose.localeCompare(b.purpose) || a.channel.localeCompare(b.channel),
  );
}

const date = (s: string | null) => (s ? new Date(s) : null);

export function createViewService(opts: { rules: IdentityRules }) {
  async function resolveCluster(ctx: Ctx, id: string) {
    const cluster = await loadCluster(ctx, id);
    const root = cluster.find((p) => p.mergedInto === null);
    if (!root || root.status === 'erased') throw notFound('customer', id);
    return { root, cluster, ids: cluster.map((p) => p.id) };
  }

  return {
    resolveCluster,

    async view(ctx: Ctx, id: string, o: { timelineLimit?: number } = {}): Promise<CustomerView> {
      const { cluster, identities, consent, tags, timeline } = await loadView(ctx, id, o.timelineLimit ?? 25);
      const root = cluster.find((p) => p.mergedInto === null);
      if (!root || root.status === 'erased') throw notFound('customer', id);
      const ids = cluster.map((p) => p.id);
      const channels = Object.entries(clusterChannels(cluster))
        .map(([channelId, s]) => ({
          channelId,
          firstSeenAt: new Date(s.first),
          lastSeenAt: new Date(s.last),
          events: s.count,
        }))
        .sort((a, b) => b.events - a.events || a.channelId.localeCompare(b.channelId));
      const ltv: Record<string, number> = {};
      let firstSeen: string | null = null;
      let lastSeen: string | null = null;
      for (const p of cluster) {
        for (const [cur, amount] of Object.entries(p.lifetimeValue)) ltv[cur] = (ltv[cur] ?? 0) + amount;
        if (p.firstSeenAt && (!firstSeen || p.firstSeenAt < firstSeen)) firstSeen = p.firstSeenAt;
        if (p.lastSeenAt && (!lastSeen || p.lastSeenAt > lastSeen)) lastSeen = p.lastSeenAt;
      }
      return {
        id: root.id,
        requestedId: id,
        status: root.status,
        stage: root.stage,
        stageChangedAt: date(root.stageChangedAt),
        createdAt: new Date(root.createdAt),
        mergedProfileIds: ids.filter((x) => x !== root.id),
        identities: identities.map((i) => ({
          type: i.type,
          value: i.value,
          trust: i.trust,
          channelId: i.channel_id,
          profileId: i.profile_id,
          firstSeenAt: new Date(i.first_seen_at),
        })),
        traits: clusterTraits(cluster),
        tags,
        consent,
        computed: {
          firstSeenAt: date(firstSeen),
          lastSeenAt: date(lastSeen),
          eventCount: cluster.reduce((n, p) => n + p.eventCount, 0),
          channels,
          preferredChannelId: channels[0]?.channelId ?? null,
          orderCount: cluster.reduce((n, p) => n + p.orderCount, 0),
          lifetimeValue: Object.entries(ltv).map(([currency, amount]) => ({ amount, currency })),
        },
        timeline,
      };
    },

    async timeline(ctx: Ctx, id: string, o: { limit?: number; cursor?: string | undefined } = {}) {
      const { ids } = await resolveCluster(ctx, id);
      return timelineOf(ctx, ids, Math.min(Math.max(o.limit ?? 25, 1), 200), o.cursor);
    },

    /** Customers by email, phone, external id ("type:value"), name (part of a name trait) or tag. */
    async search(
      ctx: Ctx,
      q: {
        email?: string | undefined;
        phone?: string | undefined;
        externalId?: string | undefined;
        name?: string | undefined;
        tag?: string | undefined;
        /** Part of a name, an email address or a phone number (its digits). */
        q?: string | undefined;
      },
      limit = 25,
    ): Promise<CustomerSummary[]> {
      const wanted: Array<{ type: string; value: string }> = [];
      const add = (type: string, value: string) => {
        const n = normalizeIdentifier(opts.rules, { type, value }, type);
        if (n.ok) wanted.push({ type, value: n.identifier.value });
      };
      if (q.email) add('email', q.email);
      if (q.phone) add('phone', q.phone);
      if (q.externalId) {
        const at = q.externalId.indexOf(':');
        if (at > 0) add(q.externalId.slice(0, at), q.externalId.slice(at + 1));
      }
      const filters = [];
      if (wanted.length) {
        filters.push(sql`p.id in (select i.profile_id from customer_identifiers i
          join unnest(${sql.param(wanted.map((w) => w.type))}::text[], ${sql.param(wanted.map((w) => w.value))}::text[]) as w(type, value)
          on i.type = w.type and i.value = w.value)`);
      }
      const nameLike = (like: string) =>
        sql`(lower(p.traits->'name'->>'value') like ${like} or lower(p.traits->'firstName'->>'value') like ${like}
          or lower(p.traits->'lastName'->>'value') like ${like})`;
      if (q.name) filters.push(nameLike(likePattern(q.name)));
      if (q.q) {
        const like = likePattern(q.q.trim());
        // Phones are stored in E.164: "06 1234" finds +31 6 1234… by its digits (a leading 0 dropped).
        const digits = q.q.replace(/\D/g, '').replace(/^0+/, '');
        const phone =
          digits.length >= 3 ? sql` or (i.type = 'phone' and i.value like ${`%${digits}%`})` : sql``;
        filters.push(sql`(${nameLike(like)} or p.id in (select i.profile_id from customer_identifiers i
          where (i.type = 'email' and lower(i.value) like ${like})${phone}))`);
      }
      if (q.tag) {
        filters.push(
          sql`p.id in (select t.profile_id from customer_tags t where t.tag = ${normalizeTag(q.tag)})`,
        );
      }
      if (filters.length === 0) return [];
      const r = await rows<Record<string, unknown>>(
        ctx.db,
        sql`with hits as (select distinct coalesce(p.merged_into, p.id) as root from customer_profiles p
                          where p.status <> 'erased' and (${sql.join(filters, sql` or `)}) limit ${limit})
            select p.*, array(select t.tag from customer_tags t where t.profile_id = p.id) as tags, ${CONTACTS}
            from customer_profiles p where p.id in (select root from hits)
            union all select p.*, array(select t.tag from customer_tags t where t.profile_id = p.id), ${CONTACTS}
            from customer_profiles p where p.merged_into in (select root from hits)`,
      );
      const profiles = r.map(toProfileState);
      const tagsOf = new Map(r.map((x) => [x.id as string, (x.tags as string[] | null) ?? []]));
      const contactsOf = new Map(r.map((x) => [x.id as string, parseContacts(x.contacts)]));
      return profiles
        .filter((p) => p.mergedInto === null)
        .map((root) => {
          const members = profiles.filter((p) => p.id === root.id || p.mergedInto === root.id);
          const traits = clusterTraits(members);
          const str = (k: string) =>
            typeof traits[k]?.value === 'string' ? (traits[k]!.value as string) : null;
          const name = str('name') ?? ([str('firstName'), str('lastName')].filter(Boolean).join(' ') || null);
          // Contacts come from the cluster's identifiers (a trait may be a placeholder or stale).
          const contacts = members.flatMap((p) => contactsOf.get(p.id) ?? []);
          return {
            id: root.id,
            status: root.status,
            stage: root.stage,
            name,
            email: bestContact(contacts, 'email'),
            phone: bestContact(contacts, 'phone'),
            lastSeenAt: date(root.lastSeenAt),
            tags: [...new Set(members.flatMap((p) => tagsOf.get(p.id) ?? []))].sort(),
          };
        });
    },

    async identityLog(ctx: Ctx, id: string): Promise<IdentityLogEntry[]> {
      const { ids } = await resolveCluster(ctx, id);
      const r = await rows<Record<string, unknown>>(
        ctx.db,
        sql`select * from customer_identity_log where profile_id = any(${sql.param(ids)}::text[]) order by at, id`,
      );
      return r.map((l) => ({
        id: l.id as string,
        profileId: l.profile_id as string,
        kind: l.kind as string,
        reason: l.reason as string,
        details: (typeof l.details === 'string' ? JSON.parse(l.details) : l.details) as Record<
          string,
          unknown
        >,
        actor: l.actor as string,
        at: new Date(l.at as string),
      }));
    },
  };
}

type Contact = { type: string; value: string; trust: string; at: string };

/** A profile's email and phone identifiers, for search rows. */
const CONTACTS = sql`coalesce((select json_agg(json_build_object('type', i.type, 'value', i.value, 'trust', i.trust,
  'at', i.first_seen_at)) from customer_identifiers i where i.profile_id = p.id and i.type in ('email', 'phone')), '[]') as contacts`;

function parseContacts(raw: unknown): Contact[] {
  const v = typeof raw === 'string' ? JSON.parse(raw) : raw;
  return Array.isArray(v) ? (v as Contact[]) : [];
}

/** Verified before claimed, then the first seen. */
function bestContact(contacts: Contact[], type: string): string | null {
  const of = contacts.filter((c) => c.type === type);
  of.sort((a, b) => (a.trust === b.trust ? (a.at < b.at ? -1 : 1) : a.trust === 'verified' ? -1 : 1));
  return of[0]?.value ?? null;
}

/** A LIKE pattern for "contains", lowercased, with the pattern characters escaped. */
const likePattern = (text: string) => `%${text.toLowerCase().replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
