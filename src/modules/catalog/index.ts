// Catalog: products with variants (SKU, GTIN, options), texts per locale, categories and media; price
// lists per currency, channels' own prices and per-channel listings. Channels are referred to by id.
import { fileURLToPath } from 'node:url';
import type { MigrationSet } from '../../platform/db/migrate.js';

export {
  type ChannelPageQuery,
  type ChannelViewProduct,
  type ChannelViewScope,
  type ChannelViewVariant,
  channelViewScope,
} from './catalog.channel-view.js';
export {
  CATALOG_EVENT_SCHEMAS,
  CATALOG_EVENTS,
  type CatalogEventPayload,
  catalogVersion,
  skuSubject,
} from './catalog.events.js';
export type { UnknownFavourites } from './catalog.favourites.js';
export type { ImportProgress } from './catalog.import-jobs.js';
export type { ListingUpsert, PricesOutcome } from './catalog.pricing.js';
export type { BatchOutcome, ProductUpsert, Rejection, VariantUpsert } from './catalog.products.js';
export { catalogRoutes, PageQuery } from './catalog.routes.js';
export {
  type ChannelSearchQuery,
  type ChannelSearchResult,
  SEARCH_SORTS,
  type SearchFacets,
  type SearchSort,
} from './catalog.search.js';
export { type CatalogService, createCatalogService } from './catalog.service.js';
export * from './catalog.types.js';

export const catalogMigrations: MigrationSet = {
  name: 'catalog',
  folder: fileURLToPath(new URL('./migrations', import.meta.url)),
};
