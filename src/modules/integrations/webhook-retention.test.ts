import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { ManualClock } from '../../kernel/index.js';
import { rows } from '../../platform/db/database.js';
import { describeEachDatabase } from '../../platform/testing/test-databases.js';
import { integrationsMigrations } from './index.js';
import { deleteDeliveredWebhooks } from './webhook-retention.js';

const DAY = 86_400_000;

describeEachDatabase('delivered webhook retention', [integrationsMigrations], (t) => {
  const clock = new ManualClock('2026-06-01T00:00:00Z');
  const ctx = () => t.ctx({ clock });
  let n = 0;

  /** A delivery row created `ageDays` ago (by the test clock), delivered `deliveredDaysAgo` ago. */
  async function delivery(endpointId: string, status: string, ageDays: number, deliveredDaysAgo?: number) {
    const id = `msg_${endpointId}_${++n}`;
    const at = (days: number) => new Date(clock.now().getTime() - days * DAY).toISOString();
    await t.database.db.execute(
      sql`insert into webhook_deliveries (id, endpoint_id, event_id, event_type, subject, event_occurred_at, body,
            content_type, status, next_attempt_at, created_at, delivered_at)
          values (${id}, ${endpointId}, ${`evt_${n}`}, 'test.happened', 's', ${at(ageDays)}, '{}', 'application/json',
            ${status}, ${at(ageDays)}, ${at(ageDays)}, ${deliveredDaysAgo === undefined ? null : at(deliveredDaysAgo)})`,
    );
    return id;
  }
  const remaining = async () =>
    (await rows<{ id: string }>(t.database.db, sql`select id from webhook_deliveries order by id`)).map(
      (r) => r.id,
    );

  it('deletes delivered rows past the retention in batches, and nothing pending, queued, in flight or dead', async () => {
    const endpoints = ['whe_a', 'whe_b'];
    for (const id of endpoints) {
      await t.database.db.execute(
        sql`insert into webhook_endpoints (id, url, types, secret, created_at, updated_at)
            values (${id}, 'https://example.com/hook', '{}', 'whsec_x', ${clock.now().toISOString()}, ${clock.now().toISOString()})`,
      );
    }
    const old: string[] = [];
    for (const e of endpoints)
      for (let i = 0; i < 5; i++) old.push(await delivery(e, 'delivered', 20 - i, 19 - i));
    const kept = [
      await delivery('whe_a', 'dead', 30),
      await delivery('whe_a', 'pending', 30),
      await delivery('whe_a', 'queued', 30),
      await delivery('whe_a', 'delivering', 30),
      await delivery('whe_b', 'delivered', 30, 2), // delivered late, after long retries: not yet due
      await delivery('whe_b', 'delivered', 3, 3),
    ];
    const recent = await delivery('whe_a', 'delivered', 1, 1);
    const deleted = await deleteDeliveredWebhooks(ctx(), { retentionMs: 7 * DAY, batchSize: 2 });
    expect(deleted).toBe(old.length);
    expect(await remaining()).toEqual([...kept, recent].sort());

    // Time passes: the late one and the recent ones are past the retention too; the others stay.
    clock.advance(6.5 * DAY);
    expect(await deleteDeliveredWebhooks(ctx(), { retentionMs: 7 * DAY, batchSize: 2 })).toBe(3);
    expect(await remaining()).toEqual(kept.slice(0, 4).sort());
  });

  it('a run stops after maxBatches and the next one goes on', async () => {
    await t.database.db.execute(sql`delete from webhook_deliveries`);
    for (let i = 0; i < 6; i++) await delivery('whe_a', 'delivered', 30, 30);
    expect(await deleteDeliveredWebhooks(ctx(), { retentionMs: DAY, batchSize: 2, maxBatches: 2 })).toBe(4);
    expect(await deleteDeliveredWebhooks(ctx(), { retentionMs: DAY, batchSize: 2, maxBatches: 2 })).toBe(2);
    expect(await remaining()).toEqual([]);
  });
});
