// Recommendations as a channel can sell them: candidates from the recommendations module (products
// bought or viewed with the one shown, a cart's or a customer's products; the channel's best sellers
// when history says too little), then each product as the channel shows it (the channel catalog's
// in-memory views: price, listing, stock) and only those the channel can sell. Every step is kept in
// memory, so a warm product page's recommendations cost no statement.
import { isAppError } from '../../kernel/index.js';
import type { Channel } from '../../modules/channels/index.js';
import type { Candidate, RecommendationsService } from '../../modules/recommendations/index.js';
import type { Ctx } from '../../platform/context.js';
import { KeptJson } from '../../platform/http/kept-json.js';
import type { ChannelCatalogFlow, ShopProduct } from '../channel-catalog/index.js';

export interface Recommendation {
  reason: Candidate['reason'];
  score: number;
  product: ShopProduct;
}

export interface RecommendationsFlow {
  /** Products to show beside one product (by id, handle or SKU) on a channel. */
  forProduct(ctx: Ctx, channel: Channel, idOrSku: string, o: ReadOptions): Promise<Recommendation[]>;
  /** The same as JSON bytes (text made by `serialize`), kept in memory until history or one of its products changes. */
  forProductJson(
    ctx: Ctx,
    channel: Channel,
    idOrSku: string,
    o: ReadOptions,
    serialize: (items: Recommendation[]) => string,
  ): Promise<KeptJson>;
  /** Products to suggest for a cart or a till sale (its SKUs), none of its own. */
  forSkus(ctx: Ctx, channel: Channel, skus: string[], o: ReadOptions): Promise<Recommendation[]>;
  /** Products for one customer (messages, next best message): what goes with what they bought or viewed. */
  forCustomer(ctx: Ctx, channel: Channel, customerId: string, o: ReadOptions): Promise<Recommendation[]>;
}

/** The products an answer looked at: it changes when one of them does. */
interface Looked {
  products: ShopProduct[];
  productIds: string[];
}

export interface ReadOptions {
  locale?: string | undefined;
  limit: number;
}

/** Whether the channel can sell the product now: listed (a store sells what it holds), a price, stock or a backorder. */
export function sellableOn(channel: Pick<Channel, 'type'>, p: ShopProduct): boolean {
  if (channel.type !== 'store' && !p.listed) return false;
  return p.variants.some((v) => v.price !== null && (v.availableToSell > 0 || v.stockPolicy !== 'deny'));
}

export function createRecommendationsFlow(deps: {
  recommendations: RecommendationsService;
  channelCatalog: Pick<ChannelCatalogFlow, 'getProduct' | 'keep'>;
  /** How long another node's newly counted history may take to show in a kept answer (default 30 s). */
  keepMs?: number;
}): RecommendationsFlow {
  const { recommendations } = deps;
  const keepMs = deps.keepMs ?? 30_000;

  async function forProduct(ctx: Ctx, channel: Channel, idOrSku: string, o: ReadOptions, looked?: Looked) {
    const product = await deps.channelCatalog.getProduct(ctx, channel, idOrSku, {
      locale: o.locale,
      listedOnly: channel.type !== 'store',
    });
    looked?.products.push(product);
    const candidates = await neighboursOf(ctx, [product.id]);
    return present(ctx, channel, candidates, new Set([product.id]), o, looked);
  }

  /** Neighbours of several products merged by score, their own left out. */
  async function neighboursOf(ctx: Ctx, productIds: string[]): Promise<Candidate[]> {
    const scores = new Map<string, Candidate>();
    for (const id of productIds) {
      for (const n of await recommendations.neighbours(ctx, id)) {
        const was = scores.get(n.productId);
        const reason = n.bought > 0 ? 'bought_together' : 'viewed_together';
        scores.set(n.productId, {
          productId: n.productId,
          reason: was?.reason === 'bought_together' ? was.reason : reason,
          score: (was?.score ?? 0) + n.score,
        });
      }
    }
    const own = new Set(productIds);
    return [...scores.values()].filter((c) => !own.has(c.productId)).sort((a, b) => b.score - a.score);
  }

  /**
   * The candidates the channel can sell, in order, filled up with its best sellers, at most `limit`;
   * with every product it looked at (what a kept answer is dropped with).
   */
  async function present(
    ctx: Ctx,
    channel: Channel,
    candidates: Candidate[],
    exclude: Set<string>,
    o: ReadOptions,
    looked: Looked = { products: [], productIds: [] },
  ): Promise<Recommendation[]> {
    const out: Recommendation[] = [];
    const seen = new Set(exclude);
    const take = async (list: Candidate[]) => {
      for (const c of list) {
        if (out.length >= o.limit) return;
        if (seen.has(c.productId)) continue;
        seen.add(c.productId);
        const product = await shown(ctx, channel, c.productId, o.locale);
        looked.productIds.push(c.productId);
        if (product) looked.products.push(product);
        if (product && sellableOn(channel, product)) out.push({ reason: c.reason, score: c.score, product });
      }
    };
    await take(candidates);
    if (out.length < o.limit) {
      const sellers = await recommendations.bestSellers(ctx, channel.id);
      await take(sellers.map((s) => ({ productId: s.productId, reason: 'best_seller', score: s.score })));
    }
    return out;
  }

  async function shown(ctx: Ctx, channel: Channel, productId: string, locale: string | undefined) {
    try {
      return await deps.channelCatalog.getProduct(ctx, channel, productId, { locale, listedOnly: false });
    } catch (err) {
      if (isAppError(err, 'not_found')) return null; // gone from the catalog since it was counted
      throw err;
    }
  }

  return {
    forProduct: (ctx, channel, idOrSku, o) => forProduct(ctx, channel, idOrSku, o),

    forProductJson(ctx, channel, idOrSku, o, serialize) {
      // Everything that decides the answer: the channel as read, the request, this process's counts
      // and a time bucket (another node's counting shows within keepMs).
      const key = JSON.stringify([
        'recs',
        channel.id,
        channel.currency,
        channel.priceListId,
        channel.locales,
        channel.type,
        o.locale ?? null,
        o.limit,
        idOrSku,
        recommendations.version(),
        Math.floor(ctx.clock.now().getTime() / keepMs),
      ]);
      return deps.channelCatalog.keep(ctx, channel, key, async () => {
        const looked: Looked = { products: [], productIds: [] };
        const items = await forProduct(ctx, channel, idOrSku, o, looked);
        return { value: KeptJson.of(serialize(items)), ...looked };
      });
    },

    async forSkus(ctx, channel, skus, o) {
      const ids: string[] = [];
      for (const sku of new Set(skus)) {
        const p = await shown(ctx, channel, sku, o.locale);
        if (p && !ids.includes(p.id)) ids.push(p.id);
      }
      return present(ctx, channel, await neighboursOf(ctx, ids), new Set(ids), o);
    },

    async forCustomer(ctx, channel, customerId, o) {
      const mine = await recommendations.productsOfCustomer(ctx, customerId, 20);
      const bought = new Set(mine.filter((m) => m.kind === 'order').map((m) => m.productId));
      const seeds = [...new Set(mine.map((m) => m.productId))];
      const candidates = (await neighboursOf(ctx, seeds)).map((c) => ({ ...c, reason: 'for_you' as const }));
      return present(ctx, channel, candidates, bought, o);
    },
  };
}
