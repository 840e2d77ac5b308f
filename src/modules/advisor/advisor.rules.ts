// The advisor's rules, as a table: each names what it recommends, when it fires (the retailer's own
// answers and the measured score), its weight and its reason. A recommendation's priority is the sum
// of the weights of its rules that fired (a negative weight holds a recommendation back); those with
// a positive priority are advised, highest first. Pure: no I/O, the same input gives the same advice.
import {
  type Advice,
  type AdvisorInput,
  CHANNEL_RECOMMENDATIONS,
  type Goal,
  type RecommendationCode,
} from './advisor.types.js';

export interface AdvisorRule {
  id: string;
  recommends: RecommendationCode;
  weight: number;
  when: (i: AdvisorInput) => boolean;
  reason: string;
}

const has = (i: AdvisorInput, type: string) => i.channelTypes.includes(type);
const goal = (i: AdvisorInput, ...g: Goal[]) => g.some((x) => i.profile.goals.includes(x));
const online = (i: AdvisorInput) => has(i, 'web') || has(i, 'mobile_app');
const small = (i: AdvisorInput) => i.profile.yearsInBusiness < 2 || i.profile.annualOrders < 2_000;

export const ADVISOR_RULES: readonly AdvisorRule[] = [
  {
    id: 'no_webshop',
    recommends: 'web',
    weight: 90,
    when: (i) => !has(i, 'web'),
    reason:
      'Customers look a shop up online before they visit; click & collect and hand-offs need a webshop.',
  },
  {
    id: 'loyal_customers_app',
    recommends: 'mobile_app',
    weight: 60,
    when: (i) => !has(i, 'mobile_app') && i.profile.loyalty === 'high' && i.profile.annualOrders >= 10_000,
    reason:
      'Frequent, loyal customers open an app more than a website; it carries their wallet and pickup codes.',
  },
  {
    id: 'showroom_for_touch_goods',
    recommends: 'store',
    weight: 40,
    when: (i) =>
      !has(i, 'store') &&
      ['fashion', 'beauty', 'home'].includes(i.profile.commerceType) &&
      i.profile.customerHabits !== 'digital_first' &&
      i.profile.yearsInBusiness >= 3,
    reason:
      'Goods people want to see and try sell better with a place to do it; a store also takes pickups and returns.',
  },
  {
    id: 'reach_on_marketplaces',
    recommends: 'marketplace',
    weight: 55,
    when: (i) =>
      !has(i, 'marketplace') &&
      goal(i, 'new_customers', 'grow_online') &&
      i.profile.commerceType !== 'grocery',
    reason:
      'Marketplaces bring shoppers who do not know the brand yet; the hub keeps their stock and prices in step.',
  },
  {
    id: 'social_for_digital_customers',
    recommends: 'social',
    weight: 50,
    when: (i) =>
      !has(i, 'social') &&
      i.profile.customerHabits === 'digital_first' &&
      goal(i, 'new_customers', 'grow_online'),
    reason:
      'Digital-first customers discover products on social media; a social shop lets them buy where they look.',
  },
  {
    id: 'young_business_focus',
    recommends: 'marketplace',
    weight: -60,
    when: small,
    reason: 'A young or small business does best mastering a few channels before adding a marketplace.',
  },
  {
    id: 'young_business_no_app',
    recommends: 'mobile_app',
    weight: -60,
    when: small,
    reason: 'An app pays off with many returning customers; a young or small business has too few yet.',
  },
  {
    id: 'messaging_for_service',
    recommends: 'messaging',
    weight: 50,
    when: (i) =>
      i.inboxKinds.length < 2 &&
      (goal(i, 'service') || ['electronics', 'b2b'].includes(i.profile.commerceType)),
    reason:
      'Customers expect to ask questions on chat or WhatsApp, not only email; the inbox keeps them on one timeline.',
  },
  {
    id: 'unknown_customers',
    recommends: 'identity',
    weight: 70,
    when: (i) => i.scores.identity < 60,
    reason:
      'Too few orders and visits are tied to a known customer: nothing else can follow them across channels.',
  },
  {
    id: 'retention_needs_identity',
    recommends: 'identity',
    weight: 20,
    when: (i) => i.scores.identity < 80 && goal(i, 'retention'),
    reason:
      'Keeping customers starts with recognising them on every channel (sign-in, loyalty card, email at the till).',
  },
  {
    id: 'channels_out_of_sync',
    recommends: 'sync',
    weight: 85,
    when: (i) => i.scores.sync < 80,
    reason:
      'Some channels sell with stock, prices or listings the hub has not pushed: oversold items and wrong prices.',
  },
  {
    id: 'click_collect_for_stores',
    recommends: 'click_collect',
    weight: 65,
    when: (i) => has(i, 'store') && online(i) && i.scores.click_collect < 50,
    reason:
      'Stores and a webshop are there, but few orders are collected in store: it saves shipping and brings visits.',
  },
  {
    id: 'click_collect_store_traffic',
    recommends: 'click_collect',
    weight: 20,
    when: (i) => has(i, 'store') && i.scores.click_collect < 80 && goal(i, 'store_traffic'),
    reason: 'Pickups bring customers into the store, where one in several buys something more.',
  },
  {
    id: 'grocery_click_collect',
    recommends: 'click_collect',
    weight: 15,
    when: (i) => has(i, 'store') && i.profile.commerceType === 'grocery' && i.scores.click_collect < 80,
    reason: 'Grocery shoppers favour collecting a basket on their way home over waiting for a delivery slot.',
  },
  {
    id: 'return_anywhere_for_stores',
    recommends: 'return_anywhere',
    weight: 55,
    when: (i) => has(i, 'store') && online(i) && i.scores.return_anywhere < 50,
    reason:
      'Online orders are hardly ever returned in a store: easy returns raise what people dare to buy online.',
  },
  {
    id: 'fashion_returns',
    recommends: 'return_anywhere',
    weight: 20,
    when: (i) => i.profile.commerceType === 'fashion' && has(i, 'store') && i.scores.return_anywhere < 80,
    reason: 'Fashion has the most returns; a return in store is often an exchange instead of a refund.',
  },
  {
    id: 'handoffs_for_mixed_customers',
    recommends: 'handoffs',
    weight: 45,
    when: (i) =>
      has(i, 'store') && online(i) && i.scores.handoffs < 50 && i.profile.customerHabits !== 'digital_first',
    reason:
      'Customers who browse online and buy in store (or the other way round) should find their cart there.',
  },
  {
    id: 'loyalty_not_everywhere',
    recommends: 'loyalty_everywhere',
    weight: 60,
    when: (i) => i.scores.loyalty < 70 && (i.profile.loyalty !== 'low' || goal(i, 'retention')),
    reason:
      'Points that work on one channel only teach loyal customers to stay on it; earn and spend everywhere.',
  },
  {
    id: 'conversations_off_timeline',
    recommends: 'unified_inbox',
    weight: 55,
    when: (i) => i.scores.conversations < 60 && goal(i, 'service', 'retention'),
    reason:
      'Conversations not linked to a customer leave agents without the orders and history behind a question.',
  },
  {
    id: 'campaigns_on_some_channels',
    recommends: 'omni_campaigns',
    weight: 40,
    when: (i) => i.scores.campaigns < 70 && goal(i, 'grow_online', 'store_traffic', 'new_customers'),
    reason:
      'A promotion that works online but not in store (or the reverse) disappoints customers who see it.',
  },
  {
    id: 'efficiency_automation',
    recommends: 'sync',
    weight: 15,
    when: (i) => i.scores.sync < 100 && goal(i, 'efficiency'),
    reason: 'Synced stock and prices save keeping each channel by hand.',
  },
];

const CHANNELS: ReadonlySet<RecommendationCode> = new Set(CHANNEL_RECOMMENDATIONS);

/**
 * What to integrate next and why: the recommendations whose fired rules sum to a positive priority,
 * highest first (ties in table order), at most `max`.
 */
export function advise(
  input: AdvisorInput,
  rules: readonly AdvisorRule[] = ADVISOR_RULES,
  max = 6,
): Advice[] {
  const byCode = new Map<RecommendationCode, Advice>();
  for (const r of rules) {
    if (!r.when(input)) continue;
    const a = byCode.get(r.recommends) ?? {
      code: r.recommends,
      kind: CHANNELS.has(r.recommends) ? ('channel' as const) : ('capability' as const),
      priority: 0,
      reasons: [],
    };
    a.priority += r.weight;
    a.reasons.push({ rule: r.id, weight: r.weight, text: r.reason });
    byCode.set(r.recommends, a);
  }
  return [...byCode.values()]
    .filter((a) => a.priority > 0)
    .sort((a, b) => b.priority - a.priority)
    .slice(0, max);
}
