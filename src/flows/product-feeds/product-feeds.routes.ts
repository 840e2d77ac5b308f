// Product feeds at stable URLs that Google Merchant Center and Meta fetch on a schedule: they cannot
// send an Authorization header, so the URL carries a feed token (a secret API key with `feeds:read`,
// bound to the channel or unbound; revoked like any key). The admin reads what the feeds hold and the
// per-field problems of what they leave out.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../kernel/index.js';
import { hasScope, verifyApiKey } from '../../platform/auth/api-keys.js';
import type { Ctx } from '../../platform/context.js';
import { channelFor } from '../../platform/http/auth-hook.js';
import { onRecord, publicRoute, secretKeys } from '../../platform/http/route-policy.js';
import type { ChannelCatalogFlow } from '../channel-catalog/index.js';
import { originOf } from '../storefront/index.js';
import { FEED_ISSUE_CODES } from './feed-format.js';
import type { ProductFeedsFlow } from './product-feeds.flow.js';

export interface ProductFeedsRouteDeps {
  feeds: ProductFeedsFlow;
  channelCatalog: ChannelCatalogFlow;
  publicUrl: string | undefined;
}

export const FEED_SCOPE = 'feeds:read';
const FEED_FETCHERS = publicRoute('feed fetchers cannot send headers: the feed token in the URL is checked');
const Params = z.object({ channel: z.string().max(100) });
const TokenQuery = z.strictObject({ token: z.string().max(200).optional() });

/** The channel a feed token may read, or the refusal a key route would give. */
async function feedChannel(ctx: Ctx, flow: ChannelCatalogFlow, code: string, token: string | undefined) {
  const actor = token ? await verifyApiKey(ctx.db, token) : null;
  if (!actor) throw new AppError('unauthenticated', 'A feed token (?token=) is required');
  if (actor.keyKind !== 'secret') throw new AppError('key_kind_forbidden', 'A feed token is a secret key');
  if (!hasScope(actor.scopes, FEED_SCOPE)) throw new AppError('forbidden', `The key lacks ${FEED_SCOPE}`);
  const channel = await flow.channelOf(ctx, code);
  if (actor.channelId && actor.channelId !== channel.id) {
    throw new AppError('channel_forbidden', 'The feed token is bound to another channel');
  }
  return channel;
}

export const productFeedRoutes =
  (deps: ProductFeedsRouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const schema = { hide: true, params: Params, querystring: TokenQuery };
    const feeds = [
      ['google.xml', 'application/xml; charset=utf-8', deps.feeds.google],
      ['local-inventory.xml', 'application/xml; charset=utf-8', deps.feeds.localInventory],
      ['meta.csv', 'text/csv; charset=utf-8', deps.feeds.meta],
    ] as const;
    for (const [file, type, render] of feeds) {
      app.get(
        `/feeds/:channel/${file}`,
        { schema, config: { policy: FEED_FETCHERS } },
        async (request, reply) => {
          const channel = await feedChannel(
            request.ctx,
            deps.channelCatalog,
            request.params.channel,
            request.query.token,
          );
          const body = await render(request.ctx, channel, originOf(request, deps.publicUrl));
          return reply.type(type).header('cache-control', 'private, max-age=60').send(body);
        },
      );
    }
  };

const Issue = z.object({
  productId: z.string(),
  sku: z.string(),
  field: z.string(),
  code: z.enum(FEED_ISSUE_CODES).describe('why, for a text in the reader language'),
  message: z.string().describe('the same in English'),
});

export const productFeedApiRoutes =
  (deps: ProductFeedsRouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/channels/:channel/feeds',
      {
        config: { policy: secretKeys('catalog:read', onRecord('channel', 'channel')) },
        schema: {
          tags: ['catalog'],
          summary:
            "A channel's product feeds: their URLs (add a feeds:read key as ?token=), what they hold and the per-field problems of variants left out",
          params: Params,
          response: {
            200: z.object({
              urls: z.object({ google: z.string(), localInventory: z.string(), meta: z.string() }),
              products: z.number().int(),
              variants: z.number().int(),
              issues: z.array(Issue),
            }),
          },
        },
      },
      async (request) => {
        const channel = await deps.channelCatalog.channelOf(request.ctx, request.params.channel);
        channelFor(request, channel.id);
        const origin = originOf(request, deps.publicUrl);
        const base = `${origin}/feeds/${encodeURIComponent(channel.code)}`;
        return {
          urls: {
            google: `${base}/google.xml`,
            localInventory: `${base}/local-inventory.xml`,
            meta: `${base}/meta.csv`,
          },
          ...(await deps.feeds.report(request.ctx, channel, origin)),
        };
      },
    );
  };
