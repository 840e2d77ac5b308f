// Messaging: one brand across every channel format, templates per key × format × locale × journey
// stage (built-in defaults in five languages), rendering (MJML email with a text part, SMS segments,
// WhatsApp parameters, push, banner, receipt line), the send log (idempotent per journey step, leased
// by the delivery job), the global suppression list and signed one-click unsubscribe tokens.
// Consent and channel senders belong to other modules: flows/journeys asks them at send time.
import { fileURLToPath } from 'node:url';
import type { MigrationSet } from '../../platform/db/migrate.js';

export { SAMPLE_VARIABLES, TEMPLATE_VARIABLES } from './default-templates.js';
export type { Send } from './messaging.repository.js';
export {
  createMessagingService,
  DEFAULT_SETTINGS,
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
export { checkVariables, renderMessage, smsSegments, variablesOf } from './render.js';
export { cappedUntil, localTime, quietUntil } from './send-rules.js';

export const messagingMigrations: MigrationSet = {
  name: 'messaging',
  folder: fileURLToPath(new URL('./migrations', import.meta.url)),
};
