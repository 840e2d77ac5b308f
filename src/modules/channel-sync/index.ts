// Channel sync: connections of hub channels to external shops and marketplaces, and the coalescing
// queue of stock, price and listing changes to push to them (retries, dead-letter queue, health).
import { fileURLToPath } from 'node:url';
import type { MigrationSet } from '../../platform/db/migrate.js';

export { CHANNEL_SYNC_EVENT_SCHEMAS, CHANNEL_SYNC_EVENTS } from './channel-sync.events.js';
export { channelSyncRoutes } from './channel-sync.routes.js';
export {
  CHANNEL_SYNC_RETRY_SCHEDULE_MS,
  type ChannelSyncDeps,
  type ChannelSyncService,
  createChannelSyncService,
} from './channel-sync.service.js';
export * from './channel-sync.types.js';

export const channelSyncMigrations: MigrationSet = {
  name: 'channel_sync', // names its history table, so no hyphen
  folder: fileURLToPath(new URL('./migrations', import.meta.url)),
};
