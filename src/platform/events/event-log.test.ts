import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { deferred, systemClock } from '../../kernel/index.js';
import { inTransaction } from '../context.js';
import { readWrittenEvents } from '../testing/read-written-events.js';
import { describeEachDatabase, testLog } from '../testing/test-databases.js';
import { allowTestEvents } from '../testing/test-events.js';
import { startConsumer } from './consumer.js';
import {
  appendEvent,
  appendEvents,
  decodeCursor,
  encodeCursor,
  eventsInsertFragment,
  type ReadOptions,
  readEvents,
  type StoredEvent,
} from './event-log.js';

// The made-up event types these tests append (the log checks every type against a schema).
allowTestEvents(
  'conc.x',
  'conc.y',
  'fold.no',
  'fold.yes',
  'fragment.x',
  'horizon.seen',
  'horizon.awaited',
  'once.a',
  'once.b',
  'once.c',
  'order.a',
  'order.b',
  'resume.a',
  'resume.b',
  'scope.global',
  'scope.mine',
  'scope.other',
  'test.dropped',
  'test.kept',
  'x',
  'page.e0',
  'page.e1',
);

describe('event notifier', () => {
  it('does not sleep through a notify that came between look and wait', async () => {
    const { EventNotifier } = await import('./notifier.js');
    const n = new EventNotifier();
    const v = n.version;
    n.notify();
    const started = Date.now();
    await n.wait(5_000, undefined, v);
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});

// One database per engine for the whole file (a fresh one per block cost seconds of every run):
// each test appends event types of its own and reads only those.
describeEachDatabase('event log', [], (t) => {
  // A read right after the test's own commit: see readWrittenEvents.
  const readShown = (filter: ReadOptions) => readWrittenEvents(t.database.db, filter);

  it('commits events with the state change and never publishes a rolled-back one', async () => {
    const ctx = t.ctx();
    await inTransaction(ctx, (tx) =>
      appendEvent(tx, { type: 'test.kept', subject: 's:1', payload: { n: 1 } }),
    );
    await expect(
      inTransaction(ctx, async (tx) => {
        await appendEvent(tx, { type: 'test.dropped', subject: 's:1', payload: {} });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const all = await readShown({ types: ['test.*'] });
    expect(all.map((e) => e.type)).toEqual(['test.kept']);
    expect(all[0]!.payload).toEqual({ n: 1 });
  });

  it("tags events with the caller's channel unless they say null (global, seen by every channel)", async () => {
    const ctx = t.ctx({ channelId: 'chn_till' });
    await inTransaction(ctx, (tx) =>
      appendEvents(tx, [
        { type: 'scope.mine', subject: 's:1', payload: {} },
        { type: 'scope.global', subject: 's:1', payload: {}, channelId: null },
        { type: 'scope.other', subject: 's:1', payload: {}, channelId: 'chn_web' },
      ]),
    );
    const all = await readShown({ types: ['scope.*'] });
    expect(all.map((e) => [e.type, e.channelId])).toEqual([
      ['scope.mine', 'chn_till'],
      ['scope.global', null],
      ['scope.other', 'chn_web'],
    ]);
    const seenByWeb = await readShown({ types: ['scope.*'], channelId: 'chn_web' });
    expect(seenByWeb.map((e) => e.type)).toEqual(['scope.global', 'scope.other']);
  });

  it('refuses to append outside a transaction', async () => {
    await expect(appendEvent(t.ctx(), { type: 'x', subject: 'y', payload: {} })).rejects.toThrow(
      /transaction/,
    );
  });

  it('filters by exact type, prefix and subject, and pages with cursors', async () => {
    const ctx = t.ctx();
    await inTransaction(ctx, (tx) =>
      appendEvents(
        tx,
        Array.from({ length: 5 }, (_, i) => ({
          type: `page.e${i % 2}`,
          subject: `page:${i}`,
          payload: { i },
        })),
      ),
    );
    const first = await readShown({ types: ['page.*'], limit: 2 });
    expect(first.map((e) => e.payload.i)).toEqual([0, 1]);
    const rest = await readShown({ types: ['page.*'], after: first[1]! });
    expect(rest.map((e) => e.payload.i)).toEqual([2, 3, 4]);
    expect((await readShown({ types: ['page.e1'] })).length).toBe(2);
    expect((await readShown({ subject: 'page:3' })).length).toBe(1);
    const c = encodeCursor(rest[0]!);
    expect(decodeCursor(c)).toEqual({ txId: rest[0]!.txId, position: rest[0]!.position });
    expect(decodeCursor('nope')).toBeNull();
  });

  it('a consumer resumes from its durable cursor (at-least-once, replay from a position)', async () => {
    const seen: string[] = [];
    const handle = async (evs: StoredEvent[]) => {
      for (const e of evs) seen.push(e.payload.label as string);
    };
    const c1 = startConsumer({
      database: t.database,
      name: 'resume-test',
      handle,
      log: testLog,
      filter: { types: ['resume.*'] },
    });
    await inTransaction(t.ctx(), (tx) =>
      appendEvent(tx, { type: 'resume.a', subject: 's', payload: { label: 'a' } }),
    );
    await c1.caughtUp();
    await c1.stop();
    await inTransaction(t.ctx(), (tx) =>
      appendEvent(tx, { type: 'resume.b', subject: 's', payload: { label: 'b' } }),
    );
    const c2 = startConsumer({
      database: t.database,
      name: 'resume-test',
      handle,
      log: testLog,
      filter: { types: ['resume.*'] },
    });
    await c2.caughtUp();
    await c2.stop();
    expect(seen).toEqual(['a', 'b']);
  });

  describe('ordering under concurrent writers', () => {
    it('no event is skipped when transactions commit out of order', async () => {
      if (t.kind === 'pglite') {
        // PGlite is one connection: transactions are serialized, so commit order equals start order.
        // The interleaving below needs real concurrent sessions; it runs on PostgreSQL.
        expect(t.database.kind).toBe('pglite');
        return;
      }
      const db = t.database;
      // Writer A takes its position first but commits last.
      const release = deferred();
      const aStarted = deferred();
      const writerA = inTransaction(t.ctx(), async (tx) => {
        // Written now (appendEvent would wait for the commit), so A holds the earlier position.
        await tx.db.execute(eventsInsertFragment(tx, [{ type: 'order.a', subject: 'o', payload: {} }]).query);
        aStarted.resolve();
        await release.promise;
      });
      await aStarted.promise;
      await inTransaction(t.ctx(), (tx) => appendEvent(tx, { type: 'order.b', subject: 'o', payload: {} }));
      // A reader now must not see B past A's uncommitted position.
      const early = await readEvents(db.db, { types: ['order.*'] });
      expect(early).toEqual([]);
      release.resolve();
      await writerA;
      const all = await readWrittenEvents(db.db, { types: ['order.*'] });
      expect(all.map((e) => e.type).sort()).toEqual(['order.a', 'order.b']);
    });

    it('a consumer running during 40 concurrent writers sees every event exactly once', async () => {
      const seen = new Map<string, number>();
      const consumer = startConsumer({
        database: t.database,
        name: 'concurrency',
        filter: { types: ['conc.*'] },
        log: testLog,
        batchSize: 7,
        pollMs: 5,
        handle: async (evs) => {
          for (const e of evs) seen.set(e.id, (seen.get(e.id) ?? 0) + 1);
        },
      });
      const writes = Array.from({ length: 40 }, (_, i) =>
        inTransaction(t.ctx({ clock: systemClock }), async (tx) => {
          await appendEvents(tx, [
            { type: 'conc.x', subject: `w:${i}`, payload: { i } },
            { type: 'conc.y', subject: `w:${i}`, payload: { i } },
          ]);
          // random think time inside the transaction scrambles commit order against position order
          await tx.db.execute(sql`select pg_sleep(${Math.random() * 0.02})`);
        }),
      );
      await Promise.all(writes);
      await consumer.caughtUp();
      await consumer.stop();
      expect(seen.size).toBe(80);
      expect([...seen.values()].every((n) => n === 1)).toBe(true);
    });
  });

  describe('horizon', () => {
    it('a long transaction in another database of the server does not hold back readers', async () => {
      if (t.kind === 'pglite') return; // one database, one connection: nothing to hold back
      const { createFreshPostgresDatabase, postgresTestUrl } = await import('../testing/test-databases.js');
      const pg = (await import('pg')).default;
      const other = await createFreshPostgresDatabase(postgresTestUrl()!);
      const client = new pg.Client({ connectionString: other.url });
      await client.connect();
      try {
        await client.query('begin');
        await client.query('create table held (x int)'); // takes an xid and keeps it
        await inTransaction(t.ctx(), (tx) =>
          appendEvent(tx, { type: 'horizon.seen', subject: 'h', payload: {} }),
        );
        // The held transaction above stays open throughout: a read it held back stays empty.
        const seen = await readWrittenEvents(t.database.db, { types: ['horizon.*'] });
        expect(seen.map((e) => e.type)).toEqual(['horizon.seen']);
      } finally {
        await client.query('rollback');
        await client.end();
        await other.drop();
      }
    });
  });

  describe('earlier transactions', () => {
    it('a read after awaitEarlierTransactions sees what was committed while an older transaction ran', async () => {
      if (t.kind === 'pglite') return; // one connection: no transaction runs beside a read
      const { awaitEarlierTransactions } = await import('./event-scan.js');
      const pg = (await import('pg')).default;
      const client = new pg.Client({ connectionString: t.url });
      await client.connect();
      try {
        await client.query('begin');
        await client.query('select pg_current_xact_id()'); // an xid older than the event's
        await inTransaction(t.ctx(), (tx) =>
          appendEvent(tx, { type: 'horizon.awaited', subject: 'h', payload: {} }),
        );
        // Read at once, the older transaction hides it; a bounded wait gives up and returns.
        expect(await readEvents(t.database.db, { types: ['horizon.awaited'] })).toEqual([]);
        await awaitEarlierTransactions(t.database.db, 30);
        const read = awaitEarlierTransactions(t.database.db).then((endedBelow) =>
          readEvents(t.database.db, { types: ['horizon.awaited'], ...(endedBelow ? { endedBelow } : {}) }),
        );
        await new Promise((r) => setTimeout(r, 100));
        await client.query('rollback');
        expect((await read).map((e) => e.type)).toEqual(['horizon.awaited']);
      } finally {
        await client.end();
      }
    });
  });

  describe('read-your-writes beside other databases', () => {
    it("a read after awaitEarlierTransactions shows the write while other databases' transactions come and go", async () => {
      if (t.kind === 'pglite') return; // one database: nothing else runs on its server
      const pg = (await import('pg')).default;
      const { awaitEarlierTransactions } = await import('./event-scan.js');
      const { createFreshPostgresDatabase, postgresTestUrl } = await import('../testing/test-databases.js');
      const other = await createFreshPostgresDatabase(postgresTestUrl()!);
      const clients = Array.from({ length: 4 }, () => new pg.Client({ connectionString: other.url }));
      let running = true;
      // Short transactions of another database, each holding a transaction id for 0-3 ms: one that
      // ends between a read's snapshot and its look at pg_stat_activity can no longer be placed.
      const noise = clients.map(async (c) => {
        await c.connect();
        while (running) {
          await c.query('begin; select pg_current_xact_id(); select pg_sleep(random() * 0.003); commit');
        }
      });
      try {
        await new Promise((r) => setTimeout(r, 50));
        const missed: number[] = [];
        for (let i = 0; i < 300; i++) {
          await inTransaction(t.ctx(), (tx) =>
            appendEvent(tx, { type: 'horizon.awaited', subject: `ryw:${i}`, payload: {} }),
          );
          const endedBelow = await awaitEarlierTransactions(t.database.db);
          const seen = await readEvents(t.database.db, {
            subject: `ryw:${i}`,
            ...(endedBelow === undefined ? {} : { endedBelow }),
          });
          if (seen.length !== 1) missed.push(i);
        }
        expect(missed).toEqual([]);
      } finally {
        running = false;
        await Promise.allSettled(noise);
        await Promise.allSettled(clients.map((c) => c.end()));
        await other.drop();
      }
    });
  });

  describe('fragment', () => {
    it('folds the events insert into another statement of the same transaction', async () => {
      const { eventsInsertFragment } = await import('./event-log.js');
      await inTransaction(t.ctx(), async (tx) => {
        const { query, ids } = eventsInsertFragment(tx, [
          { type: 'fragment.x', subject: 'f', payload: { a: 1 } },
        ]);
        const r = await tx.db.execute(sql`with ev as (${query}) select count(*)::int as n from ev`);
        expect((r as unknown as { rows: Array<{ n: number }> }).rows[0]!.n).toBe(1);
        expect(ids[0]).toMatch(/^evt_/);
      });
      const seen = await readShown({ types: ['fragment.*'] });
      expect(seen.map((e) => e.payload)).toEqual([{ a: 1 }]);
    });
  });

  describe('written once per transaction', () => {
    it('writes the events of several appends together just before commit, in order', async () => {
      await inTransaction(t.ctx(), async (tx) => {
        await appendEvent(tx, { type: 'once.a', subject: 'o', payload: {} });
        await appendEvents(tx, [
          { type: 'once.b', subject: 'o', payload: {} },
          { type: 'once.c', subject: 'o', payload: {} },
        ]);
        // The transaction sees its own rows: none yet, they wait for the commit.
        const r = await tx.db.execute(sql`select count(*)::int as n from events where type like 'once.%'`);
        expect((r as unknown as { rows: Array<{ n: number }> }).rows[0]!.n).toBe(0);
      });
      const all = await readShown({ types: ['once.*'] });
      expect(all.map((e) => e.type)).toEqual(['once.a', 'once.b', 'once.c']);
      expect(new Set(all.map((e) => e.txId)).size).toBe(1);
    });

    it('folds events into a single-statement write, and writes none when its guard is empty', async () => {
      const { writeWithEvents } = await import('./event-log.js');
      const ctx = t.ctx();
      const wrote = await writeWithEvents<{ n: number }>(
        ctx,
        [{ type: 'fold.yes', subject: 'f', payload: {} }],
        'w',
        (ev) => sql`with w as (select 1 as n), ${ev} select n from w`,
      );
      expect(wrote).toEqual([{ n: 1 }]);
      const none = await writeWithEvents<{ n: number }>(
        ctx,
        [{ type: 'fold.no', subject: 'f', payload: {} }],
        'w',
        (ev) => sql`with w as (select 1 as n where false), ${ev} select n from w`,
      );
      expect(none).toEqual([]);
      const seen = await readShown({ types: ['fold.*'] });
      expect(seen.map((e) => e.type)).toEqual(['fold.yes']);
    });
  });
});
