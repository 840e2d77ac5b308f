// Product links in a reply: the agent searches the catalog and inserts a link to the product's page
// on the storefront of the conversation's channel (the one the customer last wrote from, when the
// channel says: web chat, or an account or support address connected for a shop), or of a channel the
// agent picks, else the retailer's first web shop.
// Only products listed on that channel are offered, so the link opens for the customer.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../kernel/index.js';
import type { InboxService } from '../../modules/inbox/index.js';
import type { Ctx } from '../../platform/context.js';
import { Id, InboxText, type ProductLinkSources, read, tags } from './inbox-route-schemas.js';

export interface ProductLinkDeps extends ProductLinkSources {
  inbox: Pick<InboxService, 'getConversation'>;
  publicUrl?: string | undefined;
}

/** Channels whose storefront (/store/<code>) shows product pages. */
const STOREFRONT_TYPES = new Set(['web', 'mobile_app']);

export const productLinkRoutes =
  (deps: ProductLinkDeps): FastifyPluginAsyncZod =>
  async (app) => {
    /** The named channel, else the conversation's own, else the first web shop; refused naming query.channel when none has a storefront. */
    const storefrontOf = async (ctx: Ctx, named: string | undefined, conversationChannel: string | null) => {
      if (named) {
        const c = await deps.channels.findChannel(ctx, named);
        if (c && STOREFRONT_TYPES.has(c.type)) return c;
        throw new AppError('validation_failed', 'Not a channel with a storefront', {
          issues: [{ path: 'query.channel', message: 'a web shop or app channel' }],
        });
      }
      const own = conversationChannel ? await deps.channels.findChannel(ctx, conversationChannel) : undefined;
      if (own && STOREFRONT_TYPES.has(own.type)) return own;
      const web = (await deps.channels.listChannels(ctx, { type: 'web' })).find((c) => c.status === 'active');
      if (web) return web;
      throw new AppError('validation_failed', 'No channel with a storefront to link to', {
        issues: [{ path: 'query.channel', message: 'name a web shop or app channel' }],
      });
    };

    app.get(
      '/inbox/conversations/:id/product-links',
      {
        config: { policy: read },
        schema: {
          tags,
          summary: "Products to link in a reply: their page on the conversation's storefront",
          description:
            'The channel is `channel` when given, else the one the customer last wrote from (web chat, or an account or support address connected for it), else the first active web shop. Only products listed there are offered.',
          params: z.strictObject({ id: Id }),
          querystring: z.strictObject({
            q: InboxText(100),
            channel: Id.optional().describe('a channel id or code with a storefront'),
            locale: z
              .string()
              .regex(/^[a-z]{2}(-[A-Z]{2})?$/)
              .optional(),
          }),
          response: {
            200: z.object({
              channel: z.object({ id: z.string(), code: z.string(), name: z.string() }),
              items: z.array(
                z.object({ productId: z.string(), title: z.string(), handle: z.string(), url: z.string() }),
              ),
            }),
          },
        },
      },
      async (request) => {
        const { q, channel: named, locale } = request.query;
        const conversation = await deps.inbox.getConversation(request.ctx, request.params.id);
        const channel = await storefrontOf(request.ctx, named, conversation.channelId);
        const base = deps.publicUrl ?? `${request.protocol}://${request.host}`;
        const found = await deps.search(request.ctx, channel, q, locale);
        const page = (handle: string) =>
          new URL(
            `/store/${encodeURIComponent(channel.code)}/p/${encodeURIComponent(handle)}`,
            base,
          ).toString();
        return {
          channel: { id: channel.id, code: channel.code, name: channel.name },
          items: found.map((p) => ({
            productId: p.id,
            title: p.title,
            handle: p.handle,
            url: page(p.handle),
          })),
        };
      },
    );
  };
