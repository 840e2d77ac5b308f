// Automatic campaigns indexed in memory by channel, SKU and category, so a cart looks at the few
// campaigns that could apply to it, not at thousands. Built once per cache refresh.

import { planOf } from './campaign-plan.js';
import type { CollectionMembers, PricingLine } from './evaluate.js';
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

/** The SKUs and categories a campaign is found through; none: it may apply to any cart. */
function keysOf(c: Campaign, collections: ReadonlyMap<string, CollectionMembers>) {
  const { skus, categories, collectionIds } = c.conditions;
  // A campaign narrowed by SKU is found through its SKUs (its other conditions are checked later).
  if (skus?.length) return { skus, categories: [] };
  if (categories?.length) return { skus: [], categories };
  if (collectionIds?.length) {
    const members = collectionIds.map((id) => collections.get(id)).filter((m) => m !== undefined);
    return { skus: members.flatMap((m) => m.skus), categories: members.flatMap((m) => m.categories) };
  }
  if (c.benefit.type === 'bundle') return { skus: c.benefit.items.map((i) => i.sku), categories: [] };
  return null;
}

export function buildCampaignIndex(
  campaigns: readonly Campaign[],
  collections: ReadonlyMap<string, CollectionMembers> = new Map(),
): CampaignIndex {
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
    // Worked out now, when campaigns change, rather than by the first quote.
    planOf(c);
    const channels = c.conditions.channelIds?.length ? new Set(c.conditions.channelIds) : [ANY_CHANNEL];
    for (const ch of channels) {
      const b = bucket(ch);
      const keys = keysOf(c, collections);
      if (!keys) b.any.push(c);
      else {
        for (const s of keys.skus) push(b.bySku, s, c);
        for (const x of keys.categories) push(b.byCategory, x, c);
      }
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
