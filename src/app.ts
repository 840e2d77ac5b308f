// The composition root: opens the database, applies migrations, builds the modules and flows, wires
// their routes into the HTTP server and starts the relays. No business rules live here.
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import pino, { type Logger } from 'pino';
import {
  createEmailSender,
  registerMessagingChannels,
  type SmtpInbound,
  startSmtpInbound,
  webChatRoutes,
} from './connectors/inbox/index.js';
import {
  createIntegrationLayer,
  type IntegrationLayer,
  integrationDepsFrom,
} from './connectors/integration-layer/index.js';
import { PLATFORM_CSV_DIALECTS } from './connectors/platform-csv.js';
import { segmentRoutes } from './connectors/segment/index.js';
import {
  createGuardedPushTransport,
  createTargetGuard,
  loadWebhooksConfig,
} from './connectors/webhooks-out/index.js';
import { ALL_EVENT_SCHEMAS } from './event-catalog.js';
import { createRecordChannelResolvers } from './flows/access/record-channels.flow.js';
import { cdpFlowRoutes, handOffToCdp, type RunningCdp, startCdp, tapIngest } from './flows/cdp/index.js';
import { channelCatalogRoutes, createChannelCatalogFlow } from './flows/channel-catalog/index.js';
import {
  commerceRoutes,
  createCommerceFlows,
  createOrderAdminFlow,
  createPriceOverrideFlow,
  orderAdminRoutes,
  priceOverrideRoutes,
  startCustomerCommerceProjection,
  startOrderConfirmations,
  startRestockAllocation,
} from './flows/commerce/index.js';
import {
  createCustomerErasureFlow,
  createCustomerExportFlow,
  createRegulationsFlow,
  regulationsRoutes,
} from './flows/customer-erasure/index.js';
import { createCustomerOrdersFlow, customerOrdersRoutes } from './flows/customer-orders/index.js';
import { createCustomerSourcesFlow, customerSourcesRoutes } from './flows/customer-sources/index.js';
import { DEMO_PAYMENT_PROVIDERS } from './flows/demo/demo-channels.js';
import { type DemoAppKey, type DemoStaffAccount, loadDemoData } from './flows/demo/load-demo-data.flow.js';
import { createImportFlow, importExportRoutes } from './flows/import-export/index.js';
import {
  createCustomerPanelFlow,
  createInboxFlow,
  createQuickActions,
  createTillInboxAudience,
  inboxRoutes,
  tillConversationRoutes,
} from './flows/inbox/index.js';
import {
  createJourneysFlow,
  journeysRoutes,
  pushRoutes,
  startJourneysBackground,
  unsubscribeRoutes,
} from './flows/journeys/index.js';
import { createNextMessageFlow, nextMessageRoutes } from './flows/next-best-message/index.js';
import { createPricingFlow, pricingRoutes, startPricingBackground } from './flows/pricing/index.js';
import {
  createProductFeedsFlow,
  productFeedApiRoutes,
  productFeedRoutes,
} from './flows/product-feeds/index.js';
import { productMediaRoutes } from './flows/product-media/index.js';
import {
  bothHooks,
  createRecommendationsFlow,
  handOffViews,
  recommendationsRoutes,
  startRecommendationsProjection,
} from './flows/recommendations/index.js';
import {
  createMyAccountFlow,
  createSignInFlow,
  myAccountRoutes,
  shopperSessionResolver,
  shopperSignInRoutes,
} from './flows/shopper-account/index.js';
import { createStorefrontFlow, originOf, storefrontRoutes } from './flows/storefront/index.js';
import {
  createWalletFlow,
  createWalletTenders,
  startWalletBackground,
  walletProviders,
  walletRoutes,
} from './flows/wallet/index.js';
import { type Clock, isAppError, systemClock } from './kernel/index.js';
import { cartStatsRoutes, cartsMigrations, createCartsService } from './modules/carts/index.js';
import { catalogMigrations, catalogRoutes, createCatalogService } from './modules/catalog/index.js';
import { cdpMigrations, cdpRoutes, createCdpService } from './modules/cdp/index.js';
import { channelSyncMigrations } from './modules/channel-sync/index.js';
import { channelsMigrations, channelsRoutes, createChannelsService } from './modules/channels/index.js';
import { createCheckoutRules } from './modules/checkout-rules/index.js';
import { createCustomersService, customersMigrations, customersRoutes } from './modules/customers/index.js';
import {
  createChannelAccountStore,
  createInboxService,
  type InboxOptions,
  inboxMigrations,
  inboxOptionsFor,
} from './modules/inbox/index.js';
import {
  clearExpiredInboundBodies,
  deleteDeliveredWebhooks,
  integrationsMigrations,
} from './modules/integrations/index.js';
import {
  createInventoryService,
  inventoryMigrations,
  inventoryRoutes,
  startExpirySweeper,
} from './modules/inventory/index.js';
import { createJourneysService, journeysMigrations } from './modules/journeys/index.js';
import {
  createMediaService,
  type MediaStorage,
  mediaApiRoutes,
  mediaMigrations,
  mediaServeRoutes,
  mediaStorageFor,
  memoryMediaStorage,
} from './modules/media/index.js';
import { createMessagingService, messagingMigrations } from './modules/messaging/index.js';
import {
  createOrdersModule,
  orderInsightsRoutes,
  ordersMigrations,
  ordersRoutes,
} from './modules/orders/index.js';
import { createPaymentsService, paymentsMigrations } from './modules/payments/index.js';
import {
  createPromotionsService,
  promotionsMigrations,
  promotionsRoutes,
} from './modules/promotions/index.js';
import { createRecommendationsService, recommendationsMigrations } from './modules/recommendations/index.js';
import { deleteEndedShopperRecords, shoppersMigrations } from './modules/shoppers/index.js';
import {
  createStaffService,
  staffMigrations,
  staffRoutes,
  staffSessionResolver,
} from './modules/staff/index.js';
import { createWalletService, walletMigrations } from './modules/wallet/index.js';
import { countActiveAdminKeys, createApiKey } from './platform/auth/api-keys.js';
import type { HubConfig } from './platform/config.js';
import { type Ctx, createContext } from './platform/context.js';
import { type Database, openDatabase } from './platform/db/database.js';
import { getMeta, setMeta } from './platform/db/hub-meta.js';
import { type MigrationSet, runMigrations } from './platform/db/migrate.js';
import { freshDatabaseImage, unpackDatabaseImage } from './platform/db/pglite-image.js';
import { consumerLags, type RunningConsumer } from './platform/events/consumer.js';
import { registerEventSchemas } from './platform/events/event-schemas.js';
import { onHeartbeat } from './platform/events/lease-heartbeat.js';
import { type NatsRelay, startNatsRelay, startNatsWakeup } from './platform/events/nats-relay.js';
import { registerCredentialResolver } from './platform/http/auth-hook.js';
import { eventSchemaRoutes } from './platform/http/event-schema.routes.js';
import { deleteExpiredIdempotencyKeys } from './platform/http/idempotency.js';
import { healthRoutes, platformApiRoutes } from './platform/http/platform.routes.js';
import type { ChannelRecord } from './platform/http/route-policy.js';
import { createHttpServer } from './platform/http/server.js';
import { type PeriodicJob, startPeriodicJob } from './platform/jobs/periodic-job.js';
import { loggerOptions } from './platform/logging.js';
import { createMailer, type Mailer } from './platform/mail/mailer.js';
import { createMetrics, type Metrics } from './platform/metrics.js';
import { platformMigrations } from './platform/migrations.js';
import { createPushSender } from './platform/push/web-push.js';
import {
  checkSecretsKey,
  createSecretBox,
  parseSecretsKey,
  type SecretBox,
} from './platform/secrets/secret-box.js';
import { registerWebApps } from './web-apps.js';

export const HUB_VERSION: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

/** Every owner of tables, in the order their migrations apply. */
export const ALL_MIGRATIONS: MigrationSet[] = [
  platformMigrations,
  channelsMigrations,
  catalogMigrations,
  inventoryMigrations,
  integrationsMigrations,
  channelSyncMigrations,
  customersMigrations,
  cartsMigrations,
  ordersMigrations,
  paymentsMigrations,
  shoppersMigrations,
  promotionsMigrations,
  cdpMigrations,
  inboxMigrations,
  walletMigrations,
  staffMigrations,
  mediaMigrations,
  recommendationsMigrations,
  messagingMigrations,
  journeysMigrations,
];

// Every event type and its payload schema, known to the event log (which checks appended payloads in
// tests and development) wherever the modules are wired: the hub, the CLI, scripts.
registerEventSchemas(ALL_EVENT_SCHEMAS);

export interface HubOptions {
  config: HubConfig;
  clock?: Clock;
  log?: Logger;
  /** An already open database (tests); otherwise one is opened from the config. */
  database?: Database;
  /** The built web apps (default web/dist). */
  webDir?: string;
  /**
   * Migrations, the bootstrap key and demo data were done by `prepareDatabase` (a cluster's primary):
   * this process only serves. The one-time results then come from the primary.
   */
  prepared?: boolean;
}

/** What a start did once to a database: the bootstrap admin key and the demo data (shown once). */
export interface DatabasePreparation {
  bootstrapKey: { secret: string; generated: boolean } | undefined;
  demoLoaded: boolean;
  demoAppKeys: DemoAppKey[];
  demoStaff: DemoStaffAccount[];
}

export interface Hub {
  config: HubConfig;
  database: Database;
  http: FastifyInstance;
  metrics: Metrics;
  services: ReturnType<typeof createServices>;
  /** Live stream, webhooks, inbound connectors and workflow rules. */
  integration: IntegrationLayer;
  /** The CDP's background work (counted events, computed traits, audiences, destinations). */
  cdp: RunningCdp;
  /** The recommendations projection (tests wait for it with caughtUp). */
  recommendationsProjection: RunningConsumer;
  log: Logger;
  /** The admin key created at this start (only when the database had none). */
  bootstrapKey: { secret: string; generated: boolean } | undefined;
  demoLoaded: boolean;
  /** Keys for the demo storefront and till, created with the demo data at this start (shown once). */
  demoAppKeys: DemoAppKey[];
  /** The demo's staff accounts with their passwords, created at this start (shown once). */
  demoStaff: DemoStaffAccount[];
  /** The payment providers payers may choose, and why: configured, the demo's, or the default. */
  paymentProviders: PaymentProvidersChoice;
  /** Background sweepers that tests and admin tools can run now. */
  jobs: {
    customerStages: PeriodicJob;
    webhookRetention: PeriodicJob;
    inboundRetention: PeriodicJob;
    idempotencyExpiry: PeriodicJob;
    idleTillSales: PeriodicJob;
    /** Sends queued inbox replies (also woken at once when a reply is queued). */
    inboxDelivery: PeriodicJob;
  };
  /** The inbox's SMTP server for inbound mail (OMNIHUB_SMTP_PORT), when configured. */
  smtpInbound: SmtpInbound | undefined;
  /** A system context for scripts and tests. */
  systemCtx(): Ctx;
  listen(): Promise<string>;
  close(): Promise<void>;
}

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
      // The CDP's hand-off, and product views for the recommendations (flows/recommendations).
      onStored: bothHooks(handOffToCdp(cdp), handOffViews),
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
    messaging: createMessagingService({ secrets: opts.secrets }),
    customers,
    carts: commerce.deps.carts,
    channels: base.channels,
    mailer,
    push: createPushSender(),
    baseUrl: () => opts.publicUrl ?? 'http://localhost',
  });
  const customerErasure = createCustomerErasureFlow({ customers, inbox });
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
  return {
    ...base,
    inventory,
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

export function createLogger(level: string): Logger {
  return pino(loggerOptions(level));
}

/** The hub's database; a new embedded one starts from the build's migrated image when it fits. */
export function openHubDatabase(config: Pick<HubConfig, 'databaseUrl' | 'dataDir'>): Promise<Database> {
  if (config.databaseUrl) return openDatabase({ databaseUrl: config.databaseUrl });
  // On disk the image is unpacked beside PGlite (less CPU and memory); in memory PGlite loads it.
  if (unpackDatabaseImage(config.dataDir, ALL_MIGRATIONS)) return openDatabase({ dataDir: config.dataDir });
  return openDatabase({
    dataDir: config.dataDir,
    pgliteImage: freshDatabaseImage(config.dataDir, ALL_MIGRATIONS),
  });
}

export async function createHub(opts: HubOptions): Promise<Hub> {
  const { config } = opts;
  const clock = opts.clock ?? systemClock;
  const log = opts.log ?? createLogger(config.logLevel);
  const database = opts.database ?? (await openHubDatabase(config));
  if (!opts.prepared) await runMigrations(database, ALL_MIGRATIONS);
  const secrets = createSecretBox(parseSecretsKey(config.secretsKey));
  await checkSecretsKey(database.db, secrets); // a wrong or missing key stops the start here
  const metrics = createMetrics();
  metrics.readConsumerLag = () => consumerLags(database.db);
  const chosen = await choosePaymentProviders(database, config);
  const services = servicesFor(config, chosen.names);
  const paymentProviders = {
    names: services.commerce.deps.payments.enabledProviderNames(),
    source: chosen.source,
  };
  logPaymentProviders(log, paymentProviders);
  const systemCtx = () => createContext(database, { clock, log });

  const http = await createHttpServer({
    database,
    log,
    clock,
    metrics,
    bodyLimitBytes: config.bodyLimitBytes,
    version: HUB_VERSION,
    rateLimits: config.rateLimits,
  });
  // Shopper sessions (cookie or `ohs_` bearer) are credentials too.
  registerCredentialResolver(http, shopperSessionResolver());
  // Staff sessions (`ohst_` bearer): clerks, managers, agents, marketers and admins.
  registerCredentialResolver(http, staffSessionResolver(services.staff));
  // Channel rules of route policies find a record's channel through the modules that own it.
  const recordChannels = createRecordChannelResolvers({
    channels: services.channels,
    orders: services.orders,
    carts: services.commerce.deps.carts,
    payments: services.commerce.deps.payments,
    inventory: services.inventory,
  });
  for (const record of Object.keys(recordChannels) as ChannelRecord[]) {
    http.authorization.setChannelResolver(record, (request, id) => recordChannels[record](request.ctx, id));
  }
  const tillInboxAudience = createTillInboxAudience({
    carts: services.commerce.deps.carts,
    customers: services.customers,
  });
  const integration = createIntegrationLayer({
    database,
    log,
    clock,
    metrics,
    secrets,
    ...integrationDepsFrom(services),
    tillInboxAudience,
  });
  services.importConnectors.source = (ctx, id) => integration.services.inbound.getConnector(ctx, id);
  services.cdpEndpoints.exists = async (ctx, id) => {
    try {
      await integration.services.webhooks.getEndpoint(ctx, id);
      return true;
    } catch (err) {
      if (isAppError(err, 'not_found')) return false;
      throw err;
    }
  };
  let relay: NatsRelay | undefined;
  const routeOpts = {
    database,
    metrics,
    migrations: ALL_MIGRATIONS,
    version: HUB_VERSION,
    metricsToken: config.metricsToken,
    // Set once the relay is started below (the routes are registered first).
    relayState: () => relay?.state(),
    tillInboxAudience,
  };
  const feedRouteDeps = {
    feeds: services.productFeeds,
    channelCatalog: services.channelCatalog,
    publicUrl: config.publicUrl,
  };
  await http.register(healthRoutes(routeOpts));
  await http.register(eventSchemaRoutes);
  await http.register(
    async (api) => {
      await api.register(platformApiRoutes(routeOpts));
      await api.register(channelsRoutes(services.channels));
      await api.register(catalogRoutes(services.catalog));
      await api.register(channelCatalogRoutes(services.channelCatalog));
      await api.register(recommendationsRoutes(services.recommendationsFlow, services.channelCatalog));
      await api.register(
        nextMessageRoutes({
          flow: services.nextMessage,
          channelOf: services.channelCatalog.channelOf,
          carts: services.commerce.deps.carts,
          publicUrl: config.publicUrl,
        }),
      );
      await api.register(productFeedApiRoutes(feedRouteDeps));
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
      await api.register(integration.routes);
      await api.register(
        customersRoutes(services.customers, {
          eraseCustomer: services.customerErasure.eraseCustomer,
          exportCustomer: services.customerExport.exportCustomer,
        }),
      );
      await api.register(regulationsRoutes(services.regulations));
      await api.register(customerSourcesRoutes(services.customerSources));
      await api.register(ordersRoutes(services.orders));
      await api.register(orderInsightsRoutes);
      await api.register(cartStatsRoutes);
      await api.register(customerOrdersRoutes(services.customerOrders));
      await api.register(journeysRoutes(services.journeysFlow));
      await api.register(pushRoutes(services.journeysFlow));
      await api.register(commerceRoutes(services.commerce));
      await api.register(priceOverrideRoutes(services.priceOverride));
      await api.register(orderAdminRoutes({ orderAdmin: services.orderAdmin, orders: services.orders }));
      await api.register(promotionsRoutes(services.promotions));
      await api.register(cdpRoutes(services.cdp));
      await api.register(cdpFlowRoutes({ cdp: services.cdp, customers: services.customers }));
      await api.register(pricingRoutes({ pricing: services.pricing, commerce: services.commerce }));
      await api.register(walletRoutes({ flow: services.walletFlow, wallet: services.wallet }));
      const shopperDeps = {
        signIn: services.shopperSignIn,
        myAccount: services.myAccount,
        publicUrl: config.publicUrl,
      };
      await api.register(shopperSignInRoutes(shopperDeps));
      await api.register(
        staffRoutes({
          staff: services.staff,
          mailer: services.mailer,
          // A member signs in at a till: a store channel, with the store locations that are its own.
          placeOf: async (ctx, channel) => {
            const found = await recordChannels.channel(ctx, channel);
            return found?.channelId && found.channelType === 'store'
              ? { channelId: found.channelId, storeLocationIds: found.storeLocationIds ?? [] }
              : null;
          },
        }),
      );
      await api.register(myAccountRoutes(shopperDeps));
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
    },
    { prefix: '/api' },
  );
  // Storefront pages carry their channel's publishable key and a shareable head; pictures and
  // crawlers' files are public.
  await registerWebApps(http, opts.webDir, {
    storePage: (request, code, path) =>
      services.storefront.page(request.ctx, code, path, originOf(request, config.publicUrl)),
  });
  await http.register(mediaServeRoutes(services.media));
  await http.register(storefrontRoutes({ storefront: services.storefront, publicUrl: config.publicUrl }));
  await http.register(productFeedRoutes(feedRouteDeps));
  await http.register(segmentRoutes(services.customers));
  await http.register(unsubscribeRoutes(services.journeysFlow));
  await http.register(
    webChatRoutes({ inbox: services.inbox, flow: services.inboxFlow, stream: () => integration.stream }),
  );
  // Messenger, Instagram, WhatsApp and Twilio SMS: accounts (credentials sealed), signed webhooks, senders.
  const channelAccounts = createChannelAccountStore({ secrets });
  await registerMessagingChannels(http, {
    accounts: channelAccounts,
    findChannel: (ctx, idOrCode) => services.channels.findChannel(ctx, idOrCode),
    flow: services.inboxFlow,
    inbox: services.inbox,
    publicUrl: config.publicUrl,
    maxAttachmentBytes: config.maxAttachmentBytes,
  });

  const { bootstrapKey, demoLoaded, demoAppKeys, demoStaff } = opts.prepared
    ? NOTHING_PREPARED
    : await initializeDatabase(systemCtx(), services, config);

  const expirySweeper = startExpirySweeper({ ctx: systemCtx, expireHolds: services.inventory.expireHolds });
  // Buyers drift to at risk, then lapsed, as days pass without an order.
  const customerStages = startPeriodicJob({
    name: 'refresh-customer-stages',
    ctx: systemCtx,
    run: (ctx) => services.customers.refreshStages(ctx),
    intervalMs: 60_000,
  });
  // Till sales nobody touched for a shop day give their stock back (see till-sales.flow.ts).
  const idleTillSales = startPeriodicJob({
    name: 'abandon-idle-till-sales',
    ctx: systemCtx,
    run: (ctx) => services.commerce.tillSales.abandonIdle(ctx),
    intervalMs: 300_000,
  });
  const pickupExpiry = startPeriodicJob({
    name: 'expire-uncollected-pickups',
    ctx: systemCtx,
    run: (ctx) => services.commerce.orderActions.expireUncollected(ctx),
    intervalMs: 60_000,
  });
  // Delivered webhook rows are kept OMNIHUB_WEBHOOK_RETENTION_DAYS, then deleted in batches.
  const webhookRetention = startPeriodicJob({
    name: 'delete-delivered-webhooks',
    ctx: systemCtx,
    run: (ctx) => deleteDeliveredWebhooks(ctx, { retentionMs: config.webhookRetentionDays * 86_400_000 }),
    intervalMs: 60_000,
  });
  // Raw inbound bodies (a sender's copy of the buyer's data) are cleared after OMNIHUB_INBOUND_RETENTION_DAYS.
  const inboundRetention = startPeriodicJob({
    name: 'clear-expired-inbound-bodies',
    ctx: systemCtx,
    run: (ctx) => clearExpiredInboundBodies(ctx, { retentionMs: config.inboundRetentionDays * 86_400_000 }),
    intervalMs: 60_000,
  });
  // Idempotency keys replay their outcome for 24 h, then go.
  const idempotencyExpiry = startPeriodicJob({
    name: 'delete-expired-idempotency-keys',
    ctx: systemCtx,
    run: (ctx) => deleteExpiredIdempotencyKeys(ctx),
    intervalMs: 600_000,
  });
  // Ended shopper sessions and spent sign-in codes are deleted once nothing can use them.
  const shopperCleanup = startPeriodicJob({
    name: 'delete-ended-shopper-sessions',
    ctx: systemCtx,
    run: deleteEndedShopperRecords,
    intervalMs: 3_600_000,
  });
  // Imports left `running` by a process that died (crash, kill) are failed with a reason.
  const staleImports = startPeriodicJob({
    name: 'fail-stale-imports',
    ctx: systemCtx,
    run: (ctx) =>
      services.catalog.failStaleImportJobs(
        ctx,
        new Date(ctx.clock.now().getTime() - config.importStaleSeconds * 1000),
      ),
    intervalMs: Math.min(30_000, config.importStaleSeconds * 500),
  });
  const customerCommerce = startCustomerCommerceProjection({
    database,
    customers: services.customers,
    orders: services.orders.orders,
    clock,
    log,
  });

  // Products bought and viewed together, counted from the log (rebuildable from position 0).
  const recommendationsProjection = startRecommendationsProjection({
    database,
    catalog: services.catalog,
    recommendations: services.recommendations,
    clock,
    log,
  });

  // Channel pages and products kept in memory until an event (from any node) changes them.
  const channelViews = services.channelCatalog.followChanges({ database, log });

  const promotionUsesRelease = startPricingBackground({
    database,
    promotions: services.promotions,
    clock,
    log,
  });

  // Points on paid orders, reversals and wallet refunds, store credit onto the ledger; points expiry.
  const walletLedger = startWalletBackground({ database, wallet: services.walletFlow, clock, log });
  // The shopper's order confirmation email (web and app orders), in the page's language.
  const orderConfirmations = startOrderConfirmations({
    database,
    orders: services.orders,
    channels: services.channels,
    mailer: services.mailer,
    clock,
    log,
  });

  // Stock coming in goes to the orders sold beyond the stock, oldest first.
  const restockAllocation = startRestockAllocation({
    database,
    inventory: services.inventory,
    catalog: services.catalog,
    orders: services.orders,
    clock,
    log,
  });

  // Triggered journeys: the consumer of cart and order events, the timers' sweeper, the delivery job.
  // Web push goes out through the SSRF guard (OMNIHUB_WEBHOOKS_ALLOW_PRIVATE=1 allows private targets).
  const pushTransport = createGuardedPushTransport(
    createTargetGuard({ allowPrivate: loadWebhooksConfig().allowPrivateTargets }),
  );
  services.journeysFlow.deps.push = createPushSender({ transport: pushTransport });
  const journeys = startJourneysBackground({ database, flow: services.journeysFlow, clock, log });

  integration.start();
  const cdpRunner: RunningCdp = startCdp({
    database,
    clock,
    log,
    cdp: services.cdp,
    customers: services.customers,
    webhooks: integration.services.webhooks,
    tap: services.cdpTap,
    onWebhookQueued: () => integration.worker?.wake(),
  });

  // Inbox: replies by email through the relay when one is configured; the delivery loop; snoozes.
  if (services.mailer.configured)
    services.inboxFlow.registerSender(
      'email',
      createEmailSender({
        mailer: services.mailer,
        domain: config.inboxMailDomain,
        supportAddress: (ctx, job) =>
          channelAccounts.supportAddress(ctx, {
            accountId: job.message.channelAccountId,
            channelId: job.conversation.channelId,
          }),
      }),
    );
  // Web chat replies are read by the widget from the hub itself: "sent" once stored.
  services.inboxFlow.registerSender('web_chat', { send: async () => ({ externalId: null }) });
  const inboxDelivery = startPeriodicJob({
    name: 'inbox-deliver',
    ctx: systemCtx,
    run: (ctx) => services.inboxFlow.deliverDue(ctx),
    intervalMs: 1_000,
  });
  services.inboxWake.now = () => void inboxDelivery.runNow();
  // The replies being sent keep their short leases on the process heartbeat (a dead node's, resent in seconds).
  const stopInboxLeases = onHeartbeat(database, () => services.inboxFlow.renewDeliveryLeases(systemCtx()));
  const inboxSnoozes = startPeriodicJob({
    name: 'inbox-wake-snoozed',
    ctx: systemCtx,
    run: (ctx) => services.inbox.wakeSnoozed(ctx),
    intervalMs: 60_000,
  });
  const smtpInbound =
    config.smtpPort === undefined
      ? undefined
      : await startSmtpInbound({
          flow: services.inboxFlow,
          // Mail to a shop's support address is that shop's conversation.
          channelOfRecipients: (ctx, addresses) => channelAccounts.channelOfAddresses(ctx, addresses),
          ctx: systemCtx,
          port: config.smtpPort,
          host: config.host,
          maxMessageBytes: Math.max(25 * 1024 * 1024, config.maxAttachmentBytes * 3),
        });

  let wakeup: { stop(): void } | undefined;
  if (config.natsUrl) {
    relay = await startNatsRelay({
      url: config.natsUrl,
      stream: config.natsStream,
      subjectPrefix: config.natsSubjectPrefix,
      database,
      log,
      metrics,
    });
    wakeup = startNatsWakeup({
      connection: relay.connection,
      subjectPrefix: config.natsSubjectPrefix,
      database,
      log,
    });
  }

  let closed = false;
  return {
    config,
    database,
    http,
    metrics,
    services,
    integration,
    cdp: cdpRunner,
    log,
    bootstrapKey,
    demoLoaded,
    demoAppKeys,
    demoStaff,
    paymentProviders,
    recommendationsProjection,
    jobs: {
      customerStages,
      webhookRetention,
      inboundRetention,
      idempotencyExpiry,
      idleTillSales,
      inboxDelivery,
    },
    smtpInbound,
    systemCtx,
    async listen() {
      return http.listen({ port: config.port, host: config.host });
    },
    async close() {
      if (closed) return;
      closed = true;
      await cdpRunner.stop();
      await integration.stop(); // ends live streams first: open SSE responses would hold http.close()
      await smtpInbound?.close();
      await http.close();
      await expirySweeper.stop();
      await pickupExpiry.stop();
      await idleTillSales.stop();
      await customerStages.stop();
      await webhookRetention.stop();
      await inboundRetention.stop();
      await idempotencyExpiry.stop();
      await staleImports.stop();
      await shopperCleanup.stop();
      await customerCommerce.stop();
      await recommendationsProjection.stop();
      await promotionUsesRelease.stop();
      await channelViews.stop();
      await inboxDelivery.stop();
      stopInboxLeases();
      await inboxSnoozes.stop();
      await walletLedger.stop();
      await orderConfirmations.stop();
      await restockAllocation.stop();
      await journeys.stop();
      pushTransport.close();
      wakeup?.stop();
      await relay?.stop();
      if (!opts.database) await database.close();
    },
  };
}

export interface PaymentProvidersChoice {
  names: string[];
  source: 'configured' | 'demo' | 'default';
}

/**
 * OMNIHUB_PAYMENT_PROVIDERS when set; else a database that holds (or is about to get) the demo data
 * enables the demo's stand-ins (`test` card, `external` terminal); else the payments default, `manual`.
 */
async function choosePaymentProviders(
  database: Database,
  config: HubConfig,
): Promise<{ names: string[] | undefined; source: PaymentProvidersChoice['source'] }> {
  if (config.paymentProviders) return { names: config.paymentProviders, source: 'configured' };
  const demoDatabase = (await getMeta(database.db, 'initialized'))
    ? Boolean(await getMeta(database.db, 'demo'))
    : config.demo;
  return demoDatabase
    ? { names: DEMO_PAYMENT_PROVIDERS, source: 'demo' }
    : { names: undefined, source: 'default' };
}

function logPaymentProviders(log: Logger, choice: PaymentProvidersChoice): void {
  const names = choice.names;
  const standIns = names.filter((n) => n === 'test' || n === 'external');
  if (standIns.length === 0) {
    log.info({ paymentProviders: names, source: choice.source }, 'payment providers enabled');
    return;
  }
  log.warn(
    { paymentProviders: names, source: choice.source },
    `payment providers enabled: ${names.join(', ')}${choice.source === 'demo' ? ' (the demo database enables them)' : ''}; ` +
      `${standIns.join(' and ')} take no money (test approves any card, external records money taken elsewhere): ` +
      'set OMNIHUB_PAYMENT_PROVIDERS to the real ones for production',
  );
}

/** A fresh database gets one admin key: OMNIHUB_ADMIN_KEY if given, otherwise a generated one. */
const NOTHING_PREPARED: DatabasePreparation = {
  bootstrapKey: undefined,
  demoLoaded: false,
  demoAppKeys: [],
  demoStaff: [],
};

function servicesFor(config: HubConfig, paymentProviders: readonly string[] | undefined) {
  return createServices({
    paymentProviders,
    orderNumberPrefix: config.orderNumberPrefix,
    mailer: createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom }),
    maxFutureSkewSeconds: config.maxFutureSkewSeconds,
    staffPasswordCost: config.staffPasswordCost,
    inbox: { ...inboxOptionsFor(config.dataDir), maxAttachmentBytes: config.maxAttachmentBytes },
    mediaStorage: mediaStorageFor(config.dataDir),
    publicUrl: config.publicUrl ?? `http://localhost:${config.port}`,
    secrets: createSecretBox(parseSecretsKey(config.secretsKey)),
  });
}

/** The bootstrap admin key when there is none; the demo data on a database's first start. */
async function initializeDatabase(
  ctx: Ctx,
  services: ReturnType<typeof createServices>,
  config: HubConfig,
): Promise<DatabasePreparation> {
  const bootstrapKey = await ensureAdminKey(ctx, config.adminKey);
  if (await getMeta(ctx.db, 'initialized')) return { ...NOTHING_PREPARED, bootstrapKey };
  const demo = config.demo ? await loadDemoData(ctx, services) : undefined;
  await setMeta(ctx.db, 'initialized', { at: ctx.clock.now().toISOString(), demo: config.demo });
  return {
    bootstrapKey,
    demoLoaded: demo?.loaded ?? false,
    demoAppKeys: demo?.appKeys ?? [],
    demoStaff: demo?.staffAccounts ?? [],
  };
}

/**
 * Everything a start does once to a database, without serving: migrations, the secrets key check,
 * the bootstrap key and the demo data. A cluster's primary runs it before forking its workers.
 */
export async function prepareDatabase(config: HubConfig, log: Logger): Promise<DatabasePreparation> {
  const database = await openHubDatabase(config);
  try {
    await runMigrations(database, ALL_MIGRATIONS);
    await checkSecretsKey(database.db, createSecretBox(parseSecretsKey(config.secretsKey)));
    const chosen = await choosePaymentProviders(database, config);
    const services = servicesFor(config, chosen.names);
    return await initializeDatabase(createContext(database, { clock: systemClock, log }), services, config);
  } finally {
    await database.close();
  }
}

async function ensureAdminKey(ctx: Ctx, configured: string | undefined) {
  if ((await countActiveAdminKeys(ctx.db)) > 0) return undefined;
  const { secret } = await createApiKey(ctx, {
    name: 'bootstrap admin',
    scopes: ['admin'],
    ...(configured ? { secret: configured } : {}),
  });
  return { secret, generated: !configured };
}
