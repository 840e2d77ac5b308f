// Runs a storage-touching suite on PGlite and, when TEST_DATABASE_URL is set, on PostgreSQL too,
// each in a fresh database that is dropped afterwards.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import pino from 'pino';
import { afterAll, beforeAll, describe } from 'vitest';
import { type Clock, ManualClock } from '../../kernel/index.js';
import { type Actor, type Ctx, createContext, SYSTEM_ACTOR } from '../context.js';
import { type Database, openDatabase } from '../db/database.js';
import { type MigrationSet, runMigrations } from '../db/migrate.js';
import { platformMigrations } from '../migrations.js';

export const testLog = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });

export interface TestDatabase {
  kind: 'pglite' | 'postgres';
  /** The open database (available inside tests and beforeAll hooks registered after this one). */
  readonly database: Database;
  /** A fresh system context; pass a clock to control time. */
  ctx(opts?: { clock?: Clock; actor?: Actor; channelId?: string | null }): Ctx;
  /** The URL of the fresh PostgreSQL database (postgres only), e.g. to start a second hub process. */
  readonly url: string | undefined;
}

export const postgresTestUrl = (): string | undefined => process.env.TEST_DATABASE_URL?.trim() || undefined;

/**
 * Made once per test run by test/helpers/global-setup.ts, so each suite skips initdb (PGlite) and, for
 * whole hubs, every migration: files holding PGlite data-directory images, and a migrated PostgreSQL
 * template database. Without them (a test run another way) databases are made from scratch.
 */
export const TEST_IMAGE_ENV = {
  pgliteEmpty: 'OMNIHUB_TEST_PGLITE_EMPTY_IMAGE',
  pgliteMigrated: 'OMNIHUB_TEST_PGLITE_MIGRATED_IMAGE',
  postgresTemplate: 'OMNIHUB_TEST_PG_TEMPLATE',
  /** The hub's migrated data-directory image as the build writes it (gzipped, with its key). */
  hubImage: 'OMNIHUB_TEST_HUB_IMAGE',
} as const;

const loadedImages = new Map<string, Blob>();
function pgliteImage(migrated: boolean): Blob | undefined {
  const path = process.env[migrated ? TEST_IMAGE_ENV.pgliteMigrated : TEST_IMAGE_ENV.pgliteEmpty];
  if (!path) return undefined;
  let image = loadedImages.get(path);
  if (!image) {
    image = new Blob([readFileSync(path)]);
    loadedImages.set(path, image);
  }
  return image;
}

/** A fresh in-memory PGlite; `migrated: true` has every hub migration applied already. */
export function openFreshPglite(opts: { migrated?: boolean } = {}): Promise<Database> {
  return openDatabase({ dataDir: 'memory://', pgliteImage: pgliteImage(opts.migrated ?? false) });
}

/**
 * Creates a fresh PostgreSQL database next to TEST_DATABASE_URL; returns its URL and a drop function.
 * `migrated: true` copies the run's migrated template when there is one.
 */
export async function createFreshPostgresDatabase(
  baseUrl: string,
  opts: { migrated?: boolean } = {},
): Promise<{ url: string; drop(): Promise<void> }> {
  const runPrefix = process.env[TEST_RUN_DATABASES_ENV];
  if (runPrefix !== undefined && !/^omnihub_t_[a-z0-9_]+$/.test(runPrefix)) {
    throw new Error(`${TEST_RUN_DATABASES_ENV} is not a prefix set by the test setup`);
  }
  const name = `${runPrefix ?? `omnihub_t_${Date.now().toString(36)}`}_${randomBytes(4).toString('hex')}`;
  const template = opts.migrated ? process.env[TEST_IMAGE_ENV.postgresTemplate] : undefined;
  if (template !== undefined && !/^omnihub_tpl_[a-z0-9_]+$/.test(template)) {
    throw new Error(`${TEST_IMAGE_ENV.postgresTemplate} is not a template made by the test setup`);
  }
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}${template ? ` template ${template}` : ''}`);
    // A commit returns without waiting for its WAL to reach the disk (5-9 ms a commit on the shared
    // machine's server, under 1 ms without): what others see is the same, only a crash of the server
    // could lose the last commits, and the suites never crash the shared server (test/faults/ start
    // their own, durable ones).
    await admin.query(`alter database ${name} set synchronous_commit = off`);
  } finally {
    await admin.end();
  }
  const u = new URL(baseUrl);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    async drop() {
      // Under the run's setup its teardown drops whatever is left: no suite waits for its drop.
      if (runPrefix) dropInBackground(baseUrl, name);
      else await dropDatabases(baseUrl, [name]);
    },
  };
}

/**
 * The prefix of the names of the databases a test run makes (set by test/helpers/global-setup.ts,
 * whose teardown drops those still there).
 */
export const TEST_RUN_DATABASES_ENV = 'OMNIHUB_TEST_RUN_DATABASES';

/** Drops databases, all at once: concurrent drops wait for one checkpoint instead of one each. */
export async function dropDatabases(baseUrl: string, names: string[]): Promise<void> {
  const drops = await Promise.allSettled(
    names.map(async (name) => {
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      try {
        await c.query(`drop database if exists ${name} with (force)`);
      } finally {
        await c.end();
      }
    }),
  );
  const failed = drops.flatMap((d) => (d.status === 'rejected' ? [d.reason] : []));
  if (failed.length) throw new AggregateError(failed, `${failed.length} of ${names.length} drops failed`);
}

// DROP DATABASE on PostgreSQL 15 requests an immediate checkpoint and waits for it: 1.5–3 s of a
// suite's afterAll on the shared machine, about a hundred times a run. Drops wait here instead and
// leave while the worker runs its next file, those queued meanwhile together. A drop that fails or
// is cut short when the worker ends is done by the run's teardown.
const pendingDrops = new Set<string>();
let dropping = false;
function dropInBackground(baseUrl: string, name: string): void {
  pendingDrops.add(name);
  if (dropping) return;
  dropping = true;
  void (async () => {
    while (pendingDrops.size > 0) {
      const names = [...pendingDrops];
      pendingDrops.clear();
      await dropDatabases(baseUrl, names).catch((err: unknown) =>
        testLog.warn({ err }, 'test databases: left for the run teardown to drop'),
      );
    }
    dropping = false;
  })();
}

export function describeEachDatabase(
  title: string,
  migrations: MigrationSet[],
  body: (t: TestDatabase) => void,
): void {
  const kinds: Array<'pglite' | 'postgres'> = postgresTestUrl() ? ['pglite', 'postgres'] : ['pglite'];
  for (const kind of kinds) {
    describe(`${title} [${kind}]`, () => {
      let database: Database | undefined;
      let url: string | undefined;
      let drop: (() => Promise<void>) | undefined;
      beforeAll(async () => {
        if (kind === 'postgres') {
          const fresh = await createFreshPostgresDatabase(postgresTestUrl()!);
          url = fresh.url;
          drop = fresh.drop;
          database = await openDatabase({ databaseUrl: url, poolSize: 12 });
        } else {
          database = await openFreshPglite();
        }
        await runMigrations(database, [
          platformMigrations,
          ...migrations.filter((m) => m.name !== 'platform'),
        ]);
      });
      afterAll(async () => {
        await database?.close();
        await drop?.();
      });
      body({
        kind,
        get database() {
          if (!database) throw new Error('database not open yet');
          return database;
        },
        get url() {
          return url;
        },
        ctx(opts = {}) {
          if (!database) throw new Error('database not open yet');
          return createContext(database, {
            clock: opts.clock ?? new ManualClock(),
            log: testLog,
            actor: opts.actor ?? SYSTEM_ACTOR,
            channelId: opts.channelId ?? null,
          });
        },
      });
    });
  }
}
