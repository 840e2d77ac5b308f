// Events media emits (subject: the product id), so feeds and caches follow a product's pictures.
import { z } from 'zod';
import { defineEvents, type EventPayload } from '../../platform/events/event-schemas.js';

export const MEDIA_EVENTS = {
  imageAdded: 'media.image_added',
  imageChanged: 'media.image_changed',
  imageRemoved: 'media.image_removed',
} as const;

const ImageFacts = z.strictObject({
  imageId: z.string(),
  productId: z.string(),
  variantId: z.string().nullable(),
  position: z.number().int(),
});

export const MEDIA_EVENT_SCHEMAS = defineEvents({
  [MEDIA_EVENTS.imageAdded]: ImageFacts.extend({ width: z.number().int(), height: z.number().int() }),
  [MEDIA_EVENTS.imageChanged]: ImageFacts.extend({ altLocales: z.array(z.string()) }),
  [MEDIA_EVENTS.imageRemoved]: z.strictObject({ imageId: z.string(), productId: z.string() }),
});

export type MediaEventPayload<T extends keyof typeof MEDIA_EVENT_SCHEMAS> = EventPayload<
  typeof MEDIA_EVENT_SCHEMAS,
  T
>;
