// The hub's background work, started once its routes are registered: sweepers, consumers of the
// event log and the inbox's delivery loop.

import { hostname } from 'node:os';
import type { Logger } from 'pino';
import { createEmailSender, type SmtpInbound, startSmtpInbound } from '../connectors/inbox/index.js';
import type { IntegrationLayer } from '../connectors/integration-layer/index.js';
import {
  createGuardedPushTransport,
  createTargetGuard,
  loadWebhooksConfig,
} from '../connectors/webhooks-out/index.js';
import { type RunningCdp, startCdp } from '../flows/cdp/index.js';
import {
  releaseDuePreorders,
  startCustomerCommerceProjection,
  startOrderConfirmations,
  startRestockAllocation,
} from '../flows/commerce/index.js';
import { startInsightsProjection } from '../flows/insights/index.js';
import { startJourneysBackground } from '../flows/journeys/index.js';
import { startPricingBackground } from '../flows/pricing/index.js';
import { startRecommendationsProjection } from '../flows/recommendations/index.js';
import { startWalletBackground } from '../flows/wallet/index.js';
import { type Clock, newId } from '../kernel/index.js';
import type { ChannelAccountStore } from '../modules/inbox/index.js';
import { clearExpiredInboundBodies, deleteDeliveredWebhooks } from '../modules/integrations/index.js';
import { startExpirySweeper } from '../modules/inventory/index.js';
import { deleteEndedShopperRecords } from '../modules/shoppers/index.js';
import type { HubConfig } from '../platform/config.js';
import type { Ctx } from '../platform/context.js';
import type { Database } from '../platform/db/database.js';
import type { RunningConsumer } from '../platform/events/consumer.js';
import { onHeartbeat } from '../platform/events/lease-heartbeat.js';
import { deleteExpiredIdempotencyKeys } from '../platform/http/idempotency.js';
import { type PeriodicJob, startPeriodicJob } from '../platform/jobs/periodic-job.js';
import { createPushSender } from '../platform/push/web-push.js';
import type { Services } from './services.js';

export interface BackgroundDeps {
  database: Database;
  config: HubConfig;
  services: Services;
  integration: IntegrationLayer;
  /** The messaging channels' accounts: a shop's support address for email replies and inbound mail. */
  channelAccounts: ChannelAccountStore;
  clock: Clock;
  log: Logger;
  systemCtx: () => Ctx;
}

/** Background sweepers that tests and admin tools can run now. */
export interface BackgroundJobs {
  customerStages: PeriodicJob;
  webhookRetention: PeriodicJob;
  inboundRetention: PeriodicJob;
  idempotencyExpiry: PeriodicJob;
  idleTillSales: PeriodicJob;
  /** Pre-orders whose release date came get the stock already in (no stock event needed). */
  preorderRelease: PeriodicJob;
  /** Sends queued inbox replies (also woken at once when a reply is queued). */
  inboxDelivery: PeriodicJob;
  /** The consistency audit of the channel sync connections due (one node each), kept for the score. */
  consistencyAudit: PeriodicJob;
}

export interface RunningBackground {
  cdp: RunningCdp;
  recommendationsProjection: RunningConsumer;
  insightsProjection: RunningConsumer;
  jobs: BackgroundJobs;
  smtpInbound: SmtpInbound | undefined;
  /** Stops everything but the CDP and the SMTP server, which the hub stops before its HTTP server. */
  stop(): Promise<void>;
}

/** The sweepers, projections, consumers and delivery loops of one hub process. */
export async function startBackground(deps: BackgroundDeps): Promise<RunningBackground> {
  deps.services.mailer.prepare?.(); // the SMTP client, now rather than at the first (busy) mail
  const sweepers = startSweepers(deps);
  const consumers = startConsumers(deps);
  deps.integration.start();
  const cdp: RunningCdp = startCdp({
    database: deps.database,
    clock: deps.clock,
    log: deps.log,
    cdp: deps.services.cdp,
    customers: deps.services.customers,
    webhooks: deps.integration.services.webhooks,
    tap: deps.services.cdpTap,
    onWebhookQueued: () => deps.integration.worker?.wake(),
  });
  const inbox = await startInboxDelivery(deps);
  return {
    cdp,
    recommendationsProjection: consumers.recommendationsProjection,
    insightsProjection: consumers.insightsProjection,
    jobs: { ...sweepers.jobs, inboxDelivery: inbox.delivery },
    smtpInbound: inbox.smtpInbound,
    async stop() {
      for (const stop of [...sweepers.stops, ...consumers.stops, ...inbox.stops]) await stop();
    },
  };
}

type Stop = () => Promise<void> | void;

/** This process, as the holder of audit leases. */
const auditOwner = `${hostname()}/${process.pid}/${newId('con')}`;

/** Periodic jobs: expiries, retention and the drift of customers' stages. */
function startSweepers({
  services,
  config,
  integration,
  systemCtx: ctx,
  database,
  clock,
  log,
}: BackgroundDeps) {
  const expirySweeper = startExpirySweeper({ ctx, expireHolds: services.inventory.expireHolds });
  const job = (name: string, intervalMs: number, run: (ctx: Ctx) => Promise<unknown>) =>
    startPeriodicJob({ name, ctx, run, intervalMs });
  const jobs = {
    // Buyers drift to at risk, then lapsed, as days pass without an order.
    customerStages: job('refresh-customer-stages', 60_000, (c) => services.customers.refreshStages(c)),
    // Till sales nobody touched for a shop day give their stock back (see till-sales.flow.ts).
    idleTillSales: job('abandon-idle-till-sales', 300_000, (c) => services.commerce.tillSales.abandonIdle(c)),
    // Delivered webhook rows are kept OMNIHUB_WEBHOOK_RETENTION_DAYS, then deleted in batches.
    webhookRetention: job('delete-delivered-webhooks', 60_000, (c) =>
      deleteDeliveredWebhooks(c, { retentionMs: config.webhookRetentionDays * 86_400_000 }),
    ),
    // Raw inbound bodies (a sender's copy of the buyer's data) are cleared after OMNIHUB_INBOUND_RETENTION_DAYS.
    inboundRetention: job('clear-expired-inbound-bodies', 60_000, (c) =>
      clearExpiredInboundBodies(c, { retentionMs: config.inboundRetentionDays * 86_400_000 }),
    ),
    // A pre-order's release date passing is no event: its waiting orders are looked at every 10 minutes.
    preorderRelease: job(
      'release-due-preorders',
      600_000,
      releaseDuePreorders({
        database,
        clock,
        log,
        inventory: services.inventory,
        catalog: services.catalog,
        orders: services.orders,
      }),
    ),
    // Idempotency keys replay their outcome for 24 h, then go.
    idempotencyExpiry: job('delete-expired-idempotency-keys', 600_000, (c) =>
      deleteExpiredIdempotencyKeys(c),
    ),
    // Each connection's audit with read-back once per interval, on whichever node leases it.
    consistencyAudit: job('consistency-audit', config.auditIntervalSeconds * 1000, async (c) =>
      integration.channelSync?.flow.runDueAudits(c, {
        owner: auditOwner,
        intervalMs: config.auditIntervalSeconds * 1000,
      }),
    ),
  };
  const others = [
    job('expire-uncollected-pickups', 60_000, (c) => services.commerce.orderActions.expireUncollected(c)),
    // Ended shopper sessions and spent sign-in codes are deleted once nothing can use them.
    job('delete-ended-shopper-sessions', 3_600_000, deleteEndedShopperRecords),
    // Imports left `running` by a process that died (crash, kill) are failed with a reason.
    job('fail-stale-imports', Math.min(30_000, config.importStaleSeconds * 500), (c) =>
      services.catalog.failStaleImportJobs(
        c,
        new Date(c.clock.now().getTime() - config.importStaleSeconds * 1000),
      ),
    ),
  ];
  const stops: Stop[] = [expirySweeper, ...Object.values(jobs), ...others].map((j) => () => j.stop());
  return { jobs, stops };
}

/** Consumers of the event log: projections, caches, confirmations, restock and journeys. */
function startConsumers({ database, services, clock, log }: BackgroundDeps) {
  const common = { database, clock, log };
  const customerCommerce = startCustomerCommerceProjection({
    ...common,
    customers: services.customers,
    orders: services.orders.orders,
  });
  // Products bought and viewed together, counted from the log (rebuildable from position 0).
  const recommendationsProjection = startRecommendationsProjection({
    ...common,
    catalog: services.catalog,
    recommendations: services.recommendations,
  });
  // Touchpoints, order facts, daily rollups and cart channels for the insights (rebuildable from 0).
  const insightsProjection = startInsightsProjection({ ...common, insights: services.insights });
  // Channel pages and products kept in memory until an event (from any node) changes them.
  const channelViews = services.channelCatalog.followChanges({ database, log });
  const promotionUsesRelease = startPricingBackground({ ...common, promotions: services.promotions });
  // Points on paid orders, reversals and wallet refunds, store credit onto the ledger; points expiry.
  const walletLedger = startWalletBackground({ ...common, wallet: services.walletFlow });
  // The shopper's order confirmation email (web and app orders), in the page's language.
  const orderConfirmations = startOrderConfirmations({
    ...common,
    orders: services.orders,
    channels: services.channels,
    mailer: services.mailer,
  });
  // Stock coming in goes to the orders sold beyond the stock, oldest first.
  const restockAllocation = startRestockAllocation({
    ...common,
    inventory: services.inventory,
    catalog: services.catalog,
    orders: services.orders,
  });
  // Triggered journeys: the consumer of cart and order events, the timers' sweeper, the delivery job.
  // Web push goes out through the SSRF guard (OMNIHUB_WEBHOOKS_ALLOW_PRIVATE=1 allows private targets).
  const pushTransport = createGuardedPushTransport(
    createTargetGuard({ allowPrivate: loadWebhooksConfig().allowPrivateTargets }),
  );
  services.journeysFlow.deps.push = createPushSender({ transport: pushTransport });
  const journeys = startJourneysBackground({ ...common, flow: services.journeysFlow });
  const stops: Stop[] = [
    ...[
      customerCommerce,
      recommendationsProjection,
      insightsProjection,
      promotionUsesRelease,
      channelViews,
    ].map((c) => () => c.stop()),
    ...[walletLedger, orderConfirmations, restockAllocation, journeys].map((c) => () => c.stop()),
    () => pushTransport.close(),
  ];
  return { recommendationsProjection, insightsProjection, stops };
}

/** Inbox replies (email through the relay when configured, web chat stored), snoozes, inbound mail. */
async function startInboxDelivery({
  services,
  config,
  channelAccounts,
  database,
  systemCtx,
}: BackgroundDeps) {
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
  const delivery = startPeriodicJob({
    name: 'inbox-deliver',
    ctx: systemCtx,
    run: (ctx) => services.inboxFlow.deliverDue(ctx),
    intervalMs: 1_000,
  });
  services.inboxWake.now = () => void delivery.runNow();
  // The replies being sent keep their short leases on the process heartbeat (a dead node's, resent in seconds).
  const stopLeases = onHeartbeat(database, () => services.inboxFlow.renewDeliveryLeases(systemCtx()));
  const snoozes = startPeriodicJob({
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
  const stops: Stop[] = [() => delivery.stop(), stopLeases, () => snoozes.stop()];
  return { delivery, smtpInbound, stops };
}
