// Authentication and authorization, decided by the MATCHED route's declared policy (route-policy.ts),
// never by the URL string: `/%61pi/keys` matches the same route as `/api/keys` and meets the same
// policy. Credentials: an API key (`Authorization: Bearer` or `X-Api-Key`; secret or publishable),
// or a session that a registered credential resolver recognises (shopper, staff). A route without a
// policy stops the hub from starting.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, hasPrefix } from '../../kernel/index.js';
import { cachedApiKey, hasScope, verifyApiKey } from '../auth/api-keys.js';
import { type Actor, inTransaction, withActor } from '../context.js';
import { appendEvent } from '../events/event-log.js';
import { PLATFORM_EVENTS } from '../events/platform.events.js';
import {
  type ChannelRecord,
  type ChannelResolver,
  type ChannelRule,
  type CredentialResolver,
  type CrossChannelAct,
  isPublic,
  type KeyPolicy,
  type RecordChannels,
  type RoutePolicy,
  undeclaredRoutes,
} from './route-policy.js';

export function presentedKey(request: FastifyRequest): string | undefined {
  const h = request.headers.authorization;
  if (h?.startsWith('Bearer ')) return h.slice(7).trim();
  const x = request.headers['x-api-key'];
  return typeof x === 'string' ? x.trim() : undefined;
}

export interface Authorization {
  readonly credentialResolvers: readonly CredentialResolver[];
  readonly channelResolvers: ReadonlyMap<ChannelRecord, ChannelResolver>;
  /** Sessions and other credentials the platform does not issue itself (shopper, staff). */
  addCredentialResolver(resolver: CredentialResolver): void;
  /** How a record kind named in a channel rule finds its channel. */
  setChannelResolver(record: ChannelRecord, resolver: ChannelResolver): void;
  /** Every route added so far with its declared policy (read-only; for the authorization matrix). */
  declaredRoutes(): DeclaredRoute[];
}

export interface DeclaredRoute {
  method: string;
  url: string;
  policy: RoutePolicy | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    authorization: Authorization;
  }
}

/** Collects every route's options as it is added; at ready, any route without a policy stops the start. */
export function trackRoutePolicies(app: FastifyInstance): void {
  const routes: Array<{ method: string | string[]; url: string; config?: unknown }> = [];
  const credentialResolvers: CredentialResolver[] = [];
  const channelResolvers = new Map<ChannelRecord, ChannelResolver>();
  app.decorate('authorization', {
    credentialResolvers,
    channelResolvers,
    addCredentialResolver: (r: CredentialResolver) => void credentialResolvers.push(r),
    setChannelResolver: (k: ChannelRecord, r: ChannelResolver) => void channelResolvers.set(k, r),
    declaredRoutes: () =>
      routes.flatMap((r) =>
        [r.method].flat().map((method) => ({
          method,
          url: r.url,
          policy: (r.config as { policy?: RoutePolicy } | undefined)?.policy,
        })),
      ),
  });
  // Keep the route options themselves: a plugin's own onRoute hook (declarePluginRoutes) runs after
  // this one and may still set the policy.
  app.addHook('onRoute', (route) => void routes.push(route));
  app.addHook('onReady', async () => {
    const missing = undeclaredRoutes(routes);
    if (missing.length) {
      throw new Error(
        `Routes without an access policy (config.policy) refuse to start: ${missing.join('; ')}`,
      );
    }
  });
}

/** The hooks that enforce the matched route's policy (after the request context exists). */
export function registerAuth(app: FastifyInstance): void {
  const { credentialResolvers, channelResolvers } = app.authorization;
  // Callback style: a key the cache knows is decided without waiting, so the common request costs
  // no promise here.
  app.addHook('onRequest', (request, _reply, done) => {
    if (request.is404) return done();
    const policy = request.routeConfig.policy;
    if (!policy) return done(new AppError('internal', 'This route declares no access policy'));
    if (isPublic(policy)) return done();
    const admit = (actor: Actor) => {
      authorize(actor, policy);
      request.ctx = withActor(request.ctx, actor);
    };
    const actor = authenticate(request, credentialResolvers);
    if (actor instanceof Promise) {
      actor.then(admit).then(() => done(), done);
      return;
    }
    admit(actor);
    done();
  });

  // Before the body is validated: a record of another channel answers the same 404 whatever is sent.
  app.addHook('preValidation', (request, _reply, done) => {
    const policy = request.routeConfig.policy;
    if (!policy || isPublic(policy) || typeof policy.channel !== 'object') return done();
    if (!request.ctx.actor.channelId) return done();
    guardRecordChannel(request, policy.channel, channelResolvers).then(() => done(), done);
  });
}

async function guardRecordChannel(
  request: FastifyRequest,
  rule: Exclude<ChannelRule, string>,
  channelResolvers: ReadonlyMap<ChannelRecord, ChannelResolver>,
): Promise<void> {
  const actor = request.ctx.actor;
  const id = (request.params as Record<string, string> | undefined)?.[rule.param];
  const resolve = channelResolvers.get(rule.record);
  if (!id || !resolve) throw new AppError('internal', `No channel resolver for ${rule.record}`);
  const record = await resolve(request, id);
  // Unknown records are the handler's 404 to give; another channel's order or cart is hidden the same way.
  if (!record || record.channelId === actor.channelId) return;
  if (rule.act && (await actAllows(rule.act, request, actor, record, channelResolvers))) {
    await recordCrossChannelAct(request, rule.act, rule.record, id, record);
    return;
  }
  if (rule.record === 'channel') {
    // Channels are no secret: naming another one is refused as such.
    throw new AppError('channel_forbidden', `This key acts only as channel ${actor.channelId}`, {
      details: { boundChannel: actor.channelId, requestedChannel: record.channelId },
    });
  }
  throw new AppError('not_found', `No ${rule.record.replace('_', ' ')} ${id}`);
}

/**
 * The caller's actor: a session a resolver recognises, else the API key presented. Synchronous when
 * no resolver has to wait and the key's verdict is cached; a promise otherwise.
 */
function authenticate(
  request: FastifyRequest,
  resolvers: readonly CredentialResolver[],
  from = 0,
): Actor | Promise<Actor> {
  for (let i = from; i < resolvers.length; i++) {
    const found = resolvers[i]!(request);
    if (found instanceof Promise) {
      return found.then((actor) =>
        actor === undefined ? authenticate(request, resolvers, i + 1) : sessionActor(actor),
      );
    }
    if (found !== undefined) return sessionActor(found);
  }
  const secret = presentedKey(request);
  if (!secret) throw new AppError('unauthenticated', 'Send an API key as `Authorization: Bearer <key>`');
  const cached = cachedApiKey(secret);
  if (cached !== undefined) return keyActor(cached);
  return verifyApiKey(request.ctx.database.db, secret, request.ctx.clock.now()).then(keyActor);
}

function sessionActor(actor: Actor | null): Actor {
  if (actor === null) throw new AppError('unauthenticated', 'The session is unknown or has expired');
  return actor;
}

function keyActor(actor: Actor | null): Actor {
  if (!actor) throw new AppError('unauthenticated', 'The API key is unknown or revoked');
  return actor;
}

function authorize(actor: Actor, policy: KeyPolicy): void {
  const kind = actor.keyKind ?? 'secret';
  if (!policy.keys.includes(kind)) {
    throw new AppError('key_kind_forbidden', `A ${kind} credential cannot call this route`, {
      details: { keyKind: kind, acceptedKinds: policy.keys },
    });
  }
  if (policy.scope !== null && !hasScope(actor.scopes, policy.scope)) {
    throw new AppError('forbidden', `This route needs the scope ${policy.scope}`, {
      details: { requiredScope: policy.scope },
    });
  }
  if (policy.channel === 'unbound' && actor.channelId) {
    throw new AppError('channel_forbidden', 'This route acts for every channel; use a key not bound to one', {
      details: { boundChannel: actor.channelId },
    });
  }
}

async function actAllows(
  act: CrossChannelAct,
  request: FastifyRequest,
  actor: Actor,
  record: RecordChannels,
  resolvers: ReadonlyMap<ChannelRecord, ChannelResolver>,
): Promise<boolean> {
  const kind = actor.keyKind ?? 'secret';
  switch (act) {
    case 'cart.handoff': {
      // Whoever holds the cart's handoff code (shown to its shopper) may take it to their channel.
      const code = (request.body as { handoffCode?: unknown } | undefined)?.handoffCode;
      return typeof code === 'string' && code.length > 0 && code === record.handoffCode;
    }
    case 'till.fulfil-at-own-store': {
      if (kind === 'publishable') return false;
      const own = await tillStores(request, resolvers);
      return !!record.fulfilmentLocationIds?.some((id) => own.includes(id));
    }
    case 'till.return-any-channel': {
      if (kind === 'publishable') return false;
      const own = await resolvers.get('channel')?.(request, actor.channelId!);
      return own?.channelType === 'store';
    }
  }
}

/** The store locations of the caller's till: a key bound to a store channel; none for other keys. */
async function tillStores(
  request: FastifyRequest,
  resolvers: ReadonlyMap<ChannelRecord, ChannelResolver>,
): Promise<readonly string[]> {
  const bound = request.ctx.actor.channelId;
  if (!bound) return [];
  const own = await resolvers.get('channel')?.(request, bound);
  return own?.channelType === 'store' ? (own.storeLocationIds ?? []) : [];
}

/** The store locations of the calling till (a key bound to a store channel); empty for other keys. */
export const tillStoreLocations = (request: FastifyRequest): Promise<readonly string[]> =>
  tillStores(request, request.server.authorization.channelResolvers);

/**
 * What a channel-bound caller may see of fulfilment tasks: its channel's orders, and for a till the
 * tasks at its own store (click & collect orders of other channels picked up there). Unbound: all.
 */
export async function fulfilmentTasksVisibleTo(
  request: FastifyRequest,
): Promise<{ channelId: string; locationIds: readonly string[] } | undefined> {
  const bound = request.ctx.actor.channelId;
  if (!bound) return undefined;
  return {
    channelId: bound,
    locationIds: await tillStoreLocations(request),
  };
}

/** Each cross-channel act is recorded with the key and channel that made it. */
async function recordCrossChannelAct(
  request: FastifyRequest,
  act: CrossChannelAct,
  record: ChannelRecord,
  id: string,
  channels: RecordChannels,
) {
  const actor = request.ctx.actor;
  await inTransaction(request.ctx, (tx) =>
    appendEvent(tx, {
      type: PLATFORM_EVENTS.crossChannelAct,
      subject: id,
      channelId: actor.channelId,
      payload: {
        act,
        record,
        recordId: id,
        recordChannelId: channels.channelId,
        keyId: actor.id,
        keyChannelId: actor.channelId,
        route: `${request.method} ${request.routeOptions.url}`,
      },
    }),
  );
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

/**
 * channelFor for a channel the caller names (query or body), by id or by code: the code is resolved
 * to its id first, so a bound key naming its own channel by code passes and naming another channel by
 * either spelling is refused 403 `channel_forbidden`, never answered with the key's own data.
 * An unknown channel of an unbound key is passed on as named (the handler answers 404 or 422).
 */
export async function channelScope(
  request: FastifyRequest,
  requested?: string | null,
): Promise<string | null> {
  const bound = request.ctx.actor.channelId;
  if (!requested || requested === bound) return channelFor(request, null);
  if (!bound && hasPrefix(requested, 'chn')) return requested;
  const resolve = request.server.authorization.channelResolvers.get('channel');
  const found = resolve ? await resolve(request, requested) : null;
  return channelFor(request, found?.channelId ?? requested);
}

/**
 * The id of a channel a route names in its path, by id or by code: unknown is 404 `not_found`; a
 * channel-bound key naming another channel is refused 403 (channelFor). Routes whose records are
 * keyed by channel id never see a code.
 */
export async function namedChannel(request: FastifyRequest, idOrCode: string): Promise<string> {
  const resolve = request.server.authorization.channelResolvers.get('channel');
  const found = resolve ? await resolve(request, idOrCode) : null;
  if (!found?.channelId) throw new AppError('not_found', `There is no channel ${idOrCode}`);
  return channelFor(request, found.channelId)!;
}

export const registerCredentialResolver = (app: FastifyInstance, resolver: CredentialResolver): void =>
  app.authorization.addCredentialResolver(resolver);
