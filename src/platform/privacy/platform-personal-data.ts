// The platform's tables that can hold personal data (the event log, stored idempotent responses).
import type { PersonalDataRegistry } from './personal-data.js';

export const PLATFORM_PERSONAL_DATA: PersonalDataRegistry = {
  owner: 'platform',
  personal: [
    {
      table: 'events',
      column: 'payload',
      erasure:
        'redacted for events about erased records or naming an erased identifier (events/event-redaction.ts)',
    },
    {
      table: 'idempotency_keys',
      column: 'response_body',
      erasure:
        'stored responses naming the person or their records are deleted (http/idempotency-erasure.ts)',
    },
  ],
  notPersonal: [
    { table: 'api_keys', column: 'name', reason: "a key's label (an app, a till, an integration)" },
    { table: 'consumer_cursors', column: 'name', reason: 'the name of an event consumer' },
  ],
};
