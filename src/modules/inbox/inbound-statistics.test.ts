// Planner statistics of the inbox tables as inbound volume grows: until analyzed, the planner takes
// `merged_into is null` for rare and read every conversation per batch (through the partial index on
// it). The inbound service analyzes them once it has stored 1,000 messages (then 10,000, ...).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { rows } from '../../platform/db/database.js';
import { describeEachDatabase } from '../../platform/testing/test-databases.js';
import { createInboxService, inboxMigrations } from './index.js';

describeEachDatabase('inbox planner statistics', [inboxMigrations], (t) => {
  const inbox = createInboxService({ attachmentsDir: mkdtempSync(join(tmpdir(), 'inbox-stats-')) });

  it('are refreshed once 1,000 inbound messages were stored', async () => {
    const ctx = t.ctx();
    for (let b = 0; b < 5; b++)
      await inbox.recordInboundBatch(
        ctx,
        Array.from({ length: 200 }, (_, i) => ({
          channelKind: 'sms' as const,
          externalId: `SM-${b}-${i}`,
          customerId: `cus_${b}_${i}`,
          address: `+4670${b}${i}`,
          text: 'hello',
          occurredAt: ctx.clock.now(),
        })),
      );
    // The ANALYZE runs beside the batch that crossed the mark: wait for it.
    const tuples = async () =>
      (
        await rows<{ n: number }>(
          ctx.db,
          sql`select reltuples::float8 as n from pg_class where relname = 'inbox_conversations'`,
        )
      )[0]!.n;
    for (let i = 0; i < 100 && (await tuples()) < 900; i++) await new Promise((r) => setTimeout(r, 50));
    expect(await tuples()).toBeGreaterThanOrEqual(900);
  });
});
