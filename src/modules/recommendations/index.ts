// Recommendations: item-to-item co-occurrence of products in orders of every channel (the till's
// included) and in customers' browsing, and best sellers per channel for the cold start. Counted from
// the event log by flows/recommendations (which maps SKUs to products and decides what a channel can
// sell); this module refers to products, customers and channels by id only.
import { fileURLToPath } from 'node:url';
import type { MigrationSet } from '../../platform/db/migrate.js';

export {
  RECOMMENDATION_EVENT_SCHEMAS,
  RECOMMENDATION_EVENTS,
  type RecommendationEventPayload,
} from './recommendations.events.js';
export {
  createRecommendationsService,
  KEPT_PER_KEY,
  type RecommendationsService,
} from './recommendations.service.js';
export * from './recommendations.types.js';

export const recommendationsMigrations: MigrationSet = {
  name: 'recommendations',
  folder: fileURLToPath(new URL('./migrations', import.meta.url)),
};
