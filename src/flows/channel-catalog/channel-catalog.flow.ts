// "This product / this listing page as channel X shows it": the channel's locales and currency, its
// price list and own prices, whether the product is listed, and available-to-sell from inventory.
// A page read from the database costs four statements whatever its size: the channel, the page, the
// page's availability and its pictures. Channels, pages and products (also serialized, for the
// routes) are kept in memory until an event changes them (view-cache.ts): warm, a page costs none.
import { AppError, notFound } from '../../kernel/index.js';
import {
  availabilityOf,
  type CatalogService,
  type ChannelProduct,
  type ChannelViewProduct,
  channelViewScope,
  type ListingInput,
  type SkuPrice,
} from '../../modules/catalog/index.js';
import type { Channel, ChannelsService } from '../../modules/channels/index.js';
import type { ImageView } from '../../modules/media/index.js';
import type { Ctx, Logger } from '../../platform/context.js';
import type { Database } from '../../platform/db/database.js';
import { KeptJson } from '../../platform/http/kept-json.js';
import { channelTag, productTag, SEARCH_TAG, STOCK_SEARCH_TAG, skuTag } from './cache-invalidation.js';
import {
  type ChannelSearchPage,
  type ChannelSearchRequest,
  type StockLister,
  searchChannelCatalog,
} from './channel-search.js';
import { ViewCache, type ViewCacheOptions } from './view-cache.js';
import { followViewChanges } from './view-cache-follower.js';

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
  /** The view cache's bounds (maxSize 0: no cache). */
  cache?: Partial<ViewCacheOptions>;
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

/** What a view shows, as cache tags: its channel, products and SKUs. */
function tagsOf(channelId: string, products: ChannelViewProduct[]): string[] {
  const tags = [channelTag(channelId)];
  for (const p of products) {
    tags.push(productTag(p.id));
    for (const v of p.variants) tags.push(skuTag(v.sku));
  }
  return tags;
}

export type SearchPage = ChannelSearchPage<ShopProduct>;

/** Turns a response into its JSON text (the route's schema serializer). */
export type Serialize<T> = (value: T) => string;

export function createChannelCatalogFlow(deps: ChannelCatalogDeps) {
  const cache = new ViewCache({ maxSize: 32_000_000, ttlMs: 60_000, waitMs: 25, ...deps.cache });

  async function channelOf(ctx: Ctx, idOrCode: string): Promise<Channel> {
    const channel = await cache.get(
      ctx,
      `channel|${idOrCode}`,
      async () => {
        const found = await deps.channels.findChannel(ctx, idOrCode);
        if (!found) throw notFound('channel', idOrCode);
        return found;
      },
      (c) => [channelTag(c.id)],
    );
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

  async function readPage(ctx: Ctx, channel: Channel, req: ChannelPageRequest): Promise<ChannelPage> {
    const scope = channelViewScope(channel, req.locale);
    const query = { after: req.cursor, limit: req.limit + 1, category: req.category, q: req.q };
    const page = await deps.catalog.channelPage(ctx, scope, query);
    const more = page.length > req.limit;
    const items = await withAvailability(ctx, channel.id, page.slice(0, req.limit));
    return {
      channel: { id: channel.id, code: channel.code, currency: channel.currency, locale: scope.locales[0]! },
      items,
      nextCursor: more ? (items.at(-1)?.id ?? null) : null,
    };
  }

  /** The cache key of a page: everything that decides it (the channel as read: id, currency, list, locales). */
  const pageKey = (channel: Channel, req: ChannelPageRequest) =>
    JSON.stringify([channelViewScope(channel, req.locale), req.cursor, req.limit, req.category, req.q]);

  function listProducts(ctx: Ctx, channel: Channel, req: ChannelPageRequest): Promise<ChannelPage> {
    return cache.get(
      ctx,
      `page|${pageKey(channel, req)}`,
      () => readPage(ctx, channel, req),
      (page) => tagsOf(channel.id, page.items),
    );
  }

  const readSearch = (ctx: Ctx, channel: Channel, req: ChannelSearchRequest) =>
    searchChannelCatalog(
      ctx,
      { catalog: deps.catalog, stock: deps.inventory, present: withAvailability },
      channel,
      req,
    );
  /** Everything that decides a search: the channel as read, the store whose stock filters it, the query. */
  const searchKey = (channel: Channel, { inStockAt, ...query }: ChannelSearchRequest) =>
    JSON.stringify([channelViewScope(channel, query.locale), inStockAt?.id ?? null, query]);
  const searchTags = (channel: Channel, req: ChannelSearchRequest, page: SearchPage) => [
    ...tagsOf(channel.id, page.items),
    SEARCH_TAG,
    ...(req.inStockAt ? [channelTag(req.inStockAt.id), STOCK_SEARCH_TAG] : []),
  ];

  /** One product as the channel shows it, listed or not (null: no such product). */
  function productAsShown(ctx: Ctx, channel: Channel, idOrSku: string, locale: string | undefined) {
    const scope = channelViewScope(channel, locale);
    return cache.get(
      ctx,
      `product|${JSON.stringify([scope, idOrSku])}`,
      async (): Promise<ShopProduct | null> => {
        const [found] = await deps.catalog.channelProducts(ctx, scope, [idOrSku]);
        return found ? (await withAvailability(ctx, channel.id, [found]))[0]! : null;
      },
      // "No such product" is not kept: a new SKU's event names only its product.
      (p) => (p ? tagsOf(channel.id, [p]) : null),
    );
  }

  async function getProduct(
    ctx: Ctx,
    channel: Channel,
    idOrSku: string,
    opts: { locale?: string | undefined; listedOnly: boolean },
  ): Promise<ShopProduct> {
    const found = await productAsShown(ctx, channel, idOrSku, opts.locale);
    if (!found || (opts.listedOnly && !found.listed)) throw notFound('product', idOrSku);
    return found;
  }

  return {
    channelOf,
    cacheStats: () => ({ ...cache.stats, size: cache.size }),

    /** Starts dropping cached views when events change them; until then every read is uncached. */
    followChanges: (opts: { database: Database; log: Logger; pollMs?: number }) =>
      followViewChanges({ cache, ...opts }),

    listProducts,

    /** A page as JSON bytes, kept as such while nothing it shows changes. */
    listProductsJson(ctx: Ctx, channel: Channel, req: ChannelPageRequest, serialize: Serialize<ChannelPage>) {
      let page: ChannelPage | undefined;
      return cache.get(
        ctx,
        `page.json|${pageKey(channel, req)}`,
        async () => {
          page = await listProducts(ctx, channel, req);
          return KeptJson.of(serialize(page));
        },
        () => tagsOf(channel.id, page!.items),
      );
    },

    /**
     * Full-text, typo-tolerant search with facets and sorting (see channel-search.ts), kept while
     * nothing it shows or counts changes: its channels (and the store whose stock filters it), the
     * products on the page and their SKUs, any variant or price (facets), any stock when filtered by it.
     */
    search(ctx: Ctx, channel: Channel, req: ChannelSearchRequest) {
      return cache.get(
        ctx,
        `search|${searchKey(channel, req)}`,
        () => readSearch(ctx, channel, req),
        (page) => searchTags(channel, req, page),
      );
    },

    /** The same as JSON bytes, kept as such while nothing it shows or counts changes. */
    searchJson(ctx: Ctx, channel: Channel, req: ChannelSearchRequest, serialize: Serialize<SearchPage>) {
      let page: SearchPage | undefined;
      return cache.get(
        ctx,
        `search.json|${searchKey(channel, req)}`,
        async () => {
          page = await readSearch(ctx, channel, req);
          return KeptJson.of(serialize(page));
        },
        () => searchTags(channel, req, page!),
      );
    },

    /** Option values' names in the channel's locale (`locale` first when the channel has it). */
    optionLabels(ctx: Ctx, channel: Channel, locale: string | undefined) {
      return deps.catalog.optionLabelsOf(ctx, channelViewScope(channel, locale).locales);
    },

    /** Products by id, handle or SKU as the channel shows them (listed or not), with availability. */
    async productsAsShown(ctx: Ctx, channel: Channel, keys: string[]): Promise<ShopProduct[]> {
      const found = await deps.catalog.channelProducts(ctx, channelViewScope(channel), keys);
      return withAvailability(ctx, channel.id, found);
    },

    /** One product by id, handle or SKU; `listedOnly` hides what the channel does not publish. */
    getProduct,

    /**
     * Another flow's answer built from this channel's products (recommendations), kept in the view
     * cache under `key` and dropped with the channel, the products it read (their SKUs too) and the
     * product ids it names; `read` runs on a miss.
     */
    async keep<T>(
      ctx: Ctx,
      channel: Channel,
      key: string,
      read: () => Promise<{ value: T; products: ChannelViewProduct[]; productIds: string[] }>,
    ): Promise<T> {
      const kept = await cache.get(ctx, `keep|${key}`, read, (r) => [
        ...tagsOf(channel.id, r.products),
        ...r.productIds.map(productTag),
      ]);
      return kept.value;
    },

    /** The same as JSON bytes, kept as such while nothing it shows changes. */
    async getProductJson(
      ctx: Ctx,
      channel: Channel,
      idOrSku: string,
      opts: { locale?: string | undefined; listedOnly: boolean },
      serialize: Serialize<ShopProduct>,
    ): Promise<KeptJson> {
      const product = await getProduct(ctx, channel, idOrSku, opts);
      return cache.get(
        ctx,
        `product.json|${JSON.stringify([channelViewScope(channel, opts.locale), product.id])}`,
        async () => KeptJson.of(serialize(product)),
        () => tagsOf(channel.id, [product]),
      );
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
