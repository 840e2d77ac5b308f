// The next best message for a customer at any touchpoint (see next-best-message.flow.ts).
export {
  createNextMessageFlow,
  MESSAGE_KINDS,
  type MessageKind,
  type NextMessage,
  type NextMessageAnswer,
  type NextMessageDeps,
  type NextMessageFlow,
  TIER_CLOSE_SHARE,
  TOUCHPOINTS,
  type Touchpoint,
} from './next-best-message.flow.js';
export { nextMessageRoutes } from './next-best-message.routes.js';
