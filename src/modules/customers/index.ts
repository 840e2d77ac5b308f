// Customers: one person recognised on every channel. Event ingestion (connectors translate wire
// formats such as Segment's), identity resolution with merge protection and reversible merges,
// consent, journey stage, the single customer view with a cross-channel timeline, GDPR export/erasure.
//
// For other modules' flows (orders, carts, conversations):
//   service.identify(ctx, { channelId, identifiers: [{ type: 'email', value }], traits }) → { customerId }
//     finds or creates the customer (merging like ingestion does, protection rules included);
//   service.recordTimelineEntry(ctx, customerId, { kind: 'order.placed', channelId, occurredAt, ref })
//     adds an entry to the timeline once per ref;
//   service.ingest(ctx, source, events) is what ingestion connectors call;
//   service.view(ctx, customerId) is the single customer view;
//   service.changeTags(ctx, customerId, { add, remove, once }) and
//   service.updateTraits(ctx, customerId, { traits, channelId, at, once }) edit a customer by id
//     (on the surviving profile; `once` makes a workflow action happen once per ref).
// Platform events: CUSTOMER_EVENTS (customer.created, merged, unmerged, traits_changed, tags_changed,
// stage_changed, consent_changed, merge_review_decided, erased); payloads hold ids, trait names and
// tags, no personal data.
import { fileURLToPath } from 'node:url';
import type { MigrationSet } from '../../platform/db/migrate.js';

export { type ContactDecision, mayContact, PURPOSE_SHAPE } from './consent.js';
export { CUSTOMER_EVENT_SCHEMAS, CUSTOMER_EVENTS, type CustomerEventPayload } from './customers.events.js';
export type {
  CustomersOptions,
  CustomersService,
  IdentifyInput,
  IdentifyResult,
  ReviewRefusal,
  TimelineEntryInput,
} from './customers.interface.js';
export { customersRoutes } from './customers.routes.js';
export { createCustomersService } from './customers.service.js';
export * from './customers.types.js';
export { CUSTOMERS_PERSONAL_DATA } from './customers-personal-data.js';
export {
  DEFAULT_IDENTITY_RULES,
  type IdentifierInput,
  type IdentityRules,
  type Trust,
} from './identifiers.js';
export type { IdentityConfig, IdentityConfigView } from './identity-config.js';
export {
  type EventIdentityCounts,
  type EventIdentityFigures,
  eventIdentityFigures,
} from './identity-figures.js';
export type {
  ConsentHistoryEntry,
  ConsentState,
  CustomerExport,
  ErasureReceipt,
  RegulationSubject,
  SuppressionReceipt,
} from './privacy.service.js';
export type { OnceEntry } from './profile-edits.service.js';
export type {
  RegulationQuery,
  RegulationRecord,
  RegulationRecordInput,
} from './regulations.service.js';
export type { BirthdayRow, NamedEventRow } from './subjects.repository.js';

export const customersMigrations: MigrationSet = {
  name: 'customers',
  folder: fileURLToPath(new URL('./migrations', import.meta.url)),
};
