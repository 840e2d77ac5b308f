// JSONata, the hub's user-editable mapping language (webhook and channel sync transforms, inbound
// mappings, rule conditions): expressions compiled once per process and checked on save. Every
// evaluation runs on a budget: the event loop is shared with every request, and JSONata awaits only
// microtasks, so an expression such as `$sum([1..1e7])` would stall the hub for as long as it runs.
// Over budget the evaluation fails with `expression_over_budget` (422).
import jsonata from 'jsonata';
import { AppError } from '../kernel/index.js';

export type CompiledJsonata = ReturnType<typeof jsonata>;

export interface JsonataBudget {
  /** Wall time of one evaluation, checked at every step (OMNIHUB_JSONATA_TIMEOUT_MS). */
  timeoutMs: number;
  /** Longest sequence or range one evaluation may build, checked before it is allocated. */
  maxSequence: number;
  /** Deepest nesting of evaluation steps (runaway recursion). */
  maxDepth: number;
}

const num = (v: string | undefined, d: number) => (v && Number(v) > 0 ? Number(v) : d);

/** Read once per process from the environment; tests may change it with setJsonataBudget. */
let budget: JsonataBudget = {
  timeoutMs: num(process.env.OMNIHUB_JSONATA_TIMEOUT_MS, 250),
  maxSequence: num(process.env.OMNIHUB_JSONATA_MAX_SEQUENCE, 100_000),
  maxDepth: 500,
};

const compiled = new Map<string, CompiledJsonata>();

export function setJsonataBudget(next: Partial<JsonataBudget>): void {
  budget = { ...budget, ...next };
  compiled.clear(); // the budget is part of each compiled expression
}

/** The expression compiled with the budget, from a bounded per-process cache (throws on a syntax error). */
export function compileJsonata(expr: string): CompiledJsonata {
  let c = compiled.get(expr);
  if (!c) {
    c = jsonata(expr, { timeout: budget.timeoutMs, sequence: budget.maxSequence, stack: budget.maxDepth });
    if (compiled.size > 1_000) compiled.clear();
    compiled.set(expr, c);
  }
  return c;
}

/** JSONata's own codes for a blown budget: stack depth, timeout, range too large, sequence too long. */
const OVER_BUDGET = new Set(['D1011', 'D1012', 'D2014', 'D2015']);

/**
 * Evaluates on the budget. Every failure is an AppError with a clear message: `expression_over_budget`
 * (422) past the budget, `expression_failed` (422) for any other evaluation error.
 */
export async function evaluateJsonata(
  expr: string,
  input: unknown,
  what = 'The expression',
): Promise<unknown> {
  try {
    return await compileJsonata(expr).evaluate(input);
  } catch (err) {
    const e = err as { code?: string; message?: string };
    if (e.code && OVER_BUDGET.has(e.code)) {
      throw new AppError(
        'expression_over_budget',
        `${what} exceeded its budget (${budget.timeoutMs} ms, ${budget.maxSequence} items): ${e.message}`,
        { details: { jsonataCode: e.code } },
      );
    }
    throw new AppError('expression_failed', `${what} failed: ${e.message ?? String(err)}`, {
      details: { ...(e.code ? { jsonataCode: e.code } : {}) },
    });
  }
}

/** Refuses an expression that does not compile: 400 naming the body field (`path`). */
export function checkJsonata(expr: string | null | undefined, path: string, what = `The ${path}`): void {
  if (!expr) return;
  try {
    compileJsonata(expr);
  } catch (err) {
    throw new AppError('validation_failed', `${what} is not a valid JSONata expression`, {
      issues: [{ path: `body.${path}`, message: (err as Error).message }],
    });
  }
}
