// The pricing engine: one pure decision over plain data, the same for every channel. Given a cart's
// lines, the customer, the codes on the cart and the candidate campaigns, it answers which campaigns
// apply (their discount per line, in minor units) and why the others do not. No I/O, no clock read.
import { allocateByValue, percentOf } from './allocation.js';
import { bundle, buyXGetY } from './benefit-units.js';
import { type CampaignPlan, planOf } from './campaign-plan.js';
import type {
  AppliedCampaign,
  Campaign,
  Evaluation,
  NotApplied,
  NotAppliedReason,
} from './promotions.types.js';

export interface PricingLine {
  lineId: string;
  sku: string;
  quantity: number;
  unitPrice: number;
  categories: readonly string[];
}

export interface PricingCustomer {
  id: string;
  tags: readonly string[];
  stage: string | null;
  /** The CDP audiences the customer is in (read only when a candidate campaign asks for one). */
  audiences?: readonly string[];
}

export interface PricingInput {
  now: Date;
  channelId: string;
  currency: string;
  customer: PricingCustomer | null;
  lines: PricingLine[];
  /** The shipping price before discounts (0 for pickup and carry-out). */
  shipping: number;
  /** Automatic campaigns that may apply (the index's candidates). */
  automatic: Campaign[];
  /** Codes on the cart, each with its campaign and the code's own remaining uses, or unknown. */
  codes: Array<{ code: string; campaign: Campaign | null; codeExhausted: boolean }>;
  /** Uses this customer has already made, per campaign id. */
  customerUses: ReadonlyMap<string, number>;
  /** The product collections campaigns name (`conditions.collectionIds`), by id. */
  collections?: ReadonlyMap<string, CollectionMembers>;
}

export interface CollectionMembers {
  skus: readonly string[];
  categories: readonly string[];
}

/** True when the line is in one of the named collections (by SKU or by category). */
function inCollections(l: PricingLine, ids: readonly string[], collections?: PricingInput['collections']) {
  return ids.some((id) => {
    const c = collections?.get(id);
    return !!c && (c.skus.includes(l.sku) || l.categories.some((x) => c.categories.includes(x)));
  });
}

interface Candidate {
  campaign: CampaignPlan;
  code: string | null;
  lines: number[];
  shipping: number;
  /** lines + shipping, summed once (thousands of candidates sort on it). */
  total: number;
}

type Miss = { miss: Omit<NotApplied, 'campaignId' | 'name' | 'code'> };

const miss = (reason: NotAppliedReason, extra: Partial<NotApplied> = {}): Miss => ({
  miss: { reason, ...extra },
});

/**
 * The lines a set of product conditions lets in, with their spend, units and values, and the
 * per-line splits worked out on them: many campaigns give the same percentage or amount on the same
 * lines, so each split is computed once per cart (the arrays are only read).
 */
interface Eligibility {
  eligible: boolean[];
  spend: number;
  units: number;
  values: number[];
  splits: Map<string, number[]>;
  amounts: Map<number, number[]>;
  freeUnits: Map<string, { lines: number[]; units: number }>;
}

/** What every campaign of one evaluation shares, worked out once. */
interface CartFacts {
  all: Eligibility;
  zero: number[];
  /** By the campaigns' product key (CampaignPlan). */
  eligibility: Map<string, Eligibility>;
}

const eligibilityOf = (eligible: boolean[], spend: number, units: number, values: number[]) => ({
  eligible,
  spend,
  units,
  values,
  splits: new Map(),
  amounts: new Map(),
  freeUnits: new Map(),
});

function cartFacts(input: PricingInput): CartFacts {
  const values = input.lines.map((l) => l.quantity * l.unitPrice);
  return {
    all: eligibilityOf(
      input.lines.map(() => true),
      values.reduce((s, v) => s + v, 0),
      input.lines.reduce((s, l) => s + l.quantity, 0),
      values,
    ),
    zero: values.map(() => 0),
    eligibility: new Map(),
  };
}

/** The lines a campaign's product conditions let in, found once per cart for each set of conditions. */
function eligibleLines(c: Campaign, key: string | null, input: PricingInput, cart: CartFacts): Eligibility {
  if (key === null) return cart.all;
  let found = cart.eligibility.get(key);
  if (!found) {
    found = linesOf(c.conditions, input, cart);
    cart.eligibility.set(key, found);
  }
  return found;
}

function linesOf(cond: Campaign['conditions'], input: PricingInput, cart: CartFacts): Eligibility {
  const eligible = input.lines.map(
    (l) =>
      (!cond.skus?.length || cond.skus.includes(l.sku)) &&
      (!cond.categories?.length || l.categories.some((x) => cond.categories!.includes(x))) &&
      (!cond.collectionIds?.length || inCollections(l, cond.collectionIds, input.collections)),
  );
  let spend = 0;
  let units = 0;
  const values = cart.all.values.map((v, i) => {
    if (!eligible[i]) return 0;
    spend += v;
    units += input.lines[i]!.quantity;
    return v;
  });
  return eligibilityOf(eligible, spend, units, values);
}

/** `make()` once per cart for the same eligible lines and key. */
function memo<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let out = map.get(key);
  if (out === undefined) {
    out = make();
    map.set(key, out);
  }
  return out;
}

/** The checks every campaign passes before its benefit is computed, cheapest first. */
function check(
  c: Campaign,
  plan: CampaignPlan,
  input: PricingInput,
  cart: CartFacts,
  codeExhausted: boolean,
): Eligibility | Miss {
  if (!plan.active) return miss('paused');
  const now = input.now.getTime();
  if (plan.startsAt !== null && now < plan.startsAt) return miss('not_started');
  if (plan.endsAt !== null && now >= plan.endsAt) return miss('expired');
  if (plan.channelIds && !plan.channelIds.includes(input.channelId)) return miss('not_in_channel');
  if (codeExhausted || plan.exhausted) return miss('usage_exhausted');
  if (plan.perCustomerLimit !== null && input.customer) {
    if ((input.customerUses.get(plan.id) ?? 0) >= plan.perCustomerLimit) return miss('already_used');
  }
  if (plan.customerCondition) {
    const cond = c.conditions;
    const who = input.customer;
    const tagged = !cond.customerTags?.length || cond.customerTags.some((t) => who?.tags.includes(t));
    const staged = !cond.customerStages?.length || (who?.stage && cond.customerStages.includes(who.stage));
    const inAudience = !cond.audienceIds?.length || cond.audienceIds.some((a) => who?.audiences?.includes(a));
    if (!who || !tagged || !staged || !inAudience) return miss('customer_not_eligible');
  }
  if (plan.needsCurrency && plan.currency !== input.currency) return miss('currency_mismatch');
  const e = eligibleLines(c, plan.productKey, input, cart);
  const { spend, units } = e;
  if (!e.eligible.some(Boolean)) return miss('no_eligible_items');
  if (plan.minSpend !== null && spend < plan.minSpend) {
    return miss('min_spend_not_met', { missingAmount: plan.minSpend - spend, currency: input.currency });
  }
  if (plan.minQuantity !== null && units < plan.minQuantity) {
    return miss('min_quantity_not_met', { missingQuantity: plan.minQuantity - units });
  }
  return e;
}

const near = (c: Campaign, m: Partial<NotApplied> & { reason: NotAppliedReason }): NotApplied => ({
  campaignId: c.id,
  name: c.name,
  code: null,
  ...m,
});

interface Benefit {
  lines: number[];
  shipping: number;
  near: NotApplied | null;
}

/** The campaign's discount per line (and on shipping), or why it gives nothing yet. */
function benefitOf(
  c: Campaign,
  plan: CampaignPlan,
  input: PricingInput,
  cart: CartFacts,
  e: Eligibility,
): Benefit {
  const { eligible, values, spend } = e;
  const b = plan.benefit;
  switch (b.type) {
    case 'percentage': {
      const lines = memo(e.splits, plan.benefitKey!, () => values.map((v) => percentOf(v, b.percentBp)));
      return { lines, shipping: 0, near: null };
    }
    case 'fixed': {
      const amount = Math.min(b.amount, spend);
      return {
        lines: memo(e.amounts, amount, () => allocateByValue(amount, values)),
        shipping: 0,
        near: null,
      };
    }
    case 'free_shipping':
      return { lines: cart.zero, shipping: input.shipping, near: null };
    case 'buy_x_get_y': {
      const r = memo(e.freeUnits, plan.benefitKey!, () =>
        buyXGetY(input, eligible, b.buy, b.get, b.percentBp),
      );
      const group = b.buy + b.get;
      const short = r.units % group >= b.buy ? group - (r.units % group) : 0;
      const hint = short > 0 ? near(c, { reason: 'min_quantity_not_met', missingQuantity: short }) : null;
      return { lines: r.lines, shipping: 0, near: hint };
    }
    case 'bundle': {
      const r = bundle(input, eligible, b.items, b.price);
      const hint = r.short > 0 ? near(c, { reason: 'min_quantity_not_met', missingQuantity: r.short }) : null;
      return { lines: r.lines, shipping: 0, near: hint };
    }
    case 'tiered': {
      let reached: (typeof plan.tiers)[number] | undefined;
      let next: (typeof plan.tiers)[number] | undefined;
      for (const t of plan.tiers) {
        if (spend >= t.minSpend) reached = t;
        else if (!next) next = t;
      }
      const hint = next
        ? near(c, {
            reason: reached ? 'next_tier' : 'min_spend_not_met',
            missingAmount: next.minSpend - spend,
            currency: input.currency,
            nextAmount: next.amount,
          })
        : null;
      const amount = reached ? Math.min(reached.amount, spend) : 0;
      return {
        lines: memo(e.amounts, amount, () => allocateByValue(amount, values)),
        shipping: 0,
        near: hint,
      };
    }
  }
}

/** Which candidates apply together: see docs/promotions.md (stacking rules). */
function choose(candidates: Candidate[]): { chosen: Candidate[]; beaten: Map<Candidate, NotAppliedReason> } {
  const total = (c: Candidate) => c.total;
  // Ids are ASCII: compared by code unit (localeCompare costs far more and orders them the same).
  const byId = (a: Candidate, b: Candidate) =>
    a.campaign.id < b.campaign.id ? -1 : a.campaign.id > b.campaign.id ? 1 : 0;
  const rank = (a: Candidate, b: Candidate) =>
    b.campaign.priority - a.campaign.priority || total(b) - total(a) || byId(a, b);
  const beaten = new Map<Candidate, NotAppliedReason>();
  const exclusive = candidates.filter((c) => c.campaign.stacking === 'exclusive').sort(rank);
  if (exclusive.length > 0) {
    for (const c of candidates) if (c !== exclusive[0]) beaten.set(c, 'exclusive_applied');
    return { chosen: [exclusive[0]!], beaten };
  }
  const best = candidates
    .filter((c) => c.campaign.stacking === 'best_for_customer')
    .sort((a, b) => total(b) - total(a) || rank(a, b));
  for (const c of best.slice(1)) beaten.set(c, 'better_offer_applied');
  const chosen = [...candidates.filter((c) => c.campaign.stacking === 'stackable'), ...best.slice(0, 1)];
  return { chosen: chosen.sort(rank), beaten };
}

export function evaluateCart(input: PricingInput): Evaluation {
  const notApplied: NotApplied[] = [];
  const candidates: Candidate[] = [];
  const cart = cartFacts(input);
  const consider = (campaign: Campaign, plan: CampaignPlan, code: string | null, codeExhausted: boolean) => {
    const verdict = check(campaign, plan, input, cart, codeExhausted);
    if ('miss' in verdict) {
      // Automatic campaigns are many: only near misses are worth telling the shopper about.
      const near =
        verdict.miss.reason === 'min_spend_not_met' || verdict.miss.reason === 'min_quantity_not_met';
      if (code !== null || near)
        notApplied.push({ campaignId: plan.id, name: plan.name, code, ...verdict.miss });
      return;
    }
    const b = benefitOf(campaign, plan, input, cart, verdict);
    if (b.near) notApplied.push({ ...b.near, code });
    let total = b.shipping;
    for (const v of b.lines) total += v;
    if (b.lines.some((v) => v > 0) || b.shipping > 0)
      candidates.push({ campaign: plan, code, lines: b.lines, shipping: b.shipping, total });
    else if (!b.near)
      notApplied.push({ campaignId: plan.id, name: plan.name, code, reason: 'no_eligible_items' });
  };
  const seen = new Set<string>();
  for (const c of input.codes) {
    if (!c.campaign) {
      notApplied.push({ campaignId: null, name: null, code: c.code, reason: 'unknown_code' });
      continue;
    }
    seen.add(c.campaign.id);
    consider(c.campaign, planOf(c.campaign), c.code, c.codeExhausted);
  }
  for (const campaign of input.automatic) {
    const plan = planOf(campaign);
    if (plan.kind === 'automatic' && (seen.size === 0 || !seen.has(plan.id)))
      consider(campaign, plan, null, false);
  }
  const { chosen, beaten } = choose(candidates);
  for (const [c, reason] of beaten) {
    notApplied.push({ campaignId: c.campaign.id, name: c.campaign.name, code: c.code, reason });
  }
  return { applied: applyInOrder(input, chosen), notApplied };
}

/** Applies the chosen campaigns in order, each capped by what is left of every line and of shipping. */
function applyInOrder(input: PricingInput, chosen: Candidate[]): AppliedCampaign[] {
  const left = input.lines.map((l) => l.quantity * l.unitPrice);
  let shippingLeft = input.shipping;
  let allLeft = left.reduce((s, v) => s + v, 0) + shippingLeft;
  const applied: AppliedCampaign[] = [];
  for (const c of chosen) {
    // Once the lines and shipping are fully discounted, the rest take nothing.
    if (allLeft <= 0) break;
    const lines = c.lines.map((v, i) => Math.min(v, left[i]!));
    lines.forEach((v, i) => {
      left[i]! -= v;
    });
    const shipping = Math.min(c.shipping, shippingLeft);
    shippingLeft -= shipping;
    const amount = lines.reduce((s, v) => s + v, 0) + shipping;
    allLeft -= amount;
    if (amount === 0) continue;
    applied.push({
      campaignId: c.campaign.id,
      name: c.campaign.name,
      code: c.code,
      amount,
      shipping,
      lines: lines.map((v, i) => ({ lineId: input.lines[i]!.lineId, amount: v })).filter((l) => l.amount > 0),
    });
  }
  return applied;
}
