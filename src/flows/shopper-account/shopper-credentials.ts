// Where a shopper's session travels: the `omnihub_shopper` cookie (the storefront, same origin,
// httpOnly so page scripts never see it) or `Authorization: Bearer ohs_…` (apps). The resolver
// turns either into the shopper actor for the platform's auth hook.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { findLiveSession, SHOPPER_TOKEN_PREFIX, type ShopperSession } from '../../modules/shoppers/index.js';
import type { Actor } from '../../platform/context.js';
import type { CredentialResolver } from '../../platform/http/route-policy.js';

export const SHOPPER_COOKIE = 'omnihub_shopper';
/** A shopper holds only their own account; every other route refuses these scopes. */
export const SHOPPER_SCOPES = ['account:read', 'account:write'] as const;

function cookieValue(request: FastifyRequest, name: string): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

function bearer(request: FastifyRequest): string | undefined {
  const h = request.headers.authorization;
  return h?.startsWith('Bearer ') ? h.slice(7).trim() : undefined;
}

/**
 * The shopper token the request presents as its credential: a bearer `ohs_` token, or the cookie
 * when no other key is presented (a storefront request carrying its publishable key acts as the
 * key; the cookie then only proves cart ownership, see shopperSessionOf).
 */
export function presentedShopperToken(request: FastifyRequest): string | undefined {
  const token = bearer(request);
  if (token) return token.startsWith(SHOPPER_TOKEN_PREFIX) ? token : undefined;
  if (request.headers['x-api-key']) return undefined;
  return cookieValue(request, SHOPPER_COOKIE);
}

/** The live session behind the request's shopper token or cookie, whatever key it also carries. */
export async function shopperSessionOf(request: FastifyRequest): Promise<ShopperSession | null> {
  const b = bearer(request);
  const token = b?.startsWith(SHOPPER_TOKEN_PREFIX) ? b : cookieValue(request, SHOPPER_COOKIE);
  return token ? findLiveSession(request.ctx, token) : null;
}

export const shopperActor = (session: ShopperSession): Actor => ({
  kind: 'session',
  keyKind: 'shopper',
  id: session.id,
  name: 'shopper',
  scopes: SHOPPER_SCOPES,
  channelId: null,
  profileId: session.profileId,
});

/**
 * For the auth hook: undefined when the request carries no shopper credential, null when it
 * carries one that is unknown, expired or revoked, the shopper actor otherwise.
 */
export function shopperSessionResolver(): CredentialResolver {
  // No promise for a request without a shopper token: every API-key request asks this first.
  return (request) => {
    const token = presentedShopperToken(request);
    if (token === undefined) return undefined;
    return findLiveSession(request.ctx, token).then((session) => (session ? shopperActor(session) : null));
  };
}

/** Secure when the request came over https or the hub is published on https (behind a proxy). */
const secureFlag = (request: FastifyRequest, publicUrl: string | undefined) =>
  request.protocol === 'https' || publicUrl?.startsWith('https:') ? '; Secure' : '';

/** Sets the session cookie: httpOnly, SameSite=Lax, Secure on https, the whole site. */
export function setShopperCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  session: { token: string; expiresAt: Date; publicUrl: string | undefined },
) {
  const { token, expiresAt } = session;
  const secure = secureFlag(request, session.publicUrl);
  reply.header(
    'set-cookie',
    `${SHOPPER_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax; Expires=${expiresAt.toUTCString()}${secure}`,
  );
}

export function clearShopperCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  publicUrl: string | undefined,
) {
  const secure = secureFlag(request, publicUrl);
  reply.header(
    'set-cookie',
    `${SHOPPER_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Expires=Thu, 01 Jan 1970 00:00:00 GMT${secure}`,
  );
}
