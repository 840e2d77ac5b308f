// SQL for the catalog's own records. Batches go through unnest so a page or an import chunk is one
// statement per table; jsonb and array columns travel as JSON text (unnest cannot take ragged arrays).
import { sql } from 'drizzle-orm';
import { type Executor, firstRow, rows } from '../../platform/db/database.js';
import type { SqlRow } from '../../platform/db/rows.js';
import type {
  catalogListings,
  catalogPriceLists,
  catalogProducts,
  catalogProductTexts,
  catalogVariants,
} from './catalog.schema.js';
import type { Listing, PriceList, Product, Variant } from './catalog.types.js';

/** A product's own row (its texts and variants are rows of their own). */
export type ProductRow = typeof catalogProducts.$inferSelect;

export type TextRow = Omit<typeof catalogProductTexts.$inferSelect, 'search'>;

export interface VariantRow extends Variant {
  createdAt: Date;
  updatedAt: Date;
}

const iso = (d: Date) => d.toISOString();
const textArray = (v: Array<string | null>) => sql`${sql.param(v)}::text[]`;

type ProductSqlRow = SqlRow<typeof catalogProducts>;

const toProductRow = (r: ProductSqlRow): ProductRow => ({
  id: r.id,
  handle: r.handle,
  status: r.status,
  defaultLocale: r.default_locale,
  categories: r.categories ?? [],
  media: r.media ?? [],
  vendor: r.vendor ?? null,
  tags: r.tags ?? [],
  createdAt: new Date(r.created_at),
  updatedAt: new Date(r.updated_at),
});

/** Products by handle (and, if given, by id). */
export async function selectProductRowsByHandles(
  exec: Executor,
  handles: string[],
  ids: string[] = [],
): Promise<ProductRow[]> {
  if (handles.length === 0 && ids.length === 0) return [];
  return (
    await rows<ProductSqlRow>(
      exec,
      sql`select * from catalog_products where handle = any(${textArray(handles)}) or id = any(${textArray(ids)})`,
    )
  ).map(toProductRow);
}

export async function selectProductRow(exec: Executor, idOrHandle: string, forUpdate = false) {
  const r = await firstRow<ProductSqlRow>(
    exec,
    sql`select * from catalog_products where id = ${idOrHandle} or handle = ${idOrHandle}
        ${forUpdate ? sql`for update` : sql``}`,
  );
  return r ? toProductRow(r) : undefined;
}

export async function insertProductRows(exec: Executor, list: ProductRow[]): Promise<void> {
  if (list.length === 0) return;
  await exec.execute(
    sql`insert into catalog_products (id, handle, status, default_locale, categories, media, vendor, tags,
                                      created_at, updated_at)
        select u.id, u.handle, u.status, u.default_locale,
               array(select jsonb_array_elements_text(u.categories::jsonb)),
               array(select jsonb_array_elements_text(u.media::jsonb)), u.vendor,
               array(select jsonb_array_elements_text(u.tags::jsonb)), u.at::timestamptz, u.at::timestamptz
        from unnest(${textArray(list.map((p) => p.id))}, ${textArray(list.map((p) => p.handle))},
                    ${textArray(list.map((p) => p.status))}, ${textArray(list.map((p) => p.defaultLocale))},
                    ${textArray(list.map((p) => JSON.stringify(p.categories)))},
                    ${textArray(list.map((p) => JSON.stringify(p.media)))},
                    ${textArray(list.map((p) => p.vendor))},
                    ${textArray(list.map((p) => JSON.stringify(p.tags)))},
                    ${textArray(list.map((p) => iso(p.createdAt)))})
             as u(id, handle, status, default_locale, categories, media, vendor, tags, at)`,
  );
}

export async function updateProductRows(exec: Executor, list: ProductRow[]): Promise<void> {
  if (list.length === 0) return;
  await exec.execute(
    sql`update catalog_products p
        set status = u.status, default_locale = u.default_locale,
            categories = array(select jsonb_array_elements_text(u.categories::jsonb)),
            media = array(select jsonb_array_elements_text(u.media::jsonb)), vendor = u.vendor,
            tags = array(select jsonb_array_elements_text(u.tags::jsonb)), updated_at = u.at::timestamptz
        from unnest(${textArray(list.map((p) => p.id))}, ${textArray(list.map((p) => p.status))},
                    ${textArray(list.map((p) => p.defaultLocale))},
                    ${textArray(list.map((p) => JSON.stringify(p.categories)))},
                    ${textArray(list.map((p) => JSON.stringify(p.media)))},
                    ${textArray(list.map((p) => p.vendor))},
                    ${textArray(list.map((p) => JSON.stringify(p.tags)))},
                    ${textArray(list.map((p) => iso(p.updatedAt)))})
             as u(id, status, default_locale, categories, media, vendor, tags, at)
        where p.id = u.id`,
  );
}

/** The stored texts of these products (every locale), to tell a re-import from a change. */
export async function selectTextRows(exec: Executor, productIds: string[]): Promise<TextRow[]> {
  if (productIds.length === 0) return [];
  return (
    await rows<SqlRow<typeof catalogProductTexts>>(
      exec,
      sql`select product_id, locale, title, description from catalog_product_texts
          where product_id = any(${textArray(productIds)})`,
    )
  ).map((r) => ({ productId: r.product_id, locale: r.locale, title: r.title, description: r.description }));
}

export async function upsertTextRows(exec: Executor, list: TextRow[]): Promise<void> {
  if (list.length === 0) return;
  await exec.execute(
    sql`insert into catalog_product_texts (product_id, locale, title, description)
        select * from unnest(${textArray(list.map((t) => t.productId))}, ${textArray(list.map((t) => t.locale))},
                             ${textArray(list.map((t) => t.title))}, ${textArray(list.map((t) => t.description))})
        on conflict (product_id, locale) do update set title = excluded.title, description = excluded.description`,
  );
  // The vocabulary typo-tolerant search matches misspelt words against (catalog.search.ts); not
  // numbers: a number off by a digit is another number (a size, a model), never a typo.
  await exec.execute(
    sql`insert into catalog_search_terms (term)
        select distinct w from unnest(${textArray(list.map((t) => t.title))}) as u(title),
               unnest(tsvector_to_array(to_tsvector('simple', u.title))) as w
        where length(w) between 2 and 40 and w !~ '^[0-9]+$'
        on conflict do nothing`,
  );
}

type VariantSqlRow = SqlRow<typeof catalogVariants>;

const toVariantRow = (r: VariantSqlRow): VariantRow => ({
  id: r.id,
  productId: r.product_id,
  sku: r.sku,
  gtin: r.gtin,
  options: typeof r.options === 'string' ? JSON.parse(r.options) : (r.options ?? {}),
  position: Number(r.position),
  stockPolicy: r.stock_policy ?? 'deny',
  availableFrom: r.available_from ?? null,
  backorderLimit: r.backorder_limit == null ? null : Number(r.backorder_limit),
  createdAt: new Date(r.created_at),
  updatedAt: new Date(r.updated_at),
});

export async function selectVariantRowsBySkus(exec: Executor, skus: string[]): Promise<VariantRow[]> {
  if (skus.length === 0) return [];
  return (
    await rows<VariantSqlRow>(exec, sql`select * from catalog_variants where sku = any(${textArray(skus)})`)
  ).map(toVariantRow);
}

/** Inserts variants; returns the SKUs that were taken already (by a concurrent writer). */
export async function insertVariantRows(exec: Executor, list: VariantRow[]): Promise<string[]> {
  if (list.length === 0) return [];
  const inserted = await rows<{ sku: string }>(
    exec,
    sql`insert into catalog_variants (id, product_id, sku, gtin, options, position, stock_policy, available_from,
                                      backorder_limit, created_at, updated_at)
        select u.id, u.product_id, u.sku, u.gtin, u.options::jsonb, u.position::int, u.policy, u.available_from,
               u.backorder_limit::int, u.at::timestamptz, u.at::timestamptz
        from unnest(${textArray(list.map((v) => v.id))}, ${textArray(list.map((v) => v.productId))},
                    ${textArray(list.map((v) => v.sku))}, ${textArray(list.map((v) => v.gtin))},
                    ${textArray(list.map((v) => JSON.stringify(v.options)))},
                    ${textArray(list.map((v) => String(v.position)))}, ${textArray(list.map((v) => v.stockPolicy))},
                    ${textArray(list.map((v) => v.availableFrom))},
                    ${textArray(list.map((v) => (v.backorderLimit === null ? null : String(v.backorderLimit))))},
                    ${textArray(list.map((v) => iso(v.createdAt)))})
             as u(id, product_id, sku, gtin, options, position, policy, available_from, backorder_limit, at)
        on conflict (sku) do nothing
        returning sku`,
  );
  const got = new Set(inserted.map((r) => r.sku));
  return list.filter((v) => !got.has(v.sku)).map((v) => v.sku);
}

/** The highest variant position per product (absent when it has no variants). */
export async function selectMaxPositions(exec: Executor, productIds: string[]): Promise<Map<string, number>> {
  if (productIds.length === 0) return new Map();
  const r = await rows<{ product_id: string; max: number }>(
    exec,
    sql`select product_id, max(position) as max from catalog_variants
        where product_id = any(${textArray(productIds)}) group by product_id`,
  );
  return new Map(r.map((x) => [x.product_id, Number(x.max)]));
}

export async function updateVariantRows(exec: Executor, list: VariantRow[]): Promise<void> {
  if (list.length === 0) return;
  await exec.execute(
    sql`update catalog_variants v set gtin = u.gtin, options = u.options::jsonb, stock_policy = u.policy,
               available_from = u.available_from, backorder_limit = u.backorder_limit::int, updated_at = u.at::timestamptz
        from unnest(${textArray(list.map((v) => v.id))}, ${textArray(list.map((v) => v.gtin))},
                    ${textArray(list.map((v) => JSON.stringify(v.options)))},
                    ${textArray(list.map((v) => v.stockPolicy))}, ${textArray(list.map((v) => v.availableFrom))},
                    ${textArray(list.map((v) => (v.backorderLimit === null ? null : String(v.backorderLimit))))},
                    ${textArray(list.map((v) => iso(v.updatedAt)))})
             as u(id, gtin, options, policy, available_from, backorder_limit, at)
        where v.id = u.id`,
  );
}

export async function selectProducts(exec: Executor, ids: string[]): Promise<Product[]> {
  if (ids.length === 0) return [];
  const raw = await rows<
    ProductSqlRow & {
      content: Record<string, { title: string; description: string }>;
      variants: VariantSqlRow[];
    }
  >(
    exec,
    sql`select p.*,
          coalesce((select jsonb_object_agg(t.locale, jsonb_build_object('title', t.title, 'description', t.description))
                    from catalog_product_texts t where t.product_id = p.id), '{}'::jsonb) as content,
          coalesce((select jsonb_agg(to_jsonb(v) order by v.position, v.id)
                    from catalog_variants v where v.product_id = p.id), '[]'::jsonb) as variants
        from catalog_products p where p.id = any(${textArray(ids)}) order by p.id`,
  );
  return raw.map((r) => {
    const { createdAt: _c, updatedAt: _u, ...base } = toProductRow(r);
    return {
      ...base,
      content: typeof r.content === 'string' ? JSON.parse(r.content) : r.content,
      variants: (typeof r.variants === 'string' ? JSON.parse(r.variants) : r.variants).map(
        (v: VariantSqlRow) => {
          const { createdAt: _vc, updatedAt: _vu, ...variant } = toVariantRow(v);
          return variant;
        },
      ),
      createdAt: new Date(r.created_at),
      updatedAt: new Date(r.updated_at),
    };
  });
}

export async function selectProductIdsPage(
  exec: Executor,
  opts: { after?: string | undefined; limit: number; category?: string | undefined; q?: string | undefined },
): Promise<string[]> {
  const filters = [sql`true`];
  if (opts.after) filters.push(sql`p.id > ${opts.after}`);
  if (opts.category) filters.push(sql`p.categories @> array[${opts.category}]::text[]`);
  if (opts.q) filters.push(sql`${searchFilter(opts.q)}`);
  const r = await rows<{ id: string }>(
    exec,
    sql`select p.id from catalog_products p where ${sql.join(filters, sql` and `)} order by p.id limit ${opts.limit}`,
  );
  return r.map((x) => x.id);
}

/**
 * Text search over any locale's title, the handle and the SKUs (a substring, case-insensitive), and a
 * scanned barcode: a GTIN matches exactly, compared as GTIN-14 (a UPC-A read as 12 digits finds the
 * same article saved as its EAN-13 with a leading 0), on the `catalog_variants_gtin14_idx` index.
 */
export function searchFilter(q: string) {
  const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const barcode = /^\d{8}$|^\d{12,14}$/.test(q)
    ? sql` or exists (select 1 from catalog_variants g where g.product_id = p.id
                      and lpad(g.gtin, 14, '0') = ${q.padStart(14, '0')})`
    : sql``;
  // Handles and SKUs through lower(): their trigram indexes are on lower(…) (see catalog.schema.ts).
  return sql`(lower(p.handle) ilike ${like}
    or exists (select 1 from catalog_product_texts t where t.product_id = p.id and t.title ilike ${like})
    or exists (select 1 from catalog_variants v where v.product_id = p.id and lower(v.sku) ilike ${like})${barcode})`;
}

// ---- price lists and prices ----

type PriceListSqlRow = SqlRow<typeof catalogPriceLists>;
const toPriceList = (r: PriceListSqlRow): PriceList => ({
  id: r.id,
  code: r.code,
  name: r.name,
  currency: r.currency,
  createdAt: new Date(r.created_at),
  updatedAt: new Date(r.updated_at),
});

export async function insertPriceList(exec: Executor, p: PriceList): Promise<PriceList | undefined> {
  const r = await firstRow<PriceListSqlRow>(
    exec,
    sql`insert into catalog_price_lists (id, code, name, currency, created_at, updated_at)
        values (${p.id}, ${p.code}, ${p.name}, ${p.currency}, ${iso(p.createdAt)}, ${iso(p.updatedAt)})
        on conflict (code) do nothing returning *`,
  );
  return r ? toPriceList(r) : undefined;
}

export async function selectPriceList(exec: Executor, idOrCode: string): Promise<PriceList | undefined> {
  const r = await firstRow<PriceListSqlRow>(
    exec,
    sql`select * from catalog_price_lists where id = ${idOrCode} or code = ${idOrCode}`,
  );
  return r ? toPriceList(r) : undefined;
}

export async function selectPriceLists(exec: Executor): Promise<PriceList[]> {
  return (await rows<PriceListSqlRow>(exec, sql`select * from catalog_price_lists order by code`)).map(
    toPriceList,
  );
}

export interface PriceChange {
  variantId: string;
  amount: number;
  previousAmount: number | null;
  compareAtAmount: number | null;
}

/** A price to store; compareAtAmount undefined keeps the stored one, null removes it. */
export interface PriceWrite {
  variantId: string;
  amount: number;
  compareAtAmount?: number | null | undefined;
}

/** Upserts prices of one price list (or one channel's overrides); returns only the ones that changed. */
export async function upsertPriceRows(
  exec: Executor,
  target: { priceListId: string } | { channelId: string; currency: string },
  list: PriceWrite[],
  at: Date,
): Promise<PriceChange[]> {
  if (list.length === 0) return [];
  const input = sql`unnest(${textArray(list.map((p) => p.variantId))}, ${textArray(list.map((p) => String(p.amount)))},
                           ${textArray(list.map((p) => (p.compareAtAmount === undefined ? 'keep' : 'set')))},
                           ${textArray(list.map((p) => (p.compareAtAmount == null ? null : String(p.compareAtAmount))))})
                    as u(variant_id, amount, cmp_mode, cmp)`;
  // The compare-at price the row will have: the given one, or (not given) the stored one.
  const next = sql`next as (select i.variant_id, i.amount,
                    case when i.cmp_mode = 'set' then i.cmp else prev.compare_at_amount end as cmp
                    from input i left join prev using (variant_id))`;
  const inputCte = sql`input as (select u.variant_id, u.amount::bigint as amount, u.cmp_mode, u.cmp::bigint as cmp from ${input})`;
  const changed =
    'priceListId' in target
      ? await rows<{ variant_id: string; amount: number; cmp: number | null; previous: number | null }>(
          exec,
          sql`with ${inputCte},
               prev as (select p.variant_id, p.amount, p.compare_at_amount from catalog_prices p
                        join input i using (variant_id) where p.price_list_id = ${target.priceListId}),
               ${next},
               up as (insert into catalog_prices (price_list_id, variant_id, amount, compare_at_amount, updated_at)
                      select ${target.priceListId}, variant_id, amount, cmp, ${iso(at)} from next
                      on conflict (price_list_id, variant_id) do update
                        set amount = excluded.amount, compare_at_amount = excluded.compare_at_amount,
                            updated_at = excluded.updated_at
                        where catalog_prices.amount <> excluded.amount
                           or catalog_prices.compare_at_amount is distinct from excluded.compare_at_amount
                      returning variant_id, amount, compare_at_amount as cmp)
             select up.variant_id, up.amount, up.cmp, prev.amount as previous from up left join prev using (variant_id)`,
        )
      : await rows<{ variant_id: string; amount: number; cmp: number | null; previous: number | null }>(
          exec,
          sql`with ${inputCte},
               prev as (select p.variant_id, p.amount, p.compare_at_amount from catalog_channel_prices p
                        join input i using (variant_id) where p.channel_id = ${target.channelId}),
               ${next},
               up as (insert into catalog_channel_prices (channel_id, variant_id, currency, amount, compare_at_amount, updated_at)
                      select ${target.channelId}, variant_id, ${target.currency}, amount, cmp, ${iso(at)} from next
                      on conflict (channel_id, variant_id) do update
                        set amount = excluded.amount, currency = excluded.currency,
                            compare_at_amount = excluded.compare_at_amount, updated_at = excluded.updated_at
                        where catalog_channel_prices.amount <> excluded.amount
                           or catalog_channel_prices.currency <> excluded.currency
                           or catalog_channel_prices.compare_at_amount is distinct from excluded.compare_at_amount
                      returning variant_id, amount, compare_at_amount as cmp)
             select up.variant_id, up.amount, up.cmp, prev.amount as previous from up left join prev using (variant_id)`,
        );
  return changed.map((r) => ({
    variantId: r.variant_id,
    amount: Number(r.amount),
    previousAmount: r.previous == null ? null : Number(r.previous),
    compareAtAmount: r.cmp == null ? null : Number(r.cmp),
  }));
}

export async function deleteChannelPriceRows(exec: Executor, channelId: string, variantIds: string[]) {
  return rows<{ variant_id: string }>(
    exec,
    sql`delete from catalog_channel_prices where channel_id = ${channelId}
        and variant_id = any(${textArray(variantIds)}) returning variant_id`,
  );
}

// ---- listings ----

export type ListingSqlRow = SqlRow<typeof catalogListings>;
export const toListing = (r: ListingSqlRow): Listing => ({
  channelId: r.channel_id,
  productId: r.product_id,
  published: r.published,
  title: r.title,
  description: r.description,
  updatedAt: new Date(r.updated_at),
});

/** Upserts listings of one channel; returns those that changed. */
export async function upsertListingRows(
  exec: Executor,
  channelId: string,
  list: Array<Omit<Listing, 'channelId' | 'updatedAt'>>,
  at: Date,
): Promise<Listing[]> {
  if (list.length === 0) return [];
  const r = await rows<ListingSqlRow>(
    exec,
    sql`insert into catalog_listings (channel_id, product_id, published, title, description, updated_at)
        select ${channelId}, u.product_id, u.published::boolean, u.title, u.description, ${iso(at)}
        from unnest(${textArray(list.map((l) => l.productId))}, ${textArray(list.map((l) => String(l.published)))},
                    ${textArray(list.map((l) => l.title))}, ${textArray(list.map((l) => l.description))})
             as u(product_id, published, title, description)
        on conflict (channel_id, product_id) do update
          set published = excluded.published, title = excluded.title, description = excluded.description,
              updated_at = excluded.updated_at
          where (catalog_listings.published, catalog_listings.title, catalog_listings.description)
                is distinct from (excluded.published, excluded.title, excluded.description)
        returning *`,
  );
  return r.map(toListing);
}

export async function selectListings(exec: Executor, productId: string): Promise<Listing[]> {
  return (
    await rows<ListingSqlRow>(
      exec,
      sql`select * from catalog_listings where product_id = ${productId} order by channel_id`,
    )
  ).map(toListing);
}
