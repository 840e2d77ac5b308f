// A channel's prices for some SKUs, from the catalog's channel view (the channel's own price, else
// its price list), with the title to copy onto cart lines. One query for any number of SKUs.
import type { CatalogService } from '../../modules/catalog/index.js';
import type { Channel } from '../../modules/channels/index.js';
import type { Ctx } from '../../platform/context.js';

export interface ChannelPrice {
  unitPrice: number;
  currency: string;
  title: string;
  listed: boolean;
}

export async function channelPrices(
  catalog: CatalogService,
  ctx: Ctx,
  channel: Channel,
  skus: string[],
): Promise<Map<string, ChannelPrice>> {
  const out = new Map<string, ChannelPrice>();
  if (skus.length === 0) return out;
  const products = await catalog.channelProducts(
    ctx,
    {
      channelId: channel.id,
      currency: channel.currency,
      priceListId: channel.priceListId,
      locales: channel.locales,
    },
    [...new Set(skus)],
  );
  const wanted = new Set(skus);
  for (const p of products) {
    for (const v of p.variants) {
      if (!wanted.has(v.sku) || !v.price || v.price.currency !== channel.currency) continue;
      const options = Object.values(v.options);
      out.set(v.sku, {
        unitPrice: v.price.amount,
        currency: v.price.currency,
        title: options.length ? `${p.title} (${options.join(', ')})` : p.title,
        listed: p.listed,
      });
    }
  }
  return out;
}
