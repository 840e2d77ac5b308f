// A small table read by every batch of a background consumer and changed rarely (the active webhook
// endpoints, the live channel sync connections), kept in this process instead of read per batch.
// It is dropped when this process commits a change (invalidate after commit); when the consumer using
// it reads one of the value's change events from the log (how other nodes' changes arrive, in log
// order, so the next event after a change is handled with it); when that consumer's cursor was loaded
// from the database (events before it may have been handled by another node, unseen here); and when
// it is older than maxAgeMs (a change made without an event, e.g. by hand in SQL, is honoured then).
import type { Ctx } from '../context.js';

/** What the consumer using the value has just read. */
export interface SeenEvents {
  events: ReadonlyArray<{ type: string }>;
  /** The first batch since the consumer's cursor was loaded from the database. */
  resumed?: boolean | undefined;
}

export interface LogCachedValue<T> {
  /** The kept value, loaded first when dropped, stale, or when `seen` holds one of its changes. */
  get(ctx: Ctx, seen?: SeenEvents): Promise<T>;
  /** Drops the value (a local commit changed it). */
  invalidate(): void;
}

export function createLogCachedValue<T>(opts: {
  /** The event types that change the value (exact names). */
  changeTypes: readonly string[];
  /** The staleness bound for changes made without an event. */
  maxAgeMs: number;
  load(ctx: Ctx): Promise<T>;
  now?: () => number;
}): LogCachedValue<T> {
  const now = opts.now ?? Date.now;
  const changes = new Set(opts.changeTypes);
  let kept: { value: T; at: number } | undefined;
  // Bumped by every invalidation: a load that began before one must not keep what it read.
  let generation = 0;
  const invalidate = () => {
    generation++;
    kept = undefined;
  };
  return {
    invalidate,
    async get(ctx, seen) {
      if (seen && (seen.resumed || seen.events.some((e) => changes.has(e.type)))) invalidate();
      // Inside a transaction the read may see its own uncommitted change: not kept.
      if (ctx.inTx) return opts.load(ctx);
      if (kept && now() - kept.at <= opts.maxAgeMs) return kept.value;
      const gen = generation;
      const at = now();
      const value = await opts.load(ctx);
      if (gen === generation) kept = { value, at };
      return value;
    },
  };
}
