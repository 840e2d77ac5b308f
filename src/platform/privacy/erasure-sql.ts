// SQL pieces the owners of tables share when they look for a person's data in free text and JSON.
import { type SQL, sql } from 'drizzle-orm';

/** True when the text contains one of the (lowercased, see matchableValues) values. */
export function containsAnyValue(text: SQL, values: readonly string[]): SQL {
  if (values.length === 0) return sql`false`;
  return sql`exists (select 1 from unnest(${sql.param([...values])}::text[]) as v
                     where strpos(lower(${text}), v) > 0)`;
}

export const textArray = (values: ReadonlyArray<string | null>): SQL =>
  sql`${sql.param([...values])}::text[]`;

/** A jsonb column as read: drivers hand it over parsed, or as text in some result shapes. */
export const jsonColumn = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);
