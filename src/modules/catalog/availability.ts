// A variant's availability as every channel shows it (storefront, JSON-LD, feeds, channel views),
// from its stock policy and its available-to-sell. Pure and import-free, so the storefront app
// applies the same rule to live stock figures as the hub does.

/**
 * What happens when a variant's stock runs out (Shopify's "continue selling when out of stock",
 * Google's availability): `deny` refuses, `backorder` sells and ships when restocked, `preorder`
 * sells before release (availableFrom is the expected date).
 */
export const STOCK_POLICIES = ['deny', 'backorder', 'preorder'] as const;
export type StockPolicy = (typeof STOCK_POLICIES)[number];

export const AVAILABILITIES = ['in_stock', 'out_of_stock', 'backorder', 'preorder'] as const;
export type Availability = (typeof AVAILABILITIES)[number];

/** A pre-order before its date; else in stock, or (beyond the stock) backorder unless denied. */
export function availabilityOf(
  v: { stockPolicy: StockPolicy; availableFrom: string | null },
  availableToSell: number,
  /** YYYY-MM-DD */
  today: string,
): Availability {
  if (v.stockPolicy === 'preorder' && v.availableFrom !== null && v.availableFrom > today) return 'preorder';
  if (availableToSell > 0) return 'in_stock';
  return v.stockPolicy === 'deny' ? 'out_of_stock' : 'backorder';
}
