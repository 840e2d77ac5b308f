// Every route of the hub, registered from the services: the policies live beside each route.

import type { FastifyInstance } from 'fastify';
import { registerMessagingChannels, webChatRoutes } from '../connectors/inbox/index.js';
import type { IntegrationLayer } from '../connectors/integration-layer/index.js';
import { segmentRoutes } from '../connectors/segment/index.js';
import type { RecordChannelResolvers } from '../flows/access/record-channels.flow.js';
import { cdpFlowRoutes } from '../flows/cdp/index.js';
import { channelCatalogRoutes } from '../flows/channel-catalog/index.js';
import { commerceRoutes, orderAdminRoutes, priceOverrideRoutes } from '../flows/commerce/index.js';
import { regulationsRoutes } from '../flows/customer-erasure/index.js';
import { customerOrdersRoutes } from '../flows/customer-orders/index.js';
import { customerSourcesRoutes } from '../flows/customer-sources/index.js';
import { importExportRoutes } from '../flows/import-export/index.js';
import { inboxRoutes, tillConversationRoutes } from '../flows/inbox/index.js';
import { insightsRollupRoutes, insightsRoutes } from '../flows/insights/index.js';
import {
  backInStockConfirmRoutes,
  backInStockRoutes,
  journeysRoutes,
  pushRoutes,
  unsubscribeRoutes,
} from '../flows/journeys/index.js';
import { nextMessageRoutes } from '../flows/next-best-message/index.js';
import { omnichannelScoreRoutes } from '../flows/omnichannel-score/index.js';
import { pricingRoutes } from '../flows/pricing/index.js';
import { productFeedApiRoutes, productFeedRoutes } from '../flows/product-feeds/index.js';
import { productMediaRoutes } from '../flows/product-media/index.js';
import { recommendationsRoutes } from '../flows/recommendations/index.js';
import { reviewsFlowRoutes } from '../flows/reviews/index.js';
import { myAccountRoutes, shopperSignInRoutes } from '../flows/shopper-account/index.js';
import { originOf, storefrontRoutes } from '../flows/storefront/index.js';
import { walletRoutes } from '../flows/wallet/index.js';
import { cartStatsRoutes } from '../modules/carts/index.js';
import { catalogRoutes } from '../modules/catalog/index.js';
import { cdpRoutes } from '../modules/cdp/index.js';
import { channelsRoutes } from '../modules/channels/index.js';
import { customersRoutes } from '../modules/customers/index.js';
import { createChannelAccountStore } from '../modules/inbox/index.js';
import { inventoryRoutes } from '../modules/inventory/index.js';
import { mediaApiRoutes, mediaServeRoutes } from '../modules/media/index.js';
import { orderInsightsRoutes, ordersRoutes } from '../modules/orders/index.js';
import { promotionsRoutes } from '../modules/promotions/index.js';
import { reviewsRoutes } from '../modules/reviews/index.js';
import { staffRoutes } from '../modules/staff/index.js';
import type { HubConfig } from '../platform/config.js';
import { eventSchemaRoutes } from '../platform/http/event-schema.routes.js';
import { healthRoutes, platformApiRoutes } from '../platform/http/platform.routes.js';
import type { SecretBox } from '../platform/secrets/secret-box.js';
import { registerWebApps } from '../web-apps.js';
import type { Services } from './services.js';

/** What the routes are built from besides the services. */
export interface HubRoutesDeps {
  services: Services;
  integration: IntegrationLayer;
  config: HubConfig;
  secrets: SecretBox;
  /** The platform routes' options (health, metrics, migrations, the relay's state). */
  platform: Parameters<typeof platformApiRoutes>[0];
  recordChannels: RecordChannelResolvers;
  webDir: string | undefined;
}

/**
 * Every route of the hub: the `/api` surface, the web apps, the public pages and the channels'
 * webhooks. Returns the messaging channels' account store (the inbox's email sender reads it).
 */
export async function registerHubRoutes(http: FastifyInstance, deps: HubRoutesDeps) {
  const { services, config } = deps;
  await http.register(healthRoutes(deps.platform));
  await http.register(eventSchemaRoutes);
  await http.register(
    async (api) => {
      await api.register(platformApiRoutes(deps.platform));
      await api.register(deps.integration.routes);
      await registerCatalogApi(api, services, config);
      await registerCustomerApi(api, services, config);
      await registerCommerceApi(api, services);
      await registerStaffAndInboxApi(api, deps);
    },
    { prefix: '/api' },
  );
  // Storefront pages carry their channel's publishable key and a shareable head; pictures and
  // crawlers' files are public.
  await registerWebApps(http, deps.webDir, {
    storePage: (request, code, path) =>
      services.storefront.page(request.ctx, code, path, originOf(request, config.publicUrl)),
  });
  await http.register(mediaServeRoutes(services.media));
  await http.register(storefrontRoutes({ storefront: services.storefront, publicUrl: config.publicUrl }));
  await http.register(productFeedRoutes(feedRouteDeps(services, config)));
  await http.register(segmentRoutes(services.customers));
  await http.register(unsubscribeRoutes(services.journeysFlow));
  await http.register(backInStockConfirmRoutes(services.journeysFlow));
  await http.register(
    webChatRoutes({ inbox: services.inbox, flow: services.inboxFlow, stream: () => deps.integration.stream }),
  );
  // Messenger, Instagram, WhatsApp and Twilio SMS: accounts (credentials sealed), signed webhooks, senders.
  const channelAccounts = createChannelAccountStore({ secrets: deps.secrets });
  await registerMessagingChannels(http, {
    accounts: channelAccounts,
    findChannel: (ctx, idOrCode) => services.channels.findChannel(ctx, idOrCode),
    flow: services.inboxFlow,
    inbox: services.inbox,
    journeys: services.journeysFlow.deps,
    sends: services.journeysFlow.deps.messaging,
    publicUrl: config.publicUrl,
    maxAttachmentBytes: config.maxAttachmentBytes,
  });
  return channelAccounts;
}

function feedRouteDeps(services: Services, config: HubConfig) {
  return {
    feeds: services.productFeeds,
    channelCatalog: services.channelCatalog,
    publicUrl: config.publicUrl,
  };
}

/** Channels, the catalog and what channels show of it: search, media, feeds, recommendations, stock. */
async function registerCatalogApi(api: FastifyInstance, services: Services, config: HubConfig) {
  await api.register(channelsRoutes(services.channels));
  await api.register(catalogRoutes(services.catalog));
  await api.register(channelCatalogRoutes(services.channelCatalog));
  await api.register(recommendationsRoutes(services.recommendationsFlow, services.channelCatalog));
  await api.register(reviewsFlowRoutes(services.reviewsFlow, services.channelCatalog));
  await api.register(reviewsRoutes(services.reviews));
  await api.register(insightsRoutes(services.insightsFlow));
  await api.register(insightsRollupRoutes(services.insightsFlow));
  await api.register(
    nextMessageRoutes({
      flow: services.nextMessage,
      channelOf: services.channelCatalog.channelOf,
      carts: services.commerce.deps.carts,
      publicUrl: config.publicUrl,
    }),
  );
  await api.register(productFeedApiRoutes(feedRouteDeps(services, config)));
  await api.register(mediaApiRoutes(services.media));
  await api.register(productMediaRoutes({ catalog: services.catalog, media: services.media }));
  await api.register(
    importExportRoutes({
      imports: services.imports,
      catalog: services.catalog,
      channels: services.channels,
      inventory: services.inventory,
    }),
  );
  await api.register(
    inventoryRoutes(services.inventory, {
      skuExists: async (ctx, sku) => (await services.catalog.findVariantsBySkus(ctx, [sku])).length > 0,
    }),
  );
}

/** Customers, their data rights, the CDP, journeys and the shopper's own account. */
async function registerCustomerApi(api: FastifyInstance, services: Services, config: HubConfig) {
  await api.register(
    customersRoutes(services.customers, {
      eraseCustomer: services.customerErasure.eraseCustomer,
      exportCustomer: services.customerExport.exportCustomer,
    }),
  );
  await api.register(regulationsRoutes(services.regulations));
  await api.register(customerSourcesRoutes(services.customerSources));
  await api.register(customerOrdersRoutes(services.customerOrders));
  await api.register(journeysRoutes(services.journeysFlow));
  await api.register(pushRoutes(services.journeysFlow));
  await api.register(backInStockRoutes(services.journeysFlow));
  await api.register(cdpRoutes(services.cdp));
  await api.register(cdpFlowRoutes({ cdp: services.cdp, customers: services.customers }));
  const shopperDeps = {
    signIn: services.shopperSignIn,
    myAccount: services.myAccount,
    publicUrl: config.publicUrl,
  };
  await api.register(shopperSignInRoutes(shopperDeps));
  await api.register(myAccountRoutes(shopperDeps));
}

/** Orders, carts and checkout, prices and promotions, the wallet. */
async function registerCommerceApi(api: FastifyInstance, services: Services) {
  await api.register(ordersRoutes(services.orders));
  await api.register(orderInsightsRoutes);
  await api.register(cartStatsRoutes);
  await api.register(omnichannelScoreRoutes(services.omnichannelScore));
  await api.register(commerceRoutes(services.commerce));
  await api.register(priceOverrideRoutes(services.priceOverride));
  await api.register(orderAdminRoutes({ orderAdmin: services.orderAdmin, orders: services.orders }));
  await api.register(promotionsRoutes(services.promotions));
  await api.register(pricingRoutes({ pricing: services.pricing, commerce: services.commerce }));
  await api.register(walletRoutes({ flow: services.walletFlow, wallet: services.wallet }));
}

/** Staff accounts and the agents' inbox, with the till's conversations. */
async function registerStaffAndInboxApi(api: FastifyInstance, deps: HubRoutesDeps) {
  const { services, config } = deps;
  await api.register(
    staffRoutes({
      staff: services.staff,
      mailer: services.mailer,
      // A member signs in at a till: a store channel, with the store locations that are its own.
      placeOf: async (ctx, channel) => {
        const found = await deps.recordChannels.channel(ctx, channel);
        return found?.channelId && found.channelType === 'store'
          ? { channelId: found.channelId, storeLocationIds: found.storeLocationIds ?? [] }
          : null;
      },
    }),
  );
  await api.register(
    inboxRoutes({
      inbox: services.inbox,
      flow: services.inboxFlow,
      panel: services.customerPanel,
      actions: services.inboxActions,
      publicUrl: config.publicUrl,
      products: {
        channels: services.channels,
        search: async (ctx, channel, q, locale) =>
          (
            await services.channelCatalog.search(ctx, channel, {
              q,
              locale,
              options: [],
              sort: 'relevance',
              offset: 0,
              limit: 8,
            })
          ).items.map((p) => ({ id: p.id, handle: p.handle, title: p.title })),
      },
    }),
  );
  await api.register(
    tillConversationRoutes({
      flow: services.inboxFlow,
      inbox: services.inbox,
      carts: services.commerce.deps.carts,
    }),
  );
}
