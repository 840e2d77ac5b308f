// Events of the recommendations module. A product page view stored by ingestion (a Segment-style
// "Product Viewed" track) is handed over in the storing transaction as one event per batch, naming the
// customer by id and the product by id or SKU only: the projection counts views from the log, so a
// rebuild from position 0 sees them again.
import { z } from 'zod';
import { defineEvents, type EventPayload, EventTime } from '../../platform/events/event-schemas.js';

export const RECOMMENDATION_EVENTS = {
  productsViewed: 'recommendation.products_viewed',
} as const;

export const RECOMMENDATION_EVENT_SCHEMAS = defineEvents({
  [RECOMMENDATION_EVENTS.productsViewed]: z.strictObject({
    views: z.array(
      z.strictObject({
        customerId: z.string(),
        productId: z.string().nullable().describe('the product id, handle or SKU the track named'),
        sku: z.string().nullable(),
        channelId: z.string(),
        at: EventTime,
      }),
    ),
  }),
});

export type RecommendationEventPayload<T extends keyof typeof RECOMMENDATION_EVENT_SCHEMAS> = EventPayload<
  typeof RECOMMENDATION_EVENT_SCHEMAS,
  T
>;
