// Who may use a cart through a publishable key (a browser or app): whoever holds the cart token it
// was given when it made the cart (header X-Cart-Token), or the signed-in shopper the cart belongs
// to. Secret and staff keys are not asked: their channel rules govern them. The one check, used by
// the carts routes' preHandler before any handler reads or writes.
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../kernel/index.js';
import { type CartsService, cartTokenMatches } from '../../modules/carts/index.js';
import { shopperSessionOf } from '../shopper-account/index.js';

export const CART_TOKEN_HEADER = 'x-cart-token';

export interface CartOwnership {
  profileId: string | null;
  tokenHash: string | null;
}

export interface CartCaller {
  keyKind: string | undefined;
  /** The X-Cart-Token header, if any. */
  cartToken: string | undefined;
  /** The profile of the shopper signed in on this browser or app, if any. */
  shopperProfileId: string | null;
}

/** The rule itself, without I/O. */
export function cartAccessAllowed(caller: CartCaller, cart: CartOwnership): boolean {
  if (caller.keyKind !== 'publishable') return true;
  if (cartTokenMatches(caller.cartToken, cart.tokenHash)) return true;
  return caller.shopperProfileId !== null && cart.profileId === caller.shopperProfileId;
}

export const presentedCartToken = (request: FastifyRequest): string | undefined => {
  const h = request.headers[CART_TOKEN_HEADER];
  return typeof h === 'string' && h.length > 0 ? h : undefined;
};

/**
 * Refuses (403 cart_not_owned) a publishable key's request on a cart it does not own. An unknown
 * cart passes here and is the handler's 404.
 */
export function createCartAccessCheck(carts: Pick<CartsService, 'ownershipOf'>) {
  return async function assertCartAccess(request: FastifyRequest, cartId: string): Promise<void> {
    if (request.ctx.actor.keyKind !== 'publishable') return;
    const owner = await carts.ownershipOf(request.ctx, cartId);
    if (!owner) return;
    const caller: CartCaller = {
      keyKind: request.ctx.actor.keyKind,
      cartToken: presentedCartToken(request),
      shopperProfileId: owner.profileId ? ((await shopperSessionOf(request))?.profileId ?? null) : null,
    };
    if (!cartAccessAllowed(caller, owner)) {
      throw new AppError('cart_not_owned', 'Send the cart token this cart was created with (X-Cart-Token)', {
        details: { cartId },
      });
    }
  };
}
