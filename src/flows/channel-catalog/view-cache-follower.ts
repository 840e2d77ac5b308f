// Keeps a ViewCache true to the database: reads every committed catalog, inventory, media and channel
// event from the log and drops the entries it makes stale. While anything is kept it reads as soon as
// the notifier moves (a local commit, or another node's heard through NATS or the cluster primary)
// and every pollMs (another node's commit without a wake-up); with nothing kept it reads only when a
// request waits for it, so commits cost nothing to a hub that serves no channel pages.
// Events are read as soon as they commit, also above the read horizon (a transaction that started
// earlier may still commit below them): the cursor only moves up to the newest final event, so such
// a late event is still read, and events already applied are skipped by id. A long backlog (pages
// of events since the last read) clears the cache instead of being applied one by one.
import type { Logger } from '../../platform/context.js';
import type { Database } from '../../platform/db/database.js';
import { type Cursor, headCursor } from '../../platform/events/event-log.js';
import { readEventsAhead } from '../../platform/events/event-scan.js';
import { loopFailureLog } from '../../platform/outage-log.js';
import { staleTagsOf, VIEW_CACHE_EVENT_TYPES } from './cache-invalidation.js';
import type { ViewCache } from './view-cache.js';

const PAGE = 1000;
/** Past this many pages since the last read, clearing everything is cheaper than applying them. */
const MAX_PAGES = 5;

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
    for (let pages = 1; ; pages++) {
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
      if (pages === MAX_PAGES) {
        cache.invalidate('all'); // what was not read yet up to finalHead is covered by this
        break;
      }
      from = page.events[page.events.length - 1]!;
    }
    // Every matching event up to the newest final one was visible to the first read.
    if (finalHead && isAfter(finalHead, cursor)) cursor = finalHead;
    for (const [id, at] of applied) if (!isAfter(at, cursor)) applied.delete(id);
  }

  let wake: () => void = () => {};
  cache.onWait(() => wake());
  /**
   * Resolves true after ms, false as soon as a read waits, or (while anything is kept) something
   * commits after `seen`: a kept cache is brought up to date before the next request asks.
   */
  const sleep = (ms: number, seen: number) =>
    new Promise<boolean>((resolve) => {
      const notified = new AbortController();
      let finished = false;
      const done = (timedOut: boolean) => {
        if (finished) return;
        finished = true;
        clearTimeout(timer);
        wake = () => {};
        notified.abort();
        abort.signal.removeEventListener('abort', stopped);
        resolve(timedOut);
      };
      const stopped = () => done(false);
      const timer = setTimeout(() => done(true), ms);
      wake = () => done(false);
      abort.signal.addEventListener('abort', stopped, { once: true });
      if (cache.waiting || abort.signal.aborted) done(false);
      else if (cache.size > 0) void database.notifier.wait(ms, notified.signal, seen).then(() => done(false));
    });

  const loop = (async () => {
    let timedOut = true;
    let readAt = -1;
    while (!abort.signal.aborted) {
      try {
        const seen = database.notifier.version;
        const moved = seen !== readAt && cache.size > 0;
        if (cursor === null || cache.waiting || moved || (timedOut && cache.size > 0)) {
          await readOnce();
          failures.succeeded();
          cache.caughtUp(database, seen);
          readAt = seen;
        }
        timedOut = await sleep(pollMs, readAt);
      } catch (err) {
        if (abort.signal.aborted) break;
        failures.failed(err);
        await sleep(500, database.notifier.version);
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
