// What the carts-and-orders flows are built from: the modules they compose, passed in by app.ts.
import { AppError, type CompensationOptions, type Steps } from '../../kernel/index.js';
import type { CartsService } from '../../modules/carts/index.js';
import type { CatalogService } from '../../modules/catalog/index.js';
import { type Channel, type ChannelsService, channelsVersion } from '../../modules/channels/index.js';
import type { CheckoutRulesService, Totals } from '../../modules/checkout-rules/index.js';
import type { CustomersService } from '../../modules/customers/index.js';
import type { InsufficientStock, InventoryService, Location } from '../../modules/inventory/index.js';
import type { OrdersModule } from '../../modules/orders/index.js';
import type { AuthorizedPayment, PaymentsService } from '../../modules/payments/index.js';
import { createTtlCache, type TtlCache } from '../../platform/cache/ttl-cache.js';
import type { Ctx } from '../../platform/context.js';
import type { Mailer } from '../../platform/mail/mailer.js';

export interface CommerceDeps {
  channels: ChannelsService;
  catalog: CatalogService;
  inventory: InventoryService;
  customers: CustomersService;
  carts: CartsService;
  orders: OrdersModule;
  payments: PaymentsService;
  /** Shipping rates, tax rules, the discount hook and routing strategies. */
  checkoutRules: CheckoutRulesService;
  /** Holds the applied campaigns' uses as a checkout step (undone should checkout fail); none: no limits. */
  promotionUses?: PromotionUses;
  /** Pays part of a sale from the customer's wallet (points, gift cards, store credit); none: refused. */
  walletTenders?: WalletTenders;
  /** How long cart holds last (seconds); inventory's default is 15 minutes. */
  cartHoldSeconds?: number;
  /**
   * This process is the only one serving its database (one worker, no NATS): the cart routes keep
   * the carts they write for the next change instead of reading them back (written-carts.ts).
   */
  keepWrittenCarts?: boolean;
  /** How long a click & collect order waits at the store (seconds); default 3 days. */
  pickupHoldSeconds?: number;
  /** Outbound mail (emailed receipts); without one, sending a receipt is refused. */
  mailer?: Mailer;
}

export interface PromotionUses extends Partial<MarketplaceUses> {
  holdUses(
    ctx: Ctx,
    steps: Steps,
    input: {
      orderId: string;
      cartId: string | null;
      channelId: string;
      customerId: string | null;
      currency: string;
      totals: Totals;
    },
  ): Promise<void>;
}

/** A part of a sale paid from the wallet, as checkout was asked for it (till-tender.ts WalletTenderInput). */
export interface WalletTender {
  kind: 'points' | 'gift_card' | 'store_credit';
  amount: number;
  code?: string | undefined;
  accountId?: string | undefined;
}

export interface WalletTenders {
  /**
   * Takes each tender off its wallet account as a checkout step (given back should checkout fail
   * later) and returns them as captured payments for the order. A refusal throws; nothing is kept.
   * `holderId`: the customer the caller proved to be (a signed-in shopper, or the cart's customer for
   * a till's secret key); points and account-id tenders need it to be the cart's customer.
   */
  redeem(
    ctx: Ctx,
    steps: Steps,
    input: {
      orderId: string;
      channelId: string;
      currency: string;
      cartCustomerId: string | null;
      holderId: string | null;
      tenders: WalletTender[];
    },
  ): Promise<AuthorizedPayment[]>;
}

/** An imported order's discount code, recorded as the marketplace gave it (counts towards limits). */
export interface MarketplaceUses {
  recordMarketplaceUse(
    ctx: Ctx,
    input: {
      orderId: string;
      channelId: string;
      customerId: string | null;
      currency: string;
      code: string;
      amount: number;
      /** The order's grand total (campaign reporting's revenue). */
      orderTotal?: number;
    },
  ): Promise<boolean>;
}

// Channels change rarely and every cart request needs one: cached per process until this process
// commits a channel change, and for at most 2 s (how late another node's change shows here).
const CHANNEL_CACHE_MS = 2_000;
const channelCache = new WeakMap<CommerceDeps, TtlCache<string, Channel>>();

/** One cache per deps (per app): created on first use. */
function cacheOf<V>(caches: WeakMap<CommerceDeps, TtlCache<string, V>>, deps: CommerceDeps) {
  let cache = caches.get(deps);
  if (!cache) {
    cache = createTtlCache({ ttlMs: CHANNEL_CACHE_MS, max: 1_000 });
    caches.set(deps, cache);
  }
  return cache;
}

export async function channelOf(deps: CommerceDeps, ctx: Ctx, idOrCode: string): Promise<Channel> {
  const cache = cacheOf(channelCache, deps);
  const channel = await cache.getOrLoad(
    idOrCode,
    () => deps.channels.findChannel(ctx, idOrCode),
    channelsVersion(ctx),
  );
  if (!channel) {
    throw new AppError('unknown_channel', `There is no channel ${idOrCode}`, {
      issues: [{ path: 'body.channelId', message: 'unknown channel' }],
    });
  }
  return channel;
}

// Store locations are read on every pickup choice and checkout: cached the same way (2 s).
const locationCache = new WeakMap<CommerceDeps, TtlCache<string, Location>>();

/** The location by id or code (cached briefly), or undefined. */
export async function locationOf(
  deps: CommerceDeps,
  ctx: Ctx,
  idOrCode: string,
): Promise<Location | undefined> {
  return cacheOf(locationCache, deps).getOrLoad(idOrCode, () => deps.inventory.findLocation(ctx, idOrCode));
}

/** The problem a client sees when stock ran out (the typed result from inventory, as 409). */
export const insufficientStock = (r: InsufficientStock, what = 'reserved') =>
  new AppError(
    'insufficient_stock',
    `Only ${r.available} of ${r.sku} can be ${what}, ${r.requested} were asked for`,
    { details: { sku: r.sku, requested: r.requested, available: r.available } },
  );

/** A failed undo (say, voiding a payment) leaves money to put right by hand: it is logged as an error. */
export const logUndoFailures = (ctx: Ctx): CompensationOptions => ({
  onUndoFailed: ({ step, error }) => ctx.log.error({ err: error, step }, 'undo failed: put it right by hand'),
});
