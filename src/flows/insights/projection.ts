// The insights projection: one durable consumer of the event log turning orders (every channel, the
// till's and imported history's included), their returns, refunds, cancellations and pickups, carts,
// inbox messages and the visits ingestion handed over into the insights module's rows, and the rollups
// the charts read (attribution credit per order, paths, the funnel, cohorts, inbox first responses). Every row is
// keyed and every rollup delta comes from a row actually inserted or flipped, so at-least-once delivery
// and a replay count nothing twice; `rebuildInsights` empties the rows and moves the cursor to 0.
import type { Clock } from '../../kernel/index.js';
import { CART_EVENTS } from '../../modules/carts/index.js';
import { INBOX_EVENTS } from '../../modules/inbox/index.js';
import {
  INSIGHTS_EVENT_SCHEMAS,
  INSIGHTS_EVENTS,
  type InsightsService,
  type ProjectionBatch,
} from '../../modules/insights/index.js';
import { type ORDER_EVENT_SCHEMAS, ORDER_EVENTS } from '../../modules/orders/index.js';
import { type Ctx, createContext, inTransaction, type Logger } from '../../platform/context.js';
import type { Database } from '../../platform/db/database.js';
import { type RunningConsumer, rewindConsumer, startConsumer } from '../../platform/events/consumer.js';
import type { StoredEvent } from '../../platform/events/event-log.js';
import { payloadOf } from '../../platform/events/event-schemas.js';

export const INSIGHTS_CONSUMER = 'insights.projections';
const HALF_HOUR_MS = 30 * 60_000;

const ORDER_PLACED = new Set<string>([ORDER_EVENTS.created, ORDER_EVENTS.imported]);
const REFUNDS = new Set<string>([ORDER_EVENTS.returned, ORDER_EVENTS.refundIssued, 'order.refunded']);
const MESSAGES = new Set<string>([INBOX_EVENTS.messageReceived, INBOX_EVENTS.messageQueued]);
const TYPES = [
  INSIGHTS_EVENTS.touchpointsSeen,
  ...ORDER_PLACED,
  ...REFUNDS,
  'order.cancelled',
  ORDER_EVENTS.readyForPickup,
  ORDER_EVENTS.pickedUp,
  ORDER_EVENTS.customerLinked,
  ...MESSAGES,
  'cart.*',
];

/** Inbox media as the dashboard names them (web chat is "chat"). */
const medium = (kind: string | null) => (kind === 'web_chat' ? 'chat' : (kind ?? 'inbox'));

type OrderPayload = ReturnType<typeof payloadOf<(typeof ORDER_EVENT_SCHEMAS)[typeof ORDER_EVENTS.created]>>;
interface CartPayload {
  cartId: string;
  channelId: string;
  profileId: string | null;
  mergedInto?: string | null;
  outcome?: { cartId: string | null; mergedCartIds: string[] };
}
interface MessagePayload {
  conversationId: string;
  messageId: string;
  customerId: string | null;
  channelKind: string | null;
  direction: string;
  occurredAt: string;
}

function visits(e: StoredEvent, b: ProjectionBatch) {
  for (const t of payloadOf(INSIGHTS_EVENT_SCHEMAS[INSIGHTS_EVENTS.touchpointsSeen], e).touchpoints) {
    const at = new Date(t.at);
    const bucket = Math.floor(at.getTime() / HALF_HOUR_MS);
    const viaCampaign = t.source !== null || t.campaign !== null;
    b.touchpoints.push({
      key: `v:${t.customerId}:${t.channelId}:${bucket}:${t.source}:${t.medium}:${t.campaign}`,
      customerId: t.customerId,
      // A campaign click is credited to its marketing channel (utm_medium, else its source).
      channel: viaCampaign ? (t.medium ?? t.source ?? 'campaign') : t.channelId,
      kind: viaCampaign ? 'campaign' : 'session',
      source: t.source,
      medium: t.medium,
      campaign: t.campaign,
      orderId: null,
      at,
    });
  }
}

function order(e: StoredEvent, b: ProjectionBatch) {
  const o = e.payload as unknown as OrderPayload;
  if (ORDER_PLACED.has(e.type)) {
    b.placed.push({
      orderId: o.orderId,
      customerId: o.customerId,
      channelId: o.channelId,
      currency: o.currency,
      revenue: o.grandTotal,
      delivery: o.delivery,
      at: e.occurredAt,
    });
    if (o.cartId)
      b.carts.push({ cartId: o.cartId, channelId: o.channelId, customerId: o.customerId, at: e.occurredAt });
  }
  if (ORDER_PLACED.has(e.type) || e.type === ORDER_EVENTS.customerLinked) {
    if (o.customerId)
      b.touchpoints.push({
        key: `o:${o.orderId}`,
        customerId: o.customerId,
        channel: o.channelId,
        kind: 'order',
        source: null,
        medium: null,
        campaign: null,
        orderId: o.orderId,
        at: e.occurredAt,
      });
    if (e.type === ORDER_EVENTS.customerLinked && o.customerId)
      b.changes.push({ kind: 'customer', orderId: o.orderId, customerId: o.customerId });
  }
  if (REFUNDS.has(e.type))
    b.changes.push({
      kind: 'refunded',
      orderId: o.orderId,
      refunded: o.refundedAmount,
      returned: e.type === ORDER_EVENTS.returned,
    });
  if (e.type === 'order.cancelled') b.changes.push({ kind: 'cancelled', orderId: o.orderId });
  if (e.type === ORDER_EVENTS.readyForPickup || e.type === ORDER_EVENTS.pickedUp) {
    const locationId = String((e.payload as { locationId?: string }).locationId ?? '');
    const kind = e.type === ORDER_EVENTS.pickedUp ? 'picked_up' : 'ready';
    b.changes.push({ kind, orderId: o.orderId, locationId, at: e.occurredAt });
  }
}

function cart(e: StoredEvent, b: ProjectionBatch) {
  const c = e.payload as unknown as CartPayload;
  if (!c.cartId || !c.channelId) return;
  b.carts.push({ cartId: c.cartId, channelId: c.channelId, customerId: c.profileId, at: e.occurredAt });
  if (c.mergedInto)
    b.carts.push({ cartId: c.mergedInto, channelId: c.channelId, customerId: c.profileId, at: e.occurredAt });
  if (c.outcome?.cartId && c.outcome.mergedCartIds.length)
    b.carts.push({
      cartId: c.outcome.cartId,
      channelId: c.channelId,
      customerId: c.profileId,
      at: e.occurredAt,
      mergedCartIds: c.outcome.mergedCartIds,
    });
  if (c.profileId && (e.type === CART_EVENTS.created || e.type === CART_EVENTS.identified))
    b.touchpoints.push({
      key: `c:${c.cartId}`,
      customerId: c.profileId,
      channel: c.channelId,
      kind: 'cart',
      source: null,
      medium: null,
      campaign: null,
      orderId: null,
      at: e.occurredAt,
    });
}

function message(e: StoredEvent, b: ProjectionBatch) {
  const m = e.payload as unknown as MessagePayload;
  if (m.direction === 'note') return;
  if (m.direction === 'inbound' || m.direction === 'outbound')
    b.messages.push({
      conversationId: m.conversationId,
      channel: medium(m.channelKind),
      direction: m.direction,
      at: new Date(m.occurredAt),
    });
  if (!m.customerId) return;
  b.touchpoints.push({
    key: `m:${m.messageId}`,
    customerId: m.customerId,
    channel: medium(m.channelKind),
    kind: 'message',
    source: null,
    medium: null,
    campaign: null,
    orderId: null,
    at: new Date(m.occurredAt),
  });
}

/** What a batch of events changes in the projections. */
export function projectionBatch(events: StoredEvent[]): ProjectionBatch {
  const b: ProjectionBatch = { touchpoints: [], placed: [], changes: [], carts: [], messages: [] };
  for (const e of events) {
    if (e.type === INSIGHTS_EVENTS.touchpointsSeen) visits(e, b);
    else if (e.type.startsWith('order.')) order(e, b);
    else if (e.type.startsWith('cart.')) cart(e, b);
    else if (MESSAGES.has(e.type)) message(e, b);
  }
  return b;
}

export interface InsightsProjectionOptions {
  database: Database;
  insights: InsightsService;
  clock: Clock;
  log: Logger;
  batchSize?: number;
}

export function startInsightsProjection(opts: InsightsProjectionOptions): RunningConsumer {
  const ctx = () => createContext(opts.database, { clock: opts.clock, log: opts.log });
  return startConsumer({
    database: opts.database,
    name: INSIGHTS_CONSUMER,
    log: opts.log,
    batchSize: opts.batchSize ?? 1_000,
    filter: { types: TYPES },
    async handle(events) {
      const batch = projectionBatch(events);
      await inTransaction(ctx(), (tx) => opts.insights.record(tx, batch));
    },
  });
}

/**
 * Empties the projections and moves the cursor to the log's beginning, in one transaction; a running
 * projection (on any node) loses its lease and replays from there.
 */
export async function rebuildInsights(ctx: Ctx, insights: InsightsService): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    await insights.reset(tx);
    await rewindConsumer(tx.db, INSIGHTS_CONSUMER);
  });
}
