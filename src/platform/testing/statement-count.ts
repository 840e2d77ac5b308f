// For tests that count SQL round trips on PostgreSQL: every statement any pg client of this process
// issues while `run` runs (background work included), with what `run` returned.
import pg from 'pg';

/** `matching`: only statements whose text it matches are counted. */
export async function countStatements<T>(
  run: () => Promise<T>,
  matching?: RegExp,
): Promise<{ result: T; statements: number }> {
  const original = pg.Client.prototype.query;
  let statements = 0;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const text = typeof args[0] === 'string' ? args[0] : ((args[0] as { text?: string })?.text ?? '');
    if (!matching || matching.test(text)) statements++;
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  try {
    const result = await run();
    return { result, statements };
  } finally {
    pg.Client.prototype.query = original;
  }
}
