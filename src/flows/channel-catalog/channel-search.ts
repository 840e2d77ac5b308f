// Search as a channel shows it: the catalog finds and orders the page (full text + typos, facets),
// this adds the channel's view of each product (text, prices, pictures) and available-to-sell, and
// "in stock at my store": the SKUs a store channel can sell now, read from inventory.
import {
  type CatalogService,
  type ChannelSearchQuery,
  type ChannelViewProduct,
  channelViewScope,
  type SearchFacets,
} from '../../modules/catalog/index.js';
import type { Channel } from '../../modules/channels/index.js';
import type { Ctx } from '../../platform/context.js';

/** What search needs from inventory (the inventory service has this shape). */
export interface StockLister {
  channelAvailability(
    ctx: Ctx,
    channelId: string,
    opts: { after?: string | undefined; limit: number },
  ): Promise<{ sku: string; availableToSell: number }[]>;
}

export interface ChannelSearchRequest extends Omit<ChannelSearchQuery, 'skus'> {
  locale?: string | undefined;
  /** Only products with stock at this channel (the shopper's store, or the channel itself). */
  inStockAt?: Channel | undefined;
}

export interface ChannelSearchPage<P> {
  channel: { id: string; code: string; currency: string; locale: string };
  items: P[];
  total: number;
  /** More than `total` products match (see SEARCH_EXACT_UP_TO). */
  totalAtLeast: boolean;
  facets: SearchFacets;
  didYouMean: string | null;
}

/** SKUs with stock to sell on a channel, read a page of 5,000 at a time. */
async function inStockSkus(ctx: Ctx, stock: StockLister, channelId: string): Promise<string[]> {
  const skus: string[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await stock.channelAvailability(ctx, channelId, { after, limit: 5000 });
    for (const l of page) if (l.availableToSell > 0) skus.push(l.sku);
    if (page.length < 5000) return skus;
    after = page.at(-1)!.sku;
  }
}

export async function searchChannelCatalog<P>(
  ctx: Ctx,
  deps: {
    catalog: CatalogService;
    stock: StockLister;
    present(ctx: Ctx, channelId: string, products: ChannelViewProduct[]): Promise<P[]>;
  },
  channel: Channel,
  req: ChannelSearchRequest,
): Promise<ChannelSearchPage<P>> {
  const scope = channelViewScope(channel, req.locale);
  const skus = req.inStockAt ? await inStockSkus(ctx, deps.stock, req.inStockAt.id) : undefined;
  const found = await deps.catalog.channelSearch(ctx, scope, { ...req, skus });
  const views = found.ids.length ? await deps.catalog.channelProducts(ctx, scope, found.ids) : [];
  const byId = new Map(views.map((v) => [v.id, v]));
  const ordered = found.ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
  return {
    channel: { id: channel.id, code: channel.code, currency: channel.currency, locale: scope.locales[0]! },
    items: await deps.present(ctx, channel.id, ordered),
    total: found.total,
    totalAtLeast: found.totalAtLeast,
    facets: found.facets,
    didYouMean: found.didYouMean,
  };
}
