// Loyalty arithmetic over the rules: pure, so the rules read as a table and test without a database.
// Points are earned per whole currency unit paid (100 minor units), at the channel's rate when it has
// one (or a line's category's rate), times the tier's multiplier, rounded down. A point pays `pointValue[currency]` minor units
// (default 1); a tender needs the points that cover it, rounded up.
import type { LoyaltyRules, LoyaltyTier } from './wallet.types.js';

/** A line of a paid order as earning sees it: what it cost (after discounts, with tax) and its categories. */
export interface EarnLine {
  amount: number;
  categories: readonly string[];
  /** The line's SKU and units: what a return names, to take back what the line earned. */
  sku?: string;
  quantity?: number;
}

/** Points per SKU of an order (what its lines earned, or what returned units took back). */
export interface PointsLine {
  sku: string;
  quantity: number;
  points: number;
}

/**
 * Points earned on `paid` minor units on a channel, at a tier. With `lines` (and the order's grand
 * total) and category rules, each line earns at its category's rate on its share of what was paid;
 * what is not a line (shipping) earns at the channel's rate. A channel at 0 earns none on any line.
 */
export function pointsEarned(
  rules: LoyaltyRules,
  channelId: string,
  paid: number,
  tier: string | null,
  order?: { lines: readonly EarnLine[]; grand: number },
): number {
  return earnedByLine(rules, channelId, paid, tier, order).points;
}

/**
 * Points earned (as pointsEarned) and how they split over the order's SKUs: each line's share of the
 * whole points rounded down, the points left by rounding to the largest fractions (lines first, then
 * shipping), so the SKUs' points and the shipping's add up to exactly what was earned. A return takes
 * back what its SKUs earned here, whatever the rules say by then.
 */
export function earnedByLine(
  rules: LoyaltyRules,
  channelId: string,
  paid: number,
  tier: string | null,
  order?: { lines: readonly EarnLine[]; grand: number },
): { points: number; lines: PointsLine[] } {
  if (!rules.enabled || paid <= 0) return { points: 0, lines: [] };
  const rate = rules.channels[channelId] ?? rules.pointsPerUnit;
  const multiplier = rules.tiers.find((t) => t.code === tier)?.multiplier ?? 1;
  if (!order || order.grand <= 0 || rate <= 0)
    return { points: Math.floor((paid / 100) * rate * multiplier + 1e-9), lines: [] };
  const byCategory = Object.keys(rules.categories).length > 0;
  // What was paid is spread over the order in proportion (a wallet tender paid a share of every line).
  const share = Math.min(1, paid / order.grand);
  const units = order.lines.map(
    (l) => ((l.amount * share) / 100) * (byCategory ? (categoryRate(rules, l.categories) ?? rate) : rate),
  );
  const rest = Math.max(0, order.grand - order.lines.reduce((s, l) => s + l.amount, 0));
  units.push(((rest * share) / 100) * rate);
  const total = byCategory ? units.reduce((s, u) => s + u, 0) : (paid / 100) * rate;
  const points = Math.floor(total * multiplier + 1e-9);
  const split = largestRemainder(
    units.map((u) => u * multiplier),
    points,
  );
  const bySku = new Map<string, PointsLine>();
  order.lines.forEach((l, i) => {
    const sku = l.sku ?? `#${i}`;
    const at = bySku.get(sku) ?? { sku, quantity: 0, points: 0 };
    at.quantity += l.quantity ?? 1;
    at.points += split[i] ?? 0;
    bySku.set(sku, at);
  });
  return { points, lines: [...bySku.values()] };
}

/** Whole shares of `total` in proportion to `weights`: floors, then one more to the largest fractions. */
function largestRemainder(weights: number[], total: number): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  if (sum <= 0 || total <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (w * total) / sum);
  const out = exact.map((x) => Math.floor(x + 1e-9));
  let left = total - out.reduce((s, x) => s + x, 0);
  const order = exact
    .map((x, i) => ({ i, f: x - Math.floor(x + 1e-9) }))
    .sort((a, b) => b.f - a.f || a.i - b.i);
  for (let k = 0; left > 0 && order.length > 0; k = (k + 1) % order.length, left--) out[order[k]!.i]! += 1;
  return out;
}

/**
 * What returning units takes back of the points their SKUs earned: per SKU, the points of all its
 * units returned so far (this return included) rounded down, less what earlier returns took, so a
 * SKU returned in any number of parts gives back exactly what it earned once every unit is back.
 * `before`: units of each SKU returned earlier. Units beyond what was bought count as none.
 */
export function returnedPoints(
  earned: readonly PointsLine[],
  before: ReadonlyMap<string, number>,
  returning: ReadonlyArray<{ sku: string; quantity: number }>,
): { points: number; lines: PointsLine[] } {
  const asked = new Map<string, number>();
  for (const r of returning) asked.set(r.sku, (asked.get(r.sku) ?? 0) + r.quantity);
  const lines: PointsLine[] = [];
  for (const [sku, quantity] of asked) {
    const e = earned.find((x) => x.sku === sku);
    // A SKU that earned nothing gives nothing back (and has no rounding to keep count of).
    if (!e || e.quantity <= 0 || e.points <= 0 || quantity <= 0) continue;
    const prev = Math.min(e.quantity, before.get(sku) ?? 0);
    const now = Math.min(e.quantity, prev + quantity);
    if (now === prev) continue;
    const points = Math.floor((e.points * now) / e.quantity) - Math.floor((e.points * prev) / e.quantity);
    lines.push({ sku, quantity: now - prev, points });
  }
  return { points: lines.reduce((s, l) => s + l.points, 0), lines };
}

/**
 * The rate category rules give a line, or undefined when none covers it: per category the most
 * specific rule (itself, else its nearest parent path), and the lowest across the line's categories
 * (an excluded category keeps a line from earning even when it is also in another).
 */
export function categoryRate(rules: LoyaltyRules, categories: readonly string[]): number | undefined {
  let lowest: number | undefined;
  for (const category of categories) {
    let path = category;
    let rate = rules.categories[path];
    while (rate === undefined && path.includes('/')) {
      path = path.slice(0, path.lastIndexOf('/'));
      rate = rules.categories[path];
    }
    if (rate !== undefined && (lowest === undefined || rate < lowest)) lowest = rate;
  }
  return lowest;
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
