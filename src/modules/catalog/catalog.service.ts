// The catalog's use cases, each taking ctx first. API writes are all or nothing; the bulk functions
// (upsertProducts, upsertVariants, setPrices, setListings) also serve imports that report per item.
import { AppError, notFound } from '../../kernel/index.js';
import { type Ctx, inTransaction } from '../../platform/context.js';
import {
  type ChannelPageQuery,
  type ChannelViewScope,
  selectChannelPage,
  selectChannelProducts,
} from './catalog.channel-view.js';
import { selectListingsOfProducts, selectPricesOfVariants } from './catalog.export.repository.js';
import {
  failStaleImportJobs,
  getImportJob,
  listImportJobs,
  listImportRejections,
  recordImportProgress,
  startImportJob,
  touchImportJob,
} from './catalog.import-jobs.js';
import {
  createPriceList,
  getPriceList,
  listPriceLists,
  priceListCurrency,
  rejectionsError,
  setChannelPrices,
  setListings,
  setPrices,
} from './catalog.pricing.js';
import {
  getProduct,
  listProducts,
  updateProduct,
  upsertProducts,
  upsertVariants,
} from './catalog.products.js';
import {
  selectListings,
  selectProductIdsPage,
  selectProductRow,
  selectProductRowsByHandles,
  selectProducts,
  selectVariantRowsBySkus,
} from './catalog.repository.js';
import { type Product, ProductInput, parseInput, VariantInput } from './catalog.types.js';

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
    parsed.map((v) => ({ productId, sku: v.sku, gtin: v.gtin, options: v.options })),
  );
  if (outcome.rejected.length > 0) throw rejectionsError(outcome.rejected, 'variants');
  const byList = new Map<string, Array<{ sku: string; amount: number; currency: string }>>();
  for (const v of parsed) {
    for (const price of v.prices) {
      const list = byList.get(price.priceListId) ?? [];
      list.push({ sku: v.sku, amount: price.amount, currency: price.currency });
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

export function createCatalogService() {
  return {
    createProduct,
    updateProduct,
    addVariant,
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
  };
}

export type CatalogService = ReturnType<typeof createCatalogService>;
