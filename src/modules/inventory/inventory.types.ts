import { z } from 'zod';

export const LOCATION_TYPES = ['warehouse', 'store'] as const;
export const LOCATION_STATUSES = ['active', 'inactive'] as const;
export const RESERVATION_KINDS = ['cart_hold', 'order_allocation', 'pickup_hold'] as const;
export type ReservationKind = (typeof RESERVATION_KINDS)[number];
export const RESERVATION_STATUSES = ['held', 'allocated', 'fulfilled', 'released', 'expired'] as const;
export type ReservationStatus = (typeof RESERVATION_STATUSES)[number];
export const ADJUSTMENT_KINDS = ['receive', 'count', 'damage', 'sale'] as const;
export type AdjustmentKind = (typeof ADJUSTMENT_KINDS)[number];
export const MOVEMENT_KINDS = [
  ...ADJUSTMENT_KINDS,
  'transfer_out',
  'transfer_in',
  'reserve',
  'release',
  'expire',
  'fulfil',
] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];

export const Sku = z.string().min(1).max(100).regex(/^\S+$/, 'no whitespace');
/** A positive whole number of units. */
export const Quantity = z.number().int().positive().max(1_000_000);
const Code = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'lowercase letters, digits and dashes')
  .describe('a stable handle such as warehouse-nl or store-amsterdam');

export const Address = z.strictObject({
  line1: z.string().max(200).optional(),
  line2: z.string().max(200).optional(),
  postalCode: z.string().max(20).optional(),
  city: z.string().max(100).optional(),
  region: z.string().max(100).optional(),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2')
    .optional(),
});

export const LocationInput = z.strictObject({
  code: Code,
  name: z.string().min(1).max(200),
  type: z.enum(LOCATION_TYPES),
  address: Address.default({}),
  latitude: z.number().min(-90).max(90).nullable().default(null),
  longitude: z.number().min(-180).max(180).nullable().default(null),
  status: z.enum(LOCATION_STATUSES).default('active'),
});
export type LocationInput = z.input<typeof LocationInput>;
export const LocationPatch = LocationInput.omit({ code: true }).partial().strict();
export type LocationPatch = z.infer<typeof LocationPatch>;

export const Location = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  type: z.enum(LOCATION_TYPES),
  address: z.record(z.string(), z.unknown()),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  status: z.enum(LOCATION_STATUSES),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type Location = z.infer<typeof Location>;

export const SourcingInput = z.strictObject({
  locationIds: z
    .array(z.string().min(1))
    .max(100)
    .describe('location ids or codes, in the order reservations fill from them'),
  safetyBuffer: z
    .number()
    .int()
    .min(0)
    .max(1_000_000)
    .default(0)
    .describe('units held back from this channel'),
});
export type SourcingInput = z.input<typeof SourcingInput>;

export const Sourcing = z.object({
  channelId: z.string(),
  locationIds: z.array(z.string()),
  safetyBuffer: z.number().int(),
});
export type Sourcing = z.infer<typeof Sourcing>;

export const Level = z.object({
  sku: z.string(),
  locationId: z.string(),
  onHand: z.number().int(),
  reserved: z.number().int(),
  available: z.number().int(),
});
export type Level = z.infer<typeof Level>;

export const ChannelAvailability = z.object({ channelId: z.string(), availableToSell: z.number().int() });
export type ChannelAvailability = z.infer<typeof ChannelAvailability>;

/** Either a location id or its code. */
const LocationRef = z.string().min(1).max(100);

export const AdjustmentInput = z.strictObject({
  kind: z
    .enum(ADJUSTMENT_KINDS)
    .describe('receive adds, damage and sale remove, count sets the counted quantity'),
  sku: Sku,
  location: LocationRef,
  quantity: z.number().int().min(0).max(1_000_000).describe('units; for count the counted total'),
  reason: z.string().max(500).optional(),
});
export type AdjustmentInput = z.infer<typeof AdjustmentInput>;

export const TransferInput = z.strictObject({
  sku: Sku,
  from: LocationRef,
  to: LocationRef,
  quantity: Quantity,
  reason: z.string().max(500).optional(),
});
export type TransferInput = z.infer<typeof TransferInput>;

export const Movement = z.object({
  id: z.number().int(),
  sku: z.string(),
  locationId: z.string(),
  kind: z.enum(MOVEMENT_KINDS),
  onHandDelta: z.number().int(),
  reservedDelta: z.number().int(),
  reason: z.string().nullable(),
  actor: z.string(),
  reservationId: z.string().nullable(),
  adjustmentId: z.string().nullable(),
  occurredAt: z.date(),
});
export type Movement = z.infer<typeof Movement>;

export const AdjustmentResult = z.object({
  adjustmentId: z.string(),
  movements: z.array(Movement),
  levels: z.array(Level),
});
export type AdjustmentResult = z.infer<typeof AdjustmentResult>;

export const ReservationInput = z.strictObject({
  sku: Sku,
  quantity: Quantity,
  kind: z.enum(RESERVATION_KINDS).default('cart_hold'),
  channelId: z.string().optional().describe('required unless the API key is bound to a channel'),
  idempotencyKey: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe('retrying with the same key returns the same reservation and changes nothing'),
  location: LocationRef.optional().describe('hold at this location only (pickup)'),
  ttlSeconds: z
    .number()
    .int()
    .min(1)
    .max(30 * 24 * 3600)
    .optional()
    .describe('holds expire after this; default 15 minutes for cart holds, 3 days for pickup holds'),
  reference: z.string().max(200).optional().describe('the cart or order this is for'),
  allowPartial: z.boolean().default(false).describe('reserve what is available when not all is'),
});
export type ReservationInput = z.input<typeof ReservationInput>;

export const ReservationLine = z.object({ locationId: z.string(), quantity: z.number().int() });
export type ReservationLine = z.infer<typeof ReservationLine>;

export const Reservation = z.object({
  id: z.string(),
  kind: z.enum(RESERVATION_KINDS),
  status: z.enum(RESERVATION_STATUSES),
  channelId: z.string(),
  sku: z.string(),
  quantity: z.number().int().describe('units held at the lines, plus any backordered (held nowhere yet)'),
  lines: z.array(ReservationLine),
  idempotencyKey: z.string().nullable(),
  reference: z.string().nullable(),
  expiresAt: z.date().nullable(),
  createdBy: z.string(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type Reservation = z.infer<typeof Reservation>;

/** Units of a reservation beyond the stock (a backorder or pre-order): held at no location yet. */
export const backorderedOf = (r: Pick<Reservation, 'quantity' | 'lines'>): number =>
  r.quantity - r.lines.reduce((s, l) => s + l.quantity, 0);

/** Why a reservation was refused: how many the channel could still get. */
export interface InsufficientStock {
  reason: 'insufficient_stock';
  sku: string;
  requested: number;
  available: number;
}
