// Messaging: one brand across every channel format, templates per key × format × locale × journey
// stage (built-in defaults in five languages), rendering (MJML email with a text part, SMS segments,
// WhatsApp parameters, push, banner, receipt line), the send log (idempotent per journey step, leased
// by the delivery job), the global suppression list and signed one-click unsubscribe tokens.
// Consent and channel senders belong to other modules: flows/journeys asks them at send time.
import { fileURLToPath } from 'node:url';
import type { MigrationSet } from '../../platform/db/migrate.js';
import type { PersonalDataRegistry } from '../../platform/privacy/personal-data.js';

export { SAMPLE_VARIABLES, TEMPLATE_VARIABLES } from './default-templates.js';
export {
  DELIVERY_STATUSES,
  type DeliveryStatus as SendDeliveryStatus,
  type Send,
  type SendOutcome,
} from './messaging.repository.js';
export {
  createMessagingService,
  DEFAULT_SETTINGS,
  eraseSendPins,
  type MessagingService,
  type PreviewInput,
} from './messaging.service.js';
export {
  Brand,
  MESSAGE_FORMATS,
  MESSAGE_LOCALES,
  type MessageFormat,
  type MessageLocale,
  MessagingSettings,
  Rendered,
  SendRules,
  TEMPLATE_STAGES,
  Template,
  TemplateInput,
} from './messaging.types.js';
export { mjmlCompiler } from './mjml-compiler.js';
export {
  erasePushSubscriptions,
  type PushService,
  type PushSubscription,
  type PushSubscriptionInput,
  type VapidKeys,
} from './push.service.js';
export { checkVariables, renderMessage, smsSegments, variablesOf } from './render.js';
export { addressHash, cappedUntil, localTime, PINNED_ADDRESS_VAR, quietUntil } from './send-rules.js';

export const messagingMigrations: MigrationSet = {
  name: 'messaging',
  folder: fileURLToPath(new URL('./migrations', import.meta.url)),
};

/** Personal columns of messaging (the send log and runs hold ids only; addresses are read at send time). */
export const MESSAGING_PERSONAL_DATA: PersonalDataRegistry = {
  owner: 'messaging',
  personal: [
    {
      table: 'messaging_suppressions',
      column: 'address_hash',
      erasure:
        'kept: a bounce or complaint must outlive the erasure so the address is never mailed again (SHA-256 of the address, like the customers’ tombstones)',
    },
    {
      table: 'messaging_push_subscriptions',
      column: 'endpoint',
      erasure:
        "a browser's push address: the shopper removes it (DELETE /api/me/push-subscriptions); a 404/410 from the push service deletes it",
    },
  ],
};
