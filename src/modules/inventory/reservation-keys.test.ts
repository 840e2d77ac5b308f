// A batch's idempotency keys are looked up one index probe per key. Written as a join, the planner
// merged the sorted keys with the idempotency index instead once its statistics said the keys were
// rare (a table of reservations made without keys, then analyzed): each batch then walked every keyed
// reservation made since, a cost that grew with the table (inventory-hot-sku at 10× its data).
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { rows } from '../../platform/db/database.js';
import { describeEachDatabase } from '../../platform/testing/test-databases.js';
import { inventoryMigrations } from './index.js';
import { reservationsWithKeys } from './reservation-batch.repository.js';

const insertReservations = (from: number, to: number, keyed: boolean) =>
  sql`insert into inventory_reservations (id, kind, status, channel_id, sku, quantity, lines, idempotency_key,
        created_by, created_at, updated_at)
      select 'res_k' || i, 'cart_hold', 'released', 'chn_k', 'SKU-K', 1, '[]'::jsonb,
        ${keyed ? sql`'key-' || lpad(i::text, 6, '0')` : sql`null`}, 'test', now(), now()
      from generate_series(${from}::int, ${to}::int) i`;

interface PlanNode {
  'Node Type': string;
  'Shared Hit Blocks'?: number;
  Plans?: PlanNode[];
}
const nodeTypes = (n: PlanNode): string[] => [n['Node Type'], ...(n.Plans ?? []).flatMap(nodeTypes)];

describeEachDatabase('reservations by idempotency key', [inventoryMigrations], (t) => {
  it('finds the keyed reservations with one probe per key, however many there are', async () => {
    const db = t.database.db;
    await db.execute(insertReservations(1, 20_000, false));
    await db.execute(sql`analyze inventory_reservations`);
    await db.execute(insertReservations(20_001, 30_000, true));
    // Two keys that exist and 98 that sort after every key in the index.
    const keys = [
      { channelId: 'chn_k', key: 'key-020001' },
      { channelId: 'chn_k', key: 'key-029999' },
      ...Array.from({ length: 98 }, (_, i) => ({
        channelId: 'chn_k',
        key: `key-9${String(i).padStart(5, '0')}`,
      })),
    ];
    const found = await rows<{ id: string }>(db, sql`${reservationsWithKeys(keys)} order by r.id`);
    expect(found.map((r) => r.id)).toEqual(['res_k20001', 'res_k29999']);

    const [explained] = await rows<{ 'QUERY PLAN': unknown }>(
      db,
      sql`explain (analyze, buffers, format json) select count(*) from (${reservationsWithKeys(keys)}) x`,
    );
    const raw = explained!['QUERY PLAN'];
    const plan = (typeof raw === 'string' ? JSON.parse(raw) : raw) as Array<{ Plan: PlanNode }>;
    expect(nodeTypes(plan[0]!.Plan)).not.toContain('Merge Join');
    // A probe is a few pages of the index (and the row when found): far below the 10,000 keyed rows.
    expect(plan[0]!.Plan['Shared Hit Blocks']).toBeLessThan(1_000);
  });
});
