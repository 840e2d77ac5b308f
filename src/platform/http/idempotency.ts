// Idempotency-Key on creating POSTs: the first request claims the key; a retry with the same body
// gets the stored response; the same key with another body is refused with 422; a retry while the
// first is still running gets 409. 5xx outcomes and refusals (401/403) are forgotten so the client can retry. Keys belong
// to an authenticated caller: on public routes (Segment ingestion, inbound webhooks, which check
// their own credentials in the handler) the header is ignored, so an unauthenticated request writes
// nothing and cannot claim another caller's key. Keys expire after IDEMPOTENCY_KEY_TTL_MS.
// A running claim is leased to its node and kept by the node's heartbeat: when the node dies
// mid-request (kill -9), a retry after the lease may run the request again (a checkout finds its
// cart checked out and answers with that order) instead of getting 409 for a day.
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../kernel/index.js';
import type { Ctx } from '../context.js';
import { type Database, firstRow, rows } from '../db/database.js';
import { LEASE_MS, onHeartbeat } from '../events/lease-heartbeat.js';

/** A stored outcome is replayed for this long, then deleted by the hub's expiry job. */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 3_600_000;

declare module 'fastify' {
  interface FastifyRequest {
    idempotency?: { key: string; actorId: string };
  }
}

const KEY_SHAPE = /^[\x21-\x7e]{1,255}$/;

export function registerIdempotency(app: FastifyInstance): void {
  app.addHook('preHandler', async (request, reply) => {
    // No route, no claim: a request to an unknown path writes nothing.
    if (request.method !== 'POST' || request.is404) return;
    const key = request.headers['idempotency-key'];
    if (key === undefined || request.ctx.actor.kind === 'anonymous') return;
    if (typeof key !== 'string' || !KEY_SHAPE.test(key)) {
      throw new AppError('validation_failed', 'Idempotency-Key must be 1–255 visible ASCII characters', {
        issues: [{ path: 'headers.idempotency-key', message: 'invalid' }],
      });
    }
    if (isStreamedBody(request.body)) {
      // A streamed upload (e.g. an import file) cannot be hashed without buffering it whole.
      throw new AppError('validation_failed', 'Idempotency-Key is not supported on streamed uploads', {
        issues: [{ path: 'headers.idempotency-key', message: 'not supported for this route' }],
      });
    }
    const actorId = request.ctx.actor.id;
    const path = request.routeOptions.url ?? request.url;
    const hash = createHash('sha256')
      .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`)
      .digest('hex');
    const db = request.ctx.database.db;
    const lease = sql`now() + ${`${LEASE_MS} milliseconds`}::interval`;
    const claimed =
      (await firstRow<{ key: string }>(
        db,
        sql`insert into idempotency_keys (actor_id, key, method, path, request_hash, created_at, lease_until)
            values (${actorId}, ${key}, ${request.method}, ${path}, ${hash}, ${request.ctx.clock.now()}, ${lease})
            on conflict do nothing returning key`,
      )) ??
      // The same request whose node died while running it: take the claim over.
      (await firstRow<{ key: string }>(
        db,
        sql`update idempotency_keys set lease_until = ${lease}
            where actor_id = ${actorId} and key = ${key} and request_hash = ${hash} and status_code is null
              and coalesce(lease_until, created_at + interval '1 minute') < now()
            returning key`,
      ));
    if (claimed) {
      request.idempotency = { key, actorId };
      holdClaim(request.ctx.database, request.idempotency);
      return;
    }
    const stored = await firstRow<{
      request_hash: string;
      status_code: number | null;
      response_body: string | null;
      content_type: string | null;
    }>(
      db,
      sql`select request_hash, status_code, response_body, content_type from idempotency_keys
          where actor_id = ${actorId} and key = ${key}`,
    );
    if (!stored) throw new AppError('idempotency_in_progress', 'Retry the request');
    if (stored.request_hash !== hash) {
      throw new AppError(
        'idempotency_key_reused',
        'This Idempotency-Key was already used with a different request',
      );
    }
    if (stored.status_code === null) throw new AppError('idempotency_in_progress');
    reply.header('idempotent-replayed', 'true');
    if (stored.content_type) reply.header('content-type', stored.content_type);
    return reply.code(stored.status_code).send(stored.response_body ?? '');
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const claim = request.idempotency;
    if (!claim) return payload;
    releaseClaim(request.ctx.database, claim);
    const db = request.ctx.database.db;
    // Server errors and refusals (401/403) are forgotten: a refused request writes nothing, and the
    // client may retry once it may.
    if (reply.statusCode >= 500 || reply.statusCode === 401 || reply.statusCode === 403) {
      await db.execute(
        sql`delete from idempotency_keys where actor_id = ${claim.actorId} and key = ${claim.key}`,
      );
    } else {
      const body =
        typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString('utf8') : '';
      const type = reply.getHeader('content-type');
      await db.execute(
        sql`update idempotency_keys set status_code = ${reply.statusCode}, response_body = ${body},
              content_type = ${typeof type === 'string' ? type : null}
            where actor_id = ${claim.actorId} and key = ${claim.key}`,
      );
    }
    return payload;
  });
}

/** Claims of requests running on this node, per database: the heartbeat extends their leases. */
interface Running {
  claims: Set<{ key: string; actorId: string }>;
  stop(): void;
}
const running = new WeakMap<Database, Running>();

function holdClaim(database: Database, claim: { key: string; actorId: string }) {
  let held = running.get(database);
  if (!held) {
    const claims = new Set<{ key: string; actorId: string }>();
    // One statement per beat for all of them.
    const stop = onHeartbeat(database, async () => {
      const list = [...claims];
      if (list.length === 0) return;
      await database.db.execute(
        sql`update idempotency_keys
            set lease_until = now() + ${`${LEASE_MS} milliseconds`}::interval
            from unnest(${sql.param(list.map((c) => c.actorId))}::text[], ${sql.param(list.map((c) => c.key))}::text[])
              as h(actor_id, key)
            where idempotency_keys.actor_id = h.actor_id and idempotency_keys.key = h.key
              and idempotency_keys.status_code is null`,
      );
    });
    held = { claims, stop };
    running.set(database, held);
  }
  held.claims.add(claim);
}

function releaseClaim(database: Database, claim: { key: string; actorId: string }) {
  const held = running.get(database);
  if (!held) return;
  held.claims.delete(claim);
  if (held.claims.size > 0) return;
  held.stop();
  running.delete(database);
}

const isStreamedBody = (body: unknown): boolean =>
  typeof body === 'object' && body !== null && typeof (body as { pipe?: unknown }).pipe === 'function';

/** Deletes keys older than the TTL (by ctx.clock), in batches; returns how many. */
export async function deleteExpiredIdempotencyKeys(
  ctx: Ctx,
  opts: { ttlMs?: number; batchSize?: number } = {},
): Promise<number> {
  const cutoff = new Date(ctx.clock.now().getTime() - (opts.ttlMs ?? IDEMPOTENCY_KEY_TTL_MS));
  const batchSize = opts.batchSize ?? 1000;
  let deleted = 0;
  for (;;) {
    const gone = await rows<{ key: string }>(
      ctx.db,
      sql`delete from idempotency_keys where (actor_id, key) in (
            select actor_id, key from idempotency_keys where created_at < ${cutoff} limit ${batchSize})
          returning key`,
    );
    deleted += gone.length;
    if (gone.length < batchSize) return deleted;
  }
}
