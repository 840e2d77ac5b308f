// SQL of the erasure of the payments of a customer's orders: read the free-text and metadata
// fields, write the redacted values back (one statement per table).
import { sql } from 'drizzle-orm';
import { type Executor, rows } from '../../platform/db/database.js';
import { jsonColumn, textArray } from '../../platform/privacy/erasure-sql.js';

export async function selectPaymentsPersonalFields(exec: Executor, orderIds: string[]) {
  const found = await rows<{ id: string; metadata: Record<string, unknown>; failure_message: string | null }>(
    exec,
    sql`select id, metadata, failure_message from payments where order_id = any(${textArray(orderIds)}) for update`,
  );
  return found.map((p) => ({ ...p, metadata: jsonColumn(p.metadata) }));
}

export async function selectRefundReasons(exec: Executor, orderIds: string[]) {
  return rows<{ id: string; reason: string | null }>(
    exec,
    sql`select id, reason from payment_refunds where order_id = any(${textArray(orderIds)}) for update`,
  );
}

export async function updatePaymentsPersonalFields(
  exec: Executor,
  list: Array<{ id: string; metadata: unknown; failureMessage: string | null }>,
): Promise<void> {
  if (list.length === 0) return;
  await exec.execute(
    sql`update payments set metadata = u.metadata::jsonb, failure_message = u.failure_message
        from unnest(${textArray(list.map((p) => p.id))}, ${textArray(list.map((p) => JSON.stringify(p.metadata)))},
                    ${textArray(list.map((p) => p.failureMessage))}) as u(id, metadata, failure_message)
        where payments.id = u.id`,
  );
}

export async function updateRefundReasons(
  exec: Executor,
  list: Array<{ id: string; reason: string | null }>,
) {
  if (list.length === 0) return;
  await exec.execute(
    sql`update payment_refunds set reason = u.reason
        from unnest(${textArray(list.map((r) => r.id))}, ${textArray(list.map((r) => r.reason))}) as u(id, reason)
        where payment_refunds.id = u.id`,
  );
}
