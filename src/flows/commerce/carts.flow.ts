// Cart use cases that need other modules: prices from the catalog (per channel), holds from
// inventory, and moving a cart to another channel (reprice, listing what changed).
import { AppError, notFound } from '../../kernel/index.js';
import type { Cart, CartDelivery, NewCart, PriceChange } from '../../modules/carts/index.js';
import { type Ctx, inTransaction } from '../../platform/context.js';
import {
  beyondStock,
  holdAndAddLine,
  holdForCart,
  lineStockOf,
  refreshHolds,
  releaseHolds,
} from './cart-stock.js';
import { channelPrices } from './channel-prices.js';
import { type CommerceDeps, channelOf, locationOf } from './commerce.deps.js';

export interface AddLineInput {
  sku: string;
  quantity: number;
}

export type DeliveryInput =
  | { type: 'ship'; address: Extract<CartDelivery, { type: 'ship' }>['address']; method: string }
  | { type: 'pickup'; locationId: string }
  | { type: 'carry_out' };

export function createCartsFlow(deps: CommerceDeps) {
  async function priceOf(ctx: Ctx, cart: Cart, sku: string) {
    const channel = await channelOf(deps, ctx, cart.channelId);
    const price = (await channelPrices(deps.catalog, ctx, channel, [sku])).get(sku);
    if (!price || !price.listed) {
      throw new AppError('not_sold_on_channel', `${sku} is not sold on channel ${channel.code}`, {
        details: { sku, channelId: channel.id },
      });
    }
    return price;
  }

  return {
    async createCart(ctx: Ctx, input: Omit<NewCart, 'currency'> & { lines?: AddLineInput[] }): Promise<Cart> {
      const channel = await channelOf(deps, ctx, input.channelId);
      if (!input.lines?.length) {
        // One statement: no transaction needed.
        return deps.carts.createCart(ctx, { ...input, channelId: channel.id, currency: channel.currency });
      }
      return inTransaction(ctx, async (tx) => {
        let cart = await deps.carts.createCart(tx, {
          ...input,
          channelId: channel.id,
          currency: channel.currency,
        });
        for (const l of input.lines ?? []) cart = (await this.addLine(tx, cart, l)).cart;
        return cart;
      });
    },

    /** The cart, with lines whose hold expired marked (and listed). */
    async getCart(ctx: Ctx, cartId: string) {
      const cart = await deps.carts.getCart(ctx, cartId);
      return refreshHolds(deps, ctx, cart);
    },

    /** Adds units at the channel's current price and holds the stock for them (409 when there is none). */
    async addLine(ctx: Ctx, cartOrId: Cart | string, input: AddLineInput) {
      const current = typeof cartOrId === 'string' ? await deps.carts.getCart(ctx, cartOrId) : cartOrId;
      deps.carts.requireActive(current);
      const price = await priceOf(ctx, current, input.sku);
      const stock = lineStockOf(price);
      const fields = {
        sku: input.sku,
        title: price.title,
        quantity: input.quantity,
        unitPrice: price.unitPrice,
        ...(stock ? { stock } : {}),
      };
      if (ctx.inTx) {
        const hold = await holdForCart(deps, ctx, current, input.sku, input.quantity, beyondStock(stock));
        return deps.carts.addLine(ctx, current, { ...fields, holds: [hold] });
      }
      // On its own, no transaction: the hold goes through inventory's group commit (one statement
      // when the SKU's numbers are known), which carries the cart's new line and its event.
      return holdAndAddLine(deps, ctx, current, fields);
    },

    /** Sets a line's quantity: holds more stock, or releases the holds and holds the new quantity. */
    async changeLine(ctx: Ctx, cartId: string, lineId: string, quantity: number): Promise<Cart> {
      const cart = await deps.carts.getCart(ctx, cartId);
      deps.carts.requireActive(cart);
      const line = cart.lines.find((l) => l.lineId === lineId);
      if (!line) throw notFound('cart line', lineId);
      return inTransaction(ctx, async (tx) => {
        if (quantity === 0) {
          await releaseHolds(deps, tx, line.holds);
          return deps.carts.removeLine(tx, cart, lineId);
        }
        const held = line.holds.reduce((s, h) => s + h.quantity, 0);
        let holds = line.holds;
        if (quantity > held) {
          const more = await holdForCart(
            deps,
            tx,
            cart,
            line.sku,
            quantity - held,
            beyondStock(line.stock, holds),
          );
          holds = [...holds, more];
        } else if (quantity < held) {
          await releaseHolds(deps, tx, line.holds);
          holds = [await holdForCart(deps, tx, cart, line.sku, quantity, beyondStock(line.stock))];
        }
        return deps.carts.changeLine(tx, cart, lineId, quantity, holds);
      });
    },

    async removeLine(ctx: Ctx, cartId: string, lineId: string): Promise<Cart> {
      return this.changeLine(ctx, cartId, lineId, 0);
    },

    /** Shipping address and method, or a pickup store, or carry-out at the till. */
    async setDelivery(
      ctx: Ctx,
      cartOrId: Cart | string,
      input: DeliveryInput,
      contact: { email?: string | undefined; phone?: string | undefined } = {},
    ): Promise<Cart> {
      const cart = typeof cartOrId === 'string' ? await deps.carts.getCart(ctx, cartOrId) : cartOrId;
      let delivery: CartDelivery;
      if (input.type === 'pickup') {
        const location = await locationOf(deps, ctx, input.locationId);
        if (!location || location.type !== 'store' || location.status !== 'active') {
          throw new AppError(
            'pickup_store_unavailable',
            `${input.locationId} is not an active store for click & collect`,
            {
              issues: [{ path: 'body.locationId', message: 'not an active store' }],
            },
          );
        }
        delivery = { type: 'pickup', locationId: location.id, locationName: location.name };
      } else if (input.type === 'ship') {
        const offered = deps.checkoutRules.shippingPrice(input.method, cart.currency, 0);
        if (!offered.ok) {
          throw new AppError(
            offered.reason,
            `Shipping method ${input.method} is not offered in ${cart.currency}`,
            {
              issues: [{ path: 'body.method', message: 'unknown shipping method for this currency' }],
            },
          );
        }
        delivery = input;
      } else delivery = input;
      return deps.carts.setDelivery(ctx, cart, delivery, contact);
    },

    /**
     * Continues a cart on another channel: every line gets that channel's price and currency; lines
     * the channel does not sell leave the cart (their holds are released). Lists what changed.
     */
    async moveToChannel(
      ctx: Ctx,
      cartId: string,
      channelIdOrCode: string,
    ): Promise<{ cart: Cart; changes: PriceChange[] }> {
      const cart = await deps.carts.getCart(ctx, cartId);
      deps.carts.requireActive(cart);
      const channel = await channelOf(deps, ctx, channelIdOrCode);
      if (channel.id === cart.channelId) return { cart, changes: [] };
      const found = await channelPrices(
        deps.catalog,
        ctx,
        channel,
        cart.lines.map((l) => l.sku),
      );
      const prices = new Map(
        cart.lines.map((l) => {
          const p = found.get(l.sku);
          return [l.sku, p?.listed ? { unitPrice: p.unitPrice, title: p.title } : null] as const;
        }),
      );
      return inTransaction(ctx, async (tx) => {
        const moved = await deps.carts.reprice(tx, cart, {
          channelId: channel.id,
          currency: channel.currency,
          prices,
        });
        await releaseHolds(
          deps,
          tx,
          moved.removedLines.flatMap((l) => l.holds),
        );
        return { cart: moved.cart, changes: moved.changes };
      });
    },
  };
}

export type CartsFlow = ReturnType<typeof createCartsFlow>;
