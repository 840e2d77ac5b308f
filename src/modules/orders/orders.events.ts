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
  /** Staff wrote a note on the order (the payload has the note's id, not its text). */
  noteAdded: 'order.note_added',
  /** Money went back without a return (goodwill, a partial or full refund from the admin). */
  refundIssued: 'order.refund_issued',
  /** The order confirmation was emailed (again) to the order's address. */
  confirmationSent: 'order.confirmation_sent',
} as const;

export const statusEvent = (status: OrderStatus): string => `order.${status}`;
