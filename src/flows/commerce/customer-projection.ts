// Orders, pickups and returns reach the customer's profile through the event log: a durable
// consumer turns order events into the customer's timeline entries, and a paid order into the
// Segment-style "Order Completed" track that counts orders, lifetime value and the journey stage,
// and a refund (a return's refund, or cancelling a paid order) into "Order Refunded", which lowers it.
// A line added to one of the hub's own carts becomes "Product Added", so the customer's cart counts
// for the journey stage (cart abandoner once idle) as a Segment cart event would.
// At-least-once is safe: both customer APIs dedupe (timeline by ref, ingestion by message id).

import type { Clock } from '../../kernel/index.js';
import { currencyExponent, isAppError } from '../../kernel/index.js';
import { CART_EVENT_SCHEMAS, CART_EVENTS } from '../../modules/carts/index.js';
import type { CustomersService } from '../../modules/customers/index.js';
import {
  isOrderEventType,
  ORDER_EVENT_SCHEMAS,
  OrderEventFacts,
  type OrderEventPayload,
  type OrdersService,
} from '../../modules/orders/index.js';
import { createContext, type Logger } from '../../platform/context.js';
import type { Database } from '../../platform/db/database.js';
import { type RunningConsumer, startConsumer } from '../../platform/events/consumer.js';
import type { StoredEvent } from '../../platform/events/event-log.js';
import { payloadOf } from '../../platform/events/event-schemas.js';

const TIMELINE_KINDS: Record<string, string> = {
  'order.created': 'order.placed',
  'order.imported': 'order.placed',
  'order.ready_for_pickup': 'order.ready_for_pickup',
  'order.picked_up': 'order.picked_up',
  'order.shipped': 'order.shipped',
  'order.returned': 'order.returned',
  'order.cancelled': 'order.cancelled',
  'order.refunded': 'order.refunded',
};

/** Which of a customer's identifiers names them best (user ids and emails are the least shared). */
const IDENTIFIER_STRENGTH = ['user_id', 'email', 'phone', 'loyalty_card', 'anonymous_id'];

export function startCustomerCommerceProjection(opts: {
  database: Database;
  customers: CustomersService;
  orders: OrdersService;
  clock: Clock;
  log: Logger;
}): RunningConsumer {
  const ctx = () => createContext(opts.database, { clock: opts.clock, log: opts.log });

  async function handleOne(e: StoredEvent): Promise<void> {
    if (e.type === CART_EVENTS.lineAdded) return cartLineAdded(e);
    if (!isOrderEventType(e.type)) return;
    const order: OrderEventPayload<typeof e.type> = payloadOf(ORDER_EVENT_SCHEMAS[e.type], e);
    // The facts every order event carries, and those only returns and fulfilments carry.
    const p = {
      ...order,
      returnId: 'returnId' in order ? order.returnId : undefined,
      fulfilmentId: 'fulfilmentId' in order ? order.fulfilmentId : undefined,
      locationId: 'locationId' in order ? order.locationId : undefined,
      refundAmount: 'refundAmount' in order ? order.refundAmount : undefined,
    };
    if (!p.customerId || !p.orderId) return;
    const kind = TIMELINE_KINDS[e.type];
    if (kind) {
      await opts.customers
        .recordTimelineEntry(ctx(), p.customerId, {
          kind,
          channelId: e.channelId,
          occurredAt: e.occurredAt,
          ref: `${e.type}:${p.returnId ?? p.fulfilmentId ?? p.orderId}`,
          properties: {
            orderId: p.orderId,
            ...(p.grandTotal !== undefined ? { total: p.grandTotal, currency: p.currency } : {}),
            ...(p.locationId ? { locationId: p.locationId } : {}),
            ...(p.refundAmount !== undefined ? { refundAmount: p.refundAmount } : {}),
          },
        })
        .catch((err: unknown) => {
          // An erased or unknown customer has no timeline to write to.
          if (!isAppError(err, 'not_found')) throw err;
        });
    }
    if (!p.currency) return;
    if (e.type === 'order.paid' && p.grandTotal !== undefined) {
      await track(
        p.customerId,
        p.orderId,
        e,
        'Order Completed',
        `order-completed:${p.orderId}`,
        p.grandTotal,
      );
    } else if (e.type === 'order.returned' && p.refundAmount && p.returnId) {
      await track(
        p.customerId,
        p.orderId,
        e,
        'Order Refunded',
        `order-refunded:${p.returnId}`,
        p.refundAmount,
      );
    } else if (e.type === 'order.cancelled' && (p.paidAmount ?? 0) > (p.refundedAmount ?? 0)) {
      // Cancelling a paid order gives back what was not refunded yet.
      const amount = (p.paidAmount ?? 0) - (p.refundedAmount ?? 0);
      await track(p.customerId, p.orderId, e, 'Order Refunded', `order-refunded:cancel:${p.orderId}`, amount);
    }
  }

  /**
   * The customer is known by id; ingestion resolves people by identifier, so the event names them by
   * one of their own identifiers (strongest first), or the order's email if they have none left.
   */
  async function identifiersOf(customerId: string, orderId: string | null) {
    const view = await opts.customers.view(ctx(), customerId, { timelineLimit: 1 }).catch((err: unknown) => {
      if (!isAppError(err, 'not_found')) throw err;
      return null;
    });
    if (view?.status === 'erased') return [];
    const own = [...(view?.identities ?? [])].sort(
      (a, b) => IDENTIFIER_STRENGTH.indexOf(a.type) - IDENTIFIER_STRENGTH.indexOf(b.type),
    )[0];
    if (own && IDENTIFIER_STRENGTH.includes(own.type)) return [{ type: own.type, value: own.value }];
    if (!orderId) return [];
    const order = await opts.orders.findOrder(ctx(), orderId);
    return order?.email ? [{ type: 'email', value: order.email }] : [];
  }

  /** A Segment-style track the ingestion counts (orders, lifetime value, journey stage); once per messageId. */
  async function track(
    customerId: string,
    orderId: string,
    e: StoredEvent,
    name: 'Order Completed' | 'Order Refunded',
    messageId: string,
    amount: number,
  ): Promise<void> {
    const { currency, channelId } = payloadOf(OrderEventFacts, e);
    const identifiers = await identifiersOf(customerId, orderId);
    if (identifiers.length === 0) return;
    await opts.customers.ingest(ctx(), { id: `orders:${channelId}`, channelId, sharedDevices: false }, [
      {
        messageId,
        kind: 'track',
        name,
        identifiers,
        traits: {},
        properties: {
          order_id: orderId,
          total: amount / 10 ** currencyExponent(currency),
          currency,
        },
        context: {},
        occurredAt: e.occurredAt,
        anonymousId: null,
        userId: null,
      },
    ]);
  }

  /** A line added to a hub cart: "Product Added" for its shopper (signed in, or by the cart's device id). */
  async function cartLineAdded(e: StoredEvent): Promise<void> {
    const c = payloadOf(CART_EVENT_SCHEMAS[CART_EVENTS.lineAdded], e);
    const identifiers = c.profileId
      ? await identifiersOf(c.profileId, null)
      : c.anonymousId
        ? [{ type: 'anonymous_id', value: c.anonymousId }]
        : [];
    if (identifiers.length === 0) return;
    const source = { id: `carts:${c.channelId}`, channelId: c.channelId, sharedDevices: false };
    await opts.customers.ingest(ctx(), source, [
      {
        messageId: `cart-line-added:${e.id}`,
        kind: 'track',
        name: 'Product Added',
        identifiers,
        traits: {},
        properties: {
          cart_id: c.cartId,
          sku: c.sku,
          quantity: c.quantity,
          price: c.unitPrice / 10 ** currencyExponent(c.currency),
          currency: c.currency,
        },
        context: {},
        occurredAt: e.occurredAt,
        anonymousId: null,
        userId: null,
      },
    ]);
  }

  return startConsumer({
    database: opts.database,
    name: 'customers.commerce-projection',
    log: opts.log,
    filter: { types: ['order.*', CART_EVENTS.lineAdded] },
    async handle(events) {
      for (const e of events) await handleOne(e);
    },
  });
}
