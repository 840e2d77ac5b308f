// The process's readers of the log share one window: each committed event row is read from the
// database once, however many readers need it and wherever their cursors are; a reader behind the
// window reads from its own cursor.
import type { SQL } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { inTransaction } from '../context.js';
import type { Database } from '../db/database.js';
import { describeEachDatabase } from '../testing/test-databases.js';
import { allowTestEvents } from '../testing/test-events.js';
import { appendEvent, type Cursor } from './event-log.js';
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

  it('reads each event row once for readers at different cursors', async () => {
    const { wrapped, counts } = counting(t.database);
    const read = (from: Cursor, types?: string[]) =>
      readShared(wrapped, from, types ? { types } : undefined, 100, wrapped.notifier.version, 250);
    const start = (await read({ txId: 0, position: 0 })).scannedTo;
    await append('window.a', 6);
    const first = await read(start);
    expect(first.events.map((e) => e.type)).toEqual(Array(6).fill('window.a'));
    const middle = at(first.events[2]!);
    // A reader further on, after the same commit: no read of its own.
    const before = { ...counts };
    const ahead = await read(middle);
    expect(ahead.events.map((e) => e.subject)).toEqual(['s3', 's4', 's5']);
    expect(counts).toEqual(before);

    await append('window.b', 4);
    // The reader further on reads only what was committed since; the one behind reads nothing more.
    const next = await read(at(ahead.events[2]!));
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
    expect(counts.rows - before.rows).toBe(4);
    expect(counts.reads - before.reads).toBe(1);
  });

  it('a reader behind the window reads from its own cursor', async () => {
    const { wrapped } = counting(t.database);
    const read = (from: Cursor) =>
      readShared(wrapped, from, { types: ['window.a'] }, 1000, wrapped.notifier.version, 250);
    const all = await read({ txId: 0, position: 0 });
    await append('window.a', 2);
    const newest = await read(at(all.events[all.events.length - 1]!));
    expect(newest.events).toHaveLength(2);
    // The window now starts at the first reader's cursor; from the log's start every event is there.
    const again = await read({ txId: 0, position: 0 });
    expect(again.events.map((e) => e.id)).toEqual([...all.events, ...newest.events].map((e) => e.id));
  });

  it('readers far apart each keep a window: every row is read about once per group of readers', async () => {
    const { wrapped, counts } = counting(t.database);
    const sizes = { page: 10, keep: 30 };
    const read = (from: Cursor) =>
      readShared(wrapped, from, undefined, 1000, wrapped.notifier.version, 60_000, sizes);
    // The log's head (earlier tests of the file wrote to it), read a page at a time.
    let origin: Cursor = { txId: 0, position: 0 };
    for (let r = await read(origin); r.events.length; r = await read(origin)) origin = at(r.scannedTo);
    await append('window.a', 120);
    // Reads from `from` until `stop` events came back; answers them and the cursor reached.
    const readOn = async (from: Cursor, stop: number) => {
      const got: string[] = [];
      let cursor = from;
      for (let i = 0; i < 100 && got.length < stop; i++) {
        const r = await read(cursor);
        got.push(...r.events.map((e) => e.subject!));
        cursor = r.events.length ? at(r.events[r.events.length - 1]!) : at(r.scannedTo);
      }
      return { got, cursor };
    };
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
