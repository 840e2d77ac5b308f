// The pickup shelf of a store as the till shows it: each click & collect order waiting there (to pick
// or ready) with its order number, the customer, the items with their names and pictures, its
// status and how long it has waited. Orders, catalog texts and customer names come from their
// modules, each read once for the whole list.
import type { Fulfilment, Order } from '../../modules/orders/index.js';
import type { Ctx } from '../../platform/context.js';
import type { CommerceDeps } from './commerce.deps.js';
import { channelOf } from './commerce.deps.js';

export interface TillPickup {
  fulfilmentId: string;
  orderId: string;
  orderNumber: string;
  status: Fulfilment['status'];
  locationId: string;
  /** When the order was placed (the shelf's age is counted from here). */
  placedAt: Date;
  /** When the pickup last changed (made ready). */
  updatedAt: Date;
  customer: { id: string | null; name: string | null; email: string | null; phone: string | null };
  paid: boolean;
  total: number;
  currency: string;
  lines: Array<{ sku: string; title: string; quantity: number; image: string | null }>;
  expiresAt: Date | null;
}

const WAITING: Array<Fulfilment['status']> = ['open', 'ready_for_pickup'];

export function createTillPickupsFlow(deps: CommerceDeps) {
  /** Names of the customers behind the orders (a profile's `name` trait), by customer id. */
  async function customerNames(ctx: Ctx, orders: Order[]): Promise<Map<string, string>> {
    const ids = [...new Set(orders.map((o) => o.customerId).filter((id): id is string => !!id))];
    const names = new Map<string, string>();
    // The order waits at this store: its customer's name is the till's to show, whichever channel
    // the order came from (a channel-bound ctx would hide customers it has not seen itself).
    const anyChannel: Ctx = { ...ctx, channelId: null };
    const views = await Promise.all(
      ids
        .slice(0, 100)
        .map((id) => deps.customers.view(anyChannel, id, { timelineLimit: 1 }).catch(() => null)),
    );
    // A trait is kept with where and when it was learnt: { value, channelId, at }.
    const trait = (t: unknown) =>
      typeof t === 'object' && t !== null && 'value' in t ? String((t as { value: unknown }).value) : '';
    for (const v of views) {
      if (!v) continue;
      const name =
        trait(v.traits.name) ||
        [trait(v.traits.firstName), trait(v.traits.lastName)].filter(Boolean).join(' ');
      if (name) names.set(v.id, name);
    }
    return names;
  }

  /** Pictures of the SKUs as the till's channel shows them, by SKU. */
  async function pictures(ctx: Ctx, channelId: string | null, skus: string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    if (!channelId || skus.length === 0) return out;
    const channel = await channelOf(deps, ctx, channelId);
    const products = await deps.catalog.channelProducts(
      ctx,
      {
        channelId: channel.id,
        currency: channel.currency,
        priceListId: channel.priceListId,
        locales: channel.locales,
      },
      skus,
    );
    for (const p of products) {
      for (const v of p.variants) if (p.media[0]) out.set(v.sku, p.media[0]);
    }
    return out;
  }

  return {
    /**
     * The click & collect orders waiting at the store(s) the caller may see, oldest first.
     * `visibleTo` narrows a till to its own channel's orders and its own stores.
     */
    async waiting(
      ctx: Ctx,
      q: {
        locationId?: string | undefined;
        visibleTo?: { channelId: string; locationIds: readonly string[] } | undefined;
        tillChannelId: string | null;
      },
    ): Promise<TillPickup[]> {
      const tasks = (
        await Promise.all(
          WAITING.map((status) =>
            deps.orders.fulfilments.listTasks(ctx, {
              status,
              limit: 200,
              ...(q.locationId ? { locationId: q.locationId } : {}),
              ...(q.visibleTo ? { visibleTo: q.visibleTo } : {}),
            }),
          ),
        )
      )
        .flat()
        .filter((f) => f.kind === 'pickup');
      if (tasks.length === 0) return [];
      const orders = await deps.orders.orders.listOrders(ctx, {
        ids: [...new Set(tasks.map((f) => f.orderId))],
        limit: 200,
      });
      const byId = new Map(orders.map((o) => [o.id, o]));
      const [names, images] = await Promise.all([
        customerNames(ctx, orders),
        pictures(ctx, q.tillChannelId, [...new Set(tasks.flatMap((f) => f.lines.map((l) => l.sku)))]),
      ]);
      return tasks
        .flatMap((f) => {
          const o = byId.get(f.orderId);
          if (!o) return [];
          const titles = new Map(o.lines.map((l) => [l.sku, l.title]));
          return [
            {
              fulfilmentId: f.id,
              orderId: o.id,
              orderNumber: o.number,
              status: f.status,
              locationId: f.locationId,
              placedAt: o.placedAt,
              updatedAt: f.updatedAt,
              customer: {
                id: o.customerId,
                name: (o.customerId && names.get(o.customerId)) || null,
                email: o.email,
                phone: o.phone,
              },
              paid: o.paidAmount >= o.totals.grand,
              total: o.totals.grand,
              currency: o.currency,
              lines: f.lines.map((l) => ({
                sku: l.sku,
                title: titles.get(l.sku) ?? l.sku,
                quantity: l.quantity,
                image: images.get(l.sku) ?? null,
              })),
              expiresAt: o.pickup?.expiresAt ?? null,
            },
          ];
        })
        .sort((a, b) => a.placedAt.getTime() - b.placedAt.getTime());
    },
  };
}
