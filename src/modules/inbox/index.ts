// Inbox: every conversation with a customer, on any channel kind (web chat, email, Messenger,
// Instagram, WhatsApp, SMS, phone and shop notes), one open conversation per customer profile that
// any channel continues. Messages are deduped by (channel kind, external id); outbound replies are
// queued and carry their delivery status (queued → sent → delivered → read, or failed with the
// reason); agents assign (by hand or round-robin), snooze, resolve, tag, note, merge and use canned
// replies; attachments are files under the data directory, served only to agents.
//
// For flows: createInboxService(...) → InboxService (see inbox.interface.ts). Identity is resolved by
// the flows (src/flows/inbox) through the customers module; this module stores profile ids only.
// Events: INBOX_EVENTS (inbox.*), payloads with ids, kinds and statuses only.
import { fileURLToPath } from 'node:url';
import type { MigrationSet } from '../../platform/db/migrate.js';

export { renderCannedReply } from './canned-replies.js';
export {
  ACCOUNT_KINDS,
  AccountKind,
  ChannelAccount,
  type ChannelAccountStore,
  type ChannelAccountWithCredentials,
  createChannelAccountStore,
  KEPT_ACCOUNT_MS,
  type SaveChannelAccountInput,
} from './channel-accounts.js';
export { type ChannelAccountRouteDeps, channelAccountRoutes } from './channel-accounts.routes.js';
export {
  INBOX_EVENT_SCHEMAS,
  INBOX_EVENTS,
  type InboxEventPayload,
  type InboxEventType,
} from './inbox.events.js';
export type {
  AttachmentInput,
  ConversationFilter,
  ConversationPage,
  InboundOutcome,
  InboxCounts,
  InboxService,
  OutboundJob,
  QueueOutboundInput,
  RecordInboundInput,
  ThreadHints,
} from './inbox.interface.js';
export {
  createInboxService,
  DEFAULT_MAX_ATTACHMENT_BYTES,
  type InboxOptions,
  inboxOptionsFor,
} from './inbox.service.js';
export * from './inbox.types.js';
export { INBOX_PERSONAL_DATA } from './inbox-privacy.js';
export { type ConversationFigures, conversationFigures } from './timeline-figures.js';

export const inboxMigrations: MigrationSet = {
  name: 'inbox',
  folder: fileURLToPath(new URL('./migrations', import.meta.url)),
};
