// HTTP routes of recommendations: beside a product (storefront product page), for a cart or a till
// sale's SKUs (the till), and for one customer (messages, the next best message). The first two read
// like the channel's catalog (publishable keys too); a customer's needs `customers:read` and a
// server-side key. A channel-bound key reads only its own channel.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CatalogLocale, ChannelProduct } from '../../modules/catalog/index.js';
import { ImageView } from '../../modules/media/index.js';
import { RecommendationReason } from '../../modules/recommendations/index.js';
import { channelFor } from '../../platform/http/auth-hook.js';
import { sendKeptJson } from '../../platform/http/kept-json.js';
import { browserKeys, onRecord, secretKeys } from '../../platform/http/route-policy.js';
import type { ChannelCatalogFlow } from '../channel-catalog/index.js';
import type { Recommendation, RecommendationsFlow } from './recommendations.flow.js';

const Recommendations = z.object({
  channel: z.object({ id: z.string(), code: z.string() }),
  items: z.array(
    z.object({
      reason: RecommendationReason.describe(
        'bought_together / viewed_together: history of this product; for_you: of the customer; best_seller: the cold start',
      ),
      score: z.number().describe('orders together × 3 + customer-days viewed together, or units sold'),
      product: ChannelProduct.extend({ images: z.array(ImageView) }),
    }),
  ),
});
const JSON_TYPE = 'application/json; charset=utf-8';
const serialize = (value: z.input<typeof Recommendations>) =>
  JSON.stringify(z.encode(Recommendations, value as z.output<typeof Recommendations>));

const ChannelParams = z.object({ channel: z.string().describe('channel id or code') });
const ReadQuery = z.strictObject({
  locale: CatalogLocale.optional().describe('one of the channel locales'),
  limit: z.coerce.number().int().min(1).max(24).default(8),
});
const Sku = z.string().min(1).max(100);

export const recommendationsRoutes =
  (flow: RecommendationsFlow, catalog: Pick<ChannelCatalogFlow, 'channelOf'>): FastifyPluginAsyncZod =>
  async (app) => {
    const answer = (channel: { id: string; code: string }, items: Recommendation[]) =>
      serialize({ channel: { id: channel.id, code: channel.code }, items });

    app.get(
      '/channels/:channel/products/:idOrSku/recommendations',
      {
        config: { policy: browserKeys('catalog:read', onRecord('channel', 'channel')) },
        schema: {
          tags: ['catalog'],
          summary:
            'Products to show beside this one: bought or viewed with it, else best sellers; only what the channel sells',
          params: ChannelParams.extend({ idOrSku: z.string().max(200) }),
          querystring: ReadQuery,
          response: { 200: Recommendations },
        },
      },
      async (request, reply) => {
        const channel = await catalog.channelOf(request.ctx, request.params.channel);
        channelFor(request, channel.id);
        const json = await flow.forProductJson(
          request.ctx,
          channel,
          request.params.idOrSku,
          request.query,
          (items) => answer(channel, items),
        );
        return sendKeptJson(request, reply, json);
      },
    );

    app.get(
      '/channels/:channel/recommendations',
      {
        config: { policy: browserKeys('catalog:read', onRecord('channel', 'channel')) },
        schema: {
          tags: ['catalog'],
          summary:
            'Products to suggest for a cart or a till sale (its SKUs), none of its own; best sellers when it is empty',
          params: ChannelParams,
          querystring: ReadQuery.extend({
            sku: z
              .union([Sku, z.array(Sku).max(50)])
              .optional()
              .describe('a SKU of the cart; repeat for more'),
          }),
          response: { 200: Recommendations },
        },
      },
      async (request, reply) => {
        const channel = await catalog.channelOf(request.ctx, request.params.channel);
        channelFor(request, channel.id);
        const { sku, ...o } = request.query;
        const skus = sku === undefined ? [] : Array.isArray(sku) ? sku : [sku];
        const items = await flow.forSkus(request.ctx, channel, skus, o);
        return reply.type(JSON_TYPE).send(answer(channel, items) as never);
      },
    );

    app.get(
      '/channels/:channel/customers/:customerId/recommendations',
      {
        config: { policy: secretKeys('customers:read', onRecord('channel', 'channel')) },
        schema: {
          tags: ['customers'],
          summary:
            'Products for one customer on a channel (for messages): what goes with what they bought or viewed',
          params: ChannelParams.extend({ customerId: z.string().max(100) }),
          querystring: ReadQuery,
          response: { 200: Recommendations },
        },
      },
      async (request, reply) => {
        const channel = await catalog.channelOf(request.ctx, request.params.channel);
        channelFor(request, channel.id);
        const items = await flow.forCustomer(request.ctx, channel, request.params.customerId, request.query);
        return reply.type(JSON_TYPE).send(answer(channel, items) as never);
      },
    );
  };
