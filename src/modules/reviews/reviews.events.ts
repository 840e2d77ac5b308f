// Events of the reviews module. Payloads name the review, order, product and channel by id and carry
// the rating: no reviewer name or text (those are personal and erasable; the log is not).
import { z } from 'zod';
import { defineEvents, type EventPayload } from '../../platform/events/event-schemas.js';

export const REVIEW_EVENTS = {
  submitted: 'review.submitted',
  published: 'review.published',
  rejected: 'review.rejected',
} as const;

const ReviewRef = z.strictObject({
  reviewId: z.string(),
  orderId: z.string(),
  productId: z.string(),
  channelId: z.string(),
  rating: z.number().int().min(1).max(5),
});

export const REVIEW_EVENT_SCHEMAS = defineEvents({
  [REVIEW_EVENTS.submitted]: ReviewRef,
  [REVIEW_EVENTS.published]: ReviewRef.extend({ by: z.string().describe('API key or staff id') }),
  [REVIEW_EVENTS.rejected]: ReviewRef.extend({
    by: z.string().describe('API key or staff id'),
    reason: z.string(),
  }),
});

export type ReviewEventPayload<T extends keyof typeof REVIEW_EVENT_SCHEMAS> = EventPayload<
  typeof REVIEW_EVENT_SCHEMAS,
  T
>;
