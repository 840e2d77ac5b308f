// Products and variants: handles and SKUs are unique; texts are per locale. The bulk functions serve
// both the API (one product, all or nothing) and imports (many rows, each accepted or rejected).
import { AppError, newId, notFound } from '../../kernel/index.js';
import { type Ctx, inTransaction } from '../../platform/context.js';
import type { NewEvent } from '../../platform/events/event-log.js';
import { appendCatalogEvents, CATALOG_EVENTS } from './catalog.events.js';
import {
  insertProductRows,
  insertVariantRows,
  type ProductRow,
  selectMaxPositions,
  selectProductIdsPage,
  selectProductRow,
  selectProductRowsByHandles,
  selectProducts,
  selectTextRows,
  selectVariantRowsBySkus,
  type TextRow,
  updateProductRows,
  updateVariantRows,
  upsertTextRows,
  type VariantRow,
} from './catalog.repository.js';
import {
  DEFAULT_STOCK_POLICY,
  type LocalizedText,
  type Product,
  type ProductPatch,
  type StockPolicy,
  type StockPolicyFields,
  stockPolicyIssues,
} from './catalog.types.js';

export interface ProductUpsert {
  handle: string;
  status?: Product['status'] | undefined;
  defaultLocale?: string | undefined;
  categories?: string[] | undefined;
  media?: string[] | undefined;
  vendor?: string | null | undefined;
  tags?: string[] | undefined;
  texts: Record<string, { title: string; description?: string | undefined }>;
}

export interface VariantUpsert {
  productId: string;
  sku: string;
  gtin?: string | null | undefined;
  options?: Record<string, string> | undefined;
  stockPolicy?: StockPolicy | undefined;
  availableFrom?: string | null | undefined;
  backorderLimit?: number | null | undefined;
}

/** An item of a batch that was not written, by its index in the batch. */
export interface Rejection {
  index: number;
  reason: string;
  code: string;
}

export interface BatchOutcome {
  /** handle → product id, or sku → variant id, for the items written. */
  ids: Map<string, string>;
  created: number;
  updated: number;
  rejected: Rejection[];
}

/** Creates or changes products by handle. Runs in the caller's transaction (or its own). */
export async function upsertProducts(ctx: Ctx, items: ProductUpsert[]): Promise<BatchOutcome> {
  return inTransaction(ctx, async (tx) => {
    const now = tx.clock.now();
    const existing = new Map(
      (await selectProductRowsByHandles(tx.db, [...new Set(items.map((i) => i.handle))])).map((p) => [
        p.handle,
        p,
      ]),
    );
    const storedTexts = new Map(
      (
        await selectTextRows(
          tx.db,
          [...existing.values()].map((p) => p.id),
        )
      ).map((t) => [`${t.productId}/${t.locale}`, t]),
    );
    const inserts: ProductRow[] = [];
    const updates = new Map<string, ProductRow>();
    const texts: TextRow[] = [];
    const events: NewEvent[] = [];
    const rejected: Rejection[] = [];
    const ids = new Map<string, string>();
    items.forEach((item, index) => {
      const current = existing.get(item.handle);
      const locales = Object.keys(item.texts);
      if (!current && locales.length === 0) {
        rejected.push({ index, code: 'missing_title', reason: `new product ${item.handle} needs a title` });
        return;
      }
      const next: ProductRow = current
        ? {
            ...current,
            status: item.status ?? current.status,
            defaultLocale: item.defaultLocale ?? current.defaultLocale,
            categories: item.categories ?? current.categories,
            media: item.media ?? current.media,
            vendor: item.vendor === undefined ? current.vendor : item.vendor,
            tags: item.tags ?? current.tags,
            updatedAt: now,
          }
        : {
            id: newId('prod'),
            handle: item.handle,
            status: item.status ?? 'active',
            defaultLocale: item.defaultLocale ?? locales[0]!,
            categories: item.categories ?? [],
            media: item.media ?? [],
            vendor: item.vendor ?? null,
            tags: item.tags ?? [],
            createdAt: now,
            updatedAt: now,
          };
      const itemTexts = Object.entries(item.texts).map(([locale, t]) => ({
        productId: next.id,
        locale,
        title: t.title,
        description: t.description ?? '',
      }));
      ids.set(item.handle, next.id);
      if (current) {
        // A re-import that changes nothing writes nothing and tells no channel.
        const newTexts = itemTexts.filter((t) => !sameText(storedTexts.get(`${t.productId}/${t.locale}`), t));
        const changed = changedFields(current, next, newTexts.length > 0);
        texts.push(...newTexts);
        for (const t of newTexts) storedTexts.set(`${t.productId}/${t.locale}`, t);
        if (changed.length === 0) return;
        updates.set(next.id, next);
        existing.set(item.handle, next);
        events.push({
          type: CATALOG_EVENTS.productUpdated,
          subject: next.id,
          payload: { productId: next.id, handle: next.handle, changed },
        });
      } else {
        texts.push(...itemTexts);
        inserts.push(next);
        existing.set(item.handle, next);
        events.push({
          type: CATALOG_EVENTS.productCreated,
          subject: next.id,
          payload: { product: { ...next, content: item.texts } },
        });
      }
    });
    await insertProductRows(tx.db, inserts);
    await updateProductRows(tx.db, [...updates.values()]);
    await upsertTextRows(tx.db, texts);
    await appendCatalogEvents(tx, events);
    return { ids, created: inserts.length, updated: updates.size, rejected };
  });
}

/** The stock policy an upsert leaves: the fields given, else the current ones. */
const policyOf = (item: Partial<StockPolicyFields>, current: StockPolicyFields): StockPolicyFields => ({
  stockPolicy: item.stockPolicy ?? current.stockPolicy,
  availableFrom: item.availableFrom === undefined ? current.availableFrom : item.availableFrom,
  backorderLimit: item.backorderLimit === undefined ? current.backorderLimit : item.backorderLimit,
});
const samePolicy = (a: StockPolicyFields, b: StockPolicyFields) =>
  a.stockPolicy === b.stockPolicy &&
  a.availableFrom === b.availableFrom &&
  a.backorderLimit === b.backorderLimit;

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const sameText = (a: TextRow | undefined, b: TextRow) =>
  !!a && a.title === b.title && a.description === b.description;
const sameOptions = (a: Record<string, string>, b: Record<string, string>) =>
  sameJson(Object.entries(a).sort(), Object.entries(b).sort());

/** The fields a product upsert actually changes (content when any locale's text differs). */
const changedFields = (current: ProductRow, next: ProductRow, textsChanged: boolean) =>
  [
    ...(textsChanged ? ['content'] : []),
    ...(['status', 'defaultLocale', 'categories', 'media', 'vendor', 'tags'] as const).filter(
      (k) => !sameJson(current[k], next[k]),
    ),
  ] as string[];

/** Creates or changes variants by SKU; a SKU that belongs to another product is rejected. */
export async function upsertVariants(ctx: Ctx, items: VariantUpsert[]): Promise<BatchOutcome> {
  return inTransaction(ctx, async (tx) => {
    const now = tx.clock.now();
    const existing = new Map(
      (
        await selectVariantRowsBySkus(
          tx.db,
          items.map((i) => i.sku),
        )
      ).map((v) => [v.sku, v]),
    );
    const inserts: VariantRow[] = [];
    const updates: VariantRow[] = [];
    const rejected: Rejection[] = [];
    const ids = new Map<string, string>();
    const events: NewEvent[] = [];
    const seen = new Set<string>();
    const nextPosition = await selectMaxPositions(tx.db, [...new Set(items.map((i) => i.productId))]);
    items.forEach((item, index) => {
      if (seen.has(item.sku)) {
        rejected.push({ index, code: 'duplicate_sku', reason: `SKU ${item.sku} appears twice` });
        return;
      }
      seen.add(item.sku);
      const current = existing.get(item.sku);
      if (current && current.productId !== item.productId) {
        rejected.push({
          index,
          code: 'duplicate_sku',
          reason: `SKU ${item.sku} already belongs to product ${current.productId}`,
        });
        return;
      }
      if (current) {
        const next = {
          ...current,
          gtin: item.gtin === undefined ? current.gtin : item.gtin,
          options: item.options ?? current.options,
          ...policyOf(item, current),
          updatedAt: now,
        };
        ids.set(item.sku, next.id);
        const issues = stockPolicyIssues(next);
        if (issues.length) {
          rejected.push({ index, code: 'validation_failed', reason: issues[0]!.message });
          return;
        }
        if (
          next.gtin === current.gtin &&
          sameOptions(next.options, current.options) &&
          samePolicy(next, current)
        )
          return;
        updates.push(next);
        events.push({
          type: CATALOG_EVENTS.variantUpdated,
          subject: next.productId,
          payload: {
            productId: next.productId,
            variantId: next.id,
            sku: next.sku,
            gtin: next.gtin,
            options: next.options,
            ...policyOf(next, next),
          },
        });
        return;
      }
      const policy = policyOf(item, DEFAULT_STOCK_POLICY);
      const issues = stockPolicyIssues(policy);
      if (issues.length) {
        rejected.push({ index, code: 'validation_failed', reason: issues[0]!.message });
        return;
      }
      const position = (nextPosition.get(item.productId) ?? -1) + 1;
      nextPosition.set(item.productId, position);
      const v: VariantRow = {
        id: newId('var'),
        productId: item.productId,
        sku: item.sku,
        gtin: item.gtin ?? null,
        options: item.options ?? {},
        position,
        ...policy,
        createdAt: now,
        updatedAt: now,
      };
      inserts.push(v);
      ids.set(item.sku, v.id);
      events.push({
        type: CATALOG_EVENTS.variantCreated,
        subject: v.productId,
        payload: {
          productId: v.productId,
          variantId: v.id,
          sku: v.sku,
          gtin: v.gtin,
          options: v.options,
          ...policyOf(v, v),
        },
      });
    });
    const taken = await insertVariantRows(tx.db, inserts);
    if (taken.length > 0) {
      // Another writer took these SKUs between our read and our insert: refuse the whole batch.
      throw new AppError('duplicate_sku', `SKU ${taken.join(', ')} already exists`, {
        details: { skus: taken },
      });
    }
    await updateVariantRows(tx.db, updates);
    await appendCatalogEvents(tx, events);
    return { ids, created: inserts.length, updated: updates.length, rejected };
  });
}

export async function getProduct(ctx: Ctx, idOrHandle: string): Promise<Product> {
  const row = await selectProductRow(ctx.db, idOrHandle);
  const product = row ? (await selectProducts(ctx.db, [row.id]))[0] : undefined;
  if (!product) throw notFound('product', idOrHandle);
  return product;
}

export async function listProducts(
  ctx: Ctx,
  q: { after?: string | undefined; limit: number; category?: string | undefined; q?: string | undefined },
): Promise<{ items: Product[]; nextCursor: string | null }> {
  const ids = await selectProductIdsPage(ctx.db, { ...q, limit: q.limit + 1 });
  const more = ids.length > q.limit;
  const items = await selectProducts(ctx.db, ids.slice(0, q.limit));
  return { items, nextCursor: more ? (items.at(-1)?.id ?? null) : null };
}

export async function updateProduct(ctx: Ctx, idOrHandle: string, patch: ProductPatch): Promise<Product> {
  return inTransaction(ctx, async (tx) => {
    const current = await selectProductRow(tx.db, idOrHandle, true);
    if (!current) throw notFound('product', idOrHandle);
    await upsertProducts(tx, [
      {
        handle: current.handle,
        status: patch.status,
        defaultLocale: patch.defaultLocale,
        categories: patch.categories,
        media: patch.media,
        vendor: patch.vendor,
        tags: patch.tags,
        texts: (patch.content ?? {}) as Record<string, LocalizedText>,
      },
    ]);
    return getProduct(tx, current.id);
  });
}
