// Admin routes of reviews: the moderation queue (filter by status, channel, product, rating) and the
// decision. Published reviews show on every channel's product page, so moderation is retailer-wide:
// only keys bound to no channel moderate.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { secretKeys } from '../../platform/http/route-policy.js';
import type { ReviewsService } from './reviews.service.js';
import { Review, ReviewStatus } from './reviews.types.js';

const Params = z.object({ id: z.string().max(100) });

/** `createdAt|id` as the list's `next` gives it: an ISO time and a review id. */
const PAGE_CURSOR = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z\|[a-z]+_[0-9a-f]{32}$/;

export const reviewsRoutes =
  (service: ReviewsService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/reviews',
      {
        config: { policy: secretKeys('reviews:read', 'unbound') },
        schema: {
          tags: ['reviews'],
          summary: 'List reviews for moderation, newest first (page with after)',
          querystring: z.strictObject({
            status: ReviewStatus.optional(),
            channelId: z.string().max(100).optional(),
            productId: z.string().max(100).optional(),
            rating: z.coerce.number().int().min(1).max(5).optional(),
            limit: z.coerce.number().int().min(1).max(200).default(50),
            after: z
              .string()
              .max(200)
              .regex(PAGE_CURSOR, 'the `next` of the previous page, as given')
              .refine((v) => !Number.isNaN(Date.parse(v.slice(0, v.indexOf('|')))), 'not a page cursor')
              .optional()
              .describe('the `next` of the previous page'),
          }),
          response: { 200: z.object({ items: z.array(Review), next: z.string().nullable() }) },
        },
      },
      async (request) => service.list(request.ctx, request.query),
    );

    app.post(
      '/reviews/:id/publish',
      {
        config: { policy: secretKeys('reviews:write', 'unbound') },
        schema: {
          tags: ['reviews'],
          summary: 'Publish a pending review: it shows on the product page of every channel',
          params: Params,
          response: { 200: Review },
        },
      },
      async (request) => service.decide(request.ctx, request.params.id, 'published'),
    );

    app.post(
      '/reviews/:id/reject',
      {
        config: { policy: secretKeys('reviews:write', 'unbound') },
        schema: {
          tags: ['reviews'],
          summary: 'Reject a pending review or take a published one down, with the reason',
          params: Params,
          body: z.strictObject({ reason: z.string().trim().min(1).max(500) }),
          response: { 200: Review },
        },
      },
      async (request) => service.decide(request.ctx, request.params.id, 'rejected', request.body.reason),
    );
  };
