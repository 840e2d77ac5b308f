// fast-check arbitraries from the JSON Schemas of the hub's OpenAPI document: `valid` follows the
// schema (enums, patterns, bounds, required fields) so requests reach the handlers; `hostile` takes
// such a value and spoils one spot of it with what breaks servers: NUL, unpaired surrogates, huge or
// fractional numbers, deep nesting, very long strings, a value of the wrong type.
import fc from 'fast-check';

export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  additionalProperties?: boolean | JsonSchema;
};

const MAX_DEPTH = 6;

function stringArb(s: JsonSchema): fc.Arbitrary<string> {
  if (s.pattern) {
    try {
      return fc.stringMatching(new RegExp(s.pattern)).filter((v) => v.length <= (s.maxLength ?? 10_000));
    } catch {
      // a pattern fast-check cannot read: fall through to plain strings
    }
  }
  switch (s.format) {
    case 'email':
      return fc.emailAddress();
    case 'date-time':
      return fc
        .date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
        .map((d) => d.toISOString());
    case 'date':
      return fc
        .date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10));
    case 'uri':
    case 'url':
      return fc.webUrl();
    case 'uuid':
      return fc.uuid();
  }
  return fc.string({ minLength: s.minLength ?? 0, maxLength: Math.min(s.maxLength ?? 24, 24) });
}

function numberArb(s: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const min = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : -1_000);
  const max = s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - 1 : 100_000);
  const lo = Math.max(min, -1e9);
  const hi = Math.min(max, 1e9);
  if (integer) return fc.integer({ min: Math.ceil(lo), max: Math.max(Math.ceil(lo), Math.floor(hi)) });
  return fc.double({ min: lo, max: Math.max(lo, hi), noNaN: true, noDefaultInfinity: true });
}

/** Values the schema accepts (as far as JSON Schema tells; refinements in code may still refuse). */
export function validArb(s: JsonSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!s || depth > MAX_DEPTH) return fc.constant(null);
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((a) => validArb(a, depth + 1)));
  if (s.allOf?.length) return validArb(Object.assign({}, ...s.allOf), depth + 1);
  const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  if (types.length > 1) return fc.oneof(...types.map((type) => validArb({ ...s, type }, depth)));
  switch (types[0]) {
    case 'string':
      return stringArb(s);
    case 'integer':
      return numberArb(s, true);
    case 'number':
      return numberArb(s, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(validArb(s.items, depth + 1), {
        minLength: s.minItems ?? 0,
        maxLength: Math.min(s.maxItems ?? 3, Math.max(3, s.minItems ?? 0)),
      });
    case 'object': {
      const props = s.properties ?? {};
      const required = new Set(s.required ?? []);
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, v] of Object.entries(props)) model[k] = validArb(v, depth + 1);
      return fc.record(model, { requiredKeys: Object.keys(props).filter((k) => required.has(k)) });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** What breaks servers that trust their input. */
export const hostileLeaf: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    'a\u0000b',
    '\u0000',
    '\ud800',
    'x\udfff',
    '\ud83d',
    'x'.repeat(300_000),
    '%00',
    "'; drop table events; --",
    '../../etc/passwd',
    '{{7*7}}',
    1e308,
    -1e308,
    2 ** 53 + 1,
    2 ** 31,
    -(2 ** 31) - 1,
    0.5,
    -1,
    -0,
    '',
    ' ',
    true,
    null,
    [],
    {},
    [[[[[[[[[[]]]]]]]]]],
  ),
  fc.integer({ min: 40, max: 200 }).map((n) => {
    let v: unknown = 'deep';
    for (let i = 0; i < n; i++) v = { a: [v] };
    return v;
  }),
);

/** Replaces one spot of `value` (a random path, or the whole) with a hostile leaf. */
export function spoil(value: unknown, pick: number, leaf: unknown): unknown {
  const spots: Array<(v: unknown) => unknown> = [() => leaf];
  const walk = (v: unknown, set: (f: (old: unknown) => unknown) => (root: unknown) => unknown) => {
    if (v && typeof v === 'object') {
      for (const k of Object.keys(v)) {
        const at = (f: (old: unknown) => unknown) =>
          set((old) => {
            const copy: Record<string, unknown> = Array.isArray(old)
              ? ([...old] as unknown as Record<string, unknown>)
              : { ...(old as Record<string, unknown>) };
            copy[k] = f(copy[k]);
            return copy;
          });
        spots.push(at(() => leaf));
        walk((v as Record<string, unknown>)[k], at);
      }
    }
  };
  walk(value, (f) => (root) => f(root));
  return spots[pick % spots.length]!(value);
}

/** A schema-following value with one spot spoiled. */
export const hostileArb = (s: JsonSchema | undefined): fc.Arbitrary<unknown> =>
  fc.tuple(validArb(s), fc.nat(), hostileLeaf).map(([value, pick, leaf]) => spoil(value, pick, leaf));
