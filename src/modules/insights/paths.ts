// Journeys across channels as pure functions over customers' touchpoints (oldest first): the common
// channel paths up to the first order, with counts, time between steps and conversion, and funnels
// whose steps may each happen on any channel.

export const TOUCH_KINDS = ['session', 'campaign', 'message', 'cart', 'order'] as const;
export type TouchKind = (typeof TOUCH_KINDS)[number];

export interface JourneyTouch {
  channel: string;
  kind: TouchKind;
  at: number;
}

export interface PathRow {
  /** Channels in the order the customer used them (repeats in a row folded into one step). */
  steps: string[];
  customers: number;
  /** Customers whose path ended in an order. */
  converted: number;
  /** Average milliseconds from each step to the next (steps.length - 1 entries). */
  avgGapMs: number[];
}

/** The longest path kept: longer journeys keep their last steps (what led to the order). */
export const MAX_PATH_STEPS = 6;

export function channelPaths(journeys: JourneyTouch[][], limit = 20): PathRow[] {
  const byPath = new Map<string, { steps: string[]; customers: number; converted: number; gaps: number[] }>();
  for (const touches of journeys) {
    const steps: Array<{ channel: string; at: number }> = [];
    let converted = false;
    for (const t of touches) {
      if (steps.length === 0 || steps[steps.length - 1]!.channel !== t.channel)
        steps.push({ channel: t.channel, at: t.at });
      if (t.kind === 'order') {
        converted = true;
        break;
      }
    }
    if (steps.length === 0) continue;
    const kept = steps.slice(-MAX_PATH_STEPS);
    const key = kept.map((s) => s.channel).join('\u0000');
    const row = byPath.get(key) ?? {
      steps: kept.map((s) => s.channel),
      customers: 0,
      converted: 0,
      gaps: kept.slice(1).map(() => 0),
    };
    row.customers++;
    if (converted) row.converted++;
    for (let i = 1; i < kept.length; i++) row.gaps[i - 1]! += kept[i]!.at - kept[i - 1]!.at;
    byPath.set(key, row);
  }
  return [...byPath.values()]
    .sort(
      (a, b) =>
        b.customers - a.customers ||
        b.converted - a.converted ||
        a.steps.join().localeCompare(b.steps.join()),
    )
    .slice(0, limit)
    .map((r) => ({
      steps: r.steps,
      customers: r.customers,
      converted: r.converted,
      avgGapMs: r.gaps.map((g) => Math.round(g / r.customers)),
    }));
}

export interface FunnelStep {
  kind: TouchKind;
  customers: number;
  /** Customers reaching the step, by the channel they reached it on. */
  byChannel: Record<string, number>;
}

/** How many customers reach each step in order, each step on whatever channel it happened on. */
export function funnel(journeys: JourneyTouch[][], kinds: TouchKind[]): FunnelStep[] {
  const out: FunnelStep[] = kinds.map((kind) => ({ kind, customers: 0, byChannel: {} }));
  for (const touches of journeys) {
    let step = 0;
    for (const t of touches) {
      if (step === kinds.length) break;
      if (t.kind !== kinds[step]) continue;
      const s = out[step]!;
      s.customers++;
      s.byChannel[t.channel] = (s.byChannel[t.channel] ?? 0) + 1;
      step++;
    }
  }
  return out;
}
