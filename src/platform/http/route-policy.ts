// Who may call a route, declared next to its schema and enforced by one hook (auth-hook.ts) from the
// MATCHED route's declaration, never from the URL string. A route that declares nothing stops the
// hub from starting (see assertEveryRouteDeclared).
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../context.js';

/**
 * The kinds of credential: `secret` API keys (admin, integrations, tills), `publishable` keys
 * (storefronts and apps; bound to a channel, safe to ship in a browser), `shopper` sessions (a
 * signed-in customer, from an emailed code) and `staff` sessions (agents, clerks, managers).
 */
export const KEY_KINDS = ['secret', 'publishable', 'shopper', 'staff'] as const;
export type KeyKind = (typeof KEY_KINDS)[number];

/**
 * Records whose channel decides whether a channel-bound key may touch them. The hook resolves the
 * record named by a path parameter to its channel through a resolver the composition root registers.
 */
export type ChannelRecord = 'order' | 'cart' | 'fulfilment' | 'channel' | 'store_credit' | 'reservation';

/**
 * The omnichannel moves that cross channels on purpose, each narrow and recorded with the key and
 * channel that made it: a till takes a return of any channel's order, takes payment for and marks
 * ready / ships / hands over an order or fulfilment whose
 * pickup store is its own, and any channel takes over a cart whose handoff code it was given.
 */
export type CrossChannelAct = 'till.return-any-channel' | 'till.fulfil-at-own-store' | 'cart.handoff';

export type ChannelRule =
  /** Bound keys may call; the handler acts only within ctx.channelId (lists filter by it). */
  | 'own'
  /** Only keys bound to no channel (retailer-wide configuration and data). */
  | 'unbound'
  /** Not about channels (the caller's own identity, public reference data). */
  | 'none'
  /** The record named by `param` must belong to the key's channel, unless `act` allows otherwise. */
  | { record: ChannelRecord; param: string; act?: CrossChannelAct };

export interface KeyPolicy {
  /**
   * Scope the credential must hold (`admin` holds every scope; `x:write` holds `x:read`); null: any
   * valid credential of the listed kinds (e.g. "who am I").
   */
  scope: string | null;
  /** The kinds of credential that may call the route at all. */
  keys: readonly KeyKind[];
  channel: ChannelRule;
}

export interface PublicPolicy {
  public: true;
  /** Why anyone may call it (health probes, signed inbound webhooks, docs). */
  why: string;
}

export type RoutePolicy = KeyPolicy | PublicPolicy;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call this route. Required on every route: the hub refuses to start without it. */
    policy?: RoutePolicy;
  }
}

export const isPublic = (p: RoutePolicy): p is PublicPolicy => 'public' in p && p.public === true;

/** Common key sets, so declarations read as intent. */
export const SECRET_KEYS: readonly KeyKind[] = ['secret', 'staff'];
export const BROWSER_KEYS: readonly KeyKind[] = ['secret', 'staff', 'publishable'];

/** A public route: say why. */
export const publicRoute = (why: string): PublicPolicy => ({ public: true, why });

/** Server-side credentials only (secret keys, staff sessions). */
export const secretKeys = (scope: string | null, channel: ChannelRule): KeyPolicy => ({
  scope,
  keys: SECRET_KEYS,
  channel,
});

/** Also callable from browsers and apps with the channel's publishable key. */
export const browserKeys = (scope: string | null, channel: ChannelRule): KeyPolicy => ({
  scope,
  keys: BROWSER_KEYS,
  channel,
});

/** The record named by path parameter `param` must be of the key's channel (or `act` allows it). */
export const onRecord = (record: ChannelRecord, param = 'id', act?: CrossChannelAct): ChannelRule =>
  act ? { record, param, act } : { record, param };

/**
 * Resolves credentials of a kind the platform does not issue itself (shopper and staff sessions):
 * `undefined` when the request carries none of its kind, `null` when it carries one that is invalid
 * or expired, the actor otherwise. Answer without a promise when the request carries none: every
 * API-key request asks each resolver first.
 */
export type CredentialResolver = (
  request: FastifyRequest,
) => Actor | null | undefined | Promise<Actor | null | undefined>;

/** The channel(s) a record belongs to (empty when the record does not exist). */
export type ChannelResolver = (request: FastifyRequest, id: string) => Promise<RecordChannels | null>;

export interface RecordChannels {
  /** The channel the record was made on (for a channel: itself). */
  channelId: string | null;
  /** For a channel: its type (a till's acts need a store channel). */
  channelType?: string;
  /** For an order or fulfilment: the store locations it is picked up at or shipped from. */
  fulfilmentLocationIds?: readonly string[];
  /** For a channel: the store locations that are its own (a till's store). */
  storeLocationIds?: readonly string[];
  /** For a cart: its handoff code, which lets a till on another channel take it over. */
  handoffCode?: string | null;
}

/**
 * An onRoute hook for a third-party plugin's routes (static files, API docs UI) registered inside
 * an encapsulating plugin: they get this policy unless they declare their own.
 */
export const declarePluginRoutes =
  (policy: RoutePolicy) =>
  (route: { config?: unknown }): void => {
    const config = (route.config ?? {}) as { policy?: RoutePolicy };
    config.policy ??= policy;
    route.config = config;
  };

/** Routes whose policy is missing or malformed, as `METHOD url` lines. */
export function undeclaredRoutes(
  routes: Array<{ method: string | string[]; url: string; config?: unknown }>,
) {
  return routes
    .filter((r) => !validPolicy((r.config as { policy?: unknown } | undefined)?.policy))
    .map((r) => `${[r.method].flat().join(',')} ${r.url}`);
}

function validPolicy(p: unknown): boolean {
  if (!p || typeof p !== 'object') return false;
  const o = p as Record<string, unknown>;
  if (o.public === true) return typeof o.why === 'string' && o.why.length > 0;
  return (
    (typeof o.scope === 'string' || o.scope === null) &&
    Array.isArray(o.keys) &&
    o.keys.length > 0 &&
    o.keys.every((k) => (KEY_KINDS as readonly string[]).includes(k as string)) &&
    (typeof o.channel === 'string' || (typeof o.channel === 'object' && o.channel !== null))
  );
}
