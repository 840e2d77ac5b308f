// A statement marked planEachTime is never prepared under a name on PostgreSQL, so the server plans
// it with its parameters' values at every execution; an unmarked statement with parameters is
// prepared once per connection (its plan may then be a generic one, kept until the next ANALYZE).
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { inTransaction } from '../context.js';
import { describeEachDatabase } from '../testing/test-databases.js';
import { planEachTime, planEachTimeFor, rows } from './database.js';
import { statementName } from './named-statements.js';

it('names a statement by its text, and never one marked to be planned each time', () => {
  const text = 'select $1::int as plan_each_time_unit';
  expect(statementName(text)).toMatch(/^oh_/);
  expect(statementName(text)).toBe(statementName(text));
  const marked = `/* plan each time */ ${text}`;
  expect(statementName(marked)).toBeUndefined();
  expect(statementName(marked)).toBeUndefined(); // remembered, still unnamed
});

describeEachDatabase('statements planned at every execution', [], (t) => {
  it.runIf(t.kind === 'postgres')('leaves a marked statement unprepared on the connection', async () => {
    const prepared = await inTransaction(t.ctx(), async (tx) => {
      // One transaction: every statement on one pooled connection, whose prepared statements we read.
      for (let i = 0; i < 7; i++) {
        await tx.db.execute(sql`select ${i}::int as pe_probe_named`);
        await tx.db.execute(sql`${planEachTime}select ${i}::int as pe_probe_marked`);
        // A batch below 100 rows keeps its prepared plan; from 100 up it is planned each time.
        await tx.db.execute(sql`${planEachTimeFor(99)}select ${i}::int as pe_probe_small`);
        await tx.db.execute(sql`${planEachTimeFor(100)}select ${i}::int as pe_probe_large`);
      }
      return rows<{ statement: string }>(
        tx.db,
        sql`select statement from pg_prepared_statements where statement like '%pe_probe_%' order by statement`,
      );
    });
    expect(prepared.map((p) => p.statement)).toEqual([
      expect.stringContaining('pe_probe_named'),
      expect.stringContaining('pe_probe_small'),
    ]);
  });
});
