// Tombstones are keyed by a secret salt of each install: the same erased identifier hashes
// differently on two installs, the hash is not the unsalted one, every node of an install (every
// service on the same database) uses the same salt, and a lifted suppression lets the identifier in.
import { sql } from 'drizzle-orm';
import { afterAll, expect, it } from 'vitest';
import { ManualClock } from '../../kernel/index.js';
import { createContext } from '../../platform/context.js';
import { type Database, rows } from '../../platform/db/database.js';
import { runMigrations } from '../../platform/db/migrate.js';
import { platformMigrations } from '../../platform/migrations.js';
import { describeEachDatabase, openFreshPglite, testLog } from '../../platform/testing/test-databases.js';
import { legacyTombstoneHash } from './identifiers.js';
import { createCustomersService, customersMigrations, type IngestSource } from './index.js';

const WEB: IngestSource = { id: 'src_web', channelId: 'chn_web', sharedDevices: false };
const identify = (messageId: string, email: string) => ({
  messageId,
  kind: 'identify' as const,
  name: null,
  identifiers: [{ type: 'email', value: email }],
  traits: {},
  properties: {},
  context: {},
  occurredAt: new Date('2026-01-01T00:00:00Z'),
  anonymousId: null,
  userId: null,
});

async function eraseOne(database: Database, email: string): Promise<string[]> {
  const ctx = createContext(database, { clock: new ManualClock('2026-02-01T00:00:00Z'), log: testLog });
  const customers = createCustomersService();
  const [r] = await customers.ingest(ctx, WEB, [identify(`m-${email}`, email)]);
  await customers.eraseCustomer(ctx, (r as { profileId: string }).profileId);
  const found = await rows<{ hash: string }>(database.db, sql`select hash from customer_erased_identifiers`);
  return found.map((x) => x.hash);
}

describeEachDatabase('tombstone salt', [customersMigrations], (t) => {
  const other: Database[] = [];
  afterAll(async () => {
    for (const d of other) await d.close();
  });

  it('differs between two installs, and is not the unsalted hash', async () => {
    // Another install: the run's empty image (no initdb), its own migrations, so its own salt.
    const second = await openFreshPglite();
    other.push(second);
    await runMigrations(second, [platformMigrations, customersMigrations]);
    const [a] = await eraseOne(t.database, 'salted@example.com');
    const [b] = await eraseOne(second, 'salted@example.com');
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(b).toMatch(/^[0-9a-f]{64}$/);
    expect(a).not.toBe(b);
    expect(a).not.toBe(legacyTombstoneHash('email', 'salted@example.com'));
  });

  it('is shared by every service on the install, and a lifted suppression lets the identifier in', async () => {
    const ctx = t.ctx({ clock: new ManualClock('2026-02-02T00:00:00Z') });
    const [first, second] = [createCustomersService(), createCustomersService()];
    // erased by the first test's service: another service instance refuses it too
    const [replay] = await second.ingest(ctx, WEB, [identify('replay', 'salted@example.com')]);
    expect(replay?.status).toBe('ignored');
    const lifted = await first.unsuppress(ctx, {
      identifier: { type: 'email', value: 'SALTED@example.com' },
    });
    expect(lifted.identifiers).toBe(1);
    const [back] = await second.ingest(ctx, WEB, [identify('back', 'salted@example.com')]);
    expect(back?.status).toBe('stored');
  });

  it('still matches tombstones written before the install had a salt', async () => {
    const ctx = t.ctx({ clock: new ManualClock('2026-02-03T00:00:00Z') });
    await t.database.db.execute(
      sql`insert into customer_erased_identifiers (hash, erased_at)
          values (${legacyTombstoneHash('email', 'old@example.com')}, now())`,
    );
    const customers = createCustomersService();
    const [r] = await customers.ingest(ctx, WEB, [identify('old', 'old@example.com')]);
    expect(r?.status).toBe('ignored');
  });
});
