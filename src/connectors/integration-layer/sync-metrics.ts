// Sync health in /metrics: per webhook endpoint lag, pending and dead-lettered deliveries, read from
// the database at scrape time (so every node reports the same truth), plus this node's send counters.
import { Counter, Gauge } from 'prom-client';
import type { WebhooksService } from '../../modules/integrations/index.js';
import type { Ctx } from '../../platform/context.js';
import type { Metrics } from '../../platform/metrics.js';

export interface SyncMetrics {
  webhookSends: Counter<'result'>;
}

export function registerSyncMetrics(
  metrics: Metrics,
  webhooks: WebhooksService,
  ctx: () => Ctx,
): SyncMetrics {
  const registers = [metrics.registry];
  const labelNames = ['endpoint'] as const;
  // One query feeds all gauges: the first gauge's collect (run first at each scrape) refreshes them.
  const lag: Gauge<'endpoint'> = new Gauge({
    name: 'omnihub_webhook_lag_seconds',
    help: 'Age of the oldest undelivered event per endpoint',
    labelNames,
    registers,
    collect: async () => {
      try {
        const health = await webhooks.health(ctx());
        for (const g of [lag, pending, dead, delivered, failed]) g.reset();
        for (const h of health) {
          const l = { endpoint: h.endpointId };
          lag.set(l, h.lagSeconds);
          pending.set(l, h.pending);
          dead.set(l, h.deadLettered);
          delivered.set(l, h.delivered);
          failed.set(l, h.failedAttempts);
        }
      } catch {
        // the database may be down; /metrics still answers with the process metrics
      }
    },
  });
  const pending = new Gauge({
    name: 'omnihub_webhook_pending',
    help: 'Deliveries queued or in flight per endpoint',
    labelNames,
    registers,
  });
  const dead = new Gauge({
    name: 'omnihub_webhook_dead_letter_depth',
    help: 'Dead-lettered deliveries per endpoint',
    labelNames,
    registers,
  });
  const delivered = new Gauge({
    name: 'omnihub_webhook_delivered',
    help: 'Deliveries made per endpoint (all nodes)',
    labelNames,
    registers,
  });
  const failed = new Gauge({
    name: 'omnihub_webhook_failed_attempts',
    help: 'Failed attempts per endpoint (all nodes)',
    labelNames,
    registers,
  });
  return {
    webhookSends: new Counter({
      name: 'omnihub_webhook_sends_total',
      help: 'Webhook send attempts made by this node, by result',
      labelNames: ['result'],
      registers,
    }),
  };
}
