// The one-statement way of a reservation batch: decided on the numbers the previous batch left,
// written only if they are still the database's; otherwise nothing is written and the locking way
// decides again (split order, partial fills, idempotency replays stay right).
import { sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { ManualClock } from '../../kernel/index.js';
import { inTransaction } from '../../platform/context.js';
import { rows } from '../../platform/db/database.js';
import { appendEvent } from '../../platform/events/event-log.js';
import { countedDb } from '../../platform/testing/counted-db.js';
import { readWrittenEvents } from '../../platform/testing/read-written-events.js';
import { describeEachDatabase } from '../../platform/testing/test-databases.js';
import { allowTestEvents } from '../../platform/testing/test-events.js';
import { createInventoryService, inventoryMigrations } from './index.js';
import { reserveBatchIfUnchanged } from './reservation-batch.js';
import { loadBatchState } from './reservation-batch.repository.js';
import type { ReserveRequest } from './reservation-decision.js';
import { isStaleBatch } from './reservation-write.repository.js';

// The made-up event types these tests append (the log checks every type against a schema).
allowTestEvents('test.before_reserve');

describeEachDatabase('reservation batches on known numbers', [inventoryMigrations], (t) => {
  const inventory = createInventoryService();
  const clock = new ManualClock('2026-05-01T09:00:00Z');
  let wh: string;
  let store: string;

  beforeAll(async () => {
    const ctx = t.ctx({ clock });
    wh = (await inventory.createLocation(ctx, { code: 'b-wh', name: 'wh', type: 'warehouse' })).id;
    store = (await inventory.createLocation(ctx, { code: 'b-st', name: 'store', type: 'store' })).id;
    await inventory.setSourcing(ctx, 'chn_b_web', { locationIds: ['b-wh', 'b-st'] });
    await inventory.setSourcing(ctx, 'chn_b_app', { locationIds: ['b-wh', 'b-st'] });
  });

  const request = (sku: string, quantity: number, extra: Partial<ReserveRequest> = {}): ReserveRequest => ({
    sku,
    quantity,
    kind: 'cart_hold',
    channelId: 'chn_b_web',
    idempotencyKey: null,
    location: null,
    ttlSeconds: null,
    reference: null,
    allowPartial: false,
    actorId: 'key_test',
    requestId: 'req_test',
    ...extra,
  });

  const counts = async (sku: string) => {
    const [r] = await rows<{ reservations: number; movements: number; events: number }>(
      t.database.db,
      sql`select (select count(*) from inventory_reservations where sku = ${sku})::int as reservations,
                 (select count(*) from inventory_movements where sku = ${sku})::int as movements,
                 (select count(*) from events where subject = ${`sku:${sku}`})::int as events`,
    );
    return r!;
  };

  it('writes a batch decided on unchanged numbers in one statement, and nothing when they changed', async () => {
    const ctx = t.ctx({ clock });
    await inventory.setOnHand(ctx, { sku: 'CAS', locationCode: 'b-wh', quantity: 4 });
    const known = await loadBatchState(t.database.db, 'CAS', ['chn_b_web'], []);
    const run = await reserveBatchIfUnchanged(ctx, 'CAS', [request('CAS', 3)], ['chn_b_web'], known);
    expect(run?.after.locked).toEqual([{ locationId: wh, onHand: 4, reserved: 3 }]);
    const before = await counts('CAS');

    // The same numbers again: they are stale now (3 are reserved), so nothing may be written.
    const stale = await reserveBatchIfUnchanged(ctx, 'CAS', [request('CAS', 1)], ['chn_b_web'], known).then(
      () => null,
      (err: unknown) => err,
    );
    expect(isStaleBatch(stale)).toBe(true);
    expect(await counts('CAS')).toEqual(before);
    expect((await inventory.levelsOfSku(ctx, 'CAS')).map((l) => l.reserved)).toEqual([3]);

    // A reservation already made with a request's key makes the batch stale too (it is a replay).
    await inventory.reserve(ctx, { sku: 'CAS', quantity: 1, channelId: 'chn_b_web', idempotencyKey: 'k-1' });
    await inventory.adjust(ctx, { kind: 'receive', sku: 'CAS', location: 'b-wh', quantity: 5 });
    const current = await loadBatchState(t.database.db, 'CAS', ['chn_b_web'], []);
    const replayed = await reserveBatchIfUnchanged(
      ctx,
      'CAS',
      [request('CAS', 1), request('CAS', 1, { idempotencyKey: 'k-1' })],
      ['chn_b_web'],
      current,
    ).then(
      () => null,
      (err: unknown) => err,
    );
    expect(isStaleBatch(replayed)).toBe(true);
    expect((await inventory.levelsOfSku(ctx, 'CAS')).map((l) => l.reserved)).toEqual([4]);

    // Nothing to write (all refused on the known numbers): left to the locking way, nothing written.
    const refused = await reserveBatchIfUnchanged(ctx, 'CAS', [request('CAS', 6)], ['chn_b_web'], current);
    expect(refused).toBeUndefined();
    expect((await counts('CAS')).reservations).toBe(2);
  });

  it('goes the locking way when another writer changed the numbers, and splits on the fresh ones', async () => {
    const ctx = t.ctx({ clock });
    await inventory.setOnHand(ctx, { sku: 'MOVED', locationCode: 'b-wh', quantity: 2 });
    await inventory.setOnHand(ctx, { sku: 'MOVED', locationCode: 'b-st', quantity: 5 });
    const reserve = (quantity: number, extra: Record<string, unknown> = {}) =>
      inventory.reserve(ctx, { sku: 'MOVED', quantity, channelId: 'chn_b_web', ...extra });
    const stats = inventory.batcher.stats;

    expect((await reserve(1)).ok).toBe(true); // locking way: nothing known yet
    const one = stats.oneStatement;
    const second = await reserve(1);
    expect(second.ok && second.value.reservation.lines).toEqual([{ locationId: wh, quantity: 1 }]);
    expect(stats.oneStatement).toBe(one + 1);

    // The warehouse receives 4 behind the batcher's back: on the known numbers it is empty and 3
    // would come from the store; on the database's, all 3 come from the warehouse.
    await inventory.adjust(ctx, { kind: 'receive', sku: 'MOVED', location: 'b-wh', quantity: 4 });
    const stale = stats.stale;
    const third = await reserve(3);
    expect(third.ok && third.value.reservation.lines).toEqual([{ locationId: wh, quantity: 3 }]);
    expect(stats.stale).toBe(stale + 1);

    // Partial fill across both locations (1 left in the warehouse, 5 in the store).
    const partial = await reserve(9, { allowPartial: true });
    expect(partial.ok && partial.value.reservation.quantity).toBe(6);
    expect(partial.ok && partial.value.reservation.lines).toEqual([
      { locationId: wh, quantity: 1 },
      { locationId: store, quantity: 5 },
    ]);
    expect(await reserve(1)).toMatchObject({ ok: false, reason: 'insufficient_stock', available: 0 });
    const levels = await inventory.levelsOfSku(ctx, 'MOVED');
    expect(levels.map((l) => [l.onHand, l.reserved])).toEqual(
      expect.arrayContaining([
        [6, 6],
        [5, 5],
      ]),
    );
  });

  it('replays idempotency keys inside one batch and across batches, whichever way the batch goes', async () => {
    const ctx = t.ctx({ clock });
    await inventory.setOnHand(ctx, { sku: 'KEYS', locationCode: 'b-wh', quantity: 10 });
    const reserve = (key: string, channelId = 'chn_b_web') =>
      inventory.reserve(ctx, { sku: 'KEYS', quantity: 2, channelId, idempotencyKey: key });
    const first = await reserve('a');
    await reserve('b'); // leaves known numbers behind
    // One batch: the same key twice (one reservation), a key already used (replay), a new key, and
    // the same key from another channel (its own reservation).
    const batch = await Promise.all([
      reserve('c'),
      reserve('c'),
      reserve('a'),
      reserve('d'),
      reserve('c', 'chn_b_app'),
    ]);
    const ids = batch.map((r) => (r.ok ? r.value.reservation.id : null));
    expect(ids[0]).toBe(ids[1]);
    expect(ids[2]).toBe(first.ok && first.value.reservation.id);
    expect(new Set(ids).size).toBe(4);
    expect(batch.map((r) => r.ok && r.value.replayed)).toEqual([false, true, true, false, false]);
    const levels = await inventory.levelsOfSku(ctx, 'KEYS');
    expect(levels.map((l) => l.reserved)).toEqual([10]);
    expect((await counts('KEYS')).reservations).toBe(5);
  });

  it('reserves several SKUs in a transaction with two statements, each SKU decided on its own numbers', async () => {
    const ctx = t.ctx({ clock });
    await inventory.setOnHand(ctx, { sku: 'MANY-A', locationCode: 'b-wh', quantity: 3 });
    await inventory.setOnHand(ctx, { sku: 'MANY-B', locationCode: 'b-wh', quantity: 1 });
    await inventory.setOnHand(ctx, { sku: 'MANY-B', locationCode: 'b-st', quantity: 2 });
    await inventory.setOnHand(ctx, { sku: 'MANY-C', locationCode: 'b-st', quantity: 1 });
    const input = (sku: string, quantity: number, key: string) => ({
      input: {
        sku,
        quantity,
        channelId: 'chn_b_web',
        kind: 'order_allocation' as const,
        idempotencyKey: key,
      },
    });
    const inputs = [
      input('MANY-C', 1, 'c1'),
      input('MANY-A', 2, 'a1'),
      input('MANY-B', 3, 'b1'), // split over both locations
      input('MANY-A', 2, 'a2'), // 1 left after a1: refused, the others stand
      input('MANY-C', 1, 'c1'), // the same key: the same reservation
    ];
    let statements = 0;
    const results = await inTransaction(ctx, async (tx) => {
      const counted = countedDb(tx.db);
      const r = await inventory.reserveMany({ ...tx, db: counted.db }, inputs);
      statements = counted.count();
      return r;
    });
    expect(statements).toBe(2);
    const ok = results.map((r) => !(r instanceof Error) && r.ok);
    expect(ok).toEqual([true, true, true, false, true]);
    const id = (i: number) => {
      const r = results[i]!;
      return !(r instanceof Error) && r.ok ? r.value.reservation : undefined;
    };
    expect(id(4)?.id).toBe(id(0)?.id);
    expect(id(2)?.lines).toEqual([
      { locationId: wh, quantity: 1 },
      { locationId: store, quantity: 2 },
    ]);
    expect(results[3]).toMatchObject({ ok: false, reason: 'insufficient_stock', available: 1 });
    const reserved = async (sku: string) => (await inventory.levelsOfSku(ctx, sku)).map((l) => l.reserved);
    expect(await reserved('MANY-A')).toEqual([2]);
    expect((await reserved('MANY-B')).sort()).toEqual([1, 2]);
    expect(await reserved('MANY-C')).toEqual([1]);
    // Ledger and events per SKU, as one SKU at a time would write them.
    expect(await counts('MANY-A')).toMatchObject({ reservations: 1, movements: 2 });
    expect(await counts('MANY-B')).toMatchObject({ reservations: 1, movements: 4 });
    expect(await counts('MANY-C')).toMatchObject({ reservations: 1, movements: 2 });

    // Again with the same keys: every granted one is a replay, nothing is reserved twice.
    const again = await inTransaction(ctx, (tx) => inventory.reserveMany(tx, inputs));
    expect(again.map((r) => !(r instanceof Error) && r.ok && r.value.replayed)).toEqual([
      true,
      true,
      true,
      false,
      true,
    ]);
    expect(await reserved('MANY-A')).toEqual([2]);
    expect((await counts('MANY-B')).reservations).toBe(1);
  });

  it('writes its events after those its caller’s transaction appended first', async () => {
    const ctx = t.ctx({ clock });
    await inventory.setOnHand(ctx, { sku: 'IN-TX', locationCode: 'b-wh', quantity: 2 });
    await inTransaction(ctx, async (tx) => {
      await appendEvent(tx, { type: 'test.before_reserve', subject: 'sku:IN-TX', payload: {} });
      expect((await inventory.reserve(tx, { sku: 'IN-TX', quantity: 1, channelId: 'chn_b_web' })).ok).toBe(
        true,
      );
    });
    const types = (await readWrittenEvents(t.database.db, { subject: 'sku:IN-TX', limit: 1000 })).map(
      (e) => e.type,
    );
    expect(types.slice(-3)).toEqual(['test.before_reserve', 'inventory.reserved', 'inventory.stock_changed']);
  });
});
