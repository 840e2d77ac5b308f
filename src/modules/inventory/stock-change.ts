// One place where stock changes are written: summed deltas applied with one conditional UPDATE,
// the ledger rows, and the events (the caller's plus one `inventory.stock_changed` per SKU with the
// new available-to-sell of every affected channel), all in the caller's transaction.
import { AppError } from '../../kernel/index.js';
import type { Ctx } from '../../platform/context.js';
import { appendEvents, type NewEvent } from '../../platform/events/event-log.js';
import { INVENTORY_EVENTS, skuSubject } from './inventory.events.js';
import type { ChannelAvailability, Level, Movement } from './inventory.types.js';
import {
  applyLevelDeltas,
  availabilityOfAffectedChannels,
  insertMovements,
  type NewMovement,
  sumDeltas,
} from './levels.repository.js';

export interface StockChangeOutcome {
  levels: Level[];
  /** The ledger rows written, when asked for. */
  movements: Movement[];
  /** Per SKU, the new available-to-sell of each channel fed by a changed location. */
  channels: Map<string, ChannelAvailability[]>;
}

export async function commitStockChange(
  tx: Ctx,
  change: { cause: string; movements: NewMovement[]; events: NewEvent[]; returnMovements?: boolean },
): Promise<StockChangeOutcome> {
  if (!tx.inTx) throw new Error('commitStockChange must run inside a transaction');
  const now = tx.clock.now();
  const deltas = sumDeltas(change.movements);
  const levels = await applyLevelDeltas(tx.db, deltas, now);
  if (levels.length !== deltas.length) {
    // Callers lock and check first, so this only fires if a rule above is wrong: refuse, never oversell.
    throw new AppError('insufficient_stock', 'The stock changed; the change would break a stock invariant');
  }
  const movements = await insertMovements(tx.db, change.movements, now, change.returnMovements ?? false);
  const skus = [...new Set(levels.map((l) => l.sku))];
  const locationIds = [...new Set(levels.map((l) => l.locationId))];
  const channels = new Map<string, ChannelAvailability[]>();
  if (levels.length > 0) {
    for (const a of await availabilityOfAffectedChannels(tx.db, skus, locationIds)) {
      const list = channels.get(a.sku) ?? [];
      list.push({ channelId: a.channelId, availableToSell: a.availableToSell });
      channels.set(a.sku, list);
    }
  }
  const stockEvents: NewEvent[] = skus.map((sku) => ({
    type: INVENTORY_EVENTS.stockChanged,
    subject: skuSubject(sku),
    channelId: null,
    payload: {
      sku,
      cause: change.cause,
      levels: levels.filter((l) => l.sku === sku),
      channels: channels.get(sku) ?? [],
    },
  }));
  await appendEvents(tx, [...change.events, ...stockEvents]);
  return { levels, movements, channels };
}
