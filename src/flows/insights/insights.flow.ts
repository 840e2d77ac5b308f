// The dashboard's reads: the insights module's projections with the channels' names and types beside
// them (the channels module), per-channel totals over a range, and CSV of every table shown.
import { stringify } from 'csv-stringify/sync';
import type { ChannelsService } from '../../modules/channels/index.js';
import type {
  AttributionQuery,
  DailyRow,
  InsightsService,
  OrderFilter,
  Range,
  TouchKind,
} from '../../modules/insights/index.js';
import { ROLLUP_ATTRIBUTION, ROLLUP_FUNNEL } from '../../modules/insights/index.js';
import { createTtlCache } from '../../platform/cache/ttl-cache.js';
import type { Ctx } from '../../platform/context.js';
import { neutraliseFormula } from '../import-export/index.js';
import { cohortsOf, ltvOf, responseRowsOf } from './cohorts.js';
import { rebuildInsights } from './projection.js';

export interface ChannelTotals {
  channelId: string;
  currency: string;
  orders: number;
  revenue: number;
  averageOrderValue: number;
  refunded: number;
  returns: number;
  returnRate: number;
  newCustomers: number;
  returningCustomers: number;
  clickCollectShare: number;
  averagePickupSeconds: number | null;
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : Math.round((a / b) * 10_000) / 10_000);

/** Sums daily rows per channel and currency. */
export function totalsOf(days: DailyRow[]): ChannelTotals[] {
  const by = new Map<string, DailyRow>();
  for (const d of days) {
    const k = `${d.channelId}\u0000${d.currency}`;
    const t = by.get(k) ?? {
      ...d,
      orders: 0,
      revenue: 0,
      refunded: 0,
      returns: 0,
      newCustomers: 0,
      returningCustomers: 0,
      pickupOrders: 0,
      pickedUp: 0,
      pickupSeconds: 0,
    };
    t.orders += d.orders;
    t.revenue += d.revenue;
    t.refunded += d.refunded;
    t.returns += d.returns;
    t.newCustomers += d.newCustomers;
    t.returningCustomers += d.returningCustomers;
    t.pickupOrders += d.pickupOrders;
    t.pickedUp += d.pickedUp;
    t.pickupSeconds += d.pickupSeconds;
    by.set(k, t);
  }
  return [...by.values()]
    .sort((a, b) => b.revenue - a.revenue || a.channelId.localeCompare(b.channelId))
    .map((t) => ({
      channelId: t.channelId,
      currency: t.currency,
      orders: t.orders,
      revenue: t.revenue,
      averageOrderValue: t.orders === 0 ? 0 : Math.round(t.revenue / t.orders),
      refunded: t.refunded,
      returns: t.returns,
      returnRate: ratio(t.returns, t.orders),
      newCustomers: t.newCustomers,
      returningCustomers: t.returningCustomers,
      clickCollectShare: ratio(t.pickupOrders, t.orders),
      averagePickupSeconds: t.pickedUp === 0 ? null : Math.round(t.pickupSeconds / t.pickedUp),
    }));
}

/** CSV of plain rows (header from the first row's keys); text cells that look like formulas neutralised. */
export function toCsv(
  rows: Array<Record<string, string | number | boolean | null>>,
  header: string[],
): string {
  return stringify(
    rows.map((r) =>
      header.map((h) => (typeof r[h] === 'string' ? neutraliseFormula(r[h] as string) : (r[h] ?? ''))),
    ),
    { header: true, columns: header },
  );
}

/**
 * How long a chart's answer is kept: dashboards ask the same ranges again and again. An answer is
 * dropped at once when this process's projection records anything (the service's version moves);
 * another node's recording shows within this time.
 */
const KEEP_MS = 5_000;

export function createInsightsFlow(deps: {
  insights: InsightsService;
  channels: Pick<ChannelsService, 'listChannels'>;
  keepMs?: number;
}) {
  const { insights } = deps;
  const kept = createTtlCache<string, Promise<unknown>>({ ttlMs: deps.keepMs ?? KEEP_MS, max: 500 });
  /** The answer for a key, computed once per version while kept (concurrent askers share it). */
  const keep = <T>(key: unknown[], compute: () => Promise<T>): Promise<T> => {
    const k = JSON.stringify(key);
    const v = insights.version();
    const hit = kept.get(k, v) as Promise<T> | undefined;
    if (hit) return hit;
    const p = compute();
    kept.set(k, p, v);
    p.catch(() => kept.delete(k));
    return p;
  };
  const channels = async (ctx: Ctx) =>
    (await deps.channels.listChannels(ctx)).map((c) => ({
      id: c.id,
      code: c.code,
      name: c.name,
      type: c.type,
    }));
  return {
    channels,
    performance: (ctx: Ctx, r: Range) =>
      keep(['p', r], async () => {
        const days = await insights.daily(ctx, r);
        return { days, totals: totalsOf(days), pickups: await insights.pickups(ctx, r) };
      }),
    /** The rollup for the default lookback and half-life; other parameters are computed per request. */
    attribution: (ctx: Ctx, r: Range, q: AttributionQuery) =>
      keep(['a', r, q.lookbackDays, q.halfLifeDays], () =>
        q.lookbackDays === ROLLUP_ATTRIBUTION.lookbackDays &&
        q.halfLifeDays === ROLLUP_ATTRIBUTION.halfLifeDays
          ? insights.attributionRollup(ctx, r)
          : insights.attribution(ctx, r, q),
      ),
    /** The rollups (paths to orders, the default funnel); other funnel steps are computed per request. */
    journeys: (ctx: Ctx, r: Range, steps: TouchKind[], limit: number) =>
      keep(['j', r, steps, limit], async () => {
        const j =
          steps.join() === ROLLUP_FUNNEL.join()
            ? await insights.journeysRollup(ctx, r, limit)
            : await insights.journeys(ctx, r, steps, limit);
        return { ...j, crossedCarts: await insights.crossedCarts(ctx, r, 50) };
      }),
    cohorts: (ctx: Ctx, r: Range) => keep(['c', r], async () => cohortsOf(await insights.cohorts(ctx, r))),
    ltv: (ctx: Ctx, r: Range) => keep(['l', r], async () => ltvOf(await insights.cohorts(ctx, r))),
    responseTimes: (ctx: Ctx, r: Range) =>
      keep(['r', r], async () => responseRowsOf(await insights.responseTimes(ctx, r))),
    orders: (ctx: Ctx, r: Range, f: OrderFilter, limit: number) => insights.orders(ctx, r, f, limit),
    /** Empties the projection and rewinds its consumer to log position 0 (it replays from there). */
    rebuild: (ctx: Ctx) => rebuildInsights(ctx, insights),
    touchesOf: (ctx: Ctx, r: Range, customerId: string) => insights.touchesOf(ctx, r, customerId),
  };
}

export type InsightsFlow = ReturnType<typeof createInsightsFlow>;
