// Browsing reaches the recommendations through the event log: ingestion's onStored hook hands the
// stored "Product Viewed" tracks over as one recommendation.products_viewed event in the storing
// transaction (customer by id, product by id, handle or SKU; nothing personal), so the projection
// counts them like orders and a rebuild from position 0 counts them again.
import type { StoredIngestEvent } from '../../modules/customers/index.js';
import { RECOMMENDATION_EVENTS } from '../../modules/recommendations/index.js';
import type { Ctx } from '../../platform/context.js';
import type { NewEvent } from '../../platform/events/event-log.js';

const VIEW_NAMES = new Set(['Product Viewed', 'product_viewed', 'view_item']);
const MAX_NAME = 200;

const named = (v: unknown): string | null =>
  typeof v === 'string' && v.length > 0 && v.length <= MAX_NAME
    ? v
    : typeof v === 'number'
      ? String(v)
      : null;

/** The onStored hook: the batch's product views as one event (none when it has none). */
export function handOffViews(_ctx: Ctx, stored: StoredIngestEvent[]): NewEvent[] {
  const views = [];
  for (const e of stored) {
    if (e.kind !== 'track' || !e.name || !VIEW_NAMES.has(e.name)) continue;
    const sku = named(e.properties.sku);
    const productId = named(e.properties.product_id);
    if (!sku && !productId) continue;
    views.push({
      customerId: e.profileId,
      productId,
      sku,
      channelId: e.channelId,
      at: e.occurredAt.toISOString(),
    });
  }
  if (views.length === 0) return [];
  return [
    {
      type: RECOMMENDATION_EVENTS.productsViewed,
      subject: views[0]!.customerId,
      channelId: null,
      payload: { views },
    },
  ];
}

/** Several onStored hooks as one: each one's events, in order. */
export function bothHooks(
  ...hooks: Array<(ctx: Ctx, stored: StoredIngestEvent[]) => NewEvent[]>
): (ctx: Ctx, stored: StoredIngestEvent[]) => NewEvent[] {
  return (ctx, stored) => hooks.flatMap((h) => h(ctx, stored));
}
