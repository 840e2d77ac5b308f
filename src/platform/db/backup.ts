// Backups of the embedded database: a consistent snapshot of PGlite's data directory taken while the
// hub runs, and a restore into an empty data directory. A PostgreSQL server is backed up with its own
// tools (pg_dump / pg_basebackup, see docs/operations.md), never through the hub.
import { existsSync, readdirSync } from 'node:fs';
import { type Database, pgliteExtensions } from './database.js';

/**
 * A gzipped tar of the data directory. Taken inside a transaction of its own, so no other transaction
 * is between statements (PGlite runs one at a time), after a checkpoint, so the files hold every
 * committed write and a restore needs no recovery.
 */
export async function snapshotEmbeddedDatabase(database: Database): Promise<Uint8Array> {
  const pglite = database.pglite;
  if (!pglite) throw new Error('only the embedded database (PGlite) is backed up by the hub');
  const tarball = await pglite.transaction(async (tx) => {
    await tx.exec('checkpoint');
    return pglite.dumpDataDir('gzip');
  });
  return new Uint8Array(await tarball.arrayBuffer());
}

/** Why a restore into `dataDir` is refused, or null when it may go ahead. */
export function restoreRefusal(dataDir: string): string | null {
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
    return `${dataDir} is not empty: restore into a new data directory (the hub must not be running on it)`;
  }
  return null;
}

/**
 * Writes a snapshot into an empty data directory and opens it once, so a tarball that is not a
 * PGlite data directory fails here rather than at the hub's next start.
 */
export async function restoreEmbeddedDatabase(dataDir: string, snapshot: Uint8Array): Promise<void> {
  const refusal = restoreRefusal(dataDir);
  if (refusal) throw new Error(refusal);
  const { PGlite } = await import('@electric-sql/pglite');
  const pglite = await PGlite.create(dataDir, {
    extensions: await pgliteExtensions(),
    loadDataDir: new Blob([snapshot], { type: 'application/x-gzip' }),
  });
  try {
    await pglite.query('select 1');
  } finally {
    await pglite.close();
  }
}
