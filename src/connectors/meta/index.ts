// Meta's messaging platforms for the inbox: Messenger, Instagram and the WhatsApp Cloud API
// (webhook handshake and signatures, payload translation, replies through the Graph API).
export {
  createGraphSender,
  createWhatsAppJourneySender,
  GRAPH_DEFAULT_BASE_URL,
  GRAPH_DEFAULT_VERSION,
  META_REPLY_WINDOW_MS,
} from './graph-sender.js';
export { type MessagingWebhookDeps, metaWebhookRoutes } from './meta.routes.js';
export { translateMessaging, translateWhatsApp } from './meta-translate.js';
export { metaHandshake, signMetaBody, verifyMetaSignature } from './meta-webhook.js';
