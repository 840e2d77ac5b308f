// The fast request reader gives exactly what Zod's parse gives (same keys, same order, defaults filled
// in) for inputs that fit, and hands every other input (and any schema it does not know) to Zod.
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { z } from 'zod';
import { compileReader, fastValidatorCompiler, OUT_OF_SHAPE } from './fast-validator.js';

const Line = z.object({ locationId: z.string().min(1), quantity: z.number().int().positive() });
const Input = z.strictObject({
  sku: z.string().min(1).max(20).regex(/^\S+$/),
  quantity: z.number().int().positive().max(1_000),
  kind: z.enum(['cart_hold', 'pickup_hold']).default('cart_hold'),
  channelId: z.string().optional().describe('described'),
  ttlSeconds: z.number().int().min(1).max(3600).optional(),
  allowPartial: z.boolean().default(false),
  note: z.string().nullable().optional(),
  tag: z.literal('x').or(z.literal(2)).optional(),
  lines: z.array(Line).optional(),
  metadata: z.unknown().optional(),
});
const Stripping = z.object({ id: z.string(), count: z.number().optional() });

const asZod = (schema: z.ZodType, value: unknown) => {
  const r = schema.safeParse(value);
  return r.success ? { ok: true as const, value: r.data } : { ok: false as const };
};

function agrees(schema: z.ZodType, value: unknown) {
  const read = compileReader(schema)!;
  const fast = read(value);
  const zod = asZod(schema, value);
  if (fast === OUT_OF_SHAPE) return false; // Zod decides: always allowed
  expect(zod.ok).toBe(true);
  expect(fast).toStrictEqual(zod.ok && zod.value);
  expect(JSON.stringify(fast)).toBe(JSON.stringify(zod.ok && zod.value)); // the same key order
  return true;
}

it('reads what Zod reads, with defaults filled in and undeclared keys stripped', () => {
  const good = { quantity: 1, sku: 'HOT-1', lines: [{ quantity: 2, locationId: 'wh', extra: 1 }] };
  const out = compileReader(Input)!(good);
  expect(out).toStrictEqual(Input.parse(good));
  expect(Object.keys(out as object)).toEqual(['sku', 'quantity', 'kind', 'allowPartial', 'lines']);
  expect((out as { lines: unknown[] }).lines[0]).toStrictEqual({ locationId: 'wh', quantity: 2 });
  expect(compileReader(Stripping)!({ id: 'a', other: true })).toStrictEqual({ id: 'a' });
});

it('hands every input out of shape to Zod', () => {
  const read = compileReader(Input)!;
  for (const bad of [
    null,
    [],
    'x',
    { sku: 'HOT-1' }, // a required key missing
    { sku: 'HOT 1', quantity: 1 }, // the regex
    { sku: 'HOT-1', quantity: 1.5 }, // int
    { sku: 'HOT-1', quantity: 0 }, // positive
    { sku: 'HOT-1', quantity: 1, kind: 'other' },
    { sku: 'HOT-1', quantity: 1, unknown: 1 }, // strict
    { sku: 'HOT-1', quantity: 1, channelId: undefined }, // present but undefined
    { sku: 'HOT-1', quantity: 1, lines: [{ locationId: '', quantity: 1 }] },
    Object.create({ sku: 'HOT-1', quantity: 1 }), // not a plain object
  ]) {
    expect(read(bad)).toBe(OUT_OF_SHAPE);
  }
});

it('leaves schemas with parts only Zod handles to Zod', () => {
  expect(compileReader(z.object({ a: z.string().transform((s) => s.length) }))).toBeNull();
  expect(compileReader(z.object({ n: z.coerce.number() }))).toBeNull();
  expect(compileReader(z.looseObject({ a: z.string() }))).toBeNull();
  expect(compileReader(z.object({ a: z.string() }).refine(() => true))).toBeNull();
  expect(compileReader(z.object({ e: z.email() }))).toBeNull();
  expect(compileReader(z.object({ t: z.string().trim() }))).toBeNull();
  expect(compileReader(z.object({ d: z.array(z.string()).default([]) }))).toBeNull();
});

it('agrees with Zod on generated inputs, valid and not', () => {
  // Each field mostly fits, sometimes not, so both paths are compared.
  const mostly = <T, U>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<U>) =>
    fc.oneof({ arbitrary: good, weight: 6 }, { arbitrary: bad, weight: 1 });
  const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
  const num = fc.oneof(
    fc.integer({ min: -5, max: 1_100 }),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
  );
  const input = fc.record(
    {
      sku: mostly(fc.constantFrom('HOT-1', 'A', 'x-y'), fc.string({ maxLength: 25 })),
      quantity: mostly(fc.integer({ min: 1, max: 1_000 }), num),
      kind: maybe(mostly(fc.constantFrom('cart_hold', 'pickup_hold'), fc.constant('nope'))),
      channelId: maybe(mostly(fc.string(), fc.integer())),
      ttlSeconds: maybe(mostly(fc.integer({ min: 1, max: 3600 }), num)),
      allowPartial: maybe(mostly(fc.boolean(), fc.constant('true'))),
      note: maybe(fc.oneof(fc.string(), fc.constant(null))),
      tag: maybe(mostly(fc.constantFrom('x', 2), fc.constantFrom('y', 3))),
      lines: maybe(
        fc.array(
          fc.record({
            locationId: mostly(fc.constant('wh'), fc.string({ maxLength: 3 })),
            quantity: mostly(fc.integer({ min: 1, max: 9 }), num),
          }),
          { maxLength: 3 },
        ),
      ),
      metadata: maybe(fc.jsonValue()),
      stray: maybe(fc.constant('refused by the strict object')),
    },
    { requiredKeys: ['sku', 'quantity'] },
  );
  let accepted = 0;
  const check = (schema: z.ZodType) => (v: unknown) => {
    if (agrees(schema, v)) accepted++;
  };
  fc.assert(fc.property(input, check(Input)), { numRuns: 2_000 });
  expect(accepted).toBeGreaterThan(20); // the fast path itself was compared, not only Zod's
  fc.assert(fc.property(fc.anything(), check(Input)), { numRuns: 500 });
  fc.assert(fc.property(fc.object(), check(Stripping)), { numRuns: 500 });
});

it('answers Fastify with the value, or with Zod’s refusal', () => {
  const validate = fastValidatorCompiler({ schema: Input, method: 'POST', url: '/x', httpPart: 'body' });
  expect(validate({ sku: 'HOT-1', quantity: 2 })).toStrictEqual({
    value: { sku: 'HOT-1', quantity: 2, kind: 'cart_hold', allowPartial: false },
  });
  const refused = validate({ sku: 'HOT-1', quantity: -1 }) as { error?: unknown };
  expect(refused.error).toBeDefined();
});
