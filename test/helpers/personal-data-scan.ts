// Reads the whole database for personal data: every text, json(b) and array column of every table
// of the hub's schema, searched for given values (case-insensitive), and the columns whose names
// look personal, to hold against the declared registry.
import { sql } from 'drizzle-orm';
import type { Executor } from '../../src/platform/db/database.js';
import { rows } from '../../src/platform/db/database.js';

export interface ColumnRef {
  table: string;
  column: string;
}

/** Column names that obviously can hold a person's data. */
export const PERSONAL_LOOKING =
  /(^|_)(email|phone|address|name|first_name|last_name|street|note|notes|postal_code|zip|city)(_|$)/;

export async function hubColumns(db: Executor): Promise<Array<ColumnRef & { type: string }>> {
  const found = await rows<{ table_name: string; column_name: string; data_type: string }>(
    db,
    sql`select c.table_name, c.column_name, c.data_type from information_schema.columns c
        join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
        where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
        order by c.table_name, c.ordinal_position`,
  );
  return found.map((c) => ({ table: c.table_name, column: c.column_name, type: c.data_type }));
}

const SEARCHABLE = new Set(['text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY']);

/** Every (table, column, value) where a text-like column contains one of the values. */
export async function findValues(db: Executor, values: string[]): Promise<string[]> {
  const hits: string[] = [];
  const needles = values.map((v) => v.toLowerCase());
  for (const c of await hubColumns(db)) {
    if (!SEARCHABLE.has(c.type)) continue;
    const counts = await rows<{ i: number }>(
      db,
      sql`select n.i::int as i from unnest(${sql.param(needles)}::text[]) with ordinality as n(v, i)
          where exists (select 1 from ${sql.identifier(c.table)}
                        where strpos(lower(${sql.identifier(c.column)}::text), n.v) > 0)`,
    );
    for (const { i } of counts) hits.push(`${c.table}.${c.column} holds ${values[Number(i) - 1]}`);
  }
  return hits;
}
