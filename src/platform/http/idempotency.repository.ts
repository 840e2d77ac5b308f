// The statements behind Idempotency-Key claims (idempotency.ts decides; this file writes and reads).
import { sql } from 'drizzle-orm';
import type { Executor } from '../db/database.js';
import { firstRow, rows } from '../db/database.js';
import { LEASE_MS } from '../events/lease-heartbeat.js';

export interface ClaimKey {
  actorId: string;
  key: string;
}

export interface NewClaim extends ClaimKey {
  method: string;
  path: string;
  hash: string;
  requestId: string;
  now: Date;
}

export interface StoredOutcome {
  request_hash: string;
  status_code: number | null;
  response_body: string | null;
  content_type: string | null;
}

/** What a request whose node died had committed: the events its request wrote after its claim. */
export interface CommittedEvent {
  type: string;
  subject: string;
}

const lease = () => sql`now() + ${`${LEASE_MS} milliseconds`}::interval`;
// The log's last position now: any event the claiming request writes later lies past it.
const logPosition = sql`(select coalesce(max(position), 0) from events)`;

/** Claims a new key; false when the key already exists. */
export async function insertClaim(db: Executor, c: NewClaim): Promise<boolean> {
  const row = await firstRow<{ key: string }>(
    db,
    sql`insert into idempotency_keys
          (actor_id, key, method, path, request_hash, created_at, lease_until, request_ids, log_position)
        values (${c.actorId}, ${c.key}, ${c.method}, ${c.path}, ${c.hash}, ${c.now}, ${lease()},
                array[${c.requestId}]::text[], ${logPosition})
        on conflict do nothing returning key`,
  );
  return row !== undefined;
}

/**
 * Takes over the claim of the same request whose node died while running it (its lease ran out).
 * Returns the ids of the requests that ran it before and the log position of the first claim (null
 * for rows claimed before they were kept), or undefined when there is nothing to take over.
 */
export async function takeOverClaim(
  db: Executor,
  c: NewClaim,
): Promise<{ requestIds: string[] | null; position: number | null } | undefined> {
  const row = await firstRow<{ request_ids: string[] | null; log_position: string | number | null }>(
    db,
    sql`update idempotency_keys set lease_until = ${lease()},
          request_ids = array_append(request_ids, ${c.requestId}::text)
        where actor_id = ${c.actorId} and key = ${c.key} and request_hash = ${c.hash}
          and status_code is null and coalesce(lease_until, created_at + interval '1 minute') < now()
        returning request_ids, log_position`,
  );
  if (!row) return undefined;
  // Rows claimed before the ids were kept hold only this request's id now.
  const earlier = row.request_ids?.slice(0, -1) ?? [];
  return {
    requestIds: earlier.length > 0 ? earlier : null,
    position: row.log_position === null ? null : Number(row.log_position),
  };
}

/** The events the given requests committed after the given log position (few: one request's). */
export function committedEvents(
  db: Executor,
  requestIds: readonly string[],
  after: number,
): Promise<CommittedEvent[]> {
  return rows<CommittedEvent>(
    db,
    sql`select type, subject from events
        where position > ${after} and request_id = any(${sql.param([...requestIds])}::text[])
        order by position limit 1000`,
  );
}

export function readOutcome(db: Executor, k: ClaimKey): Promise<StoredOutcome | undefined> {
  return firstRow<StoredOutcome>(
    db,
    sql`select request_hash, status_code, response_body, content_type from idempotency_keys
        where actor_id = ${k.actorId} and key = ${k.key}`,
  );
}

export async function storeOutcome(
  db: Executor,
  k: ClaimKey,
  outcome: { status: number; body: string; contentType: string | null },
): Promise<void> {
  await db.execute(
    sql`update idempotency_keys set status_code = ${outcome.status}, response_body = ${outcome.body},
          content_type = ${outcome.contentType}
        where actor_id = ${k.actorId} and key = ${k.key}`,
  );
}

export async function forgetClaim(db: Executor, k: ClaimKey): Promise<void> {
  await db.execute(sql`delete from idempotency_keys where actor_id = ${k.actorId} and key = ${k.key}`);
}

/** One statement per heartbeat for every claim this node is running. */
export async function extendLeases(db: Executor, claims: readonly ClaimKey[]): Promise<void> {
  await db.execute(
    sql`update idempotency_keys set lease_until = ${lease()}
        from unnest(${sql.param(claims.map((c) => c.actorId))}::text[], ${sql.param(claims.map((c) => c.key))}::text[])
          as h(actor_id, key)
        where idempotency_keys.actor_id = h.actor_id and idempotency_keys.key = h.key
          and idempotency_keys.status_code is null`,
  );
}

/** Deletes up to batchSize keys created before cutoff; returns how many. */
export async function deleteKeysBefore(db: Executor, cutoff: Date, batchSize: number): Promise<number> {
  const gone = await rows<{ key: string }>(
    db,
    sql`delete from idempotency_keys where (actor_id, key) in (
          select actor_id, key from idempotency_keys where created_at < ${cutoff} limit ${batchSize})
        returning key`,
  );
  return gone.length;
}
