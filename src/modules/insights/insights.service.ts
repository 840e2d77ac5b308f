// The insights service: records what the projection (flows/insights) derived from a batch of events,
// and answers the dashboard's reads from the projections only (never the order tables). Attribution,
// paths and funnels are computed here by the pure functions over the projected touchpoints.

import { pushTo } from '../../kernel/index.js';
import type { Ctx } from '../../platform/context.js';
import {
  type AttributionModel,
  type AttributionOptions,
  type AttributionRow,
  attribute,
  compareAttributionRows,
} from './attribution.js';
import { insertCartSightings, selectCrossedCarts } from './carts.repository.js';
import {
  applyOrderChanges,
  deleteEverything,
  insertPlacedOrders,
  insertTouchpoints,
  type OrderFilter,
  selectDaily,
  selectOrders,
  selectPickups,
  selectTouches,
  selectTouchesBeforeOrderIds,
  selectTouchesBeforeOrders,
} from './insights.repository.js';
import type {
  AddedOrder,
  CancelledOrder,
  OrderCredit,
  ProjectionBatch,
  Range,
  StoredTouch,
} from './insights.types.js';
import {
  channelPaths,
  type FunnelStep,
  funnel,
  type JourneyTouch,
  type PathRow,
  type TouchKind,
} from './paths.js';
import {
  advanceFunnel,
  attributedOrder,
  creditDeltas,
  creditOf,
  pathOf,
  ROLLUP_ATTRIBUTION,
  ROLLUP_FUNNEL,
} from './rollups.js';
import {
  addCohortOrders,
  addCredit,
  addInboxMessages,
  addPaths,
  type CreditSum,
  saveFunnelProgress,
  saveOrderCredit,
  selectCohorts,
  selectCredit,
  selectFunnel,
  selectFunnelProgress,
  selectPaths,
  selectResponseTimes,
} from './rollups.repository.js';

/** Past these, a read looks at the first N only (and says so): the dashboard stays interactive. */
export const MAX_ATTRIBUTED_ORDERS = 50_000;
export const MAX_JOURNEY_TOUCHES = 200_000;

export interface AttributionQuery extends AttributionOptions {
  lookbackDays: number;
}

function journeys(touches: StoredTouch[]): JourneyTouch[][] {
  const out: JourneyTouch[][] = [];
  let current = '';
  for (const t of touches) {
    if (t.customerId !== current) {
      out.push([]);
      current = t.customerId;
    }
    out[out.length - 1]!.push({ channel: t.channel, kind: t.kind, at: t.at.getTime() });
  }
  return out;
}

/** Credits the orders just added, once: the rollup, the order's stored credit and its path. */
async function creditAdded(ctx: Ctx, added: AddedOrder[]): Promise<void> {
  if (added.length === 0) return;
  const withCustomer = added.filter((o) => o.customerId).map((o) => o.orderId);
  const touches = await selectTouchesBeforeOrderIds(ctx.db, withCustomer, ROLLUP_ATTRIBUTION.lookbackDays);
  const byOrder = new Map<string, StoredTouch[]>();
  for (const t of touches) pushTo(byOrder, t.forOrder, t);
  const credits = added.map((o) => ({
    orderId: o.orderId,
    credit: creditOf(attributedOrder(o, byOrder.get(o.orderId) ?? [])),
  }));
  await addCredit(
    ctx.db,
    added.flatMap((o, i) => creditDeltas(o, credits[i]!.credit, 1)),
  );
  await saveOrderCredit(ctx.db, credits);
  await addPaths(
    ctx.db,
    added.map((o) => pathOf(o, o.customerId ? (byOrder.get(o.orderId) ?? []) : [])),
  );
}

/** Takes a cancelled order's credit and cohort figures back. */
async function takeBack(ctx: Ctx, cancelled: CancelledOrder[]): Promise<void> {
  if (cancelled.length === 0) return;
  await addCredit(
    ctx.db,
    cancelled.flatMap((o) => creditDeltas(o, o.credit ?? ([] as OrderCredit), -1)),
  );
  await addCohortOrders(ctx.db, cancelled, -1);
}

/** Rollup sums as the per-request rows (sorted the same way; '' is credit through no campaign). */
function creditRows(credit: CreditSum[], dim: CreditSum['dim']): AttributionRow[] {
  return credit
    .filter((c) => c.dim === dim && (c.orders !== 0 || c.credited !== 0))
    .map((c) => ({
      model: c.model as AttributionModel,
      key: dim === 'campaign' && c.key === '' ? null : c.key,
      currency: c.currency,
      credited: c.credited,
      orders: c.orders,
    }))
    .sort(compareAttributionRows);
}

/** Revenue per currency, in currency order so both attribution answers list it alike. */
function revenueRows(entries: [string, number][]) {
  return entries.sort(([a], [b]) => a.localeCompare(b)).map(([currency, amount]) => ({ currency, amount }));
}

export function createInsightsService() {
  // Moves whenever this process records or resets: answers kept by the flow are stamped with it.
  let version = 0;
  return {
    version: () => version,
    /** Records a batch (idempotent: a replay adds nothing). Placed orders go before their changes. */
    async record(ctx: Ctx, b: ProjectionBatch): Promise<void> {
      if (b.touchpoints.length + b.placed.length + b.changes.length + b.carts.length + b.messages.length > 0)
        version++;
      const touched = await insertTouchpoints(ctx.db, b.touchpoints);
      const added = await insertPlacedOrders(ctx.db, b.placed);
      await creditAdded(ctx, added);
      await addCohortOrders(ctx.db, added, 1);
      const cancelled = await applyOrderChanges(ctx.db, b.changes);
      await takeBack(ctx, cancelled);
      await insertCartSightings(ctx.db, b.carts);
      await addInboxMessages(ctx.db, b.messages);
      const customers = [...new Set(touched.map((t) => t.customerId))];
      await saveFunnelProgress(ctx.db, advanceFunnel(await selectFunnelProgress(ctx.db, customers), touched));
    },
    daily: (ctx: Ctx, r: Range) => selectDaily(ctx.db, r),
    pickups: (ctx: Ctx, r: Range) => selectPickups(ctx.db, r),
    orders: (ctx: Ctx, r: Range, f: OrderFilter, limit: number) => selectOrders(ctx.db, r, f, limit),
    crossedCarts: (ctx: Ctx, r: Range, limit: number) => selectCrossedCarts(ctx.db, r, limit),
    touchesOf: (ctx: Ctx, r: Range, customerId: string) => selectTouches(ctx.db, r, 1_000, customerId),

    /** Every model side by side over the range's orders (at most MAX_ATTRIBUTED_ORDERS). */
    async attribution(ctx: Ctx, r: Range, q: AttributionQuery) {
      const orders = await selectOrders(ctx.db, r, {}, MAX_ATTRIBUTED_ORDERS);
      const touches = await selectTouchesBeforeOrders(ctx.db, r, q.lookbackDays, MAX_ATTRIBUTED_ORDERS);
      const byOrder = new Map<string, StoredTouch[]>();
      for (const t of touches) pushTo(byOrder, t.forOrder, t);
      const input = orders.map((o) => attributedOrder(o, byOrder.get(o.orderId) ?? []));
      const revenue = new Map<string, number>();
      for (const o of input) revenue.set(o.currency, (revenue.get(o.currency) ?? 0) + o.revenue);
      return {
        ...attribute(input, q),
        orders: input.length,
        truncated: orders.length === MAX_ATTRIBUTED_ORDERS,
        revenue: revenueRows([...revenue]),
      };
    },

    /** The common channel paths of customers active in the range, and a funnel over kinds. */
    async journeys(ctx: Ctx, r: Range, steps: TouchKind[], limit: number) {
      const touches = await selectTouches(ctx.db, r, MAX_JOURNEY_TOUCHES);
      const truncated = touches.length === MAX_JOURNEY_TOUCHES;
      // A customer cut off by the limit is dropped rather than shown with half a path.
      const last = touches[touches.length - 1]?.customerId;
      const whole = truncated ? touches.filter((t) => t.customerId !== last) : touches;
      const js = journeys(whole);
      return { customers: js.length, truncated, paths: channelPaths(js, limit), funnel: funnel(js, steps) };
    },

    /** Every model side by side from the rollup (credited at projection time, default parameters). */
    async attributionRollup(ctx: Ctx, r: Range) {
      const [credit, days] = await Promise.all([selectCredit(ctx.db, r), selectDaily(ctx.db, r)]);
      const revenue = new Map<string, number>();
      const counted = new Map<string, number>();
      for (const d of days) {
        revenue.set(d.currency, (revenue.get(d.currency) ?? 0) + d.revenue);
        counted.set(d.currency, (counted.get(d.currency) ?? 0) + d.orders);
      }
      const orders = [...counted.values()].reduce((a, b) => a + b, 0);
      return {
        byChannel: creditRows(credit, 'channel'),
        byCampaign: creditRows(credit, 'campaign'),
        orders,
        truncated: false,
        revenue: revenueRows([...revenue].filter(([c]) => (counted.get(c) ?? 0) > 0)),
      };
    },

    /** The paths that led to the range's orders and the default funnel, from the rollups. */
    async journeysRollup(ctx: Ctx, r: Range, limit: number) {
      const [paths, steps] = await Promise.all([selectPaths(ctx.db, r, limit), selectFunnel(ctx.db, r)]);
      const funnelOut: FunnelStep[] = ROLLUP_FUNNEL.map((kind) => ({ kind, customers: 0, byChannel: {} }));
      for (const s of steps) {
        const f = funnelOut[s.step - 1]!;
        f.customers += s.customers;
        f.byChannel[s.channel] = (f.byChannel[s.channel] ?? 0) + s.customers;
      }
      const pathRows: PathRow[] = paths.map((p) => ({
        steps: p.steps,
        customers: p.orders,
        converted: p.orders,
        avgGapMs: p.gapSums.map((g) => Math.round(g / p.orders)),
      }));
      return { customers: funnelOut[0]!.customers, truncated: false, paths: pathRows, funnel: funnelOut };
    },

    cohorts: (ctx: Ctx, r: Range) => selectCohorts(ctx.db, r),
    responseTimes: (ctx: Ctx, r: Range) => selectResponseTimes(ctx.db, r),

    /** Empties every projection (the caller moves the consumer's cursor back in the same transaction). */
    async reset(ctx: Ctx): Promise<void> {
      await deleteEverything(ctx.db);
      version++;
    },
  };
}

export type InsightsService = ReturnType<typeof createInsightsService>;
