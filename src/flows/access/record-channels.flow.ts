// Which channel a record belongs to, for the route policies' channel rules (platform/http/
// route-policy.ts): the hook asks by record kind and id, and this flow answers from the modules that
// own the records. Unknown records answer null (the handler gives its own 404).
import { isAppError } from '../../kernel/index.js';
import type { Cart, CartsService } from '../../modules/carts/index.js';
import type { ChannelsService } from '../../modules/channels/index.js';
import type { OrdersModule } from '../../modules/orders/index.js';
import type { PaymentsService } from '../../modules/payments/index.js';
import type { Ctx } from '../../platform/context.js';
import type { ChannelRecord, RecordChannels } from '../../platform/http/route-policy.js';
import { peekRemembered, recordMemoKey, rememberForRequest } from '../../platform/request-memo.js';

export interface RecordChannelsDeps {
  channels: ChannelsService;
  orders: OrdersModule;
  carts: CartsService;
  payments: PaymentsService;
  inventory: {
    getSourcing(ctx: Ctx, channelId: string): Promise<{ locationIds: string[] }>;
    listLocations(ctx: Ctx, filter?: { type?: string }): Promise<Array<{ id: string; type: string }>>;
    getReservation(ctx: Ctx, id: string): Promise<{ channelId: string }>;
  };
}

export type RecordChannelResolvers = Record<
  ChannelRecord,
  (ctx: Ctx, id: string) => Promise<RecordChannels | null>
>;

const orNull = async <T>(p: Promise<T | null | undefined>): Promise<T | null> => {
  try {
    return (await p) ?? null;
  } catch (err) {
    if (isAppError(err, 'not_found')) return null;
    throw err;
  }
};

export function createRecordChannelResolvers(deps: RecordChannelsDeps): RecordChannelResolvers {
  return {
    async order(ctx, id) {
      const order = await orNull(deps.orders.orders.getOrder(ctx, id));
      if (!order) return null;
      const fulfilments = await deps.orders.fulfilments.listFulfilments(ctx, id);
      const locations = new Set(fulfilments.map((f) => f.locationId));
      if (order.pickup) locations.add(order.pickup.locationId);
      return { channelId: order.channelId, fulfilmentLocationIds: [...locations] };
    },
    async fulfilment(ctx, id) {
      const fulfilment = await orNull(deps.orders.fulfilments.findFulfilment(ctx, id));
      if (!fulfilment) return null;
      const order = await orNull(deps.orders.orders.getOrder(ctx, fulfilment.orderId));
      return { channelId: order?.channelId ?? null, fulfilmentLocationIds: [fulfilment.locationId] };
    },
    async cart(ctx, id) {
      // The carts routes may have handed this request the cart as this process last wrote it.
      const cart =
        peekRemembered<Cart>(ctx, recordMemoKey('cart', id)) ?? (await orNull(deps.carts.getCart(ctx, id)));
      if (!cart) return null;
      // The handler reads this cart next: it takes this read instead (one round trip less).
      rememberForRequest(ctx, recordMemoKey('cart', id), cart);
      return { channelId: cart.channelId, handoffCode: cart.handoff.code };
    },
    async channel(ctx, idOrCode) {
      const channel = await orNull(deps.channels.findChannel(ctx, idOrCode));
      if (!channel) return null;
      // A till's own store: the store locations among those that feed its channel.
      const [sourcing, stores] = await Promise.all([
        deps.inventory.getSourcing(ctx, channel.id),
        deps.inventory.listLocations(ctx, { type: 'store' }),
      ]);
      const feeding = new Set(sourcing.locationIds);
      return {
        channelId: channel.id,
        channelType: channel.type,
        storeLocationIds: stores.filter((l) => feeding.has(l.id)).map((l) => l.id),
      };
    },
    async reservation(ctx, id) {
      const reservation = await orNull(deps.inventory.getReservation(ctx, id));
      return reservation ? { channelId: reservation.channelId } : null;
    },
    async store_credit(ctx, id) {
      const credit = await orNull(deps.payments.getStoreCredit(ctx, id));
      if (!credit) return null;
      if (!credit.orderId) return { channelId: null };
      const order = await orNull(deps.orders.orders.getOrder(ctx, credit.orderId));
      return { channelId: order?.channelId ?? null };
    },
  };
}
