// Stock behind carts, through the inventory module: a cart hold per added line (TTL), finding the
// holds that expired or were released, and releasing a cart's holds.
import { isAppError } from '../../kernel/index.js';
import type { Cart, CartHold } from '../../modules/carts/index.js';
import type { Ctx } from '../../platform/context.js';
import type { CommerceDeps } from './commerce.deps.js';
import { insufficientStock } from './commerce.deps.js';

const LIVE = new Set(['held', 'allocated']);

/** Holds `quantity` of a SKU for a cart on its channel; insufficient stock is a 409 problem. */
export async function holdForCart(
  deps: CommerceDeps,
  ctx: Ctx,
  cart: Cart,
  sku: string,
  quantity: number,
): Promise<CartHold> {
  const r = await deps.inventory.reserve(ctx, {
    sku,
    quantity,
    kind: 'cart_hold',
    channelId: cart.channelId,
    reference: cart.id,
    ...(deps.cartHoldSeconds ? { ttlSeconds: deps.cartHoldSeconds } : {}),
  });
  if (!r.ok) throw insufficientStock(r, 'added to the cart');
  const res = r.value.reservation;
  return { reservationId: res.id, quantity: res.quantity, expiresAt: res.expiresAt };
}

/** The cart's holds that are no longer live (expired or released), by one query on the ledger. */
export async function lostHolds(deps: CommerceDeps, ctx: Ctx, cart: Cart): Promise<Set<string>> {
  const ids = cart.lines.flatMap((l) => l.holds.map((h) => h.reservationId));
  if (ids.length === 0) return new Set();
  const found = await deps.inventory.listReservations(ctx, { reference: cart.id, limit: 1000 });
  const live = new Set(found.filter((r) => LIVE.has(r.status)).map((r) => r.id));
  // Holds merged in from another cart carry that cart's reference: ask for them one by one.
  const unknown = ids.filter((id) => !found.some((r) => r.id === id));
  for (const id of unknown) {
    const r = await deps.inventory.getReservation(ctx, id).catch(() => undefined);
    if (r && LIVE.has(r.status)) live.add(id);
  }
  return new Set(ids.filter((id) => !live.has(id)));
}

/** Marks lines whose holds expired; returns the fresh cart and which lines lost their hold. */
export async function refreshHolds(deps: CommerceDeps, ctx: Ctx, cart: Cart) {
  if (cart.status !== 'active') return { cart, linesLost: [] as string[] };
  return deps.carts.markHoldsLost(ctx, cart, await lostHolds(deps, ctx, cart));
}

/** Releases holds (already released or expired ones are fine: release applies once). */
export async function releaseHolds(deps: CommerceDeps, ctx: Ctx, holds: CartHold[]): Promise<void> {
  for (const h of holds) {
    try {
      await deps.inventory.release(ctx, h.reservationId);
    } catch (err) {
      // A hold already turned into an allocation or fulfilled is not ours to release any more.
      if (!isAppError(err, 'reservation_transition_refused', 'not_found')) throw err;
    }
  }
}
