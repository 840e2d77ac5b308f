// Consumers' cursor saves are gathered: the consumers of a process move together (one shared page),
// so their saves go out as one statement, each row still only where its consumer holds the lease.
// A consumer stopped while its save is queued saves its newest cursor itself.
import { type SQL, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { inTransaction } from '../context.js';
import { type Database, rows } from '../db/database.js';
import { describeEachDatabase, testLog } from '../testing/test-databases.js';
import { allowTestEvents } from '../testing/test-events.js';
import { loadCursor, startConsumer } from './consumer.js';
import { appendEvent } from './event-log.js';

allowTestEvents('saved.together');

/** The database with every consumer_cursors update it sends counted (singles and joint ones). */
function counting(database: Database) {
  const counts = { single: 0, joint: 0 };
  const db = database.db;
  const text = (q: SQL) =>
    q.queryChunks.map((c) => (c && typeof c === 'object' && 'value' in c ? String(c.value) : '')).join('');
  const wrapped: Database = {
    ...database,
    db: new Proxy(db, {
      get: (target, prop) =>
        prop === 'execute'
          ? (q: SQL) => {
              const s = text(q);
              if (s.includes('update consumer_cursors c set tx_id')) counts.joint++;
              else if (s.includes('update consumer_cursors set tx_id')) counts.single++;
              return target.execute(q);
            }
          : Reflect.get(target, prop, target),
    }),
  };
  return { wrapped, counts };
}

describeEachDatabase('consumer cursor saves', [], (t) => {
  it('saves the cursors of consumers that moved together in one statement', { timeout: 30_000 }, async () => {
    const { wrapped, counts } = counting(t.database);
    const names = ['joint-a', 'joint-b', 'joint-c', 'joint-d'];
    const handle = async () => {};
    const consumers = names.map((name) => startConsumer({ database: wrapped, name, log: testLog, handle }));
    try {
      await Promise.all(consumers.map((c) => c.caughtUp()));
      await new Promise((r) => setTimeout(r, 1_200)); // past the first saves
      const before = { ...counts };
      let last = '';
      for (let i = 0; i < 5; i++) {
        last = await inTransaction(t.ctx(), async (tx) => {
          const e = await appendEvent(tx, { type: 'saved.together', subject: `s${i}`, payload: {} });
          return e.id;
        });
      }
      await Promise.all(consumers.map((c) => c.caughtUp()));
      const [lastEvent] = await rows<{ tx_id: number; position: number }>(
        t.database.db,
        sql`select tx_id, position from events where id = ${last}`,
      );
      const want = { txId: Number(lastEvent!.tx_id), position: Number(lastEvent!.position) };
      for (let i = 0; i < 100; i++) {
        const saved = await Promise.all(names.map((n) => loadCursor(t.database.db, n)));
        if (saved.every((c) => c?.txId === want.txId && c.position === want.position)) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      for (const n of names) expect(await loadCursor(t.database.db, n), n).toEqual(want);
      // Four consumers moved: no save of their own, and fewer joint saves than consumers.
      expect(counts.single - before.single).toBe(0);
      expect(counts.joint - before.joint).toBeGreaterThan(0);
      expect(counts.joint - before.joint).toBeLessThan(names.length);
    } finally {
      await Promise.all(consumers.map((c) => c.stop()));
    }
  });

  it('a consumer stopped right after it moved saves its newest cursor', { timeout: 30_000 }, async () => {
    const c = startConsumer({
      database: t.database,
      name: 'joint-stop',
      log: testLog,
      handle: async () => {},
    });
    await c.caughtUp();
    await new Promise((r) => setTimeout(r, 1_100)); // its next move is due for a save at once
    const e = await inTransaction(t.ctx(), (tx) =>
      appendEvent(tx, { type: 'saved.together', subject: 'last', payload: {} }),
    );
    await c.caughtUp();
    await c.stop(); // the joint save may still be queued
    const [row] = await rows<{ tx_id: number; position: number }>(
      t.database.db,
      sql`select tx_id, position from events where id = ${e.id}`,
    );
    expect(await loadCursor(t.database.db, 'joint-stop')).toEqual({
      txId: Number(row!.tx_id),
      position: Number(row!.position),
    });
  });
});
