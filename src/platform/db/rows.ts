// Row types of raw statements, derived from the Drizzle schema so a table is declared once.
// The query builder types its own results; these are for the statements that stay raw SQL for speed
// (batch writes, CTEs, FOR UPDATE SKIP LOCKED, the hot inventory path), which see SQL column names.
import type { Table } from 'drizzle-orm';

type Columns<T extends Table> = T['_']['columns'];

/**
 * A value as a raw statement returns it: Drizzle's drivers hand raw timestamps over as text
 * (its sessions override the timestamp parsers), so a Date column arrives as a string.
 */
type RawValue<V> = V extends Date ? string : V;

/** A column's SQL name; a name typed only as `string` (a helper that lost the literal) drops the key. */
type SqlName<N> = string extends N ? never : N;

/** The row of `select * from <table>` / `returning *`: SQL column names, schema types. */
export type SqlRow<T extends Table> = {
  [K in keyof Columns<T> & string as SqlName<Columns<T>[K]['_']['name']>]: RawValue<T['$inferSelect'][K]>;
};

/** Columns read through a left join: each may be null. */
export type LeftJoined<R> = { [K in keyof R]: R[K] | null };

/** A value as it reads back from a jsonb column: dates were written (JSON.stringify) as ISO strings. */
export type StoredJson<T> = T extends Date
  ? string
  : T extends ReadonlyArray<infer U>
    ? StoredJson<U>[]
    : T extends object
      ? { [K in keyof T]: StoredJson<T[K]> }
      : T;
