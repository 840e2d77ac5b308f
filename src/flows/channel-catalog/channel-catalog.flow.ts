// "This product / this listing page as channel X shows it": the channel's locales and currency, its
// price list and own prices, whether the product is listed, and available-to-sell from inventory.
// A page costs three statements whatever its size: the channel, the page, the page's availability;
// the first two are cached until the next commit (view-cache.ts), availability is always read live.
import { AppError, notFound } from '../../kernel/index.js';
import {
  availabilityOf,
  type CatalogService,
  type ChannelProduct,
  type ChannelViewProduct,
  catalogVersion,
  channelViewScope,
  type ListingInput,
  type SkuPrice,
} from '../../modules/catalog/index.js';
import type { Channel, ChannelsService } from '../../modules/channels/index.js';
import type { ImageView } from '../../modules/media/index.js';
import type { Ctx } from '../../platform/context.js';
import { type ChannelSearchRequest, type StockLister, searchChannelCatalog } from './channel-search.js';
import { ViewCache } from './view-cache.js';

/** What this flow needs from inventory (the inventory service has this shape). */
export interface AvailabilityReader extends StockLister {
  availableToSell(ctx: Ctx, channelId: string, skus: string[]): Promise<Map<string, number>>;
}

/** What this flow needs from media (the media service has this shape). */
export interface ImageReader {
  imagesOf(ctx: Ctx, productIds: string[], locale?: string): Promise<Map<string, ImageView[]>>;
}

/** A product as a channel shows it, with its pictures (sizes and alt text in its locale). */
export type ShopProduct = ChannelProduct & { images: ImageView[] };

export interface ChannelCatalogDeps {
  channels: ChannelsService;
  catalog: CatalogService;
  inventory: AvailabilityReader;
  /** Product pictures; none when not wired (scripts). */
  images?: ImageReader;
  /** How long a cached channel or page may serve reads without a local commit (0 = no cache). */
  cacheTtlMs?: number;
}

export interface ChannelPageRequest {
  cursor?: string | undefined;
  limit: number;
  category?: string | undefined;
  q?: string | undefined;
  locale?: string | undefined;
}

export interface ChannelPage {
  channel: { id: string; code: string; currency: string; locale: string };
  items: ShopProduct[];
  nextCursor: string | null;
}

export function createChannelCatalogFlow(deps: ChannelCatalogDeps) {
  const cache = new ViewCache({ ttlMs: deps.cacheTtlMs ?? 2000, maxEntries: 5000 });

  async function channelOf(ctx: Ctx, idOrCode: string): Promise<Channel> {
    const channel = await cache.get(ctx, `channel:${idOrCode}`, () =>
      deps.channels.findChannel(ctx, idOrCode),
    );
    if (!channel) throw notFound('channel', idOrCode);
    return channel;
  }

  async function withAvailability(ctx: Ctx, channelId: string, products: ChannelViewProduct[]) {
    const skus = products.flatMap((p) => p.variants.map((v) => v.sku));
    const [ats, images] = await Promise.all([
      skus.length ? deps.inventory.availableToSell(ctx, channelId, skus) : new Map<string, number>(),
      deps.images && products.length
        ? deps.images.imagesOf(
            ctx,
            products.map((p) => p.id),
            products[0]!.locale,
          )
        : new Map<string, ImageView[]>(),
    ]);
    const today = ctx.clock.now().toISOString().slice(0, 10);
    return products.map((p): ShopProduct => {
      const variants = p.variants.map((v) => {
        const availableToSell = Math.max(0, ats.get(v.sku) ?? 0);
        return { ...v, availableToSell, availability: availabilityOf(v, availableToSell, today) };
      });
      return {
        ...p,
        variants,
        availableToSell: variants.reduce((s, v) => s + v.availableToSell, 0),
        images: images.get(p.id) ?? [],
      };
    });
  }

  return {
    channelOf,
    cacheStats: () => ({ hits: cache.hits, misses: cache.misses }),

    async listProducts(ctx: Ctx, channel: Channel, req: ChannelPageRequest): Promise<ChannelPage> {
      const scope = channelViewScope(channel, req.locale);
      const query = { after: req.cursor, limit: req.limit + 1, category: req.category, q: req.q };
      const key = `page:${JSON.stringify([scope, query])}`;
      const page = await cache.get(
        ctx,
        key,
        () => deps.catalog.channelPage(ctx, scope, query),
        catalogVersion,
      );
      const more = page.length > req.limit;
      const items = await withAvailability(ctx, channel.id, page.slice(0, req.limit));
      return {
        channel: {
          id: channel.id,
          code: channel.code,
          currency: channel.currency,
          locale: scope.locales[0]!,
        },
        items,
        nextCursor: more ? (items.at(-1)?.id ?? null) : null,
      };
    },

    /** Full-text, typo-tolerant search with facets and sorting (see channel-search.ts). */
    search(ctx: Ctx, channel: Channel, req: ChannelSearchRequest) {
      return searchChannelCatalog(
        ctx,
        { catalog: deps.catalog, stock: deps.inventory, present: withAvailability },
        channel,
        req,
      );
    },

    /** Products by id, handle or SKU as the channel shows them (listed or not), with availability. */
    async productsAsShown(ctx: Ctx, channel: Channel, keys: string[]): Promise<ShopProduct[]> {
      const found = await deps.catalog.channelProducts(ctx, channelViewScope(channel), keys);
      return withAvailability(ctx, channel.id, found);
    },

    /** One product by id, handle or SKU; `listedOnly` hides what the channel does not publish. */
    async getProduct(
      ctx: Ctx,
      channel: Channel,
      idOrSku: string,
      opts: { locale?: string | undefined; listedOnly: boolean },
    ): Promise<ShopProduct> {
      const [found] = await deps.catalog.channelProducts(ctx, channelViewScope(channel, opts.locale), [
        idOrSku,
      ]);
      if (!found || (opts.listedOnly && !found.listed)) throw notFound('product', idOrSku);
      return (await withAvailability(ctx, channel.id, [found]))[0]!;
    },

    async setListing(ctx: Ctx, channelIdOrCode: string, product: string, input: ListingInput) {
      const channel = await channelOf(ctx, channelIdOrCode);
      const r = await deps.catalog.setListings(ctx, channel.id, [{ product, ...input }], { strict: true });
      if (r.rejected.length) throw notFound('product', product);
      const listings = await deps.catalog.listingsOf(ctx, product);
      return listings.find((l) => l.channelId === channel.id)!;
    },

    /** A channel's own prices; they must be in the channel currency. */
    async setChannelPrices(ctx: Ctx, channelIdOrCode: string, prices: SkuPrice[]) {
      const channel = await channelOf(ctx, channelIdOrCode);
      const wrong = prices.findIndex((p) => p.currency !== channel.currency);
      if (wrong >= 0) {
        throw new AppError(
          'currency_mismatch',
          `Channel ${channel.code} sells in ${channel.currency}, not ${prices[wrong]!.currency}`,
          { issues: [{ path: `body.prices.${wrong}.currency`, message: `must be ${channel.currency}` }] },
        );
      }
      return deps.catalog.setChannelPrices(ctx, channel, prices, { strict: true });
    },

    /**
     * The till's product grid: the favourite SKUs in order, and their products as the channel shows
     * them (in the locale, with price and stock; listed or not, since the store sells what it holds).
     */
    async favourites(
      ctx: Ctx,
      channel: Channel,
      locale: string | undefined,
    ): Promise<{ skus: string[]; items: ShopProduct[] }> {
      const skus = await deps.catalog.favouritesOf(ctx, channel.id);
      if (skus.length === 0) return { skus, items: [] };
      const found = await deps.catalog.channelProducts(ctx, channelViewScope(channel, locale), skus);
      return { skus, items: await withAvailability(ctx, channel.id, found) };
    },

    /** Replaces the till's grid; a SKU no variant has is refused, naming its place in the list. */
    async setFavourites(ctx: Ctx, channel: Channel, skus: string[]): Promise<string[]> {
      const r = await deps.catalog.setFavourites(ctx, channel.id, skus);
      if (r.ok) return r.value;
      const message = `No product variant has the SKU ${r.unknown.map((u) => u.sku).join(', ')}`;
      throw new AppError('unknown_sku', message, {
        details: { skus: r.unknown.map((u) => u.sku) },
        issues: r.unknown.map((u) => ({ path: `body.skus.${u.index}`, message, code: 'unknown_sku' })),
      });
    },
  };
}

export type ChannelCatalogFlow = ReturnType<typeof createChannelCatalogFlow>;
