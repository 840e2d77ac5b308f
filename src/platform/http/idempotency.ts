// Idempotency-Key on creating POSTs: the first request claims the key; a retry with the same body
// gets the stored response; the same key with another body is refused with 422; a retry while the
// first is still running gets 409. 5xx outcomes and refusals (401/403) are forgotten so the client can retry. Keys belong
// to an authenticated caller: on public routes (Segment ingestion, inbound webhooks, which check
// their own credentials in the handler) the header is ignored, so an unauthenticated request writes
// nothing and cannot claim another caller's key. Keys expire after IDEMPOTENCY_KEY_TTL_MS.
// A running claim is leased to its node and kept by the node's heartbeat. When the node dies
// mid-request (kill -9), a retry after the lease looks for the events the first request committed:
// none, and it runs again; some (it died between its commit and storing its response), and running
// again would apply it twice, so the route's `lostResponse` answers instead (e.g. the cart as it is
// now), or 409 idempotency_response_lost says it was done.
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../kernel/index.js';
import type { Ctx } from '../context.js';
import type { Database } from '../db/database.js';
import { onHeartbeat } from '../events/lease-heartbeat.js';
import {
  type ClaimKey,
  type ClaimLogStart,
  type CommittedEvent,
  committedEvents,
  deleteKeysBefore,
  extendLeases,
  forgetClaim,
  insertClaim,
  type NewClaim,
  readOutcome,
  storeOutcome,
  takeOverClaim,
} from './idempotency.repository.js';

export type { CommittedEvent } from './idempotency.repository.js';

/** A stored outcome is replayed for this long, then deleted by the hub's expiry job. */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 3_600_000;

/**
 * What a retry gets when the first request's writes committed but its node died before the response
 * was stored: `run-again` for a route that finds its own work done (checkout answers with the order
 * it placed); or the response to send now, made from what committed.
 */
export type LostResponse =
  | 'run-again'
  | ((
      request: FastifyRequest,
      committed: readonly CommittedEvent[],
    ) => Promise<{ status: number; body: unknown } | undefined>);

declare module 'fastify' {
  interface FastifyRequest {
    /** recovered: this run follows one whose writes committed and whose response was lost. */
    idempotency?: ClaimKey & { recovered?: boolean };
  }
  interface FastifyContextConfig {
    lostResponse?: LostResponse;
  }
}

const KEY_SHAPE = /^[\x21-\x7e]{1,255}$/;

export function registerIdempotency(app: FastifyInstance): void {
  // Callback style: most requests carry no key and pass without a promise.
  app.addHook('preHandler', (request, reply, done) => {
    // No route, no claim: a request to an unknown path writes nothing.
    if (request.method !== 'POST' || request.is404) return done();
    const key = request.headers['idempotency-key'];
    if (key === undefined || request.ctx.actor.kind === 'anonymous') return done();
    // A replayed (or recovered) response is sent by claimKey: the hook chain then ends there.
    claimKey(request, reply, key).then((answered) => {
      if (!answered) done();
    }, done);
  });

  app.addHook('onSend', (request, reply, payload, done) => {
    const claim = request.idempotency;
    if (!claim) return done(null, payload);
    settleClaim(request, reply, claim, payload).then(() => done(null, payload), done);
  });
}

/** Claims the key for this request, or answers it from the claim's stored outcome (true: answered). */
async function claimKey(
  request: FastifyRequest,
  reply: FastifyReply,
  key: string | string[],
): Promise<boolean> {
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
  const claim: NewClaim = {
    actorId: request.ctx.actor.id,
    key,
    method: request.method,
    path: request.routeConfig.url ?? request.url,
    hash: createHash('sha256')
      .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`)
      .digest('hex'),
    requestId: request.ctx.requestId,
    now: request.ctx.clock.now(),
  };
  const db = request.ctx.database.db;
  if (await insertClaim(db, claim)) {
    hold(request, { actorId: claim.actorId, key });
    return false;
  }
  const takenOver = await takeOverClaim(db, claim);
  if (takenOver) return recover(request, reply, claim, takenOver);
  const stored = await readOutcome(db, claim);
  if (!stored) throw new AppError('idempotency_in_progress', 'Retry the request');
  if (stored.request_hash !== claim.hash) {
    throw new AppError(
      'idempotency_key_reused',
      'This Idempotency-Key was already used with a different request',
    );
  }
  if (stored.status_code === null) throw new AppError('idempotency_in_progress');
  reply.header('idempotent-replayed', 'true');
  if (stored.content_type) reply.header('content-type', stored.content_type);
  reply.code(stored.status_code).send(stored.response_body ?? '');
  return true;
}

/** Stores the response for retries, or forgets the claim when the client may try again. */
async function settleClaim(request: FastifyRequest, reply: FastifyReply, claim: ClaimKey, payload: unknown) {
  releaseClaim(request.ctx.database, claim);
  const db = request.ctx.database.db;
  // Server errors and refusals (401/403) are forgotten: a refused request writes nothing, and the
  // client may retry once it may.
  if (reply.statusCode >= 500 || reply.statusCode === 401 || reply.statusCode === 403) {
    await forgetClaim(db, claim);
  } else {
    const body =
      typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString('utf8') : '';
    const type = reply.getHeader('content-type');
    await storeOutcome(db, claim, {
      status: reply.statusCode,
      body,
      contentType: typeof type === 'string' ? type : null,
    });
  }
}

function hold(request: FastifyRequest, claim: ClaimKey & { recovered?: boolean }): void {
  request.idempotency = claim;
  holdClaim(request.ctx.database, claim);
}

/** A retry that took over the claim of a request whose node died. */
async function recover(
  request: FastifyRequest,
  reply: FastifyReply,
  claim: NewClaim,
  prev: { requestIds: string[] | null; logStart: ClaimLogStart | null },
): Promise<boolean> {
  const { actorId, key } = claim;
  const committed =
    prev.requestIds && prev.logStart !== null
      ? await committedEvents(request.ctx.database.db, prev.requestIds, prev.logStart)
      : [];
  // Nothing of it committed: running it again applies it once.
  if (committed.length === 0) {
    hold(request, { actorId, key });
    return false;
  }
  hold(request, { actorId, key, recovered: true });
  const lost = request.routeConfig.lostResponse;
  if (lost === 'run-again') return false;
  const answer = lost ? await lost(request, committed) : undefined;
  // Stored by onSend like any response, so later retries get the same answer.
  if (!answer) throw new AppError('idempotency_response_lost');
  reply.code(answer.status).send(answer.body);
  return true;
}

/** Claims of requests running on this node, per database: the heartbeat extends their leases. */
interface Running {
  claims: Set<ClaimKey>;
  stop(): void;
}
const running = new WeakMap<Database, Running>();

function holdClaim(database: Database, claim: ClaimKey) {
  let held = running.get(database);
  if (!held) {
    const claims = new Set<ClaimKey>();
    // One statement per beat for all of them.
    const stop = onHeartbeat(database, async () => {
      const list = [...claims];
      if (list.length > 0) await extendLeases(database.db, list);
    });
    held = { claims, stop };
    running.set(database, held);
  }
  held.claims.add(claim);
}

function releaseClaim(database: Database, claim: ClaimKey) {
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
    const gone = await deleteKeysBefore(ctx.db, cutoff, batchSize);
    deleted += gone;
    if (gone < batchSize) return deleted;
  }
}
