// Erasure of stored idempotent responses: a checkout's stored reply repeats the order with its
// email and address. Replies that mention the erased person (or their records) are forgotten; a
// retry with the same key after the erasure runs again instead of replaying personal data.
import { sql } from 'drizzle-orm';
import type { Ctx } from '../context.js';
import { rows } from '../db/database.js';
import { containsAnyValue } from '../privacy/erasure-sql.js';
import { type ErasureSubject, matchableValues } from '../privacy/personal-data.js';

/** Deletes stored responses that contain an identifier or one of the record ids; returns how many. */
export async function forgetStoredResponses(
  ctx: Ctx,
  e: ErasureSubject & { recordIds: string[] },
): Promise<number> {
  const values = matchableValues([...e.identifiers, ...e.recordIds]);
  const gone = await rows<{ key: string }>(
    ctx.db,
    sql`delete from idempotency_keys
        where response_body is not null and ${containsAnyValue(sql`response_body`, values)}
        returning key`,
  );
  return gone.length;
}
