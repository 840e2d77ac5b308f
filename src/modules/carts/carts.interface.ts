// The carts module's surface, declared: what flows may call and with which types.

import type { Ctx } from '../../platform/context.js';
import type { AlongsideWrite } from '../../platform/events/event-log.js';
import type { StatementPart } from '../../platform/events/one-statement.js';
import type {
  Cart,
  CartDelivery,
  CartHold,
  CartLine,
  MergeOutcome,
  MergeStrategy,
  PriceChange,
  PriceOverride,
} from './carts.types.js';
import type { TillSalesService } from './till-sales.js';

export interface NewCart {
  channelId: string;
  currency: string;
  profileId?: string | null | undefined;
  anonymousId?: string | null | undefined;
  email?: string | null | undefined;
  phone?: string | null | undefined;
  /** SHA-256 of the cart token handed to the browser or app that made it (see cart-token.ts). */
  tokenHash?: string | null | undefined;
}

export interface NewLine {
  sku: string;
  title: string;
  quantity: number;
  unitPrice: number;
  holds: CartHold[];
  /** Units asked for but not held (stock ran short): the line still records them. */
  unheld?: number;
  /** The variant's backorder or pre-order policy (absent: it does not sell beyond its stock). */
  stock?: CartLine['stock'];
}

/**
 * One cart per shopper across channels. Every change is an intent on a cart the caller read
 * (optimistic: a cart changed meanwhile is refused with 409); stock holds are the flow's job.
 */
export interface CartsService {
  /** Refuses (409) a cart that is no longer active (merged, checked out, abandoned). */
  requireActive(cart: Cart): void;
  /** The sales each till has on the go (open on its screen, or parked by name). */
  readonly tillSales: TillSalesService;
  /** Creates a cart with a fresh handoff code. */
  createCart(ctx: Ctx, input: NewCart): Promise<Cart>;
  /** A cart by id, or 404. */
  getCart(ctx: Ctx, id: string): Promise<Cart>;
  /** A cart by id, or undefined. */
  findCart(ctx: Ctx, id: string): Promise<Cart | undefined>;
  /** The cart's profile and token hash, for the ownership check of browser and app keys. */
  ownershipOf(
    ctx: Ctx,
    id: string,
  ): Promise<{ profileId: string | null; tokenHash: string | null } | undefined>;
  /** Reads a cart with a row lock (inside the caller's transaction), or 404. */
  lockCart(ctx: Ctx, id: string): Promise<Cart>;
  /** The active cart behind a code typed at the till or a scanned QR payload. */
  findByHandoffCode(ctx: Ctx, codeOrQr: string): Promise<Cart | undefined>;
  /** Active carts of any of these profiles, anonymous ids, emails or phones, newest first. */
  findActiveCarts(
    ctx: Ctx,
    by: { profileIds?: string[]; anonymousIds?: string[]; emails?: string[]; phones?: string[] },
  ): Promise<Cart[]>;
  /** Adds units of a SKU: to the line with the same SKU and price, or as a new line. */
  addLine(ctx: Ctx, cart: Cart, line: NewLine): Promise<{ cart: Cart; line: CartLine }>;
  /** addLine as a write another module's statement carries (see AlongsideWrite); nothing sent here. */
  addLineAlongside(
    ctx: Ctx,
    cart: Cart,
    line: NewLine,
  ): { write: AlongsideWrite; result: { cart: Cart; line: CartLine } };
  /** Sets a line's quantity and holds (the flow has already moved the stock). */
  changeLine(ctx: Ctx, cart: Cart, lineId: string, quantity: number, holds: CartHold[]): Promise<Cart>;
  /**
   * Sets a line's unit price by hand (the flow has checked who may); the line keeps the channel's
   * price it had, and the override leaves with a move to another channel.
   */
  overrideLinePrice(
    ctx: Ctx,
    cart: Cart,
    lineId: string,
    unitPrice: number,
    override: Omit<PriceOverride, 'originalUnitPrice' | 'at'>,
  ): Promise<Cart>;
  /** Removes a line (the flow has already released its holds). */
  removeLine(ctx: Ctx, cart: Cart, lineId: string): Promise<Cart>;
  /** Sets how the cart will be delivered (ship, pickup, carry-out) and the contact given with it. */
  setDelivery(
    ctx: Ctx,
    cart: Cart,
    delivery: CartDelivery,
    contact?: { email?: string | undefined; phone?: string | undefined },
  ): Promise<Cart>;
  /**
   * Moves a cart to another channel: every line gets that channel's price and currency (or leaves
   * the cart when the channel does not sell it). Lists what changed.
   */
  reprice(
    ctx: Ctx,
    cart: Cart,
    to: {
      channelId: string;
      currency: string;
      prices: Map<string, { unitPrice: number; title?: string } | null>;
    },
  ): Promise<{ cart: Cart; changes: PriceChange[]; removedLines: CartLine[] }>;
  /** Records holds that expired or were released (the flow asked inventory); says which lines lost them. */
  markHoldsLost(
    ctx: Ctx,
    cart: Cart,
    lostReservationIds: Set<string>,
  ): Promise<{ cart: Cart; linesLost: string[] }>;
  /** Replaces a line's holds (checkout re-reserved stock for lines that had lost theirs). */
  withHolds(cart: Cart, holdsByLine: Map<string, CartHold[]>): Cart;
  /** Binds an anonymous cart to a customer profile. */
  identify(ctx: Ctx, cart: Cart, profileId: string): Promise<Cart>;
  /**
   * Identifies a shopper's carts as a profile by a strategy; the outcome says what happened.
   * `retired` carts were dropped (keep_newest): the flow releases their holds.
   */
  mergeCarts(
    ctx: Ctx,
    carts: Cart[],
    profileId: string,
    strategy: MergeStrategy,
  ): Promise<{ outcome: MergeOutcome; cart: Cart | null; retired: Cart[] }>;
  /** Closes an active cart as checked out into an order (the lock checkout takes; 409 if it changed). */
  checkOut(ctx: Ctx, cart: Cart, orderId: string): Promise<Cart>;
  /** checkOut as a part (CTE `name`) of a caller's one-statement write (refused if the cart changed). */
  checkOutPart(ctx: Ctx, name: string, cart: Cart, orderId: string): { part: StatementPart; cart: Cart };
  /** Marks an active cart abandoned, with the reason. */
  abandon(ctx: Ctx, cart: Cart, reason: string): Promise<Cart>;
}
