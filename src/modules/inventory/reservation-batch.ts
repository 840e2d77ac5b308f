// Reserves a batch of requests for ONE SKU in the caller's transaction: lock that SKU's level rows
// at every location involved, decide each request in arrival order against the locked numbers
// (channel sourcing, safety buffer, split across locations), then write everything with a handful
// of statements whatever the batch size. The final UPDATE is still conditional on the database's
// numbers, so no batching mistake and no other hub process can make it oversell.
import { AppError, fail, newId, ok, type Result } from '../../kernel/index.js';
import type { Ctx } from '../../platform/context.js';
import type { NewEvent } from '../../platform/events/event-log.js';
import { INVENTORY_EVENTS } from './inventory.events.js';
import type { InsufficientStock, Reservation, ReservationKind, ReservationLine } from './inventory.types.js';
import { levelKey, lockLevels, type NewMovement } from './levels.repository.js';
import { selectActiveSourcing } from './locations.repository.js';
import { insertReservations, selectByIdempotencyKeys } from './reservations.repository.js';
import { commitStockChange } from './stock-change.js';

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
  actorId: string;
  requestId: string;
}

export interface Reserved {
  reservation: Reservation;
  /** True when an earlier request with the same idempotency key made it. */
  replayed: boolean;
}

export type ReserveResult = Result<Reserved, InsufficientStock>;
/** Each request settles on its own: a result, or an error that is only its own. */
export type ReserveOutcome = { result: ReserveResult } | { error: AppError };

const DEFAULT_TTL_SECONDS: Record<ReservationKind, number | null> = {
  cart_hold: 15 * 60,
  pickup_hold: 3 * 24 * 3600,
  order_allocation: null,
};

/** Thrown when another transaction took an idempotency key meanwhile: the batch is run again. */
export class ReservationBatchConflict extends Error {}

interface ChannelSourcing {
  safetyBuffer: number;
  locations: Array<{ id: string; code: string }>;
}

export async function reserveBatch(
  tx: Ctx,
  sku: string,
  requests: ReserveRequest[],
): Promise<ReserveOutcome[]> {
  const sourcing = new Map<string, ChannelSourcing>();
  for (const s of await selectActiveSourcing(tx.db, [...new Set(requests.map((r) => r.channelId))])) {
    const c = sourcing.get(s.channelId) ?? { safetyBuffer: s.safetyBuffer, locations: [] };
    c.locations.push({ id: s.locationId, code: s.locationCode });
    sourcing.set(s.channelId, c);
  }
  const locationIds = [...new Set([...sourcing.values()].flatMap((c) => c.locations.map((l) => l.id)))];
  const locked = await lockLevels(
    tx.db,
    locationIds.map((locationId) => ({ sku, locationId })),
  );
  const available = new Map(
    locationIds.map((id) => [id, locked.get(levelKey({ sku, locationId: id }))?.available ?? 0]),
  );
  // Looked up after the lock: a concurrent request with the same key and SKU has committed by now.
  const keyed = requests.filter((r) => r.idempotencyKey !== null);
  const existing = keyed.length
    ? await selectByIdempotencyKeys(
        tx.db,
        keyed.map((r) => ({ channelId: r.channelId, key: r.idempotencyKey! })),
      )
    : new Map<string, Reservation>();

  const now = tx.clock.now();
  const created: Reservation[] = [];
  const movements: NewMovement[] = [];
  const events: NewEvent[] = [];
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
                {
                  details: { reservationId: earlier.id },
                },
              ),
            },
      );
      continue;
    }
    const channel = sourcing.get(req.channelId);
    if (!channel) {
      outcomes.push({
        error: new AppError('unprocessable', `Channel ${req.channelId} has no active stock locations`, {
          details: { channelId: req.channelId },
        }),
      });
      continue;
    }
    let from = channel.locations;
    if (req.location !== null) {
      from = channel.locations.filter((l) => l.id === req.location || l.code === req.location);
      if (from.length === 0) {
        outcomes.push({
          error: new AppError(
            'unprocessable',
            `Location ${req.location} does not feed channel ${req.channelId}`,
            {
              details: { channelId: req.channelId, location: req.location },
            },
          ),
        });
        continue;
      }
    }
    const sum = (locs: Array<{ id: string }>) => locs.reduce((s, l) => s + available.get(l.id)!, 0);
    const channelAts = Math.max(sum(channel.locations) - channel.safetyBuffer, 0);
    const grantable = Math.min(channelAts, sum(from));
    const granted = req.quantity <= grantable ? req.quantity : req.allowPartial ? grantable : 0;
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
    let left = granted;
    for (const loc of from) {
      const take = Math.min(left, available.get(loc.id)!);
      if (take <= 0) continue;
      lines.push({ locationId: loc.id, quantity: take });
      available.set(loc.id, available.get(loc.id)! - take);
      left -= take;
      if (left === 0) break;
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
    if (idemKey !== null) existing.set(idemKey, reservation);
    for (const line of lines) {
      movements.push({
        sku,
        locationId: line.locationId,
        kind: 'reserve',
        onHandDelta: 0,
        reservedDelta: line.quantity,
        reason: req.kind,
        actor: req.actorId,
        reservationId: reservation.id,
        adjustmentId: null,
      });
    }
    events.push({
      type: INVENTORY_EVENTS.reservationCreated,
      subject: reservation.id,
      channelId: reservation.channelId,
      payload: { reservation, requestId: req.requestId },
    });
    outcomes.push({ result: ok({ reservation, replayed: false }) });
  }

  if (created.length > 0) {
    const inserted = await insertReservations(tx.db, created);
    if (inserted.size !== created.length) throw new ReservationBatchConflict();
    await commitStockChange(tx, { cause: 'reservation', movements, events });
  }
  return outcomes;
}
