// Authentication and authorization for /api routes: a key by `Authorization: Bearer` or
// `X-Api-Key`; the route's `config.scope` names the scope it needs. Routes opt out with
// `config.auth = 'none'` (health, ingestion with its own write keys).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../kernel/index.js';
import { hasScope, verifyApiKey } from '../auth/api-keys.js';
import { type Actor, withActor } from '../context.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Scope the caller's key must hold; omitted = any valid key. */
    scope?: string;
    /** 'none' = public route. Default: a key is required under /api/. */
    auth?: 'none' | 'key';
  }
}

export function presentedKey(request: FastifyRequest): string | undefined {
  const h = request.headers.authorization;
  if (h?.startsWith('Bearer ')) return h.slice(7).trim();
  const x = request.headers['x-api-key'];
  return typeof x === 'string' ? x.trim() : undefined;
}

export function registerAuth(app: FastifyInstance): void {
  app.addHook('preHandler', async (request) => {
    const config = request.routeOptions.config;
    const needsKey = config.auth === 'key' || (config.auth !== 'none' && request.url.startsWith('/api/'));
    if (!needsKey) return;
    const secret = presentedKey(request);
    if (!secret) throw new AppError('unauthenticated', 'Send an API key as `Authorization: Bearer <key>`');
    const actor: Actor | null = await verifyApiKey(request.ctx.database.db, secret);
    if (!actor) throw new AppError('unauthenticated', 'The API key is unknown or revoked');
    if (config.scope && !hasScope(actor.scopes, config.scope)) {
      throw new AppError('forbidden', `This route needs the scope ${config.scope}`, {
        details: { requiredScope: config.scope },
      });
    }
    request.ctx = withActor(request.ctx, actor);
  });
}

/**
 * The channel a request acts for: a channel-bound key always acts as its channel, and asking for
 * another one is refused; an unbound key may name one.
 */
export function channelFor(request: FastifyRequest, requested?: string | null): string | null {
  const bound = request.ctx.actor.channelId;
  if (bound) {
    if (requested && requested !== bound) {
      throw new AppError('channel_forbidden', `This key acts only as channel ${bound}`, {
        details: { boundChannel: bound, requestedChannel: requested },
      });
    }
    return bound;
  }
  return requested ?? null;
}
