// A new embedded database made from the build's migrated image is not migrated again at start, nor
// checked again by /ready (the image's key names every migration file); one opened otherwise is.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it, vi } from 'vitest';
import { ALL_MIGRATIONS, madeFromMigratedImage, migrateHubDatabase, openHubDatabase } from '../src/app.js';
import type { Database } from '../src/platform/db/database.js';
import { migrationsApplied } from '../src/platform/db/migrate.js';
import { TEST_IMAGE_ENV } from '../src/platform/testing/test-databases.js';

const dir = mkdtempSync(join(tmpdir(), 'omnihub-hub-image-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Statements the database runs while fn does (PGlite: one client, every statement goes through it). */
async function statementsDuring(database: Database, fn: () => Promise<void>): Promise<number> {
  const client = database.pglite!;
  const spies = [vi.spyOn(client, 'query'), vi.spyOn(client, 'exec'), vi.spyOn(client, 'transaction')];
  try {
    await fn();
    return spies.reduce((n, s) => n + s.mock.calls.length, 0);
  } finally {
    for (const s of spies) s.mockRestore();
  }
}

it('skips the migrations of a database just made from the image, and runs them on any other', async () => {
  // The run's image (test/helpers/global-setup.ts): the build's when it fits these migrations.
  const image = process.env[TEST_IMAGE_ENV.hubImage];
  if (!image) throw new Error(`${TEST_IMAGE_ENV.hubImage} is set by the test setup`);
  const config = { databaseUrl: undefined, dataDir: join(dir, 'data') };

  const fresh = await openHubDatabase(config, image);
  try {
    // /ready skips its check of the 22 histories too.
    expect(madeFromMigratedImage(fresh)).toBe(true);
    expect(await statementsDuring(fresh, () => migrateHubDatabase(fresh))).toBe(0);
    expect(await migrationsApplied(fresh.db, ALL_MIGRATIONS)).toBe(true);
  } finally {
    await fresh.close();
  }

  // The same directory again: initialised now, so not from the image, and migrations are checked.
  const reopened = await openHubDatabase(config, image);
  try {
    expect(madeFromMigratedImage(reopened)).toBe(false);
    expect(await statementsDuring(reopened, () => migrateHubDatabase(reopened))).toBeGreaterThan(0);
  } finally {
    await reopened.close();
  }
}, 180_000);
