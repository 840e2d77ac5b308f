// The catalog as each channel shows it (locale, currency, price, listed, available-to-sell), and the
// per-channel listing and price writes that need to know the channel.
export {
  type AvailabilityReader,
  type ChannelCatalogDeps,
  type ChannelCatalogFlow,
  type ChannelPage,
  createChannelCatalogFlow,
  type ImageReader,
  type ShopProduct,
} from './channel-catalog.flow.js';
export { channelCatalogRoutes } from './channel-catalog.routes.js';
