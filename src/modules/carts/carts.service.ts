// Cart rules: lines with the price at the time, holds recorded per line, a handoff code for the
// till, repricing on channel change, checkout once. Prices and stock are not ours: flows ask the
// catalog and inventory and hand the answers in. Every change is one version-checked write + events.

import { AppError, newId, notFound } from '../../kernel/index.js';
import { type Ctx, inTransaction } from '../../platform/context.js';
import { type NewEvent, prepareEvents } from '../../platform/events/event-log.js';
import { holdStatusOf } from './cart-holds.js';
import { planMerge } from './cart-merge.js';
import { CART_EVENTS } from './carts.events.js';
import type { CartsService, NewCart, NewLine } from './carts.interface.js';
import {
  insertCart,
  selectActiveCartByHandoff,
  selectActiveCartsOf,
  selectCart,
  selectCartOwnership,
  updateCartRow,
  updateCartStatement,
} from './carts.repository.js';
import type {
  Cart,
  CartDelivery,
  CartHold,
  CartLine,
  MergeOutcome,
  MergeStrategy,
  PriceChange,
} from './carts.types.js';
import { newHandoffCode, parseHandoff, qrPayload } from './handoff-code.js';
import { createTillSalesService } from './till-sales.js';

export const cartFacts = (c: Cart): Record<string, unknown> => ({
  cartId: c.id,
  channelId: c.channelId,
  profileId: c.profileId,
  anonymousId: c.anonymousId,
  currency: c.currency,
  itemsTotal: c.itemsTotal,
  itemCount: c.lines.reduce((s, l) => s + l.quantity, 0),
});

export function createCartsService(): CartsService {
  const event = (c: Cart, type: string, extra: Record<string, unknown> = {}): NewEvent => ({
    type,
    subject: c.id,
    channelId: c.channelId,
    payload: { ...cartFacts(c), ...extra },
  });

  const withTotals = (c: Cart): Cart => ({
    ...c,
    itemsTotal: c.lines.reduce((s, l) => s + l.quantity * l.unitPrice, 0),
  });

  /**
   * Writes a cart the caller read at c.version, with its events, in one statement (no transaction
   * of its own); refuses (409) if someone else changed it meanwhile.
   */
  async function save(ctx: Ctx, next: Cart, events: (saved: Cart) => NewEvent[]): Promise<Cart> {
    const candidate = { ...next, updatedAt: ctx.clock.now() };
    const saved = await updateCartRow(ctx, candidate, events({ ...candidate, version: next.version + 1 }));
    if (!saved) {
      throw new AppError('cart_changed', `Cart ${next.id} was changed by another request; read it again`, {
        details: { cartId: next.id },
      });
    }
    return saved;
  }

  /** The cart with `line` added (to the line of the same SKU and price, or as a new one) and its event. */
  function planAddLine(ctx: Ctx, cart: Cart, line: NewLine) {
    requireActive(cart);
    const lines = cart.lines.map((l) => ({ ...l }));
    // A line whose price staff changed stays apart: new units come at the channel's price.
    let target = lines.find((l) => l.sku === line.sku && l.unitPrice === line.unitPrice && !l.priceOverride);
    if (target) {
      target.quantity += line.quantity;
      target.holds = [...target.holds, ...line.holds];
      target.title = line.title;
      if (line.stock) target.stock = line.stock;
      else delete target.stock;
    } else {
      target = {
        lineId: newId('cl').slice(-12),
        sku: line.sku,
        title: line.title,
        quantity: line.quantity,
        unitPrice: line.unitPrice,
        holds: line.holds,
        holdStatus: 'none',
        addedAt: ctx.clock.now(),
        ...(line.stock ? { stock: line.stock } : {}),
      };
      lines.push(target);
    }
    target.holdStatus = holdStatusOf(target.quantity, target.holds);
    const lineId = target.lineId;
    const events = (c: Cart) => [
      event(c, CART_EVENTS.lineAdded, {
        sku: line.sku,
        quantity: line.quantity,
        unitPrice: line.unitPrice,
        lineId,
      }),
    ];
    return { next: withTotals({ ...cart, lines }), lineId, events };
  }

  function requireActive(cart: Cart): void {
    if (cart.status !== 'active') {
      throw new AppError(
        'cart_not_active',
        `Cart ${cart.id} is ${cart.status}${cart.mergedInto ? ` into ${cart.mergedInto}` : ''}`,
        {
          details: {
            cartId: cart.id,
            status: cart.status,
            mergedInto: cart.mergedInto,
            orderId: cart.orderId,
          },
        },
      );
    }
  }

  return {
    requireActive,
    /** The sales each till has on the go (open on its screen, or parked by name). */
    tillSales: createTillSalesService(),

    async createCart(ctx: Ctx, input: NewCart): Promise<Cart> {
      const now = ctx.clock.now();
      // A clash of handoff codes among active carts is rare (31^6); try a few fresh ones.
      for (let attempt = 0; attempt < 5; attempt++) {
        const code = newHandoffCode();
        const cart: Cart = {
          id: newId('crt'),
          channelId: input.channelId,
          currency: input.currency,
          profileId: input.profileId ?? null,
          anonymousId: input.anonymousId ?? null,
          email: input.email ?? null,
          phone: input.phone ?? null,
          status: 'active',
          handoff: { code, qrPayload: qrPayload(code) },
          lines: [],
          itemsTotal: 0,
          delivery: null,
          mergedInto: null,
          orderId: null,
          version: 1,
          createdAt: now,
          updatedAt: now,
        };
        const created = await insertCart(
          ctx,
          cart,
          [event(cart, CART_EVENTS.created)],
          input.tokenHash ?? null,
        );
        if (created) return created;
      }
      throw new AppError('handoff_code_unavailable', 'Could not allocate a handoff code; retry');
    },

    async getCart(ctx: Ctx, id: string): Promise<Cart> {
      const c = await selectCart(ctx.db, id);
      if (!c) throw notFound('cart', id);
      return c;
    },

    findCart: (ctx: Ctx, id: string) => selectCart(ctx.db, id),

    /** The cart's profile and token hash, for the ownership check of browser and app keys. */
    ownershipOf: (ctx: Ctx, id: string) => selectCartOwnership(ctx.db, id),

    async lockCart(ctx: Ctx, id: string): Promise<Cart> {
      const c = await selectCart(ctx.db, id, ctx.inTx);
      if (!c) throw notFound('cart', id);
      return c;
    },

    /** The active cart behind a code typed at the till or a scanned QR payload. */
    async findByHandoffCode(ctx: Ctx, codeOrQr: string): Promise<Cart | undefined> {
      return selectActiveCartByHandoff(ctx.db, parseHandoff(codeOrQr));
    },

    /** Active carts of any of these profiles, anonymous ids, emails or phones, newest first. */
    async findActiveCarts(
      ctx: Ctx,
      by: { profileIds?: string[]; anonymousIds?: string[]; emails?: string[]; phones?: string[] },
    ): Promise<Cart[]> {
      return selectActiveCartsOf(ctx.db, by);
    },

    /** Adds units of a SKU: to the line with the same SKU and price, or as a new line. */
    async addLine(ctx: Ctx, cart: Cart, line: NewLine): Promise<{ cart: Cart; line: CartLine }> {
      const { next, lineId, events } = planAddLine(ctx, cart, line);
      const saved = await save(ctx, next, events);
      return { cart: saved, line: saved.lines.find((l) => l.lineId === lineId)! };
    },

    /**
     * addLine as a write for another module's statement (the stock hold's): nothing is sent here.
     * `result` is the cart once that statement reports the write done; when it did not write,
     * someone changed the cart since it was read (409 cart_changed for the caller).
     */
    addLineAlongside(ctx: Ctx, cart: Cart, line: NewLine) {
      const { next, lineId, events } = planAddLine(ctx, cart, line);
      const candidate = { ...next, updatedAt: ctx.clock.now() };
      const saved = { ...candidate, version: next.version + 1 };
      return {
        write: {
          statement: updateCartStatement(candidate),
          events: prepareEvents(ctx, events(saved)),
        },
        result: { cart: saved, line: saved.lines.find((l) => l.lineId === lineId)! },
      };
    },

    /** Sets a line's quantity and holds (the flow has already moved the stock). */
    async changeLine(
      ctx: Ctx,
      cart: Cart,
      lineId: string,
      quantity: number,
      holds: CartHold[],
    ): Promise<Cart> {
      requireActive(cart);
      const line = cart.lines.find((l) => l.lineId === lineId);
      if (!line) throw notFound('cart line', lineId);
      const lines = cart.lines.map((l) =>
        l.lineId === lineId ? { ...l, quantity, holds, holdStatus: holdStatusOf(quantity, holds) } : l,
      );
      return save(ctx, withTotals({ ...cart, lines }), (c) => [
        event(c, CART_EVENTS.lineChanged, { sku: line.sku, lineId, from: line.quantity, to: quantity }),
      ]);
    },

    async overrideLinePrice(ctx, cart, lineId, unitPrice, override) {
      requireActive(cart);
      const line = cart.lines.find((l) => l.lineId === lineId);
      if (!line) throw notFound('cart line', lineId);
      const originalUnitPrice = line.priceOverride?.originalUnitPrice ?? line.unitPrice;
      const priceOverride = { ...override, originalUnitPrice, at: ctx.clock.now() };
      const lines = cart.lines.map((l) => (l.lineId === lineId ? { ...l, unitPrice, priceOverride } : l));
      return save(ctx, withTotals({ ...cart, lines }), (c) => [
        event(c, CART_EVENTS.linePriceOverridden, {
          lineId,
          sku: line.sku,
          from: line.unitPrice,
          to: unitPrice,
          originalUnitPrice,
          by: override.by,
          approvedBy: override.approvedBy,
        }),
      ]);
    },

    async removeLine(ctx: Ctx, cart: Cart, lineId: string): Promise<Cart> {
      requireActive(cart);
      const line = cart.lines.find((l) => l.lineId === lineId);
      if (!line) throw notFound('cart line', lineId);
      return save(ctx, withTotals({ ...cart, lines: cart.lines.filter((l) => l.lineId !== lineId) }), (c) => [
        event(c, CART_EVENTS.lineRemoved, { sku: line.sku, lineId, quantity: line.quantity }),
      ]);
    },

    async setDelivery(
      ctx: Ctx,
      cart: Cart,
      delivery: CartDelivery,
      contact: { email?: string | undefined; phone?: string | undefined } = {},
    ): Promise<Cart> {
      requireActive(cart);
      return save(
        ctx,
        { ...cart, delivery, email: contact.email ?? cart.email, phone: contact.phone ?? cart.phone },
        (c) => [event(c, CART_EVENTS.deliveryChosen, { delivery: delivery.type })],
      );
    },

    /**
     * Moves a cart to another channel: every line gets that channel's price and currency (or leaves
     * the cart when the channel does not sell it). Lists what changed.
     */
    async reprice(
      ctx: Ctx,
      cart: Cart,
      to: {
        channelId: string;
        currency: string;
        prices: Map<string, { unitPrice: number; title?: string } | null>;
      },
    ): Promise<{ cart: Cart; changes: PriceChange[]; removedLines: CartLine[] }> {
      requireActive(cart);
      const changes: PriceChange[] = [];
      const kept: CartLine[] = [];
      const removedLines: CartLine[] = [];
      for (const l of cart.lines) {
        const p = to.prices.get(l.sku) ?? null;
        const from = { unitPrice: l.unitPrice, currency: cart.currency };
        if (!p) {
          changes.push({ sku: l.sku, from, to: null, change: 'not_sold_on_channel' });
          removedLines.push(l);
          continue;
        }
        const change =
          to.currency !== cart.currency
            ? 'currency_changed'
            : p.unitPrice !== l.unitPrice
              ? 'price_changed'
              : 'unchanged';
        changes.push({ sku: l.sku, from, to: { unitPrice: p.unitPrice, currency: to.currency }, change });
        // A hand-set price was for this till: on another channel the line takes that channel's price.
        const { priceOverride: _dropped, ...plain } = l;
        kept.push({ ...plain, unitPrice: p.unitPrice, title: p.title ?? l.title });
      }
      const next = withTotals({ ...cart, channelId: to.channelId, currency: to.currency, lines: kept });
      const saved = await save(ctx, next, (c) => [
        event(c, CART_EVENTS.repriced, {
          fromChannelId: cart.channelId,
          fromCurrency: cart.currency,
          changes: changes.filter((x) => x.change !== 'unchanged'),
        }),
      ]);
      return { cart: saved, changes, removedLines };
    },

    /** Records holds that expired or were released (the flow asked inventory); says which lines lost them. */
    async markHoldsLost(
      ctx: Ctx,
      cart: Cart,
      lostReservationIds: Set<string>,
    ): Promise<{ cart: Cart; linesLost: string[] }> {
      if (lostReservationIds.size === 0 || cart.status !== 'active') return { cart, linesLost: [] };
      const linesLost: string[] = [];
      const lines = cart.lines.map((l) => {
        const holds = l.holds.filter((h) => !lostReservationIds.has(h.reservationId));
        if (holds.length === l.holds.length) return l;
        linesLost.push(l.lineId);
        const status = holdStatusOf(l.quantity, holds);
        return { ...l, holds, holdStatus: status === 'none' ? ('lost' as const) : status };
      });
      if (linesLost.length === 0) return { cart, linesLost };
      const saved = await save(ctx, { ...cart, lines }, (c) => [
        event(c, CART_EVENTS.holdsLost, {
          lines: linesLost.map((id) => ({ lineId: id, sku: cart.lines.find((l) => l.lineId === id)?.sku })),
        }),
      ]);
      return { cart: saved, linesLost };
    },

    /** Replaces a line's holds (checkout re-reserved stock for lines that had lost theirs). */
    withHolds(cart: Cart, holdsByLine: Map<string, CartHold[]>): Cart {
      return {
        ...cart,
        lines: cart.lines.map((l) => {
          const holds = holdsByLine.get(l.lineId);
          return holds ? { ...l, holds, holdStatus: holdStatusOf(l.quantity, holds) } : l;
        }),
      };
    },

    async identify(ctx: Ctx, cart: Cart, profileId: string): Promise<Cart> {
      if (cart.profileId === profileId) return cart;
      return save(ctx, { ...cart, profileId }, (c) => [
        event(c, CART_EVENTS.identified, { previousProfileId: cart.profileId }),
      ]);
    },

    /**
     * Identifies a shopper's carts as a profile by a strategy; the outcome says what happened.
     * `retired` carts were dropped (keep_newest): the flow releases their holds.
     */
    async mergeCarts(
      ctx: Ctx,
      carts: Cart[],
      profileId: string,
      strategy: MergeStrategy,
    ): Promise<{ outcome: MergeOutcome; cart: Cart | null; retired: Cart[] }> {
      const plan = planMerge(carts, profileId, strategy);
      return inTransaction(ctx, async (tx) => {
        let kept: Cart | null = null;
        for (const next of plan.writes) {
          const before = carts.find((c) => c.id === next.id)!;
          const saved = await save(tx, next, (c) => [
            event(c, next.status === 'active' ? CART_EVENTS.identified : CART_EVENTS.merged, {
              previousProfileId: before.profileId,
              strategy,
              status: next.status,
              mergedInto: next.mergedInto,
              ...(next.id === plan.outcome.cartId ? { outcome: plan.outcome } : {}),
            }),
          ]);
          if (saved.id === plan.outcome.cartId) kept = saved;
        }
        if (!kept && plan.outcome.cartId) kept = carts.find((c) => c.id === plan.outcome.cartId) ?? null;
        return { outcome: plan.outcome, cart: kept, retired: plan.retired };
      });
    },

    /** checkOut as a part (CTE `name`) of a caller's one-statement write: refused if the cart changed. */
    checkOutPart(ctx: Ctx, name: string, cart: Cart, orderId: string) {
      requireActive(cart);
      const next = { ...cart, status: 'checked_out' as const, orderId, updatedAt: ctx.clock.now() };
      const saved = { ...next, version: cart.version + 1 };
      return {
        part: {
          name,
          statement: updateCartStatement(next),
          expectRows: 1,
          events: prepareEvents(ctx, [event(saved, CART_EVENTS.checkedOut, { orderId })]),
        },
        cart: saved,
      };
    },

    async checkOut(ctx: Ctx, cart: Cart, orderId: string): Promise<Cart> {
      requireActive(cart);
      return save(ctx, { ...cart, status: 'checked_out', orderId }, (c) => [
        event(c, CART_EVENTS.checkedOut, { orderId }),
      ]);
    },

    async abandon(ctx: Ctx, cart: Cart, reason: string): Promise<Cart> {
      requireActive(cart);
      return save(ctx, { ...cart, status: 'abandoned' }, (c) => [
        event(c, CART_EVENTS.abandoned, { reason }),
      ]);
    },
  };
}
