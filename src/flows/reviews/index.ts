// Reviews across modules: the review page of a review-request link and a product page's reviews.
export {
  createReviewsFlow,
  displayName,
  type ReviewRequest,
  type ReviewsFlow,
  type ReviewsFlowDeps,
} from './reviews.flow.js';
export { reviewsFlowRoutes } from './reviews.routes.js';
