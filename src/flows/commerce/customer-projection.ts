// Orders, pickups and returns reach the customer's profile through the event log: a durable
// consumer turns order events into the customer's timeline entries, and a paid order into the
// Segment-style "Order Completed" track that counts orders, lifetime value and the journey stage,
// and a refund (a return's refund, or cancelling a paid order) into "Order Refunded", which lowers it.
// A line added to one of the hub's own carts becomes "Product Added", so the customer's cart counts
// for the journey stage (cart abandoner once idle) as a Segment cart event would.
// At-least-once is safe: both customer APIs dedupe (timeline by ref, ingestion by message id).
// A batch of events makes one timeline write and one ingestion per channel, not a write per event.

import type { Clock } from '../../kernel/index.js';
import { currencyExponent } from '../../kernel/index.js';
import { CART_EVENT_SCHEMAS, CART_EVENTS } from '../../modules/carts/index.js';
import type {
  CustomersService,
  IngestEventInput,
  TimelineEntryInput,
} from '../../modules/customers/index.js';
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

  /** What a batch of events makes: timeline entries (one write) and tracks (one ingestion per channel). */
  interface Work {
    entries: Array<{ customerId: string; entry: TimelineEntryInput }>;
    tracks: Array<Parameters<typeof track>>;
  }

  function collect(e: StoredEvent, work: Work): void {
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
      work.entries.push({
        customerId: p.customerId,
        entry: {
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
        },
      });
    }
    if (!p.currency) return;
    if (e.type === 'order.paid' && p.grandTotal !== undefined) {
      work.tracks.push([
        p.customerId,
        p.orderId,
        e,
        'Order Completed',
        `order-completed:${p.orderId}`,
        p.grandTotal,
      ]);
    } else if (e.type === 'order.returned' && p.refundAmount && p.returnId) {
      work.tracks.push([
        p.customerId,
        p.orderId,
        e,
        'Order Refunded',
        `order-refunded:${p.returnId}`,
        p.refundAmount,
      ]);
    } else if (e.type === 'order.cancelled' && (p.paidAmount ?? 0) > (p.refundedAmount ?? 0)) {
      // Cancelling a paid order gives back what was not refunded yet.
      const amount = (p.paidAmount ?? 0) - (p.refundedAmount ?? 0);
      work.tracks.push([
        p.customerId,
        p.orderId,
        e,
        'Order Refunded',
        `order-refunded:cancel:${p.orderId}`,
        amount,
      ]);
    }
  }

  /**
   * The customer is known by id; ingestion resolves people by identifier, so the event names them by
   * one of their own identifiers (strongest first), or the order's email if they have none left.
   */
  async function identifiersOf(
    customerId: string,
    orderId: string | null,
    own?: Map<string, Array<{ type: string; value: string }> | null>,
  ) {
    const mine = own
      ? own.get(customerId)
      : await ownIdentifiers([customerId]).then((m) => m.get(customerId));
    if (mine === null) return [];
    if (mine?.length) return mine;
    if (!orderId) return [];
    const order = await opts.orders.findOrder(ctx(), orderId);
    return order?.email ? [{ type: 'email', value: order.email }] : [];
  }

  /** Each customer's strongest identifier (none, or null when erased), in one read for all. */
  async function ownIdentifiers(customerIds: string[]) {
    const all = await opts.customers.identifiersOfCustomers(ctx(), customerIds, IDENTIFIER_STRENGTH);
    const out = new Map<string, Array<{ type: string; value: string }> | null>();
    for (const [id, list] of all) {
      const best = list?.sort(
        (a, b) => IDENTIFIER_STRENGTH.indexOf(a.type) - IDENTIFIER_STRENGTH.indexOf(b.type),
      )[0];
      out.set(id, list === null ? null : best ? [best] : []);
    }
    return out;
  }

  /** A Segment-style track the ingestion counts (orders, lifetime value, journey stage); once per messageId. */
  function track(
    customerId: string,
    orderId: string,
    e: StoredEvent,
    name: 'Order Completed' | 'Order Refunded',
    messageId: string,
    amount: number,
  ) {
    const { currency, channelId } = payloadOf(OrderEventFacts, e);
    return {
      customerId,
      orderId,
      channelId,
      event: {
        messageId,
        kind: 'track' as const,
        name,
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
    };
  }

  /** A batch's tracks in one ingestion per channel, each customer's identifiers looked up once. */
  async function ingestTracks(tracks: Work['tracks']): Promise<void> {
    if (!tracks.length) return;
    const own = await ownIdentifiers([...new Set(tracks.map((t) => t[0]))]);
    const bySource = new Map<string, IngestEventInput[]>();
    for (const args of tracks) {
      const t = track(...args);
      const identifiers = await identifiersOf(t.customerId, t.orderId, own);
      if (identifiers.length === 0) continue;
      const list = bySource.get(t.channelId) ?? [];
      list.push({ ...t.event, identifiers });
      bySource.set(t.channelId, list);
    }
    for (const [channelId, list] of bySource)
      await opts.customers.ingest(
        ctx(),
        { id: `orders:${channelId}`, channelId, sharedDevices: false },
        list,
      );
  }

  /**
   * Lines added to hub carts: "Product Added" for each shopper (signed in, or by the cart's device
   * id), in one ingestion per channel for the batch (one per line cost ~5 statements each, and the
   * projection fell behind the checkouts), the signed-in shoppers' identifiers read once.
   */
  async function ingestCartLines(lines: StoredEvent[]): Promise<void> {
    if (!lines.length) return;
    const carts = lines.map((e) => ({ e, c: payloadOf(CART_EVENT_SCHEMAS[CART_EVENTS.lineAdded], e) }));
    const profileIds = [...new Set(carts.flatMap(({ c }) => (c.profileId ? [c.profileId] : [])))];
    const own = profileIds.length ? await ownIdentifiers(profileIds) : undefined;
    const byChannel = new Map<string, IngestEventInput[]>();
    for (const { e, c } of carts) {
      const identifiers = c.profileId
        ? await identifiersOf(c.profileId, null, own)
        : c.anonymousId
          ? [{ type: 'anonymous_id', value: c.anonymousId }]
          : [];
      if (identifiers.length === 0) continue;
      const list = byChannel.get(c.channelId) ?? [];
      list.push({
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
      });
      byChannel.set(c.channelId, list);
    }
    for (const [channelId, list] of byChannel)
      await opts.customers.ingest(ctx(), { id: `carts:${channelId}`, channelId, sharedDevices: false }, list);
  }

  return startConsumer({
    database: opts.database,
    name: 'customers.commerce-projection',
    log: opts.log,
    filter: { types: ['order.*', CART_EVENTS.lineAdded] },
    async handle(events) {
      const work: Work = { entries: [], tracks: [] };
      const lines: StoredEvent[] = [];
      for (const e of events) {
        if (e.type === CART_EVENTS.lineAdded) lines.push(e);
        else collect(e, work);
      }
      // Before the orders' tracks, as when each line was ingested on its own.
      await ingestCartLines(lines);
      await opts.customers.recordTimelineEntries(ctx(), work.entries);
      await ingestTracks(work.tracks);
    },
  });
}
