// Erasure in the event log: the log is append-only for changes of state, but a person's data must
// not outlive their erasure. Events about the erased records (by subject) and events whose payload
// contains an erased identifier keep their id, type, subject, time and position (cursors, counts and
// replays stay right); their payload loses its personal values.
import { sql } from 'drizzle-orm';
import type { Ctx } from '../context.js';
import { rows } from '../db/database.js';
import { containsAnyValue, jsonColumn, textArray } from '../privacy/erasure-sql.js';
import { type ErasureSubject, matchableValues, redactJson } from '../privacy/personal-data.js';

export interface EventErasure extends ErasureSubject {
  /** Subjects whose events are redacted whatever they contain (profiles, orders, carts…). */
  subjects: string[];
}

/** Redacts the payloads of the subject's events; returns how many changed. */
export async function redactEventPayloads(ctx: Ctx, e: EventErasure): Promise<number> {
  const identifiers = matchableValues(e.identifiers);
  const values = matchableValues([...e.identifiers, ...e.personalValues]);
  // Full scan of the payloads: erasure is rare and must find every mention, indexed or not.
  const found = await rows<{ id: string; payload: Record<string, unknown> }>(
    ctx.db,
    sql`select id, payload from events
        where subject = any(${textArray(e.subjects)}) or ${containsAnyValue(sql`payload::text`, identifiers)}
        for update`,
  );
  const changed = found
    .map((r) => ({
      id: r.id,
      before: JSON.stringify(jsonColumn(r.payload)),
      after: JSON.stringify(redactJson(jsonColumn(r.payload), values)),
    }))
    .filter((r) => r.before !== r.after);
  if (changed.length === 0) return 0;
  await ctx.db.execute(
    sql`update events set payload = u.payload::jsonb
        from unnest(${textArray(changed.map((c) => c.id))}, ${textArray(changed.map((c) => c.after))}) as u(id, payload)
        where events.id = u.id`,
  );
  return changed.length;
}
