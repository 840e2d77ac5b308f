// Insights across channels: the projection that keeps the insights module's rows from the event log,
// the onStored hook that hands web and app visits over, and the dashboard's reads and routes.
export { createInsightsFlow, type InsightsFlow, toCsv, totalsOf } from './insights.flow.js';
export { insightsRoutes } from './insights.routes.js';
export { insightsRollupRoutes } from './insights-rollup.routes.js';
export {
  INSIGHTS_CONSUMER,
  type InsightsProjectionOptions,
  projectionBatch,
  rebuildInsights,
  startInsightsProjection,
} from './projection.js';
export { campaignOf, handOffTouchpoints } from './touch-tap.js';
