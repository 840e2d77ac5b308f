// Price lists (one currency each), their prices, channels' own prices and listings. A price in the
// wrong currency or for an unknown SKU is refused; with `strict` (the API) one bad item refuses all.
import { AppError, type FieldIssue, newId, notFound } from '../../kernel/index.js';
import { type Ctx, inTransaction } from '../../platform/context.js';
import { appendCatalogEvents, CATALOG_EVENTS, skuSubject } from './catalog.events.js';
import type { Rejection } from './catalog.products.js';
import {
  insertPriceList,
  type PriceChange,
  type PriceWrite,
  selectPriceList,
  selectPriceLists,
  selectProductRowsByHandles,
  selectVariantRowsBySkus,
  upsertListingRows,
  upsertPriceRows,
} from './catalog.repository.js';
import { type Listing, type PriceList, PriceListInput, parseInput, type SkuPrice } from './catalog.types.js';

export async function createPriceList(ctx: Ctx, input: PriceListInput): Promise<PriceList> {
  const parsed = parseInput(PriceListInput, input);
  const now = ctx.clock.now();
  return inTransaction(ctx, async (tx) => {
    const created = await insertPriceList(tx.db, {
      id: newId('pl'),
      ...parsed,
      createdAt: now,
      updatedAt: now,
    });
    if (!created)
      throw new AppError('price_list_code_taken', `A price list with code ${parsed.code} already exists`);
    await appendCatalogEvents(tx, [
      { type: CATALOG_EVENTS.priceListCreated, subject: created.id, payload: { priceList: created } },
    ]);
    return created;
  });
}

export async function getPriceList(ctx: Ctx, idOrCode: string): Promise<PriceList> {
  const list = await selectPriceList(ctx.db, idOrCode);
  if (!list) throw notFound('price list', idOrCode);
  return list;
}

export const listPriceLists = (ctx: Ctx) => selectPriceLists(ctx.db);

export const priceListCurrency = async (ctx: Ctx, id: string) =>
  (await selectPriceList(ctx.db, id))?.currency;

export interface PricesOutcome {
  changed: number;
  rejected: Rejection[];
}

/** Sets prices of a price list by SKU (amounts in minor units of the list's currency). */
export async function setPrices(
  ctx: Ctx,
  priceListIdOrCode: string,
  items: SkuPrice[],
  opts: { strict?: boolean } = {},
): Promise<PricesOutcome> {
  return inTransaction(ctx, async (tx) => {
    const list = await getPriceList(tx, priceListIdOrCode);
    const { accepted, rejected } = await resolvePrices(tx, items, list.currency, opts.strict ?? false);
    const changes = await upsertPriceRows(tx.db, { priceListId: list.id }, accepted, tx.clock.now());
    await appendPriceEvents(tx, changes, accepted, { priceListId: list.id, currency: list.currency });
    return { changed: changes.length, rejected };
  });
}

/** Sets a channel's own prices (in the channel currency, checked by the caller that knows the channel). */
export async function setChannelPrices(
  ctx: Ctx,
  channel: { id: string; currency: string },
  items: SkuPrice[],
  opts: { strict?: boolean } = {},
): Promise<PricesOutcome> {
  return inTransaction(ctx, async (tx) => {
    const { accepted, rejected } = await resolvePrices(tx, items, channel.currency, opts.strict ?? false);
    const changes = await upsertPriceRows(
      tx.db,
      { channelId: channel.id, currency: channel.currency },
      accepted,
      tx.clock.now(),
    );
    await appendPriceEvents(tx, changes, accepted, { channelId: channel.id, currency: channel.currency });
    return { changed: changes.length, rejected };
  });
}

async function resolvePrices(ctx: Ctx, items: SkuPrice[], currency: string, strict: boolean) {
  const variants = new Map(
    (await selectVariantRowsBySkus(ctx.db, [...new Set(items.map((i) => i.sku))])).map((v) => [v.sku, v]),
  );
  const rejected: Rejection[] = [];
  const accepted: Array<PriceWrite & { sku: string }> = [];
  const seen = new Map<string, number>();
  items.forEach((item, index) => {
    const variant = variants.get(item.sku);
    if (item.currency !== currency) {
      rejected.push({
        index,
        code: 'currency_mismatch',
        reason: `price in ${item.currency}, but the prices here are in ${currency}`,
      });
    } else if (!Number.isSafeInteger(item.amount) || item.amount < 0) {
      rejected.push({ index, code: 'invalid_amount', reason: 'amount must be a whole, non-negative number' });
    } else if (!variant) {
      rejected.push({ index, code: 'unknown_sku', reason: `no variant has SKU ${item.sku}` });
    } else {
      // The last price given for a SKU wins.
      const at = seen.get(item.sku);
      const entry = {
        variantId: variant.id,
        sku: item.sku,
        amount: item.amount,
        compareAtAmount: item.compareAtAmount,
      };
      if (at === undefined) seen.set(item.sku, accepted.push(entry) - 1);
      else accepted[at] = entry;
    }
  });
  if (strict && rejected.length > 0) throw rejectionsError(rejected, 'prices');
  return { accepted, rejected };
}

/** One error for a refused batch: currency mismatches and duplicate SKUs get their own codes, the rest are items_refused. */
export function rejectionsError(rejected: Rejection[], path: string): AppError {
  const issues: FieldIssue[] = rejected.map((r) => ({
    path: `${path}.${r.index}`,
    message: r.reason,
    code: r.code,
  }));
  const currency = rejected.find((r) => r.code === 'currency_mismatch');
  if (currency) return new AppError('currency_mismatch', currency.reason, { issues });
  const duplicate = rejected.find((r) => r.code === 'duplicate_sku');
  if (duplicate) return new AppError('duplicate_sku', duplicate.reason, { issues });
  return new AppError('items_refused', rejected[0]?.reason ?? 'invalid items', { issues });
}

async function appendPriceEvents(
  ctx: Ctx,
  changes: PriceChange[],
  accepted: Array<{ variantId: string; sku: string }>,
  where: { priceListId?: string; channelId?: string; currency: string },
) {
  const skuOf = new Map(accepted.map((a) => [a.variantId, a.sku]));
  await appendCatalogEvents(
    ctx,
    changes.map((c) => {
      const sku = skuOf.get(c.variantId)!;
      return {
        type: CATALOG_EVENTS.priceChanged,
        subject: skuSubject(sku),
        channelId: where.channelId ?? null,
        payload: {
          sku,
          variantId: c.variantId,
          priceListId: where.priceListId ?? null,
          channelId: where.channelId ?? null,
          currency: where.currency,
          amount: c.amount,
          previousAmount: c.previousAmount,
          compareAtAmount: c.compareAtAmount,
        },
      };
    }),
  );
}

export interface ListingUpsert {
  /** Product id or handle. */
  product: string;
  published: boolean;
  title?: string | null | undefined;
  description?: string | null | undefined;
}

/** Publishes or hides products on a channel (which the caller has checked exists). */
export async function setListings(
  ctx: Ctx,
  channelId: string,
  items: ListingUpsert[],
  opts: { strict?: boolean } = {},
): Promise<{ changed: Listing[]; rejected: Rejection[] }> {
  return inTransaction(ctx, async (tx) => {
    const products = await selectProductRowsByHandles(
      tx.db,
      items.map((i) => i.product),
      items.map((i) => i.product),
    );
    const idOf = new Map<string, string>();
    for (const p of products) {
      idOf.set(p.id, p.id);
      idOf.set(p.handle, p.id);
    }
    const rejected: Rejection[] = [];
    const accepted = new Map<string, Omit<Listing, 'channelId' | 'updatedAt'>>();
    items.forEach((item, index) => {
      const productId = idOf.get(item.product);
      if (!productId) rejected.push({ index, code: 'unknown_product', reason: `no product ${item.product}` });
      else
        accepted.set(productId, {
          productId,
          published: item.published,
          title: item.title ?? null,
          description: item.description ?? null,
        });
    });
    if (opts.strict && rejected.length > 0) throw rejectionsError(rejected, 'listings');
    const changed = await upsertListingRows(tx.db, channelId, [...accepted.values()], tx.clock.now());
    await appendCatalogEvents(
      tx,
      changed.map((l) => ({
        type: CATALOG_EVENTS.listingChanged,
        subject: l.productId,
        channelId,
        payload: { ...l },
      })),
    );
    return { changed, rejected };
  });
}
