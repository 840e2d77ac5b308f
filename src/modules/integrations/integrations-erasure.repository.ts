// SQL of the erasure of a customer's data in the integration layer: raw inbound deliveries that
// carry their identifiers (or produced their orders), and outbound webhook bodies about them.
import { sql } from 'drizzle-orm';
import { type Executor, rows } from '../../platform/db/database.js';
import { containsAnyValue, jsonColumn, textArray } from '../../platform/privacy/erasure-sql.js';

export interface InboundPersonalRow {
  id: string;
  raw_body: string;
  error: string | null;
  result: unknown;
}

/** Deliveries whose raw body contains an identifier, or whose result names one of the records. */
export async function selectInboundOfPerson(
  exec: Executor,
  identifiers: string[],
  recordIds: string[],
): Promise<InboundPersonalRow[]> {
  const found = await rows<InboundPersonalRow>(
    exec,
    sql`select id, raw_body, error, result from inbound_deliveries
        where ${containsAnyValue(sql`raw_body`, identifiers)}
           or (result is not null and ${containsAnyValue(sql`result::text`, recordIds)})
        order by id for update`,
  );
  return found.map((d) => ({ ...d, result: d.result === null ? null : jsonColumn(d.result) }));
}

export async function updateInboundRedacted(
  exec: Executor,
  list: Array<{ id: string; rawBody: string; error: string | null; result: unknown }>,
): Promise<void> {
  if (list.length === 0) return;
  await exec.execute(
    sql`update inbound_deliveries set raw_body = u.raw_body, error = u.error, result = u.result::jsonb
        from unnest(${textArray(list.map((d) => d.id))}, ${textArray(list.map((d) => d.rawBody))},
                    ${textArray(list.map((d) => d.error))},
                    ${textArray(list.map((d) => (d.result === null ? null : JSON.stringify(d.result))))})
             as u(id, raw_body, error, result)
        where inbound_deliveries.id = u.id`,
  );
}

/** Deliveries of events about the records (by subject) or whose body contains an identifier. */
export async function selectWebhookBodiesOfPerson(exec: Executor, subjects: string[], identifiers: string[]) {
  return rows<{ id: string; body: string; last_error: string | null }>(
    exec,
    sql`select id, body, last_error from webhook_deliveries
        where subject = any(${textArray(subjects)}) or ${containsAnyValue(sql`body`, identifiers)}
        order by id for update`,
  );
}

export async function updateWebhookBodies(
  exec: Executor,
  list: Array<{ id: string; body: string; lastError: string | null }>,
): Promise<void> {
  if (list.length === 0) return;
  await exec.execute(
    sql`update webhook_deliveries set body = u.body, last_error = u.last_error
        from unnest(${textArray(list.map((d) => d.id))}, ${textArray(list.map((d) => d.body))},
                    ${textArray(list.map((d) => d.lastError))}) as u(id, body, last_error)
        where webhook_deliveries.id = u.id`,
  );
}
