// Events the catalog emits, each appended in the transaction of its change. Prices carry the sku as
// subject (`sku:<sku>`) so channels can follow one article; listings carry the channel.
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
