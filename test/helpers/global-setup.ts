// Once per test run, before any test file: the starting databases every suite copies instead of
// making its own. A PGlite initdb costs seconds of CPU and the hub's migrations more; across ~90
// suites per engine that was a third of the run. Each suite still gets a private database:
//   - PGlite: images of a data directory, empty and with every hub migration applied, loaded by
//     `openFreshPglite` (src/platform/testing/test-databases.ts). They are kept between runs under
//     node_modules/.cache, named by a hash of every migration file and the PGlite version;
//   - PostgreSQL: a migrated template database copied by `createFreshPostgresDatabase`.
// And the hub's own migrated image (as the build writes it) for the suites that start from it.
// Also a run directory where the browser suites share one build of the web apps.
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import pg from 'pg';
import { ALL_MIGRATIONS } from '../../src/app.js';
import { openDatabase } from '../../src/platform/db/database.js';
import { runMigrations } from '../../src/platform/db/migrate.js';
import {
  DATABASE_IMAGE_PATH,
  DROP_TEMPLATES,
  imageMadeFor,
  migrationsKey,
  writeDatabaseImage,
} from '../../src/platform/db/pglite-image.js';
import {
  dropDatabases,
  postgresTestUrl,
  TEST_IMAGE_ENV,
  TEST_RUN_DATABASES_ENV,
} from '../../src/platform/testing/test-databases.js';

export const TEST_RUN_DIR_ENV = 'OMNIHUB_TEST_RUN_DIR';
const ROOT = join(import.meta.dirname, '../..');

export async function setup(): Promise<() => Promise<void>> {
  const runDir = mkdtempSync(join(tmpdir(), 'omnihub-test-run-'));
  process.env[TEST_RUN_DIR_ENV] = runDir;

  const images = await pgliteImages();
  process.env[TEST_IMAGE_ENV.pgliteEmpty] = images.empty;
  process.env[TEST_IMAGE_ENV.pgliteMigrated] = images.migrated;
  process.env[TEST_IMAGE_ENV.hubImage] = await hubDatabaseImage(dirname(images.migrated));

  const base = postgresTestUrl();
  const template = base ? await makePostgresTemplate(base) : undefined;
  if (template) process.env[TEST_IMAGE_ENV.postgresTemplate] = template;
  // The suites' databases: named after the template, so this run's are told from another's.
  const databases = template?.replace(/^omnihub_tpl_/, 'omnihub_t_');
  if (databases) process.env[TEST_RUN_DATABASES_ENV] = databases;

  return async () => {
    if (base && databases) {
      // What a worker's background drop had not done when it ended (one at the same time fails).
      await dropDatabases(base, await databasesNamed(base, `${databases}_`)).catch((err: unknown) =>
        console.warn('test teardown: databases left', err),
      );
    }
    if (base && template) await adminQuery(base, `drop database if exists ${template} with (force)`);
    rmSync(runDir, { recursive: true, force: true });
  };
}

async function pgliteImages(): Promise<{ empty: string; migrated: string }> {
  const dir = join(ROOT, 'node_modules/.cache/omnihub-test-images', migrationsKey(ALL_MIGRATIONS));
  const empty = join(dir, 'pglite-empty-one-database.tar');
  const migrated = join(dir, 'pglite-migrated-one-database.tar');
  if (existsSync(empty) && existsSync(migrated)) return { empty, migrated };
  mkdirSync(dir, { recursive: true });
  const pglite = await openDatabase({ dataDir: 'memory://' });
  try {
    // The hub uses the `postgres` database only, and PGlite never creates one: without the two
    // templates an image has a third fewer files, and each suite's start copies them all.
    for (const statement of [...DROP_TEMPLATES, 'checkpoint']) await pglite.pglite!.exec(statement);
    await writeAtomically(empty, await pglite.pglite!.dumpDataDir('none'));
    await runMigrations(pglite, ALL_MIGRATIONS);
    await writeAtomically(migrated, await pglite.pglite!.dumpDataDir('none'));
  } finally {
    await pglite.close();
  }
  return { empty, migrated };
}

// The image a new embedded hub directory starts from, for the suites that test starting from it:
// the one the build wrote into dist/ (postinstall does, so a clean clone has it) when it was made for
// these migrations, else one made here. Writing one is seconds of CPU, once per test file before.
async function hubDatabaseImage(cacheDir: string): Promise<string> {
  const built = join(ROOT, 'dist', basename(DATABASE_IMAGE_PATH));
  if (imageMadeFor(ALL_MIGRATIONS, built)) return built;
  const image = join(cacheDir, basename(DATABASE_IMAGE_PATH));
  await writeDatabaseImage(ALL_MIGRATIONS, image);
  return image;
}

// Another run (a second worktree sharing node_modules) may write the same image at the same time:
// each writes its own file and renames it into place, so a reader never sees half an image.
async function writeAtomically(path: string, image: Blob): Promise<void> {
  const partial = `${path}.${process.pid}.partial`;
  writeFileSync(partial, Buffer.from(await image.arrayBuffer()));
  renameSync(partial, path);
}

async function makePostgresTemplate(base: string): Promise<string> {
  const name = `omnihub_tpl_${Date.now().toString(36)}_${process.pid}`;
  await adminQuery(base, `create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 1 });
  try {
    await runMigrations(database, ALL_MIGRATIONS);
  } finally {
    // A template must have no open sessions while it is copied.
    await database.close();
  }
  return name;
}

async function databasesNamed(base: string, prefix: string): Promise<string[]> {
  const rows = await adminQuery<{ datname: string }>(
    base,
    'select datname from pg_database where starts_with(datname, $1)',
    [prefix],
  );
  return rows.map((r) => r.datname);
}

async function adminQuery<T extends pg.QueryResultRow = never>(
  base: string,
  text: string,
  values: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: base });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}
