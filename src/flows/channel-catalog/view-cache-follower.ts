// Keeps a ViewCache true to the database: reads every committed catalog, inventory, media and channel
// event from the log as soon as the notifier says something committed (a local commit, a NATS or
// cluster wake-up for another node's; else after pollMs) and drops the entries it makes stale.
// Events are read as soon as they commit, also above the read horizon (a transaction that started
// earlier may still commit below them): the cursor only moves up to the newest final event, so such
// a late event is still read, and events already applied are skipped by id.
import type { Logger } from '../../platform/context.js';
import type { Database } from '../../platform/db/database.js';
import { type Cursor, headCursor, readEventsAhead } from '../../platform/events/event-log.js';
import { loopFailureLog } from '../../platform/outage-log.js';
import { staleTagsOf, VIEW_CACHE_EVENT_TYPES } from './cache-invalidation.js';
import type { ViewCache } from './view-cache.js';

const PAGE = 1000;
/** While events are held back by a running transaction, look again this soon (its end need not notify). */
const HELD_BACK_POLL_MS = 50;

const isAfter = (a: Cursor, b: Cursor) => a.txId > b.txId || (a.txId === b.txId && a.position > b.position);

export interface ViewCacheFollower {
  stop(): Promise<void>;
}

export function followViewChanges(opts: {
  cache: ViewCache;
  database: Database;
  log: Logger;
  /** Without a wake-up (another node, no NATS), look at the log this often. */
  pollMs?: number;
}): ViewCacheFollower {
  const { cache, database } = opts;
  const abort = new AbortController();
  const pollMs = opts.pollMs ?? 1_000;
  const serialized = database.kind === 'pglite';
  const failures = loopFailureLog(opts.log, 'channel view cache follower');
  /** Events applied above the cursor (read again until the cursor passes them). */
  const applied = new Map<string, Cursor>();
  let cursor: Cursor | null = null;

  async function readOnce(): Promise<void> {
    cursor ??= await headCursor(database.db);
    let from = cursor;
    let finalHead: Cursor | null | undefined;
    for (;;) {
      const page = await readEventsAhead(database.db, {
        after: from,
        types: VIEW_CACHE_EVENT_TYPES,
        limit: PAGE,
        serialized,
      });
      if (finalHead === undefined) finalHead = page.finalHead;
      for (const e of page.events) {
        if (applied.has(e.id)) continue;
        cache.invalidate(staleTagsOf(e));
        applied.set(e.id, { txId: e.txId, position: e.position });
      }
      if (page.events.length < PAGE) break;
      from = page.events[page.events.length - 1]!;
    }
    // Every matching event up to the newest final one was visible to the first read.
    if (finalHead && isAfter(finalHead, cursor)) cursor = finalHead;
    for (const [id, at] of applied) if (!isAfter(at, cursor)) applied.delete(id);
  }

  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(resolve, ms);
      abort.signal.addEventListener('abort', () => (clearTimeout(t), resolve()), { once: true });
    });

  const loop = (async () => {
    while (!abort.signal.aborted) {
      try {
        const seen = database.notifier.version;
        await readOnce();
        failures.succeeded();
        cache.caughtUp(database, seen);
        await database.notifier.wait(applied.size > 0 ? HELD_BACK_POLL_MS : pollMs, abort.signal, seen);
      } catch (err) {
        if (abort.signal.aborted) break;
        failures.failed(err);
        await pause(500);
      }
    }
  })();

  return {
    async stop() {
      abort.abort();
      await loop;
      cache.detach();
    },
  };
}
