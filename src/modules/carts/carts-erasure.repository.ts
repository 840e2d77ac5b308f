// SQL of the erasure of a customer's carts: find them (by profile, contact, device id or the order
// they became) and clear their personal fields in one statement.
import { sql } from 'drizzle-orm';
import { type Executor, rows } from '../../platform/db/database.js';
import { jsonColumn, textArray } from '../../platform/privacy/erasure-sql.js';

export interface CartPersonalRow {
  id: string;
  email: string | null;
  phone: string | null;
  anonymous_id: string | null;
  delivery: Record<string, unknown> | null;
}

export async function selectCartsOfPerson(
  exec: Executor,
  q: { profileIds: string[]; identifiers: string[]; cartIds: string[] },
): Promise<CartPersonalRow[]> {
  const ids = textArray(q.identifiers);
  const found = await rows<CartPersonalRow>(
    exec,
    sql`select id, email, phone, anonymous_id, delivery from carts
        where profile_id = any(${textArray(q.profileIds)}) or id = any(${textArray(q.cartIds)})
           or lower(email) = any(${ids}) or phone = any(${ids}) or anonymous_id = any(${ids})
        order by id for update`,
  );
  return found.map((c) => ({ ...c, delivery: c.delivery === null ? null : jsonColumn(c.delivery) }));
}

/** A person's carts as stored (the GDPR export). */
export async function selectCartRecordsOfPerson(
  exec: Executor,
  q: { profileIds: string[]; identifiers: string[] },
): Promise<Array<Record<string, unknown>>> {
  const ids = textArray(q.identifiers);
  return rows<Record<string, unknown>>(
    exec,
    sql`select * from carts
        where profile_id = any(${textArray(q.profileIds)})
           or lower(email) = any(${ids}) or phone = any(${ids}) or anonymous_id = any(${ids})
        order by id`,
  );
}

/** Contact, device id and a shipping address go; lines, totals and the pickup store stay. */
export async function clearCartsPersonalData(exec: Executor, cartIds: string[], now: Date): Promise<void> {
  if (cartIds.length === 0) return;
  await exec.execute(
    sql`update carts set email = null, phone = null, anonymous_id = null,
               delivery = case when delivery->>'type' = 'ship' then null else delivery end,
               version = version + 1, updated_at = ${now.toISOString()}::timestamptz
        where id = any(${textArray(cartIds)})`,
  );
  await exec.execute(sql`update till_sales set name = null where cart_id = any(${textArray(cartIds)})`);
}
