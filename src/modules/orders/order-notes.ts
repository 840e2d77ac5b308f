// Staff notes on an order: written by an admin or clerk, listed oldest first on the order page.
// Each note is an `order.note_added` event for the timeline; the event carries the note's id, not its
// text (notes may name people; the text stays in this table, which the erasure deletes).
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { newId } from '../../kernel/index.js';
import { type Ctx, inTransaction } from '../../platform/context.js';
import { type Executor, rows } from '../../platform/db/database.js';
import type { SqlRow } from '../../platform/db/rows.js';
import { appendEvents } from '../../platform/events/event-log.js';
import { textArray } from '../../platform/privacy/erasure-sql.js';
import { orderEvent } from './order-changes.js';
import { ORDER_EVENTS } from './orders.events.js';
import type { notes } from './orders.schema.js';
import type { OrdersService } from './orders.service.js';

export const OrderNote = z.object({
  id: z.string(),
  orderId: z.string(),
  text: z.string(),
  createdBy: z.string(),
  createdAt: z.date(),
});
export type OrderNote = z.infer<typeof OrderNote>;

export const OrderNoteInput = z.strictObject({ text: z.string().trim().min(1).max(2000) });

const toNote = (r: SqlRow<typeof notes>): OrderNote => ({
  id: r.id,
  orderId: r.order_id,
  text: r.text,
  createdBy: r.created_by,
  createdAt: new Date(r.created_at),
});

/** Deletes the notes of erased orders (the erasure of a customer). */
export async function deleteNotesOfOrders(exec: Executor, orderIds: string[]): Promise<void> {
  if (orderIds.length === 0) return;
  await exec.execute(sql`delete from order_notes where order_id = any(${textArray(orderIds)})`);
}

/** Staff notes on an order. */
export interface OrderNotesService {
  /** Writes a note on the order (404 for an unknown order) and an order.note_added event. */
  addNote(ctx: Ctx, orderId: string, text: string): Promise<OrderNote>;
  /** The order's notes, oldest first. */
  listNotes(ctx: Ctx, orderId: string): Promise<OrderNote[]>;
}

export function createOrderNotesService(orders: OrdersService): OrderNotesService {
  return {
    async addNote(ctx: Ctx, orderId: string, text: string): Promise<OrderNote> {
      return inTransaction(ctx, async (tx) => {
        const order = await orders.getOrder(tx, orderId);
        const note: OrderNote = {
          id: newId('note'),
          orderId: order.id,
          text,
          createdBy: tx.actor.id,
          createdAt: tx.clock.now(),
        };
        await tx.db.execute(
          sql`insert into order_notes (id, order_id, text, created_by, created_at)
              values (${note.id}, ${note.orderId}, ${note.text}, ${note.createdBy}, ${note.createdAt.toISOString()}::timestamptz)`,
        );
        await appendEvents(tx, [orderEvent(order, ORDER_EVENTS.noteAdded, { noteId: note.id })]);
        return note;
      });
    },

    async listNotes(ctx: Ctx, orderId: string): Promise<OrderNote[]> {
      const found = await rows<SqlRow<typeof notes>>(
        ctx.db,
        sql`select * from order_notes where order_id = ${orderId} order by created_at, id`,
      );
      return found.map(toNote);
    },
  };
}
