// Events the catalog emits, with their payload schemas, each appended in the transaction of its
// change. Prices carry the sku as subject (`sku:<sku>`) so channels can follow one article; listings
// carry the channel.
import { z } from 'zod';
import type { Ctx } from '../../platform/context.js';
import { appendEvents, type NewEvent } from '../../platform/events/event-log.js';
import { defineEvents, type EventPayload, EventTime } from '../../platform/events/event-schemas.js';
import { refreshSearchRows } from './catalog.search-rows.repository.js';
import { PRODUCT_STATUSES, STOCK_POLICIES } from './catalog.types.js';

export const CATALOG_EVENTS = {
  productCreated: 'catalog.product_created',
  productUpdated: 'catalog.product_updated',
  variantCreated: 'catalog.variant_created',
  variantUpdated: 'catalog.variant_updated',
  priceListCreated: 'catalog.price_list_created',
  priceChanged: 'catalog.price_changed',
  listingChanged: 'catalog.listing_changed',
  favouritesChanged: 'catalog.favourites_changed',
  optionLabelsChanged: 'catalog.option_labels_changed',
} as const;

const variantFacts = z.strictObject({
  productId: z.string(),
  variantId: z.string(),
  sku: z.string(),
  gtin: z.string().nullable(),
  options: z.record(z.string(), z.string()),
  stockPolicy: z.enum(STOCK_POLICIES).optional(),
  availableFrom: z.string().nullable().optional(),
  backorderLimit: z.number().int().nullable().optional(),
});

export const CATALOG_EVENT_SCHEMAS = defineEvents({
  [CATALOG_EVENTS.productCreated]: z.strictObject({
    product: z.strictObject({
      id: z.string(),
      handle: z.string(),
      status: z.enum(PRODUCT_STATUSES),
      defaultLocale: z.string(),
      categories: z.array(z.string()),
      media: z.array(z.string()),
      vendor: z.string().nullable(),
      tags: z.array(z.string()),
      content: z
        .record(z.string(), z.object({ title: z.string(), description: z.string().optional() }))
        .describe('title and description per locale'),
      createdAt: EventTime,
      updatedAt: EventTime,
    }),
  }),
  [CATALOG_EVENTS.productUpdated]: z.strictObject({
    productId: z.string(),
    handle: z.string(),
    changed: z.array(z.string()).describe('the fields the change gave: content, status, defaultLocale, …'),
  }),
  [CATALOG_EVENTS.variantCreated]: variantFacts,
  [CATALOG_EVENTS.variantUpdated]: variantFacts,
  [CATALOG_EVENTS.priceListCreated]: z.strictObject({
    priceList: z.strictObject({
      id: z.string(),
      code: z.string(),
      name: z.string(),
      currency: z.string(),
      createdAt: EventTime,
      updatedAt: EventTime,
    }),
  }),
  [CATALOG_EVENTS.priceChanged]: z.strictObject({
    sku: z.string(),
    variantId: z.string(),
    priceListId: z.string().nullable().describe('set for a price list price'),
    channelId: z.string().nullable().describe("set for a channel's own price"),
    currency: z.string(),
    amount: z.number().int().describe('minor units'),
    previousAmount: z.number().int().nullable().describe('null: the first price'),
    compareAtAmount: z.number().int().nullable().optional().describe('the "was" price, if any'),
  }),
  [CATALOG_EVENTS.listingChanged]: z.strictObject({
    channelId: z.string(),
    productId: z.string(),
    published: z.boolean(),
    title: z.string().nullable(),
    description: z.string().nullable(),
    updatedAt: EventTime,
  }),
  [CATALOG_EVENTS.favouritesChanged]: z.strictObject({
    channelId: z.string(),
    skus: z.array(z.string()).describe("the till's product grid, in order"),
  }),
  [CATALOG_EVENTS.optionLabelsChanged]: z.strictObject({
    labels: z
      .array(z.strictObject({ option: z.string(), value: z.string(), locale: z.string(), label: z.string() }))
      .describe('the names written: an option value in a locale'),
  }),
});

export type CatalogEventPayload<T extends keyof typeof CATALOG_EVENT_SCHEMAS> = EventPayload<
  typeof CATALOG_EVENT_SCHEMAS,
  T
>;

export const skuSubject = (sku: string) => `sku:${sku}`;

// A counter of committed catalog changes per database, for read caches: unlike the event log's
// notifier it does not move on other modules' events (stock, customers), so cached prices
// survive unrelated traffic. It counts this process's commits only.
const committedChanges = new WeakMap<object, number>();

export const catalogVersion = (ctx: Ctx): number => committedChanges.get(ctx.database) ?? 0;

/**
 * Appends catalog events in the caller's transaction and counts the change once it commits. The
 * products the events name get their search rows rewritten before the transaction commits (once
 * per transaction, however many writes it made).
 */
export async function appendCatalogEvents(ctx: Ctx, events: NewEvent[]): Promise<void> {
  if (events.length === 0) return;
  await appendEvents(ctx, events);
  await touchSearchRows(ctx, events);
  ctx.afterCommit(() => committedChanges.set(ctx.database, catalogVersion(ctx) + 1));
}

const SEARCH_ROWS = Symbol('catalog.search-rows');

async function touchSearchRows(ctx: Ctx, events: NewEvent[]): Promise<void> {
  const products: string[] = [];
  const variants: string[] = [];
  for (const e of events) {
    const p = e.payload as { product?: { id: string }; productId?: string; variantId?: string };
    if (e.type === CATALOG_EVENTS.productCreated && p.product) products.push(p.product.id);
    else if (e.type === CATALOG_EVENTS.priceChanged && p.variantId) variants.push(p.variantId);
    else if (p.productId && e.type !== CATALOG_EVENTS.favouritesChanged) products.push(p.productId);
  }
  if (products.length === 0 && variants.length === 0) return;
  if (!ctx.beforeCommit || !ctx.txState) return refreshSearchRows(ctx.db, products, variants);
  const pending = (ctx.txState.get(SEARCH_ROWS) as { products: Set<string>; variants: Set<string> }) ?? {
    products: new Set<string>(),
    variants: new Set<string>(),
  };
  ctx.txState.set(SEARCH_ROWS, pending);
  for (const id of products) pending.products.add(id);
  for (const id of variants) pending.variants.add(id);
  ctx.beforeCommit(SEARCH_ROWS, (tx) =>
    refreshSearchRows(tx.db, [...pending.products], [...pending.variants]),
  );
}
