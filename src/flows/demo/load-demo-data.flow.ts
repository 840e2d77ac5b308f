// Loads the demo retailer "Fjord & Field (demo)" into an empty hub, once. Each capability adds its
// own part (demo-<module>.ts) in dependency order; every part is idempotent.
import type { CatalogService } from '../../modules/catalog/index.js';
import type { ChannelsService } from '../../modules/channels/index.js';
import type { CustomersService } from '../../modules/customers/index.js';
import type { InventoryService } from '../../modules/inventory/index.js';
import type { MediaService } from '../../modules/media/index.js';
import type { StaffService } from '../../modules/staff/index.js';
import type { Ctx } from '../../platform/context.js';
import { getMeta, setMeta } from '../../platform/db/hub-meta.js';
import type { CommerceFlows } from '../commerce/index.js';
import { createDemoAppKeys, type DemoAppKey } from './demo-app-keys.js';
import { loadDemoCatalog } from './demo-catalog.js';
import { loadDemoChannels } from './demo-channels.js';
import { loadDemoCustomers } from './demo-customers.js';
import { loadDemoInventory, seedDemoStock } from './demo-inventory.js';
import { loadDemoMedia } from './demo-media.js';
import { loadDemoOrders } from './demo-orders.js';
import { createDemoStaff, type DemoStaffAccount } from './demo-staff.js';

export type { DemoAppKey } from './demo-app-keys.js';
export type { DemoStaffAccount } from './demo-staff.js';

export const DEMO_RETAILER = 'Fjord & Field (demo)';

export interface DemoServices {
  channels: ChannelsService;
  catalog: CatalogService;
  inventory: InventoryService;
  customers: CustomersService;
  /** Product pictures (optional: without media the demo has none). */
  media?: MediaService;
  /** Carts and orders (optional: a hub without the commerce flows skips them). */
  commerce?: CommerceFlows;
  /** Staff accounts (optional: without it the demo has none). */
  staff?: Pick<StaffService, 'createMember'>;
}

export interface DemoSummary {
  retailer: string;
  loadedAt: string;
  channels: number;
  locations: number;
  products: number;
  customerEvents: number;
  orders?: number;
  orderAwaitingPickup?: string | null;
}

export async function loadDemoData(
  ctx: Ctx,
  services: DemoServices,
  opts: { force?: boolean } = {},
): Promise<{
  loaded: boolean;
  summary: DemoSummary;
  appKeys?: DemoAppKey[];
  staffAccounts?: DemoStaffAccount[];
}> {
  const existing = await getMeta<DemoSummary>(ctx.db, 'demo');
  if (existing && !opts.force) return { loaded: false, summary: existing };
  const channels = await loadDemoChannels(ctx, services.channels);
  const locations = await loadDemoInventory(ctx, services.inventory, channels);
  const catalog = await loadDemoCatalog(ctx, services, channels);
  await seedDemoStock(ctx, services.inventory, catalog.skus);
  if (services.media) await loadDemoMedia(ctx, services.media, catalog);
  const customerEvents = await loadDemoCustomers(ctx, services.customers, channels);
  const orders = services.commerce
    ? await loadDemoOrders(ctx, services.commerce, channels, catalog.skus)
    : undefined;
  const summary: DemoSummary = {
    retailer: DEMO_RETAILER,
    loadedAt: ctx.clock.now().toISOString(),
    channels: Object.keys(channels).length,
    locations: Object.keys(locations).length,
    products: catalog.products,
    customerEvents,
    ...(orders ? { orders: orders.orders, orderAwaitingPickup: orders.awaitingPickup } : {}),
  };
  // Keys for the storefront and a till only at the first load: a forced reload keeps the existing ones.
  const appKeys = existing ? undefined : await createDemoAppKeys(ctx, channels);
  const staffAccounts =
    existing || !services.staff ? undefined : await createDemoStaff(ctx, services.staff, locations);
  await setMeta(ctx.db, 'demo', summary);
  return {
    loaded: true,
    summary,
    ...(appKeys ? { appKeys } : {}),
    ...(staffAccounts ? { staffAccounts } : {}),
  };
}
