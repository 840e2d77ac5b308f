// HTTP routes of the next best message, one per kind of touchpoint: the signed-in shopper on the
// storefront or app (`/me`, their own profile), the till for its sale's customer (`/carts/:id`, the
// till's own cart), and agents and messages for any customer (`/customers/:id`, customers:read; a
// channel-bound key only for a customer its channel has seen).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../kernel/index.js';
import type { CartsService } from '../../modules/carts/index.js';
import { CatalogLocale } from '../../modules/catalog/index.js';
import type { Channel } from '../../modules/channels/index.js';
import type { Ctx } from '../../platform/context.js';
import { channelFor } from '../../platform/http/auth-hook.js';
import { type KeyPolicy, onRecord, secretKeys } from '../../platform/http/route-policy.js';
import {
  MESSAGE_KINDS,
  type NextMessageFlow,
  type NextMessageRequest,
  TOUCHPOINTS,
} from './next-best-message.flow.js';

const NextMessageAnswer = z.object({
  customerId: z.string(),
  touchpoint: z.enum(TOUCHPOINTS),
  message: z
    .object({
      kind: z.enum(MESSAGE_KINDS),
      promotional: z.boolean().describe('needs marketing consent; pickup_ready does not'),
      reason: z.string(),
      params: z.record(z.string(), z.union([z.string(), z.number()])),
      link: z.string().nullable(),
      ref: z.string(),
    })
    .nullable()
    .describe('null: nothing to show now'),
  marketingConsent: z.object({ allowed: z.boolean(), reason: z.string().nullable() }),
  skipped: z.array(z.object({ kind: z.enum(MESSAGE_KINDS), reason: z.string() })),
});
const Query = z.strictObject({
  touchpoint: z.enum(TOUCHPOINTS).optional(),
  locale: CatalogLocale.optional(),
});
const tags = ['customers'];
const myMessage: KeyPolicy = { scope: 'account:read', keys: ['shopper'], channel: 'none' };

export interface NextMessageRouteDeps {
  flow: NextMessageFlow;
  channelOf(ctx: Ctx, idOrCode: string): Promise<Channel>;
  carts: Pick<CartsService, 'getCart'>;
  publicUrl: string | undefined;
}

export const nextMessageRoutes =
  (deps: NextMessageRouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const base = (r: { protocol: string; host: string }) => deps.publicUrl ?? `${r.protocol}://${r.host}`;
    const ask = (
      ctx: Ctx,
      customerId: string,
      req: Omit<NextMessageRequest, 'touchpoint'> & { touchpoint: NextMessageRequest['touchpoint'] },
    ) => deps.flow.nextMessage(ctx, customerId, req);

    app.get(
      '/me/next-message',
      {
        config: { policy: myMessage },
        schema: {
          tags: [...tags, 'my account'],
          summary: 'The message to show the signed-in shopper now on this shop (storefront or app), with why',
          querystring: Query.extend({
            channel: z.string().max(100).describe('the shop: channel id or code'),
          }),
          response: { 200: NextMessageAnswer },
        },
      },
      async (request) => {
        const profileId = request.ctx.actor.profileId;
        if (!profileId) throw new AppError('unauthenticated', 'Sign in first');
        const channel = await deps.channelOf(request.ctx, request.query.channel);
        return ask(request.ctx, profileId, {
          channel,
          touchpoint: request.query.touchpoint ?? (channel.type === 'mobile_app' ? 'app' : 'storefront'),
          locale: request.query.locale,
          baseUrl: base(request),
        });
      },
    );

    app.get(
      '/carts/:id/next-message',
      {
        config: { policy: secretKeys('carts:write', onRecord('cart', 'id')) },
        schema: {
          tags,
          summary:
            "The message to tell a sale's customer now at the till, with why (none without a customer)",
          params: z.object({ id: z.string().max(100) }),
          querystring: Query,
          response: { 200: NextMessageAnswer.nullable() },
        },
      },
      async (request) => {
        const cart = await deps.carts.getCart(request.ctx, request.params.id);
        if (!cart.profileId) return null;
        const channel = await deps.channelOf(request.ctx, cart.channelId);
        // The sale's customer is the till's to see: it was attached to this cart on this channel.
        const ctx = { ...request.ctx, channelId: null };
        return ask(ctx, cart.profileId, {
          channel,
          touchpoint: request.query.touchpoint ?? 'pos',
          locale: request.query.locale,
          baseUrl: base(request),
          exceptCartId: cart.id,
        });
      },
    );

    app.get(
      '/customers/:id/next-message',
      {
        config: { policy: secretKeys('customers:read', 'own') },
        schema: {
          tags,
          summary: 'The message for a customer now (an agent in the inbox, a message), with why',
          params: z.object({ id: z.string().max(100) }),
          querystring: Query.extend({
            channel: z.string().max(100).optional().describe('the channel it is for (a bound key: its own)'),
          }),
          response: { 200: NextMessageAnswer },
        },
      },
      async (request) => {
        const channelId = request.query.channel ?? request.ctx.actor.channelId;
        if (!channelId)
          throw new AppError('validation_failed', 'Name the channel the message is for', {
            issues: [{ path: 'querystring.channel', message: 'required for a key bound to no channel' }],
          });
        const channel = await deps.channelOf(request.ctx, channelId);
        channelFor(request, channel.id); // a bound key: its own channel only
        return ask(request.ctx, request.params.id, {
          channel,
          touchpoint: request.query.touchpoint ?? 'inbox',
          locale: request.query.locale,
          baseUrl: base(request),
        });
      },
    );
  };
