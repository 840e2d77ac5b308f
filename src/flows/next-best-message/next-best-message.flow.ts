// The next best message: what a touchpoint (storefront, app, till, an agent in the inbox) shows the
// customer now, with the reason, in one order of priority: an order ready for pickup > a cart left
// open (with its handoff link) > close to the next loyalty tier > a product that goes with what they
// bought or viewed > nothing. Only the pickup is a service message; the others are promotional and
// need the customer's marketing consent on the asking channel (checked now, through customers'
// mayContact): without it they are skipped, and the answer says so. Texts are the touchpoint's (web/i18n,
// five languages): the answer carries the message kind and its parameters.
import { isAppError } from '../../kernel/index.js';
import type { Cart, CartsService } from '../../modules/carts/index.js';
import type { Channel, ChannelsService } from '../../modules/channels/index.js';
import type { CustomersService } from '../../modules/customers/index.js';
import type { Ctx } from '../../platform/context.js';
import type { CustomerOrdersFlow } from '../customer-orders/index.js';
import type { RecommendationsFlow } from '../recommendations/index.js';
import type { WalletFlow } from '../wallet/index.js';

export const TOUCHPOINTS = ['storefront', 'app', 'pos', 'inbox'] as const;
export type Touchpoint = (typeof TOUCHPOINTS)[number];
export const MESSAGE_KINDS = ['pickup_ready', 'open_cart', 'tier_close', 'recommended'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/** A tier is "close" when what is left is at most this share of its threshold. */
export const TIER_CLOSE_SHARE = 0.25;

export interface NextMessage {
  kind: MessageKind;
  /** Promotional messages need marketing consent; a service message (pickup) does not. */
  promotional: boolean;
  /** Why this one, in words for logs and agents; the touchpoint shows its own localized text. */
  reason: string;
  /** The values the texts use (order number, pickup code, item count, points, tier, product title). */
  params: Record<string, string | number>;
  /** Where the message leads: the cart's handoff link, the product's page. */
  link: string | null;
  /** The record it is about (order, cart, tier code or product id). */
  ref: string;
}

export interface NextMessageAnswer {
  customerId: string;
  touchpoint: Touchpoint;
  message: NextMessage | null;
  marketingConsent: { allowed: boolean; reason: string | null };
  /** Messages that applied but were held back, with why (no marketing consent). */
  skipped: Array<{ kind: MessageKind; reason: string }>;
}

export interface NextMessageDeps {
  customers: Pick<CustomersService, 'mayContact'>;
  customerOrders: Pick<CustomerOrdersFlow, 'ordersOfCustomer'>;
  carts: Pick<CartsService, 'findActiveCarts'>;
  channels: Pick<ChannelsService, 'getChannel'>;
  wallet: Pick<WalletFlow, 'customerWallet'>;
  recommendations: Pick<RecommendationsFlow, 'forCustomer'>;
}

export interface NextMessageRequest {
  channel: Channel;
  touchpoint: Touchpoint;
  locale?: string | undefined;
  /** Where shoppers reach the hub (OMNIHUB_PUBLIC_URL, else the caller's origin), for links. */
  baseUrl: string;
  /** A cart not to remind of (the till's sale in progress, the page's own cart). */
  exceptCartId?: string | undefined;
}

type Candidate = Omit<NextMessage, 'promotional'> & { promotional: boolean };

export function createNextMessageFlow(deps: NextMessageDeps) {
  const storeLink = (base: string, channelCode: string, path: string) =>
    new URL(`/store/${encodeURIComponent(channelCode)}${path}`, base).toString();

  async function pickupReady(ctx: Ctx, customerId: string): Promise<Candidate | null> {
    const { items } = await deps.customerOrders.ordersOfCustomer(ctx, customerId, { limit: 20 });
    const ready = items.find((o) => o.pickupStatus === 'ready_for_pickup' && o.pickup);
    if (!ready?.pickup) return null;
    return {
      kind: 'pickup_ready',
      promotional: false,
      reason: `order ${ready.number} is ready for pickup`,
      params: { number: ready.number, code: ready.pickup.code },
      link: null,
      ref: ready.id,
    };
  }

  async function openCart(ctx: Ctx, customerId: string, req: NextMessageRequest): Promise<Candidate | null> {
    const carts = await deps.carts.findActiveCarts(ctx, { profileIds: [customerId] });
    const open = carts.find((c: Cart) => c.lines.length > 0 && c.id !== req.exceptCartId);
    if (!open) return null;
    const channel = await deps.channels.getChannel(ctx, open.channelId);
    const count = open.lines.reduce((s, l) => s + l.quantity, 0);
    return {
      kind: 'open_cart',
      promotional: true,
      reason: `a cart of ${count} item(s) was left open on ${channel.code}`,
      params: { count, code: open.handoff.code },
      link: storeLink(req.baseUrl, channel.code, `/cart?cart=${encodeURIComponent(open.id)}`),
      ref: open.id,
    };
  }

  async function tierClose(ctx: Ctx, customerId: string): Promise<Candidate | null> {
    const points = (await deps.wallet.customerWallet(ctx, customerId)).points;
    const next = points?.nextTier;
    if (!points || !next) return null;
    const threshold = points.lifetime + next.pointsToGo;
    if (next.pointsToGo > threshold * TIER_CLOSE_SHARE) return null;
    return {
      kind: 'tier_close',
      promotional: true,
      reason: `${next.pointsToGo} points to ${next.name}`,
      params: { points: next.pointsToGo, tier: next.name },
      link: null,
      ref: next.code,
    };
  }

  async function recommended(
    ctx: Ctx,
    customerId: string,
    req: NextMessageRequest,
  ): Promise<Candidate | null> {
    const [top] = await deps.recommendations.forCustomer(ctx, req.channel, customerId, {
      locale: req.locale,
      limit: 1,
    });
    if (top?.reason !== 'for_you') return null;
    return {
      kind: 'recommended',
      promotional: true,
      reason: `${top.product.title} goes with what they bought or viewed`,
      params: { title: top.product.title },
      link: storeLink(req.baseUrl, req.channel.code, `/p/${encodeURIComponent(top.product.handle)}`),
      ref: top.product.id,
    };
  }

  return {
    /** The message to show this customer now on this touchpoint, or none, with the reason. */
    async nextMessage(ctx: Ctx, customerId: string, req: NextMessageRequest): Promise<NextMessageAnswer> {
      // Orders first: for a channel-bound caller they also prove the channel has seen the customer.
      const pickup = await pickupReady(ctx, customerId);
      const consent = await deps.customers.mayContact(ctx, customerId, 'marketing', req.channel.id);
      const answer: NextMessageAnswer = {
        customerId,
        touchpoint: req.touchpoint,
        message: null,
        marketingConsent: { allowed: consent.allowed, reason: consent.allowed ? null : consent.reason },
        skipped: [],
      };
      if (pickup) return { ...answer, message: pickup };
      const steps = [
        () => openCart(ctx, customerId, req),
        () => tierClose(ctx, customerId),
        () => recommended(ctx, customerId, req),
      ];
      for (const step of steps) {
        const found = await step().catch((err: unknown) => {
          if (isAppError(err, 'not_found')) return null; // a cart's channel or a product gone since
          throw err;
        });
        if (!found) continue;
        if (found.promotional && !consent.allowed) {
          answer.skipped.push({ kind: found.kind, reason: `no marketing consent (${consent.reason})` });
          continue;
        }
        return { ...answer, message: found };
      }
      return answer;
    },
  };
}

export type NextMessageFlow = ReturnType<typeof createNextMessageFlow>;
