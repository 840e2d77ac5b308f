// Channel sync health in /metrics: per connection lag, queue depth, dead-lettered items and
// pushed/failed counts, read from the database at scrape time so every node reports the same truth.
import type { ChannelSyncService, ConnectionHealth } from '../../modules/channel-sync/index.js';
import type { Ctx } from '../../platform/context.js';
import { type Metrics, registerScrapeGauges } from '../../platform/metrics.js';

export function registerChannelSyncMetrics(
  metrics: Metrics,
  service: ChannelSyncService,
  ctx: () => Ctx,
): void {
  registerScrapeGauges<ConnectionHealth, 'connection' | 'channel' | 'kind'>(
    metrics,
    {
      labelNames: ['connection', 'channel', 'kind'],
      labels: (h) => ({ connection: h.connectionId, channel: h.channelId, kind: h.kind }),
      read: () => service.health(ctx()),
    },
    [
      {
        name: 'omnihub_channel_sync_lag_seconds',
        help: 'Age of the oldest pending item per connection, else time since its last push',
        value: (h) => h.lagSeconds,
      },
      {
        name: 'omnihub_channel_sync_queue_depth',
        help: 'Items waiting to be pushed per connection',
        value: (h) => h.queueDepth,
      },
      {
        name: 'omnihub_channel_sync_dead_letter_depth',
        help: 'Dead-lettered items per connection',
        value: (h) => h.deadLettered,
      },
      {
        name: 'omnihub_channel_sync_pushed',
        help: 'Items pushed per connection (all nodes)',
        value: (h) => h.pushed,
      },
      {
        name: 'omnihub_channel_sync_failed',
        help: 'Failed item attempts per connection (all nodes)',
        value: (h) => h.failed,
      },
    ],
  );
}
