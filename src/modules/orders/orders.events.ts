// Events the orders module emits; subject is always the order id. Each status change is
// `order.<new status>`; the payload carries what the customers projection and webhooks need
// (channel, customer, totals) so consumers never read our tables.
import type { OrderStatus } from './order-state.js';

export const ORDER_EVENTS = {
  created: 'order.created',
  imported: 'order.imported',
  fulfilmentPlanned: 'order.fulfilment_planned',
  readyForPickup: 'order.ready_for_pickup',
  pickedUp: 'order.picked_up',
  /** A till sale's goods left the store with the customer. */
  handedOver: 'order.handed_over',
  shipped: 'order.shipped',
  returned: 'order.returned',
  customerLinked: 'order.customer_linked',
  pickupExpired: 'order.pickup_expired',
} as const;

export const statusEvent = (status: OrderStatus): string => `order.${status}`;
