// Product feeds per channel from the same catalog view the storefront shows (texts in the channel's
// language, its prices, pictures, available-to-sell). A feed is built once per channel and process,
// then kept current incrementally: each request reads the event log after the last build and
// re-reads only the products those events name (a price, stock, text, listing or picture change).
// A campaign created, changed, started or ended (also by its schedule) rebuilds the channel's feed:
// its sale prices (`sale_price` with the campaign's dates) may touch any product.
import type { Channel, ChannelsService } from '../../modules/channels/index.js';
import { PROMOTION_EVENTS } from '../../modules/promotions/index.js';
import type { Ctx } from '../../platform/context.js';
import { type Cursor, cursorOf, headCursor, type StoredEvent } from '../../platform/events/event-log.js';
import { scanEvents } from '../../platform/events/event-scan.js';
import type { ChannelCatalogFlow, ShopProduct } from '../channel-catalog/index.js';
import {
  type FeedIssue,
  type FeedItem,
  type FeedSale,
  feedItemsOf,
  googleFeed,
  googleItem,
  localInventoryFeed,
  metaFeed,
  metaRow,
} from './feed-format.js';

export interface ProductFeedsDeps {
  channels: ChannelsService;
  channelCatalog: ChannelCatalogFlow;
  inventory: { availableToSell(ctx: Ctx, channelId: string, skus: string[]): Promise<Map<string, number>> };
  /** The SKUs the channel's automatic campaigns make cheaper (pricing's saleOffers); absent: no sales. */
  saleOffers?(
    ctx: Ctx,
    channelId: string,
    currency: string,
    items: Array<{ sku: string; unitPrice: number; categories: readonly string[] }>,
  ): Promise<Map<string, FeedSale>>;
}

interface Built {
  items: FeedItem[];
  issues: FeedIssue[];
  google: string;
  meta: string;
}

interface FeedState {
  origin: string;
  cursor: Cursor;
  products: Map<string, Built>;
}

const FOLLOWED = [
  'catalog.*',
  'inventory.*',
  'media.*',
  PROMOTION_EVENTS.campaignCreated,
  PROMOTION_EVENTS.campaignUpdated,
  PROMOTION_EVENTS.campaignStarted,
  PROMOTION_EVENTS.campaignEnded,
  PROMOTION_EVENTS.collectionSaved,
];
/** More changes than this since the last build: rebuilding is cheaper than following them. */
const MAX_FOLLOWED = 5000;
const PAGE = 100;

export interface FeedStats {
  fullBuilds: number;
  incremental: number;
  productsReread: number;
}

/** The products an event is about: its productId, or the product of its SKU. */
function touched(e: StoredEvent): { productId?: string; sku?: string } | 'all' | null {
  const p = e.payload as { productId?: unknown; sku?: unknown };
  if (typeof p.productId === 'string') return { productId: p.productId };
  if (typeof p.sku === 'string') return { sku: p.sku };
  if (e.subject.startsWith('sku:')) return { sku: e.subject.slice(4) };
  // A new price list or location changes nothing until prices or stock are written (own events).
  if (e.type === 'catalog.price_list_created' || e.type.startsWith('inventory.location')) return null;
  if (e.type === 'catalog.favourites_changed' || e.type === 'inventory.sourcing_changed') {
    return e.type === 'inventory.sourcing_changed' ? 'all' : null;
  }
  return 'all';
}

export function createProductFeedsFlow(deps: ProductFeedsDeps) {
  const states = new Map<string, FeedState>();
  const running = new Map<string, Promise<FeedState>>();
  const stats: FeedStats = { fullBuilds: 0, incremental: 0, productsReread: 0 };

  /** The feed entries of a batch of products, with the sale prices of their variants. */
  async function buildAll(ctx: Ctx, origin: string, channel: Channel, products: ShopProduct[]) {
    const priced = products.flatMap((p) =>
      p.variants.flatMap((v) =>
        v.price?.currency === channel.currency
          ? [{ sku: v.sku, unitPrice: v.price.amount, categories: p.categories }]
          : [],
      ),
    );
    const offers =
      deps.saleOffers && priced.length
        ? await deps.saleOffers(ctx, channel.id, channel.currency, priced)
        : new Map<string, FeedSale>();
    const sales = { offers, now: ctx.clock.now() };
    return products.map((p): [ShopProduct, Built] => {
      const { items, issues } = feedItemsOf(origin, channel, p, sales);
      const google = items.map(googleItem).join('\n');
      return [p, { items, issues, google, meta: items.map(metaRow).join('\n') }];
    });
  }

  async function fullBuild(ctx: Ctx, channel: Channel, origin: string): Promise<FeedState> {
    stats.fullBuilds++;
    // The log's head before reading: a change committed during the build is read again next time.
    const cursor = await headCursor(ctx.db);
    const products = new Map<string, Built>();
    let after: string | undefined;
    do {
      const page = await deps.channelCatalog.listProducts(ctx, channel, { cursor: after, limit: PAGE });
      for (const [p, built] of await buildAll(ctx, origin, channel, page.items)) products.set(p.id, built);
      after = page.nextCursor ?? undefined;
    } while (after);
    return { origin, cursor, products };
  }

  async function follow(ctx: Ctx, channel: Channel, state: FeedState): Promise<FeedState> {
    const ids = new Set<string>();
    const skus = new Set<string>();
    let cursor = state.cursor;
    for (let read = 0; ; ) {
      const { events, scannedTo, more } = await scanEvents(ctx.db, {
        after: cursor,
        types: FOLLOWED,
        limit: 1000,
      });
      for (const e of events) {
        const t = touched(e);
        if (t === 'all') return fullBuild(ctx, channel, state.origin);
        if (t?.productId) ids.add(t.productId);
        if (t?.sku) skus.add(t.sku);
      }
      // Past the events walked that matched nothing too: the next update does not walk them again.
      cursor = cursorOf(scannedTo);
      read += events.length;
      if (read > MAX_FOLLOWED) return fullBuild(ctx, channel, state.origin);
      if (!more) break;
    }
    if (ids.size || skus.size) {
      stats.incremental++;
      const keys = [...ids, ...skus];
      for (let i = 0; i < keys.length; i += PAGE) {
        const found = await deps.channelCatalog.productsAsShown(ctx, channel, keys.slice(i, i + PAGE));
        stats.productsReread += found.length;
        for (const p of found) if (!p.listed) state.products.delete(p.id);
        const listed = found.filter((p) => p.listed);
        for (const [p, built] of await buildAll(ctx, state.origin, channel, listed))
          state.products.set(p.id, built);
      }
    }
    state.cursor = cursor;
    return state;
  }

  /** The channel's feed state, brought up to date; one update at a time per channel. */
  async function current(ctx: Ctx, channel: Channel, origin: string): Promise<FeedState> {
    const key = channel.id;
    const pending = running.get(key);
    if (pending) await pending.catch(() => undefined);
    const prior = states.get(key);
    const next =
      prior && prior.origin === origin ? follow(ctx, channel, prior) : fullBuild(ctx, channel, origin);
    running.set(key, next);
    try {
      const state = await next;
      states.set(key, state);
      return state;
    } finally {
      if (running.get(key) === next) running.delete(key);
    }
  }

  const allOf = (s: FeedState) => [...s.products.values()];

  return {
    stats: () => ({ ...stats }),

    async google(ctx: Ctx, channel: Channel, origin: string): Promise<string> {
      const s = await current(ctx, channel, origin);
      return googleFeed(
        origin,
        channel,
        allOf(s).flatMap((b) => (b.google ? [b.google] : [])),
      );
    },

    async meta(ctx: Ctx, channel: Channel, origin: string): Promise<string> {
      const s = await current(ctx, channel, origin);
      return metaFeed(allOf(s).flatMap((b) => (b.meta ? [b.meta] : [])));
    },

    /** Availability of the channel's feed items at every active store, for pickup there. */
    async localInventory(ctx: Ctx, channel: Channel, origin: string): Promise<string> {
      const s = await current(ctx, channel, origin);
      const items = allOf(s).flatMap((b) => b.items);
      const stores = (await deps.channels.listChannels(ctx, { type: 'store' })).filter(
        (c) => c.status === 'active',
      );
      const skus = items.map((i) => i.id);
      const stock = await Promise.all(
        stores.map(async (st) => ({
          code: st.code,
          stock: skus.length ? await deps.inventory.availableToSell(ctx, st.id, skus) : new Map(),
        })),
      );
      return localInventoryFeed(stock, items);
    },

    /** What the feeds hold and the per-field problems of the variants they leave out. */
    async report(ctx: Ctx, channel: Channel, origin: string) {
      const s = await current(ctx, channel, origin);
      const built = allOf(s);
      return {
        products: built.filter((b) => b.items.length).length,
        variants: built.reduce((n, b) => n + b.items.length, 0),
        issues: built.flatMap((b) => b.issues),
      };
    },
  };
}

export type ProductFeedsFlow = ReturnType<typeof createProductFeedsFlow>;
