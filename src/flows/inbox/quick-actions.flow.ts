// Agents' quick actions on a conversation: send the customer the pickup code of one of their click &
// collect orders, the handoff code of one of their carts (to show at a till) or a link that opens the
// cart on its channel's storefront, as a reply on the channel they wrote on last, in the language the
// agent picks. The link carries only the cart id: the storefront opens it for its owner signed in. The order or cart must belong to the
// conversation's customer (any profile of their cluster): an agent cannot mail someone else's code.
import { AppError } from '../../kernel/index.js';
import type { CartsService } from '../../modules/carts/index.js';
import type { ChannelsService } from '../../modules/channels/index.js';
import type { CustomersService } from '../../modules/customers/index.js';
import type { InboxService, Message } from '../../modules/inbox/index.js';
import type { OrdersService } from '../../modules/orders/index.js';
import type { Ctx } from '../../platform/context.js';
import type { InboxFlow } from './inbox-flow.interface.js';
import { refusalError } from './reply-refusal.js';

export const QUICK_ACTION_LANGUAGES = ['en', 'nl', 'es', 'sv', 'bg'] as const;
export type QuickActionLanguage = (typeof QUICK_ACTION_LANGUAGES)[number];

const TEXTS: Record<
  QuickActionLanguage,
  {
    pickup: (n: string, code: string) => string;
    cart: (code: string) => string;
    link: (url: string) => string;
  }
> = {
  en: {
    pickup: (n, code) => `Your pickup code for order ${n} is ${code}. Show it at the store's counter.`,
    cart: (code) => `Your cart's code is ${code}: show it at the till and the staff will open it.`,
    link: (url) => `Your cart is waiting for you: ${url} (sign in with this email address to open it).`,
  },
  nl: {
    pickup: (n, code) =>
      `Uw afhaalcode voor bestelling ${n} is ${code}. Laat hem zien aan de balie in de winkel.`,
    cart: (code) =>
      `De code van uw winkelwagen is ${code}: laat hem zien aan de kassa, dan opent het personeel hem.`,
    link: (url) => `Uw winkelwagen staat klaar: ${url} (log in met dit e-mailadres om hem te openen).`,
  },
  es: {
    pickup: (n, code) =>
      `Tu código de recogida del pedido ${n} es ${code}. Muéstralo en el mostrador de la tienda.`,
    cart: (code) => `El código de tu carrito es ${code}: muéstralo en la caja y el personal lo abrirá.`,
    link: (url) => `Tu carrito te espera: ${url} (inicia sesión con este correo para abrirlo).`,
  },
  sv: {
    pickup: (n, code) => `Din upphämtningskod för order ${n} är ${code}. Visa den i butikens kassa.`,
    cart: (code) => `Din varukorgs kod är ${code}: visa den i kassan så öppnar personalen den.`,
    link: (url) => `Din varukorg väntar: ${url} (logga in med den här e-postadressen för att öppna den).`,
  },
  bg: {
    pickup: (n, code) =>
      `Вашият код за получаване на поръчка ${n} е ${code}. Покажете го на касата в магазина.`,
    cart: (code) => `Кодът на количката ви е ${code}: покажете го на касата и служителите ще я отворят.`,
    link: (url) => `Количката ви ви очаква: ${url} (влезте с този имейл, за да я отворите).`,
  },
};

const CLOSED = new Set(['completed', 'cancelled', 'refunded']);

export interface QuickActionDeps {
  inbox: Pick<InboxService, 'getConversation'>;
  flow: Pick<InboxFlow, 'sendReply'>;
  customers: Pick<CustomersService, 'resolveCluster'>;
  orders: Pick<OrdersService, 'getOrder'>;
  carts: Pick<CartsService, 'getCart'>;
  channels: Pick<ChannelsService, 'getChannel'>;
}

export function createQuickActions(deps: QuickActionDeps) {
  /** The profile ids of the conversation's customer; 422 for a conversation without one. */
  async function clusterOf(ctx: Ctx, conversationId: string): Promise<string[]> {
    const c = await deps.inbox.getConversation(ctx, conversationId);
    if (!c.customerId)
      throw new AppError('validation_failed', 'The conversation has no customer profile', {
        issues: [{ path: 'params.id', message: 'conversation without a customer' }],
      });
    return (await deps.customers.resolveCluster(ctx, c.customerId)).ids;
  }

  async function reply(ctx: Ctx, conversationId: string, authorId: string, text: string): Promise<Message> {
    const sent = await deps.flow.sendReply(ctx, { conversationId, authorId, text });
    if (!sent.ok) throw refusalError(sent);
    return sent.value;
  }

  /** An active cart of the conversation's customer; someone else's cart reads as none. */
  async function ownCart(ctx: Ctx, conversationId: string, cartId: string) {
    const ids = await clusterOf(ctx, conversationId);
    const cart = await deps.carts.getCart(ctx, cartId).catch(() => null);
    if (!cart || !cart.profileId || !ids.includes(cart.profileId))
      throw new AppError('not_found', 'The customer has no such cart');
    if (cart.status !== 'active') throw new AppError('cart_not_active', 'The cart is no longer active');
    return cart;
  }

  return {
    async sendPickupCode(
      ctx: Ctx,
      conversationId: string,
      input: { orderId: string; authorId: string; language: QuickActionLanguage },
    ): Promise<Message> {
      const ids = await clusterOf(ctx, conversationId);
      const order = await deps.orders.getOrder(ctx, input.orderId).catch(() => null);
      // Someone else's order reads as no order: its existence is not disclosed.
      if (!order || !order.customerId || !ids.includes(order.customerId))
        throw new AppError('not_found', 'The customer has no such order');
      if (!order.pickup)
        throw new AppError('pickup_refused', 'The order is not for pickup', {
          details: { reason: 'not_a_pickup_order' },
        });
      if (CLOSED.has(order.status))
        throw new AppError('pickup_refused', `The order is ${order.status}`, {
          details: { reason: 'order_closed', status: order.status },
        });
      const text = TEXTS[input.language].pickup(order.number, order.pickup.code);
      return reply(ctx, conversationId, input.authorId, text);
    },

    async sendCartCode(
      ctx: Ctx,
      conversationId: string,
      input: { cartId: string; authorId: string; language: QuickActionLanguage },
    ): Promise<Message> {
      const cart = await ownCart(ctx, conversationId, input.cartId);
      return reply(ctx, conversationId, input.authorId, TEXTS[input.language].cart(cart.handoff.code));
    },

    /** baseUrl: where shoppers reach the hub (OMNIHUB_PUBLIC_URL, else the agent's own origin). */
    async sendCartLink(
      ctx: Ctx,
      conversationId: string,
      input: { cartId: string; authorId: string; language: QuickActionLanguage; baseUrl: string },
    ): Promise<Message> {
      const cart = await ownCart(ctx, conversationId, input.cartId);
      const channel = await deps.channels.getChannel(ctx, cart.channelId);
      const url = new URL(`/store/${encodeURIComponent(channel.code)}/cart`, input.baseUrl);
      url.searchParams.set('cart', cart.id);
      return reply(ctx, conversationId, input.authorId, TEXTS[input.language].link(url.toString()));
    },
  };
}

export type QuickActions = ReturnType<typeof createQuickActions>;
