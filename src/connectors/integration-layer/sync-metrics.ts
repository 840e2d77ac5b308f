// Sync health in /metrics: per webhook endpoint lag, pending and dead-lettered deliveries, read from
// the database at scrape time (so every node reports the same truth), plus this node's send counters.
import { Counter } from 'prom-client';
import type {
  ConnectorHealth,
  EndpointHealth,
  InboundService,
  WebhooksService,
} from '../../modules/integrations/index.js';
import type { Ctx } from '../../platform/context.js';
import { type Metrics, registerScrapeGauges } from '../../platform/metrics.js';

export interface SyncMetrics {
  webhookSends: Counter<'result'>;
}

export function registerSyncMetrics(
  metrics: Metrics,
  webhooks: WebhooksService,
  ctx: () => Ctx,
  inbound?: InboundService,
): SyncMetrics {
  if (inbound) registerInboundQueueMetrics(metrics, inbound, ctx);
  registerScrapeGauges<EndpointHealth, 'endpoint'>(
    metrics,
    {
      labelNames: ['endpoint'],
      labels: (h) => ({ endpoint: h.endpointId }),
      read: () => webhooks.health(ctx()),
    },
    [
      {
        name: 'omnihub_webhook_lag_seconds',
        help: 'Age of the oldest undelivered event per endpoint',
        value: (h) => h.lagSeconds,
      },
      {
        name: 'omnihub_webhook_pending',
        help: 'Deliveries queued or in flight per endpoint',
        value: (h) => h.pending,
      },
      {
        name: 'omnihub_webhook_dead_letter_depth',
        help: 'Dead-lettered deliveries per endpoint',
        value: (h) => h.deadLettered,
      },
      {
        name: 'omnihub_webhook_delivered',
        help: 'Deliveries made per endpoint (all nodes)',
        value: (h) => h.delivered,
      },
      {
        name: 'omnihub_webhook_failed_attempts',
        help: 'Failed attempts per endpoint (all nodes)',
        value: (h) => h.failedAttempts,
      },
    ],
  );
  return {
    webhookSends: new Counter({
      name: 'omnihub_webhook_sends_total',
      help: 'Webhook send attempts made by this node, by result',
      labelNames: ['result'],
      registers: [metrics.registry],
    }),
  };
}

/**
 * The inbound queue per connector (deliveries accepted at the door, not yet made into orders and
 * other commands): how many wait and how old the oldest is, the same figures the sync-health page shows.
 */
function registerInboundQueueMetrics(metrics: Metrics, inbound: InboundService, ctx: () => Ctx): void {
  registerScrapeGauges<ConnectorHealth, 'connector' | 'kind'>(
    metrics,
    {
      labelNames: ['connector', 'kind'],
      labels: (h) => ({ connector: h.connectorId, kind: h.kind }),
      read: () => inbound.health(ctx()),
    },
    [
      {
        name: 'omnihub_inbound_waiting',
        help: 'Inbound deliveries accepted and not yet processed, per connector',
        value: (h) => h.waiting,
      },
      {
        name: 'omnihub_inbound_lag_seconds',
        help: 'Age of the oldest inbound delivery not yet processed, per connector (0 when none waits)',
        value: (h) => h.lagSeconds,
      },
      {
        name: 'omnihub_inbound_processed',
        help: 'Inbound deliveries processed per connector (all nodes)',
        value: (h) => h.processed,
      },
      {
        name: 'omnihub_inbound_parked',
        help: 'Inbound deliveries parked (failed translation or command) per connector',
        value: (h) => h.parked,
      },
    ],
  );
}
