// Attribution models as pure functions: each turns one order's touchpoints (oldest first, already cut
// to the lookback window) into integer credit in minor units that sums exactly to the order's revenue.
// Weights are fractions; the largest-remainder method hands out the leftover units, ties to the
// earlier touchpoint, so the same journey always credits the same way.

export const ATTRIBUTION_MODELS = [
  'first_touch',
  'last_touch',
  'last_non_direct',
  'linear',
  'position_based',
  'time_decay',
] as const;
export type AttributionModel = (typeof ATTRIBUTION_MODELS)[number];

export interface Touch {
  channel: string;
  campaign: string | null;
  /** Milliseconds since the epoch. */
  at: number;
  /** A visit with no campaign (typed address, bookmark): skipped by last non-direct. */
  direct: boolean;
}

export interface AttributedOrder {
  orderId: string;
  /** The channel the order was placed on: credited in full when no touchpoint precedes it. */
  channel: string;
  currency: string;
  revenue: number;
  at: number;
  touches: Touch[];
}

export interface AttributionOptions {
  /** Time decay: a touchpoint this many days older than the order weighs half as much. */
  halfLifeDays: number;
}

const DAY_MS = 86_400_000;

/** Splits an integer amount by weights into integers summing to it (largest remainder, ties first). */
export function splitByWeights(amount: number, weights: number[]): number[] {
  const total = weights.reduce((s, w) => s + w, 0);
  if (weights.length === 0) return [];
  if (!(total > 0))
    return splitByWeights(
      amount,
      weights.map(() => 1),
    );
  const exact = weights.map((w) => (amount * w) / total);
  const out = exact.map((x) => Math.floor(x));
  let left = amount - out.reduce((s, x) => s + x, 0);
  const order = exact
    .map((x, i) => ({ i, frac: x - Math.floor(x) }))
    .sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) out[order[k]!.i]! += 1;
  return out;
}

/** The weight each touchpoint gets under a model (any non-negative scale). */
export function modelWeights(
  model: AttributionModel,
  touches: Touch[],
  orderAt: number,
  opts: AttributionOptions,
): number[] {
  const n = touches.length;
  const w = touches.map(() => 0);
  if (n === 0) return w;
  switch (model) {
    case 'first_touch':
      w[0] = 1;
      return w;
    case 'last_touch':
      w[n - 1] = 1;
      return w;
    case 'last_non_direct': {
      let i = n - 1;
      while (i > 0 && touches[i]!.direct) i--;
      // Every touchpoint direct: the last one, like last touch.
      w[touches[i]!.direct ? n - 1 : i] = 1;
      return w;
    }
    case 'linear':
      return touches.map(() => 1);
    case 'position_based':
      if (n === 1) return [1];
      if (n === 2) return [1, 1];
      return touches.map((_, i) => (i === 0 || i === n - 1 ? 40 : 20 / (n - 2)));
    case 'time_decay': {
      const half = Math.max(opts.halfLifeDays, 1 / 24) * DAY_MS;
      return touches.map((t) => 2 ** (-Math.max(0, orderAt - t.at) / half));
    }
  }
}

export interface Credit {
  channel: string;
  campaign: string | null;
  amount: number;
}

/** One order's credit under a model, one entry per touchpoint (or the order's channel alone). */
export function creditOrder(
  model: AttributionModel,
  order: AttributedOrder,
  opts: AttributionOptions,
): Credit[] {
  if (order.touches.length === 0) return [{ channel: order.channel, campaign: null, amount: order.revenue }];
  const parts = splitByWeights(order.revenue, modelWeights(model, order.touches, order.at, opts));
  return order.touches.map((t, i) => ({ channel: t.channel, campaign: t.campaign, amount: parts[i]! }));
}

export interface AttributionRow {
  model: AttributionModel;
  /** A channel, or a campaign (`null`: credit that came through no campaign). */
  key: string | null;
  currency: string;
  credited: number;
  /** Orders with any credit to this key. */
  orders: number;
}

/** Every model side by side, summed per channel and per campaign (and currency). */
export function attribute(
  orders: AttributedOrder[],
  opts: AttributionOptions,
  models: readonly AttributionModel[] = ATTRIBUTION_MODELS,
): { byChannel: AttributionRow[]; byCampaign: AttributionRow[] } {
  const byChannel = new Map<string, AttributionRow>();
  const byCampaign = new Map<string, AttributionRow>();
  const add = (
    into: Map<string, AttributionRow>,
    model: AttributionModel,
    key: string | null,
    currency: string,
    amount: number,
    seen: Set<string>,
  ) => {
    const id = `${model}\u0000${key ?? ''}\u0000${currency}`;
    const row = into.get(id) ?? { model, key, currency, credited: 0, orders: 0 };
    row.credited += amount;
    if (!seen.has(id)) {
      seen.add(id);
      row.orders++;
    }
    into.set(id, row);
  };
  for (const o of orders) {
    for (const model of models) {
      const seenChannels = new Set<string>();
      const seenCampaigns = new Set<string>();
      for (const c of creditOrder(model, o, opts)) {
        if (c.amount === 0 && o.revenue !== 0) continue;
        add(byChannel, model, c.channel, o.currency, c.amount, seenChannels);
        add(byCampaign, model, c.campaign, o.currency, c.amount, seenCampaigns);
      }
    }
  }
  const sorted = (m: Map<string, AttributionRow>) => [...m.values()].sort(compareAttributionRows);
  return { byChannel: sorted(byChannel), byCampaign: sorted(byCampaign) };
}

/** One total order for attribution rows, so the rollup and the per-request answer list rows alike. */
export function compareAttributionRows(a: AttributionRow, b: AttributionRow): number {
  return (
    a.model.localeCompare(b.model) ||
    b.credited - a.credited ||
    (a.key ?? '').localeCompare(b.key ?? '') ||
    a.currency.localeCompare(b.currency)
  );
}
