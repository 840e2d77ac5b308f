// Stock adjustments (receive, count, damage, sale at the till), transfers and reads of levels and
// available-to-sell. Every adjustment is a ledger entry with its reason and actor.
import { AppError, fail, newId, notFound, ok, type Result } from '../../kernel/index.js';
import { type Ctx, inTransaction } from '../../platform/context.js';
import { AdjustmentBatcher } from './adjustment-batcher.js';
import { INVENTORY_EVENTS, skuSubject } from './inventory.events.js';
import {
  type AdjustmentInput,
  type AdjustmentKind,
  type AdjustmentResult,
  type InsufficientStock,
  type Level,
  type TransferInput,
  TransferInput as TransferInputSchema,
} from './inventory.types.js';
import {
  ensureLevels,
  type LevelKey,
  levelKey,
  lockLevels,
  type NewMovement,
  selectAvailableToSell,
  selectChannelAvailability,
  selectLevelsAtLocation,
  selectLevelsOfSkus,
  selectMovements,
} from './levels.repository.js';
import { selectLocationsByRef } from './locations.repository.js';
import { commitStockChange } from './stock-change.js';

export interface OnHandEntry {
  sku: string;
  locationId?: string;
  locationCode?: string;
  quantity: number;
  reason?: string;
}

interface ResolvedAdjustment {
  kind: AdjustmentKind;
  sku: string;
  locationId: string;
  quantity: number;
  reason: string | null;
}

/** How one adjustment moves on-hand, given the locked level; null when it would go below reserved. */
function onHandDelta(a: ResolvedAdjustment, level: Level): number | null {
  const delta =
    a.kind === 'receive' ? a.quantity : a.kind === 'count' ? a.quantity - level.onHand : -a.quantity;
  return level.onHand + delta < level.reserved ? null : delta;
}

async function resolveLocationIds(ctx: Ctx, refs: string[]): Promise<Map<string, string>> {
  const found = await selectLocationsByRef(ctx.db, [...new Set(refs)]);
  const out = new Map<string, string>();
  for (const ref of refs) {
    const loc = found.get(ref);
    if (!loc) throw notFound('location', ref);
    out.set(ref, loc.id);
  }
  return out;
}

function checkQuantity(kind: AdjustmentKind, quantity: number, path: string): void {
  if (!Number.isSafeInteger(quantity) || quantity < 0 || (kind !== 'count' && quantity === 0)) {
    throw new AppError('validation_failed', 'Quantities are whole numbers (positive, or ≥ 0 for a count)', {
      issues: [{ path, message: 'invalid quantity' }],
    });
  }
}

/**
 * Applies adjustments in one transaction: all of them or, when one would take on-hand below what is
 * reserved, none (the typed result says which).
 */
async function applyAdjustments(
  ctx: Ctx,
  list: ResolvedAdjustment[],
): Promise<Result<AdjustmentResult, InsufficientStock>> {
  const adjustmentId = newId('adj');
  return inTransaction(ctx, async (tx) => {
    const keys: LevelKey[] = list.map((a) => ({ sku: a.sku, locationId: a.locationId }));
    await ensureLevels(tx.db, keys, ctx.clock.now());
    const locked = await lockLevels(tx.db, keys);
    const movements: NewMovement[] = [];
    for (const a of list) {
      const level = locked.get(levelKey(a))!;
      const delta = onHandDelta(a, level);
      if (delta === null) {
        return fail({
          reason: 'insufficient_stock' as const,
          sku: a.sku,
          requested: a.quantity,
          available: level.onHand - level.reserved,
        });
      }
      // Later adjustments of the same level in this batch see this one.
      locked.set(levelKey(a), { ...level, onHand: level.onHand + delta, available: level.available + delta });
      movements.push({
        sku: a.sku,
        locationId: a.locationId,
        kind: a.kind,
        onHandDelta: delta,
        reservedDelta: 0,
        reason: a.reason,
        actor: ctx.actor.id,
        reservationId: null,
        adjustmentId,
      });
    }
    const changed = movements.filter((m) => m.onHandDelta !== 0);
    // Counts that match what is on hand (a re-imported stock file) change nothing and say nothing.
    const unchangedCounts = changed.length === 0 && list.every((a) => a.kind === 'count');
    const outcome = await commitStockChange(tx, {
      cause: list.length === 1 ? list[0]!.kind : 'adjustments',
      movements: changed,
      returnMovements: true,
      events: unchangedCounts
        ? []
        : [
            {
              type: INVENTORY_EVENTS.adjusted,
              subject: list.length === 1 ? skuSubject(list[0]!.sku) : `adj:${adjustmentId}`,
              channelId: null,
              payload: { adjustmentId, movements: movements.map(({ actor: _a, ...m }) => m) },
            },
          ],
    });
    const finalLevels = [...new Set(list.map((a) => levelKey(a)))].map(
      (k) => outcome.levels.find((l) => levelKey(l) === k) ?? locked.get(k)!,
    );
    return ok({ adjustmentId, movements: outcome.movements, levels: finalLevels });
  });
}

export function createStockService() {
  const batcher = new AdjustmentBatcher({ maxBatch: 200, maxRunning: 2 });
  return {
    async adjust(ctx: Ctx, input: AdjustmentInput): Promise<Result<AdjustmentResult, InsufficientStock>> {
      checkQuantity(input.kind, input.quantity, 'quantity');
      if (input.kind !== 'count' && !ctx.inTx) {
        // The hot path: group commit. It writes nothing when the locking way must decide.
        const adjustmentId = newId('adj');
        const quick = await batcher.submit(ctx, {
          kind: input.kind,
          sku: input.sku,
          location: input.location,
          quantity: input.quantity,
          reason: input.reason ?? null,
          adjustmentId,
          actor: ctx.actor.id,
          requestId: ctx.requestId,
        });
        if (quick) return ok({ adjustmentId, movements: [quick.movement], levels: [quick.level] });
      }
      const ids = await resolveLocationIds(ctx, [input.location]);
      return applyAdjustments(ctx, [
        {
          kind: input.kind,
          sku: input.sku,
          locationId: ids.get(input.location)!,
          quantity: input.quantity,
          reason: input.reason ?? null,
        },
      ]);
    },

    /** Sets counted on-hand quantities in one transaction (imports); throws insufficient_stock (409) below reserved. */
    async setOnHandMany(ctx: Ctx, entries: OnHandEntry[]): Promise<Level[]> {
      if (entries.length === 0) return [];
      const refs = entries.map((e, i) => {
        const ref = e.locationId ?? e.locationCode;
        if (!ref) {
          throw new AppError('validation_failed', 'A location id or code is required', {
            issues: [{ path: `${i}.locationId`, message: 'required' }],
          });
        }
        checkQuantity('count', e.quantity, `${i}.quantity`);
        return ref;
      });
      const ids = await resolveLocationIds(ctx, refs);
      const result = await applyAdjustments(
        ctx,
        entries.map((e, i) => ({
          kind: 'count' as const,
          sku: e.sku,
          locationId: ids.get(refs[i]!)!,
          quantity: e.quantity,
          reason: e.reason ?? null,
        })),
      );
      if (!result.ok) {
        throw new AppError(
          'insufficient_stock',
          `On-hand of ${result.sku} cannot go below what is reserved`,
          {
            details: { sku: result.sku, requested: result.requested, available: result.available },
          },
        );
      }
      return result.value.levels;
    },

    async transfer(ctx: Ctx, input: TransferInput): Promise<Result<AdjustmentResult, InsufficientStock>> {
      const t = TransferInputSchema.parse(input);
      const ids = await resolveLocationIds(ctx, [t.from, t.to]);
      const from = ids.get(t.from)!;
      const to = ids.get(t.to)!;
      if (from === to) {
        throw new AppError('validation_failed', 'A transfer needs two different locations', {
          issues: [{ path: 'to', message: 'same as from' }],
        });
      }
      const adjustmentId = newId('adj');
      return inTransaction(ctx, async (tx) => {
        const keys = [
          { sku: t.sku, locationId: from },
          { sku: t.sku, locationId: to },
        ];
        await ensureLevels(tx.db, keys, ctx.clock.now());
        const locked = await lockLevels(tx.db, keys);
        const source = locked.get(levelKey(keys[0]!))!;
        if (source.available < t.quantity) {
          return fail({
            reason: 'insufficient_stock' as const,
            sku: t.sku,
            requested: t.quantity,
            available: source.available,
          });
        }
        const base = { sku: t.sku, reservedDelta: 0, reason: t.reason ?? null, actor: ctx.actor.id };
        const movements: NewMovement[] = [
          {
            ...base,
            locationId: from,
            kind: 'transfer_out',
            onHandDelta: -t.quantity,
            reservationId: null,
            adjustmentId,
          },
          {
            ...base,
            locationId: to,
            kind: 'transfer_in',
            onHandDelta: t.quantity,
            reservationId: null,
            adjustmentId,
          },
        ];
        const outcome = await commitStockChange(tx, {
          cause: 'transfer',
          movements,
          returnMovements: true,
          events: [
            {
              type: INVENTORY_EVENTS.transferred,
              subject: skuSubject(t.sku),
              channelId: null,
              payload: { adjustmentId, sku: t.sku, from, to, quantity: t.quantity, reason: t.reason ?? null },
            },
          ],
        });
        return ok({ adjustmentId, movements: outcome.movements, levels: outcome.levels });
      });
    },

    /** Available-to-sell of a page of SKUs on one channel, in one query. */
    availableToSell: (ctx: Ctx, channelId: string, skus: string[]): Promise<Map<string, number>> =>
      skus.length === 0
        ? Promise.resolve(new Map())
        : selectAvailableToSell(ctx.db, channelId, [...new Set(skus)]),

    /** Page through every SKU a channel can sell from, with its available-to-sell. */
    channelAvailability: (ctx: Ctx, channelId: string, opts: { after?: string | undefined; limit: number }) =>
      selectChannelAvailability(ctx.db, channelId, opts),

    levelsOfSku: (ctx: Ctx, sku: string) => selectLevelsOfSkus(ctx.db, [sku]),

    levelsOfSkus: (ctx: Ctx, skus: string[]) =>
      skus.length === 0 ? Promise.resolve([]) : selectLevelsOfSkus(ctx.db, [...new Set(skus)]),

    levelsAtLocation: (ctx: Ctx, locationId: string, opts: { after?: string | undefined; limit: number }) =>
      selectLevelsAtLocation(ctx.db, locationId, opts),

    movements: (
      ctx: Ctx,
      filter: {
        sku?: string | undefined;
        locationId?: string | undefined;
        after?: number | undefined;
        limit: number;
      },
    ) => selectMovements(ctx.db, filter),
  };
}
