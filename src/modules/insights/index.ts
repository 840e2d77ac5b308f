// Insights: projections of the event log (touchpoints, order facts, daily rollups per channel, carts
// seen on several channels) kept by flows/insights' consumer and rebuildable from log position 0;
// attribution models, channel paths and funnels as pure functions over them. This module refers to
// customers, orders, carts and channels by id only.
import { fileURLToPath } from 'node:url';
import type { MigrationSet } from '../../platform/db/migrate.js';

export * from './attribution.js';
export { INSIGHTS_EVENT_SCHEMAS, INSIGHTS_EVENTS, type InsightsEventPayload } from './insights.events.js';
export type { OrderFilter } from './insights.repository.js';
export {
  type AttributionQuery,
  createInsightsService,
  type InsightsService,
  MAX_ATTRIBUTED_ORDERS,
  MAX_JOURNEY_TOUCHES,
} from './insights.service.js';
export * from './insights.types.js';
export * from './paths.js';
export { ROLLUP_ATTRIBUTION, ROLLUP_FUNNEL } from './rollups.js';
export type { CohortCell, ResponseSum } from './rollups.repository.js';

export const insightsMigrations: MigrationSet = {
  name: 'insights',
  folder: fileURLToPath(new URL('./migrations', import.meta.url)),
};
