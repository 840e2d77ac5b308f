// JSONata, the hub's user-editable mapping language (webhook and channel sync transforms, inbound
// mappings, rule conditions): expressions compiled once per process and checked on save.
import jsonata from 'jsonata';
import { AppError } from '../kernel/index.js';

export type CompiledJsonata = ReturnType<typeof jsonata>;

const compiled = new Map<string, CompiledJsonata>();

/** The expression compiled, from a bounded per-process cache (throws on a syntax error). */
export function compileJsonata(expr: string): CompiledJsonata {
  let c = compiled.get(expr);
  if (!c) {
    c = jsonata(expr);
    if (compiled.size > 1_000) compiled.clear();
    compiled.set(expr, c);
  }
  return c;
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
