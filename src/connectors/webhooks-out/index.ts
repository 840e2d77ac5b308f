// Outbound webhooks on the wire: Standard Webhooks signatures, the SSRF guard, the HTTP sender and
// the worker that fans the event log out into the delivery queue and sends from it on every node.
export {
  loadWebhooksConfig,
  type RunningWebhooksOut,
  startWebhooksOut,
  type WebhooksOutConfig,
} from './delivery-worker.js';
export {
  createOutboundClient,
  DEFAULT_MAX_RESPONSE_BYTES,
  type OutboundClient,
  type OutboundResponse,
} from './outbound-http.js';
export { createGuardedPushTransport } from './push-transport.js';
export { REDACTED, redactCredentialHeaders } from './redact-headers.js';
export { createSender, parseRetryAfter, type Sender } from './sender.js';
export { signStandardWebhook, standardWebhookHeaders, verifyStandardWebhook } from './signing.js';
export { createTargetGuard, isPrivateAddress, type TargetGuard } from './ssrf-guard.js';
export { TestDeliveryResult, webhookTestRoutes } from './test-delivery.routes.js';
