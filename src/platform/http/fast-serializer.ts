// Replies through their Zod response schemas without Zod on the way: fastify-type-provider-zod
// encodes every reply with the schema (a full parse) and then JSON.stringify's the copy, a large
// share of a small request's CPU. For schemas made only of plain parts (objects that strip unknown
// keys or refuse them, strings with length and regex checks, numbers with bounds, booleans, enums,
// literals, dates, arrays, records with string keys, unknown values, nullable/optional, unions of
// these) one walk checks the value as Zod would and writes the JSON at once, with only the declared
// keys (nothing the schema does not name leaves the hub). Anything else (transforms, refinements,
// defaults, loose objects…) keeps the Zod path, and so does any value the walk finds out of shape: Zod
// then answers it as before (its error, its 500), so the fast path only ever writes what Zod would have.
import type { FastifySerializerCompiler } from 'fastify';
import { serializerCompiler } from 'fastify-type-provider-zod';

/** Writes the JSON of a value that fits, or undefined: not this shape (Zod decides then). */
export type Writer = (value: unknown) => string | undefined;

interface ZodLike {
  _zod: { def: Record<string, any> & { type: string } };
}

const isZod = (s: unknown): s is ZodLike =>
  typeof s === 'object' && s !== null && '_zod' in s && typeof (s as ZodLike)._zod?.def?.type === 'string';

type Check = (v: any) => boolean;

/** The checks a string or number may carry that this walk repeats; null: one it does not know. */
export function checksOf(def: Record<string, any>): Check | null {
  const checks: Check[] = [];
  const all = [...(def.checks ?? []), ...(def.check ? [{ _zod: { def } }] : [])];
  for (const c of all) {
    const d = c?._zod?.def;
    if (d?.check === 'number_format' && d.format === 'safeint') checks.push(Number.isSafeInteger);
    else if (d?.check === 'min_length') checks.push((v: string) => v.length >= d.minimum);
    else if (d?.check === 'max_length') checks.push((v: string) => v.length <= d.maximum);
    else if (d?.check === 'string_format' && d.format === 'regex' && d.pattern instanceof RegExp) {
      const pattern: RegExp = d.pattern;
      checks.push((v: string) => {
        pattern.lastIndex = 0;
        return pattern.test(v);
      });
    } else if (d?.check === 'greater_than' && typeof d.value === 'number')
      checks.push(d.inclusive ? (v: number) => v >= d.value : (v: number) => v > d.value);
    else if (d?.check === 'less_than' && typeof d.value === 'number')
      checks.push(d.inclusive ? (v: number) => v <= d.value : (v: number) => v < d.value);
    else return null;
  }
  if (def.type === 'string' && def.format !== undefined) return null;
  if (checks.length === 0) return () => true;
  return (v) => checks.every((c) => c(v));
}

/** A writer for the schema, or null when it holds a part only Zod handles. */
export function compileWriter(schema: unknown): Writer | null {
  if (!isZod(schema)) return null;
  const def = schema._zod.def;
  switch (def.type) {
    case 'string': {
      const ok = checksOf(def);
      return ok && ((v) => (typeof v === 'string' && ok(v) ? JSON.stringify(v) : undefined));
    }
    case 'number': {
      const ok = checksOf(def);
      return ok && ((v) => (typeof v === 'number' && Number.isFinite(v) && ok(v) ? String(v) : undefined));
    }
    case 'boolean':
      return (v) => (typeof v === 'boolean' ? String(v) : undefined);
    case 'null':
      return (v) => (v === null ? 'null' : undefined);
    case 'date':
      if ((def.checks?.length ?? 0) > 0) return null;
      // What JSON.stringify writes for a date (its toJSON is toISOString), without the detour.
      return (v) => (v instanceof Date && !Number.isNaN(v.getTime()) ? `"${v.toISOString()}"` : undefined);
    case 'enum': {
      const values = new Set<unknown>(Object.values(def.entries ?? {}));
      return (v) => (values.has(v) ? JSON.stringify(v) : undefined);
    }
    case 'literal': {
      const values: unknown[] = def.values ?? [];
      const plain = (x: unknown) =>
        typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean' || x === null;
      if (!values.every(plain)) return null;
      return (v) => ((values as unknown[]).includes(v) ? JSON.stringify(v) : undefined);
    }
    case 'nullable': {
      const inner = compileWriter(def.innerType);
      return inner && ((v) => (v === null ? 'null' : inner(v)));
    }
    case 'array':
      return (def.checks?.length ?? 0) === 0 ? arrayWriter(compileWriter(def.element)) : null;
    case 'union': {
      const options = (def.options as unknown[]).map(compileWriter);
      if (options.some((o) => o === null)) return null;
      return (v) => {
        for (const o of options as Writer[]) {
          const out = o(v);
          if (out !== undefined) return out;
        }
        return undefined;
      };
    }
    case 'object':
      return objectWriter(def);
    case 'record':
      return recordWriter(def);
    case 'unknown':
      // Zod passes the value on as it is; JSON.stringify writes it as the Zod path would.
      return (v) => (v === undefined ? undefined : JSON.stringify(v));
    default:
      return null;
  }
}

function arrayWriter(element: Writer | null): Writer | null {
  if (!element) return null;
  return (v) => {
    if (!Array.isArray(v)) return undefined;
    let out = '[';
    for (let i = 0; i < v.length; i++) {
      const item = element(v[i]);
      if (item === undefined) return undefined;
      out += i ? `,${item}` : item;
    }
    return `${out}]`;
  };
}

/**
 * A record with plain string keys, of plain objects only (Zod's test); a symbol, non-enumerable or
 * `__proto__` key is left to Zod.
 */
function recordWriter(def: Record<string, any>): Writer | null {
  const key = def.keyType?._zod?.def;
  if (key?.type !== 'string' || key.format !== undefined || (key.checks?.length ?? 0) > 0) return null;
  if ((def.checks?.length ?? 0) > 0) return null;
  const write = compileWriter(def.valueType);
  if (!write) return null;
  return (v) => {
    if (typeof v !== 'object' || v === null) return undefined;
    const proto = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) return undefined;
    const keys = Object.keys(v);
    if (Reflect.ownKeys(v).length !== keys.length) return undefined;
    let out = '';
    for (const k of keys) {
      if (k === '__proto__') return undefined;
      const written = write((v as Record<string, unknown>)[k]);
      if (written === undefined) return undefined;
      out += `${out ? ',' : ''}${JSON.stringify(k)}:${written}`;
    }
    return `{${out}}`;
  };
}

/** Objects that strip unknown keys (Zod's default) or refuse them (strict); loose ones keep the Zod path. */
function objectWriter(def: Record<string, any>): Writer | null {
  const strict = def.catchall?._zod?.def?.type === 'never';
  if ((def.catchall !== undefined && !strict) || (def.checks?.length ?? 0) > 0) return null;
  const props: Array<{ key: string; prefix: string; optional: boolean; write: Writer }> = [];
  for (const [key, prop] of Object.entries(def.shape as Record<string, unknown>)) {
    const optional = isZod(prop) && prop._zod.def.type === 'optional';
    const write = compileWriter(optional ? (prop as ZodLike)._zod.def.innerType : prop);
    if (!write) return null;
    props.push({ key, prefix: `${JSON.stringify(key)}:`, optional, write });
  }
  const declared = new Set(props.map((p) => p.key));
  return (v) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return undefined;
    const o = v as Record<string, unknown>;
    // Zod refuses a strict object's undeclared key, inherited enumerable ones included.
    if (strict) for (const k in o) if (!declared.has(k)) return undefined;
    let out = '';
    for (const p of props) {
      const value = o[p.key];
      if (value === undefined && p.optional) continue;
      const written = p.write(value);
      if (written === undefined) return undefined;
      out += out ? `,${p.prefix}${written}` : p.prefix + written;
    }
    return `{${out}}`;
  };
}

/** fastify-type-provider-zod's serializer compiler with the fast path in front where it applies. */
export const fastSerializerCompiler: FastifySerializerCompiler<unknown> = (route) => {
  const viaZod = serializerCompiler(route as never) as (data: unknown) => string;
  const write = compileWriter(route.schema);
  if (!write) return viaZod;
  return (data: unknown) => write(data) ?? viaZod(data);
};
