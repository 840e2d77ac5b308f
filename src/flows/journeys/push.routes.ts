// Web push for storefronts: the hub's VAPID public key (the applicationServerKey a browser
// subscribes with; callable with the channel's publishable key) and the signed-in shopper's own
// push subscriptions (/me/*, the shopper's session only). Journey messages with a push variant go
// to them at send time under the same rules as every other format.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../kernel/index.js';
import { browserKeys, type KeyPolicy } from '../../platform/http/route-policy.js';
import type { JourneysFlow } from './journeys.flow.js';

const accountRead: KeyPolicy = { scope: 'account:read', keys: ['shopper'], channel: 'none' };
const accountWrite: KeyPolicy = { scope: 'account:write', keys: ['shopper'], channel: 'none' };
const tags = ['web push'];
const Key = z
  .string()
  .regex(/^[A-Za-z0-9_-]+={0,2}$/, 'base64url')
  .max(200);
const Endpoint = z
  .string()
  .max(2000)
  .url()
  .refine((u) => /^https?:\/\//.test(u), 'an http(s) URL of the push service');
const Subscription = z.object({ endpoint: z.string(), createdAt: z.date() });

export const pushRoutes =
  (flow: JourneysFlow): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/push/vapid-public-key',
      {
        config: { policy: browserKeys('channels:read', 'none') },
        schema: {
          tags,
          summary: "The hub's VAPID public key (base64url), the applicationServerKey to subscribe with",
          response: { 200: z.object({ publicKey: z.string() }) },
        },
      },
      async (request) => ({ publicKey: (await flow.messaging.vapidKeys(request.ctx)).publicKey }),
    );

    app.get(
      '/me/push-subscriptions',
      {
        config: { policy: accountRead },
        schema: {
          tags,
          summary: "The shopper's push subscriptions (browsers that receive web push)",
          response: { 200: z.object({ items: z.array(Subscription) }) },
        },
      },
      async (request) => ({
        items: (await flow.messaging.pushSubscriptionsOf(request.ctx, request.ctx.actor.profileId!)).map(
          (s) => ({
            endpoint: s.endpoint,
            createdAt: s.createdAt,
          }),
        ),
      }),
    );

    app.put(
      '/me/push-subscriptions',
      {
        config: { policy: accountWrite },
        schema: {
          tags,
          summary: "Save this browser's push subscription (PushSubscription.toJSON()) for the shopper",
          body: z.object({
            endpoint: Endpoint,
            keys: z.strictObject({ p256dh: Key, auth: Key }),
            expirationTime: z.number().nullable().optional(),
          }),
          response: { 200: Subscription },
        },
      },
      async (request) => {
        const { endpoint, keys } = request.body;
        await flow.deps.push?.checkEndpoint(endpoint, 'endpoint');
        const s = await flow.messaging.savePushSubscription(
          request.ctx,
          request.ctx.actor.profileId!,
          request.ctx.channelId,
          { endpoint, keys },
        );
        return { endpoint: s.endpoint, createdAt: s.createdAt };
      },
    );

    app.delete(
      '/me/push-subscriptions',
      {
        config: { policy: accountWrite },
        schema: {
          tags,
          summary: "Remove one of the shopper's push subscriptions (after PushSubscription.unsubscribe())",
          body: z.strictObject({ endpoint: z.string().max(2000) }),
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        const gone = await flow.messaging.removePushSubscription(
          request.ctx,
          request.ctx.actor.profileId!,
          request.body.endpoint,
        );
        if (!gone) throw new AppError('not_found', 'No such push subscription of yours');
        return reply.code(204).send(null);
      },
    );
  };
