// Made-up event types that tests of the log's mechanics append: the event log checks every appended
// event against a registered schema in tests, so a test declares the types it invents (any object).
import { z } from 'zod';
import { registerEventSchemas } from '../events/event-schemas.js';

const anyObject = z.looseObject({});

export function allowTestEvents(...types: string[]): void {
  registerEventSchemas([{ owner: 'test', schemas: Object.fromEntries(types.map((t) => [t, anyObject])) }]);
}
