// The inventory service: locations and sourcing, stock and adjustments, reservations, composed
// into one object (each part lives in its own file by use case).
import type { AppError, Result } from '../../kernel/index.js';
import { type Ctx, inTransaction } from '../../platform/context.js';
import type { StatementPart } from '../../platform/events/one-statement.js';
import type {
  AdjustmentInput,
  AdjustmentResult,
  InsufficientStock,
  Level,
  Location,
  LocationInput,
  LocationPatch,
  Movement,
  Reservation,
  ReservationInput,
  ReservationStatus,
  Sourcing,
  SourcingInput,
  TransferInput,
} from './inventory.types.js';
import { createLocationsService, type LocationsDeps } from './locations.service.js';
import { type AllocateManyOutcome, allocateAllPart, allocateMany } from './reservation-allocate.js';
import type { ReserveResult } from './reservation-batch.js';
import type { BatcherOptions, ReservationBatcher } from './reservation-batcher.js';
import {
  createReservationsService,
  type ReservationChange,
  type ReserveOptions,
} from './reservations.service.js';
import { allocateWaiting, waitingAmong, waitingSkus } from './restock.js';
import type { Restocked, RestockPlan } from './restock-decision.js';
import { createStockService, type OnHandEntry } from './stock.service.js';

export interface InventoryDeps extends LocationsDeps {
  /** Group-commit tuning for reservations. */
  batching?: Partial<BatcherOptions>;
}

/** What reservations can be listed by. */
export interface ReservationFilter {
  sku?: string | undefined;
  channelId?: string | undefined;
  status?: ReservationStatus | undefined;
  reference?: string | undefined;
  after?: string | undefined;
  limit: number;
}

/**
 * The inventory module's service, declared: each method is delegated by name to the use case that
 * owns it (locations, stock, reservations), so none can silently shadow another.
 */
export interface InventoryService {
  // Locations and sourcing
  /** Creates a stock location (warehouse or store, with address and coordinates). */
  createLocation(ctx: Ctx, input: LocationInput): Promise<Location>;
  /** Changes a location by id or code. */
  updateLocation(ctx: Ctx, idOrCode: string, patch: LocationPatch): Promise<Location>;
  /** A location by id or code, or 404. */
  getLocation(ctx: Ctx, idOrCode: string): Promise<Location>;
  /** A location by id or code, or undefined. */
  findLocation(ctx: Ctx, idOrCode: string): Promise<Location | undefined>;
  /** Every location, of one type when given. */
  listLocations(ctx: Ctx, filter?: { type?: string | undefined }): Promise<Location[]>;
  /** Replaces which locations (ids or codes, in fill order) feed a channel and its safety buffer. */
  setSourcing(ctx: Ctx, channelRef: string, input: SourcingInput): Promise<Sourcing>;
  /** A channel's sourcing; a channel never configured has none (and nothing to sell). */
  getSourcing(ctx: Ctx, channelId: string): Promise<Sourcing>;

  // Stock
  /** Receives, writes off or corrects stock at a location; going below reserved is a typed refusal. */
  adjust(ctx: Ctx, input: AdjustmentInput): Promise<Result<AdjustmentResult, InsufficientStock>>;
  /** Sets the counted on-hand of one SKU at one location (id or code); throws insufficient_stock below reserved. */
  setOnHand(ctx: Ctx, entry: OnHandEntry): Promise<Level>;
  /** Gives the SKU's free stock to its orders waiting beyond the stock, oldest first (restock.ts). */
  allocateWaiting(
    ctx: Ctx,
    sku: string,
    planOf?: (tx: Ctx, waiting: Reservation[]) => Promise<RestockPlan>,
  ): Promise<Restocked[]>;
  /** SKUs with order allocations still waiting for units, at most `limit` (default 1,000). */
  waitingSkus(ctx: Ctx, limit?: number): Promise<string[]>;
  /** Of these SKUs, those with order allocations waiting for units (one statement). */
  waitingAmong(ctx: Ctx, skus: string[]): Promise<string[]>;
  /** Sets counted on-hand quantities in one transaction (imports); throws insufficient_stock (409) below reserved. */
  setOnHandMany(ctx: Ctx, entries: OnHandEntry[]): Promise<Level[]>;
  /** Moves stock between two locations in one transaction; too little free stock is a typed refusal. */
  transfer(ctx: Ctx, input: TransferInput): Promise<Result<AdjustmentResult, InsufficientStock>>;
  /** Available-to-sell of a page of SKUs on one channel, in one query. */
  availableToSell(ctx: Ctx, channelId: string, skus: string[]): Promise<Map<string, number>>;
  /** Page through every SKU a channel can sell from, with its available-to-sell. */
  channelAvailability(
    ctx: Ctx,
    channelId: string,
    opts: { after?: string | undefined; limit: number },
  ): Promise<{ sku: string; availableToSell: number }[]>;
  /** A SKU's on-hand and reserved at every location. */
  levelsOfSku(ctx: Ctx, sku: string): Promise<Level[]>;
  /** Several SKUs' on-hand and reserved at every location, in one read (by SKU, then location). */
  levelsOfSkus(ctx: Ctx, skus: string[]): Promise<Level[]>;
  /** A page of a location's levels, by SKU. */
  levelsAtLocation(
    ctx: Ctx,
    locationId: string,
    opts: { after?: string | undefined; limit: number },
  ): Promise<Level[]>;
  /** A page of the stock movements ledger, of a SKU or location when given. */
  movements(
    ctx: Ctx,
    filter: {
      sku?: string | undefined;
      locationId?: string | undefined;
      after?: number | undefined;
      limit: number;
    },
  ): Promise<Movement[]>;

  // Reservations
  /** The group-commit batcher behind reserve() (its stats are shown on /inventory/reservations/stats). */
  readonly batcher: ReservationBatcher;
  /**
   * Reserves stock for a channel. Requests for the same SKU are group-committed; inside a caller's
   * transaction the reservation joins that transaction instead.
   */
  reserve(ctx: Ctx, input: ReservationInput, opts?: ReserveOptions): Promise<ReserveResult>;
  /**
   * Several reservations in the caller's transaction: one batch per SKU, SKUs locked in sorted order.
   * Each input gets its result or its refusal (an AppError), in input order.
   */
  reserveMany(
    tx: Ctx,
    inputs: ReadonlyArray<{ input: ReservationInput; opts?: ReserveOptions }>,
  ): Promise<Array<ReserveResult | AppError>>;
  /** Gives a hold or allocation back: reserved goes down. */
  release(ctx: Ctx, id: string): Promise<ReservationChange>;
  /** Turns a hold into an order allocation: it stops expiring. */
  allocate(ctx: Ctx, id: string, reference?: string): Promise<ReservationChange>;
  /** Turns several holds into an allocation with one statement (checkout); see reservation-allocate.ts. */
  allocateMany(
    ctx: Ctx,
    ids: string[],
    opts?: { reference?: string; atLocation?: string },
  ): Promise<AllocateManyOutcome>;
  /** allocateMany of ALL the ids as a part (CTE `name`) of a caller's one-statement write. */
  allocateAllPart(
    ctx: Ctx,
    name: string,
    ids: string[],
    opts?: { reference?: string; atLocation?: string },
  ): StatementPart;
  /** The goods left: on-hand and reserved both go down. */
  fulfil(ctx: Ctx, id: string): Promise<ReservationChange>;
  /** Releases every hold whose expiry (by ctx.clock) has passed; returns how many. */
  expireHolds(ctx: Ctx): Promise<number>;
  /** A reservation, or 404. */
  getReservation(ctx: Ctx, id: string): Promise<Reservation>;
  /** A page of reservations by SKU, channel, status or reference. */
  listReservations(ctx: Ctx, filter: ReservationFilter): Promise<Reservation[]>;
}

export function createInventoryService(deps: InventoryDeps = {}): InventoryService {
  const locations = createLocationsService(deps);
  const stock = createStockService();
  const reservations = createReservationsService(deps.batching);
  return {
    createLocation: locations.createLocation,
    updateLocation: locations.updateLocation,
    getLocation: locations.getLocation,
    findLocation: locations.findLocation,
    listLocations: locations.listLocations,
    setSourcing: locations.setSourcing,
    getSourcing: locations.getSourcing,

    adjust: stock.adjust,
    allocateWaiting,
    waitingSkus,
    waitingAmong,
    setOnHandMany: stock.setOnHandMany,
    transfer: stock.transfer,
    availableToSell: stock.availableToSell,
    channelAvailability: stock.channelAvailability,
    levelsOfSku: stock.levelsOfSku,
    levelsOfSkus: stock.levelsOfSkus,
    levelsAtLocation: stock.levelsAtLocation,
    movements: stock.movements,

    batcher: reservations.batcher,
    reserve: reservations.reserve,
    reserveMany: reservations.reserveMany,
    release: reservations.release,
    allocate: reservations.allocate,
    fulfil: reservations.fulfil,
    expireHolds: reservations.expireHolds,
    getReservation: reservations.getReservation,
    listReservations: reservations.listReservations,
    /** Turns several holds into an allocation with one statement (checkout); see reservation-allocate.ts. */
    allocateAllPart,
    allocateMany: (ctx: Ctx, ids: string[], opts?: { reference?: string; atLocation?: string }) =>
      inTransaction(ctx, (tx) => allocateMany(tx, ids, opts)),
    /** Sets the counted on-hand of one SKU at one location (id or code); throws insufficient_stock below reserved. */
    async setOnHand(ctx: Ctx, entry: OnHandEntry): Promise<Level> {
      return (await stock.setOnHandMany(ctx, [entry]))[0]!;
    },
  };
}
