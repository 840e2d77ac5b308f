// The storefront's server side: its publishable key in the page, shareable heads (Open Graph,
// Twitter card, schema.org JSON-LD), sitemaps and robots.txt.
export { createStorefrontFlow, type StorefrontFlow, type StorefrontPage } from './storefront.flow.js';
export { originOf, type StorefrontRouteDeps, storefrontRoutes } from './storefront.routes.js';
export {
  categoryHead,
  decimalPrice,
  escapeHtml,
  productHead,
  robotsTxt,
  sitemapXml,
} from './storefront-head.js';
export { appIcon, ICON_SIZES, manifestOf, pwaHead } from './storefront-pwa.js';
