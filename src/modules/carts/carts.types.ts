import { z } from 'zod';

export const CART_STATUSES = ['active', 'merged', 'checked_out', 'abandoned'] as const;
export type CartStatus = (typeof CART_STATUSES)[number];
export const MERGE_STRATEGIES = ['merge_lines', 'keep_newest', 'keep_both'] as const;
export type MergeStrategy = (typeof MERGE_STRATEGIES)[number];

export const Sku = z.string().min(1).max(100).regex(/^\S+$/, 'no whitespace');

export const CartHold = z.object({
  reservationId: z.string(),
  quantity: z.number().int(),
  expiresAt: z.date().nullable(),
  backordered: z
    .number()
    .int()
    .optional()
    .describe('units of this hold beyond the stock (backorder or pre-order): they ship when restocked'),
});
export type CartHold = z.infer<typeof CartHold>;

/** A unit price a person changed at the till, with why and who (and the manager who approved it). */
export const PriceOverride = z.object({
  originalUnitPrice: z.number().int().describe("the channel's price the line had before"),
  reason: z.string(),
  by: z.string().describe('the staff member or key id that changed it'),
  byName: z.string(),
  approvedBy: z.string().nullable().describe("the manager whose credentials approved a clerk's change"),
  approvedByName: z.string().nullable(),
  at: z.date(),
});
export type PriceOverride = z.infer<typeof PriceOverride>;

/** A variant that sells beyond its stock, as it was when the line was added (like its price). */
export const LineStock = z.object({
  policy: z.enum(['backorder', 'preorder']),
  availableFrom: z.string().nullable().describe('YYYY-MM-DD: pre-order release or expected restock'),
  backorderLimit: z.number().int().nullable().describe('most units of the line beyond the stock'),
});
export type LineStock = z.infer<typeof LineStock>;

export const CartLine = z.object({
  lineId: z.string(),
  sku: z.string(),
  title: z.string(),
  quantity: z.number().int(),
  unitPrice: z.number().int().describe('minor units, copied from the channel price when added or repriced'),
  holds: z.array(CartHold).describe('stock held for this line (inventory reservations)'),
  holdStatus: z
    .enum(['held', 'partly_held', 'lost', 'none'])
    .describe('lost: the hold expired or was released; checkout will try to reserve again'),
  addedAt: z.date(),
  priceOverride: PriceOverride.optional().describe('set when staff changed the unit price at the till'),
  stock: LineStock.optional().describe('set when the variant sells on backorder or pre-order'),
});
export type CartLine = z.infer<typeof CartLine>;

export const ShippingAddress = z.strictObject({
  name: z.string().max(200).optional(),
  line1: z.string().min(1).max(200),
  line2: z.string().max(200).optional(),
  postalCode: z.string().min(1).max(20),
  city: z.string().min(1).max(100),
  region: z.string().max(100).optional(),
  country: z.string().regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2 such as NL'),
  phone: z.string().max(40).optional(),
  latitude: z.number().min(-90).max(90).optional().describe('for routing to the nearest location'),
  longitude: z.number().min(-180).max(180).optional(),
});

export const CartDelivery = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ship'), address: ShippingAddress, method: z.string() }),
  z.object({ type: z.literal('pickup'), locationId: z.string(), locationName: z.string().nullable() }),
  z.object({ type: z.literal('carry_out') }),
]);
export type CartDelivery = z.infer<typeof CartDelivery>;

export const Cart = z.object({
  id: z.string(),
  channelId: z.string(),
  currency: z.string(),
  profileId: z.string().nullable(),
  anonymousId: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  status: z.enum(CART_STATUSES),
  handoff: z.object({
    code: z.string().describe('short code the customer shows or tells at the till'),
    qrPayload: z.string().describe('what a QR code on the customer’s screen encodes'),
  }),
  lines: z.array(CartLine),
  itemsTotal: z.number().int(),
  delivery: CartDelivery.nullable(),
  mergedInto: z.string().nullable(),
  orderId: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type Cart = z.infer<typeof Cart>;

export const PriceChange = z.object({
  sku: z.string(),
  from: z.object({ unitPrice: z.number().int(), currency: z.string() }),
  to: z.object({ unitPrice: z.number().int(), currency: z.string() }).nullable(),
  change: z.enum(['price_changed', 'currency_changed', 'unchanged', 'not_sold_on_channel']),
});
export type PriceChange = z.infer<typeof PriceChange>;

export const MergeOutcome = z.object({
  strategy: z.enum(MERGE_STRATEGIES),
  cartId: z.string().nullable().describe('the cart the customer continues with'),
  mergedCartIds: z.array(z.string()).describe('carts folded into it (merge_lines) or dropped (keep_newest)'),
  keptCartIds: z.array(z.string()),
  linesAdded: z.array(z.object({ sku: z.string(), quantity: z.number().int(), fromCartId: z.string() })),
  quantitiesCombined: z.array(z.object({ sku: z.string(), quantity: z.number().int() })),
  summary: z.string(),
});
export type MergeOutcome = z.infer<typeof MergeOutcome>;
