// The catalog's use cases, each taking ctx first. API writes are all or nothing; the bulk functions
// (upsertProducts, upsertVariants, setPrices, setListings) also serve imports that report per item.

import { AppError, notFound, type Result, validationError } from '../../kernel/index.js';
import { type Ctx, inTransaction } from '../../platform/context.js';
import {
  type ChannelPageQuery,
  type ChannelViewProduct,
  type ChannelViewScope,
  selectChannelPage,
  selectChannelProducts,
} from './catalog.channel-view.js';
import {
  type ExportPrice,
  selectListingsOfProducts,
  selectPricesOfVariants,
} from './catalog.export.repository.js';
import { favouritesOf, setFavourites, type UnknownFavourites } from './catalog.favourites.js';
import {
  failStaleImportJobs,
  getImportJob,
  type ImportProgress,
  listImportJobs,
  listImportRejections,
  recordImportProgress,
  startImportJob,
  touchImportJob,
} from './catalog.import-jobs.js';
import { optionLabelsOf, setOptionLabels } from './catalog.option-labels.js';
import {
  createPriceList,
  getPriceList,
  type ListingUpsert,
  listPriceLists,
  type PricesOutcome,
  priceListCurrency,
  rejectionsError,
  setChannelPrices,
  setListings,
  setPrices,
} from './catalog.pricing.js';
import {
  type BatchOutcome,
  getProduct,
  listProducts,
  type ProductUpsert,
  type Rejection,
  updateProduct,
  upsertProducts,
  upsertVariants,
  type VariantUpsert,
} from './catalog.products.js';
import {
  type ProductRow,
  selectListings,
  selectProductIdsPage,
  selectProductRow,
  selectProductRowsByHandles,
  selectProducts,
  selectVariantRowsBySkus,
  type VariantRow,
} from './catalog.repository.js';
import { type ChannelSearchQuery, type ChannelSearchResult, searchChannel } from './catalog.search.js';
import { ensureSearchScope, settleSearchIndexes } from './catalog.search-rows.repository.js';
import type { ImportFormat, ImportJob, ImportRejection } from './catalog.types.js';
import {
  type Listing,
  type OptionLabel,
  type PriceList,
  type PriceListInput,
  type Product,
  ProductInput,
  type ProductPatch,
  parseInput,
  type SkuPrice,
  stockPolicyIssues,
  VariantInput,
  VariantPatch,
} from './catalog.types.js';

async function createProduct(ctx: Ctx, input: ProductInput): Promise<Product> {
  const p = parseInput(ProductInput, input);
  return inTransaction(ctx, async (tx) => {
    if ((await selectProductRowsByHandles(tx.db, [p.handle])).length > 0) {
      throw new AppError('product_handle_taken', `A product with handle ${p.handle} already exists`, {
        details: { field: 'handle' },
      });
    }
    const { ids } = await upsertProducts(tx, [{ ...p, texts: p.content }]);
    const productId = ids.get(p.handle)!;
    await addVariantsStrict(tx, productId, p.variants);
    return getProduct(tx, productId);
  });
}

async function addVariantsStrict(ctx: Ctx, productId: string, variants: VariantInput[]) {
  const parsed = variants.map((v) => parseInput(VariantInput, v));
  const taken = await selectVariantRowsBySkus(
    ctx.db,
    parsed.map((v) => v.sku),
  );
  if (taken.length > 0) {
    throw new AppError('duplicate_sku', `SKU ${taken.map((v) => v.sku).join(', ')} already exists`, {
      details: { skus: taken.map((v) => v.sku) },
    });
  }
  const outcome = await upsertVariants(
    ctx,
    parsed.map((v) => ({
      productId,
      sku: v.sku,
      gtin: v.gtin,
      options: v.options,
      stockPolicy: v.stockPolicy,
      availableFrom: v.availableFrom,
      backorderLimit: v.backorderLimit,
    })),
  );
  if (outcome.rejected.length > 0) throw rejectionsError(outcome.rejected, 'variants');
  const byList = new Map<string, SkuPrice[]>();
  for (const v of parsed) {
    for (const price of v.prices) {
      const list = byList.get(price.priceListId) ?? [];
      const { priceListId: _l, ...rest } = price;
      list.push({ sku: v.sku, ...rest });
      byList.set(price.priceListId, list);
    }
  }
  for (const [priceListId, prices] of byList) {
    const list = await selectPriceListOrRefuse(ctx, priceListId);
    await setPrices(ctx, list, prices, { strict: true });
  }
}

// An unknown price list inside a product body is bad input (422), not a missing resource (404).
async function selectPriceListOrRefuse(ctx: Ctx, idOrCode: string): Promise<string> {
  try {
    return (await getPriceList(ctx, idOrCode)).id;
  } catch {
    throw new AppError('unknown_price_list', `There is no price list ${idOrCode}`, {
      issues: [{ path: 'body.variants.prices.priceListId', message: 'unknown price list' }],
    });
  }
}

async function addVariant(ctx: Ctx, productIdOrHandle: string, input: VariantInput): Promise<Product> {
  return inTransaction(ctx, async (tx) => {
    const product = await selectProductRow(tx.db, productIdOrHandle, true);
    if (!product) throw notFound('product', productIdOrHandle);
    await addVariantsStrict(tx, product.id, [input]);
    return getProduct(tx, product.id);
  });
}

/** Changes a variant's barcode or options (its SKU is its name everywhere, so it stays). */
async function updateVariant(
  ctx: Ctx,
  productIdOrHandle: string,
  sku: string,
  input: VariantPatch,
): Promise<Product> {
  const patch = parseInput(VariantPatch, input);
  return inTransaction(ctx, async (tx) => {
    const product = await selectProductRow(tx.db, productIdOrHandle, true);
    if (!product) throw notFound('product', productIdOrHandle);
    const [variant] = await selectVariantRowsBySkus(tx.db, [sku]);
    if (variant?.productId !== product.id) throw notFound('variant', sku);
    const issues = stockPolicyIssues({
      stockPolicy: patch.stockPolicy ?? variant.stockPolicy,
      availableFrom: patch.availableFrom === undefined ? variant.availableFrom : patch.availableFrom,
      backorderLimit: null,
    });
    if (issues.length)
      throw validationError(issues.map((i) => ({ path: ['body', ...i.path].join('.'), message: i.message })));
    await upsertVariants(tx, [{ productId: product.id, sku: variant.sku, ...patch }]);
    return getProduct(tx, product.id);
  });
}

/** The prices of a product's variants: per price list, and the channels' own prices. */
async function pricesOfProduct(ctx: Ctx, productIdOrHandle: string) {
  const product = await getProduct(ctx, productIdOrHandle);
  const skuOf = new Map(product.variants.map((v) => [v.id, v.sku]));
  const prices = await selectPricesOfVariants(ctx.db, [...skuOf.keys()]);
  return prices.map((p) => ({ sku: skuOf.get(p.variantId)!, ...p }));
}

/** A page of whole products with their prices and listings, in id order, for export. */
async function exportPage(ctx: Ctx, after: string | undefined, limit: number) {
  const ids = await selectProductIdsPage(ctx.db, { after, limit });
  const products = await selectProducts(ctx.db, ids);
  const prices = await selectPricesOfVariants(
    ctx.db,
    products.flatMap((p) => p.variants.map((v) => v.id)),
  );
  const listings = await selectListingsOfProducts(ctx.db, ids);
  return { products, prices, listings };
}

/** Products, variants, texts, price lists, channel prices and listings, imports and the channel view. */
export interface CatalogService {
  // Products and variants
  /** Creates a product with its variants and texts. */
  createProduct(ctx: Ctx, input: ProductInput): Promise<Product>;
  /** Changes a product by id or handle. */
  updateProduct(ctx: Ctx, idOrHandle: string, patch: ProductPatch): Promise<Product>;
  /** Adds a variant (a SKU) to a product. */
  addVariant(ctx: Ctx, productIdOrHandle: string, input: VariantInput): Promise<Product>;
  /** Changes a variant's barcode (GTIN), option values or stock policy. */
  updateVariant(ctx: Ctx, productIdOrHandle: string, sku: string, patch: VariantPatch): Promise<Product>;
  /** A product's prices per price list and channel, by SKU. */
  pricesOfProduct(ctx: Ctx, productIdOrHandle: string): Promise<Array<ExportPrice & { sku: string }>>;
  /** A product by id or handle, or 404. */
  getProduct(ctx: Ctx, idOrHandle: string): Promise<Product>;
  /** A page of products (by category or text), with the cursor of the next page. */
  listProducts(
    ctx: Ctx,
    q: { after?: string | undefined; limit: number; category?: string | undefined; q?: string | undefined },
  ): Promise<{ items: Product[]; nextCursor: string | null }>;
  /** Creates or updates products by handle in bulk (imports); rejected rows say why. */
  upsertProducts(ctx: Ctx, items: ProductUpsert[]): Promise<BatchOutcome>;
  /** Creates or updates variants by SKU in bulk (imports); rejected rows say why. */
  upsertVariants(ctx: Ctx, items: VariantUpsert[]): Promise<BatchOutcome>;
  /** The variants of these SKUs (those that exist). */
  findVariantsBySkus(ctx: Ctx, skus: string[]): Promise<VariantRow[]>;
  /** The products of these handles (those that exist). */
  findProductsByHandles(ctx: Ctx, handles: string[]): Promise<ProductRow[]>;
  /** A product's listings on every channel. */
  listingsOf(ctx: Ctx, productIdOrHandle: string): Promise<Listing[]>;

  // Import jobs
  /** Opens an import job (its progress and rejected rows are kept for the report). */
  startImportJob(
    ctx: Ctx,
    input: { format: ImportFormat; source?: string | null; bytesTotal?: number | null },
  ): Promise<ImportJob>;
  /** Adds a chunk's counts and rejected rows to a job (and finishes it when told). */
  recordImportProgress(ctx: Ctx, jobId: string, p: ImportProgress): Promise<ImportJob>;
  /** Shows a running job is alive (a job nobody touches goes stale). */
  touchImportJob(ctx: Ctx, jobId: string): Promise<void>;
  /** Fails running jobs not touched since `staleBefore` (their process died); returns how many. */
  failStaleImportJobs(ctx: Ctx, staleBefore: Date): Promise<number>;
  /** An import job, or 404. */
  getImportJob(ctx: Ctx, id: string): Promise<ImportJob>;
  /** The newest import jobs. */
  listImportJobs(ctx: Ctx, limit?: number): Promise<ImportJob[]>;
  /** A page of a job's rejected rows, by line. */
  listImportRejections(
    ctx: Ctx,
    jobId: string,
    q: { afterLine?: number | undefined; limit: number },
  ): Promise<ImportRejection[]>;
  /** A page of whole products with their prices and listings, in id order, for export. */
  exportPage(
    ctx: Ctx,
    after: string | undefined,
    limit: number,
  ): Promise<{ products: Product[]; prices: ExportPrice[]; listings: Listing[] }>;

  // Prices and listings
  /** Creates a price list (one currency). */
  createPriceList(ctx: Ctx, input: PriceListInput): Promise<PriceList>;
  /** A price list by id or code, or 404. */
  getPriceList(ctx: Ctx, idOrCode: string): Promise<PriceList>;
  /** Every price list. */
  listPriceLists(ctx: Ctx): Promise<PriceList[]>;
  /** The currency of a price list, or undefined if there is none with that id. */
  priceListCurrency(ctx: Ctx, id: string): Promise<string | undefined>;
  /** Sets prices of SKUs on a price list; `strict` refuses the whole batch on any bad row. */
  setPrices(
    ctx: Ctx,
    priceListIdOrCode: string,
    items: SkuPrice[],
    opts?: { strict?: boolean },
  ): Promise<PricesOutcome>;
  /** Sets a channel's own prices of SKUs (in the channel's currency). */
  setChannelPrices(
    ctx: Ctx,
    channel: { id: string; currency: string },
    items: SkuPrice[],
    opts?: { strict?: boolean },
  ): Promise<PricesOutcome>;
  /** Publishes or hides products on a channel (with the channel's own title). */
  setListings(
    ctx: Ctx,
    channelId: string,
    items: ListingUpsert[],
    opts?: { strict?: boolean },
  ): Promise<{ changed: Listing[]; rejected: Rejection[] }>;

  // The channel view
  /** A page of the products listed on a channel, with text and prices resolved for it. */
  channelPage(ctx: Ctx, scope: ChannelViewScope, q: ChannelPageQuery): Promise<ChannelViewProduct[]>;
  /** Products by id, handle or SKU as a channel shows them (listed or not). */
  channelProducts(ctx: Ctx, scope: ChannelViewScope, keys: string[]): Promise<ChannelViewProduct[]>;
  /** Search the products listed on a channel: a page of ids in order, the total and facets. */
  channelSearch(ctx: Ctx, scope: ChannelViewScope, q: ChannelSearchQuery): Promise<ChannelSearchResult>;
  /** After a bulk load: search rows' statistics and merged index lists, so searches use the indexes well. */
  settleSearchIndexes(ctx: Ctx): Promise<void>;

  // Option values' names
  /** Names option values per locale ("colour" "moss" in nl: "mos"); returns how many were written. */
  setOptionLabels(ctx: Ctx, labels: OptionLabel[]): Promise<number>;
  /** Each option value's name in the first of `locales` that has one. */
  optionLabelsOf(
    ctx: Ctx,
    locales: string[],
  ): Promise<Array<{ option: string; value: string; label: string }>>;

  // A till's product grid
  /** The channel's favourite SKUs, in the grid's order. */
  favouritesOf(ctx: Ctx, channelId: string): Promise<string[]>;
  /** Replaces the channel's favourites; SKUs no variant has are refused with their places. */
  setFavourites(ctx: Ctx, channelId: string, skus: string[]): Promise<Result<string[], UnknownFavourites>>;
}

export function createCatalogService(): CatalogService {
  return {
    createProduct,
    updateProduct,
    addVariant,
    updateVariant,
    pricesOfProduct,
    getProduct,
    listProducts,
    upsertProducts,
    upsertVariants,
    findVariantsBySkus: (ctx: Ctx, skus: string[]) => selectVariantRowsBySkus(ctx.db, skus),
    findProductsByHandles: (ctx: Ctx, handles: string[]) =>
      selectProductRowsByHandles(ctx.db, handles, handles),
    listingsOf: async (ctx: Ctx, productIdOrHandle: string) => {
      const product = await selectProductRow(ctx.db, productIdOrHandle);
      if (!product) throw notFound('product', productIdOrHandle);
      return selectListings(ctx.db, product.id);
    },
    startImportJob,
    recordImportProgress,
    touchImportJob,
    failStaleImportJobs,
    getImportJob,
    listImportJobs,
    listImportRejections,
    exportPage,
    createPriceList,
    getPriceList,
    listPriceLists,
    priceListCurrency,
    setPrices,
    setChannelPrices,
    setListings,
    /** A page of the products listed on a channel, with text and prices resolved for it. */
    channelPage: (ctx: Ctx, scope: ChannelViewScope, q: ChannelPageQuery) =>
      selectChannelPage(ctx.db, scope, q),
    /** Products by id, handle or SKU as a channel shows them (listed or not). */
    channelProducts: (ctx: Ctx, scope: ChannelViewScope, keys: string[]) =>
      selectChannelProducts(ctx.db, scope, keys),
    channelSearch: async (ctx: Ctx, scope: ChannelViewScope, q: ChannelSearchQuery) => {
      await ensureSearchScope(ctx, scope);
      return searchChannel(ctx.db, scope, q);
    },
    settleSearchIndexes: (ctx: Ctx) => settleSearchIndexes(ctx.db),
    setOptionLabels,
    optionLabelsOf,
    favouritesOf,
    setFavourites,
  };
}
