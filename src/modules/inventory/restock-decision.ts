// The decision of a restock, in memory: stock came in for a SKU, and orders sold beyond the stock
// wait for it (their allocations hold units at no location). Oldest order first (by placement time), each takes what is
// free at the locations feeding its channel (in sourcing order), as far as the stock goes. Pure: the
// caller locked the numbers it passes. Deciding again on the written numbers decides nothing, so a
// replayed restock changes nothing. The channel's safety buffer is not applied: the order is
// already sold; the buffer guards new sales.

import { pushTo } from '../../kernel/index.js';
import type { NewEvent } from '../../platform/events/event-log.js';
import { INVENTORY_EVENTS, skuSubject } from './inventory.events.js';
import { backorderedOf, type Reservation, type ReservationLine } from './inventory.types.js';
import type { NewMovement } from './levels.repository.js';
import type { LevelNumbers } from './reservation-decision.js';

export interface RestockState {
  /** The SKU's levels (all of them, locked). */
  levels: LevelNumbers[];
  /** Active sourcing of every channel: its locations in priority order, with the safety buffer. */
  sourcing: Array<{ channelId: string; locationId: string; safetyBuffer: number }>;
  /** The SKU's order allocations with units held nowhere yet, oldest first (locked). */
  waiting: Reservation[];
}

/** A waiting allocation that got units: with its new lines, and the units added per location. */
export interface Restocked {
  reservation: Reservation;
  added: ReservationLine[];
}

export interface RestockDecision {
  allocated: Restocked[];
  reservedByLocation: Map<string, number>;
  movements: NewMovement[];
  events: NewEvent[];
}

export const RESTOCK_ACTOR = 'inventory.restock';

/**
 * Where a waiting allocation may take units: only this location (a pickup order's store), or null
 * to leave it waiting; absent: any location feeding its channel.
 */
export type RestockPlaces = ReadonlyMap<string, string | null>;

/** What the caller knows of the waiting allocations' orders: where each may take units, when placed. */
export interface RestockPlan {
  places?: RestockPlaces;
  /** When each allocation's order was placed: served in that order (else by the allocation's age). */
  placedAt?: ReadonlyMap<string, Date>;
}

/** Oldest order first: by its placement time when known, else the allocation's creation; then id. */
export function servingOrder(waiting: Reservation[], placedAt: ReadonlyMap<string, Date> = new Map()) {
  const at = (r: Reservation) => (placedAt.get(r.id) ?? r.createdAt).getTime();
  return [...waiting].sort((a, b) => at(a) - at(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function decideRestock(
  state: RestockState,
  sku: string,
  now: Date,
  places: RestockPlaces = new Map(),
  placedAt: ReadonlyMap<string, Date> = new Map(),
): RestockDecision {
  const free = new Map(state.levels.map((l) => [l.locationId, l.onHand - l.reserved]));
  const feeding = new Map<string, string[]>();
  for (const s of state.sourcing) pushTo(feeding, s.channelId, s.locationId);
  const allocated: Restocked[] = [];
  const reservedByLocation = new Map<string, number>();
  for (const r of servingOrder(state.waiting, placedAt)) {
    let left = backorderedOf(r);
    const lines = r.lines.map((l) => ({ ...l }));
    const added: ReservationLine[] = [];
    const only = places.get(r.id);
    if (only === null) continue;
    for (const loc of feeding.get(r.channelId) ?? []) {
      if (only !== undefined && loc !== only) continue;
      const take = Math.min(left, free.get(loc) ?? 0);
      if (take <= 0) continue;
      free.set(loc, free.get(loc)! - take);
      reservedByLocation.set(loc, (reservedByLocation.get(loc) ?? 0) + take);
      const line = lines.find((l) => l.locationId === loc);
      if (line) line.quantity += take;
      else lines.push({ locationId: loc, quantity: take });
      added.push({ locationId: loc, quantity: take });
      left -= take;
      if (left <= 0) break;
    }
    if (added.length > 0) allocated.push({ reservation: { ...r, lines, updatedAt: now }, added });
  }
  if (allocated.length === 0) return { allocated, reservedByLocation, movements: [], events: [] };
  const movements: NewMovement[] = [...reservedByLocation].map(([locationId, delta]) => ({
    sku,
    locationId,
    kind: 'reserve',
    onHandDelta: 0,
    reservedDelta: delta,
    reason: 'restock: waiting order allocations',
    actor: RESTOCK_ACTOR,
    reservationId: allocated.length === 1 ? allocated[0]!.reservation.id : null,
    adjustmentId: null,
  }));
  const events: NewEvent[] = [
    ...allocated.map(({ reservation: r }) => ({
      type: INVENTORY_EVENTS.reservationAllocated,
      subject: r.id,
      channelId: r.channelId,
      payload: { reservation: r },
    })),
    stockChanged(state, sku, free, reservedByLocation),
  ];
  return { allocated, reservedByLocation, movements, events };
}

function stockChanged(
  state: RestockState,
  sku: string,
  free: Map<string, number>,
  changed: Map<string, number>,
): NewEvent {
  const levels = state.levels
    .filter((l) => changed.has(l.locationId))
    .map((l) => {
      const reserved = l.reserved + changed.get(l.locationId)!;
      return { sku, locationId: l.locationId, onHand: l.onHand, reserved, available: l.onHand - reserved };
    });
  const byChannel = new Map<string, { buffer: number; sum: number; touched: boolean }>();
  for (const s of state.sourcing) {
    const c = byChannel.get(s.channelId) ?? { buffer: s.safetyBuffer, sum: 0, touched: false };
    c.sum += free.get(s.locationId) ?? 0;
    c.touched ||= changed.has(s.locationId);
    byChannel.set(s.channelId, c);
  }
  return {
    type: INVENTORY_EVENTS.stockChanged,
    subject: skuSubject(sku),
    channelId: null,
    payload: {
      sku,
      cause: 'restock',
      levels,
      channels: [...byChannel]
        .filter(([, c]) => c.touched)
        .map(([channelId, c]) => ({ channelId, availableToSell: Math.max(c.sum - c.buffer, 0) })),
    },
  };
}
