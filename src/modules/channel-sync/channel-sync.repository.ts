// SQL of outbound channel sync: connections (with their lease and counters), the coalescing item
// queue (one row per connection, kind and SKU) with its dead-letter state, and remembered external ids.
import { sql } from 'drizzle-orm';
import { newId } from '../../kernel/index.js';
import { type Executor, firstRow, rows } from '../../platform/db/database.js';
import type {
  AckInput,
  ClaimedItem,
  ConnectionHealth,
  ConnectionWithCredentials,
  Credentials,
  DirtyItem,
  SyncItem,
  SyncKind,
} from './channel-sync.types.js';

const date = (v: Date | string): Date => (v instanceof Date ? v : new Date(v));
const dateOrNull = (v: Date | string | null): Date | null => (v == null ? null : date(v));
const param = <T>(v: T[]) => sql.param(v);

interface ConnectionRow {
  id: string;
  channel_id: string;
  name: string;
  kind: string;
  base_url: string;
  credentials: Credentials;
  push: string[];
  batch_size: number;
  rate_per_second: number;
  burst: number;
  transform: string | null;
  status: string;
  paused_until: Date | string | null;
  last_error: string | null;
  created_at: Date | string;
  updated_at: Date | string;
}

const toConnection = (r: ConnectionRow): ConnectionWithCredentials => ({
  id: r.id,
  channelId: r.channel_id,
  name: r.name,
  kind: r.kind as ConnectionWithCredentials['kind'],
  baseUrl: r.base_url,
  credentials: r.credentials,
  push: r.push as SyncKind[],
  batchSize: Number(r.batch_size),
  ratePerSecond: Number(r.rate_per_second),
  burst: Number(r.burst),
  transform: r.transform,
  status: r.status as ConnectionWithCredentials['status'],
  pausedUntil: dateOrNull(r.paused_until),
  lastError: r.last_error,
  createdAt: date(r.created_at),
  updatedAt: date(r.updated_at),
});

const CONNECTION_COLUMNS = sql`id, channel_id, name, kind, base_url, credentials, push, batch_size,
  rate_per_second, burst, transform, status, paused_until, last_error, created_at, updated_at`;

export async function insertConnection(exec: Executor, c: ConnectionWithCredentials) {
  await exec.execute(
    sql`insert into channel_sync_connections (id, channel_id, name, kind, base_url, credentials, push,
          batch_size, rate_per_second, burst, transform, status, created_at, updated_at)
        values (${c.id}, ${c.channelId}, ${c.name}, ${c.kind}, ${c.baseUrl}, ${JSON.stringify(c.credentials)}::jsonb,
          ${param(c.push)}::text[], ${c.batchSize}, ${c.ratePerSecond}, ${c.burst}, ${c.transform}, ${c.status},
          ${c.createdAt}, ${c.updatedAt})`,
  );
}

export async function updateConnectionRow(exec: Executor, c: ConnectionWithCredentials) {
  await exec.execute(
    sql`update channel_sync_connections set name = ${c.name}, base_url = ${c.baseUrl},
          credentials = ${JSON.stringify(c.credentials)}::jsonb, push = ${param(c.push)}::text[],
          batch_size = ${c.batchSize}, rate_per_second = ${c.ratePerSecond}, burst = ${c.burst},
          transform = ${c.transform}, status = ${c.status}, paused_until = ${c.pausedUntil},
          last_error = ${c.lastError}, updated_at = ${c.updatedAt}
        where id = ${c.id}`,
  );
}

export async function selectConnection(exec: Executor, id: string, forUpdate = false) {
  const r = await firstRow<ConnectionRow>(
    exec,
    sql`select ${CONNECTION_COLUMNS} from channel_sync_connections where id = ${id}
        ${forUpdate ? sql`for update` : sql``}`,
  );
  return r ? toConnection(r) : undefined;
}

export async function selectConnections(exec: Executor, filter: { channelIds?: string[]; live?: boolean }) {
  const where = [sql`true`];
  if (filter.channelIds) where.push(sql`channel_id = any(${param(filter.channelIds)}::text[])`);
  if (filter.live) where.push(sql`status <> 'disabled'`);
  const rs = await rows<ConnectionRow>(
    exec,
    sql`select ${CONNECTION_COLUMNS} from channel_sync_connections where ${sql.join(where, sql` and `)}
        order by id`,
  );
  return rs.map(toConnection);
}

export async function deleteConnectionRows(exec: Executor, id: string): Promise<boolean> {
  const r = await firstRow<{ id: string }>(
    exec,
    sql`with items as (delete from channel_sync_items where connection_id = ${id}),
             refs as (delete from channel_sync_refs where connection_id = ${id}),
             acks as (delete from channel_sync_acks where connection_id = ${id}),
             audits as (delete from channel_sync_audits where connection_id = ${id})
        delete from channel_sync_connections where id = ${id} returning id`,
  );
  return r !== undefined;
}

/**
 * Queues changes, coalesced: a (connection, kind, key) already queued gets the new value and a new
 * version; a pending item keeps its place and backoff, a dead-lettered one is revived.
 */
export async function upsertItems(exec: Executor, items: DirtyItem[], now: Date): Promise<number> {
  const latest = new Map<string, DirtyItem>();
  for (const i of items) latest.set(`${i.connectionId}\u0000${i.kind}\u0000${i.key}`, i);
  const list = [...latest.values()];
  if (list.length === 0) return 0;
  await exec.execute(
    sql`insert into channel_sync_items (id, connection_id, kind, key, value, version, status, attempts,
          next_attempt_at, enqueued_at, updated_at)
        select u.id, u.c, u.k, u.key, u.v::jsonb, 1, 'pending', 0, ${now}, ${now}, ${now}
        from unnest(${param(list.map(() => newId('csi')))}::text[], ${param(list.map((i) => i.connectionId))}::text[],
          ${param(list.map((i) => i.kind))}::text[], ${param(list.map((i) => i.key))}::text[],
          ${param(list.map((i) => (i.value === undefined ? null : JSON.stringify(i.value))))}::text[])
          as u(id, c, k, key, v)
        on conflict (connection_id, kind, key) do update set
          value = excluded.value,
          version = channel_sync_items.version + 1,
          status = 'pending',
          attempts = case when channel_sync_items.status = 'dead' then 0 else channel_sync_items.attempts end,
          next_attempt_at = case when channel_sync_items.status = 'dead' then excluded.next_attempt_at
                                 else channel_sync_items.next_attempt_at end,
          enqueued_at = case when channel_sync_items.status = 'dead' then excluded.enqueued_at
                             else channel_sync_items.enqueued_at end,
          last_error = case when channel_sync_items.status = 'dead' then null else channel_sync_items.last_error end,
          updated_at = excluded.updated_at`,
  );
  return list.length;
}

/**
 * Leases one active connection that has due items and no live lease (its 429 pause over), the one
 * served longest ago first: the node holding it is the only sender for that connection, so its
 * rate limit holds across nodes.
 */
export async function claimConnection(
  exec: Executor,
  opts: { owner: string; leaseMs: number; now: Date },
): Promise<ConnectionWithCredentials | undefined> {
  const until = new Date(opts.now.getTime() + opts.leaseMs);
  const r = await firstRow<ConnectionRow>(
    exec,
    sql`with due as (
          select c.id from channel_sync_connections c
          where c.status = 'active' and (c.paused_until is null or c.paused_until <= ${opts.now})
            and (c.lease_owner is null or c.lease_until < ${opts.now})
            and exists (select 1 from channel_sync_items i where i.connection_id = c.id
                        and i.status = 'pending' and i.next_attempt_at <= ${opts.now})
          order by c.lease_until nulls first, c.id
          limit 1
          for update of c skip locked)
        update channel_sync_connections c set lease_owner = ${opts.owner}, lease_until = ${until}
        from due where c.id = due.id
        returning ${sql.raw(
          'c.id, c.channel_id, c.name, c.kind, c.base_url, c.credentials, c.push, c.batch_size, c.rate_per_second, c.burst, c.transform, c.status, c.paused_until, c.last_error, c.created_at, c.updated_at',
        )}`,
  );
  return r ? toConnection(r) : undefined;
}

/** Extends the lease and returns the connection's current settings (undefined: the lease is lost). */
export async function renewLease(
  exec: Executor,
  opts: { id: string; owner: string; leaseMs: number; now: Date },
): Promise<ConnectionWithCredentials | undefined> {
  const until = new Date(opts.now.getTime() + opts.leaseMs);
  const r = await firstRow<ConnectionRow>(
    exec,
    sql`update channel_sync_connections set lease_until = ${until}
        where id = ${opts.id} and lease_owner = ${opts.owner}
        returning ${CONNECTION_COLUMNS}`,
  );
  return r ? toConnection(r) : undefined;
}

/** Lets go of the connection; lease_until stays as "last served", so claims rotate fairly. */
export async function releaseLease(exec: Executor, id: string, owner: string, now: Date) {
  await exec.execute(
    sql`update channel_sync_connections set lease_owner = null, lease_until = ${now}
        where id = ${id} and lease_owner = ${owner}`,
  );
}

export async function selectDueItems(
  exec: Executor,
  opts: { connectionId: string; limit: number; now: Date },
): Promise<Array<ClaimedItem & { enqueuedAt: Date }>> {
  const rs = await rows<{
    id: string;
    kind: SyncKind;
    key: string;
    version: number;
    attempts: number;
    enqueued_at: Date | string;
  }>(
    exec,
    sql`select id, kind, key, version, attempts, enqueued_at from channel_sync_items
        where connection_id = ${opts.connectionId} and status = 'pending' and next_attempt_at <= ${opts.now}
        order by next_attempt_at, key, kind
        limit ${opts.limit}`,
  );
  return rs.map((r) => ({
    id: r.id,
    kind: r.kind,
    key: r.key,
    version: Number(r.version),
    attempts: Number(r.attempts),
    enqueuedAt: date(r.enqueued_at),
  }));
}

export interface ItemUpdate {
  id: string;
  version: number;
  /** null = pushed (removed unless a newer change arrived meanwhile). */
  status: 'pending' | 'dead' | null;
  attempts: number;
  nextAttemptAt: Date;
  statusCode: number | null;
  error: string | null;
}

/** Records a push's outcome per item and the connection's counters, in one statement. */
export async function recordItemOutcomes(
  exec: Executor,
  connectionId: string,
  updates: ItemUpdate[],
  counters: { pushed: number; failed: number; requests: number; now: Date; clearError: boolean },
  acks: AckInput[] = [],
) {
  const pushed = updates.filter((u) => u.status === null);
  const failed = updates.filter((u) => u.status !== null);
  await exec.execute(
    sql`with acked as (
          insert into channel_sync_acks (connection_id, kind, key, value, acknowledged_at)
          select ${connectionId}, u.k, u.key, u.v::jsonb, ${counters.now}
          from unnest(${param(acks.map((a) => a.kind))}::text[], ${param(acks.map((a) => a.key))}::text[],
            ${param(acks.map((a) => JSON.stringify(a.value)))}::text[]) as u(k, key, v)
          on conflict (connection_id, kind, key) do update set
            value = excluded.value, acknowledged_at = excluded.acknowledged_at),
        removed as (
          delete from channel_sync_items i
          using unnest(${param(pushed.map((u) => u.id))}::text[], ${param(pushed.map((u) => u.version))}::int[]) as u(id, v)
          where i.id = u.id and i.version = u.v),
        newer as (
          update channel_sync_items i set attempts = 0, last_error = null, last_status_code = null
          from unnest(${param(pushed.map((u) => u.id))}::text[], ${param(pushed.map((u) => u.version))}::int[]) as u(id, v)
          where i.id = u.id and i.version <> u.v),
        failed as (
          update channel_sync_items i set status = u.s, attempts = u.a, next_attempt_at = u.n,
            last_status_code = u.code, last_error = u.err, updated_at = ${counters.now}
          from unnest(${param(failed.map((u) => u.id))}::text[], ${param(failed.map((u) => u.status))}::text[],
            ${param(failed.map((u) => u.attempts))}::int[], ${param(failed.map((u) => u.nextAttemptAt.toISOString()))}::timestamptz[],
            ${param(failed.map((u) => u.statusCode))}::int[], ${param(failed.map((u) => u.error?.slice(0, 1000) ?? null))}::text[])
            as u(id, s, a, n, code, err)
          where i.id = u.id)
        update channel_sync_connections set
          pushed_count = pushed_count + ${counters.pushed}, failed_count = failed_count + ${counters.failed},
          request_count = request_count + ${counters.requests},
          last_pushed_at = case when ${counters.pushed} > 0 then ${counters.now}::timestamptz else last_pushed_at end,
          last_error = case when ${counters.clearError} then null else last_error end
        where id = ${connectionId}`,
  );
}

/** 429: nothing goes out before `until`. 401/403: paused until an operator resumes it. */
export async function pauseConnection(
  exec: Executor,
  id: string,
  p: { until?: Date; status?: 'paused'; error: string; now: Date; requests: number },
) {
  await exec.execute(
    sql`update channel_sync_connections set
          paused_until = ${p.until ?? null}, status = ${p.status ?? sql`status`}, last_error = ${p.error},
          request_count = request_count + ${p.requests}, updated_at = ${p.now}
        where id = ${id}`,
  );
}

interface ItemRow {
  id: string;
  connection_id: string;
  kind: SyncKind;
  key: string;
  value: unknown;
  status: 'pending' | 'dead';
  attempts: number;
  next_attempt_at: Date | string;
  enqueued_at: Date | string;
  last_status_code: number | null;
  last_error: string | null;
}

export async function selectItems(
  exec: Executor,
  q: { connectionId: string; status?: 'pending' | 'dead' | undefined; limit: number },
): Promise<SyncItem[]> {
  const rs = await rows<ItemRow>(
    exec,
    sql`select id, connection_id, kind, key, value, status, attempts, next_attempt_at, enqueued_at,
          last_status_code, last_error
        from channel_sync_items where connection_id = ${q.connectionId}
          ${q.status ? sql`and status = ${q.status}` : sql``}
        order by enqueued_at, id limit ${q.limit}`,
  );
  return rs.map((r) => ({
    id: r.id,
    connectionId: r.connection_id,
    kind: r.kind,
    key: r.key,
    value: r.value,
    status: r.status,
    attempts: Number(r.attempts),
    nextAttemptAt: date(r.next_attempt_at),
    enqueuedAt: date(r.enqueued_at),
    lastStatusCode: r.last_status_code == null ? null : Number(r.last_status_code),
    lastError: r.last_error,
  }));
}

/** Dead-lettered items back to the queue (all of the connection's, or the listed ones). */
export async function requeueDead(
  exec: Executor,
  connectionId: string,
  ids: string[] | undefined,
  now: Date,
) {
  const rs = await rows<{ id: string }>(
    exec,
    sql`update channel_sync_items set status = 'pending', attempts = 0, next_attempt_at = ${now},
          enqueued_at = ${now}, updated_at = ${now}
        where connection_id = ${connectionId} and status = 'dead'
          ${ids ? sql`and id = any(${param(ids)}::text[])` : sql``}
        returning id`,
  );
  return rs.map((r) => r.id);
}

export async function selectHealth(exec: Executor, now: Date): Promise<ConnectionHealth[]> {
  const rs = await rows<{
    id: string;
    channel_id: string;
    kind: string;
    status: string;
    pushed_count: number;
    failed_count: number;
    request_count: number;
    last_pushed_at: Date | string | null;
    paused_until: Date | string | null;
    last_error: string | null;
    created_at: Date | string;
    pending: number;
    dead: number;
    oldest: Date | string | null;
  }>(
    exec,
    sql`select c.id, c.channel_id, c.kind, c.status, c.pushed_count, c.failed_count, c.request_count,
          c.last_pushed_at, c.paused_until, c.last_error, c.created_at,
          coalesce(q.pending, 0) as pending, coalesce(q.dead, 0) as dead, q.oldest
        from channel_sync_connections c
        left join lateral (
          select count(*) filter (where status = 'pending') as pending,
                 count(*) filter (where status = 'dead') as dead,
                 min(enqueued_at) filter (where status = 'pending') as oldest
          from channel_sync_items i where i.connection_id = c.id) q on true
        order by c.id`,
  );
  return rs.map((r) => {
    const oldest = dateOrNull(r.oldest);
    const last = dateOrNull(r.last_pushed_at);
    const since = oldest ?? last ?? date(r.created_at);
    return {
      connectionId: r.id,
      channelId: r.channel_id,
      kind: r.kind as ConnectionHealth['kind'],
      status: r.status as ConnectionHealth['status'],
      lagSeconds: Math.max(0, (now.getTime() - since.getTime()) / 1000),
      queueDepth: Number(r.pending),
      deadLettered: Number(r.dead),
      pushed: Number(r.pushed_count),
      failed: Number(r.failed_count),
      requests: Number(r.request_count),
      lastPushedAt: last,
      pausedUntil: dateOrNull(r.paused_until),
      lastError: r.last_error,
    };
  });
}

export async function selectRefs(exec: Executor, connectionId: string, skus: string[]) {
  if (skus.length === 0) return new Map<string, string>();
  const rs = await rows<{ sku: string; external_id: string }>(
    exec,
    sql`select sku, external_id from channel_sync_refs
        where connection_id = ${connectionId} and sku = any(${param(skus)}::text[])`,
  );
  return new Map(rs.map((r) => [r.sku, r.external_id]));
}

export async function upsertRefs(
  exec: Executor,
  connectionId: string,
  refs: Array<{ sku: string; externalId: string }>,
  now: Date,
) {
  if (refs.length === 0) return;
  await exec.execute(
    sql`insert into channel_sync_refs (connection_id, sku, external_id, updated_at)
        select ${connectionId}, u.sku, u.ext, ${now}
        from unnest(${param(refs.map((r) => r.sku))}::text[], ${param(refs.map((r) => r.externalId))}::text[]) as u(sku, ext)
        on conflict (connection_id, sku) do update set external_id = excluded.external_id, updated_at = excluded.updated_at`,
  );
}
