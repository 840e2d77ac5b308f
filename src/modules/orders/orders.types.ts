import { z } from 'zod';
import { ORDER_STATUSES } from './order-state.js';

export const ORDER_SOURCES = ['native', 'imported'] as const;
// counter: sold at the till and handed over at once; it is never a task for the store.
export const FULFILMENT_KINDS = ['ship_from_warehouse', 'ship_from_store', 'pickup', 'counter'] as const;
export type FulfilmentKind = (typeof FULFILMENT_KINDS)[number];
export const FULFILMENT_STATUSES = [
  'open',
  'ready_for_pickup',
  'shipped',
  'collected',
  'cancelled',
  'expired',
] as const;
export type FulfilmentStatus = (typeof FULFILMENT_STATUSES)[number];
export const RETURN_METHODS = ['in_store', 'mail'] as const;
export const RETURN_DISPOSITIONS = ['restock', 'write_off'] as const;

export const Address = z.strictObject({
  name: z.string().max(200).optional(),
  line1: z.string().min(1).max(200),
  line2: z.string().max(200).optional(),
  postalCode: z.string().min(1).max(20),
  city: z.string().min(1).max(100),
  region: z.string().max(100).optional(),
  country: z.string().regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2 such as NL'),
  phone: z.string().max(40).optional(),
  latitude: z.number().min(-90).max(90).optional(),
  longitude: z.number().min(-180).max(180).optional(),
});
export type Address = z.infer<typeof Address>;

export const Delivery = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ship'), address: Address, method: z.string() }),
  z.object({ type: z.literal('pickup'), locationId: z.string(), locationName: z.string().nullable() }),
  z.object({ type: z.literal('carry_out').describe('bought and taken at the till') }),
]);
export type Delivery = z.infer<typeof Delivery>;

/** A unit price staff changed at the till (copied from the cart line): why, who, who approved. */
export const LinePriceOverride = z.object({
  originalUnitPrice: z.number().int(),
  reason: z.string(),
  by: z.string(),
  byName: z.string(),
  approvedBy: z.string().nullable(),
  approvedByName: z.string().nullable(),
});
export type LinePriceOverride = z.infer<typeof LinePriceOverride>;

/** Units of a line sold beyond the stock: fulfilment waits for them (restock or release date). */
export const LineBackorder = z.object({
  kind: z.enum(['backorder', 'preorder']),
  quantity: z.number().int().describe('units waiting for stock'),
  expectedFrom: z.string().nullable().describe('YYYY-MM-DD: the release or expected restock date'),
});
export type LineBackorder = z.infer<typeof LineBackorder>;

export const OrderLine = z.object({
  lineId: z.string(),
  sku: z.string(),
  title: z.string(),
  quantity: z.number().int(),
  unitPrice: z.number().int(),
  discount: z.number().int(),
  tax: z.number().int(),
  total: z.number().int().describe('quantity × unit price − discount + tax'),
  fulfilledQuantity: z.number().int(),
  returnedQuantity: z.number().int(),
  priceOverride: LinePriceOverride.optional(),
  backorder: LineBackorder.optional().describe('set when units were sold beyond the stock'),
});
export type OrderLine = z.infer<typeof OrderLine>;

export const OrderTotals = z.object({
  items: z.number().int(),
  discount: z.number().int(),
  shipping: z.number().int(),
  tax: z.number().int(),
  grand: z.number().int(),
});
export type OrderTotals = z.infer<typeof OrderTotals>;

export const StatusChange = z.object({
  from: z.enum(ORDER_STATUSES).nullable(),
  to: z.enum(ORDER_STATUSES),
  at: z.date(),
  reason: z.string().nullable(),
  by: z
    .string()
    .nullable()
    .optional()
    .describe('who made the change: a staff member or API key id (null: recorded before this was kept)'),
});
export type StatusChange = z.infer<typeof StatusChange>;

export const Order = z.object({
  id: z.string(),
  number: z.string().describe('the order number people read and search, e.g. OH-10234'),
  channelId: z.string(),
  source: z.enum(ORDER_SOURCES),
  externalSource: z.string().nullable(),
  externalId: z.string().nullable(),
  cartId: z.string().nullable(),
  customerId: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  status: z.enum(ORDER_STATUSES),
  currency: z.string(),
  lines: z.array(OrderLine),
  totals: OrderTotals,
  paidAmount: z.number().int(),
  refundedAmount: z.number().int(),
  delivery: Delivery,
  pickup: z
    .object({ code: z.string(), locationId: z.string(), expiresAt: z.date().nullable() })
    .nullable()
    .describe('click & collect: the code the customer shows at the store'),
  reservationIds: z.array(z.string()),
  history: z.array(StatusChange),
  metadata: z.record(z.string(), z.unknown()),
  placedAt: z.date(),
  updatedAt: z.date(),
});
export type Order = z.infer<typeof Order>;

export const FulfilmentLine = z.object({
  sku: z.string(),
  quantity: z.number().int(),
  reservationId: z.string().nullable(),
});
export type FulfilmentLine = z.infer<typeof FulfilmentLine>;

export const Routing = z.object({
  strategy: z.string(),
  reason: z.string().describe('why this location was chosen'),
  distanceKm: z.number().nullable(),
});
export type Routing = z.infer<typeof Routing>;

export const Fulfilment = z.object({
  id: z.string(),
  orderId: z.string(),
  kind: z.enum(FULFILMENT_KINDS),
  locationId: z.string(),
  status: z.enum(FULFILMENT_STATUSES),
  lines: z.array(FulfilmentLine),
  routing: Routing,
  tracking: z.record(z.string(), z.unknown()).nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type Fulfilment = z.infer<typeof Fulfilment>;

export const ReturnLineInput = z.strictObject({
  sku: z.string().min(1),
  quantity: z.number().int().positive(),
  disposition: z.enum(RETURN_DISPOSITIONS).default('restock'),
  reason: z.string().max(500).optional().describe('required for write_off'),
});

export const ReturnLine = z.object({
  sku: z.string(),
  quantity: z.number().int(),
  disposition: z.enum(RETURN_DISPOSITIONS),
  reason: z.string().nullable(),
  refundAmount: z.number().int(),
});
export type ReturnLine = z.infer<typeof ReturnLine>;

export const OrderReturn = z.object({
  id: z.string(),
  orderId: z.string(),
  channelId: z.string().nullable(),
  locationId: z.string().nullable(),
  method: z.enum(RETURN_METHODS),
  lines: z.array(ReturnLine),
  refundMethod: z.enum(['original_payment', 'store_credit']),
  refundAmount: z.number().int(),
  currency: z.string(),
  createdBy: z.string(),
  createdAt: z.date(),
});
export type OrderReturn = z.infer<typeof OrderReturn>;

/** What a new order is made of: lines and totals are copied (from the cart or the marketplace). */
export interface NewOrder {
  id?: string;
  channelId: string;
  source: 'native' | 'imported';
  externalSource?: string | null;
  externalId?: string | null;
  cartId?: string | null;
  customerId?: string | null;
  email?: string | null;
  phone?: string | null;
  currency: string;
  /** fulfilledQuantity: only history imported as already delivered (else 0). */
  lines: Array<
    Omit<OrderLine, 'fulfilledQuantity' | 'returnedQuantity' | 'lineId'> & {
      lineId?: string;
      fulfilledQuantity?: number;
    }
  >;
  totals: OrderTotals;
  delivery: Delivery;
  /** Click & collect: where and until when it waits; the orders module gives it its pickup code. */
  pickup?: { locationId: string; expiresAt: Date | null } | null;
  reservationIds?: string[];
  metadata?: Record<string, unknown>;
  placedAt?: Date;
}

/** Why a return was refused. */
export interface ReturnRefused {
  reason: 'return_exceeds_purchase' | 'return_not_allowed' | 'unknown_sku' | 'write_off_needs_reason';
  message: string;
  sku?: string;
  returnable?: number;
}

/** Why a pickup was refused at the till. */
export interface PickupRefused {
  reason: 'wrong_pickup_code' | 'wrong_pickup_location' | 'not_ready_for_pickup' | 'not_a_pickup_order';
  message: string;
  expectedLocationId?: string;
}
