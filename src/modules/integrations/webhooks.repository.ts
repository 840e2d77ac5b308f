// SQL of the outbound webhook delivery queue: deliveries queued per subject, parked, listed, retried
// from the dead-letter queue, and the endpoints' health (endpoints are in
// webhook-endpoints.repository.ts; claims, leases and recorded outcomes in webhook-leases.repository.ts).
import { sql } from 'drizzle-orm';
import { type Executor, firstRow, planEachTimeFor, rows } from '../../platform/db/database.js';
import type { Delivery, EndpointHealth } from './integrations.types.js';
import { date, dateOrNull } from './webhook-endpoints.repository.js';

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
    // A large batch planned each time, as the leases' statements (webhook-leases.repository.ts).
    sql`${planEachTimeFor(list.length)}insert into webhook_deliveries (id, endpoint_id, event_id, event_type, subject, event_occurred_at, body,
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
