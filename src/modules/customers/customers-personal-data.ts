// The customers module's columns that can hold personal data, and what erasure does to each
// (privacy.service.ts eraseCustomer). The registry test scans the database against this list.
import type { PersonalDataRegistry } from '../../platform/privacy/personal-data.js';

export const CUSTOMERS_PERSONAL_DATA: PersonalDataRegistry = {
  owner: 'customers',
  personal: [
    { table: 'customer_profiles', column: 'traits', erasure: "emptied; status 'erased'" },
    {
      table: 'customer_identifiers',
      column: 'value',
      erasure: 'deleted; a hash stays in customer_erased_identifiers so replays cannot bring it back',
    },
    {
      table: 'customer_events',
      column: 'properties',
      erasure: 'emptied (kind, name, channel and time stay)',
    },
    { table: 'customer_events', column: 'context', erasure: 'emptied' },
    { table: 'customer_events', column: 'anonymous_id', erasure: 'set to null' },
    { table: 'customer_events', column: 'user_id', erasure: 'set to null' },
    { table: 'customer_consents', column: 'purpose', erasure: "deleted with the profile's consents" },
    { table: 'customer_tags', column: 'tag', erasure: "deleted with the profile's tags" },
    {
      table: 'customer_identity_log',
      column: 'details',
      erasure: 'replaced by {erased: true}; an audit entry stays',
    },
    { table: 'customer_merges', column: 'evidence', erasure: 'replaced by {erased: true}' },
    { table: 'customer_merge_reviews', column: 'evidence', erasure: 'replaced by {erased: true}' },
    {
      table: 'customer_regulations',
      column: 'reason',
      erasure: "the operator's free text becomes 'erased'; the record of what was done stays",
    },
  ],
  notPersonal: [
    { table: 'customer_sources', column: 'name', reason: 'the name of an ingestion source (a write key)' },
    { table: 'customer_events', column: 'name', reason: "the event's name (e.g. Order Completed)" },
    {
      table: 'customer_shared_devices',
      column: 'note',
      reason: 'a staff note on a shared device (a till, a kiosk), not about a customer',
    },
  ],
};
