// The modules and flows of one hub, built and composed: what createHub serves, the CLI imports into
// and scripts use. No business rules live here.
import { PLATFORM_CSV_DIALECTS } from '../connectors/platform-csv.js';
import { handOffToCdp, tapIngest } from '../flows/cdp/index.js';
import { createChannelCatalogFlow } from '../flows/channel-catalog/index.js';
import {
  createCommerceFlows,
  createOrderAdminFlow,
  createPriceOverrideFlow,
} from '../flows/commerce/index.js';
import {
  createCustomerErasureFlow,
  createCustomerExportFlow,
  createRegulationsFlow,
} from '../flows/customer-erasure/index.js';
import { createCustomerOrdersFlow } from '../flows/customer-orders/index.js';
import { createCustomerSourcesFlow } from '../flows/customer-sources/index.js';
import { createImportFlow } from '../flows/import-export/index.js';
import { createCustomerPanelFlow, createInboxFlow, createQuickActions } from '../flows/inbox/index.js';
import { createInsightsFlow, handOffTouchpoints } from '../flows/insights/index.js';
import { createJourneysFlow } from '../flows/journeys/index.js';
import { createNextMessageFlow } from '../flows/next-best-message/index.js';
import { createOmnichannelScoreFlow } from '../flows/omnichannel-score/index.js';
import { createPricingFlow } from '../flows/pricing/index.js';
import { createProductFeedsFlow } from '../flows/product-feeds/index.js';
import { bothHooks, createRecommendationsFlow, handOffViews } from '../flows/recommendations/index.js';
import { createReviewsFlow } from '../flows/reviews/index.js';
import { createMyAccountFlow, createSignInFlow } from '../flows/shopper-account/index.js';
import { createStorefrontFlow } from '../flows/storefront/index.js';
import { createWalletFlow, createWalletTenders, walletProviders } from '../flows/wallet/index.js';
import { createAdvisorService } from '../modules/advisor/index.js';
import { createCartsService } from '../modules/carts/index.js';
import { createCatalogService } from '../modules/catalog/index.js';
import { createCdpService } from '../modules/cdp/index.js';
import { createChannelSyncService } from '../modules/channel-sync/index.js';
import { createChannelsService } from '../modules/channels/index.js';
import { createCheckoutRules } from '../modules/checkout-rules/index.js';
import { createCustomersService } from '../modules/customers/index.js';
import { createInboxService, type InboxOptions, inboxOptionsFor } from '../modules/inbox/index.js';
import { createInsightsService } from '../modules/insights/index.js';
import { createInventoryService } from '../modules/inventory/index.js';
import { createBackInStockService, createJourneysService } from '../modules/journeys/index.js';
import { createMediaService, type MediaStorage, memoryMediaStorage } from '../modules/media/index.js';
import { createMessagingService } from '../modules/messaging/index.js';
import { createOrdersModule } from '../modules/orders/index.js';
import { createPaymentsService } from '../modules/payments/index.js';
import { createPromotionsService } from '../modules/promotions/index.js';
import { createRecommendationsService } from '../modules/recommendations/index.js';
import { createReviewsService } from '../modules/reviews/index.js';
import { createStaffService } from '../modules/staff/index.js';
import { createWalletService } from '../modules/wallet/index.js';
import type { Ctx } from '../platform/context.js';
import { createMailer, type Mailer } from '../platform/mail/mailer.js';
import { createPushSender } from '../platform/push/web-push.js';
import type { SecretBox } from '../platform/secrets/secret-box.js';

export interface ServicesOptions {
  /** The payment providers payers may choose; default: the payments module's (`manual`). */
  paymentProviders?: readonly string[] | undefined;
  /** Order numbers read `<prefix>-<n>`; default OH. */
  orderNumberPrefix?: string | undefined;
  mailer?: Mailer;
  /** Seals the secrets messaging stores (the web push VAPID private key). */
  secrets?: SecretBox | undefined;
  /** Customer event timestamps further in the future are clamped to the receipt time. */
  maxFutureSkewSeconds?: number | undefined;
  /** Where inbox attachments are stored and how large they may be (default: a temporary directory). */
  inbox?: InboxOptions | undefined;
  /** log2 of scrypt's N for staff passwords (default 16). */
  staffPasswordCost?: number | undefined;
  /** Where product pictures are stored (default: memory). */
  mediaStorage?: MediaStorage | undefined;
  /** Where links in journey messages point (default http://localhost). */
  publicUrl?: string | undefined;
  /** The periodic consistency audit's interval, for the score's age of its evidence (default 900). */
  auditIntervalSeconds?: number | undefined;
  /** The only process serving the database: cart routes keep the carts they write (default false). */
  keepWrittenCarts?: boolean | undefined;
}

export function createServices(opts: ServicesOptions = {}) {
  const catalog = createCatalogService();
  const base = {
    channels: createChannelsService({ priceListCurrency: catalog.priceListCurrency }),
    catalog,
  };
  const inventory = createInventoryService({
    resolveChannelId: async (ctx, idOrCode) => (await base.channels.findChannel(ctx, idOrCode))?.id,
  });
  // Destinations name webhook endpoints, which the integration layer (created later) owns.
  const cdpEndpoints: { exists?: (ctx: Ctx, id: string) => Promise<boolean> } = {};
  const cdp = createCdpService({
    endpointExists: (ctx, id) => cdpEndpoints.exists?.(ctx, id) ?? Promise.resolve(true),
  });
  // Ingestion is tapped for the CDP (tracking plan before; what audiences and destinations need is
  // handed over through the event log in the storing transaction, handOffToCdp); every
  // flow and connector gets the tapped service, so the hub's own order events count too.
  const { customers, tap: cdpTap } = tapIngest(
    createCustomersService({
      channelExists: async (ctx, id) => (await base.channels.findChannel(ctx, id))?.id === id,
      maxFutureSkewMs: opts.maxFutureSkewSeconds === undefined ? undefined : opts.maxFutureSkewSeconds * 1000,
      // The CDP's hand-off, product views for the recommendations (flows/recommendations) and web
      // and app visits for the insights (flows/insights).
      onStored: bothHooks(handOffToCdp(cdp), handOffViews, handOffTouchpoints),
    }),
    cdp,
  );
  const orders = createOrdersModule({ numberPrefix: opts.orderNumberPrefix ?? 'OH' });
  const mailer = opts.mailer ?? createMailer({ smtpUrl: undefined, from: 'Omnihub <no-reply@localhost>' });
  const promotions = createPromotionsService();
  const staff = createStaffService({ passwordCost: opts.staffPasswordCost });
  // One pricing engine for every channel: promotions behind the checkout rules' discount hook.
  const pricing = createPricingFlow({
    promotions,
    catalog,
    customers,
    audiencesOf: async (ctx, id) => (await cdp.membershipsOf(ctx, [id])).map((m) => m.audienceId),
  });
  // One wallet per customer: its tenders are payments of wallet providers (registered so refunds find
  // them, never enabled for payers to choose).
  const wallet = createWalletService();
  const fromWallet = walletProviders();
  const carts = createCartsService();
  const commerce = createCommerceFlows({
    mailer,
    ...base,
    inventory,
    customers,
    carts,
    orders,
    payments: createPaymentsService({ providers: fromWallet, enabled: opts.paymentProviders ?? ['manual'] }),
    checkoutRules: createCheckoutRules({ discounts: pricing.discountHook }),
    promotionUses: pricing,
    walletTenders: createWalletTenders({ wallet, providers: fromWallet }),
    keepWrittenCarts: opts.keepWrittenCarts ?? false,
  });
  const walletFlow = createWalletFlow({
    wallet,
    customers,
    payments: commerce.deps.payments,
    orders: orders.orders,
    catalog,
  });
  const priceOverride = createPriceOverrideFlow({ carts, staff });
  const media = createMediaService({ storage: opts.mediaStorage ?? memoryMediaStorage() });
  const channelCatalog = createChannelCatalogFlow({ ...base, inventory, images: media });
  const storefront = createStorefrontFlow({ channels: base.channels, channelCatalog });
  const recommendations = createRecommendationsService();
  const recommendationsFlow = createRecommendationsFlow({ recommendations, channelCatalog });
  const reviews = createReviewsService();
  const reviewsFlow = createReviewsFlow({ reviews, orders: orders.orders, catalog, customers });
  const insights = createInsightsService();
  const insightsFlow = createInsightsFlow({ insights, channels: base.channels });
  const productFeeds = createProductFeedsFlow({
    channels: base.channels,
    channelCatalog,
    inventory,
    saleOffers: pricing.saleOffers,
  });
  // Imports of order history name an inbound connector by id: set by createHub once connectors run.
  const importConnectors: {
    source?: (ctx: Ctx, id: string) => Promise<{ kind: string; channelId: string | null }>;
  } = {};
  const imports = createImportFlow({
    ...base,
    inventory,
    dialects: PLATFORM_CSV_DIALECTS,
    people: {
      customers,
      orders: orders.orders,
      importOpenOrder: commerce.importOrder.importOrder,
      connectorSource: (ctx, id) =>
        importConnectors.source?.(ctx, id) ?? Promise.reject(new Error('connectors are not running')),
    },
  });
  const customerSources = createCustomerSourcesFlow({ ...base, customers });
  const customerOrders = createCustomerOrdersFlow({
    ...base,
    customers,
    orders: orders.orders,
    fulfilments: orders.fulfilments,
    payments: commerce.deps.payments,
  });
  const inbox = createInboxService(opts.inbox ?? inboxOptionsFor('memory://'));
  // The delivery loop's wake-up, set by the hub once its job runs (scripts have none).
  const inboxWake = { now: () => {} };
  const inboxFlow = createInboxFlow({ inbox, customers, onQueued: () => inboxWake.now() });
  const customerPanel = createCustomerPanelFlow({ customers, customerOrders, carts: commerce.deps.carts });
  const inboxActions = createQuickActions({
    inbox,
    flow: inboxFlow,
    customers,
    orders: orders.orders,
    carts: commerce.deps.carts,
    channels: base.channels,
  });
  // Triggered journeys and their messages (consent, caps and quiet hours at send time).
  const journeysFlow = createJourneysFlow({
    journeys: createJourneysService(),
    backInStock: createBackInStockService(),
    messaging: createMessagingService({ secrets: opts.secrets }),
    customers,
    catalog: base.catalog,
    inventory,
    carts: commerce.deps.carts,
    channels: base.channels,
    mailer,
    push: createPushSender(),
    baseUrl: () => opts.publicUrl ?? 'http://localhost',
    reviewToken: reviewsFlow.linkToken,
  });
  const customerErasure = createCustomerErasureFlow({ customers, inbox, reviews });
  const customerExport = createCustomerExportFlow({ customers, inbox });
  const regulations = createRegulationsFlow({ customers, erasure: customerErasure });
  const shopperSignIn = createSignInFlow({ customers, mailer });
  const orderAdmin = createOrderAdminFlow({ orders, payments: commerce.deps.payments, mailer });
  const myAccount = createMyAccountFlow({
    customers,
    orders: orders.orders,
    customerOrders,
    privacy: { exportCustomer: customerExport.exportCustomer, eraseCustomer: customerErasure.eraseCustomer },
  });
  // The next best message composes orders (pickups), carts, the wallet (tiers) and recommendations.
  const nextMessage = createNextMessageFlow({
    customers,
    customerOrders,
    carts: commerce.deps.carts,
    channels: base.channels,
    wallet: walletFlow,
    recommendations: recommendationsFlow,
  });
  // The score reads connections, their health and last audits only: a read-only instance of the
  // channel-sync service (the integration layer owns the one that writes, pushes and audits).
  const omnichannelScore = createOmnichannelScoreFlow({
    channels: base.channels,
    channelSync: createChannelSyncService(),
    auditIntervalSeconds: opts.auditIntervalSeconds,
    wallet,
    advisor: createAdvisorService(),
  });
  return {
    ...base,
    inventory,
    omnichannelScore,
    customers,
    cdp,
    nextMessage,
    cdpTap,
    cdpEndpoints,
    customerSources,
    customerOrders,
    customerErasure,
    customerExport,
    regulations,
    shopperSignIn,
    myAccount,
    orders,
    orderAdmin,
    promotions,
    staff,
    priceOverride,
    pricing,
    wallet,
    walletFlow,
    commerce,
    channelCatalog,
    media,
    storefront,
    recommendations,
    recommendationsFlow,
    reviews,
    reviewsFlow,
    insights,
    insightsFlow,
    productFeeds,
    imports,
    importConnectors,
    inbox,
    inboxFlow,
    inboxWake,
    mailer,
    customerPanel,
    inboxActions,
    journeysFlow,
  };
}

/** Everything createServices builds. */
export type Services = ReturnType<typeof createServices>;
