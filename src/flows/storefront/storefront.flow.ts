// The storefront's pages as the hub serves them: which channels have one (web and app channels that
// are active), the publishable key their pages carry, the head of each page (product, category,
// home), and a sitemap and robots.txt per storefront channel.
import type { Channel, ChannelsService } from '../../modules/channels/index.js';
import { storefrontKeyOf } from '../../platform/auth/storefront-keys.js';
import type { Ctx } from '../../platform/context.js';
import type { ChannelCatalogFlow } from '../channel-catalog/index.js';
import { categoryHead, homeHead, productHead, robotsTxt, sitemapXml } from './storefront-head.js';
import { pwaHead } from './storefront-pwa.js';

const STOREFRONT_TYPES: ReadonlyArray<Channel['type']> = ['web', 'mobile_app'];
/** Pages listed per sitemap: a sitemap file holds at most 50,000 URLs. */
const SITEMAP_MAX = 50_000;

export interface StorefrontDeps {
  channels: ChannelsService;
  channelCatalog: ChannelCatalogFlow;
}

export interface StorefrontPage {
  /** The channel's publishable key for the page to call the API with. */
  key: string;
  /** The language of the page's texts (the channel's first locale). */
  lang: string;
  head: string;
}

export function createStorefrontFlow(deps: StorefrontDeps) {
  async function storefrontChannel(ctx: Ctx, code: string): Promise<Channel | null> {
    const channel = await deps.channels.findChannel(ctx, code);
    if (!channel || channel.code !== code) return null;
    return STOREFRONT_TYPES.includes(channel.type) && channel.status === 'active' ? channel : null;
  }

  async function headOf(ctx: Ctx, channel: Channel, path: string, origin: string): Promise<string> {
    const product = /^\/p\/([^/]+)$/.exec(path);
    const category = /^\/c\/(.+)$/.exec(path);
    try {
      if (product) {
        const p = await deps.channelCatalog.getProduct(ctx, channel, decodeURIComponent(product[1]!), {
          listedOnly: true,
        });
        return productHead(origin, channel, p);
      }
      if (category) {
        const name = decodeURIComponent(category[1]!);
        const page = await deps.channelCatalog.listProducts(ctx, channel, { limit: 24, category: name });
        return categoryHead(origin, channel, name, page.items);
      }
    } catch {
      // An unknown product or category: the page itself says so; the head stays the shop's.
    }
    return homeHead(origin, channel);
  }

  return {
    storefrontChannel,

    /** The page of a storefront channel (null: no such storefront; the app asks for a key). */
    async page(ctx: Ctx, code: string, path: string, origin: string): Promise<StorefrontPage | null> {
      const channel = await storefrontChannel(ctx, code);
      if (!channel) return null;
      const [key, head] = await Promise.all([
        storefrontKeyOf(ctx, channel),
        headOf(ctx, channel, path, origin),
      ]);
      return {
        key,
        head: `${head}\n    ${pwaHead(channel)}`,
        lang: (channel.locales[0] ?? 'en').split('-')[0]!,
      };
    },

    /** Every listed product page and category page of the channel. */
    async sitemap(ctx: Ctx, code: string, origin: string): Promise<string | null> {
      const channel = await storefrontChannel(ctx, code);
      if (!channel) return null;
      const entries: Array<{ path: string }> = [{ path: '/' }];
      const categories = new Set<string>();
      let cursor: string | undefined;
      do {
        const page = await deps.channelCatalog.listProducts(ctx, channel, { limit: 500, cursor });
        for (const p of page.items) {
          entries.push({ path: `/p/${encodeURIComponent(p.handle)}` });
          for (const c of p.categories) categories.add(c);
        }
        cursor = page.nextCursor ?? undefined;
      } while (cursor && entries.length < SITEMAP_MAX);
      for (const c of [...categories].sort())
        entries.push({ path: `/c/${c.split('/').map(encodeURIComponent).join('/')}` });
      return sitemapXml(origin, channel, entries.slice(0, SITEMAP_MAX));
    },

    /** robots.txt for one storefront channel, or (code null) for every one on this hub. */
    async robots(ctx: Ctx, code: string | null, origin: string): Promise<string | null> {
      if (code !== null) {
        const channel = await storefrontChannel(ctx, code);
        return channel ? robotsTxt(origin, [channel]) : null;
      }
      const all = await deps.channels.listChannels(ctx);
      return robotsTxt(
        origin,
        all.filter((c) => STOREFRONT_TYPES.includes(c.type) && c.status === 'active'),
      );
    },
  };
}

export type StorefrontFlow = ReturnType<typeof createStorefrontFlow>;
