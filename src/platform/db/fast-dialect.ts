// Drizzle's PostgreSQL dialect with a quicker way to turn a raw `sql` statement into text and
// parameters. Drizzle tests every chunk of a statement against a dozen entity classes (each failed
// test walks the chunk's class chain) and asks the dialect for the type of every parameter, which
// the node-postgres and PGlite drivers then ignore: for the hot paths' one-statement writes, with
// hundreds of chunks, that was a tenth of the hub's CPU. Here a statement made only of text, nested
// `sql`, identifiers, `sql.param`s, lists and plain values is written in one walk, to exactly what
// Drizzle writes; anything else (tables, columns, subqueries, placeholders, inlined parameters: the
// query builder's statements) goes to Drizzle's own compiler, whole.
import {
  entityKind,
  Name,
  Param,
  Placeholder,
  type Query,
  type QueryWithTypings,
  SQL,
  StringChunk,
} from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';

/** A value of a Drizzle class (a table, a column…) or anything that would be built as SQL. */
const isEntityOrWrapper = (v: object): boolean =>
  typeof (v as { getSQL?: unknown }).getSQL === 'function' ||
  (typeof v.constructor === 'function' && entityKind in v.constructor);

class StatementWriter {
  readonly text: string[] = [];
  readonly params: unknown[] = [];
  constructor(private readonly dialect: PgDialect) {}

  /** Writes a chunk; false when it is one only Drizzle's compiler handles. */
  add(chunk: unknown): boolean {
    if (chunk instanceof StringChunk) {
      for (const part of chunk.value) this.text.push(part);
      return true;
    }
    if (chunk instanceof SQL) return this.addSql(chunk);
    if (chunk instanceof Param) return this.addParam(chunk);
    if (chunk instanceof Name) {
      this.text.push(this.dialect.escapeName(chunk.value));
      return true;
    }
    if (chunk === undefined) return true;
    if (Array.isArray(chunk)) {
      this.text.push('(');
      for (let i = 0; i < chunk.length; i++) {
        if (i > 0) this.text.push(', ');
        if (!this.add(chunk[i])) return false;
      }
      this.text.push(')');
      return true;
    }
    if (typeof chunk === 'function') return false;
    if (typeof chunk === 'object' && chunk !== null && isEntityOrWrapper(chunk)) return false;
    this.bind(chunk);
    return true;
  }

  addSql(query: SQL): boolean {
    // Set by `.inlineParams()` (declared private, read by Drizzle's own compiler the same way).
    if ((query as unknown as { shouldInlineParams: boolean }).shouldInlineParams) return false;
    for (const chunk of query.queryChunks) if (!this.add(chunk)) return false;
    return true;
  }

  private addParam(param: Param): boolean {
    if (param.value instanceof Placeholder) return false;
    const value = param.value === null ? null : param.encoder.mapToDriverValue(param.value);
    if (value instanceof SQL) return this.addSql(value);
    if (typeof value === 'object' && value !== null && isEntityOrWrapper(value)) return false;
    this.bind(value);
    return true;
  }

  private bind(value: unknown): void {
    this.text.push(this.dialect.escapeParam(this.params.length));
    this.params.push(value);
  }
}

/** The text and parameters of a raw statement, or undefined when Drizzle's compiler must write it. */
export function writeStatement(dialect: PgDialect, query: SQL): Query | undefined {
  const writer = new StatementWriter(dialect);
  return writer.addSql(query) ? { sql: writer.text.join(''), params: writer.params } : undefined;
}

export class FastPgDialect extends PgDialect {
  override sqlToQuery(query: SQL, invokeSource?: 'indexes' | undefined): QueryWithTypings {
    return (
      (invokeSource === undefined && writeStatement(this, query)) || super.sqlToQuery(query, invokeSource)
    );
  }
}
