// Catalog tables: products, their localized texts and variants, price lists with prices, and per-channel
// listings and price overrides. Channels are referred to by id only (the channels module owns them).
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import type { ImportJob, Product, Variant } from './catalog.types.js';

const at = <N extends string>(name: N) => timestamp(name, { withTimezone: true }).notNull();

export const catalogProducts = pgTable(
  'catalog_products',
  {
    id: text('id').primaryKey(),
    handle: text('handle').notNull().unique(),
    status: text('status').$type<Product['status']>().notNull().default('active'),
    defaultLocale: text('default_locale').notNull(),
    categories: text('categories').array().notNull().default(sql`'{}'::text[]`),
    media: text('media').array().notNull().default(sql`'{}'::text[]`),
    /** The brand or maker, as the retailer's old platform named it (Shopify's Vendor). */
    vendor: text('vendor'),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    createdAt: at('created_at'),
    updatedAt: at('updated_at'),
  },
  (t) => [
    index('catalog_products_categories_idx').using('gin', t.categories),
    // On lower(handle), not handle: a trigram index on the column itself also serves `=`, and the
    // planner took it for `handle = any(…)` look-ups (seconds for 500 handles) over the unique b-tree.
    index('catalog_products_handle_lower_trgm_idx').using('gin', sql`lower(${t.handle}) gin_trgm_ops`),
  ],
);

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * The text search configuration of a locale (stemming and stop words of its language); a language
 * PostgreSQL has no dictionary for (Bulgarian) is read word by word. Mirrored by `searchConfigOf`.
 */
const SEARCH_CONFIG_SQL = `case locale when 'en' then 'english'::regconfig when 'nl' then 'dutch'::regconfig
  when 'es' then 'spanish'::regconfig when 'sv' then 'swedish'::regconfig when 'de' then 'german'::regconfig
  when 'fr' then 'french'::regconfig when 'it' then 'italian'::regconfig when 'da' then 'danish'::regconfig
  when 'fi' then 'finnish'::regconfig when 'pt' then 'portuguese'::regconfig else 'simple'::regconfig end`;

export const catalogProductTexts = pgTable(
  'catalog_product_texts',
  {
    productId: text('product_id').notNull(),
    locale: text('locale').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    /** Full-text search document in the locale's language: the title weighs more than the description. */
    search: tsvector('search')
      .notNull()
      .generatedAlwaysAs(
        sql.raw(`setweight(to_tsvector(${SEARCH_CONFIG_SQL}, title), 'A')
          || setweight(to_tsvector(${SEARCH_CONFIG_SQL}, description), 'B')`),
      ),
  },
  (t) => [
    primaryKey({ columns: [t.productId, t.locale] }),
    index('catalog_product_texts_search_idx').using('gin', t.search),
    // Substring search (ILIKE) on titles, handles and SKUs is served by trigram indexes, not scans.
    index('catalog_product_texts_title_trgm_idx').using('gin', sql`${t.title} gin_trgm_ops`),
  ],
);

/**
 * Every word of every title (lower case, as the `simple` configuration reads it): the vocabulary a
 * misspelt search word is matched against by trigram similarity. Words are only added; a word no
 * product uses any more matches nothing. Read only through plans that cannot scan: the nearest words
 * by trigram distance (GiST, `order by term <-> $word limit n`) and words a prefix starts (b-tree on
 * text_pattern_ops). A GIN trigram `%` was costed above a scan of the table, which then computed
 * the similarity of every word (150 ms at 50,000 words).
 */
export const catalogSearchTerms = pgTable(
  'catalog_search_terms',
  { term: text('term').primaryKey() },
  (t) => [
    index('catalog_search_terms_trgm_gist_idx').using('gist', sql`${t.term} gist_trgm_ops`),
    index('catalog_search_terms_prefix_idx').using('btree', sql`${t.term} text_pattern_ops`),
  ],
);

/**
 * The channels whose search rows are kept, with what the rows were made for (price list, currency,
 * locales): a search on a channel whose scope differs (new channel, a changed price list) rebuilds
 * the channel's rows first (`ensureSearchScope`).
 */
export const catalogSearchScopes = pgTable('catalog_search_scopes', {
  channelId: text('channel_id').primaryKey(),
  key: text('key').notNull(),
  priceListId: text('price_list_id'),
  currency: text('currency').notNull(),
  locales: text('locales').array().notNull(),
  builtAt: at('built_at'),
});

/**
 * One row per product listed (published, active) on a channel with a search scope: all a cold
 * search reads, so the matches come from one GIN look-up with no per-product joins. The texts of
 * the channel's locales (their tsvectors joined), titles per locale (title sort), categories, option
 * values (`name` U+001F `value`), the prices of its variants on the channel. Rewritten in the
 * transaction of every catalog write that emits a product, variant, price or listing event.
 */
export const catalogSearchRows = pgTable(
  'catalog_search_rows',
  {
    channelId: text('channel_id').notNull(),
    productId: text('product_id').notNull(),
    search: tsvector('search').notNull(),
    titles: jsonb('titles').$type<Record<string, string>>().notNull(),
    categories: text('categories').array().notNull(),
    options: text('options').array().notNull(),
    prices: bigint('prices', { mode: 'number' }).array().notNull(),
    createdAt: at('created_at'),
  },
  (t) => [
    primaryKey({ columns: [t.channelId, t.productId] }),
    index('catalog_search_rows_search_idx').using('gin', t.search),
    index('catalog_search_rows_product_idx').on(t.productId),
  ],
);

export const catalogVariants = pgTable(
  'catalog_variants',
  {
    id: text('id').primaryKey(),
    productId: text('product_id').notNull(),
    sku: text('sku').notNull().unique(),
    gtin: text('gtin'),
    options: jsonb('options').$type<Variant['options']>().notNull().default({}),
    position: integer('position').notNull().default(0),
    stockPolicy: text('stock_policy').$type<Variant['stockPolicy']>().notNull().default('deny'),
    /** YYYY-MM-DD: a pre-order's release date, or a backorder's expected restock. */
    availableFrom: text('available_from'),
    backorderLimit: integer('backorder_limit'),
    createdAt: at('created_at'),
    updatedAt: at('updated_at'),
  },
  (t) => [
    check('catalog_variants_stock_policy', sql`${t.stockPolicy} in ('deny', 'backorder', 'preorder')`),
    index('catalog_variants_product_idx').on(t.productId, t.position),
    // A scan at the till looks a barcode up as GTIN-14 (see searchFilter).
    index('catalog_variants_gtin14_idx').on(sql`lpad(${t.gtin}, 14, '0')`),
    // On lower(sku) for the same reason as the handle's: `sku = any(…)` must use the unique b-tree.
    index('catalog_variants_sku_lower_trgm_idx').using('gin', sql`lower(${t.sku}) gin_trgm_ops`),
    // Facet filters on option values ({"colour":"Blue"}) by containment.
    index('catalog_variants_options_idx').using('gin', t.options),
  ],
);

export const catalogPriceLists = pgTable('catalog_price_lists', {
  id: text('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  currency: text('currency').notNull(),
  createdAt: at('created_at'),
  updatedAt: at('updated_at'),
});

export const catalogPrices = pgTable(
  'catalog_prices',
  {
    priceListId: text('price_list_id').notNull(),
    variantId: text('variant_id').notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    /** The "was" price a shop shows struck through; null: none. */
    compareAtAmount: bigint('compare_at_amount', { mode: 'number' }),
    updatedAt: at('updated_at'),
  },
  (t) => [primaryKey({ columns: [t.priceListId, t.variantId] })],
);

/** A channel's own price for a variant, in the channel's currency; wins over its price list. */
export const catalogChannelPrices = pgTable(
  'catalog_channel_prices',
  {
    channelId: text('channel_id').notNull(),
    variantId: text('variant_id').notNull(),
    currency: text('currency').notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    compareAtAmount: bigint('compare_at_amount', { mode: 'number' }),
    updatedAt: at('updated_at'),
  },
  (t) => [primaryKey({ columns: [t.channelId, t.variantId] })],
);

/** Whether a product is published on a channel, with an optional channel-specific title/description. */
export const catalogListings = pgTable(
  'catalog_listings',
  {
    channelId: text('channel_id').notNull(),
    productId: text('product_id').notNull(),
    published: boolean('published').notNull(),
    title: text('title'),
    description: text('description'),
    updatedAt: at('updated_at'),
  },
  (t) => [
    primaryKey({ columns: [t.channelId, t.productId] }),
    index('catalog_listings_product_idx').on(t.productId),
  ],
);

/**
 * A till's favourites: the articles its product grid shows, in the manager's order, per channel (a
 * store's till is its channel). By SKU, so a favourite is one variant ready to add with one touch.
 */
export const catalogChannelFavourites = pgTable(
  'catalog_channel_favourites',
  {
    channelId: text('channel_id').notNull(),
    sku: text('sku').notNull(),
    position: integer('position').notNull(),
    updatedAt: at('updated_at'),
  },
  (t) => [primaryKey({ columns: [t.channelId, t.sku] })],
);

/** A bulk import: its progress and counts, updated as the stream is read. */
export const catalogImportJobs = pgTable('catalog_import_jobs', {
  id: text('id').primaryKey(),
  format: text('format').$type<ImportJob['format']>().notNull(),
  source: text('source'),
  status: text('status').$type<ImportJob['status']>().notNull(),
  rowsRead: integer('rows_read').notNull().default(0),
  rowsAccepted: integer('rows_accepted').notNull().default(0),
  rowsRejected: integer('rows_rejected').notNull().default(0),
  bytesRead: bigint('bytes_read', { mode: 'number' }).notNull().default(0),
  bytesTotal: bigint('bytes_total', { mode: 'number' }),
  counts: jsonb('counts').$type<ImportJob['counts']>().notNull().default({}),
  error: text('error'),
  actor: text('actor'),
  createdAt: at('created_at'),
  updatedAt: at('updated_at'),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
});

/** The rejected-rows report of an import: line number, reasons and the row as read. */
export const catalogImportRejections = pgTable(
  'catalog_import_rejections',
  {
    jobId: text('job_id').notNull(),
    line: integer('line').notNull(),
    reasons: jsonb('reasons').notNull(),
    row: jsonb('row'),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.line] })],
);

/**
 * What an option value is called in a locale ("moss" → "mos" in nl): variants keep the code, the
 * storefront's filters and pickers show the name. Catalog-wide, not per product: a colour is the same
 * colour on every product.
 */
export const catalogOptionLabels = pgTable(
  'catalog_option_labels',
  {
    option: text('option').notNull(),
    value: text('value').notNull(),
    locale: text('locale').notNull(),
    label: text('label').notNull(),
    updatedAt: at('updated_at'),
  },
  (t) => [primaryKey({ columns: [t.option, t.value, t.locale] })],
);
