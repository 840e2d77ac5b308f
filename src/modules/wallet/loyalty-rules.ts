// Loyalty arithmetic over the rules: pure, so the rules read as a table and test without a database.
// Points are earned per whole currency unit paid (100 minor units), at the channel's rate when it has
// one, times the tier's multiplier, rounded down. A point pays `pointValue[currency]` minor units
// (default 1); a tender needs the points that cover it, rounded up.
import type { LoyaltyRules, LoyaltyTier } from './wallet.types.js';

/** Points earned on `paid` minor units on a channel, at a tier. */
export function pointsEarned(
  rules: LoyaltyRules,
  channelId: string,
  paid: number,
  tier: string | null,
): number {
  if (!rules.enabled || paid <= 0) return 0;
  const rate = rules.channels[channelId] ?? rules.pointsPerUnit;
  const multiplier = rules.tiers.find((t) => t.code === tier)?.multiplier ?? 1;
  return Math.floor((paid / 100) * rate * multiplier + 1e-9);
}

/** The highest tier whose threshold lifetime points reach, or null. */
export function tierFor(rules: LoyaltyRules, lifetime: number): LoyaltyTier | null {
  let best: LoyaltyTier | null = null;
  for (const t of rules.tiers)
    if (lifetime >= t.threshold && (!best || t.threshold > best.threshold)) best = t;
  return best;
}

/** The next tier above lifetime points, and how many points it still takes. */
export function nextTier(
  rules: LoyaltyRules,
  lifetime: number,
): { tier: LoyaltyTier; pointsToGo: number } | null {
  const above = rules.tiers
    .filter((t) => t.threshold > lifetime)
    .sort((a, b) => a.threshold - b.threshold)[0];
  return above ? { tier: above, pointsToGo: above.threshold - lifetime } : null;
}

/** Minor units one point pays in a currency. */
export const pointValue = (rules: LoyaltyRules, currency: string): number => rules.pointValue[currency] ?? 1;

/** Points a tender of `amount` minor units takes (rounded up: the shop never gives away a fraction). */
export const pointsForMoney = (rules: LoyaltyRules, currency: string, amount: number): number =>
  Math.ceil(amount / pointValue(rules, currency));
