// Consumers' cursor saves gathered into one statement per moment: every consumer of a process
// reads the same shared page and moves at about the same time, so its ~dozen saves a second (one
// per consumer, each at most once a second) become one update of all their rows.
import { sql } from 'drizzle-orm';
import { type Database, rows } from '../db/database.js';
import type { Cursor } from './event-log.js';

/** A cursor waiting for the process's next joint save, and what to do with the outcome. */
export interface QueuedSave {
  cursor: Cursor;
  owner: string;
  /** true: saved; false: the lease is not this owner's any more; undefined: the save failed. */
  settled(saved: boolean | undefined): void;
}
const SAVE_GATHER_MS = 50;
export const queuedSaves = new WeakMap<Database, Map<string, QueuedSave>>();

/**
 * Queues a consumer's cursor for one statement with the others this process saves within
 * SAVE_GATHER_MS: the consumers move together (they read one shared page), so ~a dozen cursor
 * writes a second become one. A later cursor of the same consumer replaces a queued one.
 */
export function queueCursorSave(database: Database, name: string, save: QueuedSave): void {
  let queue = queuedSaves.get(database);
  if (!queue) {
    const q = new Map<string, QueuedSave>();
    queuedSaves.set(database, q);
    setTimeout(() => {
      queuedSaves.delete(database);
      void saveQueued(database, q);
    }, SAVE_GATHER_MS);
    queue = q;
  }
  queue.get(name)?.settled(true); // superseded by this one
  queue.set(name, save);
}

async function saveQueued(database: Database, queue: Map<string, QueuedSave>): Promise<void> {
  const list = [...queue];
  try {
    const saved = await rows<{ name: string }>(
      database.db,
      sql`update consumer_cursors c set tx_id = u.tx_id, position = u.position, updated_at = now()
          from unnest(${sql.param(list.map(([n]) => n))}::text[],
                      ${sql.param(list.map(([, s]) => s.cursor.txId))}::bigint[],
                      ${sql.param(list.map(([, s]) => s.cursor.position))}::bigint[],
                      ${sql.param(list.map(([, s]) => s.owner))}::text[]) as u(name, tx_id, position, owner)
          where c.name = u.name and c.lease_owner = u.owner
          returning c.name`,
    );
    const names = new Set(saved.map((r) => r.name));
    for (const [n, s] of list) s.settled(names.has(n));
  } catch {
    for (const [, s] of list) s.settled(undefined);
  }
}
