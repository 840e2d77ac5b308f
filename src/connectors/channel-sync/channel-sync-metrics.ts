// Channel sync health in /metrics: per connection lag, queue depth, dead-lettered items and
// pushed/failed counts, read from the database at scrape time so every node reports the same truth.
import { Gauge } from 'prom-client';
import type { ChannelSyncService, ConnectionHealth } from '../../modules/channel-sync/index.js';
import type { Ctx } from '../../platform/context.js';
import type { Metrics } from '../../platform/metrics.js';

export function registerChannelSyncMetrics(
  metrics: Metrics,
  service: ChannelSyncService,
  ctx: () => Ctx,
): void {
  const labelNames = ['connection', 'channel', 'kind'] as const;
  // The registry collects every metric at once, so each gauge awaits the same one query per scrape
  // (a gauge filled by another gauge's collect would show the previous scrape's values).
  let reading: Promise<ConnectionHealth[]> | undefined;
  const health = () => {
    reading ??= service
      .health(ctx())
      .catch(() => [] as ConnectionHealth[]) // the database may be down; /metrics still answers
      .finally(() => {
        setImmediate(() => {
          reading = undefined;
        });
      });
    return reading;
  };
  const gauge = (name: string, help: string, value: (h: ConnectionHealth) => number) => {
    const g: Gauge<(typeof labelNames)[number]> = new Gauge({
      name,
      help,
      labelNames,
      registers: [metrics.registry],
      collect: async () => {
        const all = await health();
        g.reset();
        for (const h of all)
          g.set({ connection: h.connectionId, channel: h.channelId, kind: h.kind }, value(h));
      },
    });
  };
  gauge(
    'omnihub_channel_sync_lag_seconds',
    'Age of the oldest pending item per connection, else time since its last push',
    (h) => h.lagSeconds,
  );
  gauge('omnihub_channel_sync_queue_depth', 'Items waiting to be pushed per connection', (h) => h.queueDepth);
  gauge(
    'omnihub_channel_sync_dead_letter_depth',
    'Dead-lettered items per connection',
    (h) => h.deadLettered,
  );
  gauge('omnihub_channel_sync_pushed', 'Items pushed per connection (all nodes)', (h) => h.pushed);
  gauge('omnihub_channel_sync_failed', 'Failed item attempts per connection (all nodes)', (h) => h.failed);
}
