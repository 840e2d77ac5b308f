import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { ManualClock } from '../../kernel/index.js';
import { rows } from '../../platform/db/database.js';
import { describeEachDatabase } from '../../platform/testing/test-databases.js';
import { clearExpiredInboundBodies } from './inbound-retention.js';
import { createInboundService, integrationsMigrations } from './index.js';

const DAY = 86_400_000;

describeEachDatabase('inbound raw body retention', [integrationsMigrations], (t) => {
  const clock = new ManualClock('2026-06-01T00:00:00Z');
  const ctx = () => t.ctx({ clock });
  let n = 0;

  /** A delivery received `ageDays` ago (by the test clock) with a body naming a buyer. */
  async function delivery(status: string, ageDays: number) {
    const id = `ind_${++n}`;
    const at = new Date(clock.now().getTime() - ageDays * DAY).toISOString();
    await t.database.db.execute(
      sql`insert into inbound_deliveries (id, connector_id, external_id, topic, headers, raw_body, status, received_at)
          values (${id}, 'inc_1', ${`ext-${n}`}, 'orders/create', '{"x-shopify-shop-domain":"shop"}'::jsonb,
                  '{"email":"buyer@example.com"}', ${status}, ${at})`,
    );
    return id;
  }
  const bodies = async () =>
    Object.fromEntries(
      (
        await rows<{ id: string; raw_body: string }>(
          t.database.db,
          sql`select id, raw_body from inbound_deliveries`,
        )
      ).map((r) => [r.id, r.raw_body]),
    );

  it('clears bodies and headers past the retention, keeps the rows, and leaves waiting deliveries alone', async () => {
    const old = [
      await delivery('processed', 40),
      await delivery('parked', 35),
      await delivery('rejected', 31),
    ];
    const waiting = await delivery('received', 40);
    const recent = await delivery('processed', 5);
    expect(await clearExpiredInboundBodies(ctx(), { retentionMs: 30 * DAY, batchSize: 2 })).toBe(3);
    const after = await bodies();
    for (const id of old) expect(after[id]).toBe('');
    expect(after[waiting]).toContain('buyer@example.com');
    expect(after[recent]).toContain('buyer@example.com');
    const headers = await rows<{ headers: unknown }>(
      t.database.db,
      sql`select headers from inbound_deliveries where id = ${old[0]!}`,
    );
    expect(headers[0]?.headers).toEqual({});
    // A second run finds nothing more; the rows (de-duplication, counts) are all still there.
    expect(await clearExpiredInboundBodies(ctx(), { retentionMs: 30 * DAY })).toBe(0);
    expect(Object.keys(after)).toHaveLength(5);
  });

  it('refuses to retry a parked delivery whose body is gone', async () => {
    const parked = await delivery('parked', 60);
    await clearExpiredInboundBodies(ctx(), { retentionMs: 30 * DAY });
    const inbound = createInboundService();
    await expect(inbound.retryParked(ctx(), parked)).rejects.toThrow(/retention/);
  });
});
