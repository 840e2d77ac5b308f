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
  const one = (tag: string | null) => (tag === null ? 'all' : [tag]);
  switch (e.type) {
    case CATALOG_EVENTS.priceChanged:
    case INVENTORY_EVENTS.stockChanged: {
      const sku = str(p.sku);
      return one(sku && skuTag(sku));
    }
    case CATALOG_EVENTS.variantCreated:
    case CATALOG_EVENTS.variantUpdated:
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
