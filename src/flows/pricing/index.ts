// Pricing: promotions' engine behind the checkout rules' discount hook, coupon codes on carts, and
// the promotion uses checkout holds and a cancellation gives back.

export { CAMPAIGN_CHANGE_TYPES, followCampaignChanges } from './campaign-changes.js';
export {
  createPricingFlow,
  type PreviewCart,
  type PricingDeps,
  type PricingFlow,
  toDiscounts,
  usesOf,
} from './pricing.flow.js';
export { pricingRoutes } from './pricing.routes.js';
export { startPricingBackground, startPromotionUsesRelease } from './promotion-uses.consumer.js';
export type { SaleItem, SaleOffer } from './sale-prices.js';
