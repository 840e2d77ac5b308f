// The insights service: records what the projection (flows/insights) derived from a batch of events,
// and answers the dashboard's reads from the projections only (never the order tables). Attribution,
// paths and funnels are computed here by the pure functions over the projected touchpoints.
import type { Ctx } from '../../platform/context.js';
import { type AttributedOrder, type AttributionOptions, attribute } from './attribution.js';
import {
  applyOrderChanges,
  deleteEverything,
  insertCartSightings,
  insertPlacedOrders,
  insertTouchpoints,
  type OrderFilter,
  selectCrossedCarts,
  selectDaily,
  selectOrders,
  selectPickups,
  selectTouches,
  selectTouchesBeforeOrders,
} from './insights.repository.js';
import type { ProjectionBatch, Range, StoredTouch } from './insights.types.js';
import { channelPaths, funnel, type JourneyTouch, type TouchKind } from './paths.js';

/** Past these, a read looks at the first N only (and says so): the dashboard stays interactive. */
export const MAX_ATTRIBUTED_ORDERS = 50_000;
export const MAX_JOURNEY_TOUCHES = 200_000;

export interface AttributionQuery extends AttributionOptions {
  lookbackDays: number;
}

/** Direct: a visit that came through no campaign. */
const isDirect = (t: StoredTouch) => t.kind === 'session' && !t.source && !t.campaign;

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

export function createInsightsService() {
  // Moves whenever this process records or resets: answers kept by the flow are stamped with it.
  let version = 0;
  return {
    version: () => version,
    /** Records a batch (idempotent: a replay adds nothing). Placed orders go before their changes. */
    async record(ctx: Ctx, b: ProjectionBatch): Promise<void> {
      if (b.touchpoints.length + b.placed.length + b.changes.length + b.carts.length > 0) version++;
      await insertTouchpoints(ctx.db, b.touchpoints);
      await insertPlacedOrders(ctx.db, b.placed);
      await applyOrderChanges(ctx.db, b.changes);
      await insertCartSightings(ctx.db, b.carts);
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
      for (const t of touches) byOrder.set(t.forOrder, [...(byOrder.get(t.forOrder) ?? []), t]);
      const input: AttributedOrder[] = orders.map((o) => ({
        orderId: o.orderId,
        channel: o.channelId,
        currency: o.currency,
        revenue: o.revenue,
        at: o.placedAt.getTime(),
        touches: (o.customerId ? (byOrder.get(o.orderId) ?? []) : []).map((t) => ({
          channel: t.channel,
          campaign: t.campaign,
          at: t.at.getTime(),
          direct: isDirect(t),
        })),
      }));
      const revenue = new Map<string, number>();
      for (const o of input) revenue.set(o.currency, (revenue.get(o.currency) ?? 0) + o.revenue);
      return {
        ...attribute(input, q),
        orders: input.length,
        truncated: orders.length === MAX_ATTRIBUTED_ORDERS,
        revenue: [...revenue].map(([currency, amount]) => ({ currency, amount })),
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

    /** Empties every projection (the caller moves the consumer's cursor back in the same transaction). */
    async reset(ctx: Ctx): Promise<void> {
      await deleteEverything(ctx.db);
      version++;
    },
  };
}

export type InsightsService = ReturnType<typeof createInsightsService>;
