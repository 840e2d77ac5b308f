// SMS through Twilio (or a Twilio-compatible API) for the inbox: signed webhooks in, Messages API out.

export { twilioWebhookRoutes } from './twilio.routes.js';
export { createTwilioJourneySender, createTwilioSender, TWILIO_DEFAULT_BASE_URL } from './twilio-sender.js';
export { signTwilioRequest, verifyTwilioSignature } from './twilio-signature.js';
