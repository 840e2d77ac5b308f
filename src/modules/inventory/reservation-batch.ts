// Reserves a batch of requests for ONE SKU, two ways:
// - reserveBatch, in the caller's transaction: lock the SKU's levels at every location involved,
//   read, decide each request in arrival order against the locked numbers, write (2 statements;
//   reserveBatches does the same for several SKUs with the same 2 statements);
// - reserveBatchIfUnchanged, on its own: decide on numbers already known (the previous batch's
//   outcome) and write with one compare-and-set statement that locks the levels and writes only if
//   the numbers are still those (1 statement, no BEGIN/COMMIT); otherwise nothing is written.
// Either way the final UPDATE is conditional on the database's numbers and the table's checks
// refuse more reserved than on hand, so no batching mistake and no other process can oversell.
import { AppError } from '../../kernel/index.js';
import type { Ctx } from '../../platform/context.js';
import { loadBatchState, loadBatchStates } from './reservation-batch.repository.js';
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
    [{ sku, d: decision }],
    alongside.map((a) => a.write),
  );
  if (updated !== decision.reservedByLocation.size) throw brokenInvariant();
  return { outcomes: settleAlongside(decision.outcomes, alongside, written), after: decision.after };
}

// The rows are locked and checked before the write, so this means a rule is wrong: refuse, never oversell.
const brokenInvariant = () =>
  new AppError('insufficient_stock', 'The stock changed; the batch would break a stock invariant');

/**
 * reserveBatch for several SKUs at once, in tx: one statement locks and reads every SKU's levels
 * (SKU by SKU in sorted order, as reserveBatch one SKU after another would), each SKU's batch is
 * decided on its own numbers, and one statement writes them all. Each SKU's run, in input order.
 */
export async function reserveBatches(
  tx: Ctx,
  batches: ReadonlyArray<{ sku: string; requests: ReserveRequest[] }>,
): Promise<BatchRun[]> {
  const all = batches.flatMap((b) => b.requests);
  const channelIds = [...new Set(all.map((r) => r.channelId))];
  const states = await loadBatchStates(
    tx.db,
    batches.map((b) => b.sku),
    channelIds,
    all.flatMap((r) =>
      r.idempotencyKey === null ? [] : [{ sku: r.sku, channelId: r.channelId, key: r.idempotencyKey }],
    ),
  );
  const now = tx.clock.now();
  const decided = batches.map(({ sku, requests }) => {
    const decision = decideBatch(states.get(sku)!, sku, requests, now);
    return { sku, decision, alongside: alongsideOf(requests, decision) };
  });
  const writing = decided.filter((x) => x.decision.created.length > 0);
  if (writing.length === 0)
    return decided.map((x) => ({ outcomes: x.decision.outcomes, after: x.decision.after }));
  const { updated, written } = await writeLockedBatch(
    tx,
    writing.map((x) => ({ sku: x.sku, d: x.decision })),
    writing.flatMap((x) => x.alongside.map((a) => a.write)),
  );
  if (updated !== writing.reduce((n, x) => n + x.decision.reservedByLocation.size, 0))
    throw brokenInvariant();
  let from = 0;
  for (const x of writing) {
    settleAlongside(x.decision.outcomes, x.alongside, written.slice(from, from + x.alongside.length));
    from += x.alongside.length;
  }
  return decided.map((x) => ({ outcomes: x.decision.outcomes, after: x.decision.after }));
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
