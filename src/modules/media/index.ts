// Media: product and variant pictures (upload, normalise, sizes in AVIF/WebP/JPEG, alt text per
// locale, order), stored on disk under the data directory or any MediaStorage, served with long-lived
// cache headers and ETags. Refers to products and variants by id only; flows/product-media checks them.
import { fileURLToPath } from 'node:url';
import type { MigrationSet } from '../../platform/db/migrate.js';

export { MEDIA_EVENT_SCHEMAS, MEDIA_EVENTS, type MediaEventPayload } from './media.events.js';
export { type Master, makeMaster, trustedSvgMaster } from './media.images.js';
export { mediaApiRoutes, mediaServeRoutes } from './media.routes.js';
export {
  altIn,
  createMediaService,
  type MediaDeps,
  type MediaService,
  type Rendition,
  viewOf,
  widthsOf,
} from './media.service.js';
export { diskMediaStorage, type MediaStorage, mediaStorageFor, memoryMediaStorage } from './media.storage.js';
export * from './media.types.js';
export { imageForVariant } from './variant-image.js';

export const mediaMigrations: MigrationSet = {
  name: 'media',
  folder: fileURLToPath(new URL('./migrations', import.meta.url)),
};
