// Product reviews: a shopper reviews the products of their order (a verified purchase, from any
// channel) through a signed link in the review-request message; a moderator publishes or rejects;
// product pages of every channel show the published ones. Orders, products, customers and channels
// are referred to by id (flows/reviews copies the few fields a review shows).
import { fileURLToPath } from 'node:url';
import type { MigrationSet } from '../../platform/db/migrate.js';
import type { PersonalDataRegistry } from '../../platform/privacy/personal-data.js';

export {
  allowedNext,
  REVIEW_STATUSES,
  type ReviewStatus as ReviewState,
  refuseReviewTransition,
} from './review-state.js';
export { REVIEW_EVENT_SCHEMAS, REVIEW_EVENTS, type ReviewEventPayload } from './reviews.events.js';
export { reviewsRoutes } from './reviews.routes.js';
export { createReviewsService, REVIEW_LINK_TTL_MS, type ReviewsService } from './reviews.service.js';
export * from './reviews.types.js';

export const REVIEWS_PERSONAL_DATA: PersonalDataRegistry = {
  owner: 'reviews',
  personal: [
    {
      table: 'reviews',
      column: 'reviewer_name',
      erasure:
        "replaced with [erased]; the title and text are cleared (the rating stays in the product's average)",
    },
  ],
};

export const reviewsMigrations: MigrationSet = {
  name: 'reviews',
  folder: fileURLToPath(new URL('./migrations', import.meta.url)),
};
