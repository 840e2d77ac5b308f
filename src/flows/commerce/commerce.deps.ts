// What the carts-and-orders flows are built from: the modules they compose, passed in by app.ts.
import { AppError } from '../../kernel/index.js';
import type { CartsService } from '../../modules/carts/index.js';
import type { CatalogService } from '../../modules/catalog/index.js';
import { type Channel, type ChannelsService, channelsVersion } from '../../modules/channels/index.js';
import type { CustomersService } from '../../modules/customers/index.js';
import type { InsufficientStock, InventoryService, Location } from '../../modules/inventory/index.js';
import type { OrdersModule } from '../../modules/orders/index.js';
import type { PaymentsService } from '../../modules/payments/index.js';
import type { Ctx } from '../../platform/context.js';
import type { Mailer } from '../../platform/mail/mailer.js';
import type { CheckoutRules } from './totals.js';

export interface CommerceDeps {
  channels: ChannelsService;
  catalog: CatalogService;
  inventory: InventoryService;
  customers: CustomersService;
  carts: CartsService;
  orders: OrdersModule;
  payments: PaymentsService;
  /** Shipping rates, tax rules and the discount hook; defaults in totals.ts. */
  rules?: Partial<CheckoutRules>;
  /** How long cart holds last (seconds); inventory's default is 15 minutes. */
  cartHoldSeconds?: number;
  /** How long a click & collect order waits at the store (seconds); default 3 days. */
  pickupHoldSeconds?: number;
  /** Outbound mail (emailed receipts); without one, sending a receipt is refused. */
  mailer?: Mailer;
}

// Channels change rarely and every cart request needs one: cached per process until this process
// commits a channel change, and for at most 2 s (how late another node's change shows here).
const CHANNEL_CACHE_MS = 2_000;
const channelCache = new WeakMap<
  CommerceDeps,
  Map<string, { channel: Channel; until: number; version: number }>
>();

export async function channelOf(deps: CommerceDeps, ctx: Ctx, idOrCode: string): Promise<Channel> {
  let cache = channelCache.get(deps);
  if (!cache) {
    cache = new Map();
    channelCache.set(deps, cache);
  }
  const version = channelsVersion(ctx);
  const hit = cache.get(idOrCode);
  if (hit && hit.version === version && hit.until > Date.now()) return hit.channel;
  const channel = await deps.channels.findChannel(ctx, idOrCode);
  if (channel) {
    if (cache.size > 1_000) cache.clear();
    cache.set(idOrCode, { channel, version, until: Date.now() + CHANNEL_CACHE_MS });
  }
  if (!channel) {
    throw new AppError('unprocessable', `There is no channel ${idOrCode}`, {
      issues: [{ path: 'body.channelId', message: 'unknown channel' }],
    });
  }
  return channel;
}

// Store locations are read on every pickup choice and checkout: cached the same way (2 s).
const locationCache = new WeakMap<CommerceDeps, Map<string, { location: Location; until: number }>>();

/** The location by id or code (cached briefly), or undefined. */
export async function locationOf(
  deps: CommerceDeps,
  ctx: Ctx,
  idOrCode: string,
): Promise<Location | undefined> {
  let cache = locationCache.get(deps);
  if (!cache) {
    cache = new Map();
    locationCache.set(deps, cache);
  }
  const hit = cache.get(idOrCode);
  if (hit && hit.until > Date.now()) return hit.location;
  const location = await deps.inventory.findLocation(ctx, idOrCode);
  if (location) {
    if (cache.size > 1_000) cache.clear();
    cache.set(idOrCode, { location, until: Date.now() + CHANNEL_CACHE_MS });
  }
  return location;
}

/** The problem a client sees when stock ran out (the typed result from inventory, as 409). */
export const insufficientStock = (r: InsufficientStock, what = 'reserved') =>
  new AppError(
    'insufficient_stock',
    `Only ${r.available} of ${r.sku} can be ${what}, ${r.requested} were asked for`,
    { details: { sku: r.sku, requested: r.requested, available: r.available } },
  );
