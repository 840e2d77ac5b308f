// Stock behind carts, through the inventory module: a cart hold per added line (TTL), finding the
// holds that expired or were released, and releasing a cart's holds.
import { AppError, isAppError } from '../../kernel/index.js';
import type { Cart, CartHold, CartLine, LineStock, NewLine } from '../../modules/carts/index.js';
import { backorderedOf, type Reservation } from '../../modules/inventory/index.js';
import type { Ctx } from '../../platform/context.js';
import type { CommerceDeps } from './commerce.deps.js';
import { insufficientStock } from './commerce.deps.js';

const LIVE = new Set(['held', 'allocated']);

const holdOf = (res: Reservation): CartHold => {
  const backordered = backorderedOf(res);
  return {
    reservationId: res.id,
    quantity: res.quantity,
    expiresAt: res.expiresAt,
    ...(backordered > 0 ? { backordered } : {}),
  };
};

/** No limit set: any number of units may wait for stock. */
const UNLIMITED = 1_000_000;

/**
 * How many units beyond the free stock a line may take: none unless the variant sells on backorder
 * or pre-order; then its limit (per line) less what the line already has backordered, or no limit.
 */
export function beyondStock(stock: LineStock | undefined, holds: CartHold[] = []): number {
  if (!stock) return 0;
  const already = holds.reduce((s, h) => s + (h.backordered ?? 0), 0);
  return Math.max(0, (stock.backorderLimit ?? UNLIMITED) - already);
}

/** What a cart line records of a channel price's stock policy (nothing for `deny`). */
export const lineStockOf = (p: {
  stockPolicy: 'deny' | 'backorder' | 'preorder';
  availableFrom: string | null;
  backorderLimit: number | null;
}): LineStock | undefined =>
  p.stockPolicy === 'deny'
    ? undefined
    : { policy: p.stockPolicy, availableFrom: p.availableFrom, backorderLimit: p.backorderLimit };

/**
 * Holds `quantity` of a SKU for a cart on its channel; insufficient stock is a 409 problem, unless
 * the variant sells beyond its stock (`beyond` units: backorder or pre-order).
 */
export async function holdForCart(
  deps: CommerceDeps,
  ctx: Ctx,
  cart: Cart,
  sku: string,
  quantity: number,
  beyond = 0,
): Promise<CartHold> {
  const r = await deps.inventory.reserve(ctx, holdRequest(deps, cart, sku, quantity), {
    beyondStock: beyond,
  });
  if (!r.ok) throw insufficientStock(r, 'added to the cart');
  return holdOf(r.value.reservation);
}

const holdRequest = (deps: CommerceDeps, cart: Cart, sku: string, quantity: number) => ({
  sku,
  quantity,
  kind: 'cart_hold' as const,
  channelId: cart.channelId,
  reference: cart.id,
  ...(deps.cartHoldSeconds ? { ttlSeconds: deps.cartHoldSeconds } : {}),
});

/**
 * Outside a transaction: holds the stock and writes the cart line recording the hold in ONE
 * statement (inventory's group commit carries the cart's write), so a line never lacks its hold
 * nor a hold its line. Should the cart have changed since it was read, the line is not written and
 * the hold is released (409 cart_changed).
 */
export async function holdAndAddLine(
  deps: CommerceDeps,
  ctx: Ctx,
  cart: Cart,
  line: Omit<NewLine, 'holds'>,
): Promise<{ cart: Cart; line: CartLine }> {
  const beyond = beyondStock(line.stock);
  let added: { cart: Cart; line: CartLine } | undefined;
  const r = await deps.inventory.reserve(ctx, holdRequest(deps, cart, line.sku, line.quantity), {
    beyondStock: beyond,
    alongside: (res) => {
      const planned = deps.carts.addLineAlongside(ctx, cart, { ...line, holds: [holdOf(res)] });
      added = planned.result;
      return planned.write;
    },
  });
  if (!r.ok) throw insufficientStock(r, 'added to the cart');
  if (r.value.alongsideWritten && added) return added;
  await releaseHolds(deps, ctx, [holdOf(r.value.reservation)]).catch((undo) =>
    ctx.log.error({ err: undo, reservationId: r.value.reservation.id }, 'releasing a cart hold failed'),
  );
  throw new AppError('cart_changed', `Cart ${cart.id} was changed by another request; read it again`, {
    details: { cartId: cart.id },
  });
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
