// Events the orders module emits, with their payload schemas; subject is always the order id. Each
// status change is `order.<new status>`; the payload carries what the customers projection and
// webhooks need (channel, customer, totals) so consumers never read our tables.
import { z } from 'zod';
import {
  defineEvents,
  type EventPayload,
  type EventPayloadSchema,
} from '../../platform/events/event-schemas.js';
import { ORDER_STATUSES, type OrderStatus } from './order-state.js';
import {
  FULFILMENT_KINDS,
  FulfilmentLine,
  ORDER_SOURCES,
  RETURN_METHODS,
  ReturnLine,
  Routing,
} from './orders.types.js';

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
  /** Staff wrote a note on the order (the payload has the note's id, not its text). */
  noteAdded: 'order.note_added',
  /** Money went back without a return (goodwill, a partial or full refund from the admin). */
  refundIssued: 'order.refund_issued',
  /** The order confirmation was emailed (again) to the order's address. */
  confirmationSent: 'order.confirmation_sent',
} as const;

export const statusEvent = (status: OrderStatus): string => `order.${status}`;

/** What every order event carries: the order after the change (orderFacts in orders.service.ts). */
const orderFacts = {
  orderId: z.string(),
  orderNumber: z.string().describe('e.g. OH-10234'),
  channelId: z.string(),
  source: z.enum(ORDER_SOURCES),
  customerId: z.string().nullable(),
  status: z.enum(ORDER_STATUSES),
  currency: z.string(),
  grandTotal: z.number().int().describe('minor units'),
  paidAmount: z.number().int(),
  refundedAmount: z.number().int(),
  delivery: z.enum(['ship', 'pickup', 'carry_out']),
  itemCount: z.number().int(),
};
const orderEvent = <S extends z.ZodRawShape>(extra: S) => z.strictObject({ ...orderFacts, ...extra });

/** The facts every order event carries, for consumers of all of them (`order.*`). */
export const OrderEventFacts = z.object(orderFacts);
export type OrderEventFacts = z.infer<typeof OrderEventFacts>;

const placed = orderEvent({
  historical: z.literal(true).optional().describe('imported history: it happened before the hub'),
  cartId: z.string().nullable(),
  externalSource: z.string().nullable(),
  externalId: z.string().nullable(),
  lines: z.array(
    z.strictObject({
      sku: z.string(),
      title: z.string(),
      quantity: z.number().int(),
      total: z.number().int(),
    }),
  ),
});

/** `order.<status>`: one per step of the state machine (an order is born pending). */
const statusChange = orderEvent({
  from: z.enum(ORDER_STATUSES),
  reason: z.string().nullable(),
  historical: z
    .literal(true)
    .optional()
    .describe('imported history: it happened before the hub (counts for the customer, earns no points)'),
});
const statusSchemas: Record<string, EventPayloadSchema> = Object.fromEntries(
  ORDER_STATUSES.filter((s) => s !== 'pending').map((s) => [statusEvent(s), statusChange]),
);

export const ORDER_EVENT_SCHEMAS = defineEvents({
  [ORDER_EVENTS.created]: placed,
  [ORDER_EVENTS.imported]: placed,
  [ORDER_EVENTS.fulfilmentPlanned]: orderEvent({
    fulfilmentId: z.string(),
    kind: z.enum(FULFILMENT_KINDS),
    locationId: z.string(),
    lines: z.array(FulfilmentLine.strict()),
    routing: Routing.strict(),
  }),
  [ORDER_EVENTS.readyForPickup]: orderEvent({
    fulfilmentId: z.string(),
    locationId: z.string(),
    pickupCode: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
  }),
  [ORDER_EVENTS.pickedUp]: orderEvent({ fulfilmentId: z.string(), locationId: z.string() }),
  [ORDER_EVENTS.handedOver]: orderEvent({ fulfilmentId: z.string(), locationId: z.string() }),
  [ORDER_EVENTS.shipped]: orderEvent({
    fulfilmentId: z.string(),
    kind: z.enum(FULFILMENT_KINDS),
    locationId: z.string(),
    tracking: z.record(z.string(), z.unknown()).nullable(),
  }),
  [ORDER_EVENTS.returned]: orderEvent({
    returnId: z.string(),
    returnChannelId: z.string().nullable(),
    locationId: z.string().nullable(),
    method: z.enum(RETURN_METHODS),
    lines: z.array(ReturnLine.strict()),
    refundMethod: z.enum(['original_payment', 'store_credit']),
    refundAmount: z.number().int(),
    refundIds: z.array(z.string()),
    storeCreditCode: z.string().nullable(),
  }),
  [ORDER_EVENTS.customerLinked]: orderEvent({ previousCustomerId: z.string().nullable() }),
  [ORDER_EVENTS.noteAdded]: orderEvent({ noteId: z.string().describe("the note's id; its text stays out") }),
  [ORDER_EVENTS.refundIssued]: orderEvent({
    amount: z.number().int().describe('minor units'),
    method: z.enum(['original_payment', 'store_credit']),
    refundIds: z.array(z.string()),
    storeCreditCode: z.string().nullable(),
  }),
  [ORDER_EVENTS.confirmationSent]: orderEvent({}),
  ...(statusSchemas as Record<`order.${Exclude<OrderStatus, 'pending'>}`, typeof statusChange>),
});

export type OrderEventType = keyof typeof ORDER_EVENT_SCHEMAS;
export type OrderEventPayload<T extends OrderEventType> = EventPayload<typeof ORDER_EVENT_SCHEMAS, T>;
export const isOrderEventType = (type: string): type is OrderEventType =>
  Object.hasOwn(ORDER_EVENT_SCHEMAS, type);
