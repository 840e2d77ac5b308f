// "The catalog as one channel shows it", in one statement per page: listed products in cursor order,
// their text in the best locale, and each variant's price (the channel's own price, else its price
// list's, only in the channel currency). Availability is not the catalog's: the caller adds it.
import { type SQL, sql } from 'drizzle-orm';
import { type Executor, rows } from '../../platform/db/database.js';
import type { LeftJoined, SqlRow } from '../../platform/db/rows.js';
import { searchFilter } from './catalog.repository.js';
import type {
  catalogChannelPrices,
  catalogListings,
  catalogPrices,
  catalogProducts,
  catalogProductTexts,
  catalogVariants,
} from './catalog.schema.js';
import type { StockPolicy } from './catalog.types.js';

export interface ChannelViewScope {
  channelId: string;
  currency: string;
  priceListId: string | null;
  /** Locales in order of preference; the product's default locale comes after them, then any. */
  locales: string[];
}

/**
 * How a channel record (the channels module's, by shape) reads the catalog: its currency, price list
 * and locales; `locale` first when the channel offers it.
 */
export function channelViewScope(
  channel: { id: string; currency: string; priceListId: string | null; locales: string[] },
  locale?: string,
): ChannelViewScope {
  const locales = locale && channel.locales.includes(locale) ? [locale, ...channel.locales] : channel.locales;
  return {
    channelId: channel.id,
    currency: channel.currency,
    priceListId: channel.priceListId,
    locales: [...new Set(locales)],
  };
}

export interface ChannelViewVariant {
  id: string;
  sku: string;
  gtin: string | null;
  options: Record<string, string>;
  price: { amount: number; currency: string } | null;
  priceSource: 'channel' | 'price_list' | null;
  stockPolicy: StockPolicy;
  availableFrom: string | null;
  backorderLimit: number | null;
}

export interface ChannelViewProduct {
  id: string;
  handle: string;
  channelId: string;
  listed: boolean;
  locale: string;
  title: string;
  description: string;
  categories: string[];
  media: string[];
  currency: string;
  variants: ChannelViewVariant[];
}

export interface ChannelPageQuery {
  after?: string | undefined;
  limit: number;
  category?: string | undefined;
  q?: string | undefined;
}

type VariantSql = SqlRow<typeof catalogVariants>;

/** A product of the page with its best text (left joined) and its variants with both prices. */
type ViewSqlRow = Pick<SqlRow<typeof catalogProducts>, 'id' | 'handle' | 'categories' | 'media'> &
  LeftJoined<Pick<SqlRow<typeof catalogProductTexts>, 'locale' | 'title' | 'description'>> & {
    listed: boolean | null;
    listing_title: SqlRow<typeof catalogListings>['title'];
    listing_description: SqlRow<typeof catalogListings>['description'];
    variants: Array<
      Pick<
        VariantSql,
        'id' | 'sku' | 'gtin' | 'options' | 'stock_policy' | 'available_from' | 'backorder_limit'
      > & {
        channel_amount: SqlRow<typeof catalogChannelPrices>['amount'] | null;
        list_amount: SqlRow<typeof catalogPrices>['amount'] | null;
      }
    > | null;
  };

/** A page of the products listed (published) on the channel, ordered by product id. */
export async function selectChannelPage(
  exec: Executor,
  scope: ChannelViewScope,
  q: ChannelPageQuery,
): Promise<ChannelViewProduct[]> {
  const filters: SQL[] = [sql`l.channel_id = ${scope.channelId}`, sql`l.published`, sql`p.status = 'active'`];
  if (q.after) filters.push(sql`l.product_id > ${q.after}`);
  if (q.category) filters.push(sql`p.categories @> array[${q.category}]::text[]`);
  if (q.q) filters.push(searchFilter(q.q));
  const page = sql`select p.id, p.handle, p.categories, p.media, p.default_locale, true as listed,
                          l.title as listing_title, l.description as listing_description
                   from catalog_listings l join catalog_products p on p.id = l.product_id
                   where ${sql.join(filters, sql` and `)}
                   order by l.product_id limit ${q.limit}`;
  return (await rows<ViewSqlRow>(exec, viewQuery(scope, page))).map((r) => toView(scope, r));
}

/** Products by id or SKU as the channel would show them, listed or not. */
export async function selectChannelProducts(
  exec: Executor,
  scope: ChannelViewScope,
  idsOrSkus: string[],
): Promise<ChannelViewProduct[]> {
  const keys = sql`${sql.param(idsOrSkus)}::text[]`;
  // Three index look-ups unioned: OR'ed, the three kinds of key made a scan of every product.
  const page = sql`select p.id, p.handle, p.categories, p.media, p.default_locale,
                          coalesce(l.published and p.status = 'active', false) as listed,
                          l.title as listing_title, l.description as listing_description
                   from catalog_products p
                   left join catalog_listings l on l.channel_id = ${scope.channelId} and l.product_id = p.id
                   where p.id in (select k from unnest(${keys}) k
                                  union all select h.id from catalog_products h where h.handle = any(${keys})
                                  union all select v.product_id from catalog_variants v where v.sku = any(${keys}))`;
  return (await rows<ViewSqlRow>(exec, viewQuery(scope, page))).map((r) => toView(scope, r));
}

function viewQuery(scope: ChannelViewScope, page: SQL): SQL {
  const locales = sql`${sql.param(scope.locales)}::text[]`;
  // Each price is a primary-key probe per variant, so the plan does not depend on table statistics;
  // a price list in another currency than the channel's prices nothing here.
  return sql`with page as (${page}),
    list as (select id from catalog_price_lists where id = ${scope.priceListId} and currency = ${scope.currency})
    select page.id, page.handle, page.categories, page.media, page.listed,
           page.listing_title, page.listing_description, tx.locale, tx.title, tx.description,
           (select json_agg(json_build_object(
                     'id', v.id, 'sku', v.sku, 'gtin', v.gtin, 'options', v.options,
                     'stock_policy', v.stock_policy, 'available_from', v.available_from,
                     'backorder_limit', v.backorder_limit,
                     'channel_amount', (select cp.amount from catalog_channel_prices cp
                                        where cp.channel_id = ${scope.channelId} and cp.variant_id = v.id
                                          and cp.currency = ${scope.currency}),
                     'list_amount', (select pr.amount from catalog_prices pr
                                     where pr.price_list_id = (select id from list) and pr.variant_id = v.id))
                   order by v.position, v.id)
            from catalog_variants v where v.product_id = page.id) as variants
    from page
    left join lateral (
      select t.locale, t.title, t.description from catalog_product_texts t
      where t.product_id = page.id
      order by coalesce(array_position(${locales}, t.locale),
                        case when t.locale = page.default_locale then 1000 else 2000 end), t.locale
      limit 1) tx on true
    order by page.id`;
}

function toView(scope: ChannelViewScope, r: ViewSqlRow): ChannelViewProduct {
  return {
    id: r.id,
    handle: r.handle,
    channelId: scope.channelId,
    listed: !!r.listed,
    locale: r.locale ?? scope.locales[0] ?? 'en',
    title: r.listing_title ?? r.title ?? r.handle,
    description: r.listing_description ?? r.description ?? '',
    categories: r.categories ?? [],
    media: r.media ?? [],
    currency: scope.currency,
    variants: (r.variants ?? []).map((v) => {
      const own = v.channel_amount == null ? null : Number(v.channel_amount);
      const listed = v.list_amount == null ? null : Number(v.list_amount);
      const amount = own ?? listed;
      return {
        id: v.id,
        sku: v.sku,
        gtin: v.gtin,
        options: v.options ?? {},
        price: amount == null ? null : { amount, currency: scope.currency },
        priceSource: own != null ? 'channel' : listed != null ? 'price_list' : null,
        stockPolicy: v.stock_policy ?? 'deny',
        availableFrom: v.available_from ?? null,
        backorderLimit: v.backorder_limit == null ? null : Number(v.backorder_limit),
      };
    }),
  };
}
