// Checkout: a cart becomes one order, once. The payment provider is asked first, outside any
// transaction; then ONE transaction turns the holds into the order's stock (click & collect at the
// store, or routed shipments), places the order, records the payments and closes the cart; a till
// sale (carry-out) is paid, handed over and completed in that same transaction. A refused
// payment leaves no order and releases the holds; stock that ran out voids the payment.
import {
  AppError,
  isAppError,
  newId,
  ok,
  type Result,
  type Steps,
  withCompensation,
} from '../../kernel/index.js';
import type { Cart } from '../../modules/carts/index.js';
import type { Channel } from '../../modules/channels/index.js';
import type { Totals } from '../../modules/checkout-rules/index.js';
import type { Order } from '../../modules/orders/index.js';
import type { AuthorizedPayment, Payment, PaymentInput } from '../../modules/payments/index.js';
import { type Ctx, inTransaction } from '../../platform/context.js';
import { withBackorders } from './backorders.js';
import { releaseHolds } from './cart-stock.js';
import {
  type CommerceDeps,
  channelOf,
  locationOf,
  logUndoFailures,
  type WalletTender,
} from './commerce.deps.js';
import {
  allocateCarryOut,
  allocateForShipping,
  handOverAtCounter,
  holdAtStore,
  type OrderStock,
} from './order-stock.js';
import { fitsOneStatement, placeInOneStatement } from './place-in-one-statement.js';
import { authorizeTenders, type PaymentRefused } from './take-payment.js';
import { type TenderInput, type TillSettlement, tendersFor, tillRecord } from './till-tender.js';

export interface CheckoutInput {
  /** One payment for the whole sum; or `payments` (counter sales: cash tendered, terminal, split). */
  payment?: PaymentInput | undefined;
  payments?: TenderInput[] | undefined;
  email?: string | undefined;
  phone?: string | undefined;
  /** The shopper's page language: the order confirmation is written in it. */
  locale?: string | undefined;
  /** For shipped orders: nearest_with_stock (default), fewest_shipments or store_priority. */
  routing?: string | undefined;
  /**
   * Parts paid from the wallet (points, gift cards, store credit) before the payment pays the rest;
   * `holderId` is the customer the caller proved to be (see WalletTenders.redeem).
   */
  wallet?: { tenders: WalletTender[]; holderId: string | null } | undefined;
}

export interface CheckoutOutcome {
  order: Order;
  payment: Payment | null;
  payments: Payment[];
  /** A counter sale: the cash handed back (minor units). */
  change: number;
  /** False when the cart had already been checked out: this is that order. */
  created: boolean;
}

export function createCheckoutFlow(deps: CommerceDeps) {
  /** The totals a cart would check out with now (also shown before paying). */
  async function quote(
    ctx: Ctx,
    cart: Cart,
  ): Promise<{ totals: Totals; taxCountry: string | null; locationId: string | null }> {
    const d = cart.delivery;
    if (!d) {
      throw new AppError(
        'delivery_missing',
        'Choose shipping (address and method), a pickup store or carry-out first',
        {
          details: { cartId: cart.id },
        },
      );
    }
    if (cart.lines.length === 0) {
      throw new AppError('cart_empty', 'The cart is empty', {
        details: { cartId: cart.id },
      });
    }
    let locationId: string | null = null;
    let taxCountry: string | null = null;
    let shipping = 0;
    if (d.type === 'ship') {
      taxCountry = d.address.country;
      const subtotal = cart.lines.reduce((s, l) => s + l.quantity * l.unitPrice, 0);
      const price = deps.checkoutRules.shippingPrice(d.method, cart.currency, subtotal);
      if (!price.ok) throw new AppError(price.reason, price.message);
      shipping = price.amount;
    } else {
      locationId =
        d.type === 'pickup'
          ? d.locationId
          : ((await deps.inventory.getSourcing(ctx, cart.channelId)).locationIds[0] ?? null);
      if (!locationId)
        throw new AppError('channel_without_locations', 'This channel has no store location to sell from');
      const location = await locationOf(deps, ctx, locationId);
      if (!location) throw new AppError('unknown_location', `There is no location ${locationId}`);
      taxCountry = typeof location.address.country === 'string' ? location.address.country : null;
    }
    const totals = await deps.checkoutRules.computeTotals(ctx, {
      cartId: cart.id,
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
    const payments = await deps.payments.listPayments(ctx, order.id);
    const till = order.metadata.till as { change?: number } | undefined;
    return { order, payment: payments[0] ?? null, payments, change: till?.change ?? 0, created: false };
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

  /** The shopper's profile, found or made from the contact given at checkout. */
  async function customerFor(
    ctx: Ctx,
    cart: Cart,
    channelId: string,
    email: string | null,
    phone: string | null,
  ) {
    if (cart.profileId || (!email && !phone)) return cart.profileId;
    const who = await deps.customers.identify(ctx, {
      channelId,
      identifiers: [
        ...(email ? [{ type: 'email', value: email }] : []),
        ...(phone ? [{ type: 'phone', value: phone }] : []),
        ...(cart.anonymousId ? [{ type: 'anonymous_id', value: cart.anonymousId }] : []),
      ],
    });
    return who.ok ? who.value.customerId : null;
  }

  /**
   * Asks the provider of every tender; each authorization is voided should checkout fail after it.
   * A refusal voids the tenders already taken, leaves no order and releases the cart's holds, so
   * nothing is kept from other shoppers (the route answers 402).
   */
  async function authorizeAll(
    ctx: Ctx,
    steps: Steps,
    cart: Cart,
    channel: Channel,
    orderId: string,
    settlement: TillSettlement,
  ): Promise<Result<AuthorizedPayment[], PaymentRefused>> {
    const authorized = await authorizeTenders(
      deps,
      ctx,
      steps,
      settlement.tenders.map((t) => ({
        provider: t.provider,
        token: t.token,
        orderId,
        amount: t.amount,
        currency: cart.currency,
        channel,
      })),
    );
    if (authorized.ok) return authorized;
    await inTransaction(ctx, async (tx) => {
      const holds = cart.lines.flatMap((l) => l.holds);
      await releaseHolds(deps, tx, holds);
      await deps.carts.markHoldsLost(tx, cart, new Set(holds.map((h) => h.reservationId)));
      await deps.payments.recordFailure(tx, { ...authorized, subject: cart.id, currency: cart.currency });
    });
    return authorized;
  }

  /** The order as placed from the locked cart: lines and totals copied, where a click & collect order waits. */
  function newOrder(
    ctx: Ctx,
    cart: Cart,
    orderId: string,
    totals: Totals,
    who: Who,
    stock: OrderStock,
    till: unknown,
  ) {
    const d = cart.delivery!;
    return {
      id: orderId,
      channelId: cart.channelId,
      source: 'native' as const,
      cartId: cart.id,
      customerId: who.customerId,
      email: who.email,
      phone: who.phone,
      currency: cart.currency,
      lines: withBackorders(
        totals.lines.map((l) => ({
          lineId: l.lineId,
          sku: l.sku,
          title: cart.lines.find((x) => x.lineId === l.lineId)?.title ?? l.sku,
          ...overrideOf(cart.lines.find((x) => x.lineId === l.lineId)),
          quantity: l.quantity,
          unitPrice: l.unitPrice,
          discount: l.discount,
          tax: l.tax,
          total: l.total,
        })),
        stock.backorders,
      ),
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
              locationId: d.locationId,
              expiresAt: new Date(
                ctx.clock.now().getTime() + (deps.pickupHoldSeconds ?? 3 * 24 * 3600) * 1000,
              ),
            }
          : null,
      reservationIds: stock.reservationIds,
      metadata: {
        discounts: totals.discounts,
        taxRule: totals.taxRule,
        ...(till ? { till } : {}),
        ...(who.locale ? { locale: who.locale } : {}),
      },
    };
  }

  /**
   * ONE transaction: closes the cart (the lock), turns its holds into the order's stock, places the
   * order, records the payments. A counter sale's cash is in the drawer and its goods leave with the
   * customer: its payments are confirmed and the order is completed at once, never a pickup.
   */
  async function place(ctx: Ctx, p: Placement): Promise<CheckoutOutcome & { voided: boolean }> {
    if (!ctx.inTx && fitsOneStatement(p.cart, p.settlement.counterSale)) {
      const placed = await placeInOneStatement(deps, ctx, {
        cart: p.cart,
        orderId: p.orderId,
        totals: p.totals,
        authorized: p.authorized,
        order: (closed, stock) => newOrder(ctx, closed, p.orderId, p.totals, p.who, stock, null),
        options: placeOptions(p),
      });
      if (placed) {
        const { order, payments } = placed;
        return { order, payment: payments[0] ?? null, payments, change: 0, created: true, voided: false };
      }
    }
    return inTransaction(ctx, async (tx) => {
      let locked: Cart;
      try {
        locked = await deps.carts.checkOut(tx, p.cart, p.orderId);
      } catch (err) {
        if (!isAppError(err, 'cart_changed', 'cart_not_active')) throw err;
        const now = await deps.carts.findCart(tx, p.cart.id);
        if (now?.status === 'checked_out' && now.orderId)
          return { ...(await existingOrder(tx, now)), voided: true };
        throw new AppError('cart_changed', 'The cart changed during checkout; check out again', {
          details: { cartId: p.cart.id },
        });
      }
      const stock = await stockFor(tx, locked, p.orderId, p.locationId, p.routing);
      const counter = p.settlement.counterSale;
      const till = counter
        ? tillRecord(
            p.settlement,
            p.authorized.map((a) => a.payment.id),
          )
        : null;
      const placed = await deps.orders.orders.placeOrder(
        tx,
        newOrder(tx, locked, p.orderId, p.totals, p.who, stock, till),
        placeOptions(p),
      );
      const payments: Payment[] = [];
      for (const a of p.authorized) {
        const recorded = await deps.payments.recordPayment(tx, a, locked.channelId);
        payments.push(
          counter && recorded.status === 'pending'
            ? await deps.payments.confirmManualPayment(tx, recorded.id, locked.channelId)
            : recorded,
        );
      }
      await deps.orders.fulfilments.planFulfilments(tx, placed.order, stock.plans);
      const order = counter ? await handOverAtCounter(deps, tx, placed.order) : placed.order;
      return {
        order,
        payment: payments[0] ?? null,
        payments,
        change: till?.change ?? 0,
        created: true,
        voided: false,
      };
    });
  }

  /** What the wallet tenders pay (checked before anything is written): never more than the sale. */
  function walletPart(grand: number, input: CheckoutInput): number {
    const tenders = input.wallet?.tenders ?? [];
    if (tenders.length === 0) return 0;
    if (!deps.walletTenders) {
      throw new AppError('wallet_tender_refused', 'This hub takes no wallet tenders', {
        details: { reason: 'wallet_unavailable' },
      });
    }
    const sum = tenders.reduce((s, t) => s + t.amount, 0);
    if (sum > grand) {
      throw new AppError('wallet_tender_refused', `The wallet parts add up to ${sum}, the sale is ${grand}`, {
        details: { reason: 'wallet_exceeds_due', due: grand, wallet: sum },
      });
    }
    return sum;
  }

  return {
    quote,

    /** The order, or the payment refusal (nothing kept, the holds released) for the route to answer 402. */
    async checkout(
      ctx: Ctx,
      cartOrId: Cart | string,
      input: CheckoutInput,
    ): Promise<Result<CheckoutOutcome, PaymentRefused>> {
      const cart = typeof cartOrId === 'string' ? await deps.carts.getCart(ctx, cartOrId) : cartOrId;
      if (cart.status === 'checked_out' && cart.orderId) return ok(await existingOrder(ctx, cart));
      deps.carts.requireActive(cart);
      const channel = await channelOf(deps, ctx, cart.channelId);
      // Before anything is written (the shopper's profile below) or a provider is asked.
      const providers =
        input.payments?.map((t) => t.provider) ?? (input.payment ? [input.payment.provider] : []);
      for (const name of providers) deps.payments.requirePaymentAllowed(ctx, name, channel);
      const { totals, locationId } = await quote(ctx, cart);
      const fromWallet = walletPart(totals.grand, input);
      const counterSale = cart.delivery?.type === 'carry_out';
      // Paid in full from the wallet: no other payment is asked for.
      const settlement =
        fromWallet > 0 && fromWallet === totals.grand
          ? { tenders: [], change: 0, counterSale }
          : tendersFor(totals.grand - fromWallet, counterSale, input);
      const email = input.email?.trim().toLowerCase() ?? cart.email;
      const phone = input.phone?.trim() ?? cart.phone;
      const who = {
        customerId: await customerFor(ctx, cart, channel.id, email, phone),
        email,
        phone,
        locale: input.locale ?? null,
      };

      const orderId = newId('ord');
      // Should placing the order fail, every authorization taken is voided.
      return withCompensation(logUndoFailures(ctx), async (steps) => {
        // Coupon and campaign uses are held before any money moves (409 when a limit is reached).
        await deps.promotionUses?.holdUses(ctx, steps, {
          orderId,
          cartId: cart.id,
          channelId: cart.channelId,
          customerId: who.customerId,
          currency: cart.currency,
          totals,
        });
        // Wallet parts are taken next (each given back should a later step fail), cards last.
        const walletPaid = input.wallet?.tenders.length
          ? await deps.walletTenders!.redeem(ctx, steps, {
              orderId,
              channelId: cart.channelId,
              currency: cart.currency,
              cartCustomerId: cart.profileId,
              holderId: input.wallet.holderId,
              tenders: input.wallet.tenders,
            })
          : [];
        const taken = await authorizeAll(ctx, steps, cart, channel, orderId, settlement);
        if (!taken.ok) return taken;
        // Tenders first: the till record pairs settlement tenders with payments by position.
        const authorized = [...taken.value, ...walletPaid];
        const r = await place(ctx, {
          cart,
          orderId,
          locationId,
          totals,
          who,
          authorized,
          settlement,
          routing: input.routing,
        });
        // Another request checked the cart out first: its order stands, these payments are voided.
        if (r.voided) await steps.undoAll();
        return ok({
          order: r.order,
          payment: r.payment,
          payments: r.payments,
          change: r.change,
          created: r.created,
        });
      });
    },
  };
}

/** Allocated when every tender is taken (a counter sale's always is), else pending. */
function placeOptions(p: Placement) {
  const paid =
    p.settlement.counterSale ||
    p.authorized.every((a) => a.payment.status === 'captured' || a.payment.status === 'authorized');
  return {
    status: paid ? ('allocated' as const) : ('pending' as const),
    paidAmount: paid ? p.authorized.reduce((s, a) => s + a.payment.amount, 0) : 0,
    reason: `checkout with ${p.authorized.map((a) => a.payment.provider).join(' + ')}`,
  };
}

interface Who {
  customerId: string | null;
  email: string | null;
  phone: string | null;
  locale?: string | null;
}

interface Placement {
  cart: Cart;
  orderId: string;
  locationId: string | null;
  totals: Totals;
  who: Who;
  authorized: AuthorizedPayment[];
  settlement: TillSettlement;
  routing: string | undefined;
}

export type CheckoutFlow = ReturnType<typeof createCheckoutFlow>;

/** A hand-set till price goes onto the order line (without its time: the cart event has it). */
function overrideOf(line: Cart['lines'][number] | undefined) {
  if (!line?.priceOverride) return {};
  const { at: _at, ...override } = line.priceOverride;
  return { priceOverride: override };
}
