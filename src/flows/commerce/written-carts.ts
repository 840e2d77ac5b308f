// The carts this process last wrote through the cart routes, kept for the next change of the same
// cart: a shopper's requests come one after the other (create, add lines, delivery), and each would
// otherwise read back the row the previous one wrote. Safe because every cart write is version-
// checked: a kept cart another process (or another path of this one) changed since makes the write
// refuse without writing, and the route runs once more on a fresh read. Only for a hub that is the
// only process serving its database (one worker, no NATS): with several, a shopper's requests land
// on different processes and the kept copies would mostly be stale.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isAppError, notFound } from '../../kernel/index.js';
import type { Cart, CartsService } from '../../modules/carts/index.js';
import { recordMemoKey, rememberForRequest } from '../../platform/request-memo.js';

/** At most this many carts are kept (~1–2 KB each); the least recently written go first. */
const KEPT_CARTS = 2_000;

export interface WrittenCarts {
  /** Keeps the cart as this process just wrote it (an older version than the one kept is ignored). */
  keep(cart: Cart): void;
  /** The kept cart (forgotten here: the request that takes it writes the next version), or undefined. */
  take(id: string): Cart | undefined;
  /** Whether this cart object came from `take` (so may be stale). */
  wasKept(cart: Cart): boolean;
}

export function createWrittenCarts(limit = KEPT_CARTS): WrittenCarts {
  const carts = new Map<string, Cart>();
  const handedOut = new WeakSet<Cart>();
  return {
    keep(cart) {
      const kept = carts.get(cart.id);
      if (kept && kept.version >= cart.version) return;
      carts.delete(cart.id);
      carts.set(cart.id, cart);
      if (carts.size > limit) carts.delete(carts.keys().next().value as string);
    },
    take(id) {
      const cart = carts.get(id);
      if (!cart) return undefined;
      carts.delete(id);
      handedOut.add(cart);
      return cart;
    },
    wasKept: (cart) => handedOut.has(cart),
  };
}

/**
 * Routes that start from the kept cart: their one write is version-checked and nothing is done
 * before it that a refused write would not undo (checkout is not one: it takes the payment first).
 */
const STARTS_FROM_KEPT = /^(POST \S*\/carts\/:id\/lines|PUT \S*\/carts\/:id\/delivery)$/;

/**
 * Hands a kept cart to the request's channel rule and handler (they take it instead of reading the
 * row); any request naming a cart forgets the kept copy, since it may change the cart.
 */
function handOutKeptCarts(app: FastifyInstance, written: WrittenCarts): void {
  app.addHook('onRequest', async (request) => {
    const id = (request.params as { id?: string } | undefined)?.id;
    if (!id) return;
    const kept = written.take(id);
    if (kept && STARTS_FROM_KEPT.test(`${request.method} ${request.routeConfig.url}`))
      rememberForRequest(request.ctx, recordMemoKey('cart', id), kept);
  });
}

/** What the cart routes do with kept carts; nothing at all when the hub does not keep them. */
export interface KeptCarts {
  /** Keeps the cart a route just wrote. */
  keep(cart: Cart): void;
  /**
   * Runs a change on the cart the request starts from. When that was a kept copy and the change was
   * refused (stale: the version check, or a rule on data someone else changed), the cart is read
   * afresh (another channel's hidden as the channel rule hides it) and the change run once more; a
   * refused change wrote nothing.
   */
  change<T>(request: FastifyRequest, cart: Cart, change: (cart: Cart) => Promise<T>): Promise<T>;
}

export function keptCartsFor(
  app: FastifyInstance,
  carts: Pick<CartsService, 'getCart'>,
  enabled: boolean,
): KeptCarts {
  if (!enabled) return { keep() {}, change: (_request, cart, change) => change(cart) };
  const written = createWrittenCarts();
  handOutKeptCarts(app, written);
  const fresh = async (request: FastifyRequest) => {
    const cart = await carts.getCart(request.ctx, (request.params as { id: string }).id);
    const bound = request.ctx.actor.channelId;
    if (bound && cart.channelId !== bound) throw notFound('cart', cart.id);
    return cart;
  };
  return {
    keep: (cart) => written.keep(cart),
    async change(request, cart, change) {
      if (!written.wasKept(cart)) return change(cart);
      try {
        return await change(cart);
      } catch (err) {
        if (!isAppError(err)) throw err;
        return change(await fresh(request));
      }
    },
  };
}
