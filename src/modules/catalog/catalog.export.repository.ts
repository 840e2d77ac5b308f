// SQL for exporting the catalog: prices (of price lists and channels) and listings of a page of
// products, each in one statement.
import { sql } from 'drizzle-orm';
import { type Executor, rows } from '../../platform/db/database.js';
import { type ListingSqlRow, toListing } from './catalog.repository.js';
import type { Listing } from './catalog.types.js';

const textArray = (v: string[]) => sql`${sql.param(v)}::text[]`;

export interface ExportPrice {
  variantId: string;
  priceListCode: string | null;
  channelId: string | null;
  currency: string;
  amount: number;
  compareAtAmount: number | null;
}

/** Price-list and channel prices of some variants, for export. */
export async function selectPricesOfVariants(exec: Executor, variantIds: string[]): Promise<ExportPrice[]> {
  if (variantIds.length === 0) return [];
  const r = await rows<{
    variant_id: string;
    price_list_code: string | null;
    channel_id: string | null;
    currency: string;
    amount: number;
    compare_at_amount: number | null;
  }>(
    exec,
    sql`select p.variant_id, l.code as price_list_code, null as channel_id, l.currency, p.amount, p.compare_at_amount
        from catalog_prices p join catalog_price_lists l on l.id = p.price_list_id
        where p.variant_id = any(${textArray(variantIds)})
        union all
        select variant_id, null, channel_id, currency, amount, compare_at_amount from catalog_channel_prices
        where variant_id = any(${textArray(variantIds)})
        order by 1, 2, 3`,
  );
  return r.map((x) => ({
    variantId: x.variant_id,
    priceListCode: x.price_list_code,
    channelId: x.channel_id,
    currency: x.currency,
    amount: Number(x.amount),
    compareAtAmount: x.compare_at_amount == null ? null : Number(x.compare_at_amount),
  }));
}

export async function selectListingsOfProducts(exec: Executor, productIds: string[]): Promise<Listing[]> {
  if (productIds.length === 0) return [];
  return (
    await rows<ListingSqlRow>(
      exec,
      sql`select * from catalog_listings where product_id = any(${textArray(productIds)}) order by product_id, channel_id`,
    )
  ).map(toListing);
}
