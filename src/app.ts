// The composition root: opens the database, applies migrations, builds the modules and flows, wires
// their routes into the HTTP server and starts the background work. No business rules live here;
// the parts are in src/app/ (services, routes, background, database preparation).
import type { FastifyInstance } from 'fastify';
import pino, { type Logger } from 'pino';
import { type BackgroundJobs, type RunningBackground, startBackground } from './app/background.js';
import {
  ALL_MIGRATIONS,
  choosePaymentProviders,
  initializeDatabase,
  logPaymentProviders,
  madeFromMigratedImage,
  migrateHubDatabase,
  NOTHING_PREPARED,
  openHubDatabase,
  type PaymentProvidersChoice,
  servicesFor,
} from './app/database.js';
import { registerHubRoutes } from './app/routes.js';
import type { Services } from './app/services.js';
import { HUB_VERSION } from './app/version.js';
import type { SmtpInbound } from './connectors/inbox/index.js';
import {
  createIntegrationLayer,
  type IntegrationLayer,
  integrationDepsFrom,
} from './connectors/integration-layer/index.js';
import { ALL_EVENT_SCHEMAS } from './event-catalog.js';
import { createRecordChannelResolvers } from './flows/access/record-channels.flow.js';
import type { RunningCdp } from './flows/cdp/index.js';
import type { DemoAppKey, DemoStaffAccount } from './flows/demo/load-demo-data.flow.js';
import { createTillInboxAudience } from './flows/inbox/index.js';
import { shopperSessionResolver } from './flows/shopper-account/index.js';
import { type Clock, isAppError, systemClock } from './kernel/index.js';
import { mjmlCompiler } from './modules/messaging/index.js';
import { staffSessionResolver } from './modules/staff/index.js';
import type { HubConfig } from './platform/config.js';
import { type Ctx, createContext } from './platform/context.js';
import type { Database } from './platform/db/database.js';
import type { RunningConsumer } from './platform/events/consumer.js';
import { consumerLags, pinConsumerStartHead } from './platform/events/consumer.js';
import { registerEventSchemas } from './platform/events/event-schemas.js';
import type { NatsRelay } from './platform/events/nats-relay.js';
import { registerCredentialResolver } from './platform/http/auth-hook.js';
import type { ChannelRecord } from './platform/http/route-policy.js';
import { createHttpServer } from './platform/http/server.js';
import { loggerOptions } from './platform/logging.js';
import { createMetrics, type Metrics } from './platform/metrics.js';
import { checkSecretsKey, createSecretBox, parseSecretsKey } from './platform/secrets/secret-box.js';
import { startupMark } from './platform/startup-trace.js';

export {
  ALL_MIGRATIONS,
  type DatabasePreparation,
  madeFromMigratedImage,
  migrateHubDatabase,
  openHubDatabase,
  type PaymentProvidersChoice,
  prepareDatabase,
} from './app/database.js';
export { createServices, type ServicesOptions } from './app/services.js';
export { HUB_VERSION } from './app/version.js';

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
   * Background consumers make their first statement once the hub listens (`serve`): the first
   * requests are answered first. Tests leave it off (the consumers start with the hub).
   */
  backgroundAfterListen?: boolean;
  /**
   * Migrations, the bootstrap key and demo data were done by `prepareDatabase` (a cluster's primary):
   * this process only serves. The one-time results then come from the primary.
   */
  prepared?: boolean;
}

export interface Hub {
  config: HubConfig;
  database: Database;
  http: FastifyInstance;
  metrics: Metrics;
  services: Services;
  /** Live stream, webhooks, inbound connectors and workflow rules. */
  integration: IntegrationLayer;
  /** The CDP's background work (counted events, computed traits, audiences, destinations). */
  cdp: RunningCdp;
  /** The recommendations projection (tests wait for it with caughtUp). */
  recommendationsProjection: RunningConsumer;
  /** The insights projection (tests wait for it with caughtUp). */
  insightsProjection: RunningConsumer;
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
  jobs: BackgroundJobs;
  /** The inbox's SMTP server for inbound mail (OMNIHUB_SMTP_PORT), when configured. */
  smtpInbound: SmtpInbound | undefined;
  /** A system context for scripts and tests. */
  systemCtx(): Ctx;
  listen(): Promise<string>;
  close(): Promise<void>;
}

export function createLogger(level: string): Logger {
  return pino(loggerOptions(level));
}

export async function createHub(opts: HubOptions): Promise<Hub> {
  const { config } = opts;
  const clock = opts.clock ?? systemClock;
  const log = opts.log ?? createLogger(config.logLevel);
  const database = opts.database ?? (await openHubDatabase(config));
  if (!opts.prepared) await migrateHubDatabase(database);
  startupMark('migrations checked');
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

  startupMark('services built');
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
  connectServicesToIntegration(services, integration);
  let relay: NatsRelay | undefined;
  const channelAccounts = await registerHubRoutes(http, {
    services,
    integration,
    config,
    secrets,
    recordChannels,
    webDir: opts.webDir,
    platform: {
      database,
      metrics,
      migrations: ALL_MIGRATIONS,
      migrationsKnownApplied: madeFromMigratedImage(database),
      version: HUB_VERSION,
      metricsToken: config.metricsToken,
      // Set once the relay is started below (the routes are registered first).
      relayState: () => relay?.state(),
      tillInboxAudience,
    },
  });

  startupMark('routes registered');
  const { bootstrapKey, demoLoaded, demoAppKeys, demoStaff } = opts.prepared
    ? NOTHING_PREPARED
    : await initializeDatabase(systemCtx(), services, config);

  // Serving, the background work (sweepers, consumers, delivery loops, the CDP) starts once the hub
  // listens and has answered its first requests (a readiness probe, the first pages): their first
  // statements would otherwise queue ahead of those on PGlite's one connection.
  // Consumers new to this database start at the log's head as it is before the first request.
  await pinConsumerStartHead(database);
  const background = deferredBackground(() =>
    startBackground({ database, config, services, integration, channelAccounts, clock, log, systemCtx }),
  );
  if (!opts.backgroundAfterListen) await background.start();

  startupMark('database initialised');
  let wakeup: { stop(): void } | undefined;
  if (config.natsUrl) {
    // The NATS client loads only when NATS is configured.
    const { startNatsRelay, startNatsWakeup } = await import('./platform/events/nats-relay.js');
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
  const hub: Hub = {
    config,
    database,
    http,
    metrics,
    services,
    integration,
    get cdp() {
      return background.started().cdp;
    },
    log,
    bootstrapKey,
    demoLoaded,
    demoAppKeys,
    demoStaff,
    paymentProviders,
    get recommendationsProjection() {
      return background.started().recommendationsProjection;
    },
    get insightsProjection() {
      return background.started().insightsProjection;
    },
    get jobs() {
      return background.started().jobs;
    },
    get smtpInbound() {
      return background.started().smtpInbound;
    },
    systemCtx,
    async listen() {
      const address = await http.listen({ port: config.port, host: config.host });
      startupMark('listening');
      if (opts.backgroundAfterListen)
        background.startAfter(BACKGROUND_AFTER_LISTEN_MS, log, () => hub.close());
      return address;
    },
    async close() {
      if (closed) return;
      closed = true;
      const running = await background.cancel();
      // A request already sent on an open connection is read before the server starts refusing
      // (503): stopping the background used to give it that moment, a hub that never started it
      // takes it here.
      if (!running) await new Promise((r) => setTimeout(r, 100));
      await running?.cdp.stop();
      await integration.stop(); // ends live streams first: open SSE responses would hold http.close()
      await running?.smtpInbound?.close();
      await http.close();
      await running?.stop();
      await mjmlCompiler.stop(); // its thread, if an email started one (the deliveries have stopped)
      services.mailer.close?.();
      wakeup?.stop();
      await relay?.stop();
      if (!opts.database) await database.close();
    },
  };
  return hub;
}

/** How long a serving hub answers requests alone before its background work starts. */
const BACKGROUND_AFTER_LISTEN_MS = 500;

/** The background work, started now (tests) or a moment after listening (serving); never after a stop. */
function deferredBackground(startNow: () => Promise<RunningBackground>) {
  let running: Promise<RunningBackground> | undefined;
  let value: RunningBackground | undefined;
  let timer: NodeJS.Timeout | undefined;
  let cancelled = false;
  const start = () => {
    running ??= startNow().then((b) => {
      value = b;
      return b;
    });
    return running;
  };
  return {
    start,
    started(): RunningBackground {
      if (!value) throw new Error("the hub's background work has not started yet");
      return value;
    },
    /** Starts it `ms` after now; a failure (an SMTP port taken) is logged and stops the hub. */
    startAfter(ms: number, log: Logger, stopHub: () => Promise<void>): void {
      timer = setTimeout(() => {
        if (cancelled) return;
        start().catch(async (err) => {
          log.error({ err }, 'the background work could not start: stopping');
          await stopHub().catch(() => {});
          process.exit(1);
        });
      }, ms);
    },
    /** No start from now on; the running background (once its start is done), if any. */
    async cancel(): Promise<RunningBackground | undefined> {
      cancelled = true;
      if (timer) clearTimeout(timer);
      return running?.catch(() => undefined);
    },
  };
}

/** Imports of order history find inbound connectors, and CDP destinations webhook endpoints. */
function connectServicesToIntegration(services: Services, integration: IntegrationLayer): void {
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
}
