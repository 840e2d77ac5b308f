// Event contracts: in tests the log refuses an event type without a schema and a payload its schema
// refuses, on every way events are written; checked payloads are the stored JSON (Dates as strings).

import { afterEach, expect, it } from 'vitest';
import { z } from 'zod';
import { inTransaction } from '../context.js';
import { readWrittenEvents } from '../testing/read-written-events.js';
import { describeEachDatabase } from '../testing/test-databases.js';
import { appendEvents, eventsInsertFragment, readEvents, writeWithEvents } from './event-log.js';
import {
  defineEvents,
  EventContractError,
  EventTime,
  eventJsonSchema,
  eventValidation,
  eventValidationFromEnv,
  payloadOf,
  registerEventSchemas,
  setEventValidation,
} from './event-schemas.js';

const CONTRACT_EVENTS = defineEvents({
  'contract.noted': z.strictObject({ noteId: z.string(), count: z.number().int(), at: EventTime }),
});
registerEventSchemas([{ owner: 'contract-test', schemas: CONTRACT_EVENTS }]);

afterEach(() => setEventValidation(true));

it('is on in tests and development, off in production unless OMNIHUB_VALIDATE_EVENTS says so', () => {
  expect(eventValidation()).toBe(true);
  expect(eventValidationFromEnv({ NODE_ENV: 'test' })).toBe(true);
  expect(eventValidationFromEnv({ NODE_ENV: 'development' })).toBe(true);
  expect(eventValidationFromEnv({ NODE_ENV: 'production' })).toBe(false);
  expect(eventValidationFromEnv({})).toBe(false);
  expect(eventValidationFromEnv({ NODE_ENV: 'test', OMNIHUB_VALIDATE_EVENTS: '0' })).toBe(false);
  expect(eventValidationFromEnv({ NODE_ENV: 'production', OMNIHUB_VALIDATE_EVENTS: '1' })).toBe(true);
});

it('refuses to register one type twice with different schemas', () => {
  expect(() =>
    registerEventSchemas([{ owner: 'other', schemas: { 'contract.noted': z.looseObject({}) } }]),
  ).toThrow(/declared twice/);
  // The same table again (a second hub in one process) is fine.
  registerEventSchemas([{ owner: 'contract-test', schemas: CONTRACT_EVENTS }]);
});

it('serves each schema as JSON Schema with a stable $id', () => {
  const json = eventJsonSchema('contract.noted')!;
  expect(json.$id).toBe('/schemas/events/contract.noted.json');
  expect(json).toMatchObject({
    type: 'object',
    required: ['noteId', 'count', 'at'],
    additionalProperties: false,
    properties: { noteId: { type: 'string' }, count: { type: 'integer' }, at: { format: 'date-time' } },
  });
  expect(eventJsonSchema('contract.unknown')).toBeUndefined();
});

describeEachDatabase('event contracts', [], (t) => {
  const good = (noteId: string) => ({
    type: 'contract.noted',
    subject: noteId,
    payload: { noteId, count: 1, at: new Date('2026-01-02T03:04:05Z') },
  });
  const written = (subject: string) => readWrittenEvents(t.database.db, { subject });

  it('writes an event whose stored JSON matches its schema, and reads it back typed', async () => {
    await inTransaction(t.ctx(), (tx) => appendEvents(tx, [good('n_ok')]));
    const [stored] = await written('n_ok');
    const p = payloadOf(CONTRACT_EVENTS['contract.noted'], stored!);
    expect(p).toEqual({ noteId: 'n_ok', count: 1, at: '2026-01-02T03:04:05.000Z' });
  });

  it('refuses an event type without a schema, and writes nothing of its transaction', async () => {
    await expect(
      inTransaction(t.ctx(), (tx) =>
        appendEvents(tx, [
          good('n_unknown'),
          { type: 'contract.unknown', subject: 'n_unknown', payload: {} },
        ]),
      ),
    ).rejects.toThrow(EventContractError);
    await expect(
      inTransaction(t.ctx(), (tx) =>
        Promise.resolve(eventsInsertFragment(tx, [{ type: 'contract.unknown', subject: 'x', payload: {} }])),
      ),
    ).rejects.toThrow(/contract.unknown has no payload schema/);
    expect(await readEvents(t.database.db, { subject: 'n_unknown' })).toEqual([]);
  });

  it('refuses a payload its schema refuses: a missing field, a wrong type, a field it does not declare', async () => {
    const bad = [
      { noteId: 'n_bad' },
      { noteId: 'n_bad', count: 'one', at: new Date() },
      { noteId: 'n_bad', count: 1, at: new Date(), email: 'someone@example.com' },
    ];
    for (const payload of bad) {
      await expect(
        inTransaction(t.ctx(), (tx) =>
          appendEvents(tx, [{ type: 'contract.noted', subject: 'n_bad', payload }]),
        ),
      ).rejects.toThrow(/contract.noted does not match its payload schema/);
    }
    // A single-statement write with its events is checked before anything is sent.
    await expect(
      writeWithEvents(t.ctx(), [{ type: 'contract.noted', subject: 'n_bad', payload: bad[0]! }], 'g', () => {
        throw new Error('the statement must not be built');
      }),
    ).rejects.toThrow(EventContractError);
    expect(await readEvents(t.database.db, { subject: 'n_bad' })).toEqual([]);
  });

  it('checks nothing when checking is off (production, benchmarks)', async () => {
    setEventValidation(false);
    await inTransaction(t.ctx(), (tx) =>
      appendEvents(tx, [{ type: 'contract.unchecked', subject: 'n_off', payload: { anything: true } }]),
    );
    expect(await written('n_off')).toHaveLength(1);
  });
});
