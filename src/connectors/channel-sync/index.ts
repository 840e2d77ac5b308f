// Outbound channel sync on the wire: generic signed JSON batches and the WooCommerce REST v3 batch
// API, token-bucket rate limits, the push worker that leases connections on every node, the dry-run
// and resync routes, and health in /metrics. Assembled here for the integration layer.
import type { FastifyPluginAsync } from 'fastify';
import {
  type ChannelSyncFlowDeps,
  createChannelSyncFlow,
  startChannelSyncEnqueuer,
} from '../../flows/channel-sync/index.js';
import type { Clock } from '../../kernel/index.js';
import { channelSyncRoutes, createChannelSyncService } from '../../modules/channel-sync/index.js';
import { createContext, type Logger } from '../../platform/context.js';
import type { Database } from '../../platform/db/database.js';
import type { RunningConsumer } from '../../platform/events/consumer.js';
import type { Metrics } from '../../platform/metrics.js';
import type { SecretBox } from '../../platform/secrets/secret-box.js';
import { createOutboundClient, type TargetGuard } from '../webhooks-out/index.js';
import { channelSyncAuditRoutes } from './audit.routes.js';
import { channelSyncWireRoutes } from './channel-sync.routes.js';
import { registerChannelSyncMetrics } from './channel-sync-metrics.js';
import {
  type ChannelSyncPushConfig,
  loadChannelSyncConfig,
  type RunningChannelSyncPush,
  startChannelSyncPush,
} from './push-worker.js';
import { createReadRemote } from './read-back.js';
import { sendWire, type WireRequest } from './wire.js';

export { ADAPTERS, type ChannelSyncPushConfig, loadChannelSyncConfig } from './push-worker.js';
export { TokenBucket } from './token-bucket.js';
export { wooEntry } from './woocommerce.js';

export function createChannelSync(opts: {
  database: Database;
  log: Logger;
  clock: Clock;
  metrics: Metrics;
  guard: TargetGuard;
  retryScheduleMs: number[] | undefined;
  /** The modules whose truth is pushed (channels, catalog, inventory). */
  sources: Omit<ChannelSyncFlowDeps, 'sync'>;
  config?: Partial<ChannelSyncPushConfig>;
  /** Seals connection credentials at rest (OMNIHUB_SECRETS_KEY). */
  secrets?: SecretBox | undefined;
}) {
  const { database, log, clock } = opts;
  const config = { ...loadChannelSyncConfig(), ...opts.config };
  const service = createChannelSyncService({
    ...(opts.retryScheduleMs ? { retryScheduleMs: opts.retryScheduleMs } : {}),
    checkTargetUrl: (url, field) => opts.guard.check(url, field),
    channelExists: async (ctx, id) => (await opts.sources.channels.findChannel(ctx, id))?.id === id,
    secrets: opts.secrets,
  });
  // The audit reads channels back through its own few sockets, with the usual answer cap.
  const readClient = createOutboundClient({ guard: opts.guard, maxSockets: 8 });
  const readRemote = createReadRemote({
    service,
    client: readClient,
    guard: opts.guard,
    timeoutMs: config.timeoutMs,
    nowSeconds: () => Math.floor(clock.now().getTime() / 1000),
  });
  const flow = createChannelSyncFlow({ ...opts.sources, sync: service, readRemote });
  registerChannelSyncMetrics(opts.metrics, service, () => createContext(database, { clock, log }));
  let push: RunningChannelSyncPush | undefined;
  let enqueuer: RunningConsumer | undefined;
  const wake = () => push?.wake();
  // "Test connection" waits for one answer on the request path: its own small client, a short deadline.
  const checkClient = createOutboundClient({ guard: opts.guard, maxSockets: 4, maxResponseBytes: 64 * 1024 });
  const sendCheck = async (req: WireRequest) => {
    try {
      await opts.guard.check(req.url);
    } catch (err) {
      return { kind: 'park' as const, error: (err as Error).message, statusCode: 0 };
    }
    return sendWire(checkClient, req, Math.min(config.timeoutMs, 10_000));
  };
  return {
    service,
    flow,
    get push() {
      return push;
    },
    get enqueuer() {
      return enqueuer;
    },
    routes: (async (api) => {
      await api.register(channelSyncRoutes(service));
      await api.register(channelSyncWireRoutes(service, flow, wake, sendCheck));
      await api.register(channelSyncAuditRoutes(service, flow, wake));
    }) as FastifyPluginAsync,
    start() {
      if (push) return;
      push = startChannelSyncPush({ database, service, flow, guard: opts.guard, config, clock, log });
      enqueuer = startChannelSyncEnqueuer({ database, flow, clock, log, onQueued: wake });
    },
    async stop() {
      await enqueuer?.stop();
      enqueuer = undefined;
      await push?.stop();
      push = undefined;
    },
    /** Closes the test connections' sockets (at hub shutdown). */
    close: () => {
      checkClient.close();
      readClient.close();
    },
  };
}

export type ChannelSync = ReturnType<typeof createChannelSync>;
