// Crawlers' files of the storefronts: a sitemap per storefront channel and robots.txt (per channel,
// and at the root for every storefront of this hub). Public: they list what the channel publishes.
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../kernel/index.js';
import { publicRoute } from '../../platform/http/route-policy.js';
import type { StorefrontFlow } from './storefront.flow.js';
import { appIcon, ICON_SIZES, type IconSize, manifestOf } from './storefront-pwa.js';

export interface StorefrontRouteDeps {
  storefront: StorefrontFlow;
  /** The hub's public address (OMNIHUB_PUBLIC_URL); else the request's own. */
  publicUrl: string | undefined;
}

/** Absolute URLs in pages and sitemaps start here. */
export function originOf(request: FastifyRequest, publicUrl: string | undefined): string {
  return (publicUrl ?? `${request.protocol}://${request.host}`).replace(/\/+$/, '');
}

const CRAWLERS = publicRoute('sitemaps and robots.txt list only what storefronts publish to everyone');
const Params = z.object({ channel: z.string().max(100) });
const APP = publicRoute("a storefront's app manifest and icons, what installing the shop needs");
const IconParams = Params.extend({
  size: z.enum(ICON_SIZES.map(String) as [string, ...string[]]).transform((s) => Number(s) as IconSize),
});

export const storefrontRoutes =
  (deps: StorefrontRouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const schema = { hide: true, params: Params };
    app.get(
      '/store/:channel/sitemap.xml',
      { schema, config: { policy: CRAWLERS } },
      async (request, reply) => {
        const xml = await deps.storefront.sitemap(
          request.ctx,
          request.params.channel,
          originOf(request, deps.publicUrl),
        );
        if (xml === null) throw notFound('storefront', request.params.channel);
        return reply
          .type('application/xml; charset=utf-8')
          .header('cache-control', 'public, max-age=300')
          .send(xml);
      },
    );
    app.get(
      '/store/:channel/robots.txt',
      { schema, config: { policy: CRAWLERS } },
      async (request, reply) => {
        const txt = await deps.storefront.robots(
          request.ctx,
          request.params.channel,
          originOf(request, deps.publicUrl),
        );
        if (txt === null) throw notFound('storefront', request.params.channel);
        return reply
          .type('text/plain; charset=utf-8')
          .header('cache-control', 'public, max-age=300')
          .send(txt);
      },
    );
    app.get(
      '/store/:channel/manifest.webmanifest',
      { schema, config: { policy: APP } },
      async (request, reply) => {
        const channel = await deps.storefront.storefrontChannel(request.ctx, request.params.channel);
        if (!channel) throw notFound('storefront', request.params.channel);
        return reply
          .type('application/manifest+json; charset=utf-8')
          .header('cache-control', 'public, max-age=300')
          .send(JSON.stringify(manifestOf(channel)));
      },
    );
    app.get(
      '/store/:channel/icons/:size.png',
      { schema: { hide: true, params: IconParams }, config: { policy: APP } },
      async (request, reply) => {
        const channel = await deps.storefront.storefrontChannel(request.ctx, request.params.channel);
        if (!channel) throw notFound('storefront', request.params.channel);
        return reply
          .type('image/png')
          .header('cache-control', 'public, max-age=86400')
          .send(await appIcon(request.params.size));
      },
    );
    app.get(
      '/robots.txt',
      { schema: { hide: true }, config: { policy: CRAWLERS } },
      async (request, reply) => {
        const txt = await deps.storefront.robots(request.ctx, null, originOf(request, deps.publicUrl));
        return reply
          .type('text/plain; charset=utf-8')
          .header('cache-control', 'public, max-age=300')
          .send(txt);
      },
    );
  };
