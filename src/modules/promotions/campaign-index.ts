// Automatic campaigns indexed in memory by channel, SKU and category, so a cart looks at the few
// campaigns that could apply to it, not at thousands. Built once per cache refresh.
import type { PricingLine } from './evaluate.js';
import type { Campaign } from './promotions.types.js';

interface Bucket {
  /** Campaigns with no product condition: they may apply to any cart. */
  any: Campaign[];
  bySku: Map<string, Campaign[]>;
  byCategory: Map<string, Campaign[]>;
}

const ANY_CHANNEL = '*';

export interface CampaignIndex {
  readonly size: number;
  /** The campaigns that could apply to these lines on this channel (each once). */
  candidates(channelId: string, lines: readonly Pick<PricingLine, 'sku' | 'categories'>[]): Campaign[];
}

const push = <K>(map: Map<K, Campaign[]>, key: K, c: Campaign) => {
  const list = map.get(key);
  if (list) list.push(c);
  else map.set(key, [c]);
};

export function buildCampaignIndex(campaigns: readonly Campaign[]): CampaignIndex {
  const buckets = new Map<string, Bucket>();
  const bucket = (key: string) => {
    let b = buckets.get(key);
    if (!b) {
      b = { any: [], bySku: new Map(), byCategory: new Map() };
      buckets.set(key, b);
    }
    return b;
  };
  let size = 0;
  for (const c of campaigns) {
    if (c.kind !== 'automatic' || c.status !== 'active') continue;
    size++;
    const channels = c.conditions.channelIds?.length ? c.conditions.channelIds : [ANY_CHANNEL];
    for (const ch of channels) {
      const b = bucket(ch);
      const { skus, categories } = c.conditions;
      // A campaign narrowed by SKU is found through its SKUs (its categories are checked later).
      if (skus?.length) for (const s of skus) push(b.bySku, s, c);
      else if (categories?.length) for (const x of categories) push(b.byCategory, x, c);
      else b.any.push(c);
    }
  }
  return {
    size,
    candidates(channelId, lines) {
      const found = new Set<Campaign>();
      for (const key of [channelId, ANY_CHANNEL]) {
        const b = buckets.get(key);
        if (!b) continue;
        for (const c of b.any) found.add(c);
        for (const l of lines) {
          for (const c of b.bySku.get(l.sku) ?? []) found.add(c);
          for (const x of l.categories) for (const c of b.byCategory.get(x) ?? []) found.add(c);
        }
      }
      return [...found];
    },
  };
}
