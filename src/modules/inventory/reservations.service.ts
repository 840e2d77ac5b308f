// The reservation ledger: cart holds (with a TTL), pickup holds and order allocations, each
// idempotent by key; releasing, allocating, fulfilling and expiring apply once, however often asked.
import type { z } from 'zod';
import { AppError, notFound, pushTo } from '../../kernel/index.js';
import { type Ctx, inTransaction } from '../../platform/context.js';
import { type AlongsideWrite, appendEvent } from '../../platform/events/event-log.js';
import { INVENTORY_EVENTS } from './inventory.events.js';
import {
  type MovementKind,
  type Reservation,
  ReservationInput,
  type ReservationStatus,
} from './inventory.types.js';
import { lockLevels, type NewMovement } from './levels.repository.js';
import { type ReserveResult, reserveBatch, reserveBatches } from './reservation-batch.js';
import { type BatcherOptions, ReservationBatcher } from './reservation-batcher.js';
import {
  expireDueHolds,
  selectReservation,
  selectReservations,
  transitionReservation,
} from './reservations.repository.js';
import { commitStockChange } from './stock-change.js';

export interface ReserveOptions {
  /**
   * Another module's write that commits in the same statement as the reservation (when granted),
   * e.g. the cart line recording the hold; the result says whether it wrote (`alongsideWritten`).
   */
  alongside?: (reservation: Reservation) => AlongsideWrite;
  /**
   * Units that may be reserved beyond the free stock, held at no location (the caller's backorder or
   * pre-order policy). Not part of the HTTP input: only flows that know the product's policy set it.
   */
  beyondStock?: number;
  /** The input is ReservationInput's output already (the HTTP route validated it): not parsed again. */
  validated?: boolean;
}

/** What a state change did: `changed` is false when it had already happened (or could not). */
export interface ReservationChange {
  reservation: Reservation;
  changed: boolean;
}

const EXPIRE_BATCH = 500;

/** Writes the ledger rows and events of reservations leaving the reserved state. */
async function releaseStock(
  tx: Ctx,
  list: Reservation[],
  kind: Extract<MovementKind, 'release' | 'expire' | 'fulfil'>,
  eventType: string,
): Promise<void> {
  await lockLevels(
    tx.db,
    list.flatMap((r) => r.lines.map((l) => ({ sku: r.sku, locationId: l.locationId }))),
  );
  const movements: NewMovement[] = list.flatMap((r) =>
    r.lines.map((l) => ({
      sku: r.sku,
      locationId: l.locationId,
      kind,
      onHandDelta: kind === 'fulfil' ? -l.quantity : 0,
      reservedDelta: -l.quantity,
      reason: null,
      actor: tx.actor.id,
      reservationId: r.id,
      adjustmentId: null,
    })),
  );
  await commitStockChange(tx, {
    cause: kind,
    movements,
    events: list.map((r) => ({
      type: eventType,
      subject: r.id,
      channelId: r.channelId,
      payload: { reservation: r },
    })),
  });
}

/** A reservation request as a batch decides it (the channel from the input or the key's). */
function requestOf(ctx: Ctx, input: ReservationInput, opts: ReserveOptions) {
  const parsed = opts.validated
    ? (input as z.output<typeof ReservationInput>)
    : ReservationInput.parse(input);
  const channelId = parsed.channelId ?? ctx.channelId;
  if (!channelId) {
    throw new AppError('validation_failed', 'Name the channel to reserve for', {
      issues: [{ path: 'channelId', message: 'required unless the API key is bound to a channel' }],
    });
  }
  return {
    sku: parsed.sku,
    quantity: parsed.quantity,
    kind: parsed.kind,
    channelId,
    idempotencyKey: parsed.idempotencyKey ?? null,
    location: parsed.location ?? null,
    ttlSeconds: parsed.ttlSeconds ?? null,
    reference: parsed.reference ?? null,
    allowPartial: parsed.allowPartial,
    actorId: ctx.actor.id,
    requestId: ctx.requestId,
    alongside: opts.alongside,
    beyondStock: opts.beyondStock,
  };
}

export function createReservationsService(options: Partial<BatcherOptions> = {}) {
  const batcher = new ReservationBatcher({
    windowMs: options.windowMs ?? 0,
    maxBatch: options.maxBatch ?? 500,
  });

  /** Moves a reservation once; a repeat returns it unchanged; a move from a final state is a conflict. */
  async function transition(
    ctx: Ctx,
    id: string,
    from: ReservationStatus[],
    to: ReservationStatus,
    onMoved: (tx: Ctx, r: Reservation) => Promise<void>,
    patch: { clearExpiry?: boolean; reference?: string | undefined } = {},
  ): Promise<ReservationChange> {
    return inTransaction(ctx, async (tx) => {
      const moved = await transitionReservation(tx.db, id, from, to, ctx.clock.now(), patch);
      if (moved) {
        await onMoved(tx, moved);
        return { reservation: moved, changed: true };
      }
      const current = await selectReservation(tx.db, id);
      if (!current) throw notFound('reservation', id);
      const alreadyDone = current.status === to || (to === 'released' && current.status === 'expired');
      if (alreadyDone) return { reservation: current, changed: false };
      throw new AppError(
        'reservation_transition_refused',
        `Reservation ${id} is ${current.status}; it cannot become ${to}`,
        {
          details: { reservationId: id, status: current.status },
        },
      );
    });
  }

  return {
    batcher,

    /**
     * Reserves stock for a channel. Requests for the same SKU are group-committed; inside a caller's
     * transaction the reservation joins that transaction instead.
     */
    async reserve(ctx: Ctx, input: ReservationInput, opts: ReserveOptions = {}): Promise<ReserveResult> {
      const request = requestOf(ctx, input, opts);
      const outcome = ctx.inTx
        ? (await reserveBatch(ctx, request.sku, [request])).outcomes[0]!
        : await batcher.submit(ctx, request);
      if ('error' in outcome) throw outcome.error;
      return outcome.result;
    },

    /**
     * Several reservations in the caller's transaction, each SKU's in one batch, all SKUs with two
     * statements (their levels locked in sorted SKU order, so two such calls never deadlock). Each
     * input gets its result or its error, in input order; a refused one writes nothing, the others stand.
     */
    async reserveMany(
      tx: Ctx,
      inputs: ReadonlyArray<{ input: ReservationInput; opts?: ReserveOptions }>,
    ): Promise<Array<ReserveResult | AppError>> {
      if (!tx.inTx) throw new Error("reserveMany runs in the caller's transaction");
      const requests = inputs.map((i) => requestOf(tx, i.input, i.opts ?? {}));
      const bySku = new Map<string, number[]>();
      for (const [i, r] of requests.entries()) pushTo(bySku, r.sku, i);
      const skus = [...bySku.keys()].sort();
      const runs = await reserveBatches(
        tx,
        skus.map((sku) => ({ sku, requests: bySku.get(sku)!.map((i) => requests[i]!) })),
      );
      const out: Array<ReserveResult | AppError> = [];
      for (const [s, sku] of skus.entries()) {
        for (const [k, i] of bySku.get(sku)!.entries()) {
          const o = runs[s]!.outcomes[k]!;
          out[i] = 'error' in o ? o.error : o.result;
        }
      }
      return out;
    },

    release: (ctx: Ctx, id: string) =>
      transition(ctx, id, ['held', 'allocated'], 'released', (tx, r) =>
        releaseStock(tx, [r], 'release', INVENTORY_EVENTS.reservationReleased),
      ),

    /** Turns a hold into an order allocation: it stops expiring. */
    allocate: (ctx: Ctx, id: string, reference?: string) =>
      transition(
        ctx,
        id,
        ['held'],
        'allocated',
        async (tx, r) => {
          await appendEvent(tx, {
            type: INVENTORY_EVENTS.reservationAllocated,
            subject: r.id,
            channelId: r.channelId,
            payload: { reservation: r },
          });
        },
        { clearExpiry: true, reference },
      ),

    /** The goods left: on-hand and reserved both go down. */
    fulfil: (ctx: Ctx, id: string) =>
      transition(ctx, id, ['held', 'allocated'], 'fulfilled', (tx, r) =>
        releaseStock(tx, [r], 'fulfil', INVENTORY_EVENTS.reservationFulfilled),
      ),

    /** Releases every hold whose expiry (by ctx.clock) has passed; returns how many. */
    async expireHolds(ctx: Ctx): Promise<number> {
      let total = 0;
      for (;;) {
        const n = await inTransaction(ctx, async (tx) => {
          const expired = await expireDueHolds(tx.db, ctx.clock.now(), EXPIRE_BATCH);
          if (expired.length > 0)
            await releaseStock(tx, expired, 'expire', INVENTORY_EVENTS.reservationExpired);
          return expired.length;
        });
        total += n;
        if (n < EXPIRE_BATCH) return total;
      }
    },

    async getReservation(ctx: Ctx, id: string): Promise<Reservation> {
      const r = await selectReservation(ctx.db, id);
      if (!r) throw notFound('reservation', id);
      return r;
    },

    listReservations: (ctx: Ctx, filter: Parameters<typeof selectReservations>[1]) =>
      selectReservations(ctx.db, filter),
  };
}
