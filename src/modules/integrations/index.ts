// Integrations: outbound webhook endpoints and their delivery queue (retries, dead-letter queue),
// inbound connectors with their raw deliveries, and workflow rules. Wire formats live in connectors.
import { fileURLToPath } from 'node:url';
import type { MigrationSet } from '../../platform/db/migrate.js';

export {
  INTEGRATION_EVENT_SCHEMAS,
  INTEGRATION_EVENTS,
  type IntegrationEventPayload,
} from './integrations.events.js';
export * from './integrations.types.js';
export {
  type ConsentEntryLike,
  type ConsentPayload,
  type ContactConsentPort,
  customerOfEvent,
} from './webhook-consent.js';
export { webhooksRoutes } from './webhooks.routes.js';
export {
  createWebhooksService,
  matchesType,
  newWebhookSecret,
  renderBody,
  STANDARD_RETRY_SCHEDULE_MS,
  type WebhooksDeps,
  type WebhooksService,
} from './webhooks.service.js';

export const integrationsMigrations: MigrationSet = {
  name: 'integrations',
  folder: fileURLToPath(new URL('./migrations', import.meta.url)),
};
export { inboundRoutes } from './inbound.routes.js';
export { createInboundService, type InboundService, type ReceivedDelivery } from './inbound.service.js';
export * from './inbound.types.js';
export { clearExpiredInboundBodies, type InboundRetentionOptions } from './inbound-retention.js';
export {
  eraseIntegrationDataOfCustomer,
  INTEGRATIONS_PERSONAL_DATA,
  type IntegrationsErasure,
} from './integrations-erasure.js';
export { rulesRoutes } from './rules.routes.js';
export { createRulesService, evaluateRule, type RulesService } from './rules.service.js';
export * from './rules.types.js';
export { deleteDeliveredWebhooks, type WebhookRetentionOptions } from './webhook-retention.js';
