// The sales a till keeps on the hub: the one on its screen survives a reload, a walk to the pickups
// shelf and a second device; a sale can be parked under a name and resumed later; cancelling or
// leaving a sale idle gives its stock back. A sale is a cart on the till's channel.
import { AppError, notFound } from '../../kernel/index.js';
import type { Cart, TillSaleRecord } from '../../modules/carts/index.js';
import { type Ctx, inTransaction } from '../../platform/context.js';
import { refreshHolds, releaseHolds } from './cart-stock.js';
import type { AddLineInput, createCartsFlow } from './carts.flow.js';
import type { CommerceDeps } from './commerce.deps.js';

export interface TillSale extends TillSaleRecord {
  cart: Cart;
  /** Lines whose stock hold expired since the sale was last read. */
  linesLostHold: string[];
}

/** How long a sale nobody touches keeps its stock before the hub gives it back (12 h: a shop day). */
export const TILL_SALE_IDLE_SECONDS = 12 * 3600;

export function createTillSalesFlow(deps: CommerceDeps, carts: ReturnType<typeof createCartsFlow>) {
  const sales = deps.carts.tillSales;

  async function view(ctx: Ctx, record: TillSaleRecord, cart?: Cart): Promise<TillSale> {
    const fresh = await refreshHolds(deps, ctx, cart ?? (await deps.carts.getCart(ctx, record.cartId)));
    return { ...record, cart: fresh.cart, linesLostHold: fresh.linesLost };
  }

  /** The cart, if it is an active cart of the till's channel (another channel's cart is not found). */
  async function tillCart(ctx: Ctx, till: string, cartId: string): Promise<Cart> {
    const cart = await deps.carts.findCart(ctx, cartId);
    if (!cart || cart.channelId !== till) throw notFound('cart', cartId);
    deps.carts.requireActive(cart);
    return cart;
  }

  /** Stock back, cart abandoned, the sale gone from the till. */
  async function drop(ctx: Ctx, cart: Cart, reason: string): Promise<Cart> {
    return inTransaction(ctx, async (tx) => {
      await releaseHolds(
        deps,
        tx,
        cart.lines.flatMap((l) => l.holds),
      );
      const abandoned = cart.status === 'active' ? await deps.carts.abandon(tx, cart, reason) : cart;
      await sales.forget(tx, cart.id);
      return abandoned;
    });
  }

  /**
   * Frees the till's screen for `cartId`: an empty sale on it is dropped; one with lines must be
   * parked or finished first (409 sale_in_progress, naming it).
   */
  async function clearScreen(ctx: Ctx, till: string, cartId: string | null): Promise<void> {
    const open = await sales.current(ctx, till);
    if (!open || open.cartId === cartId) return;
    const cart = await deps.carts.findCart(ctx, open.cartId);
    if (!cart || cart.status !== 'active' || cart.channelId !== till) {
      await sales.forget(ctx, open.cartId);
      return;
    }
    if (cart.lines.length === 0) {
      await drop(ctx, cart, 'till_sale_replaced');
      return;
    }
    throw new AppError('sale_in_progress', 'This till has a sale in progress: park it or finish it first', {
      details: { cartId: cart.id },
    });
  }

  return {
    /** The sale on the till's screen (null when none) and its parked sales, newest first. */
    async list(ctx: Ctx, till: string): Promise<{ current: TillSale | null; parked: TillSale[] }> {
      const records = await sales.list(ctx, till);
      const views = await Promise.all(records.map((r) => view(ctx, r)));
      return {
        current: views.find((v) => v.status === 'open') ?? null,
        parked: views.filter((v) => v.status === 'parked'),
      };
    },

    /** A new sale on the till's screen (with its first lines), or a cart of its channel put there. */
    async start(
      ctx: Ctx,
      till: string,
      input: { cartId?: string; lines?: AddLineInput[] },
    ): Promise<TillSale> {
      return inTransaction(ctx, async (tx) => {
        await clearScreen(tx, till, input.cartId ?? null);
        let cart: Cart;
        if (input.cartId) {
          cart = await tillCart(tx, till, input.cartId);
          for (const l of input.lines ?? []) cart = (await carts.addLine(tx, cart, l)).cart;
        } else {
          cart = await carts.createCart(tx, {
            channelId: till,
            ...(input.lines ? { lines: input.lines } : {}),
          });
        }
        return view(tx, await sales.open(tx, till, cart), cart);
      });
    },

    async park(ctx: Ctx, till: string, cartId: string, name: string): Promise<TillSale> {
      const cart = await tillCart(ctx, till, cartId);
      if (cart.lines.length === 0) {
        throw new AppError('sale_empty', 'An empty sale cannot be parked', {
          issues: [{ path: 'params.id', message: 'the sale has no lines' }],
        });
      }
      return view(ctx, await sales.park(ctx, till, cart, name), cart);
    },

    async resume(ctx: Ctx, till: string, cartId: string): Promise<TillSale> {
      return inTransaction(ctx, async (tx) => {
        const cart = await tillCart(tx, till, cartId);
        await clearScreen(tx, till, cart.id);
        return view(tx, await sales.open(tx, till, cart), cart);
      });
    },

    /** Cancels a sale of this till: its stock is given back at once. */
    async cancel(ctx: Ctx, till: string, cartId: string): Promise<Cart> {
      return drop(ctx, await tillCart(ctx, till, cartId), 'till_sale_cancelled');
    },

    /** Gives back the stock of sales nobody touched for `idleSeconds` (a periodic job). */
    async abandonIdle(ctx: Ctx, idleSeconds = TILL_SALE_IDLE_SECONDS): Promise<number> {
      const before = new Date(ctx.clock.now().getTime() - idleSeconds * 1000);
      let n = 0;
      for (const r of await sales.idle(ctx, before)) {
        const cart = await deps.carts.findCart(ctx, r.cartId);
        if (!cart) continue;
        await drop(ctx, cart, 'till_sale_idle');
        n++;
      }
      return n;
    },
  };
}

export type TillSalesFlow = ReturnType<typeof createTillSalesFlow>;
