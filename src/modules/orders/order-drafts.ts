// An order about to be placed, in memory: its first status (imported history may start where it
// ended), its pickup code and the events of placing it. Placing itself writes what these return
// (orders.service.ts one by one or in bulk, order-placement.ts inside checkout's one statement).
import { humanCode, newId, UNAMBIGUOUS_ALPHABET } from '../../kernel/index.js';
import type { Ctx } from '../../platform/context.js';
import type { NewEvent } from '../../platform/events/event-log.js';
import { advance, orderEvent } from './order-changes.js';
import type { OrderStatus } from './order-state.js';
import { ORDER_EVENTS } from './orders.events.js';
import type { NewOrder, Order } from './orders.types.js';

/** How an order is placed: the status it reaches at once (each step an event) and what was paid. */
export interface PlaceOrderOptions {
  /** `refunded` goes through paid (history imported as it ended). */
  status?: OrderStatus;
  paidAmount?: number;
  refundedAmount?: number;
  reason?: string;
  /** Imported history: its events say so (`historical: true`), e.g. so it earns no loyalty points. */
  historical?: boolean;
}

/** The steps a new order takes to `status`: the main path, or paid first for a refunded one. */
const placedPath = (status: OrderStatus): OrderStatus[] =>
  status === 'refunded' ? ['paid', 'refunded'] : [status];

/** Advances a new order along `placedPath`, all its events at `at`. */
function advancePlaced(order: Order, status: OrderStatus, at: Date, reason: string | null) {
  let next = order;
  const events: NewEvent[] = [];
  for (const step of placedPath(status)) {
    const moved = advance(next, step, at, reason);
    next = moved.order;
    events.push(...moved.events);
  }
  return { order: next, events };
}

/** 8 characters without look-alikes: read aloud or shown as a QR at the counter. */
const newPickupCode = (): string => humanCode({ length: 8, alphabet: UNAMBIGUOUS_ALPHABET });

/**
 * An order about to be placed, in memory: pending, then moved along to `opts.status`; its number
 * is given by the insert. `created` is the type of its first event.
 */
export function draftOrder(ctx: Ctx, input: NewOrder, opts: PlaceOrderOptions = {}) {
  const now = input.placedAt ?? ctx.clock.now();
  const base: Order = {
    id: input.id ?? newId('ord'),
    number: '', // given by the insert, from the sequence
    channelId: input.channelId,
    source: input.source,
    externalSource: input.externalSource ?? null,
    externalId: input.externalId ?? null,
    cartId: input.cartId ?? null,
    customerId: input.customerId ?? null,
    email: input.email ?? null,
    phone: input.phone ?? null,
    status: 'pending',
    currency: input.currency,
    lines: input.lines.map((l, i) => ({
      ...l,
      lineId: l.lineId ?? `L${i + 1}`,
      fulfilledQuantity: l.fulfilledQuantity ?? 0,
      returnedQuantity: 0,
    })),
    totals: input.totals,
    paidAmount: opts.paidAmount ?? 0,
    refundedAmount: opts.refundedAmount ?? 0,
    delivery: input.delivery,
    pickup: input.pickup ? { code: newPickupCode(), ...input.pickup } : null,
    reservationIds: input.reservationIds ?? [],
    history: [{ from: null, to: 'pending', at: now, reason: opts.reason ?? null }],
    metadata: input.metadata ?? {},
    placedAt: now,
    updatedAt: now,
  };
  const created = input.source === 'imported' ? ORDER_EVENTS.imported : ORDER_EVENTS.created;
  const status = opts.status ?? 'pending';
  const moved = advancePlaced(base, status, now, opts.reason ?? null);
  return { base, moved, created, status, now };
}

/**
 * The events of placing an order: created (or imported), then one per step, each with the number.
 * An order placed in the past (imported history) tells its events at that time.
 */
export function placedEvents(
  placed: Order,
  d: Pick<ReturnType<typeof draftOrder>, 'base' | 'created' | 'status' | 'now'>,
  opts: PlaceOrderOptions = {},
  placedAt?: Date,
): NewEvent[] {
  const events: NewEvent[] = [
    orderEvent(placed, d.created, {
      cartId: placed.cartId,
      externalSource: placed.externalSource,
      externalId: placed.externalId,
      lines: placed.lines.map((l) => ({ sku: l.sku, title: l.title, quantity: l.quantity, total: l.total })),
    }),
    // The steps again, now that the order has its number, so every event carries it.
    ...advancePlaced({ ...d.base, number: placed.number }, d.status, d.now, opts.reason ?? null).events,
  ];
  return events.map((e) => ({
    ...e,
    ...(placedAt ? { occurredAt: placedAt } : {}),
    ...(opts.historical ? { payload: { ...e.payload, historical: true } } : {}),
  }));
}
