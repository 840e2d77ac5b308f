// Triggered journeys and the messages they send, across modules: journeys (runs, timers), messaging
// (templates, send log), customers (consent, identifiers, timeline), carts and channels.
export { backInStockRoutes } from './back-in-stock.routes.js';
export { backInStockConfirmRoutes } from './back-in-stock-confirm.routes.js';
export { startJourneysBackground } from './background.js';
export { decideConsent } from './deliver.js';
export type { DirectMessage, DirectSender, JourneysFlowDeps } from './deps.js';
export { createJourneysFlow, type JourneysFlow } from './journeys.flow.js';
export { journeysRoutes } from './journeys.routes.js';
export { pushRoutes } from './push.routes.js';
export { TRIGGER_EVENT_TYPES } from './triggers.js';
export { unsubscribeRoutes } from './unsubscribe.routes.js';
