// Reserves a batch of requests for ONE SKU, two ways:
// - reserveBatch, in the caller's transaction: lock the SKU's levels at every location involved,
//   read, decide each request in arrival order against the locked numbers, write (2 statements);
// - reserveBatchIfUnchanged, on its own: decide on numbers already known (the previous batch's
//   outcome) and write with one compare-and-set statement that locks the levels and writes only if
//   the numbers are still those (1 statement, no BEGIN/COMMIT); otherwise nothing is written.
// Either way the final UPDATE is conditional on the database's numbers and the table's checks
// refuse more reserved than on hand, so no batching mistake and no other process can oversell.
import { AppError } from '../../kernel/index.js';
import type { Ctx } from '../../platform/context.js';
import { loadBatchState } from './reservation-batch.repository.js';
import {
  type BatchState,
  decideBatch,
  type ReserveOutcome,
  type ReserveRequest,
} from './reservation-decision.js';
import { writeBatchIfUnchanged, writeLockedBatch } from './reservation-write.repository.js';

export {
  type BatchState,
  GROUP_COMMIT_ACTOR,
  type Reserved,
  type ReserveOutcome,
  type ReserveRequest,
  type ReserveResult,
} from './reservation-decision.js';

export interface BatchRun {
  outcomes: ReserveOutcome[];
  /** The SKU's numbers at the channels' locations once this batch committed. */
  after: BatchState;
}

/**
 * In tx: locks and reads the SKU's levels at the locations of `channelIds` (which must include every
 * request's channel), decides and writes.
 */
export async function reserveBatch(
  tx: Ctx,
  sku: string,
  requests: ReserveRequest[],
  channelIds: string[] = [...new Set(requests.map((r) => r.channelId))],
  /** Called once the SKU's level rows are locked (the batcher then lets the next batch start). */
  onLocked?: () => void,
): Promise<BatchRun> {
  const keyed = requests.filter((r) => r.idempotencyKey !== null);
  const state = await loadBatchState(
    tx.db,
    sku,
    channelIds,
    keyed.map((r) => ({ channelId: r.channelId, key: r.idempotencyKey! })),
  );
  onLocked?.();
  const decision = decideBatch(state, sku, requests, tx.clock.now());
  if (decision.created.length === 0) return { outcomes: decision.outcomes, after: decision.after };
  const alongside = alongsideOf(requests, decision);
  const { updated, written } = await writeLockedBatch(
    tx,
    sku,
    decision,
    alongside.map((a) => a.write),
  );
  if (updated !== decision.reservedByLocation.size) {
    // The rows are locked and checked above, so this means a rule is wrong: refuse, never oversell.
    throw new AppError('insufficient_stock', 'The stock changed; the batch would break a stock invariant');
  }
  return { outcomes: settleAlongside(decision.outcomes, alongside, written), after: decision.after };
}

/** The granted requests' alongside writes, built on their new reservations. */
function alongsideOf(requests: ReserveRequest[], decision: { outcomes: ReserveOutcome[] }) {
  return requests.flatMap((r, index) => {
    const o = decision.outcomes[index]!;
    if (!r.alongside || !('result' in o) || !o.result.ok || o.result.value.replayed) return [];
    return [{ index, write: r.alongside(o.result.value.reservation) }];
  });
}

function settleAlongside(
  outcomes: ReserveOutcome[],
  alongside: Array<{ index: number }>,
  written: boolean[],
): ReserveOutcome[] {
  for (const [i, a] of alongside.entries()) {
    const o = outcomes[a.index]!;
    if ('result' in o && o.result.ok) o.result.value.alongsideWritten = written[i] ?? false;
  }
  return outcomes;
}

/**
 * Outside any transaction: decides on `known` (the numbers at `channelIds`, without replays) and
 * writes in one statement if they are still the database's. Returns undefined, having written
 * nothing, when there is nothing to write (refusals must be decided on fresh numbers) — and throws
 * isStaleBatch (or a unique violation for an idempotency key) when the numbers changed.
 */
export async function reserveBatchIfUnchanged(
  ctx: Ctx,
  sku: string,
  requests: ReserveRequest[],
  channelIds: string[],
  known: BatchState,
): Promise<BatchRun | undefined> {
  const decision = decideBatch(known, sku, requests, ctx.clock.now());
  if (decision.created.length === 0) return undefined;
  const keys = requests.flatMap((r) =>
    r.idempotencyKey === null ? [] : [{ channelId: r.channelId, key: r.idempotencyKey }],
  );
  const alongside = alongsideOf(requests, decision);
  const written = await writeBatchIfUnchanged(
    ctx,
    sku,
    channelIds,
    known,
    keys,
    decision,
    alongside.map((a) => a.write),
  );
  return { outcomes: settleAlongside(decision.outcomes, alongside, written), after: decision.after };
}
