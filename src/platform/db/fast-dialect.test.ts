// The fast dialect writes exactly the text and parameters Drizzle's compiler writes, and hands
// Drizzle whatever it does not know.
import { eq, type SQL, sql } from 'drizzle-orm';
import { integer, PgDialect, pgTable, text } from 'drizzle-orm/pg-core';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { FastPgDialect, writeStatement } from './fast-dialect.js';

const drizzles = new PgDialect();
const fast = new FastPgDialect();
const viaDrizzle = (q: SQL) => {
  const { sql: text, params } = drizzles.sqlToQuery(q);
  return { sql: text, params };
};

const upper = { mapToDriverValue: (v: unknown) => String(v).toUpperCase() };
const asSql = { mapToDriverValue: (v: unknown) => sql`lower(${v})` };

it('writes raw statements as Drizzle does', () => {
  const at = new Date(0);
  const list = ['a', 'b'];
  const statements: SQL[] = [
    sql`select 1`,
    sql``,
    sql`select ${1}, ${'x'}, ${null}, ${true}, ${at}, ${{ a: 1 }}, ${undefined} from t`,
    sql`with ${sql.identifier('a"b')} as (select ${sql.param(list)}::text[]) select * from ${sql.raw('a')}`,
    sql`where id in ${list} and n in ${[1, sql`${2} + 1`, sql.param(3)]} and e in ${[]}`,
    sql`select ${sql.join(
      list.map((x, i) => sql`${x} as ${sql.identifier(`c${i}`)}`),
      sql`, `,
    )}`,
    sql`select ${sql.param('v', upper)}, ${sql.param('V', asSql)}, ${sql.param(null, upper)}`,
    sql`select ${sql`${sql`${sql`${1}`}`} + ${2}`}`.append(sql` where ${3} = ${3}`),
    sql.join([sql`a`, undefined, sql`b`]),
  ];
  for (const q of statements) {
    expect(writeStatement(fast, q), viaDrizzle(q).sql).toEqual(viaDrizzle(q));
    expect(fast.sqlToQuery(q)).toEqual(viaDrizzle(q));
  }
});

const items = pgTable('items', { id: text('id').primaryKey(), n: integer('n') });

it('hands Drizzle the statements only its compiler writes', () => {
  const statements: SQL[] = [
    sql`select * from ${items} where ${items.id} = ${'x'}`,
    sql`select ${sql.placeholder('p')}`,
    sql`select ${sql.param(sql.placeholder('p'))}`,
    sql`select ${'x'}`.inlineParams(),
    sql`select * from t where ${eq(items.n, 3)}`,
  ];
  for (const q of statements) {
    expect(writeStatement(fast, q)).toBeUndefined();
    expect(fast.sqlToQuery(q)).toEqual(drizzles.sqlToQuery(q));
  }
  // The query builder's statements compile as before.
  const built = fast.sqlToQuery(
    sql`select ${items.id} from ${items} where ${items.n} > ${sql.param(2, items.n)}`,
  );
  expect(built.sql).toBe('select "items"."id" from "items" where "items"."n" > $1');
  expect(built.params).toEqual([2]);
});

/** Random statements of text, values, params, identifiers, lists and nested statements. */
const chunk: fc.Memo<unknown> = fc.memo(
  (depth): fc.Arbitrary<unknown> =>
    depth <= 1
      ? fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.boolean())
      : fc.oneof<fc.Arbitrary<unknown>[]>(
          fc.string(),
          fc.integer(),
          fc.string().map((s) => sql.param(s)),
          fc.array(fc.integer()).map((a) => sql.param(a)),
          fc.string({ minLength: 1 }).map((s) => sql.identifier(s)),
          fc.string().map((s) => sql.raw(s)),
          fc.array(chunk(depth - 1), { maxLength: 3 }),
          fc.array(chunk(depth - 1), { maxLength: 4 }).map((parts) => statement(parts)),
        ),
);
const statement = (parts: unknown[]): SQL => {
  const strings = Object.assign(parts.map((_, i) => ` s${i} `).concat(['end']), {
    raw: [] as string[],
  }) as unknown as TemplateStringsArray;
  return sql(strings, ...(parts as never[]));
};

it('writes random statements as Drizzle does', () => {
  fc.assert(
    fc.property(fc.array(chunk(4), { maxLength: 6 }), (parts) => {
      const q = statement(parts);
      expect(writeStatement(fast, q)).toEqual(viaDrizzle(q));
    }),
  );
});
