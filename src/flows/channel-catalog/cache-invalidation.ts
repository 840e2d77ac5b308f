// Which cached channel views an event makes stale. An entry is tagged with its channel (`ch:`), its
// products (`p:`) and their SKUs (`sku:`); an event names the tags to drop, or 'all' when it can
// change which products a page holds anywhere (a product created or edited: status, categories and
// texts decide membership of filtered and unfiltered pages). An event of a followed module that is
// not named here drops everything, so a new event type can only cost hits, never serve stale data.
import { CATALOG_EVENTS } from '../../modules/catalog/index.js';
import { CHANNEL_EVENTS } from '../../modules/channels/index.js';
import { INVENTORY_EVENTS } from '../../modules/inventory/index.js';
import { MEDIA_EVENTS } from '../../modules/media/index.js';
import type { StoredEvent } from '../../platform/events/event-log.js';

/** The event types the cache follows (prefixes end in '.*'). */
export const VIEW_CACHE_EVENT_TYPES = ['catalog.*', 'inventory.*', 'media.*', 'channel.*'];

export const channelTag = (channelId: string) => `ch:${channelId}`;
export const productTag = (productId: string) => `p:${productId}`;
export const skuTag = (sku: string) => `sku:${sku}`;
/**
 * Every search result: what matches a search and its facets (option values, price range) change
 * with any variant or price, not only those of the products on the page it shows.
 */
export const SEARCH_TAG = 'search';
/** Search results filtered by stock ("in stock at my store"): any stock change may change them. */
export const STOCK_SEARCH_TAG = 'search:stock';

/** Events that change nothing a channel view shows (each stock move has its own stock_changed). */
const NO_EFFECT = new Set<string>([
  CATALOG_EVENTS.favouritesChanged,
  CATALOG_EVENTS.priceListCreated,
  INVENTORY_EVENTS.locationCreated,
  INVENTORY_EVENTS.adjusted,
  INVENTORY_EVENTS.transferred,
  INVENTORY_EVENTS.reserved,
  INVENTORY_EVENTS.reservationAllocated,
  INVENTORY_EVENTS.reservationReleased,
  INVENTORY_EVENTS.reservationExpired,
  INVENTORY_EVENTS.reservationFulfilled,
  CHANNEL_EVENTS.created,
]);

const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);

/** The tags an event makes stale: none, some, or all. */
export function staleTagsOf(e: Pick<StoredEvent, 'type' | 'payload' | 'channelId'>): string[] | 'all' {
  if (NO_EFFECT.has(e.type)) return [];
  const p = e.payload as Record<string, unknown>;
  const one = (tag: string | null, ...also: string[]) => (tag === null ? 'all' : [tag, ...also]);
  switch (e.type) {
    case CATALOG_EVENTS.priceChanged:
      return one(str(p.sku) && skuTag(str(p.sku)!), SEARCH_TAG);
    case INVENTORY_EVENTS.stockChanged:
      return one(str(p.sku) && skuTag(str(p.sku)!), STOCK_SEARCH_TAG);
    case CATALOG_EVENTS.variantCreated:
    case CATALOG_EVENTS.variantUpdated:
      return one(str(p.productId) && productTag(str(p.productId)!), SEARCH_TAG);
    case MEDIA_EVENTS.imageAdded:
    case MEDIA_EVENTS.imageChanged:
    case MEDIA_EVENTS.imageRemoved: {
      const product = str(p.productId);
      return one(product && productTag(product));
    }
    case CATALOG_EVENTS.listingChanged: {
      const channel = str(p.channelId);
      return one(channel && channelTag(channel));
    }
    case INVENTORY_EVENTS.sourcingChanged: {
      const channel = str((p.sourcing as Record<string, unknown> | undefined)?.channelId);
      return one(channel && channelTag(channel));
    }
    case CHANNEL_EVENTS.updated: {
      const channel = str((p.channel as Record<string, unknown> | undefined)?.id) ?? e.channelId;
      return one(channel && channelTag(channel));
    }
    default:
      // product created or edited, a location's status, anything new
      return 'all';
  }
}
