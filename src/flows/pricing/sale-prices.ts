// What one unit of each SKU costs on a channel after its automatic campaigns, for nobody in
// particular and with no code: the sale price channel sync pushes (Shopify compare-at, Woo sale) and
// product feeds publish (Google/Meta `sale_price`), the latter with the window the campaigns run in.
import type { Campaign, PromotionsService } from '../../modules/promotions/index.js';
import type { Ctx } from '../../platform/context.js';

export interface SaleItem {
  sku: string;
  unitPrice: number;
  categories: readonly string[];
}

/** A lower price and when it holds: the latest start and earliest end of the campaigns giving it. */
export interface SaleOffer {
  amount: number;
  startsAt: Date | null;
  endsAt: Date | null;
}

export function createSalePrices(promotions: PromotionsService) {
  /** Each SKU's unit price after the live automatic campaigns, and which campaigns lowered it. */
  async function evaluate(ctx: Ctx, channelId: string, currency: string, items: SaleItem[]) {
    const out = new Map<string, { amount: number; campaignIds: string[] }>();
    if (!(await promotions.hasLiveAutomaticCampaigns(ctx))) return out;
    for (const it of items) {
      const evaluation = await promotions.priceCart(ctx, {
        channelId,
        currency,
        customer: null,
        lines: [
          { lineId: 'unit', sku: it.sku, quantity: 1, unitPrice: it.unitPrice, categories: it.categories },
        ],
        shipping: 0,
        codes: [],
      });
      const applied = evaluation.applied.filter((a) => a.amount - a.shipping > 0);
      const off = applied.reduce((s, a) => s + a.amount - a.shipping, 0);
      out.set(it.sku, { amount: it.unitPrice - off, campaignIds: applied.map((a) => a.campaignId) });
    }
    return out;
  }

  return {
    async salePrices(
      ctx: Ctx,
      channelId: string,
      currency: string,
      items: SaleItem[],
    ): Promise<Map<string, number>> {
      const found = await evaluate(ctx, channelId, currency, items);
      return new Map([...found].map(([sku, s]) => [sku, s.amount]));
    },

    /** Only the SKUs a campaign makes cheaper, each with the window its campaigns share. */
    async saleOffers(
      ctx: Ctx,
      channelId: string,
      currency: string,
      items: SaleItem[],
    ): Promise<Map<string, SaleOffer>> {
      const found = await evaluate(ctx, channelId, currency, items);
      const campaigns = new Map<string, Promise<Campaign>>();
      const campaign = (id: string) => {
        if (!campaigns.has(id)) campaigns.set(id, promotions.getCampaign(ctx, id));
        return campaigns.get(id)!;
      };
      const out = new Map<string, SaleOffer>();
      const price = new Map(items.map((i) => [i.sku, i.unitPrice]));
      for (const [sku, s] of found) {
        if (s.amount >= (price.get(sku) ?? 0) || s.campaignIds.length === 0) continue;
        const runs = await Promise.all(s.campaignIds.map(campaign));
        const starts = runs.flatMap((c) => (c.startsAt ? [c.startsAt.getTime()] : []));
        const ends = runs.flatMap((c) => (c.endsAt ? [c.endsAt.getTime()] : []));
        out.set(sku, {
          amount: s.amount,
          startsAt: starts.length ? new Date(Math.max(...starts)) : null,
          endsAt: ends.length ? new Date(Math.min(...ends)) : null,
        });
      }
      return out;
    },
  };
}
