// Orders: one order model for every channel (native and imported with external ids), its explicit
// state machine, fulfilments (ship, ship-from-store, click & collect) and returns from anywhere.
import { fileURLToPath } from 'node:url';
import type { MigrationSet } from '../../platform/db/migrate.js';
import { createFulfilmentsService } from './fulfilments.service.js';
import { createOrdersService } from './orders.service.js';
import { createReturnsService } from './returns.service.js';

export type { FulfilmentPlan, FulfilmentsService } from './fulfilments.service.js';
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
export { advance, type OrdersService, orderEvent, orderFacts } from './orders.service.js';
export * from './orders.types.js';
export { eraseOrdersOfCustomer, ORDERS_PERSONAL_DATA, type OrdersErasure } from './orders-erasure.js';
export {
  ChannelOrderStats,
  listAllReturns,
  orderInsightsRoutes,
  orderStats,
  ReturnListItem,
} from './orders-insights.js';
export type { ReturnLineRequest, ReturnRecord, ReturnsService } from './returns.service.js';

/** The orders module's services: orders, their fulfilments and returns. */
export function createOrdersModule(opts: { numberPrefix?: string } = {}) {
  return {
    orders: createOrdersService({ numberPrefix: opts.numberPrefix ?? 'OH' }),
    fulfilments: createFulfilmentsService(),
    returns: createReturnsService(),
  };
}
export type OrdersModule = ReturnType<typeof createOrdersModule>;

export const ordersMigrations: MigrationSet = {
  name: 'orders',
  folder: fileURLToPath(new URL('./migrations', import.meta.url)),
};
