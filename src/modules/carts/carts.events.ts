// Events the carts module emits, with their payload schemas; subject is the cart id. Payloads carry
// the profile and anonymous id so the customers module can follow carts (cart abandoner) without
// reading our tables.
import { z } from 'zod';
import { defineEvents, type EventPayload } from '../../platform/events/event-schemas.js';
import { CART_STATUSES, MERGE_STRATEGIES, MergeOutcome, PriceChange } from './carts.types.js';

export const CART_EVENTS = {
  created: 'cart.created',
  lineAdded: 'cart.line_added',
  lineChanged: 'cart.line_changed',
  lineRemoved: 'cart.line_removed',
  linePriceOverridden: 'cart.line_price_overridden',
  repriced: 'cart.repriced',
  deliveryChosen: 'cart.delivery_chosen',
  identified: 'cart.identified',
  merged: 'cart.merged',
  holdsLost: 'cart.holds_lost',
  checkedOut: 'cart.checked_out',
  abandoned: 'cart.abandoned',
} as const;

/** A till's sale parked by name or resumed (the name is personal data and stays out of events). */
export const TILL_SALE_EVENTS = {
  parked: 'cart.till_sale_parked',
  resumed: 'cart.till_sale_resumed',
} as const;

const tillSaleEvent = z.strictObject({
  cartId: z.string(),
  channelId: z.string(),
  profileId: z.string().nullable(),
  itemsTotal: z.number().int().describe('minor units'),
  itemCount: z.number().int(),
});

/** What every cart event carries: the cart after the change. */
const cartFacts = {
  cartId: z.string(),
  channelId: z.string(),
  profileId: z.string().nullable(),
  anonymousId: z.string().nullable(),
  currency: z.string(),
  itemsTotal: z.number().int().describe('minor units'),
  itemCount: z.number().int(),
};
const cartEvent = <S extends z.ZodRawShape>(extra: S) => z.strictObject({ ...cartFacts, ...extra });

/** identified (a shopper signed in, or carts merged and this one stays) and merged (folded into another). */
const identity = cartEvent({
  previousProfileId: z.string().nullable(),
  strategy: z.enum(MERGE_STRATEGIES).optional(),
  status: z.enum(CART_STATUSES).optional(),
  mergedInto: z.string().nullable().optional(),
  outcome: MergeOutcome.optional().describe('on the cart the customer continues with'),
});

export const CART_EVENT_SCHEMAS = defineEvents({
  [TILL_SALE_EVENTS.parked]: tillSaleEvent,
  [TILL_SALE_EVENTS.resumed]: tillSaleEvent,
  [CART_EVENTS.created]: cartEvent({}),
  [CART_EVENTS.lineAdded]: cartEvent({
    sku: z.string(),
    quantity: z.number().int(),
    unitPrice: z.number().int(),
    lineId: z.string(),
  }),
  [CART_EVENTS.lineChanged]: cartEvent({
    sku: z.string(),
    lineId: z.string(),
    from: z.number().int(),
    to: z.number().int(),
  }),
  [CART_EVENTS.lineRemoved]: cartEvent({ sku: z.string(), lineId: z.string(), quantity: z.number().int() }),
  // The reason stays on the line (free text), out of the log.
  [CART_EVENTS.linePriceOverridden]: cartEvent({
    lineId: z.string(),
    sku: z.string(),
    from: z.number().int(),
    to: z.number().int(),
    originalUnitPrice: z.number().int().describe("the channel's price"),
    by: z.string().describe('staff member or key id'),
    approvedBy: z.string().nullable().describe('the approving manager (staff member id), if any'),
  }),
  [CART_EVENTS.repriced]: cartEvent({
    fromChannelId: z.string(),
    fromCurrency: z.string(),
    changes: z.array(PriceChange),
  }),
  [CART_EVENTS.deliveryChosen]: cartEvent({ delivery: z.string() }),
  [CART_EVENTS.identified]: identity,
  [CART_EVENTS.merged]: identity,
  [CART_EVENTS.holdsLost]: cartEvent({
    lines: z.array(z.object({ lineId: z.string(), sku: z.string().optional() })),
  }),
  [CART_EVENTS.checkedOut]: cartEvent({ orderId: z.string() }),
  [CART_EVENTS.abandoned]: cartEvent({ reason: z.string() }),
});

export type CartEventPayload<T extends keyof typeof CART_EVENT_SCHEMAS> = EventPayload<
  typeof CART_EVENT_SCHEMAS,
  T
>;
