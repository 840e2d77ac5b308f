// The demo retailer's carts and orders across channels: an anonymous app cart, a webshop cart of a
// known customer, a click & collect order waiting for pickup in Amsterdam, a shipped webshop order,
// a till sale in Stockholm and a marketplace order. Each part is skipped (logged) if its SKUs are
// not sellable, so the demo never blocks a start.
import type { Channel } from '../../modules/channels/index.js';
import type { Ctx } from '../../platform/context.js';
import { type CommerceFlows, paymentFailedError } from '../commerce/index.js';

export interface DemoOrdersSummary {
  carts: number;
  orders: number;
  awaitingPickup: string | null;
}

export async function loadDemoOrders(
  ctx: Ctx,
  commerce: CommerceFlows,
  channels: Record<string, Channel>,
  skus: string[],
): Promise<DemoOrdersSummary> {
  const out: DemoOrdersSummary = { carts: 0, orders: 0, awaitingPickup: null };
  const step = async <T>(what: string, fn: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await fn();
    } catch (err) {
      ctx.log.warn({ err, step: what }, 'demo orders: step skipped');
      return undefined;
    }
  };
  /** A cart on a channel with `count` lines of SKUs it sells and has in stock. */
  const cartWith = async (channel: Channel | undefined, count: number, who: Record<string, string> = {}) => {
    if (!channel) return undefined;
    const cart = await commerce.carts.createCart(ctx, { channelId: channel.id, ...who });
    let current = cart;
    let added = 0;
    for (const sku of skus) {
      if (added === count) break;
      const r = await step(`add ${sku}`, () => commerce.carts.addLine(ctx, cart.id, { sku, quantity: 1 }));
      if (r) {
        current = r.cart;
        added++;
      }
    }
    out.carts++;
    return added === count ? current : undefined;
  };
  const web = channels.webshop;
  const checkout = async (cartId: string, provider = 'test') => {
    const placed = await commerce.checkout.checkout(ctx, cartId, {
      payment: { provider, ...(provider === 'test' ? { token: 'tok_visa' } : {}) },
    });
    if (!placed.ok) throw paymentFailedError(placed); // the step is skipped (logged)
    return placed.value;
  };

  await step('app cart', () => cartWith(channels.app, 2, { anonymousId: 'demo-device-app-1' }));
  await step('webshop cart', () =>
    cartWith(web, 1, { email: 'lars.berg@example.com', anonymousId: 'demo-browser-lars' }),
  );

  await step('click & collect', async () => {
    const cart = await cartWith(web, 2, { email: 'emma.lind@example.com' });
    if (!cart) return;
    await commerce.carts.setDelivery(
      ctx,
      cart.id,
      { type: 'pickup', locationId: 'store-amsterdam' },
      { email: 'emma.lind@example.com' },
    );
    const { order } = await checkout(cart.id);
    const [pickup] = await commerce.deps.orders.fulfilments.listFulfilments(ctx, order.id);
    if (pickup) await commerce.deps.orders.fulfilments.markReadyForPickup(ctx, pickup.id);
    out.orders++;
    out.awaitingPickup = order.pickup?.code ?? null;
  });

  await step('shipped order', async () => {
    const cart = await cartWith(web, 1, { email: 'sofia.garcia@example.com' });
    if (!cart) return;
    await commerce.carts.setDelivery(ctx, cart.id, {
      type: 'ship',
      method: 'standard',
      address: {
        name: 'Sofia García',
        line1: 'Calle Mayor 1',
        postalCode: '28013',
        city: 'Madrid',
        country: 'ES',
      },
    });
    const { order } = await checkout(cart.id);
    const [shipment] = await commerce.deps.orders.fulfilments.listFulfilments(ctx, order.id);
    if (shipment)
      await commerce.orderActions.ship(ctx, shipment.id, { carrier: 'DHL', trackingNumber: 'DEMO-1' });
    out.orders++;
  });

  await step('till sale', async () => {
    const cart = await cartWith(channels['store-stockholm'], 1);
    if (!cart) return;
    await commerce.carts.setDelivery(ctx, cart.id, { type: 'carry_out' });
    // Cash at the counter: paid, handed over and completed by the checkout itself.
    await checkout(cart.id, 'manual');
    out.orders++;
  });

  await step('marketplace order', async () => {
    const marketplace = channels.marketplace;
    if (!marketplace) return;
    for (const sku of skus.slice(3)) {
      const placed = await step(`marketplace ${sku}`, () =>
        commerce.importOrder.importOrder(ctx, {
          channelId: marketplace.id,
          externalSource: 'bol',
          externalId: 'DEMO-BOL-1001',
          email: 'lars.berg@example.com',
          currency: marketplace.currency,
          lines: [{ sku, quantity: 1, unitPrice: 2995 }],
          paid: true,
        }),
      );
      if (placed) {
        out.orders++;
        return;
      }
    }
  });
  return out;
}
