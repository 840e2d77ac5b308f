// Product feeds per channel (Google Merchant Center, Google local inventory, Meta commerce catalog)
// at token-protected URLs, kept current from the event log.
export { type FeedIssue, type FeedItem, feedItemsOf } from './feed-format.js';
export { createProductFeedsFlow, type FeedStats, type ProductFeedsFlow } from './product-feeds.flow.js';
export { FEED_SCOPE, productFeedApiRoutes, productFeedRoutes } from './product-feeds.routes.js';
