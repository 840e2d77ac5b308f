// The inbox across modules: a channel's message resolved to one customer profile (customers) and
// stored on their one open conversation (inbox); replies queued and handed to each channel's sender
// with retries; the agents' API with the customer's orders and carts beside a conversation.
//
// Connectors call InboxFlow.receiveInbound(ctx, InboundMessageInput) for every inbound message and
// registerSender(kind, OutboundSender) for the channel they send on (see inbox-flow.interface.ts).
export {
  type CustomerPanel,
  type CustomerPanelFlow,
  createCustomerPanelFlow,
} from './customer-panel.flow.js';
export {
  cleanText,
  createInboxFlow,
  DEFAULT_SEND_RETRY_SCHEDULE_MS,
  type InboxFlowDeps,
} from './inbox.flow.js';
export { type InboxRouteDeps, InboxText, inboxRoutes } from './inbox.routes.js';
export {
  type ApprovedTemplate,
  type InboundMessageInput,
  type InboundSender,
  type InboxFlow,
  type OutboundSender,
  type ReplyRefusal,
  SendFailure,
  type TemplateChoice,
} from './inbox-flow.interface.js';
export type { ProductSearch } from './inbox-route-schemas.js';
export {
  createQuickActions,
  QUICK_ACTION_LANGUAGES,
  type QuickActionLanguage,
  type QuickActions,
} from './quick-actions.flow.js';
export { createTillInboxAudience, type TillInboxAudience } from './till-audience.js';
export { tillConversationRoutes } from './till-conversations.routes.js';
