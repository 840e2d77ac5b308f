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
// The claim's own transaction id: every transaction the request runs after its claim gets a larger
// one, so its events lie past it in the log's (tx_id, position) order.
const claimTxId = sql`pg_current_xact_id()::text::bigint`;

/** Where a claimed request's events start in the log: at a transaction id, or (older claims) past a position. */
export type ClaimLogStart = { txId: number } | { position: number };

/** Claims a new key; false when the key already exists. */
export async function insertClaim(db: Executor, c: NewClaim): Promise<boolean> {
  const row = await firstRow<{ key: string }>(
    db,
    sql`insert into idempotency_keys
          (actor_id, key, method, path, request_hash, created_at, lease_until, request_ids, log_tx_id)
        values (${c.actorId}, ${c.key}, ${c.method}, ${c.path}, ${c.hash}, ${c.now}, ${lease()},
                array[${c.requestId}]::text[], ${claimTxId})
        on conflict do nothing returning key`,
  );
  return row !== undefined;
}

/**
 * Takes over the claim of the same request whose node died while running it (its lease ran out).
 * Returns the ids of the requests that ran it before and where in the log the first claim began
 * (null for rows claimed before they were kept), or undefined when there is nothing to take over.
 */
export async function takeOverClaim(
  db: Executor,
  c: NewClaim,
): Promise<{ requestIds: string[] | null; logStart: ClaimLogStart | null } | undefined> {
  const row = await firstRow<{
    request_ids: string[] | null;
    log_tx_id: string | number | null;
    log_position: string | number | null;
  }>(
    db,
    sql`update idempotency_keys set lease_until = ${lease()},
          request_ids = array_append(request_ids, ${c.requestId}::text)
        where actor_id = ${c.actorId} and key = ${c.key} and request_hash = ${c.hash}
          and status_code is null and coalesce(lease_until, created_at + interval '1 minute') < now()
        returning request_ids, log_tx_id, log_position`,
  );
  if (!row) return undefined;
  // Rows claimed before the ids were kept hold only this request's id now.
  const earlier = row.request_ids?.slice(0, -1) ?? [];
  return {
    requestIds: earlier.length > 0 ? earlier : null,
    logStart:
      row.log_tx_id !== null
        ? { txId: Number(row.log_tx_id) }
        : row.log_position !== null
          ? { position: Number(row.log_position) }
          : null,
  };
}

/** The events the given requests committed since their claim (few: one request's). */
export function committedEvents(
  db: Executor,
  requestIds: readonly string[],
  start: ClaimLogStart,
): Promise<CommittedEvent[]> {
  const ids = sql.param([...requestIds]);
  return rows<CommittedEvent>(
    db,
    'txId' in start
      ? sql`select type, subject from events
            where tx_id >= ${start.txId} and request_id = any(${ids}::text[])
            order by tx_id, position limit 1000`
      : // A claim made before claims kept their transaction id: the log has no index on position,
        // so this reads the whole log, once, for a request whose node died across the upgrade.
        sql`select type, subject from events
            where position > ${start.position} and request_id = any(${ids}::text[])
            order by tx_id, position limit 1000`,
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
