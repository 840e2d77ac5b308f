// Placing an order and planning its fulfilments as parts of another caller's one-statement write
// (checkout): the order insert takes its number from the sequence, and every event of the order
// gets that number through the statement's payload patch, so nothing waits for a reply.
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.js';
import { prepareEvents } from '../../platform/events/event-log.js';
import type { StatementPart } from '../../platform/events/one-statement.js';
import { type FulfilmentPlan, fulfilmentPlannedEvent, newFulfilments } from './fulfilments.service.js';
import { stampActor } from './order-changes.js';
import { draftOrder, type PlaceOrderOptions, placedEvents } from './order-drafts.js';
import { insertFulfilmentsStatement, insertOrderStatement } from './orders.repository.js';
import type { NewOrder, Order } from './orders.types.js';

export interface OrderPlacementParts {
  parts: StatementPart[];
  /** The order as placed, once the statement returned its number (the `order` part's result). */
  placed(result: Record<string, unknown>): Order;
}

export function createOrderPlacement(numberPrefix: string) {
  return {
    /**
     * The order insert (must write: a cart or external id that has an order refuses the whole
     * statement) and its fulfilments, with all their events.
     */
    placeOrderParts(
      ctx: Ctx,
      input: NewOrder,
      opts: PlaceOrderOptions,
      plans: FulfilmentPlan[],
    ): OrderPlacementParts {
      const d = draftOrder(ctx, input, opts);
      const order = stampActor(ctx, d.moved.order);
      const fulfilments = newFulfilments(order.id, plans, d.now);
      const numbered = sql`jsonb_build_object('orderNumber', (select number from placed_order))`;
      return {
        parts: [
          {
            name: 'placed_order',
            statement: insertOrderStatement(order, numberPrefix, sql`number`),
            expectRows: 1,
            events: prepareEvents(ctx, placedEvents(order, d, opts, input.placedAt)),
            payloadPatch: numbered,
            result: sql`(select number from placed_order)`,
          },
          {
            name: 'planned_fulfilments',
            statement: insertFulfilmentsStatement(fulfilments),
            expectRows: fulfilments.length,
            events: prepareEvents(
              ctx,
              fulfilments.map((f) => fulfilmentPlannedEvent(order, f)),
            ),
            payloadPatch: numbered,
          },
        ],
        placed: (result) => ({ ...order, number: String(result.placed_order) }),
      };
    },
  };
}

export type OrderPlacement = ReturnType<typeof createOrderPlacement>;
