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
export type ChannelRecord = 'order' | 'cart' | 'fulfilment' | 'channel' | 'store_credit';

/**
 * The omnichannel moves that cross channels on purpose, each narrow and recorded with the key and
 * channel that made it: a till takes a return of any channel's order, hands over a pickup whose
 * pickup store is its own, and takes over a cart by its handoff code.
 */
export type CrossChannelAct = 'till.return-any-channel' | 'till.pickup-handover' | 'till.cart-handoff';

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
  /** Scope the credential must hold (`admin` holds every scope; `x:write` holds `x:read`). */
  scope: string;
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

/**
 * Resolves credentials of a kind the platform does not issue itself (shopper and staff sessions):
 * `undefined` when the request carries none of its kind, `null` when it carries one that is invalid
 * or expired, the actor otherwise.
 */
export type CredentialResolver = (request: FastifyRequest) => Promise<Actor | null | undefined>;

/** The channel(s) a record belongs to (empty when the record does not exist). */
export type ChannelResolver = (request: FastifyRequest, id: string) => Promise<RecordChannels | null>;

export interface RecordChannels {
  /** The channel the record was made on. */
  channelId: string | null;
  /** For a pickup: the channels of the store it is picked up at (the handover act checks these). */
  pickupChannelIds?: readonly string[];
  /** For a cart: its handoff code, which lets a till on another channel take it over. */
  handoffCode?: string | null;
}

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
    typeof o.scope === 'string' &&
    Array.isArray(o.keys) &&
    o.keys.length > 0 &&
    o.keys.every((k) => (KEY_KINDS as readonly string[]).includes(k as string)) &&
    (typeof o.channel === 'string' || (typeof o.channel === 'object' && o.channel !== null))
  );
}
