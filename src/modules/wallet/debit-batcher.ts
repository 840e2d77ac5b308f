// Group commit for debits (redemptions outside a transaction): debits of one account arriving while
// its previous batch is in its statement queue up in this process and go together, decided in memory
// (decideDebits) and written with ONE statement: one round trip and one WAL flush for the batch
// instead of one each. Each batch remembers the balance it left, so the next one decides on it with
// no read; the statement writes only if the balance is still that one (another node, a credit or a
// transaction may have moved it), otherwise the account is read and the batch decided again. Other
// processes serialize on the account's row as before. When a batch keeps finding the balance moved,
// or fails, each of its debits goes the one-statement way (wallet.service move) on its own.
import { fail, ok, type Result } from '../../kernel/index.js';
import type { Ctx } from '../../platform/context.js';
import { type DebitState, decideDebits, type QueuedDebit } from './debit-decision.js';
import { readDebitState, writeDebitsIfUnchanged } from './debit-write.repository.js';
import type { DebitRefused, WalletEntry } from './wallet.types.js';

export type DebitOutcome = Result<WalletEntry, DebitRefused>;

interface Pending {
  ctx: Ctx;
  debit: QueuedDebit;
  /** undefined: not decided here (the caller debits it the one-statement way). */
  settle(outcome: DebitOutcome | undefined): void;
}

interface AccountQueue {
  waiting: Pending[];
  running: boolean;
  scheduled: boolean;
}

export interface DebitBatcherOptions {
  maxBatch: number;
}

/** Decisions a batch may make before giving up on the group way (the balance kept moving). */
const MAX_ATTEMPTS = 3;
const MAX_KNOWN_ACCOUNTS = 10_000;
const NO_ENTRIES: ReadonlyMap<string, WalletEntry> = new Map();

export class DebitBatcher {
  private readonly queues = new Map<string, AccountQueue>();
  /** The balance (and expiry) each account's last batch left, least recently used first. */
  private readonly known = new Map<string, Pick<DebitState, 'balance' | 'expiresAt'>>();
  /** Statements written and debits in them; reads; stale compare-and-sets; batches left to the single way. */
  readonly stats = { batches: 0, debits: 0, largest: 0, reads: 0, stale: 0, fallbacks: 0 };

  constructor(private readonly options: DebitBatcherOptions) {}

  submit(ctx: Ctx, accountId: string, debit: QueuedDebit): Promise<DebitOutcome | undefined> {
    return new Promise((settle) => {
      let queue = this.queues.get(accountId);
      if (!queue) {
        queue = { waiting: [], running: false, scheduled: false };
        this.queues.set(accountId, queue);
      }
      queue.waiting.push({ ctx, debit, settle });
      this.schedule(accountId, queue);
    });
  }

  /** One batch per account at a time: the next decides on the balance this one leaves. */
  private schedule(accountId: string, queue: AccountQueue): void {
    if (queue.scheduled || queue.running || queue.waiting.length === 0) return;
    queue.scheduled = true;
    setImmediate(() => {
      queue.scheduled = false;
      void this.flush(accountId, queue);
    });
  }

  private async flush(accountId: string, queue: AccountQueue): Promise<void> {
    const batch: Pending[] = [];
    const rest: Pending[] = [];
    const refs = new Set<string>();
    for (const p of queue.waiting) {
      const first = batch[0]?.ctx;
      // One statement runs on one database at one clock's time; a ref twice waits for the next batch
      // (which finds the first one's entry).
      const fits = !first || (first.db === p.ctx.db && first.clock === p.ctx.clock);
      if (fits && batch.length < this.options.maxBatch && !refs.has(p.debit.ref)) {
        batch.push(p);
        refs.add(p.debit.ref);
      } else rest.push(p);
    }
    queue.waiting = rest;
    if (batch.length === 0) return;
    queue.running = true;
    try {
      const outcomes = await this.run(accountId, batch);
      for (const [i, p] of batch.entries()) p.settle(outcomes?.[i]);
      if (!outcomes) this.stats.fallbacks++;
    } catch (err) {
      // Whether it committed is unknown: each debit goes the single way, where its ref tells.
      this.known.delete(accountId);
      batch[0]!.ctx.log.warn({ err }, 'wallet debit batch failed; debiting each on its own');
      for (const p of batch) p.settle(undefined);
    } finally {
      queue.running = false;
    }
    this.schedule(accountId, queue);
    if (!queue.running && !queue.scheduled && queue.waiting.length === 0) this.queues.delete(accountId);
  }

  private async run(accountId: string, batch: Pending[]): Promise<DebitOutcome[] | undefined> {
    const ctx = batch[0]!.ctx;
    const debits = batch.map((p) => p.debit);
    const refs = debits.map((d) => d.ref);
    const known = this.known.get(accountId);
    let state: DebitState | undefined = known && { ...known, status: 'active', existing: NO_ENTRIES };
    let fresh = false;
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      if (!state) {
        // One debit alone: its own statement decides it in one round trip, a read would add one.
        if (batch.length === 1) return undefined;
        this.stats.reads++;
        state = await readDebitState(ctx.db, accountId, refs);
        if (!state) return undefined;
        fresh = true;
      }
      const decision = decideDebits(state, debits, ctx.clock.now());
      if (decision.taken.length === 0) {
        // Refusals and repeats stand only on numbers just read.
        if (fresh) {
          this.remember(accountId, state);
          return decision.verdicts.map((v) =>
            v.kind === 'repeat' ? ok(v.entry) : v.kind === 'refuse' ? fail(v.refused) : unreachable(),
          );
        }
        state = undefined;
        continue;
      }
      const unwritten = refs.filter((r) => !state!.existing.has(r));
      const written = await writeDebitsIfUnchanged(ctx, accountId, state, unwritten, decision);
      if (!written) {
        this.stats.stale++;
        state = undefined;
        continue;
      }
      this.remember(accountId, { balance: decision.balanceAfter, expiresAt: state.expiresAt });
      this.stats.batches++;
      this.stats.debits += written.size;
      this.stats.largest = Math.max(this.stats.largest, batch.length);
      return decision.verdicts.map((v, i) =>
        v.kind === 'take' ? ok(written.get(refs[i]!)!) : v.kind === 'repeat' ? ok(v.entry) : fail(v.refused),
      );
    }
    this.known.delete(accountId);
    return undefined;
  }

  private remember(accountId: string, state: Pick<DebitState, 'balance' | 'expiresAt'>): void {
    this.known.delete(accountId);
    this.known.set(accountId, { balance: state.balance, expiresAt: state.expiresAt });
    if (this.known.size > MAX_KNOWN_ACCOUNTS) this.known.delete(this.known.keys().next().value!);
  }
}

function unreachable(): never {
  throw new Error('a decision that takes nothing has no take');
}
