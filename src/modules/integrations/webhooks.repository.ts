// SQL of the outbound webhook delivery queue (endpoints are in webhook-endpoints.repository.ts).
// Claims use FOR UPDATE SKIP LOCKED with a lease, so each delivery is sent by one node at a time and
// a dead node's leases simply expire.
import { sql } from 'drizzle-orm';
import { type Executor, firstRow, rows } from '../../platform/db/database.js';
import type { ClaimedDelivery, Delivery, EndpointHealth } from './integrations.types.js';
import { activeSecrets, date, dateOrNull } from './webhook-endpoints.repository.js';

export interface NewDelivery {
  id: string;
  endpointId: string;
  eventId: string;
  eventType: string;
  subject: string;
  eventOccurredAt: Date;
  body: string;
  contentType: string;
}

/** Heads written already leased to this sender (its delivery loops send them without a claim). */
export interface InsertClaim {
  owner: string;
  leaseUntil: Date;
}

/**
 * Queues a batch in one statement (a delivery already queued for (endpoint, event) is skipped).
 * The first of a subject in the batch is its head (pending, or in flight leased to `claim`'s sender
 * as its first attempt) when nothing of that subject is waiting or in flight; the rest queue behind
 * it. A completion racing this insert can leave a subject with no head; promoteHeads(null) repairs that.
 */

export async function insertDeliveries(
  exec: Executor,
  list: NewDelivery[],
  now: Date,
  claim?: InsertClaim,
): Promise<Array<{ id: string; claimed: boolean }>> {
  if (list.length === 0) return [];
  const head = claim ? 'delivering' : 'pending';
  const r = await rows<{ id: string; status: string }>(
    exec,
    sql`insert into webhook_deliveries (id, endpoint_id, event_id, event_type, subject, event_occurred_at, body,
          content_type, status, attempts, next_attempt_at, created_at, lease_owner, lease_until)
        select b.id, b.endpoint_id, b.event_id, b.event_type, b.subject, b.occurred, b.body, b.content_type,
          st.status, case when st.status = 'delivering' then 1 else 0 end, ${now}, ${now},
          case when st.status = 'delivering' then ${claim?.owner ?? null}::text end,
          case when st.status = 'delivering' then ${claim?.leaseUntil ?? null}::timestamptz end
        from (select u.*, row_number() over (partition by u.endpoint_id, u.subject order by u.ord) as nth
              from unnest(${sql.param(list.map((d) => d.id))}::text[], ${sql.param(list.map((d) => d.endpointId))}::text[],
                ${sql.param(list.map((d) => d.eventId))}::text[], ${sql.param(list.map((d) => d.eventType))}::text[],
                ${sql.param(list.map((d) => d.subject))}::text[],
                ${sql.param(list.map((d) => d.eventOccurredAt.toISOString()))}::timestamptz[],
                ${sql.param(list.map((d) => d.body))}::text[], ${sql.param(list.map((d) => d.contentType))}::text[])
                with ordinality as u(id, endpoint_id, event_id, event_type, subject, occurred, body, content_type, ord)) b
        -- Two look-ups, each by its partial index's own predicate (one status list over both
        -- made the planner scan the endpoint's every waiting row, and dead ones, for each row).
        cross join lateral (
          select case when b.nth = 1
                   and not exists (select 1 from webhook_deliveries p
                                   where p.endpoint_id = b.endpoint_id and p.subject = b.subject
                                     and p.status in ('pending', 'delivering'))
                   and not exists (select 1 from webhook_deliveries p
                                   where p.endpoint_id = b.endpoint_id and p.subject = b.subject
                                     and p.status = 'queued')
                 then ${head} else 'queued' end as status) st
        order by b.ord
        on conflict (endpoint_id, event_id) do nothing
        returning id, status`,
  );
  return r.map((x) => ({ id: x.id, claimed: x.status === 'delivering' }));
}

/**
 * Parks deliveries whose body could not be made (the endpoint's transform failed or ran over its
 * budget) straight in the dead-letter queue with the reason, and no body: replaying one renders it
 * again with the endpoint's transform of that time.
 */
export async function insertParkedDeliveries(
  exec: Executor,
  list: Array<Omit<NewDelivery, 'body' | 'contentType'> & { error: string }>,
  now: Date,
  /** 'suppressed': consent said no; kept with the reason, never sent nor replayed. */
  status: 'dead' | 'suppressed' = 'dead',
): Promise<number> {
  if (list.length === 0) return 0;
  const r = await rows<{ id: string }>(
    exec,
    sql`insert into webhook_deliveries (id, endpoint_id, event_id, event_type, subject, event_occurred_at, body,
          content_type, status, attempts, next_attempt_at, created_at, last_error)
        select u.id, u.endpoint_id, u.event_id, u.event_type, u.subject, u.occurred, '', 'application/json',
          ${status}, 0, ${now}, ${now}, u.error
        from unnest(${sql.param(list.map((d) => d.id))}::text[], ${sql.param(list.map((d) => d.endpointId))}::text[],
          ${sql.param(list.map((d) => d.eventId))}::text[], ${sql.param(list.map((d) => d.eventType))}::text[],
          ${sql.param(list.map((d) => d.subject))}::text[],
          ${sql.param(list.map((d) => d.eventOccurredAt.toISOString()))}::timestamptz[],
          ${sql.param(list.map((d) => d.error))}::text[])
          as u(id, endpoint_id, event_id, event_type, subject, occurred, error)
        on conflict (endpoint_id, event_id) do nothing
        returning id`,
  );
  return r.length;
}

/** Parked deliveries (dead, without a body) of an endpoint, optionally only the given ids. */
export async function selectParked(
  exec: Executor,
  filter: { endpointId: string; ids?: string[] },
): Promise<Array<{ id: string; eventId: string }>> {
  const rs = await rows<{ id: string; event_id: string }>(
    exec,
    sql`select id, event_id from webhook_deliveries
        where endpoint_id = ${filter.endpointId} and status = 'dead' and body = ''
        ${filter.ids ? sql`and id = any(${sql.param(filter.ids)}::text[])` : sql``}`,
  );
  return rs.map((r) => ({ id: r.id, eventId: r.event_id }));
}

/** A parked delivery's body once its transform works, or its new reason when it still fails. */
export async function updateParked(
  exec: Executor,
  id: string,
  change: { body: string; contentType: string } | { error: string },
): Promise<void> {
  await exec.execute(
    'error' in change
      ? sql`update webhook_deliveries set last_error = ${change.error} where id = ${id} and status = 'dead'`
      : sql`update webhook_deliveries set body = ${change.body}, content_type = ${change.contentType}
            where id = ${id} and status = 'dead'`,
  );
}

/**
 * Promotes the oldest queued delivery of each given (endpoint, subject) to pending when none of
 * that subject is pending or in flight: one delivery per subject at a time keeps subjects in order,
 * and claims only ever look at heads. Without `pairs`, repairs every subject (a safety net for a
 * completion and an enqueue that raced past each other).
 */
export async function promoteHeads(
  exec: Executor,
  pairs: Array<{ endpointId: string; subject: string }> | null,
  now: Date,
): Promise<number> {
  if (pairs && pairs.length === 0) return 0;
  const scope = pairs
    ? sql`join unnest(${sql.param(pairs.map((p) => p.endpointId))}::text[], ${sql.param(pairs.map((p) => p.subject))}::text[])
            as u(e, s) on q.endpoint_id = u.e and q.subject = u.s`
    : sql``;
  // Heads are locked in id order and skipped when locked: another promoter holding one is promoting
  // that very row, and a fixed lock order means two promoters never deadlock.
  const promoted = await rows<{ id: string }>(
    exec,
    sql`with heads as (
          select distinct on (q.endpoint_id, q.subject) q.id, q.endpoint_id, q.subject
          from webhook_deliveries q ${scope}
          where q.status = 'queued'
          order by q.endpoint_id, q.subject, q.seq),
        free as (
          select h.id from heads h
          where not exists (select 1 from webhook_deliveries p
                            where p.endpoint_id = h.endpoint_id and p.subject = h.subject
                              and p.status in ('pending', 'delivering'))),
        locked as (
          select w.id from webhook_deliveries w join free f on f.id = w.id
          where w.status = 'queued'
          order by w.id
          for update of w skip locked)
        update webhook_deliveries w set status = 'pending', next_attempt_at = ${now}
        from locked where w.id = locked.id
        returning w.id`,
  );
  return promoted.length;
}

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
  return rs.map((r) => {
    const secrets = activeSecrets(
      {
        secret: r.secret,
        previousSecret: r.previous_secret,
        previousSecretExpiresAt: dateOrNull(r.previous_secret_expires_at),
      },
      opts.now,
    );
    return {
      id: r.id,
      endpointId: r.endpoint_id,
      url: r.url,
      body: r.body,
      contentType: r.content_type,
      attempts: Number(r.attempts),
      secrets,
      eventOccurredAt: date(r.event_occurred_at),
    };
  });
}

/** Adds to an endpoint's counters in this sender's shard (no row is shared by concurrent senders). */
const bumpStats = (shard: number, now: Date, source: 'done' | 'failed') =>
  source === 'done'
    ? sql`insert into webhook_endpoint_stats (endpoint_id, shard, delivered_count, last_delivered_at, last_delivered_event_at)
          select endpoint_id, ${shard}, count(*), ${now}, max(event_occurred_at) from done group by endpoint_id order by endpoint_id
          on conflict (endpoint_id, shard) do update set
            delivered_count = webhook_endpoint_stats.delivered_count + excluded.delivered_count,
            last_delivered_at = excluded.last_delivered_at,
            last_delivered_event_at = greatest(webhook_endpoint_stats.last_delivered_event_at, excluded.last_delivered_event_at)`
    : sql`insert into webhook_endpoint_stats (endpoint_id, shard, failed_count)
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
    sql`with held as materialized (${heldInIdOrder(ids, owner)})
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
    sql`with held as materialized (${heldInIdOrder(ids, owner)})
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
    sql`with held as materialized (${heldInIdOrder(ids, owner)})
        update webhook_deliveries w
        set status = 'pending', attempts = greatest(w.attempts - 1, 0), lease_owner = null, lease_until = null,
            next_attempt_at = ${now}
        from held where w.id = held.id`,
  );
}

/** Marks deliveries done (only those this owner still holds) and promotes their subjects' next ones. */
export async function markDelivered(
  exec: Executor,
  lease: { owner: string; shard: number },
  list: Array<{ id: string; statusCode: number }>,
  now: Date,
): Promise<{ promoted: number }> {
  if (list.length === 0) return { promoted: 0 };
  const [r] = await rows<{ promoted: number }>(
    exec,
    sql`with held as materialized (${heldInIdOrder(
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
        counted as (${bumpStats(lease.shard, now, 'done')} returning 1),
        -- The next of each finished subject becomes its head in the same statement (a delivered
        -- row was its subject's only pending one, so no other head can exist).
        heads as (
          select distinct on (q.endpoint_id, q.subject) q.id
          from webhook_deliveries q
          join (select distinct endpoint_id, subject from done) f on q.endpoint_id = f.endpoint_id and q.subject = f.subject
          where q.status = 'queued'
          order by q.endpoint_id, q.subject, q.seq),
        promoted as (
          update webhook_deliveries w set status = 'pending', next_attempt_at = ${now}
          from heads where w.id = heads.id and w.status = 'queued'
          returning 1)
        select count(*)::int as promoted from promoted`,
  );
  return { promoted: Number(r?.promoted ?? 0) };
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
    sql`with held as materialized (${heldInIdOrder(
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
        counted as (${bumpStats(lease.shard, new Date(), 'failed')} returning 1)
        select endpoint_id, subject, status from failed`,
  );
  return rs
    .filter((r) => r.status === 'dead')
    .map((r) => ({ endpointId: r.endpoint_id, subject: r.subject }));
}

interface DeliveryRow {
  id: string;
  endpoint_id: string;
  event_id: string;
  event_type: string;
  subject: string;
  status: Delivery['status'];
  attempts: number;
  next_attempt_at: Date | string;
  last_status_code: number | null;
  last_error: string | null;
  created_at: Date | string;
  delivered_at: Date | string | null;
  seq: number;
}

const toDelivery = (r: DeliveryRow): Delivery => ({
  id: r.id,
  endpointId: r.endpoint_id,
  eventId: r.event_id,
  eventType: r.event_type,
  subject: r.subject,
  status: r.status,
  attempts: Number(r.attempts),
  nextAttemptAt: date(r.next_attempt_at),
  lastStatusCode: r.last_status_code == null ? null : Number(r.last_status_code),
  lastError: r.last_error,
  createdAt: date(r.created_at),
  deliveredAt: dateOrNull(r.delivered_at),
});

const DELIVERY_COLUMNS = sql.raw(
  'id, endpoint_id, event_id, event_type, subject, status, attempts, next_attempt_at, last_status_code, last_error, created_at, delivered_at, seq',
);

export async function selectDeliveries(
  exec: Executor,
  filter: { endpointId: string; status?: string | undefined; afterSeq?: number | undefined; limit: number },
): Promise<Array<Delivery & { seq: number }>> {
  const rs = await rows<DeliveryRow>(
    exec,
    sql`select ${DELIVERY_COLUMNS} from webhook_deliveries
        where endpoint_id = ${filter.endpointId}
        ${filter.status ? sql`and status = ${filter.status}` : sql``}
        ${filter.afterSeq ? sql`and seq > ${filter.afterSeq}` : sql``}
        order by seq limit ${filter.limit}`,
  );
  return rs.map((r) => ({ ...toDelivery(r), seq: Number(r.seq) }));
}

export async function selectDelivery(exec: Executor, id: string): Promise<Delivery | undefined> {
  const r = await firstRow<DeliveryRow>(
    exec,
    sql`select ${DELIVERY_COLUMNS} from webhook_deliveries where id = ${id}`,
  );
  return r ? toDelivery(r) : undefined;
}

/** Puts dead-lettered deliveries back in the queue with their ids (so receivers still dedupe). */
export async function requeueDead(
  exec: Executor,
  filter: { endpointId: string; ids?: string[] },
  now: Date,
): Promise<string[]> {
  const rs = await rows<{ id: string }>(
    exec,
    sql`update webhook_deliveries set status = 'pending', attempts = 0, next_attempt_at = ${now},
          last_error = null
        where endpoint_id = ${filter.endpointId} and status = 'dead'
          and body <> '' -- parked without a body: its transform still fails
        ${filter.ids ? sql`and id = any(${sql.param(filter.ids)}::text[])` : sql``}
        returning id`,
  );
  return rs.map((r) => r.id);
}

export async function selectHealth(exec: Executor, now: Date): Promise<EndpointHealth[]> {
  const rs = await rows<{
    id: string;
    url: string;
    status: 'active' | 'disabled';
    delivered: number | null;
    failed: number | null;
    last_delivered_at: Date | string | null;
    last_delivered_event_at: Date | string | null;
    pending: number;
    dead: number;
    oldest_pending: Date | string | null;
  }>(
    exec,
    sql`select e.id, e.url, e.status, st.delivered, st.failed, st.last_delivered_at, st.last_delivered_event_at,
          coalesce(q.pending, 0)::int as pending, coalesce(q.dead, 0)::int as dead, q.oldest_pending
        from webhook_endpoints e
        left join lateral (
          select sum(delivered_count)::bigint as delivered, sum(failed_count)::bigint as failed,
                 max(last_delivered_at) as last_delivered_at, max(last_delivered_event_at) as last_delivered_event_at
          from webhook_endpoint_stats s where s.endpoint_id = e.id) st on true
        left join lateral (
          select count(*) filter (where status in ('queued', 'pending', 'delivering')) as pending,
                 count(*) filter (where status = 'dead') as dead,
                 min(event_occurred_at) filter (where status in ('queued', 'pending', 'delivering')) as oldest_pending
          from webhook_deliveries d where d.endpoint_id = e.id and d.status <> 'delivered') q on true
        order by e.created_at, e.id`,
  );
  return rs.map((r) => ({
    endpointId: r.id,
    url: r.url,
    status: r.status,
    delivered: Number(r.delivered ?? 0),
    failedAttempts: Number(r.failed ?? 0),
    pending: Number(r.pending),
    deadLettered: Number(r.dead),
    lagSeconds: r.oldest_pending ? Math.max(0, (now.getTime() - date(r.oldest_pending).getTime()) / 1000) : 0,
    lastDeliveredAt: dateOrNull(r.last_delivered_at),
    lastDeliveredEventAt: dateOrNull(r.last_delivered_event_at),
  }));
}
