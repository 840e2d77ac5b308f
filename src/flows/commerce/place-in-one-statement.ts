// Checkout's usual case in ONE statement, its own transaction (no BEGIN/COMMIT): a click & collect
// cart whose holds all sit at the chosen store. The cart is closed (version-checked), every hold
// becomes the order's allocation, the order, its payments and its fulfilment are inserted, with
// every event. Each module hands its part; the statement writes nothing unless every part wrote
// exactly what was expected (the cart unchanged, every hold still held at the store, no order for
// the cart yet). Then the caller runs the ordinary transaction, which gives the precise outcome
// (an order placed meanwhile, holds that expired and are taken again, a changed cart).
import type { Cart } from '../../modules/carts/index.js';
import type { Totals } from '../../modules/checkout-rules/index.js';
import type { NewOrder, Order, PlaceOrderOptions } from '../../modules/orders/index.js';
import type { AuthorizedPayment, Payment } from '../../modules/payments/index.js';
import type { Ctx } from '../../platform/context.js';
import { isStatementRefused, writeInOneStatement } from '../../platform/events/one-statement.js';
import { backordersOf, todayOf, waitingInHolds } from './backorders.js';
import type { CommerceDeps } from './commerce.deps.js';
import { type OrderStock, pickupStock } from './order-stock.js';

export interface OneStatementPlacement {
  cart: Cart;
  orderId: string;
  totals: Totals;
  authorized: AuthorizedPayment[];
  /** The order to place from the closed cart and its stock (checkout's newOrder). */
  order(closed: Cart, stock: OrderStock): NewOrder;
  options: PlaceOrderOptions;
}

/** True when the cart can go the one-statement way: pickup, and each line wholly covered by its holds. */
export function fitsOneStatement(cart: Cart, counterSale: boolean): boolean {
  return (
    !counterSale &&
    cart.delivery?.type === 'pickup' &&
    cart.lines.length > 0 &&
    cart.lines.every((l) => l.holds.length > 0 && l.holds.reduce((s, h) => s + h.quantity, 0) === l.quantity)
  );
}

/** The placed order and payments, or undefined when the statement was refused (nothing written). */
export async function placeInOneStatement(
  deps: CommerceDeps,
  ctx: Ctx,
  p: OneStatementPlacement,
): Promise<{ order: Order; payments: Payment[] } | undefined> {
  const d = p.cart.delivery;
  if (d?.type !== 'pickup') return undefined;
  const closed = deps.carts.checkOutPart(ctx, 'closed_cart', p.cart, p.orderId);
  const lines = p.cart.lines.flatMap((l) =>
    l.holds.map((h) => ({ sku: l.sku, quantity: h.quantity, reservationId: h.reservationId })),
  );
  const ids = lines.map((l) => l.reservationId);
  const stock = {
    ...pickupStock(d.locationId, ids, lines),
    backorders: backordersOf(p.cart.lines, waitingInHolds(p.cart), todayOf(ctx.clock.now())),
  };
  const placement = deps.orders.placement.placeOrderParts(
    ctx,
    p.order(closed.cart, stock),
    p.options,
    stock.plans,
  );
  const [orderPart, ...fulfilmentParts] = placement.parts;
  try {
    const result = await writeInOneStatement(ctx, [
      closed.part,
      deps.inventory.allocateAllPart(ctx, 'allocated_holds', ids, {
        reference: p.orderId,
        atLocation: d.locationId,
      }),
      orderPart!,
      ...p.authorized.map((a, i) =>
        deps.payments.recordPaymentPart(ctx, `recorded_payment_${i}`, a, p.cart.channelId),
      ),
      ...fulfilmentParts,
    ]);
    return { order: placement.placed(result), payments: p.authorized.map((a) => a.payment) };
  } catch (err) {
    if (isStatementRefused(err)) return undefined;
    throw err;
  }
}
