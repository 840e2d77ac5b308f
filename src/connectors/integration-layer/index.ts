// The integration layer assembled for the composition root: the live stream, outbound webhooks
// (service, routes, delivery worker, SSRF guard, sync metrics), inbound connectors and workflow
// rules. app.ts creates it, registers its routes under /api and starts/stops it with the hub.
import type { FastifyPluginAsync } from 'fastify';
import type { InboundCommandDeps } from '../../flows/inbound-commands/index.js';
import { type CustomerActions, startWorkflowRules } from '../../flows/workflow-rules/index.js';
import type { Clock } from '../../kernel/index.js';
import {
  type ContactConsentPort,
  createInboundService,
  createRulesService,
  createWebhooksService,
  inboundRoutes,
  rulesRoutes,
  webhooksRoutes,
} from '../../modules/integrations/index.js';
import { type Ctx, createContext, type Logger } from '../../platform/context.js';
import type { Database } from '../../platform/db/database.js';
import type { RunningConsumer } from '../../platform/events/consumer.js';
import type { Metrics } from '../../platform/metrics.js';
import type { SecretBox } from '../../platform/secrets/secret-box.js';
import { type ChannelSync, createChannelSync } from '../channel-sync/index.js';
import { inboundDryRunRoutes, inboundReceiptRoutes, startInboundProcessor } from '../inbound/index.js';
import {
  type EventStreamHub,
  loadStreamConfig,
  type StreamRouteOptions,
  startEventStreamHub,
  streamRoutes,
} from '../stream/index.js';
import {
  createSender,
  createTargetGuard,
  loadWebhooksConfig,
  type RunningWebhooksOut,
  startWebhooksOut,
  type WebhooksOutConfig,
  webhookTestRoutes,
} from '../webhooks-out/index.js';
import { registerSyncMetrics } from './sync-metrics.js';

export { type HubServicesForIntegration, integrationDepsFrom } from './module-wiring.js';

export interface IntegrationLayerOptions {
  database: Database;
  log: Logger;
  clock: Clock;
  metrics: Metrics;
  /** Defaults to the OMNIHUB_WEBHOOK_* environment. */
  webhooksConfig?: Partial<WebhooksOutConfig>;
  /** Don't run delivery loops on this node (e.g. a read-only API node). */
  deliver?: boolean;
  /** The customers module's notes, tags and traits, for rule actions on customers. */
  customers?: CustomerActions;
  /** Customers' consent, for endpoints and rule actions with a contact purpose. */
  consent?: ContactConsentPort;
  /** Seals inbound connector secrets at rest (OMNIHUB_SECRETS_KEY); none = stored as given. */
  secrets?: SecretBox;
  /** The modules' services that carry out inbound commands (orders, catalog, stock, customers). */
  commands?: InboundCommandDeps;
  /** A channel's currency (prices in payloads without one). */
  channelCurrency?: (ctx: Ctx, channelId: string) => Promise<string | undefined>;
  /** The modules outbound channel sync reads (channels, catalog, inventory); none = no channel sync. */
  channelSyncSources?: HubServicesForChannelSync;
  /** A sale's customers, whose inbox events a till hears on the stream (`?cart=`). */
  tillInboxAudience?: StreamRouteOptions['tillInboxAudience'];
}

type HubServicesForChannelSync = Parameters<typeof createChannelSync>[0]['sources'];

export function createIntegrationLayer(opts: IntegrationLayerOptions) {
  const { database, log, clock, metrics } = opts;
  const config: WebhooksOutConfig = { ...loadWebhooksConfig(), ...opts.webhooksConfig };
  const guard = createTargetGuard({ allowPrivate: config.allowPrivateTargets });
  const webhooks = createWebhooksService({
    ...(config.retryScheduleMs ? { retryScheduleMs: config.retryScheduleMs } : {}),
    checkTargetUrl: (url) => guard.check(url),
    secrets: opts.secrets,
    consent: opts.consent,
  });
  const rules = createRulesService();
  const inbound = createInboundService({ secrets: opts.secrets });
  const systemCtx = () => createContext(database, { clock, log });
  const syncMetrics = registerSyncMetrics(metrics, webhooks, systemCtx, inbound);
  const channelSync: ChannelSync | undefined = opts.channelSyncSources
    ? createChannelSync({
        database,
        log,
        clock,
        metrics,
        guard,
        retryScheduleMs: config.retryScheduleMs,
        sources: opts.channelSyncSources,
        secrets: opts.secrets,
      })
    : undefined;
  // "Send test" sends through its own few connections (closed with the layer), the worker's sender
  // exists only on nodes that deliver.
  const testSender = createSender({ timeoutMs: Math.min(config.timeoutMs, 10_000), guard, maxSockets: 4 });
  let stream: EventStreamHub | undefined;
  let worker: RunningWebhooksOut | undefined;
  let rulesRunner: RunningConsumer | undefined;
  let inboundProcessor: RunningConsumer | undefined;
  const startInbound = () =>
    opts.commands
      ? startInboundProcessor({
          database,
          inbound,
          commands: opts.commands,
          channelCurrency: opts.channelCurrency ?? (async () => undefined),
          clock,
          log,
        })
      : undefined;

  const layer = {
    config,
    services: { webhooks, rules, inbound, channelSync: channelSync?.service },
    /** Outbound channel sync (listing, price and stock pushes), when the modules were passed in. */
    channelSync,
    get worker() {
      return worker;
    },
    get stream() {
      return stream;
    },
    /** Routes to register inside the /api prefix. */
    routes: (async (api) => {
      stream ??= startEventStreamHub({ database, log, ...loadStreamConfig() });
      await api.register(streamRoutes(stream, { tillInboxAudience: opts.tillInboxAudience }));
      await api.register(webhooksRoutes(webhooks));
      await api.register(webhookTestRoutes(webhooks, testSender));
      await api.register(rulesRoutes(rules));
      await api.register(inboundRoutes(inbound));
      await api.register(inboundDryRunRoutes(inbound));
      await api.register(inboundReceiptRoutes(inbound));
      if (channelSync) await api.register(channelSync.routes);
    }) as FastifyPluginAsync,
    get rulesRunner() {
      return rulesRunner;
    },
    get inboundProcessor() {
      return inboundProcessor;
    },
    /**
     * Stops processing inbound deliveries (they are still accepted, and wait); the function returned
     * starts it again from where it stopped. For maintenance, and for tests that need a backlog.
     */
    async pauseInbound(): Promise<() => void> {
      await inboundProcessor?.stop();
      inboundProcessor = undefined;
      return () => {
        inboundProcessor ??= startInbound();
      };
    },
    start() {
      if (opts.deliver === false || worker) return;
      worker = startWebhooksOut({
        database,
        service: webhooks,
        config,
        clock,
        log,
        onOutcomes: (r) => {
          if (r.delivered) syncMetrics.webhookSends.inc({ result: 'delivered' }, r.delivered);
          if (r.retried) syncMetrics.webhookSends.inc({ result: 'retry' }, r.retried);
          if (r.dead) syncMetrics.webhookSends.inc({ result: 'dead' }, r.dead);
        },
      });
      channelSync?.start();
      const running = worker;
      rulesRunner = startWorkflowRules({
        database,
        rules,
        webhooks,
        customers: opts.customers,
        clock,
        log,
        onWebhookQueued: () => running.wake(),
      });
      inboundProcessor = startInbound();
    },
    async stop() {
      await channelSync?.stop();
      await inboundProcessor?.stop();
      inboundProcessor = undefined;
      await rulesRunner?.stop();
      rulesRunner = undefined;
      await worker?.stop();
      worker = undefined;
      await stream?.stop();
      stream = undefined;
      testSender.close();
      channelSync?.close();
    },
  };
  return layer;
}

export type IntegrationLayer = ReturnType<typeof createIntegrationLayer>;
