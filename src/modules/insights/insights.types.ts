// What the insights projection records and what its reads answer.
import type { TouchKind } from './paths.js';

export interface TouchpointRow {
  /** Idempotency key: the same touchpoint delivered again is recorded once. */
  key: string;
  customerId: string;
  channel: string;
  kind: TouchKind;
  source: string | null;
  medium: string | null;
  campaign: string | null;
  orderId: string | null;
  at: Date;
}

export interface PlacedOrder {
  orderId: string;
  customerId: string | null;
  channelId: string;
  currency: string;
  revenue: number;
  delivery: string;
  at: Date;
}

/** What an order event changes on an order already recorded. */
export type OrderChange =
  | { kind: 'refunded'; orderId: string; refunded: number; returned: boolean }
  | { kind: 'cancelled'; orderId: string }
  | { kind: 'ready'; orderId: string; locationId: string; at: Date }
  | { kind: 'picked_up'; orderId: string; locationId: string; at: Date }
  | { kind: 'customer'; orderId: string; customerId: string };

export interface CartSighting {
  cartId: string;
  channelId: string;
  customerId: string | null;
  at: Date;
  /** Carts folded into this one: their channels become this cart's too. */
  mergedCartIds?: string[];
}

/** An inbox message as the response-time rollup sees it (`channel`: the medium, e.g. email, chat). */
export interface InboxMessage {
  conversationId: string;
  channel: string;
  direction: 'inbound' | 'outbound';
  at: Date;
}

export interface ProjectionBatch {
  touchpoints: TouchpointRow[];
  placed: PlacedOrder[];
  changes: OrderChange[];
  carts: CartSighting[];
  messages: InboxMessage[];
}

/** An order the projection just added (credited once, here). */
export interface AddedOrder {
  orderId: string;
  customerId: string | null;
  channelId: string;
  currency: string;
  revenue: number;
  placedAt: Date;
}

/** An order's credit rows as stored on it: [model, dim, key ('' for no campaign), amount]. */
export type OrderCredit = Array<[string, 'channel' | 'campaign', string, number]>;

export interface CancelledOrder extends AddedOrder {
  credit: OrderCredit | null;
}

export interface Range {
  from: Date;
  to: Date;
  /** Hub channel ids; empty: every channel. */
  channels: string[];
}

export interface DailyRow {
  day: string;
  channelId: string;
  currency: string;
  orders: number;
  revenue: number;
  refunded: number;
  returns: number;
  newCustomers: number;
  returningCustomers: number;
  pickupOrders: number;
  pickedUp: number;
  pickupSeconds: number;
}

export interface PickupRow {
  locationId: string;
  pickedUp: number;
  avgSeconds: number;
}

export interface OrderRow {
  orderId: string;
  customerId: string | null;
  channelId: string;
  currency: string;
  revenue: number;
  refunded: number;
  returned: boolean;
  firstOrder: boolean;
  delivery: string;
  placedAt: Date;
}

export interface StoredTouch {
  customerId: string;
  channel: string;
  kind: TouchKind;
  source: string | null;
  campaign: string | null;
  orderId: string | null;
  at: Date;
}
