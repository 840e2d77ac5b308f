// Reads request bodies, path parameters and query strings through their Zod schemas without Zod on
// the way when the input fits: a full Zod parse is a large share of a small request's CPU. For
// schemas made only of plain parts (objects that strip unknown keys or refuse them, strings with
// length and regex checks, numbers with bounds, booleans, enums, literals, arrays, unknown values,
// nullable/optional, constant defaults, unions of these) one walk checks the input as Zod would and builds the same
// output (declared keys in the schema's order, defaults filled in). Anything else (transforms,
// coercion, refinements, loose objects…) keeps the Zod path, and so does any input the walk finds out
// of shape: Zod then answers it, so every refusal and its issues stay Zod's.
import type { FastifySchemaCompiler } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { checksOf } from './fast-serializer.js';

/** The output Zod would give for an input that fits, or OUT_OF_SHAPE (Zod decides then). */
export type Reader = (value: unknown) => unknown;
export const OUT_OF_SHAPE: unique symbol = Symbol('out of shape');

interface ZodLike {
  _zod: { def: Record<string, any> & { type: string }; optin?: string; optout?: string };
}

const isZod = (s: unknown): s is ZodLike =>
  typeof s === 'object' && s !== null && '_zod' in s && typeof (s as ZodLike)._zod?.def?.type === 'string';

const isPlain = (v: unknown): v is Record<string, unknown> => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};

/** A reader for the schema, or null when it holds a part only Zod handles. */
export function compileReader(schema: unknown): Reader | null {
  if (!isZod(schema)) return null;
  const def = schema._zod.def;
  if (def.coerce) return null;
  switch (def.type) {
    case 'string': {
      const ok = checksOf(def);
      return ok && ((v) => (typeof v === 'string' && ok(v) ? v : OUT_OF_SHAPE));
    }
    case 'number': {
      const ok = checksOf(def);
      return ok && ((v) => (typeof v === 'number' && Number.isFinite(v) && ok(v) ? v : OUT_OF_SHAPE));
    }
    case 'boolean':
      return (def.checks?.length ?? 0) === 0 ? (v) => (typeof v === 'boolean' ? v : OUT_OF_SHAPE) : null;
    case 'null':
      return (v) => (v === null ? v : OUT_OF_SHAPE);
    case 'enum': {
      const values = new Set<unknown>(Object.values(def.entries ?? {}));
      return (v) => (values.has(v) ? v : OUT_OF_SHAPE);
    }
    case 'literal': {
      const values: unknown[] = def.values ?? [];
      const plain = (x: unknown): boolean =>
        typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean' || x === null;
      if (!values.every(plain)) return null;
      return (v) => (values.includes(v) ? v : OUT_OF_SHAPE);
    }
    case 'nullable': {
      const inner = compileReader(def.innerType);
      return inner && ((v) => (v === null ? null : inner(v)));
    }
    case 'array': {
      const element = (def.checks?.length ?? 0) === 0 ? compileReader(def.element) : null;
      return element && ((v) => readArray(element, v));
    }
    case 'union': {
      // Zod's union answers with the first option that fits.
      const options = (def.options as unknown[]).map(compileReader);
      if (options.some((o) => o === null) || def.inclusive === false || def.discriminator !== undefined)
        return null;
      return (v) => {
        for (const o of options as Reader[]) {
          const out = o(v);
          if (out !== OUT_OF_SHAPE) return out;
        }
        return OUT_OF_SHAPE;
      };
    }
    case 'object':
      return objectReader(def);
    case 'unknown':
      return (v) => v;
    default:
      return null;
  }
}

function readArray(element: Reader, v: unknown): unknown {
  if (!Array.isArray(v)) return OUT_OF_SHAPE;
  const out = new Array(v.length);
  for (let i = 0; i < v.length; i++) {
    const item = element(v[i]);
    if (item === OUT_OF_SHAPE) return OUT_OF_SHAPE;
    out[i] = item;
  }
  return out;
}

interface Property {
  key: string;
  /** absent: required, `optional` (left out of the output) or `default` (filled in). */
  absent: 'required' | 'optional' | 'default';
  fallback?: () => unknown;
  read: Reader;
}

/** A key's reader, unwrapping one optional or constant default; null when only Zod handles it. */
function propertyOf(key: string, prop: unknown): Property | null {
  if (!isZod(prop)) return null;
  const def = prop._zod.def;
  if (def.type === 'optional') {
    const read = compileReader(def.innerType);
    return read && { key, absent: 'optional', read };
  }
  if (def.type === 'default') {
    const read = compileReader(def.innerType);
    // Zod reads `defaultValue` anew per parse (a fresh copy of an object default).
    const plain = (x: unknown) => typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean';
    if (!read || !plain(def.defaultValue)) return null;
    return { key, absent: 'default', fallback: () => def.defaultValue, read };
  }
  const read = compileReader(prop);
  return read && { key, absent: 'required', read };
}

/** Objects that strip unknown keys (Zod's default) or refuse them (strict); loose ones keep the Zod path. */
function objectReader(def: Record<string, any>): Reader | null {
  const strict = def.catchall?._zod?.def?.type === 'never';
  if ((def.catchall !== undefined && !strict) || (def.checks?.length ?? 0) > 0) return null;
  const props: Property[] = [];
  for (const [key, prop] of Object.entries(def.shape as Record<string, unknown>)) {
    const p = propertyOf(key, prop);
    if (!p) return null;
    props.push(p);
  }
  const declared = new Set(props.map((p) => p.key));
  return (v) => {
    if (!isPlain(v)) return OUT_OF_SHAPE;
    if (strict) for (const k in v) if (!declared.has(k)) return OUT_OF_SHAPE;
    const out: Record<string, unknown> = {};
    for (const p of props) {
      const value = v[p.key];
      if (value === undefined) {
        // A key present with no value is rare enough to leave to Zod.
        if (p.key in v || p.absent === 'required') return OUT_OF_SHAPE;
        if (p.absent === 'default') out[p.key] = p.fallback!();
        continue;
      }
      const read = p.read(value);
      if (read === OUT_OF_SHAPE) return OUT_OF_SHAPE;
      out[p.key] = read;
    }
    return out;
  };
}

type Validation = ReturnType<ReturnType<FastifySchemaCompiler<unknown>>>;

/** fastify-type-provider-zod's validator compiler with the fast path in front where it applies. */
export const fastValidatorCompiler: FastifySchemaCompiler<unknown> = (route) => {
  const viaZod = validatorCompiler(route as never) as (data: unknown) => Validation;
  const read = compileReader(route.schema);
  if (!read) return viaZod;
  return (data: unknown): Validation => {
    const value = read(data);
    return value === OUT_OF_SHAPE ? viaZod(data) : { value };
  };
};
