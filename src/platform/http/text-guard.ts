// Text the hub can store: PostgreSQL text and jsonb hold no NUL character, jsonb refuses unpaired
// UTF-16 surrogates (and a text column would silently store U+FFFD instead), and a string of
// megabytes in an indexed column fails the index. One walk over every parsed JSON body, query
// string and path parameter refuses those at the edge with a 400 naming the field, before any
// handler runs, so no route needs to think of it and nothing is written.
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { AppError, type FieldIssue } from '../../kernel/index.js';

/** Longest string accepted anywhere (routes' own schemas set tighter limits). */
export const MAX_TEXT_LENGTH = 100_000;
/** Deepest nesting of objects and arrays accepted in a JSON document. */
export const MAX_JSON_DEPTH = 32;
/** Most object keys and array items in one document (a flat million-key object is no request). */
export const MAX_JSON_NODES = 50_000;

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a string cannot be stored, or undefined when it can. */
export function textProblem(s: string, maxLength = MAX_TEXT_LENGTH): FieldIssue | undefined {
  if (s.includes('\u0000'))
    return { path: '', message: 'must not contain a NUL character', code: 'nul_character' };
  if (LONE_SURROGATE.test(s))
    return { path: '', message: 'must not contain an unpaired UTF-16 surrogate', code: 'unpaired_surrogate' };
  if (s.length > maxLength)
    return { path: '', message: `must be at most ${maxLength} characters`, code: 'too_long' };
  return undefined;
}

const join = (base: string, key: string | number) => (base ? `${base}.${key}` : String(key));

/**
 * Every unstorable string (values and object keys), too deep a nesting or too many nodes in `value`,
 * each named by its path under `base` (e.g. `body.lines.0.sku`). Stops after `limit` issues.
 */
export function findTextProblems(value: unknown, base: string, limit = 20): FieldIssue[] {
  const issues: FieldIssue[] = [];
  let nodes = 0;
  // Iterative walk: a hostile document may be deeper than the call stack.
  const stack: Array<{ v: unknown; path: string; depth: number }> = [{ v: value, path: base, depth: 0 }];
  while (stack.length && issues.length < limit) {
    const { v, path, depth } = stack.pop()!;
    if (typeof v === 'string') {
      const p = textProblem(v);
      if (p) issues.push({ ...p, path: path || base });
      continue;
    }
    if (typeof v === 'number' && !Number.isFinite(v)) {
      issues.push({ path, message: 'must be a finite number', code: 'not_finite' });
      continue;
    }
    if (v === null || typeof v !== 'object' || Buffer.isBuffer(v)) continue;
    if (depth >= MAX_JSON_DEPTH) {
      issues.push({ path, message: `nests deeper than ${MAX_JSON_DEPTH} levels`, code: 'too_deep' });
      continue;
    }
    if (Array.isArray(v)) {
      nodes += v.length;
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], path: join(path, i), depth: depth + 1 });
    } else {
      const entries = Object.entries(v as Record<string, unknown>);
      nodes += entries.length;
      for (let i = entries.length - 1; i >= 0; i--) {
        const [k, child] = entries[i]!;
        const keyProblem = textProblem(k, 1_000);
        if (keyProblem)
          issues.push({
            ...keyProblem,
            path: join(path, JSON.stringify(k).slice(1, -1)) /* escaped: the path is shown */,
            message: `key ${keyProblem.message}`,
          });
        else stack.push({ v: child, path: join(path, k), depth: depth + 1 });
      }
    }
    if (nodes > MAX_JSON_NODES) {
      issues.push({
        path: base,
        message: `holds more than ${MAX_JSON_NODES} values`,
        code: 'too_many_values',
      });
      break;
    }
  }
  return issues;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * `per-item`: the route checks the text of each item of its batch itself and keeps the good
     * ones (Segment batches); the global check then leaves its body alone.
     */
    textGuard?: 'per-item';
  }
}

/** The global check, before validation and any handler: 400 `validation_failed` naming the fields. */
export function registerTextGuard(app: FastifyInstance): void {
  app.addHook('preValidation', (request, _reply, done) => {
    const issues = findTextProblems(request.params, 'params');
    if (request.query !== undefined) issues.push(...findTextProblems(request.query, 'query'));
    // A streamed body (an import upload) is read by its route, which checks what it parses.
    if (request.routeConfig?.textGuard !== 'per-item' && !(request.body instanceof Readable))
      issues.push(...findTextProblems(request.body, 'body'));
    if (issues.length) {
      return done(
        new AppError('validation_failed', 'The request holds text or values that cannot be stored', {
          issues,
        }),
      );
    }
    done();
  });
}
