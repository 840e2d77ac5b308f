// The live stream behind GET /api/stream: one reader per process follows the event log (woken by
// the notifier after local commits, by NATS or a short poll for other nodes' commits) and fans each
// event out to every connected client whose filters and channel scope match. A client that comes
// back with Last-Event-ID first replays what it missed from the log, then joins the live feed.
import type { ServerResponse } from 'node:http';
import { AppError } from '../../kernel/index.js';
import type { Logger } from '../../platform/context.js';
import type { Database } from '../../platform/db/database.js';
import { toCloudEvent } from '../../platform/events/cloudevents.js';
import { type Cursor, cursorOf, headCursor, type StoredEvent } from '../../platform/events/event-log.js';
import { HELD_BACK_POLL_MS, headNow, readFollowing, scanEvents } from '../../platform/events/event-scan.js';
import { loopFailureLog } from '../../platform/outage-log.js';

export interface StreamFilter {
  /** Exact types or prefixes ending in '.*'; empty = all. */
  types: string[];
  /** A channel-bound caller sees its channel's events and global ones. */
  channelId: string | null;
  /** A signed-in shopper's stream: only events about this customer's records (payload.customerId). */
  customerId?: string;
  /** inbox.* events only about these customers (payload.customerId); unset: all (inbox:read). */
  inboxCustomers?: readonly string[];
}

export interface StreamClient {
  filter: StreamFilter;
  res: ServerResponse;
  /** Last event written (to drop live events already replayed). */
  last: Cursor;
  /** Live events that arrived while the client was still replaying. */
  backlog: StoredEvent[] | null;
}

export interface EventStreamHub {
  /**
   * Takes one of the caller's stream slots (at most maxStreamsPerKey open at once per key), or
   * throws 429 `rate_limited`. The slot is given back when the stream's response closes.
   */
  reserve(owner: string): StreamSlot;
  /**
   * Fixes where the client starts (resumeAfter, or the log's head now), then calls `open` for the
   * response: a client that sees the 200 sees every event committed after it.
   */
  connect(
    open: () => ServerResponse,
    filter: StreamFilter,
    resumeAfter: Cursor | null,
    slot?: StreamSlot,
  ): Promise<void>;
  readonly clients: number;
  stop(): Promise<void>;
}

export interface StreamSlot {
  release(): void;
}

/**
 * Open streams per API key (OMNIHUB_STREAM_MAX_PER_KEY): each holds a socket and a reader's
 * attention. OMNIHUB_STREAM_POLL_MS: how often an idle reader looks at the log when no commit woke it
 * (a safety net; the multi-worker test sets it long to prove commits wake every worker).
 */
export function loadStreamConfig(env: NodeJS.ProcessEnv = process.env): {
  maxStreamsPerKey: number;
  pollMs?: number;
} {
  const n = Number(env.OMNIHUB_STREAM_MAX_PER_KEY?.trim() || 20);
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`OMNIHUB_STREAM_MAX_PER_KEY must be a whole number >= 1, got ${n}`);
  const poll = env.OMNIHUB_STREAM_POLL_MS?.trim();
  if (!poll) return { maxStreamsPerKey: n };
  const pollMs = Number(poll);
  if (!Number.isInteger(pollMs) || pollMs < 10)
    throw new Error(`OMNIHUB_STREAM_POLL_MS must be a whole number >= 10, got ${poll}`);
  return { maxStreamsPerKey: n, pollMs };
}

const after = (a: Cursor, b: Cursor) => a.txId > b.txId || (a.txId === b.txId && a.position > b.position);

export function matchesFilter(filter: StreamFilter, e: StoredEvent): boolean {
  if (filter.channelId && e.channelId && e.channelId !== filter.channelId) return false;
  if (filter.customerId !== undefined && e.payload.customerId !== filter.customerId) return false;
  if (
    filter.inboxCustomers &&
    e.type.startsWith('inbox.') &&
    !filter.inboxCustomers.includes(e.payload.customerId as string)
  )
    return false;
  if (filter.types.length === 0) return true;
  return filter.types.some((t) => t === e.type || (t.endsWith('*') && e.type.startsWith(t.slice(0, -1))));
}

/** One SSE frame: id = event id (what the browser sends back as Last-Event-ID), data = CloudEvent. */
export const sseFrame = (e: StoredEvent): string =>
  `id: ${e.id}\nevent: ${e.type}\ndata: ${JSON.stringify(toCloudEvent(e))}\n\n`;

/** A client that cannot keep up is dropped; it reconnects with Last-Event-ID and replays. */
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;

export function startEventStreamHub(opts: {
  database: Database;
  log: Logger;
  heartbeatMs?: number;
  pollMs?: number;
  maxStreamsPerKey?: number;
}): EventStreamHub {
  const { database, log } = opts;
  const clients = new Set<StreamClient>();
  const maxStreamsPerKey = opts.maxStreamsPerKey ?? 20;
  const openPerOwner = new Map<string, number>();
  const abort = new AbortController();
  const pollMs = opts.pollMs ?? (database.kind === 'postgres' ? 250 : 1000);
  let cursor: Cursor | null = null;
  /** Set while the reader waits for a first client. */
  let wakeIdleReader: (() => void) | undefined;
  const failures = loopFailureLog(log, 'event stream reader');

  const write = (c: StreamClient, e: StoredEvent) => {
    if (c.res.destroyed || !after(e, c.last) || !matchesFilter(c.filter, e)) return;
    c.last = { txId: e.txId, position: e.position };
    c.res.write(sseFrame(e));
    if (c.res.writableLength > MAX_BUFFERED_BYTES) {
      log.warn({ buffered: c.res.writableLength }, 'stream client too slow; closing');
      c.res.destroy();
    }
  };

  const reader = (async () => {
    while (!abort.signal.aborted) {
      try {
        const seen = database.notifier.version;
        if (!clients.size) {
          // With no client there is nothing to follow (and nothing to read): start again from the
          // head when one connects. Commits do not wake it: at checkout load they came several times
          // an order, each a timer and a turn of this loop for nobody.
          cursor = null;
          await new Promise<void>((resolve) => {
            const wake = () => {
              wakeIdleReader = undefined;
              abort.signal.removeEventListener('abort', wake);
              resolve();
            };
            wakeIdleReader = wake;
            abort.signal.addEventListener('abort', wake, { once: true });
          });
          continue;
        }
        if (!cursor) cursor = await headCursor(database.db);
        const { events: batch, heldByEnded } = await readFollowing(database.db, {
          after: cursor,
          limit: 1000,
        });
        failures.succeeded();
        if (heldByEnded) database.notifier.notifyUnlessSooner(HELD_BACK_POLL_MS);
        if (batch.length === 0) {
          await database.notifier.wait(pollMs, abort.signal, seen);
          continue;
        }
        for (const e of batch) {
          for (const c of clients) {
            if (c.backlog) c.backlog.push(e);
            else write(c, e);
          }
        }
        const last = batch[batch.length - 1]!;
        cursor = { txId: last.txId, position: last.position };
      } catch (err) {
        if (abort.signal.aborted) break;
        failures.failed(err);
        // Keep the cursor: what committed meanwhile is read from where the clients were left, never
        // skipped by jumping to the newest event.
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  })();

  const heartbeat = setInterval(() => {
    for (const c of clients) if (!c.backlog) c.res.write(': keep-alive\n\n');
  }, opts.heartbeatMs ?? 15_000);
  heartbeat.unref();

  return {
    get clients() {
      return clients.size;
    },
    reserve(owner) {
      const open = openPerOwner.get(owner) ?? 0;
      if (open >= maxStreamsPerKey) {
        throw new AppError(
          'rate_limited',
          `At most ${maxStreamsPerKey} open streams per key; close one first`,
          {
            details: { maxStreams: maxStreamsPerKey, retryAfterSeconds: 5 },
          },
        );
      }
      openPerOwner.set(owner, open + 1);
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          const left = (openPerOwner.get(owner) ?? 1) - 1;
          if (left > 0) openPerOwner.set(owner, left);
          else openPerOwner.delete(owner);
        },
      };
    },
    async connect(open, filter, resumeAfter, slot) {
      let start: Cursor;
      try {
        // From now on: what was committed before the client connected is not new to it.
        start = resumeAfter ?? (await headNow(database.db));
      } catch (err) {
        slot?.release();
        throw err;
      }
      const res = open();
      let client: StreamClient | undefined;
      res.on('close', () => {
        if (client) clients.delete(client);
        slot?.release();
      });
      if (res.destroyed) return;
      // Every client starts by buffering and reading the log from `start`: an event committed after
      // `start` but handed out by the shared reader before this client joined would otherwise be lost.
      client = { filter, res, last: start, backlog: [] };
      clients.add(client);
      // An idle reader follows from here (never from a later head, which would skip events).
      if (!cursor) cursor = resumeAfter ? await headCursor(database.db) : start;
      res.write(': connected\n\n');
      wakeIdleReader?.(); // the shared reader waits for a client when it has none
      // Replay from the log, then hand over to the live feed; `last` drops anything seen twice.
      try {
        let from = start;
        // The replay stops as soon as the client leaves (or is dropped as too slow).
        while (!res.destroyed) {
          const page = await scanEvents(database.db, {
            after: from,
            limit: 1000,
            ...(filter.types.length ? { types: filter.types } : {}),
            ...(filter.channelId ? { channelId: filter.channelId } : {}),
          });
          for (const e of page.events) write(client, e);
          if (!page.more) break;
          from = cursorOf(page.scannedTo);
        }
      } finally {
        const backlog = client.backlog ?? [];
        client.backlog = null;
        for (const e of backlog) write(client, e);
      }
    },
    async stop() {
      abort.abort();
      clearInterval(heartbeat);
      for (const c of clients) c.res.end();
      clients.clear();
      await reader;
    },
  };
}
