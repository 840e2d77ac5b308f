// The recommendations service: records baskets (called by the projection, flows/recommendations) and
// answers neighbours, best sellers and a customer's own products. Answers are kept in memory and
// dropped at once by this process's recording of a change to them; another node's recording shows
// within the cache's life (the projection runs on one node at a time, by its cursor lease).
import { createTtlCache } from '../../platform/cache/ttl-cache.js';
import type { Ctx } from '../../platform/context.js';
import {
  deleteEverything,
  insertBasketItems,
  selectAllPairs,
  selectBestSellers,
  selectNeighbours,
  selectProductsOfCustomer,
  subtractReturnedItems,
} from './recommendations.repository.js';
import type { BasketItem, Neighbour, Ranked, ReturnedItem } from './recommendations.types.js';

/** How many neighbours and best sellers are kept per product and channel. */
export const KEPT_PER_KEY = 50;

export interface RecommendationsService {
  /**
   * Moves whenever this process records a change: answers built from neighbours or best sellers are
   * keyed by it, so a change counted here shows on the next read.
   */
  version(): number;
  /** Counts basket items (idempotent per basket and product); drops the cached answers they change. */
  record(ctx: Ctx, items: BasketItem[]): Promise<{ products: string[]; channels: string[] }>;
  /**
   * Takes returned units away (idempotent per return and product): from the channel's units sold,
   * and a product returned in full from its order's pairs. Drops the cached answers they change.
   */
  subtractReturns(ctx: Ctx, items: ReturnedItem[]): Promise<{ products: string[]; channels: string[] }>;
  /** The products most often bought or viewed with this one, best first (at most 50). */
  neighbours(ctx: Ctx, productId: string): Promise<Neighbour[]>;
  /** A channel's best sellers by units (every channel's when it has sold nothing yet), at most 50. */
  bestSellers(ctx: Ctx, channelId: string): Promise<Ranked[]>;
  /** What a customer bought or viewed, newest first. */
  productsOfCustomer(
    ctx: Ctx,
    customerId: string,
    limit: number,
  ): Promise<Array<{ productId: string; kind: 'order' | 'view' }>>;
  /** Every pair's counts (tests, checks). */
  allPairs(ctx: Ctx): Promise<Array<Neighbour & { of: string }>>;
  /** Empties every count and the caches, for a rebuild from log position 0. */
  reset(ctx: Ctx): Promise<void>;
}

export function createRecommendationsService(opts: { cacheTtlMs?: number } = {}): RecommendationsService {
  const ttlMs = opts.cacheTtlMs ?? 5_000;
  const neighbourCache = createTtlCache<string, Neighbour[]>({ ttlMs, max: 100_000 });
  const sellerCache = createTtlCache<string, Ranked[]>({ ttlMs, max: 10_000 });

  let version = 0;
  const dropChanged = (changed: { products: string[]; channels: string[] }) => {
    if (changed.products.length || changed.channels.length) version++;
    for (const p of changed.products) neighbourCache.delete(p);
    if (changed.channels.length) sellerCache.clear(); // the all-channel fallback moved too
    return changed;
  };

  return {
    version: () => version,
    record: async (ctx, items) => dropChanged(await insertBasketItems(ctx.db, items)),
    subtractReturns: async (ctx, items) => dropChanged(await subtractReturnedItems(ctx.db, items)),
    async neighbours(ctx, productId) {
      const hit = neighbourCache.get(productId);
      if (hit) return hit;
      const found = await selectNeighbours(ctx.db, productId, KEPT_PER_KEY);
      neighbourCache.set(productId, found);
      return found;
    },
    async bestSellers(ctx, channelId) {
      const hit = sellerCache.get(channelId);
      if (hit) return hit;
      let found = await selectBestSellers(ctx.db, channelId, KEPT_PER_KEY);
      if (found.length === 0) found = await selectBestSellers(ctx.db, null, KEPT_PER_KEY);
      sellerCache.set(channelId, found);
      return found;
    },
    productsOfCustomer: (ctx, customerId, limit) => selectProductsOfCustomer(ctx.db, customerId, limit),
    allPairs: (ctx) => selectAllPairs(ctx.db),
    async reset(ctx) {
      await deleteEverything(ctx.db);
      version++;
      neighbourCache.clear();
      sellerCache.clear();
    },
  };
}
