// The single customer view: a cluster's profile, identities, traits, consent, stage, computed
// attributes and the first page of its cross-channel timeline, in one statement of indexed reads
// (one round trip). Plus timeline pages, search and the identity log.
import { AppError, pushTo } from '../../kernel/index.js';
import type { Ctx } from '../../platform/context.js';
import { liveRootOf } from './clusters.js';
import type {
  ConsentEntry,
  CustomerSubject,
  CustomerSummary,
  CustomerView,
  IdentityLogEntry,
  TimelineItem,
  TimelinePage,
} from './customers.types.js';
import { type IdentityRules, normalizeIdentifier } from './identifiers.js';
import { normalizeTag } from './profile-edits.service.js';
import { clusterChannels, clusterTraits, type ProfileState } from './profile-state.js';
import {
  selectBirthdaysOn,
  selectCustomerIds,
  selectEventsNamed,
  selectRootsLastOrderedIn,
  selectStoredEvents,
  selectSubjects,
} from './subjects.repository.js';
import {
  type Contact,
  selectCluster,
  selectIdentityLog,
  selectSearchHits,
  selectTimeline,
  selectView,
} from './view.repository.js';

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

/** A page from up to limit + 1 items in timeline order (the extra item says there is a next page). */
function timelinePage(r: TimelineItem[], limit: number): TimelinePage {
  const items = r.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: r.length > limit && last ? encodeCursor(last.occurredAt, last.id) : null };
}

/** Newest decision per purpose × channel across the cluster's profiles. */
function consentOf(r: ConsentEntry[]): ConsentEntry[] {
  const out = new Map<string, ConsentEntry>();
  for (const c of [...r].sort((a, b) => a.at.getTime() - b.at.getTime()))
    out.set(`${c.purpose}|${c.channel}`, c);
  return [...out.values()].sort(
    (a, b) => a.purpose.localeCompare(b.purpose) || a.channel.localeCompare(b.channel),
  );
}

const date = (s: string | null) => (s ? new Date(s) : null);

export function createViewService(opts: { rules: IdentityRules }) {
  async function resolveCluster(ctx: Ctx, id: string) {
    const cluster = await selectCluster(ctx.db, id);
    const root = liveRootOf(cluster, id);
    return { root, cluster, ids: cluster.map((p) => p.id) };
  }

  return {
    resolveCluster,

    customerIds: (ctx: Ctx, o: { after: string | null; limit: number }) =>
      selectCustomerIds(ctx.db, o.after, Math.min(Math.max(o.limit, 1), 5_000)),
    lastOrderedIn: (ctx: Ctx, o: { from: Date; to: Date; after: string | null; limit: number }) =>
      selectRootsLastOrderedIn(ctx.db, { ...o, limit: Math.min(Math.max(o.limit, 1), 5_000) }),
    birthdaysOn: (ctx: Ctx, monthDays: string[]) => selectBirthdaysOn(ctx.db, monthDays),
    eventsNamed: (ctx: Ctx, q: { names: string[]; since: Date; after: string | null; limit: number }) =>
      selectEventsNamed(ctx.db, { ...q, limit: Math.min(Math.max(q.limit, 1), 5_000) }),
    storedEvents: (ctx: Ctx, refs: Array<{ sourceId: string; messageId: string }>) =>
      selectStoredEvents(ctx.db, refs),

    async subjects(ctx: Ctx, ids: string[], o: { facts: boolean }): Promise<Map<string, CustomerSubject>> {
      const out = new Map<string, CustomerSubject>();
      if (ids.length === 0) return out;
      const r = await selectSubjects(ctx.db, [...new Set(ids)], o.facts);
      const members = new Map<string, ProfileState[]>();
      for (const p of r.profiles) {
        const root = p.mergedInto ?? p.id;
        const list = members.get(root) ?? [];
        if (p.mergedInto === null) list.unshift(p);
        else list.push(p);
        members.set(root, list);
      }
      const tagRows = new Map<string, Map<string, { removed: boolean; at: string }>>();
      const rootOfProfile = new Map(r.profiles.map((p) => [p.id, p.mergedInto ?? p.id]));
      for (const t of r.tags) {
        const root = rootOfProfile.get(t.profileId);
        if (!root) continue;
        const m = tagRows.get(root) ?? new Map();
        const cur = m.get(t.tag);
        // The newest row of a tag across the cluster decides; a removal row hides the others.
        if (!cur || new Date(t.at) > new Date(cur.at)) m.set(t.tag, t);
        tagRows.set(root, m);
      }
      const consent = new Map<string, ConsentEntry[]>();
      for (const c of r.consent) {
        const root = rootOfProfile.get(c.profileId);
        if (!root) continue;
        const { profileId: _p, ...entry } = c;
        pushTo(consent, root, entry);
      }
      const built = new Map<string, CustomerSubject | null>();
      for (const [id, rootId] of r.rootOf) {
        if (!built.has(rootId)) {
          const cluster = members.get(rootId) ?? [];
          const root = cluster[0];
          built.set(
            rootId,
            !root || root.mergedInto !== null || root.status === 'erased'
              ? null
              : {
                  rootId,
                  profileIds: cluster.map((p) => p.id),
                  stage: root.stage,
                  traits: Object.fromEntries(
                    Object.entries(clusterTraits(cluster)).map(([k, t]) => [k, t.value]),
                  ),
                  tags: new Set(
                    [...(tagRows.get(rootId) ?? new Map<string, { removed: boolean }>())]
                      .filter(([, t]) => !t.removed)
                      .map(([tag]) => tag),
                  ),
                  consent: consentOf(consent.get(rootId) ?? []),
                },
          );
        }
        const s = built.get(rootId);
        if (s) out.set(id, s);
      }
      return out;
    },

    async view(ctx: Ctx, id: string, o: { timelineLimit?: number } = {}): Promise<CustomerView> {
      const limit = o.timelineLimit ?? 25;
      const { cluster, identities, consent, tags, events } = await selectView(ctx.db, id, limit);
      const root = liveRootOf(cluster, id);
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
        identities,
        traits: clusterTraits(cluster),
        tags: tags.sort((a, b) => a.tag.localeCompare(b.tag)),
        consent: consentOf(consent),
        computed: {
          firstSeenAt: date(firstSeen),
          lastSeenAt: date(lastSeen),
          eventCount: cluster.reduce((n, p) => n + p.eventCount, 0),
          channels,
          preferredChannelId: channels[0]?.channelId ?? null,
          orderCount: cluster.reduce((n, p) => n + p.orderCount, 0),
          lifetimeValue: Object.entries(ltv).map(([currency, amount]) => ({ amount, currency })),
        },
        timeline: timelinePage(events.slice(0, limit + 1), limit),
      };
    },

    async timeline(ctx: Ctx, id: string, o: { limit?: number; cursor?: string | undefined } = {}) {
      const { ids } = await resolveCluster(ctx, id);
      const limit = Math.min(Math.max(o.limit ?? 25, 1), 200);
      const after = o.cursor ? decodeCursor(o.cursor) : undefined;
      return timelinePage(await selectTimeline(ctx.db, ids, limit, after), limit);
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
      const r = await selectSearchHits(
        ctx.db,
        {
          identifiers: wanted,
          name: q.name || undefined,
          q: q.q || undefined,
          tag: q.tag ? normalizeTag(q.tag) : undefined,
        },
        limit,
      );
      const profiles = r.map((x) => x.profile);
      const tagsOf = new Map(r.map((x) => [x.profile.id, x.tags]));
      const contactsOf = new Map(r.map((x) => [x.profile.id, x.contacts]));
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
      return selectIdentityLog(ctx.db, ids);
    },
  };
}

/** Verified before claimed, then the first seen. */
function bestContact(contacts: Contact[], type: string): string | null {
  const of = contacts.filter((c) => c.type === type);
  of.sort((a, b) => (a.trust === b.trust ? (a.at < b.at ? -1 : 1) : a.trust === 'verified' ? -1 : 1));
  return of[0]?.value ?? null;
}

/** A LIKE pattern for "contains", lowercased, with the pattern characters escaped. */
