// Orders: one order model for every channel (native and imported with external ids), its explicit
// state machine, fulfilments (ship, ship-from-store, click & collect) and returns from anywhere.
import { fileURLToPath } from 'node:url';
import type { MigrationSet } from '../../platform/db/migrate.js';
import { createFulfilmentsService, type FulfilmentsService } from './fulfilments.service.js';
import { createOrderNotesService, type OrderNotesService } from './order-notes.js';
import { createOrderPlacement, type OrderPlacement } from './order-placement.js';
import { createOrdersService, type OrdersService } from './orders.service.js';
import { createReturnsService, type ReturnsService } from './returns.service.js';

export type { FulfilmentPlan, FulfilmentsService } from './fulfilments.service.js';
export {
  type OrderChannelCounts,
  type OrderFigures,
  type OrderSample,
  orderFigures,
  type ReturnChannelCounts,
} from './omnichannel-figures.js';
export type { PlaceOrderOptions } from './order-drafts.js';
export { OrderNote, OrderNoteInput, type OrderNotesService } from './order-notes.js';
export type { OrderPlacement, OrderPlacementParts } from './order-placement.js';
export { allowedNext, ORDER_STATUSES, type OrderStatus, refuseTransition } from './order-state.js';
export {
  isOrderEventType,
  ORDER_EVENT_SCHEMAS,
  ORDER_EVENTS,
  OrderEventFacts,
  type OrderEventPayload,
  type OrderEventType,
  statusEvent,
} from './orders.events.js';
export type { OrderFilter } from './orders.repository.js';
export { ordersRoutes } from './orders.routes.js';
export type { OrdersService } from './orders.service.js';
export * from './orders.types.js';
export {
  eraseOrdersOfCustomer,
  exportOrdersOfCustomer,
  ORDERS_PERSONAL_DATA,
  type OrdersErasure,
} from './orders-erasure.js';
export {
  ChannelOrderStats,
  listAllReturns,
  orderInsightsRoutes,
  orderStats,
  ReturnListItem,
} from './orders-insights.js';
export type { ReturnLineRequest, ReturnRecord, ReturnsService } from './returns.service.js';

/** The orders module's services: orders, their fulfilments and returns. */
export interface OrdersModule {
  orders: OrdersService;
  fulfilments: FulfilmentsService;
  returns: ReturnsService;
  notes: OrderNotesService;
  /** Placing an order as parts of a caller's one-statement write (checkout). */
  placement: OrderPlacement;
}

export function createOrdersModule(opts: { numberPrefix?: string } = {}): OrdersModule {
  const numberPrefix = opts.numberPrefix ?? 'OH';
  const orders = createOrdersService({ numberPrefix });
  return {
    placement: createOrderPlacement(numberPrefix),
    orders,
    fulfilments: createFulfilmentsService(),
    returns: createReturnsService(),
    notes: createOrderNotesService(orders),
  };
}

export const ordersMigrations: MigrationSet = {
  name: 'orders',
  folder: fileURLToPath(new URL('./migrations', import.meta.url)),
};
