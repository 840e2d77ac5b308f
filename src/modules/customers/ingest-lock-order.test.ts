// An ingest batch locks every existing profile it touches in id order before it writes any of them,
// whatever order its events name the people in and whatever order their rows lie in: two batches of
// the same people at once (a web and an app batch of one shopper) locked them in their own orders
// and deadlocked (PostgreSQL aborts one after a second; the batch is retried).
// PostgreSQL only: PGlite has one connection, so nothing there runs at once.
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { ManualClock } from '../../kernel/index.js';
import { rows } from '../../platform/db/database.js';
import { probeLockOrder } from '../../platform/testing/lock-order-probe.js';
import { describeEachDatabase } from '../../platform/testing/test-databases.js';
import { createCustomersService, customersMigrations, type IngestEventInput } from './index.js';

describeEachDatabase('customers: ingest locks profiles in id order', [customersMigrations], (t) => {
  const clock = new ManualClock('2026-03-01T00:00:00Z');
  const customers = createCustomersService();
  const ctx = () => t.ctx({ clock });
  const source = { id: 'src_locks', channelId: 'chn_web', sharedDevices: false };
  let n = 0;
  const viewed = (emailAddress: string): IngestEventInput => ({
    messageId: `lock-${++n}`,
    kind: 'track',
    name: 'Product Viewed',
    identifiers: [{ type: 'email', value: emailAddress, trust: 'verified' }],
    traits: {},
    properties: { n },
    context: {},
    occurredAt: new Date(Date.UTC(2026, 1, 1, 0, 0, n)),
    anonymousId: null,
    userId: null,
  });
  const profileOf = async (emailAddress: string) => {
    const r = (await customers.ingest(ctx(), source, [viewed(emailAddress)]))[0] as {
      status: string;
      profileId?: string;
    };
    expect(r.status).toBe('stored');
    return r.profileId!;
  };

  it.runIf(t.kind === 'postgres')(
    'takes the lower id before it waits for the higher one, with the higher named first',
    async () => {
      const people = [
        { email: 'ada@locks.test', id: await profileOf('ada@locks.test') },
        { email: 'bob@locks.test', id: await profileOf('bob@locks.test') },
      ].sort((a, b) => (a.id < b.id ? -1 : 1));
      const [low, high] = people as [(typeof people)[0], (typeof people)[0]];
      // Two versions of `low` that change an indexed column (not HOT updates, whose index entries
      // keep pointing at the old place): a scan of the table now meets `high` first.
      const db = t.database.db;
      await db.execute(sql`update customer_profiles set stage = stage || '~' where id = ${low.id}`);
      await db.execute(sql`update customer_profiles set stage = left(stage, -1) where id = ${low.id}`);
      // The batch names `high` first.
      const { probedLocked, result } = await probeLockOrder(
        t.url!,
        'customer_profiles',
        { held: high.id, probed: low.id },
        () => customers.ingest(ctx(), source, [viewed(high.email), viewed(low.email)]),
      );
      expect(probedLocked).toBe(true);
      expect(result.map((r) => r.status)).toEqual(['stored', 'stored']);
      const counts = await rows<{ event_count: number }>(
        db,
        sql`select event_count from customer_profiles where id in (${low.id}, ${high.id})`,
      );
      expect(counts.map((r) => Number(r.event_count))).toEqual([2, 2]);
    },
  );
});
