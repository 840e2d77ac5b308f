import { sql } from 'drizzle-orm';
import { beforeAll, expect, it, vi } from 'vitest';
import { ManualClock } from '../../kernel/index.js';
import { rows } from '../../platform/db/database.js';
import { readWrittenEvents } from '../../platform/testing/read-written-events.js';
import { describeEachDatabase } from '../../platform/testing/test-databases.js';
import { createInventoryService, inventoryMigrations, startExpirySweeper } from './index.js';

describeEachDatabase('inventory', [inventoryMigrations], (t) => {
  const inventory = createInventoryService();
  const clock = new ManualClock('2026-03-01T10:00:00Z');
  let warehouse: string;
  let store: string;

  beforeAll(async () => {
    const ctx = t.ctx({ clock });
    warehouse = (await inventory.createLocation(ctx, { code: 'wh', name: 'Warehouse', type: 'warehouse' }))
      .id;
    store = (
      await inventory.createLocation(ctx, {
        code: 'store-ams',
        name: 'Amsterdam',
        type: 'store',
        latitude: 52.37,
        longitude: 4.89,
        address: { city: 'Amsterdam', country: 'NL' },
      })
    ).id;
    await inventory.setSourcing(ctx, 'chn_web', { locationIds: ['wh', 'store-ams'] });
    await inventory.setSourcing(ctx, 'chn_market', { locationIds: [warehouse], safetyBuffer: 2 });
    await inventory.setSourcing(ctx, 'chn_till', { locationIds: [store] });
  });

  it('computes available-to-sell per channel in one query, with the safety buffer and never below zero', async () => {
    const ctx = t.ctx({ clock });
    await inventory.setOnHand(ctx, { sku: 'ATS-1', locationCode: 'wh', quantity: 5, reason: 'import' });
    await inventory.setOnHand(ctx, { sku: 'ATS-1', locationId: store, quantity: 3 });
    await inventory.setOnHand(ctx, { sku: 'ATS-2', locationCode: 'wh', quantity: 1 });
    const web = await inventory.availableToSell(ctx, 'chn_web', ['ATS-1', 'ATS-2', 'NOPE']);
    expect(Object.fromEntries(web)).toEqual({ 'ATS-1': 8, 'ATS-2': 1, NOPE: 0 });
    const market = await inventory.availableToSell(ctx, 'chn_market', ['ATS-1', 'ATS-2']);
    expect(Object.fromEntries(market)).toEqual({ 'ATS-1': 3, 'ATS-2': 0 });
    const till = await inventory.availableToSell(ctx, 'chn_till', ['ATS-1']);
    expect(till.get('ATS-1')).toBe(3);
  });

  it('splits a reservation across the channel’s locations in sourcing order, line by line', async () => {
    const ctx = t.ctx({ clock });
    await inventory.setOnHand(ctx, { sku: 'SPLIT', locationCode: 'wh', quantity: 2 });
    await inventory.setOnHand(ctx, { sku: 'SPLIT', locationCode: 'store-ams', quantity: 4 });
    const r = await inventory.reserve(ctx, { sku: 'SPLIT', quantity: 5, channelId: 'chn_web' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.reservation.lines).toEqual([
      { locationId: warehouse, quantity: 2 },
      { locationId: store, quantity: 3 },
    ]);
    expect(r.value.reservation.status).toBe('held');
    expect(r.value.reservation.expiresAt?.toISOString()).toBe('2026-03-01T10:15:00.000Z');
    const refused = await inventory.reserve(ctx, { sku: 'SPLIT', quantity: 2, channelId: 'chn_web' });
    expect(refused).toMatchObject({ ok: false, reason: 'insufficient_stock', requested: 2, available: 1 });
  });

  it('holds back the safety buffer from its channel only', async () => {
    const ctx = t.ctx({ clock });
    await inventory.setOnHand(ctx, { sku: 'BUF', locationCode: 'wh', quantity: 3 });
    const market = await inventory.reserve(ctx, { sku: 'BUF', quantity: 2, channelId: 'chn_market' });
    expect(market).toMatchObject({ ok: false, available: 1 });
    expect((await inventory.reserve(ctx, { sku: 'BUF', quantity: 1, channelId: 'chn_market' })).ok).toBe(
      true,
    );
    expect((await inventory.reserve(ctx, { sku: 'BUF', quantity: 2, channelId: 'chn_web' })).ok).toBe(true);
  });

  it('returns the same reservation for the same idempotency key and changes nothing', async () => {
    const ctx = t.ctx({ clock });
    await inventory.setOnHand(ctx, { sku: 'IDEM', locationCode: 'wh', quantity: 10 });
    const req = { sku: 'IDEM', quantity: 3, channelId: 'chn_web', idempotencyKey: 'cart-1' };
    const [a, b] = await Promise.all([inventory.reserve(ctx, req), inventory.reserve(ctx, req)]);
    const c = await inventory.reserve(ctx, req);
    if (!a.ok || !b.ok || !c.ok) throw new Error('expected reservations');
    expect(b.value.reservation.id).toBe(a.value.reservation.id);
    expect(c.value.reservation.id).toBe(a.value.reservation.id);
    expect(c.value.replayed).toBe(true);
    expect((await inventory.levelsOfSku(ctx, 'IDEM'))[0]).toMatchObject({ reserved: 3 });
    await expect(inventory.reserve(ctx, { ...req, sku: 'ATS-1' })).rejects.toMatchObject({
      code: 'idempotency_key_reused',
    });
  });

  it('releases once, allocates, fulfils and expires holds by the clock', async () => {
    const ctx = t.ctx({ clock });
    await inventory.setOnHand(ctx, { sku: 'LIFE', locationCode: 'wh', quantity: 10 });
    const reserve = async (kind: 'cart_hold' | 'pickup_hold' = 'cart_hold', ttlSeconds?: number) => {
      const r = await inventory.reserve(ctx, {
        sku: 'LIFE',
        quantity: 2,
        channelId: 'chn_market',
        kind,
        ttlSeconds,
      });
      if (!r.ok) throw new Error('expected a reservation');
      return r.value.reservation;
    };
    const level = async () => (await inventory.levelsOfSku(ctx, 'LIFE'))[0]!;
    const a = await reserve();
    const b = await reserve();
    const c = await reserve('cart_hold', 60);
    expect(await level()).toMatchObject({ onHand: 10, reserved: 6 });

    expect((await inventory.release(ctx, a.id)).changed).toBe(true);
    expect((await inventory.release(ctx, a.id)).changed).toBe(false);
    expect(await level()).toMatchObject({ reserved: 4 });

    const allocated = await inventory.allocate(ctx, b.id, 'ord_1');
    expect(allocated.reservation).toMatchObject({ status: 'allocated', expiresAt: null, reference: 'ord_1' });
    clock.advance(61_000);
    expect(await inventory.expireHolds(ctx)).toBe(1);
    expect(await inventory.expireHolds(ctx)).toBe(0);
    expect((await inventory.getReservation(ctx, c.id)).status).toBe('expired');
    expect((await inventory.release(ctx, c.id)).changed).toBe(false);
    await expect(inventory.allocate(ctx, c.id)).rejects.toMatchObject({
      code: 'reservation_transition_refused',
    });
    expect(await level()).toMatchObject({ onHand: 10, reserved: 2 });

    expect((await inventory.fulfil(ctx, b.id)).changed).toBe(true);
    expect((await inventory.fulfil(ctx, b.id)).changed).toBe(false);
    expect(await level()).toMatchObject({ onHand: 8, reserved: 0 });
  });

  it('adjusts and transfers as ledger entries, refusing to go below what is reserved', async () => {
    const ctx = t.ctx({ clock });
    const receive = await inventory.adjust(ctx, {
      kind: 'receive',
      sku: 'ADJ',
      location: 'wh',
      quantity: 5,
      reason: 'PO-1',
    });
    expect(receive.ok).toBe(true);
    await inventory.reserve(ctx, { sku: 'ADJ', quantity: 3, channelId: 'chn_market' });
    expect(
      await inventory.adjust(ctx, { kind: 'damage', sku: 'ADJ', location: 'wh', quantity: 3 }),
    ).toMatchObject({
      ok: false,
      available: 2,
    });
    expect((await inventory.adjust(ctx, { kind: 'sale', sku: 'ADJ', location: 'wh', quantity: 1 })).ok).toBe(
      true,
    );
    expect(
      await inventory.transfer(ctx, { sku: 'ADJ', from: 'wh', to: 'store-ams', quantity: 2 }),
    ).toMatchObject({
      ok: false,
      available: 1,
    });
    const moved = await inventory.transfer(ctx, { sku: 'ADJ', from: 'wh', to: 'store-ams', quantity: 1 });
    expect(moved.ok && moved.value.movements.map((m) => [m.kind, m.onHandDelta])).toEqual([
      ['transfer_out', -1],
      ['transfer_in', 1],
    ]);
    await expect(
      inventory.setOnHand(ctx, { sku: 'ADJ', locationCode: 'wh', quantity: 2 }),
    ).rejects.toMatchObject({
      code: 'insufficient_stock',
    });
    await expect(
      inventory.setOnHand(ctx, { sku: 'ADJ', locationCode: 'nowhere', quantity: 2 }),
    ).rejects.toMatchObject({
      code: 'not_found',
    });
    const movements = await inventory.movements(ctx, { sku: 'ADJ', limit: 100 });
    expect(movements.map((m) => m.kind)).toEqual([
      'receive',
      'reserve',
      'sale',
      'transfer_out',
      'transfer_in',
    ]);
    expect(movements.find((m) => m.kind === 'receive')).toMatchObject({ reason: 'PO-1', actor: 'system' });
  });

  it('emits stock_changed with the new available-to-sell of every affected channel, in the same transaction', async () => {
    const ctx = t.ctx({ clock });
    await inventory.setOnHand(ctx, { sku: 'EVT', locationCode: 'store-ams', quantity: 4 });
    const events = await readWrittenEvents(ctx.db, {
      types: ['inventory.stock_changed'],
      subject: 'sku:EVT',
    });
    expect(events).toHaveLength(1);
    const channels = (
      events[0]!.payload as { channels: Array<{ channelId: string; availableToSell: number }> }
    ).channels;
    expect(channels).toEqual([
      { channelId: 'chn_till', availableToSell: 4 },
      { channelId: 'chn_web', availableToSell: 4 },
    ]);
  });

  it('writes a sale on an existing level in one statement with the same events and result as the locking way', async () => {
    const ctx = t.ctx({ clock });
    await inventory.setOnHand(ctx, { sku: 'QUICK', locationCode: 'wh', quantity: 9 });
    await inventory.setOnHand(ctx, { sku: 'QUICK', locationCode: 'store-ams', quantity: 2 });
    await inventory.reserve(ctx, { sku: 'QUICK', quantity: 1, channelId: 'chn_market' });
    const seen = await readWrittenEvents(ctx.db, { subject: 'sku:QUICK', limit: 1000 });
    const statements = vi.spyOn(ctx.db, 'execute');
    // by location code: the statement resolves it
    const sale = await inventory.adjust(ctx, { kind: 'sale', sku: 'QUICK', location: 'wh', quantity: 3 });
    const sqlCalls = statements.mock.calls.length;
    statements.mockRestore();
    expect(sqlCalls).toBe(1);
    expect(sale.ok).toBe(true);
    if (!sale.ok) return;
    const level = { sku: 'QUICK', locationId: warehouse, onHand: 6, reserved: 1, available: 5 };
    expect(sale.value.levels).toEqual([level]);
    expect(sale.value.movements).toEqual([
      expect.objectContaining({
        sku: 'QUICK',
        locationId: warehouse,
        kind: 'sale',
        onHandDelta: -3,
        reservedDelta: 0,
        reason: null,
        actor: ctx.actor.id,
        adjustmentId: sale.value.adjustmentId,
      }),
    ]);
    const events = (await readWrittenEvents(ctx.db, { subject: 'sku:QUICK', limit: 1000 })).slice(
      seen.length,
    );
    expect(events.map((e) => [e.type, e.channelId, e.actor])).toEqual([
      ['inventory.adjusted', null, ctx.actor.id],
      ['inventory.stock_changed', null, ctx.actor.id],
    ]);
    expect(events[0]!.payload).toEqual({
      adjustmentId: sale.value.adjustmentId,
      movements: [
        {
          sku: 'QUICK',
          locationId: warehouse,
          kind: 'sale',
          onHandDelta: -3,
          reservedDelta: 0,
          reason: null,
          reservationId: null,
          adjustmentId: sale.value.adjustmentId,
        },
      ],
    });
    // web: 5 at the warehouse + 2 at the store; market: 5 − buffer 2; the till's store did not change
    expect(events[1]!.payload).toEqual({
      sku: 'QUICK',
      cause: 'sale',
      levels: [level],
      channels: [
        { channelId: 'chn_market', availableToSell: 3 },
        { channelId: 'chn_web', availableToSell: 7 },
      ],
    });
    // The locking way (a count) writes the same shapes.
    await inventory.setOnHand(ctx, { sku: 'QUICK', locationCode: 'wh', quantity: 7 });
    const counted = (await readWrittenEvents(ctx.db, { subject: 'sku:QUICK', limit: 1000 })).slice(-1)[0]!;
    expect(counted.payload).toEqual({
      sku: 'QUICK',
      cause: 'count',
      levels: [{ ...level, onHand: 7, available: 6 }],
      channels: [
        { channelId: 'chn_market', availableToSell: 4 },
        { channelId: 'chn_web', availableToSell: 8 },
      ],
    });
    // More than is available: nothing written by the statement, the typed refusal from the locking way.
    const refused = await inventory.adjust(ctx, { kind: 'sale', sku: 'QUICK', location: 'wh', quantity: 7 });
    expect(refused).toMatchObject({ ok: false, reason: 'insufficient_stock', available: 6 });
  });

  it('puts the new available-to-sell of every affected channel on the reservation batch’s stock_changed', async () => {
    const ctx = t.ctx({ clock });
    await inventory.setOnHand(ctx, { sku: 'EVT2', locationCode: 'wh', quantity: 6 });
    await inventory.setOnHand(ctx, { sku: 'EVT2', locationCode: 'store-ams', quantity: 1 });
    await Promise.all([
      inventory.reserve(ctx, { sku: 'EVT2', quantity: 2, channelId: 'chn_market' }),
      inventory.reserve(ctx, { sku: 'EVT2', quantity: 1, channelId: 'chn_market' }),
    ]);
    const events = await readWrittenEvents(ctx.db, {
      subject: 'sku:EVT2',
      types: ['inventory.stock_changed'],
    });
    const last = events[events.length - 1]!.payload as { channels: unknown[]; cause: string };
    expect(last.cause).toBe('reservation');
    // The till sells from the store only, which did not change: it is not affected.
    expect(last.channels).toEqual([
      { channelId: 'chn_market', availableToSell: 1 },
      { channelId: 'chn_web', availableToSell: 4 },
    ]);
    expect(Object.fromEntries(await inventory.availableToSell(ctx, 'chn_web', ['EVT2']))).toEqual({
      EVT2: 4,
    });
    const page = await inventory.channelAvailability(ctx, 'chn_till', { limit: 100 });
    expect(page).toContainEqual({ sku: 'EVT2', availableToSell: 1 });
  });

  it('releases expired holds in the background with the expiry sweeper', async () => {
    const sweeperClock = new ManualClock('2026-03-01T12:00:00Z');
    const ctx = t.ctx({ clock: sweeperClock });
    await inventory.setOnHand(ctx, { sku: 'SWEEP', locationCode: 'wh', quantity: 3 });
    const r = await inventory.reserve(ctx, {
      sku: 'SWEEP',
      quantity: 3,
      channelId: 'chn_web',
      ttlSeconds: 30,
    });
    if (!r.ok) throw new Error('expected a hold');
    const sweeper = startExpirySweeper({ ctx: () => ctx, expireHolds: inventory.expireHolds, intervalMs: 5 });
    try {
      sweeperClock.advance(31_000);
      await vi.waitFor(async () =>
        expect((await inventory.getReservation(ctx, r.value.reservation.id)).status).toBe('expired'),
      );
    } finally {
      await sweeper.stop();
    }
    expect((await inventory.levelsOfSku(ctx, 'SWEEP'))[0]).toMatchObject({ onHand: 3, reserved: 0 });
  });

  it('keeps the ledger equal to the levels', async () => {
    const ctx = t.ctx({ clock });
    const drift = await rows(
      ctx.db,
      sql`select l.sku, l.location_id from inventory_levels l
          left join (select sku, location_id, sum(on_hand_delta) as oh, sum(reserved_delta) as r
                     from inventory_movements group by sku, location_id) m using (sku, location_id)
          where l.on_hand <> coalesce(m.oh, 0) or l.reserved <> coalesce(m.r, 0)`,
    );
    expect(drift).toEqual([]);
  });
});
