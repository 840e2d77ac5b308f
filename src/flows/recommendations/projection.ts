// The recommendations projection: a durable consumer of the event log that turns every order placed
// or imported on any channel (the till's sales included) and every product view handed over by
// ingestion into basket items, SKUs mapped to their products through the catalog, and records them
// (modules/recommendations counts the pairs). Idempotent per basket and product, so at-least-once
// delivery and a replay count nothing twice. Returns (`order.returned`) take their units away, and a
// product returned in full leaves its order's basket. `rebuildRecommendations` empties the counts and moves
// the cursor back to position 0.

import type { Clock } from '../../kernel/index.js';
import type { CatalogService } from '../../modules/catalog/index.js';
import { ORDER_EVENT_SCHEMAS, ORDER_EVENTS } from '../../modules/orders/index.js';
import {
  type BasketItem,
  RECOMMENDATION_EVENT_SCHEMAS,
  RECOMMENDATION_EVENTS,
  type RecommendationsService,
  type ReturnedItem,
} from '../../modules/recommendations/index.js';
import { type Ctx, createContext, inTransaction, type Logger } from '../../platform/context.js';
import type { Database } from '../../platform/db/database.js';
import { type RunningConsumer, saveCursor, startConsumer } from '../../platform/events/consumer.js';
import { LOG_START, type StoredEvent } from '../../platform/events/event-log.js';
import { payloadOf } from '../../platform/events/event-schemas.js';

export const RECOMMENDATIONS_CONSUMER = 'recommendations.co-occurrence';
const TYPES = [
  ORDER_EVENTS.created,
  ORDER_EVENTS.imported,
  ORDER_EVENTS.returned,
  RECOMMENDATION_EVENTS.productsViewed,
];

type Catalog = Pick<CatalogService, 'findVariantsBySkus' | 'findProductsByHandles'>;

/** A basket item whose product is named by a SKU, a handle or an id, before the catalog resolves it. */
type Named = Omit<BasketItem, 'productId'> & { sku: string | null; product: string | null };

/** A returned item before the catalog resolves its SKU. */
type NamedReturn = Omit<ReturnedItem, 'productId'> & { sku: string; product: null };

/** What a batch of events puts in baskets, products still by name. */
export function namedItems(events: StoredEvent[]): Named[] {
  const out: Named[] = [];
  for (const e of events) {
    if (e.type === ORDER_EVENTS.returned) continue;
    if (e.type === RECOMMENDATION_EVENTS.productsViewed) {
      for (const v of payloadOf(RECOMMENDATION_EVENT_SCHEMAS[RECOMMENDATION_EVENTS.productsViewed], e)
        .views) {
        out.push({
          basket: `v:${v.customerId}:${v.at.slice(0, 10)}`,
          kind: 'view',
          customerId: v.customerId,
          channelId: null,
          units: 0,
          at: new Date(v.at),
          sku: v.sku,
          product: v.productId,
        });
      }
      continue;
    }
    const o = payloadOf(ORDER_EVENT_SCHEMAS[ORDER_EVENTS.created], e);
    for (const line of o.lines) {
      out.push({
        basket: `o:${o.orderId}`,
        kind: 'order',
        customerId: o.customerId,
        channelId: o.channelId,
        units: Math.max(0, line.quantity),
        at: e.occurredAt,
        sku: line.sku,
        product: null,
      });
    }
  }
  return out;
}

/** What a batch of events returns, per return and SKU, products still by SKU. */
export function namedReturns(events: StoredEvent[]): NamedReturn[] {
  const out: NamedReturn[] = [];
  for (const e of events) {
    if (e.type !== ORDER_EVENTS.returned) continue;
    const r = payloadOf(ORDER_EVENT_SCHEMAS[ORDER_EVENTS.returned], e);
    for (const line of r.lines) {
      if (line.quantity <= 0) continue;
      out.push({
        returnId: r.returnId,
        basket: `o:${r.orderId}`,
        channelId: r.channelId,
        units: line.quantity,
        sku: line.sku,
        product: null,
      });
    }
  }
  return out;
}

type Resolved<T> = Omit<T, 'sku' | 'product'> & { productId: string };

/** Maps SKUs, handles and ids to product ids, remembering what it learnt (a SKU keeps its product). */
export function productResolver(catalog: Catalog) {
  const bySku = new Map<string, string | null>();
  const byHandle = new Map<string, string | null>();
  return async <T extends { sku: string | null; product: string | null }>(
    ctx: Ctx,
    named: T[],
  ): Promise<Array<Resolved<T>>> => {
    const skus = [...new Set(named.flatMap((n) => (n.sku && !bySku.has(n.sku) ? [n.sku] : [])))];
    if (skus.length) {
      const found = await catalog.findVariantsBySkus(ctx, skus);
      for (const s of skus) bySku.set(s, null);
      for (const v of found) bySku.set(v.sku, v.productId);
    }
    const handles = [
      ...new Set(
        named.flatMap((n) =>
          !n.sku && n.product && !n.product.startsWith('prod_') && !byHandle.has(n.product)
            ? [n.product]
            : [],
        ),
      ),
    ];
    if (handles.length) {
      const found = await catalog.findProductsByHandles(ctx, handles);
      for (const h of handles) byHandle.set(h, null);
      for (const p of found) byHandle.set(p.handle, p.id);
    }
    const items: Array<Resolved<T>> = [];
    for (const { sku, product, ...rest } of named) {
      const productId = sku
        ? bySku.get(sku)
        : product?.startsWith('prod_')
          ? product
          : product
            ? byHandle.get(product)
            : null;
      if (productId) items.push({ ...rest, productId });
    }
    return items;
  };
}

export interface RecommendationsProjectionOptions {
  database: Database;
  catalog: Catalog;
  recommendations: RecommendationsService;
  clock: Clock;
  log: Logger;
  batchSize?: number;
}

export function startRecommendationsProjection(opts: RecommendationsProjectionOptions): RunningConsumer {
  const ctx = () => createContext(opts.database, { clock: opts.clock, log: opts.log });
  const resolve = productResolver(opts.catalog);
  return startConsumer({
    database: opts.database,
    name: RECOMMENDATIONS_CONSUMER,
    log: opts.log,
    batchSize: opts.batchSize ?? 1_000,
    filter: { types: TYPES },
    async handle(events) {
      const c = ctx();
      const items: BasketItem[] = await resolve(c, namedItems(events));
      await opts.recommendations.record(c, items);
      // After the batch's orders: an order and its return may arrive in one batch.
      const returned: ReturnedItem[] = await resolve(c, namedReturns(events));
      await opts.recommendations.subtractReturns(c, returned);
    },
  });
}

/**
 * Empties the counts and moves the projection's cursor to the log's beginning, in one transaction:
 * the running projection (stopped first by the caller, then started again) counts everything anew.
 */
export async function rebuildRecommendations(
  ctx: Ctx,
  recommendations: RecommendationsService,
): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    await recommendations.reset(tx);
    await saveCursor(tx.db, RECOMMENDATIONS_CONSUMER, LOG_START);
  });
}
