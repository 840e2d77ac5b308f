// How the integration layer reaches the modules and flows it drives (the composition root passes
// its services in): inbound commands, channel currencies, the customer timeline for rules, and the
// channels/catalog/inventory reads that outbound channel sync pushes.

import type { ChannelSyncFlowDeps } from '../../flows/channel-sync/index.js';
import { contactConsentPort } from '../../flows/contact-consent/index.js';
import {
  catalogProductUpsert,
  type ImportOrderInput,
  type ImportOrderOutcome,
  type InboundCommandDeps,
  importedOrderCancel,
} from '../../flows/inbound-commands/index.js';
import type { CustomerActions } from '../../flows/workflow-rules/index.js';
import type { CatalogService } from '../../modules/catalog/index.js';
import type { ChannelsService } from '../../modules/channels/index.js';
import type { CustomersService } from '../../modules/customers/index.js';
import type { ContactConsentPort } from '../../modules/integrations/index.js';
import type { InventoryService } from '../../modules/inventory/index.js';
import type { Ctx } from '../../platform/context.js';

export interface HubServicesForIntegration {
  channels: Pick<ChannelsService, 'findChannel' | 'listChannels'>;
  catalog: Pick<CatalogService, 'upsertProducts' | 'upsertVariants' | 'channelProducts' | 'channelPage'>;
  inventory: Pick<InventoryService, 'setOnHand' | 'availableToSell'>;
  /** Sale prices after automatic campaigns, pushed by channel sync (the pricing flow). */
  pricing?: Pick<Required<ChannelSyncFlowDeps>, 'salePrices'>;
  customers: Pick<CustomersService, 'identify' | 'consentState'> & CustomerActions;
  orders?: {
    orders: {
      findByExternalId(
        ctx: Ctx,
        source: string,
        id: string,
      ): Promise<{ id: string; status: string } | undefined>;
    };
  };
  commerce?: {
    importOrder: {
      importOrder(
        ctx: Ctx,
        input: ImportOrderInput,
      ): Promise<{ order: { id: string; customerId: string | null }; created: boolean }>;
      importOrders?(ctx: Ctx, inputs: ImportOrderInput[]): Promise<ImportOrderOutcome[]>;
    };
    orderActions: { cancel(ctx: Ctx, orderId: string, reason: string): Promise<unknown> };
  };
}

export function integrationDepsFrom(s: HubServicesForIntegration): {
  commands: InboundCommandDeps;
  channelCurrency: (ctx: Ctx, channelId: string) => Promise<string | undefined>;
  customers: CustomerActions;
  consent: ContactConsentPort;
  channelSyncSources: Omit<ChannelSyncFlowDeps, 'sync'>;
} {
  const { orders, commerce } = s;
  return {
    commands: {
      identify: s.customers.identify,
      setOnHand: s.inventory.setOnHand,
      upsertProduct: catalogProductUpsert(s.catalog),
      ...(commerce ? { importOrder: (ctx, input) => commerce.importOrder.importOrder(ctx, input) } : {}),
      ...(commerce?.importOrder.importOrders
        ? { importOrders: (ctx, inputs) => commerce.importOrder.importOrders!(ctx, inputs) }
        : {}),
      ...(commerce && orders
        ? {
            cancelImportedOrder: importedOrderCancel({
              findByExternalId: (ctx, source, id) => orders.orders.findByExternalId(ctx, source, id),
              cancel: (ctx, id, reason) => commerce.orderActions.cancel(ctx, id, reason),
            }),
          }
        : {}),
    },
    channelCurrency: async (ctx, id) => (await s.channels.findChannel(ctx, id))?.currency,
    customers: s.customers,
    consent: contactConsentPort(s.customers),
    channelSyncSources: {
      channels: s.channels,
      catalog: s.catalog,
      inventory: s.inventory,
      ...(s.pricing ? { salePrices: s.pricing.salePrices } : {}),
    },
  };
}
