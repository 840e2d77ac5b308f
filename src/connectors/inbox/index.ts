// The inbox's channels of our own: email (an SMTP server for inbound mail, replies through the
// relay with threading headers), and later web chat and the agents' live stream.

export { applyDeliveries, type ChannelDelivery } from './channel-delivery.js';
export { CHAT_WIDGET_JS } from './chat-widget.js';
export { createEmailSender, replyAddress } from './email-sender.js';
export { registerMessagingChannels } from './messaging-channels.js';
export {
  mailToInbound,
  type SmtpInbound,
  type SmtpInboundOptions,
  startSmtpInbound,
} from './smtp-inbound.js';
export { type WebChatRouteDeps, webChatRoutes } from './web-chat.routes.js';
