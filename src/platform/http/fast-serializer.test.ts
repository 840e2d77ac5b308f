// The fast reply writer writes exactly what Zod's encode + JSON.stringify would, and hands anything
// out of shape (or a schema it does not know) back to Zod.
import { expect, it } from 'vitest';
import { z } from 'zod';
import { compileWriter, fastSerializerCompiler } from './fast-serializer.js';

const viaZod = (schema: z.ZodType, value: unknown): string | undefined => {
  const r = z.safeEncode(schema, value as never);
  return r.success ? JSON.stringify(r.data) : undefined;
};

const Line = z.object({ locationId: z.string(), quantity: z.number().int() });
const Reservation = z.object({
  id: z.string().min(1),
  kind: z.enum(['cart_hold', 'order_allocation']),
  quantity: z.number().int(),
  price: z.number(),
  lines: z.array(Line),
  reference: z.string().nullable(),
  note: z.string().optional(),
  live: z.boolean(),
  expiresAt: z.date().nullable(),
  tag: z.literal('x').or(z.literal(2)),
});

const good = {
  note: 'n "quoted" \u2028',
  id: 'res_1',
  kind: 'cart_hold',
  quantity: 3,
  price: -0.5,
  lines: [{ locationId: 'wh', quantity: 3, secret: 'not declared' }],
  reference: null,
  live: true,
  expiresAt: new Date(0),
  tag: 2,
  extra: 'stripped',
};

it('writes what Zod writes, declared keys only', () => {
  const write = compileWriter(Reservation)!;
  expect(write).not.toBeNull();
  expect(write(good)).toBe(viaZod(Reservation, good));
  expect(write(good)).not.toContain('stripped');
  const { note: _n, ...noNote } = good;
  expect(write(noNote)).toBe(viaZod(Reservation, noNote));
  expect(JSON.parse(write({ ...good, note: undefined })!)).toEqual(
    JSON.parse(viaZod(Reservation, { ...good, note: undefined })!),
  );
});

it('finds out of shape exactly what Zod refuses', () => {
  const write = compileWriter(Reservation)!;
  const bad: unknown[] = [
    null,
    [],
    { ...good, id: '' },
    { ...good, kind: 'other' },
    { ...good, quantity: 1.5 },
    { ...good, quantity: 2 ** 60 },
    { ...good, price: Number.NaN },
    { ...good, price: Number.POSITIVE_INFINITY },
    { ...good, lines: [{ locationId: 'wh' }] },
    { ...good, reference: undefined },
    { ...good, expiresAt: new Date(Number.NaN) },
    { ...good, expiresAt: '1970-01-01T00:00:00.000Z' },
    { ...good, live: 'true' },
    { ...good, tag: 'y' },
  ];
  for (const value of bad) {
    expect(viaZod(Reservation, value), JSON.stringify(value)).toBeUndefined();
    expect(write(value), JSON.stringify(value)).toBeUndefined();
  }
});

it('leaves to Zod the schemas it does not know', () => {
  expect(compileWriter(z.object({ a: z.string().transform((s) => s.length) }))).toBeNull();
  expect(compileWriter(z.object({ a: z.string().email() }))).toBeNull();
  expect(compileWriter(z.object({ a: z.string().default('x') }))).toBeNull();
  expect(compileWriter(z.object({ a: z.record(z.string().min(2), z.number()) }))).toBeNull();
  expect(compileWriter(z.object({ a: z.record(z.enum(['x', 'y']), z.number()) }))).toBeNull();
  expect(compileWriter(z.object({ a: z.date().min(new Date(0)) }))).toBeNull();
  expect(compileWriter(z.looseObject({ a: z.string() }))).toBeNull();
  expect(compileWriter(z.object({ a: z.string() }).refine(() => true))).toBeNull();
});

it('answers a value out of shape as Zod does (a serialization error)', () => {
  const serialize = fastSerializerCompiler({
    schema: Reservation,
    method: 'GET',
    url: '/x',
    httpStatus: '200',
  } as never) as (data: unknown) => string;
  expect(serialize(good)).toBe(viaZod(Reservation, good));
  expect(() => serialize({ ...good, kind: 'other' })).toThrow();
});

const Address = z.strictObject({
  line1: z.string().min(1).max(200),
  country: z.string().regex(/^[A-Z]{2}$/),
  latitude: z.number().min(-90).max(90).optional(),
  rank: z.number().positive().lt(10).optional(),
});
const Placed = z.object({
  address: Address,
  metadata: z.record(z.string(), z.unknown()),
  counts: z.record(z.string(), z.number().int()),
});
const placed = {
  address: { line1: 'Dam 1', country: 'NL', latitude: 52.37, rank: 9.5 },
  metadata: { source: 'pos', nested: { at: new Date(0), list: [1, 'two', null] }, '2': true },
  counts: { a: 1, b: -2 },
};

it('writes strict objects, regex and bound checks, records and unknown values as Zod does', () => {
  const write = compileWriter(Placed)!;
  expect(write).not.toBeNull();
  expect(write(placed)).toBe(viaZod(Placed, placed));
  const noLatitude = { ...placed, address: { line1: 'x', country: 'SE' }, metadata: {}, counts: {} };
  expect(write(noLatitude)).toBe(viaZod(Placed, noLatitude));
  const bare = { ...placed, metadata: Object.assign(Object.create(null), { a: 1 }) };
  expect(write(bare)).toBe(viaZod(Placed, bare));
});

it('finds out of shape what Zod refuses in strict objects, checks and records', () => {
  const write = compileWriter(Placed)!;
  const inherited = Object.assign(Object.create({ extra: 1 }), placed.address);
  const bad: unknown[] = [
    { ...placed, address: { ...placed.address, extra: 'x' } },
    { ...placed, address: inherited },
    { ...placed, address: { ...placed.address, country: 'nl' } },
    { ...placed, address: { ...placed.address, country: 'NLD' } },
    { ...placed, address: { ...placed.address, latitude: 90.5 } },
    { ...placed, address: { ...placed.address, latitude: -91 } },
    { ...placed, address: { ...placed.address, rank: 0 } },
    { ...placed, address: { ...placed.address, rank: 10 } },
    { ...placed, counts: { a: 1.5 } },
    { ...placed, counts: [1] },
    { ...placed, counts: new Map() },
    { ...placed, metadata: null },
  ];
  for (const value of bad) {
    expect(viaZod(Placed, value), JSON.stringify(value)).toBeUndefined();
    expect(write(value), JSON.stringify(value)).toBeUndefined();
  }
  // Boundaries Zod accepts are written.
  const edge = { ...placed, address: { ...placed.address, latitude: 90 } };
  expect(write(edge)).toBe(viaZod(Placed, edge));
});

it('leaves to Zod the values of a record it cannot write alike', () => {
  const write = compileWriter(Placed)!;
  const symbolKey = { ...placed, metadata: { a: 1, [Symbol('s')]: 2 } };
  const undefinedValue = { ...placed, metadata: { a: undefined, b: 1 } };
  const hidden = { ...placed, metadata: Object.defineProperty({ a: 1 }, 'b', { value: 2 }) };
  for (const value of [symbolKey, undefinedValue, hidden]) expect(write(value)).toBeUndefined();
  // Zod itself writes them; the serializer then answers through Zod.
  const serialize = fastSerializerCompiler({
    schema: Placed,
    method: 'GET',
    url: '/x',
    httpStatus: '200',
  } as never) as (data: unknown) => string;
  expect(serialize(undefinedValue)).toBe(viaZod(Placed, undefinedValue));
  expect(serialize(hidden)).toBe(viaZod(Placed, hidden));
});
