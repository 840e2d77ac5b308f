// Many parallel reservations of one SKU, from several channels and from two "hub processes" (two
// connection pools, two group-commit queues): exactly as many succeed as there are units.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { systemClock } from '../../kernel/index.js';
import { createContext } from '../../platform/context.js';
import { type Database, openDatabase } from '../../platform/db/database.js';
import { describeEachDatabase, testLog } from '../../platform/testing/test-databases.js';
import { createInventoryService, inventoryMigrations } from './index.js';

describeEachDatabase('reservations under concurrency', [inventoryMigrations], (t) => {
  const CHANNELS = ['chn_c1', 'chn_c2', 'chn_c3', 'chn_c4'];
  let second: Database | undefined;

  beforeAll(async () => {
    const ctx = t.ctx({ clock: systemClock });
    const seed = createInventoryService();
    await seed.createLocation(ctx, { code: 'c-wh', name: 'wh', type: 'warehouse' });
    await seed.createLocation(ctx, { code: 'c-st', name: 'store', type: 'store' });
    for (const c of CHANNELS) await seed.setSourcing(ctx, c, { locationIds: ['c-wh', 'c-st'] });
    // A second process: its own pool (PostgreSQL only; PGlite is one connection in one process).
    if (t.url) second = await openDatabase({ databaseUrl: t.url, poolSize: 8 });
  });
  afterAll(async () => {
    await second?.close();
  });

  it('grants exactly the units that exist to hundreds of parallel requests', async () => {
    const ctx = t.ctx({ clock: systemClock });
    const processes = [t.database, ...(second ? [second] : [])].map((database) => ({
      inventory: createInventoryService({ batching: { maxBatch: 37 } }),
      ctx: createContext(database, { clock: systemClock, log: testLog }),
    }));
    const seed = processes[0]!.inventory;
    await seed.setOnHand(ctx, { sku: 'HOT', locationCode: 'c-wh', quantity: 90 });
    await seed.setOnHand(ctx, { sku: 'HOT', locationCode: 'c-st', quantity: 30 });

    const attempts = Array.from({ length: 400 }, (_, i) => {
      const p = processes[i % processes.length]!;
      return p.inventory.reserve(p.ctx, {
        sku: 'HOT',
        quantity: 1 + (i % 2),
        channelId: CHANNELS[i % CHANNELS.length],
        idempotencyKey: `attempt-${i}`,
      });
    });
    const results = await Promise.all(attempts);
    const granted = results.reduce((s, r) => s + (r.ok ? r.value.reservation.quantity : 0), 0);
    expect(granted).toBe(120);
    for (const r of results) if (!r.ok) expect(r.reason).toBe('insufficient_stock');
    const levels = await seed.levelsOfSku(ctx, 'HOT');
    expect(levels.map((l) => [l.onHand, l.reserved])).toEqual(
      expect.arrayContaining([
        [90, 90],
        [30, 30],
      ]),
    );
    // Retrying every request with its key changes nothing and returns the same reservations.
    const retried = await Promise.all(
      results.map((r, i) =>
        r.ok
          ? seed.reserve(ctx, {
              sku: 'HOT',
              quantity: 1 + (i % 2),
              channelId: CHANNELS[i % CHANNELS.length],
              idempotencyKey: `attempt-${i}`,
            })
          : null,
      ),
    );
    retried.forEach((r, i) => {
      const original = results[i]!;
      if (r && original.ok) expect(r.ok && r.value.reservation.id).toBe(original.value.reservation.id);
    });
    expect((await seed.levelsOfSku(ctx, 'HOT')).reduce((s, l) => s + l.reserved, 0)).toBe(120);
  });
});
