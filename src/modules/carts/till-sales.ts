// The sales a till has on the go: the one on its screen (`open`, at most one per till) and the ones
// parked under a name. A till is the store channel whose key runs it; the sale itself is a cart, so
// its lines, prices and stock holds are the cart's. Rows whose cart was checked out, abandoned or
// taken to another channel are dropped when the till next reads its sales.
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { notFound } from '../../kernel/index.js';
import { type Ctx, inTransaction } from '../../platform/context.js';
import { firstRow, rows } from '../../platform/db/database.js';
import type { SqlRow } from '../../platform/db/rows.js';
import { appendEvents } from '../../platform/events/event-log.js';
import { TILL_SALE_EVENTS } from './carts.events.js';
import type { tillSales } from './carts.schema.js';
import type { Cart } from './carts.types.js';

const facts = (c: Cart) => ({
  cartId: c.id,
  channelId: c.channelId,
  profileId: c.profileId,
  itemsTotal: c.itemsTotal,
  itemCount: c.lines.reduce((s, l) => s + l.quantity, 0),
});

export const TillSaleStatus = z.enum(['open', 'parked']);
export const TillSaleRecord = z.object({
  cartId: z.string(),
  tillChannelId: z.string(),
  status: TillSaleStatus,
  name: z.string().nullable().describe('what the clerk called a parked sale'),
  parkedAt: z.date().nullable(),
  updatedAt: z.date(),
});
export type TillSaleRecord = z.infer<typeof TillSaleRecord>;

type TillSaleRow = SqlRow<typeof tillSales>;

const toRecord = (r: TillSaleRow): TillSaleRecord => ({
  cartId: r.cart_id,
  tillChannelId: r.till_channel_id,
  status: TillSaleStatus.parse(r.status),
  name: r.name,
  parkedAt: r.parked_at === null ? null : new Date(r.parked_at),
  updatedAt: new Date(r.updated_at),
});

/** The sales each till has on the go: open on its screen, or parked by name. */
export interface TillSalesService {
  /** The till's sales, newest first, without rows whose cart is no longer an active cart of the till. */
  list(ctx: Ctx, tillChannelId: string): Promise<TillSaleRecord[]>;
  /** The sale of a cart, if it is one. */
  find(ctx: Ctx, cartId: string): Promise<TillSaleRecord | undefined>;
  /** Puts the cart on the till's screen (the till must have no other open sale). */
  open(ctx: Ctx, tillChannelId: string, cart: Cart): Promise<TillSaleRecord>;
  /** Parks the till's sale under a name; the screen is free for the next customer. */
  park(ctx: Ctx, tillChannelId: string, cart: Cart, name: string): Promise<TillSaleRecord>;
  /** The till's open sale, if any. */
  current(ctx: Ctx, tillChannelId: string): Promise<TillSaleRecord | undefined>;
  /** Drops the sale of a cart (sold, cancelled or moved). */
  forget(ctx: Ctx, cartId: string): Promise<void>;
  /** Sales nobody touched since `before` (the holds of their carts are to be given back). */
  idle(ctx: Ctx, before: Date, limit?: number): Promise<TillSaleRecord[]>;
  /** The sale of a cart, or 404. */
  require(ctx: Ctx, cartId: string): Promise<TillSaleRecord>;
}

export function createTillSalesService(): TillSalesService {
  const service: TillSalesService = {
    /**
     * The till's sales, newest first, after dropping rows whose cart is no longer an active cart of
     * this till's channel (sold, cancelled, merged or taken over by another channel).
     */
    async list(ctx: Ctx, tillChannelId: string): Promise<TillSaleRecord[]> {
      await ctx.db.execute(
        sql`delete from till_sales s using carts c
            where s.cart_id = c.id and s.till_channel_id = ${tillChannelId}
              and (c.status <> 'active' or c.channel_id <> ${tillChannelId})`,
      );
      const found = await rows<TillSaleRow>(
        ctx.db,
        sql`select * from till_sales where till_channel_id = ${tillChannelId}
            order by status, updated_at desc limit 100`,
      );
      return found.map(toRecord);
    },

    async find(ctx: Ctx, cartId: string): Promise<TillSaleRecord | undefined> {
      const r = await firstRow<TillSaleRow>(ctx.db, sql`select * from till_sales where cart_id = ${cartId}`);
      return r ? toRecord(r) : undefined;
    },

    /** Puts the cart on the till's screen (the till must have no other open sale). */
    async open(ctx: Ctx, tillChannelId: string, cart: Cart): Promise<TillSaleRecord> {
      const now = ctx.clock.now().toISOString();
      return inTransaction(ctx, async (tx) => {
        const before = await this.find(tx, cart.id);
        const r = await firstRow<TillSaleRow>(
          tx.db,
          sql`insert into till_sales (cart_id, till_channel_id, status, name, parked_at, updated_at)
              values (${cart.id}, ${tillChannelId}, 'open', null, null, ${now})
              on conflict (cart_id) do update set till_channel_id = excluded.till_channel_id,
                status = 'open', updated_at = excluded.updated_at
              returning *`,
        );
        if (before?.status === 'parked') {
          await appendEvents(tx, [
            {
              type: TILL_SALE_EVENTS.resumed,
              subject: cart.id,
              channelId: tillChannelId,
              payload: facts(cart),
            },
          ]);
        }
        return toRecord(r!);
      });
    },

    /** Parks the till's sale under a name; the screen is free for the next customer. */
    async park(ctx: Ctx, tillChannelId: string, cart: Cart, name: string): Promise<TillSaleRecord> {
      const now = ctx.clock.now().toISOString();
      return inTransaction(ctx, async (tx) => {
        const r = await firstRow<TillSaleRow>(
          tx.db,
          sql`insert into till_sales (cart_id, till_channel_id, status, name, parked_at, updated_at)
              values (${cart.id}, ${tillChannelId}, 'parked', ${name}, ${now}, ${now})
              on conflict (cart_id) do update set till_channel_id = excluded.till_channel_id,
                status = 'parked', name = excluded.name, parked_at = excluded.parked_at,
                updated_at = excluded.updated_at
              returning *`,
        );
        // The name may be a customer's: the event carries only that a sale was parked.
        await appendEvents(tx, [
          { type: TILL_SALE_EVENTS.parked, subject: cart.id, channelId: tillChannelId, payload: facts(cart) },
        ]);
        return toRecord(r!);
      });
    },

    /** The till's open sale, if any. */
    async current(ctx: Ctx, tillChannelId: string): Promise<TillSaleRecord | undefined> {
      const r = await firstRow<TillSaleRow>(
        ctx.db,
        sql`select * from till_sales where till_channel_id = ${tillChannelId} and status = 'open'`,
      );
      return r ? toRecord(r) : undefined;
    },

    async forget(ctx: Ctx, cartId: string): Promise<void> {
      await ctx.db.execute(sql`delete from till_sales where cart_id = ${cartId}`);
    },

    /** Sales nobody touched since `before` (the holds of their carts are to be given back). */
    async idle(ctx: Ctx, before: Date, limit = 100): Promise<TillSaleRecord[]> {
      const found = await rows<TillSaleRow>(
        ctx.db,
        sql`select s.* from till_sales s join carts c on c.id = s.cart_id
            where s.updated_at < ${before.toISOString()} and c.updated_at < ${before.toISOString()}
            order by s.updated_at limit ${limit}`,
      );
      return found.map(toRecord);
    },

    async require(ctx: Ctx, cartId: string): Promise<TillSaleRecord> {
      const found = await service.find(ctx, cartId);
      if (!found) throw notFound('till sale', cartId);
      return found;
    },
  };
  return service;
}
