// Checkout: a cart becomes one order, once. The payment provider is asked first, outside any
// transaction; then ONE transaction turns the holds into the order's stock (click & collect at the
// store, or routed shipments), places the order, records the payment and closes the cart. A refused
// payment leaves no order and releases the holds; stock that ran out voids the payment.
import { AppError, newId } from '../../kernel/index.js';
import type { Cart } from '../../modules/carts/index.js';
import type { Order, OrderStatus } from '../../modules/orders/index.js';
import type { Payment, PaymentInput } from '../../modules/payments/index.js';
import { type Ctx, inTransaction } from '../../platform/context.js';
import { releaseHolds } from './cart-stock.js';
import { type CommerceDeps, channelOf, locationOf } from './commerce.deps.js';
import { allocateCarryOut, allocateForShipping, holdAtStore, type OrderStock } from './order-stock.js';
import { computeTotals, DEFAULT_RULES, shippingPrice, type Totals } from './totals.js';

export interface CheckoutInput {
  payment: PaymentInput;
  email?: string | undefined;
  phone?: string | undefined;
  /** For shipped orders: nearest_with_stock (default), fewest_shipments or store_priority. */
  routing?: string | undefined;
}

export interface CheckoutOutcome {
  order: Order;
  payment: Payment | null;
  /** False when the cart had already been checked out: this is that order. */
  created: boolean;
}

export function createCheckoutFlow(deps: CommerceDeps) {
  const rules = { ...DEFAULT_RULES, ...deps.rules };

  /** The totals a cart would check out with now (also shown before paying). */
  async function quote(
    ctx: Ctx,
    cart: Cart,
  ): Promise<{ totals: Totals; taxCountry: string | null; locationId: string | null }> {
    const d = cart.delivery;
    if (!d) {
      throw new AppError(
        'unprocessable',
        'Choose shipping (address and method), a pickup store or carry-out first',
        {
          details: { cartId: cart.id, reason: 'delivery_missing' },
        },
      );
    }
    if (cart.lines.length === 0) {
      throw new AppError('unprocessable', 'The cart is empty', {
        details: { cartId: cart.id, reason: 'cart_empty' },
      });
    }
    let locationId: string | null = null;
    let taxCountry: string | null = null;
    let shipping = 0;
    if (d.type === 'ship') {
      taxCountry = d.address.country;
      const subtotal = cart.lines.reduce((s, l) => s + l.quantity * l.unitPrice, 0);
      const price = shippingPrice(rules, d.method, cart.currency, subtotal);
      if (!price.ok)
        throw new AppError('unprocessable', price.message, { details: { reason: price.reason } });
      shipping = price.amount;
    } else {
      locationId =
        d.type === 'pickup'
          ? d.locationId
          : ((await deps.inventory.getSourcing(ctx, cart.channelId)).locationIds[0] ?? null);
      if (!locationId) throw new AppError('unprocessable', 'This channel has no store location to sell from');
      const location = await locationOf(deps, ctx, locationId);
      if (!location) throw new AppError('unprocessable', `There is no location ${locationId}`);
      taxCountry = typeof location.address.country === 'string' ? location.address.country : null;
    }
    const totals = await computeTotals(ctx, rules, {
      channelId: cart.channelId,
      currency: cart.currency,
      customerId: cart.profileId,
      lines: cart.lines.map((l) => ({
        lineId: l.lineId,
        sku: l.sku,
        quantity: l.quantity,
        unitPrice: l.unitPrice,
      })),
      shipping,
      taxCountry,
    });
    return { totals, taxCountry, locationId };
  }

  async function existingOrder(ctx: Ctx, cart: Cart): Promise<CheckoutOutcome> {
    const order = await deps.orders.orders.getOrder(ctx, cart.orderId!);
    const [payment] = await deps.payments.listPayments(ctx, order.id);
    return { order, payment: payment ?? null, created: false };
  }

  async function stockFor(
    tx: Ctx,
    cart: Cart,
    orderId: string,
    locationId: string | null,
    routing?: string,
  ): Promise<OrderStock> {
    const d = cart.delivery!;
    if (d.type === 'pickup') return holdAtStore(deps, tx, cart, orderId, d.locationId);
    if (d.type === 'carry_out') return allocateCarryOut(deps, tx, cart, orderId, locationId!);
    return allocateForShipping(
      deps,
      tx,
      cart,
      orderId,
      {
        latitude: d.address.latitude ?? null,
        longitude: d.address.longitude ?? null,
        country: d.address.country,
      },
      routing ?? 'nearest_with_stock',
    );
  }

  return {
    quote,

    async checkout(ctx: Ctx, cartOrId: Cart | string, input: CheckoutInput): Promise<CheckoutOutcome> {
      const cart = typeof cartOrId === 'string' ? await deps.carts.getCart(ctx, cartOrId) : cartOrId;
      if (cart.status === 'checked_out' && cart.orderId) return existingOrder(ctx, cart);
      deps.carts.requireActive(cart);
      const channel = await channelOf(deps, ctx, cart.channelId);
      // Before anything is written (the shopper's profile below) or the provider is asked.
      deps.payments.requirePaymentAllowed(ctx, input.payment.provider, channel);
      const { totals, locationId } = await quote(ctx, cart);
      const email = input.email?.trim().toLowerCase() ?? cart.email;
      const phone = input.phone?.trim() ?? cart.phone;
      let customerId = cart.profileId;
      if (!customerId && (email || phone)) {
        const who = await deps.customers.identify(ctx, {
          channelId: channel.id,
          identifiers: [
            ...(email ? [{ type: 'email', value: email }] : []),
            ...(phone ? [{ type: 'phone', value: phone }] : []),
            ...(cart.anonymousId ? [{ type: 'anonymous_id', value: cart.anonymousId }] : []),
          ],
        });
        if (who.ok) customerId = who.value.customerId;
      }

      const orderId = newId('ord');
      const authorized = await deps.payments.authorize(ctx, {
        ...input.payment,
        orderId,
        amount: totals.grand,
        currency: cart.currency,
        channel,
      });
      if (!authorized.ok) {
        // No order; the cart stays, without its holds, so nothing is kept from other shoppers.
        await inTransaction(ctx, async (tx) => {
          const holds = cart.lines.flatMap((l) => l.holds);
          await releaseHolds(deps, tx, holds);
          await deps.carts.markHoldsLost(tx, cart, new Set(holds.map((h) => h.reservationId)));
          await deps.payments.recordFailure(tx, {
            ...authorized,
            subject: cart.id,
            provider: input.payment.provider,
            amount: totals.grand,
            currency: cart.currency,
          });
        });
        throw new AppError('payment_failed', `The payment was refused: ${authorized.message}`, {
          status: 402,
          details: {
            reason: authorized.code,
            provider: input.payment.provider,
            cartId: cart.id,
            orderPlaced: false,
            holdsReleased: true,
          },
        });
      }

      const payment = authorized.value.payment;
      const paid = payment.status === 'captured' || payment.status === 'authorized';
      try {
        return await inTransaction(ctx, async (tx) => {
          // Closing the cart first (a version-checked update) is the lock: a concurrent checkout of
          // the same cart waits here, then finds it checked out and returns that order.
          let locked: Cart;
          try {
            locked = await deps.carts.checkOut(tx, cart, orderId);
          } catch (err) {
            if ((err as { code?: string }).code !== 'conflict') throw err;
            const now = await deps.carts.findCart(tx, cart.id);
            if (now?.status === 'checked_out' && now.orderId)
              return { ...(await existingOrder(tx, now)), voided: true };
            throw new AppError('conflict', 'The cart changed during checkout; check out again', {
              details: { cartId: cart.id, reason: 'cart_changed' },
            });
          }
          const stock = await stockFor(tx, locked, orderId, locationId, input.routing);
          const d = locked.delivery!;
          const target: OrderStatus = paid ? 'allocated' : 'pending';
          const placed = await deps.orders.orders.placeOrder(
            tx,
            {
              id: orderId,
              channelId: locked.channelId,
              source: 'native',
              cartId: locked.id,
              customerId,
              email,
              phone,
              currency: locked.currency,
              lines: totals.lines.map((l) => ({
                lineId: l.lineId,
                sku: l.sku,
                title: locked.lines.find((x) => x.lineId === l.lineId)?.title ?? l.sku,
                quantity: l.quantity,
                unitPrice: l.unitPrice,
                discount: l.discount,
                tax: l.tax,
                total: l.total,
              })),
              totals: {
                items: totals.items,
                discount: totals.discount,
                shipping: totals.shipping,
                tax: totals.tax,
                grand: totals.grand,
              },
              delivery: d,
              pickup:
                d.type === 'pickup'
                  ? {
                      code: newPickupCode(),
                      locationId: d.locationId,
                      expiresAt: new Date(
                        ctx.clock.now().getTime() + (deps.pickupHoldSeconds ?? 3 * 24 * 3600) * 1000,
                      ),
                    }
                  : null,
              reservationIds: stock.reservationIds,
              metadata: { discounts: totals.discounts, taxRule: totals.taxRule },
            },
            {
              status: target,
              paidAmount: paid ? payment.amount : 0,
              reason: `checkout with ${payment.provider}`,
            },
          );
          const recorded = await deps.payments.recordPayment(tx, authorized.value, locked.channelId);
          await deps.orders.fulfilments.planFulfilments(tx, placed.order, stock.plans);
          return { order: placed.order, payment: recorded, created: true, voided: false };
        }).then(async (r) => {
          if (r.voided) await deps.payments.voidAuthorization(ctx, authorized.value);
          return { order: r.order, payment: r.payment, created: r.created };
        });
      } catch (err) {
        await deps.payments.voidAuthorization(ctx, authorized.value);
        throw err;
      }
    },
  };
}

const PICKUP_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
/** 8 characters without look-alikes: read aloud or shown as a QR at the counter. */
export function newPickupCode(): string {
  const bytes = new Uint8Array(8);
  crypto.getRandomValues(bytes);
  return [...bytes].map((b) => PICKUP_ALPHABET[b % PICKUP_ALPHABET.length]).join('');
}

export type CheckoutFlow = ReturnType<typeof createCheckoutFlow>;
