// The omnichannel score (per dimension, measured from the modules' figures, with evidence and a next
// step) and the advisor that turns it and the retailer's own answers into what to integrate next.
export {
  type AdvisorAnswer,
  createOmnichannelScoreFlow,
  type OmnichannelScoreDeps,
  type OmnichannelScoreFlow,
  scoreOf,
} from './score.flow.js';
export { omnichannelScoreRoutes } from './score.routes.js';
export { Dimension, type Measured, OmnichannelScore } from './score.types.js';
