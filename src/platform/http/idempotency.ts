// Idempotency-Key on creating POSTs: the first request claims the key; a retry with the same body
// gets the stored response; the same key with another body is refused with 422; a retry while the
// first is still running gets 409. 5xx outcomes and refusals (401/403) are forgotten so the client can retry. Keys belong
// to an authenticated caller: on public routes (Segment ingestion, inbound webhooks, which check
// their own credentials in the handler) the header is ignored, so an unauthenticated request writes
// nothing and cannot claim another caller's key. Keys expire after IDEMPOTENCY_KEY_TTL_MS.
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../kernel/index.js';
import type { Ctx } from '../context.js';
import { firstRow, rows } from '../db/database.js';

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
    const claimed = await firstRow<{ key: string }>(
      db,
      sql`insert into idempotency_keys (actor_id, key, method, path, request_hash, created_at)
          values (${actorId}, ${key}, ${request.method}, ${path}, ${hash}, ${request.ctx.clock.now()})
          on conflict do nothing returning key`,
    );
    if (claimed) {
      request.idempotency = { key, actorId };
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
