// What the projection adds to the rollups for the orders and touchpoints it just recorded, as pure
// functions: each order is credited once, under the default lookback and half-life, by the same
// attribution functions the per-request reads use (so the rollup equals them); the path that led to it;
// customers' progress through the default funnel.
import { type AttributedOrder, type AttributionOptions, attribute } from './attribution.js';
import type { AddedOrder, OrderCredit, StoredTouch } from './insights.types.js';
import { channelPaths, type TouchKind } from './paths.js';
import type { CreditDelta, FunnelProgress, PathDelta } from './rollups.repository.js';

/** The parameters the rollup credits with; a read asking for others is computed per request. */
export const ROLLUP_ATTRIBUTION: AttributionOptions & { lookbackDays: number } = {
  lookbackDays: 30,
  halfLifeDays: 7,
};
/** The funnel the rollup follows; a read asking for other steps is computed per request. */
export const ROLLUP_FUNNEL: readonly TouchKind[] = ['session', 'cart', 'order'];

/** Direct: a visit that came through no campaign. */
export const isDirect = (t: StoredTouch) => t.kind === 'session' && !t.source && !t.campaign;

/** The attribution input of an order and its touchpoints (oldest first, the lookback applied). */
export function attributedOrder(
  o: Omit<AddedOrder, 'orderId'> & { orderId: string },
  touches: StoredTouch[],
): AttributedOrder {
  return {
    orderId: o.orderId,
    channel: o.channelId,
    currency: o.currency,
    revenue: o.revenue,
    at: o.placedAt.getTime(),
    touches: (o.customerId ? touches : []).map((t) => ({
      channel: t.channel,
      campaign: t.campaign,
      at: t.at.getTime(),
      direct: isDirect(t),
    })),
  };
}

/** One order's credit under every model, as stored on it and added to the rollup. */
export function creditOf(order: AttributedOrder): OrderCredit {
  const { byChannel, byCampaign } = attribute([order], ROLLUP_ATTRIBUTION);
  return [
    ...byChannel.map((r) => [r.model, 'channel', r.key ?? '', r.credited] as OrderCredit[number]),
    ...byCampaign.map((r) => [r.model, 'campaign', r.key ?? '', r.credited] as OrderCredit[number]),
  ];
}

/** Rollup rows for an order's credit (sign -1 takes a cancelled order's credit back). */
export function creditDeltas(o: AddedOrder, credit: OrderCredit, sign: 1 | -1): CreditDelta[] {
  return credit.map(([model, dim, key, amount]) => ({
    placedAt: o.placedAt,
    channelId: o.channelId,
    model,
    dim,
    key,
    currency: o.currency,
    credited: sign * amount,
    orders: sign,
  }));
}

/** The path to an order: its lookback touchpoints since the customer's previous order, then the order. */
export function pathOf(o: AddedOrder, touches: StoredTouch[]): PathDelta {
  const lastOrder = touches.findLastIndex((t) => t.kind === 'order');
  const journey = [
    ...touches.slice(lastOrder + 1).map((t) => ({ channel: t.channel, kind: t.kind, at: t.at.getTime() })),
    { channel: o.channelId, kind: 'order' as const, at: o.placedAt.getTime() },
  ];
  const [row] = channelPaths([journey], 1);
  return { placedAt: o.placedAt, channelId: o.channelId, steps: row!.steps, gaps: row!.avgGapMs };
}

/**
 * Advances customers through the default funnel with touchpoints just recorded (oldest first per
 * customer); answers the progress rows that moved.
 */
export function advanceFunnel(known: FunnelProgress[], touches: StoredTouch[]): FunnelProgress[] {
  const by = new Map(known.map((f) => [f.customerId, { ...f, channels: [...f.channels] }]));
  const moved = new Set<string>();
  const sorted = [...touches].sort(
    (a, b) => a.customerId.localeCompare(b.customerId) || a.at.getTime() - b.at.getTime(),
  );
  for (const t of sorted) {
    const f = by.get(t.customerId);
    const reached = f?.reached ?? 0;
    if (reached >= ROLLUP_FUNNEL.length || t.kind !== ROLLUP_FUNNEL[reached]) continue;
    if (f) {
      f.reached++;
      f.channels.push(t.channel);
    } else
      by.set(t.customerId, { customerId: t.customerId, reached: 1, startedAt: t.at, channels: [t.channel] });
    moved.add(t.customerId);
  }
  return [...moved].map((id) => by.get(id)!);
}
