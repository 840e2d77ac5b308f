// HTTP routes of reviews across modules. The review page of a review-request message: the signed,
// expiring token in its link is the credential (no sign-in; a forged, altered or expired one is 404),
// and names the order, so a token can only review its own order's products. A product page's
// published reviews read like the channel's catalog (publishable keys too), from every channel.
// The link routes are public, so they have budgets of their own (429 rate_limited with Retry-After):
// per client address over both (guessing links), per address and link for submissions, and per
// product for submissions through proven links (a burst of reviews on one product waits).
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ReviewStatus, ReviewText } from '../../modules/reviews/index.js';
import { secretHash } from '../../platform/auth/api-keys.js';
import { channelFor } from '../../platform/http/auth-hook.js';
import { clientAddressKey, RequestBudget } from '../../platform/http/rate-limits.js';
import { browserKeys, onRecord, publicRoute } from '../../platform/http/route-policy.js';
import type { ChannelCatalogFlow } from '../channel-catalog/index.js';
import type { ReviewsFlow } from './reviews.flow.js';

const TokenParams = z.object({ token: z.string().min(10).max(400) });

const ReviewRequest = z.object({
  order: z.object({ id: z.string(), number: z.string(), channelId: z.string(), placedAt: z.date() }),
  reviewerName: z.string().describe('how the reviews will be signed: first name and initial'),
  expiresAt: z.date(),
  products: z.array(
    z.object({
      productId: z.string(),
      sku: z.string(),
      title: z.string(),
      review: z.object({ id: z.string(), rating: z.number().int(), status: ReviewStatus }).nullable(),
    }),
  ),
});

const PublicReview = z.object({
  id: z.string(),
  rating: z.number().int(),
  title: z.string().nullable(),
  body: z.string().nullable(),
  reviewerName: z.string(),
  locale: z.string(),
  verifiedPurchase: z.literal(true),
  createdAt: z.date(),
});

const SubmittedReview = PublicReview.extend({ productId: z.string(), status: ReviewStatus });

/**
 * A review page loads once and posts one review per product of the order, with retries after a
 * refused text: far below these. A product gets at most one review per order, so 30 in 10 minutes
 * is a burst no real audience makes.
 */
export const REVIEW_LINK_BUDGETS = {
  perAddress: { max: 60, windowSeconds: 60 },
  perAddressAndLink: { max: 20, windowSeconds: 60 },
  perProduct: { max: 30, windowSeconds: 600 },
} as const;

export const reviewsFlowRoutes =
  (flow: ReviewsFlow, catalog: Pick<ChannelCatalogFlow, 'channelOf'>): FastifyPluginAsyncZod =>
  async (app) => {
    const b = REVIEW_LINK_BUDGETS;
    const perAddress = new RequestBudget(b.perAddress.max, b.perAddress.windowSeconds, 'per client address');
    const perLink = new RequestBudget(
      b.perAddressAndLink.max,
      b.perAddressAndLink.windowSeconds,
      'per client address and review link',
    );
    const perProduct = new RequestBudget(b.perProduct.max, b.perProduct.windowSeconds, 'per product');
    // Before the body is read; the token is a credential: counted by its hash.
    const linkBudgets = (submits: boolean) => async (request: FastifyRequest, reply: FastifyReply) => {
      const client = clientAddressKey(request.ip);
      perAddress.take(reply, client);
      const { token } = request.params as { token?: unknown };
      if (submits) perLink.take(reply, `${client}|${secretHash(String(token))}`);
    };

    app.get(
      '/review-requests/:token',
      {
        config: {
          policy: publicRoute('the signed, expiring link of a review-request message is the credential'),
        },
        onRequest: linkBudgets(false),
        schema: {
          tags: ['reviews'],
          summary: 'The review page of an order: its products and the reviews already written',
          params: TokenParams,
          response: { 200: ReviewRequest },
        },
      },
      async (request) => flow.request(request.ctx, request.params.token),
    );

    app.post(
      '/review-requests/:token/reviews',
      {
        config: {
          policy: publicRoute('the signed, expiring link of a review-request message is the credential'),
        },
        onRequest: linkBudgets(true),
        schema: {
          tags: ['reviews'],
          summary: 'Review one product of the order (pending until moderated; one per order and product)',
          description: `At most ${b.perAddressAndLink.max} a minute per client address and link, ${b.perAddress.max} calls a minute per address to review links, ${b.perProduct.max} reviews of one product in ${b.perProduct.windowSeconds / 60} minutes from all links: over that, 429 rate_limited with Retry-After.`,
          params: TokenParams,
          body: ReviewText.extend({
            productId: z.string().min(1).max(100),
            locale: z.string().min(2).max(20).default('en'),
          }).strict(),
          response: { 201: SubmittedReview },
        },
      },
      async (request, reply) => {
        const admit = (productId: string) => perProduct.take(reply, productId);
        const review = await flow.submit(request.ctx, request.params.token, request.body, admit);
        return reply.code(201).send(review);
      },
    );

    app.get(
      '/channels/:channel/products/:idOrSku/reviews',
      {
        config: { policy: browserKeys('catalog:read', onRecord('channel', 'channel')) },
        schema: {
          tags: ['catalog'],
          summary:
            "A product's published reviews from every channel, newest first, with their count and average",
          params: z.object({
            channel: z.string().describe('channel id or code'),
            idOrSku: z.string().max(200),
          }),
          querystring: z.strictObject({
            page: z.coerce.number().int().min(1).max(1_000).default(1),
            limit: z.coerce.number().int().min(1).max(50).default(10),
          }),
          response: {
            200: z.object({
              productId: z.string(),
              count: z.number().int(),
              average: z.number().nullable().describe('mean rating, one decimal; null without reviews'),
              page: z.number().int(),
              limit: z.number().int(),
              items: z.array(PublicReview),
            }),
          },
        },
      },
      async (request) => {
        const channel = await catalog.channelOf(request.ctx, request.params.channel);
        channelFor(request, channel.id);
        const found = await flow.productReviews(request.ctx, request.params.idOrSku, request.query);
        return { ...found, ...request.query };
      },
    );
  };
