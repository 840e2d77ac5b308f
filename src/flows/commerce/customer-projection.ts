// Orders, pickups and returns reach the customer's profile through the event log: a durable
// consumer turns order events into the customer's timeline entries, and a paid order into the
// Segment-style "Order Completed" track that counts orders, lifetime value and the journey stage.
// At-least-once is safe: both customer APIs dedupe (timeline by ref, ingestion by message id).

import type { Clock } from '../../kernel/index.js';
import { currencyExponent } from '../../kernel/index.js';
import type { CustomersService } from '../../modules/customers/index.js';
import type { OrdersService } from '../../modules/orders/index.js';
import { createContext, type Logger } from '../../platform/context.js';
import type { Database } from '../../platform/db/database.js';
import { type RunningConsumer, startConsumer } from '../../platform/events/consumer.js';
import type { StoredEvent } from '../../platform/events/event-log.js';

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

export function startCustomerCommerceProjection(opts: {
  database: Database;
  customers: CustomersService;
  orders: OrdersService;
  clock: Clock;
  log: Logger;
}): RunningConsumer {
  const ctx = () => createContext(opts.database, { clock: opts.clock, log: opts.log });

  async function handleOne(e: StoredEvent): Promise<void> {
    const p = e.payload as {
      customerId?: string | null;
      orderId?: string;
      channelId?: string;
      grandTotal?: number;
      currency?: string;
      returnId?: string;
      fulfilmentId?: string;
      locationId?: string;
      refundAmount?: number;
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
        .catch((err: { code?: string }) => {
          // An erased or unknown customer has no timeline to write to.
          if (err.code !== 'not_found') throw err;
        });
    }
    if (e.type === 'order.paid' && p.currency && p.grandTotal !== undefined) {
      // Identify by the order's email (read from the order: events carry no personal data); the
      // ingestion then counts the order, adds its value and moves the journey stage.
      const order = await opts.orders.findOrder(ctx(), p.orderId);
      const identifiers = order?.email ? [{ type: 'email', value: order.email }] : [];
      if (identifiers.length === 0) return;
      await opts.customers.ingest(
        ctx(),
        { id: `orders:${p.channelId}`, channelId: p.channelId ?? '', sharedDevices: false },
        [
          {
            messageId: `order-completed:${p.orderId}`,
            kind: 'track',
            name: 'Order Completed',
            identifiers,
            traits: {},
            properties: {
              order_id: p.orderId,
              total: p.grandTotal / 10 ** currencyExponent(p.currency),
              currency: p.currency,
            },
            context: {},
            occurredAt: e.occurredAt,
            anonymousId: null,
            userId: null,
          },
        ],
      );
    }
  }

  return startConsumer({
    database: opts.database,
    name: 'customers.commerce-projection',
    log: opts.log,
    filter: { types: ['order.*'] },
    async handle(events) {
      for (const e of events) await handleOne(e);
    },
  });
}
