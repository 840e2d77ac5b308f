// Events the catalog emits, each appended in the transaction of its change. Prices carry the sku as
// subject (`sku:<sku>`) so channels can follow one article; listings carry the channel.
import type { Ctx } from '../../platform/context.js';
import { appendEvents, type NewEvent } from '../../platform/events/event-log.js';

export const CATALOG_EVENTS = {
  productCreated: 'catalog.product_created',
  productUpdated: 'catalog.product_updated',
  variantCreated: 'catalog.variant_created',
  variantUpdated: 'catalog.variant_updated',
  priceListCreated: 'catalog.price_list_created',
  priceChanged: 'catalog.price_changed',
  listingChanged: 'catalog.listing_changed',
} as const;

export const skuSubject = (sku: string) => `sku:${sku}`;

// A counter of committed catalog changes per database, for read caches: unlike the event log's
// notifier it does not move on other modules' events (stock, customers), so cached channel pages
// survive unrelated traffic. It counts this process's commits only.
const committedChanges = new WeakMap<object, number>();

export const catalogVersion = (ctx: Ctx): number => committedChanges.get(ctx.database) ?? 0;

/** Appends catalog events in the caller's transaction and counts the change once it commits. */
export async function appendCatalogEvents(ctx: Ctx, events: NewEvent[]): Promise<void> {
  if (events.length === 0) return;
  await appendEvents(ctx, events);
  ctx.afterCommit(() => committedChanges.set(ctx.database, catalogVersion(ctx) + 1));
}
