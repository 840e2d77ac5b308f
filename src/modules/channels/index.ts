// Channels: every sales and contact channel (webshop, app, store tills, marketplaces, social, chat…)
// as a first-class record that other modules refer to by id.
import { fileURLToPath } from 'node:url';
import type { MigrationSet } from '../../platform/db/migrate.js';

export {
  CHANNEL_EVENT_SCHEMAS,
  CHANNEL_EVENTS,
  type ChannelEventPayload,
  channelsVersion,
} from './channels.events.js';
export { channelsRoutes } from './channels.routes.js';
export {
  type ChannelsDeps,
  type ChannelsService,
  createChannelsService,
  type PriceListCurrencyLookup,
} from './channels.service.js';
export * from './channels.types.js';

export const channelsMigrations: MigrationSet = {
  name: 'channels',
  folder: fileURLToPath(new URL('./migrations', import.meta.url)),
};
