// Sync health in /metrics: per webhook endpoint lag, pending and dead-lettered deliveries, read from
// the database at scrape time (so every node reports the same truth), plus this node's send counters.
import { Counter } from 'prom-client';
import type { EndpointHealth, WebhooksService } from '../../modules/integrations/index.js';
import type { Ctx } from '../../platform/context.js';
import { type Metrics, registerScrapeGauges } from '../../platform/metrics.js';

export interface SyncMetrics {
  webhookSends: Counter<'result'>;
}

export function registerSyncMetrics(
  metrics: Metrics,
  webhooks: WebhooksService,
  ctx: () => Ctx,
): SyncMetrics {
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
