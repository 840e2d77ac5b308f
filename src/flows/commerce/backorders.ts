// Units an order takes beyond the stock (the variant sells on backorder or pre-order): their
// reservations hold them at no location, and the order line says so, so fulfilment waits for them.
// A pre-order before its release date waits whole, even when units are already in.
import type { Cart, LineStock } from '../../modules/carts/index.js';
import type { LineBackorder } from '../../modules/orders/index.js';

/** Per SKU: the units waiting, as the order lines will record them. */
export type Backorders = Map<string, LineBackorder>;

/** The waiting units per SKU, from the cart lines' policies (as they were when added). */
export function backordersOf(
  lines: ReadonlyArray<{ sku: string; quantity: number; stock?: LineStock | undefined }>,
  waiting: ReadonlyMap<string, number>,
  today: string,
): Backorders {
  const out: Backorders = new Map();
  for (const l of lines) {
    if (!l.stock) continue;
    const from = l.stock.availableFrom;
    const preorder = l.stock.policy === 'preorder' && from !== null && from > today;
    const quantity = preorder ? l.quantity : (waiting.get(l.sku) ?? 0);
    if (quantity <= 0) continue;
    const prev = out.get(l.sku);
    out.set(l.sku, {
      kind: preorder ? 'preorder' : 'backorder',
      quantity: preorder ? (prev?.quantity ?? 0) + quantity : quantity,
      expectedFrom: from,
    });
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

export const todayOf = (now: Date) => now.toISOString().slice(0, 10);

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
