// The decision of a reservation batch, in memory: given the SKU's numbers (levels, sourcing,
// idempotency replays), grant or refuse each request in arrival order (channel sourcing, safety
// buffer, split across locations) and say what to write. Pure: the callers make sure the numbers
// are the database's at the moment of writing (row locks, or a compare-and-set in the write).
import { AppError, fail, newId, ok, type Result } from '../../kernel/index.js';
import type { AlongsideWrite, NewEvent } from '../../platform/events/event-log.js';
import { INVENTORY_EVENTS, skuSubject } from './inventory.events.js';
import type { InsufficientStock, Reservation, ReservationKind, ReservationLine } from './inventory.types.js';
import type { NewMovement } from './levels.repository.js';

export interface ReserveRequest {
  sku: string;
  quantity: number;
  kind: ReservationKind;
  channelId: string;
  idempotencyKey: string | null;
  /** Restrict to one location (id or code), e.g. a pickup store. */
  location: string | null;
  ttlSeconds: number | null;
  reference: string | null;
  allowPartial: boolean;
  /**
   * Units this request may take beyond the free stock (the product's backorder or pre-order policy,
   * decided by the caller): those are reserved at no location and wait for stock. 0 for most.
   */
  beyondStock?: number | undefined;
  actorId: string;
  requestId: string;
  /** Another module's write to commit in the same statement when this request is granted. */
  alongside?: ((reservation: Reservation) => AlongsideWrite) | undefined;
}

export interface Reserved {
  reservation: Reservation;
  /** True when an earlier request with the same idempotency key made it. */
  replayed: boolean;
  /** With a request's `alongside` write: whether that write committed (it returned a row). */
  alongsideWritten?: boolean;
}

export type ReserveResult = Result<Reserved, InsufficientStock>;
/** Each request settles on its own: a result, or an error that is only its own. */
export type ReserveOutcome = { result: ReserveResult } | { error: AppError };

export interface LevelNumbers {
  locationId: string;
  onHand: number;
  reserved: number;
}

/** What a batch decides on: one SKU's numbers at the locations of a set of channels. */
export interface BatchState {
  /** Sourcing of the batch's channels and of every other channel fed by the same locations. */
  sourcing: Array<{
    channelId: string;
    locationId: string;
    code: string;
    priority: number;
    safetyBuffer: number;
  }>;
  /** The SKU's levels at the batch channels' locations: the ones a batch may take from. */
  locked: LevelNumbers[];
  /** The SKU's levels at the other affected locations (only for the event's figures). */
  others: LevelNumbers[];
  /** Reservations already made with the batch's idempotency keys. */
  existing: Reservation[];
}

export interface BatchDecision {
  outcomes: ReserveOutcome[];
  /** New reservations, in request order. */
  created: Reservation[];
  /** Units newly reserved per location. */
  reservedByLocation: Map<string, number>;
  movements: NewMovement[];
  events: NewEvent[];
  /** The numbers once the decision is written (no idempotency replays: those are per batch). */
  after: BatchState;
}

const DEFAULT_TTL_SECONDS: Record<ReservationKind, number | null> = {
  cart_hold: 15 * 60,
  pickup_hold: 3 * 24 * 3600,
  order_allocation: null,
};

/** The ledger's actor for a batch of reservations made by several API keys. */
export const GROUP_COMMIT_ACTOR = 'inventory.group-commit';

interface ChannelSourcing {
  safetyBuffer: number;
  locations: Array<{ id: string; code: string }>;
}

export function decideBatch(
  state: BatchState,
  sku: string,
  requests: ReserveRequest[],
  now: Date,
): BatchDecision {
  const sourcing = new Map<string, ChannelSourcing>();
  for (const s of state.sourcing) {
    const c = sourcing.get(s.channelId) ?? { safetyBuffer: s.safetyBuffer, locations: [] };
    c.locations.push({ id: s.locationId, code: s.code });
    sourcing.set(s.channelId, c);
  }
  // Units free per location: only the locked ones can be taken.
  const available = new Map<string, number>();
  for (const l of [...state.others, ...state.locked]) available.set(l.locationId, l.onHand - l.reserved);
  const lockedIds = new Set(state.locked.map((l) => l.locationId));
  const free = (id: string) => (lockedIds.has(id) ? available.get(id)! : 0);
  const existing = new Map(state.existing.map((r) => [`${r.channelId}\u0000${r.idempotencyKey}`, r]));

  const created: Reservation[] = [];
  const requestIds: string[] = [];
  const byLocation = new Map<string, Reservation[]>();
  const reservedByLocation = new Map<string, number>();
  const outcomes: ReserveOutcome[] = [];
  for (const req of requests) {
    const idemKey = req.idempotencyKey === null ? null : `${req.channelId}\u0000${req.idempotencyKey}`;
    const earlier = idemKey === null ? undefined : existing.get(idemKey);
    if (earlier) {
      outcomes.push(
        earlier.sku === req.sku && earlier.kind === req.kind
          ? { result: ok({ reservation: earlier, replayed: true }) }
          : {
              error: new AppError(
                'idempotency_key_reused',
                'This idempotency key was used for another reservation',
                { details: { reservationId: earlier.id } },
              ),
            },
      );
      continue;
    }
    const channel = sourcing.get(req.channelId);
    if (!channel) {
      outcomes.push({
        error: new AppError(
          'channel_without_locations',
          `Channel ${req.channelId} has no active stock locations`,
          {
            details: { channelId: req.channelId },
          },
        ),
      });
      continue;
    }
    let from = channel.locations;
    if (req.location !== null) {
      from = channel.locations.filter((l) => l.id === req.location || l.code === req.location);
      if (from.length === 0) {
        outcomes.push({
          error: new AppError(
            'location_not_in_channel',
            `Location ${req.location} does not feed channel ${req.channelId}`,
            { details: { channelId: req.channelId, location: req.location } },
          ),
        });
        continue;
      }
    }
    const sum = (locs: Array<{ id: string }>) => locs.reduce((s, l) => s + free(l.id), 0);
    const channelAts = Math.max(sum(channel.locations) - channel.safetyBuffer, 0);
    const grantable = Math.min(channelAts, sum(from));
    const beyond = req.beyondStock ?? 0;
    const granted =
      req.quantity <= grantable + beyond ? req.quantity : req.allowPartial ? grantable + beyond : 0;
    if (granted === 0) {
      outcomes.push({
        result: fail({
          reason: 'insufficient_stock' as const,
          sku,
          requested: req.quantity,
          available: grantable,
        }),
      });
      continue;
    }
    const lines: ReservationLine[] = [];
    // Units beyond the grantable ones are held nowhere (backordered): quantity − Σ lines.
    let left = Math.min(granted, grantable);
    for (const loc of from) {
      const take = Math.min(left, free(loc.id));
      if (take <= 0) continue;
      lines.push({ locationId: loc.id, quantity: take });
      available.set(loc.id, free(loc.id) - take);
      reservedByLocation.set(loc.id, (reservedByLocation.get(loc.id) ?? 0) + take);
      left -= take;
      if (left <= 0) break;
    }
    const ttl = req.kind === 'order_allocation' ? null : (req.ttlSeconds ?? DEFAULT_TTL_SECONDS[req.kind]);
    const reservation: Reservation = {
      id: newId('res'),
      kind: req.kind,
      status: req.kind === 'order_allocation' ? 'allocated' : 'held',
      channelId: req.channelId,
      sku,
      quantity: granted,
      lines,
      idempotencyKey: req.idempotencyKey,
      reference: req.reference,
      expiresAt: ttl === null ? null : new Date(now.getTime() + ttl * 1000),
      createdBy: req.actorId,
      createdAt: now,
      updatedAt: now,
    };
    created.push(reservation);
    requestIds.push(req.requestId);
    if (idemKey !== null) existing.set(idemKey, reservation);
    for (const line of lines) {
      const list = byLocation.get(line.locationId) ?? [];
      list.push(reservation);
      byLocation.set(line.locationId, list);
    }
    outcomes.push({ result: ok({ reservation, replayed: false }) });
  }

  const after: BatchState = {
    sourcing: state.sourcing,
    locked: state.locked.map((l) => ({ ...l, reserved: l.onHand - available.get(l.locationId)! })),
    others: state.others,
    existing: [],
  };
  if (created.length === 0)
    return { outcomes, created, reservedByLocation, movements: [], events: [], after };

  // One ledger row per location per batch (not per reservation): the ledger still sums to the
  // levels, each reservation row says where its units are, and the hot path writes half the rows.
  const movements: NewMovement[] = [...byLocation].map(([locationId, list]) => {
    const actors = new Set(list.map((r) => r.createdBy));
    return {
      sku,
      locationId,
      kind: 'reserve',
      onHandDelta: 0,
      reservedDelta: reservedByLocation.get(locationId)!,
      reason: list.length === 1 ? list[0]!.kind : `group commit of ${list.length} reservations`,
      actor: actors.size === 1 ? list[0]!.createdBy : GROUP_COMMIT_ACTOR,
      reservationId: list.length === 1 ? list[0]!.id : null,
      adjustmentId: null,
    };
  });
  const events: NewEvent[] = [
    {
      type: INVENTORY_EVENTS.reserved,
      subject: skuSubject(sku),
      channelId: null,
      payload: {
        sku,
        reservations: created.map((r, i) => ({
          id: r.id,
          kind: r.kind,
          channelId: r.channelId,
          quantity: r.quantity,
          lines: r.lines,
          actor: r.createdBy,
          requestId: requestIds[i],
        })),
      },
    },
    stockChangedEvent(sku, after),
  ];
  return { outcomes, created, reservedByLocation, movements, events, after };
}

/** The stock_changed event, computed from the batch's own numbers (no extra query). */
function stockChangedEvent(sku: string, after: BatchState): NewEvent {
  const available = new Map<string, number>();
  for (const l of [...after.others, ...after.locked]) available.set(l.locationId, l.onHand - l.reserved);
  const byChannel = new Map<string, { buffer: number; sum: number }>();
  for (const s of after.sourcing) {
    const c = byChannel.get(s.channelId) ?? { buffer: s.safetyBuffer, sum: 0 };
    c.sum += available.get(s.locationId) ?? 0;
    byChannel.set(s.channelId, c);
  }
  return {
    type: INVENTORY_EVENTS.stockChanged,
    subject: skuSubject(sku),
    channelId: null,
    payload: {
      sku,
      cause: 'reservation',
      levels: after.locked.map((l) => ({
        sku,
        locationId: l.locationId,
        onHand: l.onHand,
        reserved: l.reserved,
        available: l.onHand - l.reserved,
      })),
      channels: [...byChannel].map(([channelId, c]) => ({
        channelId,
        availableToSell: Math.max(c.sum - c.buffer, 0),
      })),
    },
  };
}
