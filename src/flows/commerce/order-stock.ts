// Stock for an order at checkout, through inventory: a pickup order's units held at the chosen store,
// a shipped order's units allocated where the routing strategy sends them from (with the reason).
import { AppError } from '../../kernel/index.js';
import type { Cart } from '../../modules/carts/index.js';
import type { Candidate, Destination } from '../../modules/checkout-rules/index.js';
import { backorderedOf } from '../../modules/inventory/index.js';
import type { FulfilmentPlan, Order } from '../../modules/orders/index.js';
import type { Ctx } from '../../platform/context.js';
import { type Backorders, backordersOf, todayOf } from './backorders.js';
import { beyondStock, releaseHolds } from './cart-stock.js';
import { type CommerceDeps, insufficientStock } from './commerce.deps.js';

export interface OrderStock {
  reservationIds: string[];
  plans: FulfilmentPlan[];
  /** Units sold beyond the stock per SKU (backorder or pre-order): held nowhere, fulfilment waits. */
  backorders?: Backorders;
}

const addTo = (m: Map<string, number>, sku: string, n: number) => {
  if (n > 0) m.set(sku, (m.get(sku) ?? 0) + n);
};

const DAY = 24 * 3600;

/**
 * Click & collect: every unit held at the store. A cart hold that already sits wholly at that store
 * becomes the order's allocation; anything else is released and held again at the store.
 */
export async function holdAtStore(
  deps: CommerceDeps,
  tx: Ctx,
  cart: Cart,
  orderId: string,
  locationId: string,
): Promise<OrderStock> {
  // One statement allocates every hold still held wholly at the store; the rest is the rare path.
  const holds = cart.lines.flatMap((l) => l.holds);
  const { allocated } = await deps.inventory.allocateMany(
    tx,
    holds.map((h) => h.reservationId),
    { reference: orderId, atLocation: locationId },
  );
  const done = new Set(allocated.map((r) => r.id));
  const waiting = new Map<string, number>();
  for (const r of allocated) addTo(waiting, r.sku, backorderedOf(r));
  const lines: FulfilmentPlan['lines'] = [];
  const reservationIds: string[] = [];
  for (const line of cart.lines) {
    const atStore = line.holds.filter((h) => done.has(h.reservationId));
    const covered = atStore.reduce((s, h) => s + h.quantity, 0);
    for (const h of atStore) {
      reservationIds.push(h.reservationId);
      lines.push({ sku: line.sku, quantity: h.quantity, reservationId: h.reservationId });
    }
    await releaseHolds(
      deps,
      tx,
      line.holds.filter((h) => !done.has(h.reservationId)),
    );
    if (covered < line.quantity) {
      const r = await deps.inventory.reserve(
        tx,
        {
          sku: line.sku,
          quantity: line.quantity - covered,
          kind: 'pickup_hold',
          channelId: cart.channelId,
          location: locationId,
          reference: orderId,
          ttlSeconds: deps.pickupHoldSeconds ?? 3 * DAY,
        },
        { beyondStock: beyondStock(line.stock, atStore) },
      );
      if (!r.ok) throw insufficientStock(r, 'held for pickup at that store');
      addTo(waiting, line.sku, backorderedOf(r.value.reservation));
      reservationIds.push(r.value.reservation.id);
      lines.push({ sku: line.sku, quantity: line.quantity - covered, reservationId: r.value.reservation.id });
    }
  }
  const backorders = backordersOf(cart.lines, waiting, todayOf(tx.clock.now()));
  return { ...pickupStock(locationId, reservationIds, lines), backorders };
}

/** A click & collect order's stock: everything at the chosen store, the customer's choice. */
export function pickupStock(
  locationId: string,
  reservationIds: string[],
  lines: FulfilmentPlan['lines'],
): OrderStock {
  return {
    reservationIds,
    plans: [
      {
        kind: 'pickup',
        locationId,
        lines,
        routing: {
          strategy: 'customer_choice',
          reason: 'the customer chose this store for click & collect',
          distanceKm: null,
        },
      },
    ],
  };
}

/** The channel's locations with their free stock of these SKUs, in sourcing order. */
async function candidatesFor(
  deps: CommerceDeps,
  tx: Ctx,
  channelId: string,
  skus: string[],
): Promise<Candidate[]> {
  const sourcing = await deps.inventory.getSourcing(tx, channelId);
  const locations = new Map((await deps.inventory.listLocations(tx)).map((l) => [l.id, l]));
  const levels = await deps.inventory.levelsOfSkus(tx, skus);
  return sourcing.locationIds.flatMap((id, priority) => {
    const l = locations.get(id);
    if (!l || l.status !== 'active') return [];
    const stock = new Map(
      levels.filter((v) => v.locationId === id).map((v) => [v.sku, Math.max(0, v.available)]),
    );
    const country = typeof l.address.country === 'string' ? l.address.country : null;
    return [
      {
        locationId: id,
        code: l.code,
        name: l.name,
        type: l.type,
        latitude: l.latitude,
        longitude: l.longitude,
        country,
        priority,
        stock,
      },
    ];
  });
}

/**
 * Shipping: the cart's holds are released and the routing strategy decides where each unit leaves
 * from; every part is allocated at its location, so the plan is what the stock says.
 */
export async function allocateForShipping(
  deps: CommerceDeps,
  tx: Ctx,
  cart: Cart,
  orderId: string,
  to: Destination,
  strategyName: string,
): Promise<OrderStock> {
  await releaseHolds(
    deps,
    tx,
    cart.lines.flatMap((l) => l.holds),
  );
  const beyond = new Map<string, number>();
  for (const l of cart.lines) addTo(beyond, l.sku, Math.min(l.quantity, beyondStock(l.stock)));
  const stock = await routeAndAllocate(
    deps,
    tx,
    cart.channelId,
    cart.lines,
    orderId,
    to,
    strategyName,
    undefined,
    beyond,
  );
  const waiting = new Map([...(stock.backorders ?? [])].map(([sku, b]) => [sku, b.quantity]));
  return { ...stock, backorders: backordersOf(cart.lines, waiting, todayOf(tx.clock.now())) };
}

/**
 * Allocates an order's lines where the routing strategy sends them from (carts at checkout, and
 * imported marketplace orders). `idempotencyKeyOf` makes a retried import allocate once.
 */
export async function routeAndAllocate(
  deps: CommerceDeps,
  tx: Ctx,
  channelId: string,
  orderLines: Array<{ sku: string; quantity: number }>,
  orderId: string,
  to: Destination,
  strategyName: string,
  idempotencyKeyOf?: (sku: string, locationId: string) => string,
  /** Per SKU: units that may be sold beyond the stock (backorder or pre-order). */
  beyond: ReadonlyMap<string, number> = new Map(),
): Promise<OrderStock> {
  const strategy = deps.checkoutRules.routingStrategy(strategyName);
  const wanted = new Map<string, number>();
  for (const l of orderLines) wanted.set(l.sku, (wanted.get(l.sku) ?? 0) + l.quantity);
  const candidates = await candidatesFor(deps, tx, channelId, [...wanted.keys()]);
  // What the locations have is routed; the rest of a backorderable SKU waits (up to its limit).
  const lines: Array<{ sku: string; quantity: number }> = [];
  const short = new Map<string, number>();
  for (const [sku, quantity] of wanted) {
    const free = candidates.reduce((s, c) => s + (c.stock.get(sku) ?? 0), 0);
    const waits = Math.min(beyond.get(sku) ?? 0, Math.max(0, quantity - free));
    addTo(short, sku, waits);
    if (quantity > waits) lines.push({ sku, quantity: quantity - waits });
  }
  const routed = lines.length
    ? strategy.route(lines, candidates, to)
    : { ok: true as const, shipments: [] as never[] };
  if (!routed.ok) throw insufficientStock(routed, 'shipped');
  // Reserved in one global order (SKU, then location): each reservation locks its SKU's stock rows
  // until the transaction ends, so two orders naming the same SKUs in another order would deadlock.
  const parts = routed.shipments.flatMap((s, shipment) => s.lines.map((l) => ({ shipment, ...l })));
  const byLock = [...parts].sort((a, b) =>
    a.sku === b.sku
      ? routed.shipments[a.shipment]!.locationId.localeCompare(routed.shipments[b.shipment]!.locationId)
      : a.sku < b.sku
        ? -1
        : 1,
  );
  const reserved = new Map<(typeof parts)[number], string>();
  for (const l of byLock) {
    const locationId = routed.shipments[l.shipment]!.locationId;
    const r = await deps.inventory.reserve(tx, {
      sku: l.sku,
      quantity: l.quantity,
      kind: 'order_allocation',
      channelId,
      location: locationId,
      reference: orderId,
      ...(idempotencyKeyOf ? { idempotencyKey: idempotencyKeyOf(l.sku, locationId) } : {}),
    });
    if (!r.ok) throw insufficientStock(r, 'allocated');
    reserved.set(l, r.value.reservation.id);
  }
  const reservationIds = parts.map((l) => reserved.get(l)!);
  const plans: FulfilmentPlan[] = routed.shipments.map((s, shipment) => ({
    kind: s.kind,
    locationId: s.locationId,
    lines: parts
      .filter((l) => l.shipment === shipment)
      .map((l) => ({ sku: l.sku, quantity: l.quantity, reservationId: reserved.get(l)! })),
    routing: { strategy: strategy.name, reason: s.reason, distanceKm: s.distanceKm },
  }));
  const waiting = await reserveWaiting(deps, tx, channelId, orderId, short);
  reservationIds.push(...waiting.reservationIds);
  // The units that wait, as backorders; a caller that knows the lines' policies says which pre-order.
  const backorders: Backorders = new Map(
    [...waiting.bySku].map(([sku, quantity]) => [
      sku,
      { kind: 'backorder' as const, quantity, expectedFrom: null },
    ]),
  );
  return { reservationIds, plans, backorders };
}

/** The units that wait for stock: one allocation per SKU, held at no location (or any freed since). */
async function reserveWaiting(
  deps: CommerceDeps,
  tx: Ctx,
  channelId: string,
  orderId: string,
  short: ReadonlyMap<string, number>,
) {
  const reservationIds: string[] = [];
  const bySku = new Map<string, number>();
  for (const [sku, quantity] of short) {
    const r = await deps.inventory.reserve(
      tx,
      { sku, quantity, kind: 'order_allocation', channelId, reference: orderId },
      { beyondStock: quantity },
    );
    if (!r.ok) throw insufficientStock(r, 'ordered');
    reservationIds.push(r.value.reservation.id);
    addTo(bySku, sku, backorderedOf(r.value.reservation));
  }
  return { reservationIds, bySku };
}

/** Bought at the till and taken away: the holds become the order's allocation, fulfilled at once. */
export async function allocateCarryOut(
  deps: CommerceDeps,
  tx: Ctx,
  cart: Cart,
  orderId: string,
  locationId: string,
): Promise<OrderStock> {
  const held = await holdAtStore(deps, tx, cart, orderId, locationId);
  // Handed over at the counter: nothing can wait for stock.
  const [sku, waiting] = [...(held.backorders ?? [])][0] ?? [];
  if (sku && waiting) {
    throw new AppError('insufficient_stock', `${sku} is not in stock here; it cannot be handed over`, {
      details: { sku, requested: waiting.quantity, available: 0 },
    });
  }
  return {
    ...held,
    plans: held.plans.map((p) => ({
      ...p,
      kind: 'counter' as const,
      routing: { strategy: 'till', reason: 'sold at the till and handed over', distanceKm: null },
    })),
  };
}

/** The customer takes the goods: the counter fulfilment's stock leaves the store, the order completes. */
export async function handOverAtCounter(deps: CommerceDeps, tx: Ctx, order: Order): Promise<Order> {
  if (order.delivery.type !== 'carry_out' || order.status !== 'allocated') return order;
  const [f] = (await deps.orders.fulfilments.listFulfilments(tx, order.id)).filter(
    (x) => x.status === 'open',
  );
  if (!f) return order;
  for (const l of f.lines) if (l.reservationId) await deps.inventory.fulfil(tx, l.reservationId);
  return (await deps.orders.fulfilments.recordCollected(tx, order.id, f.id)).order;
}

/** One order of routeAndAllocateMany: its lines, where it goes, its reservations' idempotency keys. */
export interface OrderToRoute {
  orderId: string;
  lines: Array<{ sku: string; quantity: number }>;
  to: Destination;
  idempotencyKeyOf: (sku: string, locationId: string) => string;
}

/**
 * routeAndAllocate for several orders of one channel in the caller's transaction (imported orders
 * in a batch): the stock is read once, each order routed in memory against what the orders before
 * it took, then every line reserved with one batch per SKU. Throws (the caller rolls back and takes
 * the orders one at a time) when an order cannot be routed or a reservation is refused.
 */
export async function routeAndAllocateMany(
  deps: CommerceDeps,
  tx: Ctx,
  channelId: string,
  orders: OrderToRoute[],
  strategyName: string,
): Promise<OrderStock[]> {
  const strategy = deps.checkoutRules.routingStrategy(strategyName);
  const candidates = await candidatesFor(
    deps,
    tx,
    channelId,
    orders.flatMap((o) => o.lines.map((l) => l.sku)),
  );
  const routes = orders.map((o) => {
    const wanted = new Map<string, number>();
    for (const l of o.lines) addTo(wanted, l.sku, l.quantity);
    const routed = strategy.route(
      [...wanted].map(([sku, quantity]) => ({ sku, quantity })),
      candidates,
      o.to,
    );
    if (!routed.ok) throw insufficientStock(routed, 'shipped');
    for (const s of routed.shipments) {
      const c = candidates.find((x) => x.locationId === s.locationId);
      for (const l of s.lines) c?.stock.set(l.sku, (c.stock.get(l.sku) ?? 0) - l.quantity);
    }
    return routed.shipments;
  });
  const parts = routes.flatMap((shipments, order) =>
    shipments.flatMap((s, shipment) => s.lines.map((l) => ({ order, shipment, ...l }))),
  );
  const results = await deps.inventory.reserveMany(
    tx,
    parts.map((l) => {
      const locationId = routes[l.order]![l.shipment]!.locationId;
      return {
        input: {
          sku: l.sku,
          quantity: l.quantity,
          kind: 'order_allocation' as const,
          channelId,
          location: locationId,
          reference: orders[l.order]!.orderId,
          idempotencyKey: orders[l.order]!.idempotencyKeyOf(l.sku, locationId),
        },
      };
    }),
  );
  const ids = results.map((r) => {
    if (r instanceof AppError) throw r;
    if (!r.ok) throw insufficientStock(r, 'allocated');
    return r.value.reservation.id;
  });
  return routes.map((shipments, order) => {
    const mine = parts.flatMap((l, i) => (l.order === order ? [{ ...l, id: ids[i]! }] : []));
    return {
      reservationIds: mine.map((l) => l.id),
      plans: shipments.map((s, shipment) => ({
        kind: s.kind,
        locationId: s.locationId,
        lines: mine
          .filter((l) => l.shipment === shipment)
          .map((l) => ({ sku: l.sku, quantity: l.quantity, reservationId: l.id })),
        routing: { strategy: strategy.name, reason: s.reason, distanceKm: s.distanceKm },
      })),
    };
  });
}
