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
  toProfileState,
  updateProfilesSql,
} from './customers.repository.js';
import type { Trust } from './identifiers.js';
import type { NewIdentifier, PlannedReview } from './identity-resolution.js';
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
  duplicates: Set<string>;
  erased: Set<string>;
  shared: Set<string>;
  hits: Array<{ type: string; value: string; profileId: string; trust: Trust }>;
  members: ProfileState[];
  limited: Array<{ type: string; value: string; profileId: string }>;
  blocks: Set<string>;
}

export async function loadIngestState(exec: Executor, q: IngestStateQuery): Promise<IngestStateRows> {
  // Explicit arrays per type and per source keep every lookup an index scan (a join against
  // unnest() can get a hash join over the whole table as the tables grow).
  const byType = new Map<string, string[]>();
  q.types.forEach((t, i) => {
    const list = byType.get(t) ?? [];
    list.push(q.values[i]!);
    byType.set(t, list);
  });
  const bySource = new Map<string, string[]>();
  q.sourceIds.forEach((s, i) => {
    const list = bySource.get(s) ?? [];
    list.push(q.messageIds[i]!);
    bySource.set(s, list);
  });
  const identifierMatch = [...byType].map(
    ([type, values]) => sql`(i.type = ${type} and i.value = any(${sql.param(values)}::text[]))`,
  );
  const messageMatch = [...bySource].map(
    ([source, ids]) => sql`(e.source_id = ${source} and e.message_id = any(${sql.param(ids)}::text[]))`,
  );
  const first = await rows<{ k: string; d: unknown }>(
    exec,
    sql`select 'hit' as k, jsonb_build_object('type', i.type, 'value', i.value, 'profileId', i.profile_id, 'trust', i.trust,
                 'root', coalesce(p.merged_into, p.id)) as d
        from customer_identifiers i join customer_profiles p on p.id = i.profile_id
        where ${identifierMatch.length ? sql.join(identifierMatch, sql` or `) : sql`false`}
      union all select 'dup', to_jsonb(e.source_id || '|' || e.message_id) from customer_events e
        where ${messageMatch.length ? sql.join(messageMatch, sql` or `) : sql`false`}
      union all select 'erased', to_jsonb(hash) from customer_erased_identifiers where hash = any(${sql.param(q.tombstones)}::text[])
      union all select 'shared', to_jsonb(value) from customer_shared_devices where value = any(${sql.param(q.devices)}::text[])`,
  );
  const hits: Array<{ type: string; value: string; profileId: string; trust: Trust; root: string }> = [];
  const r: Array<{ k: string; d: unknown }> = [];
  for (const row of first) {
    if (row.k === 'hit')
      hits.push((typeof row.d === 'string' ? JSON.parse(row.d) : row.d) as (typeof hits)[number]);
    else r.push(row);
  }
  const roots = [...new Set(hits.map((h) => h.root))];
  if (roots.length) {
    const rootsParam = sql.param(roots);
    r.push(
      ...(await rows<{ k: string; d: unknown }>(
        exec,
        sql`with members as (select * from customer_profiles where id = any(${rootsParam}::text[])
                             union all select * from customer_profiles where merged_into = any(${rootsParam}::text[]))
            select 'member' as k, to_jsonb(m) as d from members m
            union all select 'limited', jsonb_build_object('type', i.type, 'value', i.value, 'profileId', i.profile_id)
              from customer_identifiers i where i.profile_id = any(array(select id from members))
               and i.type = any(${sql.param(q.limitedTypes)}::text[])
            union all select 'block', to_jsonb(b.profile_a || '|' || b.profile_b) from customer_merge_blocks b
              where b.profile_a = any(array(select id from members)) or b.profile_b = any(array(select id from members))`,
      )),
    );
  }
  const out: IngestStateRows = {
    duplicates: new Set(),
    erased: new Set(),
    shared: new Set(),
    hits,
    members: [],
    limited: [],
    blocks: new Set(),
  };
  for (const { k, d: raw } of r) {
    const d =
      typeof raw === 'string' && (k === 'hit' || k === 'member' || k === 'limited') ? JSON.parse(raw) : raw;
    if (k === 'member') out.members.push(toProfileState(d as Record<string, unknown>));
    else if (k === 'limited') out.limited.push(d as IngestStateRows['limited'][number]);
    else if (k === 'block') out.blocks.add(d as string);
    else if (k === 'dup') out.duplicates.add(d as string);
    else if (k === 'erased') out.erased.add(d as string);
    else if (k === 'shared') out.shared.add(d as string);
  }
  return out;
}

export interface EventRow {
  id: string;
  sourceId: string;
  messageId: string;
  profileId: string;
  channelId: string | null;
  kind: string;
  name: string | null;
  properties: string;
  context: string;
  anonymousId: string | null;
  userId: string | null;
  occurredAt: string;
  receivedAt: string;
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
  identifiers: NewIdentifier[];
  trustUpgrades: Array<{ type: string; value: string }>;
  events: EventRow[];
  merges: MergeInput[];
  reviews: Array<PlannedReview & { id: string; createdAt: string }>;
  log: IdentityLogInput[];
  consents: ConsentRow[];
  at: string;
}

/** Writes a whole batch's plan as one statement of data-modifying CTEs (one round trip). */
export async function writeIngestPlan(exec: Executor, w: IngestWrite): Promise<void> {
  const parts: SQL[] = [];
  const p = <T>(list: T[], f: (x: T) => unknown) => sql.param(list.map(f));
  if (w.newProfiles.length) parts.push(insertProfilesSql(w.newProfiles));
  if (w.changedProfiles.length) parts.push(updateProfilesSql(w.changedProfiles));
  const ids = [
    ...w.identifiers,
    ...w.trustUpgrades.map((u) => ({
      ...u,
      id: '',
      profileId: '',
      channelId: null,
      trust: 'verified' as const,
    })),
  ];
  if (ids.length) {
    parts.push(sql`insert into customer_identifiers (id, type, value, profile_id, trust, channel_id, first_seen_at)
      select u.*, ${w.at}::timestamptz from unnest(${p(ids, (i) => i.id)}::text[], ${p(ids, (i) => i.type)}::text[],
        ${p(ids, (i) => i.value)}::text[], ${p(ids, (i) => i.profileId)}::text[], ${p(ids, (i) => i.trust)}::text[],
        ${p(ids, (i) => i.channelId)}::text[]) as u
      on conflict (type, value) do update set trust = 'verified'
      where customer_identifiers.trust <> 'verified' and excluded.trust = 'verified'`);
  }
  if (w.events.length) {
    const e = w.events;
    parts.push(sql`insert into customer_events (id, source_id, message_id, profile_id, channel_id, kind, name, properties,
        context, anonymous_id, user_id, occurred_at, received_at)
      select * from unnest(${p(e, (x) => x.id)}::text[], ${p(e, (x) => x.sourceId)}::text[], ${p(e, (x) => x.messageId)}::text[],
        ${p(e, (x) => x.profileId)}::text[], ${p(e, (x) => x.channelId)}::text[], ${p(e, (x) => x.kind)}::text[],
        ${p(e, (x) => x.name)}::text[], ${p(e, (x) => x.properties)}::jsonb[], ${p(e, (x) => x.context)}::jsonb[],
        ${p(e, (x) => x.anonymousId)}::text[], ${p(e, (x) => x.userId)}::text[], ${p(e, (x) => x.occurredAt)}::timestamptz[],
        ${p(e, (x) => x.receivedAt)}::timestamptz[])
      on conflict (source_id, message_id) do nothing`);
  }
  if (w.merges.length) parts.push(insertMergesSql(w.merges));
  if (w.reviews.length) {
    const r = w.reviews;
    parts.push(sql`insert into customer_merge_reviews (id, profile_ids, pair_key, rule, reason, evidence, status, created_at)
      select u.id, array[u.a, u.b], u.pair_key, u.rule, u.reason, u.evidence, 'open', u.created_at
      from unnest(${p(r, (x) => x.id)}::text[], ${p(r, (x) => x.profileIds[0])}::text[], ${p(r, (x) => x.profileIds[1])}::text[],
        ${p(r, (x) => x.pairKey)}::text[], ${p(r, (x) => x.rule)}::text[], ${p(r, (x) => x.reason)}::text[],
        ${p(r, (x) => JSON.stringify(x.evidence))}::jsonb[], ${p(r, (x) => x.createdAt)}::timestamptz[])
        as u(id, a, b, pair_key, rule, reason, evidence, created_at)
      on conflict (pair_key) where status = 'open' do nothing`);
  }
  if (w.log.length) parts.push(insertIdentityLogSql(w.log));
  if (w.consents.length) parts.push(upsertConsentsSql(w.consents));
  if (parts.length === 0) return;
  const ctes = parts.map((part, i) => sql`w${sql.raw(String(i))} as (${part})`);
  await exec.execute(sql`with ${sql.join(ctes, sql`, `)} select 1`);
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
