// The process's readers of the log share one window: each committed event row is read from the
// database once, however many readers need it and wherever their cursors are; a reader behind the
// window reads from its own cursor.
import type { SQL } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { inTransaction } from '../context.js';
import type { Database } from '../db/database.js';
import { newestCommitted, reached, readUntil } from '../testing/read-written-events.js';
import { describeEachDatabase } from '../testing/test-databases.js';
import { allowTestEvents } from '../testing/test-events.js';
import { appendEvent, type Cursor, LOG_START } from './event-log.js';
import { readShared } from './shared-log-window.js';

allowTestEvents('window.a', 'window.b');

/** The database with the event rows its log reads return counted. */
function counting(database: Database) {
  const counts = { reads: 0, rows: 0 };
  const text = (q: SQL) =>
    q.queryChunks.map((c) => (c && typeof c === 'object' && 'value' in c ? String(c.value) : '')).join('');
  const wrapped: Database = {
    ...database,
    db: new Proxy(database.db, {
      get: (target, prop) =>
        prop === 'execute'
          ? async (q: SQL) => {
              const result = await target.execute(q);
              if (/from events\s+where \(tx_id, position\) >/.test(text(q))) {
                counts.reads++;
                counts.rows += (result as unknown as { rows: unknown[] }).rows.length;
              }
              return result;
            }
          : Reflect.get(target, prop, target),
    }),
  };
  return { wrapped, counts };
}

describeEachDatabase('shared log window', [], (t) => {
  const append = (type: string, n: number) =>
    inTransaction(t.ctx(), async (tx) => {
      for (let i = 0; i < n; i++) await appendEvent(tx, { type, subject: `s${i}`, payload: { i } });
    });
  const at = (e: Cursor): Cursor => ({ txId: e.txId, position: e.position });
  // A read right after the test's own commit can be held back for a moment (see readUntil): read
  // again until the window has reached the newest committed event, each time as a consumer's next
  // poll would (maxAgeMs 0: the window read before is stale and is read on).
  const readWritten = async <R extends { scannedTo: Cursor }>(read: (maxAgeMs?: number) => Promise<R>) => {
    const head = await newestCommitted(t.database.db);
    return readUntil(
      (again) => read(again ? 0 : undefined),
      (r) => reached(r.scannedTo, head),
    );
  };

  it('reads each event row once for readers at different cursors', async () => {
    const { wrapped, counts } = counting(t.database);
    const read = (from: Cursor, types?: string[], maxAgeMs = 250) =>
      readShared(wrapped, from, types ? { types } : undefined, 100, wrapped.notifier.version, maxAgeMs);
    const start = (await readWritten((age) => read(LOG_START, undefined, age))).scannedTo;
    await append('window.a', 6);
    const first = await readWritten((age) => read(start, undefined, age));
    expect(first.events.map((e) => e.type)).toEqual(Array(6).fill('window.a'));
    const middle = at(first.events[2]!);
    // A reader further on, after the same commit: no read of its own.
    const before = { ...counts };
    const ahead = await read(middle);
    expect(ahead.events.map((e) => e.subject)).toEqual(['s3', 's4', 's5']);
    expect(counts).toEqual(before);

    await append('window.b', 4);
    // The reader further on reads only what was committed since; the one behind reads nothing more.
    const next = await readWritten((age) => read(at(ahead.events[2]!), undefined, age));
    const afterNext = { ...counts };
    expect(next.events.map((e) => `${e.type}:${e.subject}`)).toEqual([
      'window.b:s0',
      'window.b:s1',
      'window.b:s2',
      'window.b:s3',
    ]);
    const behind = await read(at(first.events[5]!), ['window.b']);
    expect(behind.events.map((e) => e.subject)).toEqual(['s0', 's1', 's2', 's3']);
    const filtered = await read(start, ['window.a']);
    expect(filtered.events).toHaveLength(6);
    expect(at(filtered.scannedTo)).toEqual(at(next.events[3]!));
    // The four new rows were read once, by the reader further on; the others read nothing of their own.
    expect(counts.rows - before.rows).toBe(4);
    expect(counts).toEqual(afterNext);
  });

  it('a reader behind the window reads from its own cursor', async () => {
    const { wrapped } = counting(t.database);
    const read = (from: Cursor, maxAgeMs = 250) =>
      readShared(wrapped, from, { types: ['window.a'] }, 1000, wrapped.notifier.version, maxAgeMs);
    const all = await readWritten((age) => read(LOG_START, age));
    await append('window.a', 2);
    const newest = await readWritten((age) => read(at(all.events[all.events.length - 1]!), age));
    expect(newest.events).toHaveLength(2);
    // The window now starts at the first reader's cursor; from the log's start every event is there.
    const again = await read(LOG_START);
    expect(again.events.map((e) => e.id)).toEqual([...all.events, ...newest.events].map((e) => e.id));
  });

  it('readers far apart each keep a window: every row is read about once per group of readers', async () => {
    const { wrapped, counts } = counting(t.database);
    const sizes = { page: 10, keep: 30 };
    const read = (from: Cursor, maxAgeMs = 60_000) =>
      readShared(wrapped, from, undefined, 1000, wrapped.notifier.version, maxAgeMs, sizes);
    // The newest committed event: a read that comes back empty short of it was held back for a
    // moment (see readUntil) and is read again, polling (maxAgeMs 0), as a consumer would.
    let head = await newestCommitted(t.database.db);
    // Reads from `from` until `stop` events came back or the head is reached; answers them and the
    // cursor reached.
    const readOn = async (from: Cursor, stop: number) => {
      const got: string[] = [];
      let cursor = from;
      for (let i = 0; i < 100 && got.length < stop && !reached(cursor, head); i++) {
        const r = await readUntil(
          (again) => read(cursor, again ? 0 : undefined),
          (r) => r.events.length > 0 || reached(r.scannedTo, head),
        );
        got.push(...r.events.map((e) => e.subject!));
        cursor = r.events.length ? at(r.events[r.events.length - 1]!) : at(r.scannedTo);
      }
      return { got, cursor };
    };
    // The log's head (earlier tests of the file wrote to it), read a page at a time.
    const origin = (await readOn(LOG_START, Number.POSITIVE_INFINITY)).cursor;
    await append('window.a', 120);
    head = await newestCommitted(t.database.db);
    const fast = await readOn(origin, 80);
    const before = counts.rows;
    // A slow reader from the start and the fast one, taking turns, as consumers of a catch-up do.
    let slow = { got: [] as string[], cursor: origin };
    let ahead = { got: fast.got, cursor: fast.cursor };
    for (let turn = 0; turn < 40 && (slow.got.length < 120 || ahead.got.length < 120); turn++) {
      const s = await readOn(slow.cursor, 1);
      slow = { got: [...slow.got, ...s.got], cursor: s.cursor };
      const f = await readOn(ahead.cursor, 1);
      ahead = { got: [...ahead.got, ...f.got], cursor: f.cursor };
    }
    const subjects = Array.from({ length: 120 }, (_, i) => `s${i}`);
    expect(slow.got).toEqual(subjects);
    expect(ahead.got).toEqual(subjects);
    // The slow reader's 120 rows and the fast one's last 40, give or take a page each; one window
    // would make the fast reader read its way back from the slow one's cursor again and again.
    expect(counts.rows - before).toBeLessThanOrEqual(120 + 40 + 2 * sizes.page);
  });
});
