// What the engine needs of a campaign beyond its stored fields, worked out once per campaign object
// (the cache builds new objects when campaigns change) instead of once per quote: with thousands of
// candidates per cart, string keys and sorted tiers made per quote were most of its cost.
import type { Campaign } from './promotions.types.js';

/**
 * The fields every evaluation reads of every candidate, on one object shape: campaigns differ in
 * which optional fields they have, so reading them straight off thousands of campaigns is slow.
 */
export interface CampaignPlan {
  id: string;
  name: string;
  kind: Campaign['kind'];
  stacking: Campaign['stacking'];
  priority: number;
  active: boolean;
  startsAt: number | null;
  endsAt: number | null;
  channelIds: readonly string[] | null;
  /** The campaign's own usage limit is reached. */
  exhausted: boolean;
  perCustomerLimit: number | null;
  currency: string | null;
  minSpend: number | null;
  minQuantity: number | null;
  benefit: Campaign['benefit'];
  /** The product conditions as one key: campaigns naming the same ones share their eligible lines. */
  productKey: string | null;
  /** The benefit needs the cart's currency to be the campaign's. */
  needsCurrency: boolean;
  /** Narrowed by customer tags, journey stage or audience. */
  customerCondition: boolean;
  /** Tiers by ascending minimum spend (tiered benefits). */
  tiers: ReadonlyArray<{ minSpend: number; amount: number }>;
  /** The key of a benefit whose per-line split depends only on the eligible lines. */
  benefitKey: string | null;
}

// Campaigns are never changed in place (a change is a new object from the store), so a plan made
// for an object stays true for it.
const plans = new WeakMap<Campaign, CampaignPlan>();

export function planOf(c: Campaign): CampaignPlan {
  let plan = plans.get(c);
  if (!plan) {
    plan = makePlan(c);
    plans.set(c, plan);
  }
  return plan;
}

function makePlan(c: Campaign): CampaignPlan {
  const cond = c.conditions;
  const b = c.benefit;
  const product = !!(cond.skus?.length || cond.categories?.length || cond.collectionIds?.length);
  return {
    id: c.id,
    name: c.name,
    kind: c.kind,
    stacking: c.stacking,
    priority: c.priority,
    active: c.status === 'active',
    startsAt: c.startsAt ? c.startsAt.getTime() : null,
    endsAt: c.endsAt ? c.endsAt.getTime() : null,
    channelIds: cond.channelIds?.length ? cond.channelIds : null,
    exhausted: c.usageLimit !== null && c.used >= c.usageLimit,
    perCustomerLimit: c.perCustomerLimit,
    currency: c.currency,
    minSpend: cond.minSpend ?? null,
    minQuantity: cond.minQuantity ?? null,
    benefit: b,
    productKey: product
      ? `${cond.skus?.join('\n') ?? ''}\t${cond.categories?.join('\n') ?? ''}\t${cond.collectionIds?.join('\n') ?? ''}`
      : null,
    needsCurrency:
      cond.minSpend !== undefined || b.type === 'fixed' || b.type === 'tiered' || b.type === 'bundle',
    customerCondition: !!(
      cond.customerTags?.length ||
      cond.customerStages?.length ||
      cond.audienceIds?.length
    ),
    tiers: b.type === 'tiered' ? [...b.tiers].sort((x, y) => x.minSpend - y.minSpend) : [],
    benefitKey:
      b.type === 'percentage'
        ? `%${b.percentBp}`
        : b.type === 'buy_x_get_y'
          ? `x${b.buy}/${b.get}/${b.percentBp}`
          : null,
  };
}
