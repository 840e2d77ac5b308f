// The install's tombstone hashing: a secret salt generated once per install (kept in
// customer_settings, shared by every node through the database) keys the hash of each erased or
// suppressed identifier. Tombstones written before the salt existed are still matched by their old
// unsalted hash while any remain.
import { randomBytes } from 'node:crypto';
import type { Ctx } from '../../platform/context.js';
import type { Database } from '../../platform/db/database.js';
import { legacyTombstoneHash, tombstoneHasher } from './identifiers.js';
import { tombstoneSaltRow } from './privacy.repository.js';

export interface TombstoneHasher {
  /** The hash written for an identifier. */
  hash(type: string, value: string): string;
  /** Every hash an identifier's tombstone may have (salted, and legacy while such rows exist). */
  candidates(type: string, value: string): string[];
}

/** The install's tombstone hashing, loaded once per database. */
export interface Tombstones {
  /**
   * The hasher of the context's install. Read (and created, first caller wins) in the caller's
   * transaction; remembered only when read outside one, so a rolled-back salt is never kept.
   */
  hasher(ctx: Ctx): Promise<TombstoneHasher>;
}

export function createTombstones(): Tombstones {
  const loaded = new WeakMap<Database, TombstoneHasher>();
  return {
    /**
     * The hasher of the context's install. Read (and created, first caller wins) in the caller's
     * transaction; remembered only when read outside one, so a rolled-back salt is never kept.
     */
    async hasher(ctx: Ctx): Promise<TombstoneHasher> {
      const known = loaded.get(ctx.database);
      if (known) return known;
      const { salt, legacyTombstones } = await tombstoneSaltRow(
        ctx.db,
        randomBytes(32).toString('hex'),
        ctx.clock.now(),
      );
      const hash = tombstoneHasher(salt);
      const hasher: TombstoneHasher = {
        hash,
        candidates: legacyTombstones
          ? (type, value) => [hash(type, value), legacyTombstoneHash(type, value)]
          : (type, value) => [hash(type, value)],
      };
      if (!ctx.inTx) loaded.set(ctx.database, hasher);
      return hasher;
    },
  };
}
