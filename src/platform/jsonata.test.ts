// JSONata's budget: a range or sequence too long fails before it is allocated, a long evaluation
// fails at its time limit, runaway recursion at its depth; each as a clear 422 AppError.
import { afterEach, describe, expect, it } from 'vitest';
import { evaluateJsonata, setJsonataBudget } from './jsonata.js';

afterEach(() => setJsonataBudget({ timeoutMs: 250, maxSequence: 100_000, maxDepth: 500 }));

describe('JSONata budget', () => {
  it('refuses a range larger than the sequence budget before allocating it', async () => {
    await expect(evaluateJsonata('$sum([1..1e7])', {})).rejects.toMatchObject({
      code: 'expression_over_budget',
      status: 422,
    });
    await expect(evaluateJsonata('$sum([1..1000])', {})).resolves.toBe(500_500);
  });

  it('stops an evaluation at its time limit', async () => {
    setJsonataBudget({ timeoutMs: 20 });
    const slow = '$sum([1..50].($sum($map([1..90000], function($v) { $v * 2 }))))';
    await expect(evaluateJsonata(slow, {}, 'The transform')).rejects.toMatchObject({
      code: 'expression_over_budget',
      message: expect.stringContaining('The transform exceeded its budget'),
    });
  });

  it('stops runaway recursion, and reports other failures as expression_failed', async () => {
    const recursive = '( $f := function($n) { $f($n + 1) }; $f(0) )';
    await expect(evaluateJsonata(recursive, {})).rejects.toMatchObject({ code: 'expression_over_budget' });
    await expect(evaluateJsonata('$error("no such SKU")', {})).rejects.toMatchObject({
      code: 'expression_failed',
      message: expect.stringContaining('no such SKU'),
    });
  });
});
