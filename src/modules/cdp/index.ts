// CDP: what Segment users expect next to profiles. Audiences (saved rule-based segments over traits,
// counted events, journey stage, tags and consent, with live membership), computed traits (count /
// sum / min / max / first / last / most frequent of an event property over a window), destinations
// (raw track / page / screen / identify events forwarded to webhook endpoints, filtered and mapped
// with JSONata) and the tracking plan (a JSON Schema per event name, violations counted, optionally
// blocked). The module owns the definitions and what it keeps per customer; flows/cdp feeds it
// from ingestion and the event log and writes computed traits through the customers module.
//
// For other flows (promotions, journeys): service.membershipsOf(ctx, [customerId]) names the
// audiences a customer is in; audience.entered / audience.exited events announce each change.
import { fileURLToPath } from 'node:url';
import type { MigrationSet } from '../../platform/db/migrate.js';

export { CDP_EVENT_SCHEMAS, CDP_EVENTS } from './cdp.events.js';
export type { CdpDefinitions, CdpOptions, CdpService, MembershipChange } from './cdp.interface.js';
export { cdpRoutes } from './cdp.routes.js';
export { createCdpService } from './cdp.service.js';
export * from './cdp.types.js';
export { CDP_PERSONAL_DATA, eraseCdpData } from './cdp-erasure.js';
export type { Membership, ProfileEventRow, ViolationCount } from './membership.repository.js';
export {
  audienceSelector,
  type CountedEvent,
  computeTraitValue,
  eventNamesOfRule,
  matchesRule,
  type ProfileFacts,
  ruleNeedsProfile,
} from './rules.js';
export { type PlanCheck, violationsOf } from './tracking-plan.js';

export const cdpMigrations: MigrationSet = {
  name: 'cdp',
  folder: fileURLToPath(new URL('./migrations', import.meta.url)),
};
