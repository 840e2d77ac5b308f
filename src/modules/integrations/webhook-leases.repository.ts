// SQL of the leased half of the webhook delivery queue: a node claims due subject heads with a lease
// (FOR UPDATE SKIP LOCKED, so each delivery is sent by one node at a time and a dead node's leases
// simply expire), renews, confirms or releases its leases, and records each send's outcome. Every
// statement that updates several leased rows locks them in id order first (`heldInIdOrder`).
// A batch of 100 rows or more is planned at every execution (`planEachTimeFor`): the queue grows
// from empty under a burst, and a generic plan kept from its first seconds scans it whole.
import { sql } from 'drizzle-orm';
import { type Executor, planEachTimeFor, rows } from '../../platform/db/database.js';
import type { ClaimedDelivery } from './integrations.types.js';
import { activeSecrets, date, dateOrNull } from './webhook-endpoints.repository.js';

interface ClaimRow {
  id: string;
  endpoint_id: string;
  url: string;
  body: string;
  content_type: string;
  attempts: number;
  secret: string;
  previous_secret: string | null;
  previous_secret_expires_at: Date | string | null;
  event_occurred_at: Date | string;
}

const claimedOf = (r: ClaimRow, now: Date): ClaimedDelivery => ({
  id: r.id,
  endpointId: r.endpoint_id,
  url: r.url,
  body: r.body,
  contentType: r.content_type,
  attempts: Number(r.attempts),
  secrets: activeSecrets(
    {
      secret: r.secret,
      previousSecret: r.previous_secret,
      previousSecretExpiresAt: dateOrNull(r.previous_secret_expires_at),
    },
    now,
  ),
  eventOccurredAt: date(r.event_occurred_at),
});

/** Leases up to `limit` due subject heads of active endpoints (and heads whose lease ran out). */
export async function claimDueDeliveries(
  exec: Executor,
  opts: { owner: string; limit: number; leaseMs: number; now: Date },
): Promise<ClaimedDelivery[]> {
  const leaseUntil = new Date(opts.now.getTime() + opts.leaseMs);
  const rs = await rows<ClaimRow>(
    exec,
    sql`with due as (
          select d.id from webhook_deliveries d
          join webhook_endpoints e on e.id = d.endpoint_id and e.status = 'active'
          where ((d.status = 'pending' and d.next_attempt_at <= ${opts.now})
                 or (d.status = 'delivering' and d.lease_until < ${opts.now}))
          order by d.next_attempt_at
          limit ${opts.limit}
          for update of d skip locked)
        update webhook_deliveries w
        set status = 'delivering', lease_owner = ${opts.owner}, lease_until = ${leaseUntil},
            attempts = w.attempts + 1
        from due, webhook_endpoints e
        where w.id = due.id and e.id = w.endpoint_id
        returning w.id, w.endpoint_id, e.url, w.body, w.content_type, w.attempts, e.secret, e.previous_secret,
          e.previous_secret_expires_at, w.event_occurred_at`,
  );
  return rs.map((r) => claimedOf(r, opts.now));
}

/**
 * Adds the statement's delivered (or failed) rows to their endpoints' counters in this sender's shard
 * (no row is shared by concurrent senders).
 */
const countDelivered = (shard: number, now: Date) =>
  sql`insert into webhook_endpoint_stats (endpoint_id, shard, delivered_count, last_delivered_at, last_delivered_event_at)
      select endpoint_id, ${shard}, count(*), ${now}, max(event_occurred_at) from done group by endpoint_id order by endpoint_id
      on conflict (endpoint_id, shard) do update set
        delivered_count = webhook_endpoint_stats.delivered_count + excluded.delivered_count,
        last_delivered_at = excluded.last_delivered_at,
        last_delivered_event_at = greatest(webhook_endpoint_stats.last_delivered_event_at, excluded.last_delivered_event_at)`;

const countFailed = (shard: number) =>
  sql`insert into webhook_endpoint_stats (endpoint_id, shard, failed_count)
      select endpoint_id, ${shard}, count(*) from failed group by endpoint_id order by endpoint_id
      on conflict (endpoint_id, shard) do update set
        failed_count = webhook_endpoint_stats.failed_count + excluded.failed_count`;

/**
 * The given deliveries this owner still holds, row-locked in id order (a CTE, `as materialized`).
 * Every statement that updates several held deliveries locks them through it first: a heartbeat's
 * renewal and an outcome's record of the same batch can run at once, and rows locked in two
 * orders (an index's, a bitmap scan's, an array's) could deadlock them.
 */
const heldInIdOrder = (ids: string[], owner: string) =>
  sql`select id from webhook_deliveries
      where id = any(${sql.param(ids)}::text[]) and status = 'delivering' and lease_owner = ${owner}
      order by id
      for update`;

/**
 * Extends the leases this owner still holds on the given deliveries (the sender's heartbeat); never
 * shortens one (a delivery being sent is leased for its whole send).
 */
export async function extendLeases(
  exec: Executor,
  owner: string,
  ids: string[],
  opts: { leaseMs: number; now: Date },
): Promise<void> {
  if (ids.length === 0) return;
  await exec.execute(
    sql`${planEachTimeFor(ids.length)}with held as materialized (${heldInIdOrder(ids, owner)})
        update webhook_deliveries w
        set lease_until = greatest(w.lease_until, ${new Date(opts.now.getTime() + opts.leaseMs)}::timestamptz)
        from held where w.id = held.id`,
  );
}

/**
 * Right before a send: extends the leases this owner still holds to `leaseMs` and returns their ids.
 * One whose lease ran out and another node took is left out (that node sends it). Row locks order a
 * confirmation and a take-over, so exactly one of them wins.
 */
export async function confirmLeases(
  exec: Executor,
  owner: string,
  ids: string[],
  opts: { leaseMs: number; now: Date },
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rs = await rows<{ id: string }>(
    exec,
    sql`${planEachTimeFor(ids.length)}with held as materialized (${heldInIdOrder(ids, owner)})
        update webhook_deliveries w
        set lease_until = greatest(w.lease_until, ${new Date(opts.now.getTime() + opts.leaseMs)}::timestamptz)
        from held where w.id = held.id
        returning w.id`,
  );
  return new Set(rs.map((r) => r.id));
}

/** Gives back leased deliveries never sent (a stopping node): due again at once, attempt not counted. */

export async function releaseLeases(exec: Executor, owner: string, ids: string[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  await exec.execute(
    sql`${planEachTimeFor(ids.length)}with held as materialized (${heldInIdOrder(ids, owner)})
        update webhook_deliveries w
        set status = 'pending', attempts = greatest(w.attempts - 1, 0), lease_owner = null, lease_until = null,
            next_attempt_at = ${now}
        from held where w.id = held.id`,
  );
}

/**
 * Marks deliveries done (only those this owner still holds) and promotes their subjects' next ones.
 * With `handoff`, a next one of an active endpoint is leased to this owner in the same statement and
 * returned, ready to send (no claim, and one status move fewer); the others are made pending.
 */
export async function markDelivered(
  exec: Executor,
  lease: { owner: string; shard: number },
  list: Array<{ id: string; statusCode: number }>,
  now: Date,
  handoff?: { leaseUntil: Date },
): Promise<{ promoted: number; handedOff: ClaimedDelivery[] }> {
  if (list.length === 0) return { promoted: 0, handedOff: [] };
  const leased = handoff ? sql`e.status = 'active'` : sql`false`;
  const rs = await rows<ClaimRow & { status: string }>(
    exec,
    sql`${planEachTimeFor(list.length)}with held as materialized (${heldInIdOrder(
      list.map((d) => d.id),
      lease.owner,
    )}),
        done as (
          update webhook_deliveries w
          set status = 'delivered', delivered_at = ${now}, last_status_code = u.code, last_error = null,
              lease_owner = null, lease_until = null
          from unnest(${sql.param(list.map((d) => d.id))}::text[], ${sql.param(list.map((d) => d.statusCode))}::int[])
            as u(id, code)
          join held on held.id = u.id
          where w.id = u.id
          returning w.endpoint_id, w.event_occurred_at, w.subject),
        counted as (${countDelivered(lease.shard, now)} returning 1),
        -- The next of each finished subject becomes its head in the same statement (a delivered
        -- row was its subject's only pending one, so no other head can exist).
        heads as (
          select distinct on (q.endpoint_id, q.subject) q.id
          from webhook_deliveries q
          join (select distinct endpoint_id, subject from done) f on q.endpoint_id = f.endpoint_id and q.subject = f.subject
          where q.status = 'queued'
          order by q.endpoint_id, q.subject, q.seq)
        update webhook_deliveries w
        set status = case when ${leased} then 'delivering' else 'pending' end, next_attempt_at = ${now},
            lease_owner = case when ${leased} then ${lease.owner} end,
            lease_until = case when ${leased} then ${handoff?.leaseUntil ?? null}::timestamptz end,
            attempts = w.attempts + case when ${leased} then 1 else 0 end
        from heads, webhook_endpoints e
        where w.id = heads.id and w.status = 'queued' and e.id = w.endpoint_id
        returning w.id, w.status, w.endpoint_id, e.url, w.body, w.content_type, w.attempts, e.secret,
          e.previous_secret, e.previous_secret_expires_at, w.event_occurred_at`,
  );
  return {
    promoted: rs.length,
    handedOff: rs.filter((r) => r.status === 'delivering').map((r) => claimedOf(r, now)),
  };
}

export interface FailureUpdate {
  id: string;
  statusCode: number | null;
  error: string;
  /** null = no more retries: the delivery goes to the dead-letter queue. */
  nextAttemptAt: Date | null;
}

/** Records failures; returns the subjects whose head went to the dead-letter queue (to promote the next). */
export async function markFailed(
  exec: Executor,
  lease: { owner: string; shard: number },
  list: FailureUpdate[],
): Promise<Array<{ endpointId: string; subject: string }>> {
  if (list.length === 0) return [];
  const rs = await rows<{ endpoint_id: string; subject: string; status: string }>(
    exec,
    sql`${planEachTimeFor(list.length)}with held as materialized (${heldInIdOrder(
      list.map((f) => f.id),
      lease.owner,
    )}),
        failed as (
          update webhook_deliveries w
          set status = case when u.next_at is null then 'dead' else 'pending' end,
              next_attempt_at = coalesce(u.next_at, w.next_attempt_at), last_status_code = u.code,
              last_error = u.error, lease_owner = null, lease_until = null
          from unnest(${sql.param(list.map((f) => f.id))}::text[], ${sql.param(list.map((f) => f.statusCode))}::int[],
            ${sql.param(list.map((f) => f.error.slice(0, 1000)))}::text[],
            ${sql.param(list.map((f) => f.nextAttemptAt?.toISOString() ?? null))}::timestamptz[])
            as u(id, code, error, next_at)
          join held on held.id = u.id
          where w.id = u.id
          returning w.endpoint_id, w.subject, w.status),
        counted as (${countFailed(lease.shard)} returning 1)
        select endpoint_id, subject, status from failed`,
  );
  return rs
    .filter((r) => r.status === 'dead')
    .map((r) => ({ endpointId: r.endpoint_id, subject: r.subject }));
}
