// SQL of the erasure of a customer's orders: find them (by profile, email or phone) and write their
// redacted personal fields back in one statement.
import { sql } from 'drizzle-orm';
import { type Executor, rows } from '../../platform/db/database.js';
import { jsonColumn, textArray } from '../../platform/privacy/erasure-sql.js';

export interface OrderPersonalRow {
  id: string;
  cart_id: string | null;
  email: string | null;
  phone: string | null;
  delivery: Record<string, unknown>;
  history: Array<Record<string, unknown>>;
  metadata: Record<string, unknown>;
}

export async function selectOrdersOfPerson(
  exec: Executor,
  profileIds: string[],
  identifiers: string[],
): Promise<OrderPersonalRow[]> {
  const ids = textArray(identifiers);
  const found = await rows<OrderPersonalRow>(
    exec,
    sql`select id, cart_id, email, phone, delivery, history, metadata from orders
        where customer_id = any(${textArray(profileIds)}) or lower(email) = any(${ids}) or phone = any(${ids})
        order by id for update`,
  );
  return found.map((o) => ({
    ...o,
    delivery: jsonColumn(o.delivery),
    history: jsonColumn(o.history),
    metadata: jsonColumn(o.metadata),
  }));
}

/** A person's orders as stored, with their fulfilments and returns (the GDPR export). */
export async function selectOrderRecordsOfPerson(
  exec: Executor,
  profileIds: string[],
  identifiers: string[],
): Promise<Array<Record<string, unknown>>> {
  const ids = textArray(identifiers);
  return rows<Record<string, unknown>>(
    exec,
    sql`select o.*,
          coalesce((select jsonb_agg(to_jsonb(f) order by f.id) from order_fulfilments f where f.order_id = o.id), '[]') as fulfilments,
          coalesce((select jsonb_agg(to_jsonb(r) order by r.id) from order_returns r where r.order_id = o.id), '[]') as returns
        from orders o
        where o.customer_id = any(${textArray(profileIds)}) or lower(o.email) = any(${ids}) or o.phone = any(${ids})
        order by o.id`,
  );
}

export async function updateOrdersRedacted(
  exec: Executor,
  list: Array<{ id: string; delivery: unknown; history: unknown; metadata: unknown }>,
  now: Date,
): Promise<void> {
  if (list.length === 0) return;
  await exec.execute(
    sql`update orders set email = null, phone = null, delivery = u.delivery::jsonb, history = u.history::jsonb,
               metadata = u.metadata::jsonb, updated_at = ${now.toISOString()}::timestamptz
        from unnest(${textArray(list.map((o) => o.id))}, ${textArray(list.map((o) => JSON.stringify(o.delivery)))},
                    ${textArray(list.map((o) => JSON.stringify(o.history)))},
                    ${textArray(list.map((o) => JSON.stringify(o.metadata)))}) as u(id, delivery, history, metadata)
        where orders.id = u.id`,
  );
}

/** A parcel's tracking number leads to the address: only the carrier stays. */
export async function redactFulfilmentTracking(exec: Executor, orderIds: string[]): Promise<number> {
  if (orderIds.length === 0) return 0;
  const r = await rows<{ id: string }>(
    exec,
    sql`update order_fulfilments set tracking = jsonb_build_object('carrier', tracking->'carrier')
        where order_id = any(${textArray(orderIds)}) and tracking is not null returning id`,
  );
  return r.length;
}
