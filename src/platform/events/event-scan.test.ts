import { expect, it } from 'vitest';
import { deferred } from '../../kernel/index.js';
import { inTransaction } from '../context.js';
import { newestCommitted, reached, readUntil } from '../testing/read-written-events.js';
import { describeEachDatabase } from '../testing/test-databases.js';
import { allowTestEvents } from '../testing/test-events.js';
import { appendEvents, type Cursor, eventsInsertFragment, type NewEvent } from './event-log.js';
import {
  awaitEarlierTransactions,
  headNow,
  readTail,
  type ScannedEvents,
  scanEvents,
  scanPage,
} from './event-scan.js';

allowTestEvents('scan.hit', 'scan.miss', 'scan.late');

const ev = (type: string, n: number): NewEvent => ({ type, subject: `s:${n}`, payload: { n } });

/** Every page of a filtered read from `from`, as scanEvents hands them out. */
async function allPages(
  read: (after: Cursor) => Promise<ScannedEvents>,
  from: Cursor,
): Promise<ScannedEvents[]> {
  const pages: ScannedEvents[] = [];
  for (let after = from; pages.length < 50; ) {
    const page = await read(after);
    pages.push(page);
    if (!page.more) break;
    after = page.scannedTo;
  }
  return pages;
}

describeEachDatabase('filtered reads of the log (scanEvents)', [], (t) => {
  it('walks at most scanRows events per read and continues where the walk stopped', async () => {
    const start = await headNow(t.database.db);
    const list = [
      ...[1, 2, 3, 4, 5].map((n) => ev('scan.miss', n)),
      ev('scan.hit', 6),
      ...[7, 8, 9, 10, 11].map((n) => ev('scan.miss', n)),
      ev('scan.hit', 12),
    ];
    await inTransaction(t.ctx(), (tx) => appendEvents(tx, list));
    const read = (after: Cursor) =>
      scanEvents(t.database.db, { after, types: ['scan.hit'], limit: 2, scanRows: 4, serialized: true });
    const first = await read(start);
    // Four misses walked, none returned: the next read starts past them.
    expect(first.events).toEqual([]);
    expect(first.more).toBe(true);
    expect(first.scannedTo.position).toBeGreaterThan(start.position);
    const pages = await allPages(read, start);
    expect(pages.flatMap((p) => p.events.map((e) => e.payload.n))).toEqual([6, 12]);
    // 12 events in walks of 4, then an empty walk at the head.
    expect(pages.length).toBe(4);
    const head = await headNow(t.database.db);
    expect(pages.at(-1)!.scannedTo).toEqual(head);
  });

  it('a page walks on to the head until it is full, so a short page means the reader is at the head', async () => {
    const start = await headNow(t.database.db);
    const list = [
      ...Array.from({ length: 9 }, (_, i) => ev('scan.miss', i)),
      ev('scan.hit', 9),
      ev('scan.miss', 10),
    ];
    await inTransaction(t.ctx(), (tx) => appendEvents(tx, list));
    const page = await scanPage(t.database.db, {
      after: start,
      types: ['scan.hit'],
      limit: 2,
      scanRows: 3,
      serialized: true,
    });
    expect(page.events.map((e) => e.payload.n)).toEqual([9]);
    expect(page.scannedTo).toEqual(await headNow(t.database.db));
  });

  it('stops at the limit of matches, with the last match as where to continue', async () => {
    const start = await headNow(t.database.db);
    await inTransaction(t.ctx(), (tx) =>
      appendEvents(tx, [ev('scan.hit', 1), ev('scan.miss', 2), ev('scan.hit', 3), ev('scan.hit', 4)]),
    );
    const hits = await scanEvents(t.database.db, {
      after: start,
      types: ['scan.hit'],
      limit: 2,
      serialized: true,
    });
    expect(hits.events.map((e) => e.payload.n)).toEqual([1, 3]);
    expect(hits.more).toBe(true);
    expect(hits.scannedTo).toEqual({ txId: hits.events[1]!.txId, position: hits.events[1]!.position });
  });
});

describeEachDatabase('filtered reads and late commits', [], (t) => {
  it('never walks past an event whose transaction commits late', async () => {
    if (t.kind === 'pglite') {
      // One connection: transactions are serialized, so there is no late commit to walk past.
      expect(t.database.kind).toBe('pglite');
      return;
    }
    const start = await headNow(t.database.db);
    const release = deferred();
    const written = deferred();
    const late = inTransaction(t.ctx(), async (tx) => {
      await tx.db.execute(eventsInsertFragment(tx, [ev('scan.late', 1)]).query);
      written.resolve();
      await release.promise;
    });
    await written.promise;
    await inTransaction(t.ctx(), (tx) => appendEvents(tx, [ev('scan.miss', 2), ev('scan.miss', 3)]));
    const read = (after: Cursor) => scanEvents(t.database.db, { after, types: ['scan.late'], limit: 10 });
    const early = await read(start);
    expect(early.events).toEqual([]);
    release.resolve();
    await late;
    // Read on from where the early read stopped: the late event is still ahead of it.
    const pages = await readUntil(
      () => allPages(read, early.scannedTo),
      (p) => p.some((page) => page.events.length > 0),
    );
    expect(pages.flatMap((p) => p.events.map((e) => e.payload.n))).toEqual([1]);
  });
});

describeEachDatabase('the newest events of the log (readTail)', [], (t) => {
  // readTail right after the test's own commit, read again until it has the `n` events it expects
  // from the head (see readUntil): each of its steps reads under the horizon.
  const tailOf = async (opts: Parameters<typeof readTail>[1], n: number) => {
    const head = await newestCommitted(t.database.db);
    return readUntil(
      () => readTail(t.database.db, opts),
      (r) => reached(r.head, head) && r.events.length >= n,
    );
  };

  it('walks back from the head in bounded steps and returns the newest matches in log order', async () => {
    const list = [
      ev('scan.hit', 1),
      ...[2, 3, 4, 5, 6].map((n) => ev('scan.miss', n)),
      ev('scan.hit', 7),
      ...[8, 9, 10, 11].map((n) => ev('scan.miss', n)),
      ev('scan.hit', 12),
      ev('scan.miss', 13),
    ];
    await inTransaction(t.ctx(), (tx) => appendEvents(tx, list));
    const head = await headNow(t.database.db);
    // Walks of 4: [13..10] holds 12, [9..6] holds 7, [5..2] none, [1..] holds 1.
    const two = await tailOf({ types: ['scan.hit'], limit: 2, scanRows: 4 }, 2);
    expect(two.events.map((e) => e.payload.n)).toEqual([7, 12]);
    expect(two.head).toEqual(head);
    const all = await tailOf({ types: ['scan.hit'], limit: 10, scanRows: 4 }, 3);
    expect(all.events.map((e) => e.payload.n)).toEqual([1, 7, 12]);
    // The walk is bounded: 8 events back from the head reach 12 and 7, not 1.
    const bounded = await tailOf({ types: ['scan.hit'], limit: 10, scanRows: 4, walkRows: 8 }, 2);
    expect(bounded.events.map((e) => e.payload.n)).toEqual([7, 12]);
    // Without a filter: the newest events of any type.
    const newest = await tailOf({ limit: 3 }, 3);
    expect(newest.events.map((e) => e.payload.n)).toEqual([11, 12, 13]);
    expect(newest.head).toEqual(head);
  });

  it('does not read past a running transaction: its head is where a follower can safely go on from', async () => {
    if (t.kind === 'pglite') {
      // One connection: transactions are serialized, so there is no late commit to read past.
      expect(t.database.kind).toBe('pglite');
      return;
    }
    await inTransaction(t.ctx(), (tx) => appendEvents(tx, [ev('scan.hit', 20)]));
    const before = await headNow(t.database.db);
    // Nothing of this database runs now: ids below this one can only be other databases' (the test
    // files share a server), so none of those can hold the tail back below `before`.
    const endedBelow = await awaitEarlierTransactions(t.database.db);
    const release = deferred();
    const written = deferred();
    const late = inTransaction(t.ctx(), async (tx) => {
      await tx.db.execute(eventsInsertFragment(tx, [ev('scan.late', 21)]).query);
      written.resolve();
      await release.promise;
    });
    await written.promise;
    await inTransaction(t.ctx(), (tx) => appendEvents(tx, [ev('scan.hit', 22)]));
    const tail = await readTail(t.database.db, { limit: 5, ...(endedBelow ? { endedBelow } : {}) });
    expect(tail.events.map((e) => e.payload.n)).not.toContain(22);
    expect(tail.head).toEqual(before);
    release.resolve();
    await late;
    const after = await tailOf({ limit: 3 }, 3);
    expect(after.events.map((e) => e.payload.n)).toEqual([20, 21, 22]);
  });
});
