// Units an order takes beyond the stock (the variant sells on backorder or pre-order): their
// reservations hold them at no location, and the order line says so, so fulfilment waits for them.
import type { Cart } from '../../modules/carts/index.js';
import type { LineBackorder } from '../../modules/orders/index.js';
import type { Ctx } from '../../platform/context.js';
import { holdPolicyOf } from './cart-stock.js';
import type { CommerceDeps } from './commerce.deps.js';

/** Per SKU: the units waiting for stock, as the order lines will record them. */
export type Backorders = Map<string, LineBackorder>;

/** The waiting units per SKU, with the variant's policy (pre-order before its date, else backorder). */
export async function backordersOf(
  deps: CommerceDeps,
  ctx: Ctx,
  channelId: string,
  waiting: ReadonlyMap<string, number>,
): Promise<Backorders> {
  const out: Backorders = new Map();
  const today = ctx.clock.now().toISOString().slice(0, 10);
  for (const [sku, quantity] of waiting) {
    if (quantity <= 0) continue;
    const p = await holdPolicyOf(deps, ctx, channelId, sku);
    const expectedFrom = p?.availableFrom ?? null;
    const preorder = p?.stockPolicy === 'preorder' && expectedFrom !== null && expectedFrom > today;
    out.set(sku, { kind: preorder ? 'preorder' : 'backorder', quantity, expectedFrom });
  }
  return out;
}

/** The waiting units of a cart's holds (the one-statement checkout keeps them as they are). */
export function waitingInHolds(cart: Cart): Map<string, number> {
  const waiting = new Map<string, number>();
  for (const l of cart.lines)
    for (const h of l.holds) if (h.backordered) waiting.set(l.sku, (waiting.get(l.sku) ?? 0) + h.backordered);
  return waiting;
}

/** Order lines with their waiting units (a SKU's units go to its lines in order). */
export function withBackorders<L extends { sku: string; quantity: number }>(
  lines: L[],
  backorders: Backorders | undefined,
): Array<L & { backorder?: LineBackorder }> {
  if (!backorders?.size) return lines;
  const left = new Map([...backorders].map(([sku, b]) => [sku, b.quantity]));
  return lines.map((l) => {
    const b = backorders.get(l.sku);
    const n = Math.min(left.get(l.sku) ?? 0, l.quantity);
    if (!b || n <= 0) return l;
    left.set(l.sku, (left.get(l.sku) ?? 0) - n);
    return { ...l, backorder: { ...b, quantity: n } };
  });
}
