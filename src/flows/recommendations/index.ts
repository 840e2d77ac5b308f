// Recommendations across channels: the projection that counts orders and views from the event log,
// the onStored hook that hands product views over, and the reads a channel can sell.
export { bothHooks, handOffViews } from './browse-tap.js';
export {
  namedItems,
  productResolver,
  RECOMMENDATIONS_CONSUMER,
  type RecommendationsProjectionOptions,
  rebuildRecommendations,
  startRecommendationsProjection,
} from './projection.js';
export {
  createRecommendationsFlow,
  type ReadOptions,
  type Recommendation,
  type RecommendationsFlow,
  sellableOn,
} from './recommendations.flow.js';
export { recommendationsRoutes } from './recommendations.routes.js';
