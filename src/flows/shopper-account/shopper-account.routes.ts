// HTTP routes of shopper sign-in (/shopper/*, called by a storefront or app with its key) and of the
// signed-in shopper's own account (/me/*, called with the shopper's session only).
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../kernel/index.js';
import { Birthday, ConsentEntry, JOURNEY_STAGES } from '../../modules/customers/index.js';
import { Address, FULFILMENT_STATUSES, Order } from '../../modules/orders/index.js';
import { channelFor } from '../../platform/http/auth-hook.js';
import type { KeyPolicy } from '../../platform/http/route-policy.js';
import type { MyAccountFlow } from './my-account.flow.js';
import {
  clearShopperCookie,
  SHOPPER_SCOPES,
  setShopperCookie,
  shopperSessionOf,
} from './shopper-credentials.js';
import type { SignInFlow } from './sign-in.flow.js';

export interface ShopperAccountRouteDeps {
  signIn: SignInFlow;
  myAccount: MyAccountFlow;
  /** OMNIHUB_PUBLIC_URL: an https address makes the session cookie Secure behind a proxy. */
  publicUrl: string | undefined;
}

const signInPolicy: KeyPolicy = {
  scope: 'carts:write',
  keys: ['publishable', 'secret', 'staff'],
  channel: 'own',
};
const accountRead: KeyPolicy = { scope: 'account:read', keys: ['shopper'], channel: 'none' };
const accountWrite: KeyPolicy = { scope: 'account:write', keys: ['shopper'], channel: 'none' };

const Email = z.string().trim().toLowerCase().email().max(320);
const SignInStarted = z.object({ status: z.literal('code_sent_if_possible'), expiresInSeconds: z.number() });
const SignedIn = z.object({ token: z.string(), customerId: z.string(), expiresAt: z.date() });
const CustomerOrder = Order.extend({
  channel: z.object({ code: z.string(), name: z.string(), type: z.string() }).nullable(),
  pickupStatus: z
    .enum(FULFILMENT_STATUSES)
    .nullable()
    .describe('click & collect: where the pickup stands (open, ready_for_pickup, collected…)'),
  refunds: z.array(
    z.object({
      amount: z.number().int(),
      currency: z.string(),
      method: z.string(),
      storeCreditCode: z.string().nullable().describe('a refund to store credit: the code to spend it with'),
      createdAt: z.date(),
    }),
  ),
});

const MyProfile = z.object({
  customerId: z.string(),
  email: z.string().nullable(),
  name: z.string().nullable(),
  birthday: z.string().nullable(),
  stage: z.enum(JOURNEY_STAGES),
  memberSince: z.date(),
  orderCount: z.number().int(),
  scopes: z.array(z.string()),
});

function requireChannel(request: FastifyRequest, requested: string | undefined): string {
  const channelId = channelFor(request, requested);
  if (!channelId) {
    throw new AppError('validation_failed', 'Name the channel (or use a key bound to one)', {
      issues: [{ path: 'body.channelId', message: 'required unless the key is bound to a channel' }],
    });
  }
  return channelId;
}

export const shopperSignInRoutes =
  (deps: ShopperAccountRouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['shopper sign-in'];
    app.post(
      '/shopper/sign-in',
      {
        config: { policy: signInPolicy },
        schema: {
          tags,
          summary: 'Email a one-time sign-in code to a shopper',
          description:
            'Always 202, whether or not the address is known. The code has 6 digits, is valid 10 minutes and allows 5 guesses; a new request replaces it.',
          body: z.strictObject({ email: Email, channelId: z.string().optional() }),
          response: { 202: SignInStarted },
        },
      },
      async (request, reply) => {
        const channelId = requireChannel(request, request.body.channelId);
        await deps.signIn.start(request.ctx, { email: request.body.email, channelId });
        return reply.code(202).send({ status: 'code_sent_if_possible', expiresInSeconds: 600 });
      },
    );

    app.post(
      '/shopper/sign-in/verify',
      {
        config: { policy: signInPolicy },
        schema: {
          tags,
          summary: 'Trade the emailed code for a shopper session (cookie omnihub_shopper and a bearer token)',
          body: z.strictObject({
            email: Email,
            code: z
              .string()
              .trim()
              .regex(/^\d{6}$/, 'six digits'),
            channelId: z.string().optional(),
          }),
          response: { 200: SignedIn },
        },
      },
      async (request, reply) => {
        const channelId = requireChannel(request, request.body.channelId);
        const { token, session } = await deps.signIn.verify(request.ctx, { ...request.body, channelId });
        setShopperCookie(request, reply, { token, expiresAt: session.expiresAt, publicUrl: deps.publicUrl });
        return { token, customerId: session.profileId, expiresAt: session.expiresAt };
      },
    );

    app.post(
      '/shopper/sign-out',
      {
        config: { policy: accountWrite },
        schema: { tags, summary: 'End the shopper session', response: { 204: z.null() } },
      },
      async (request, reply) => {
        const session = await shopperSessionOf(request);
        if (session) await deps.signIn.signOut(request.ctx, session);
        clearShopperCookie(request, reply, deps.publicUrl);
        return reply.code(204).send(null);
      },
    );
  };

export const myAccountRoutes =
  (deps: ShopperAccountRouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['my account'];
    const flow = deps.myAccount;
    // Every route here declares keys: ['shopper']: the policy hook has already made the caller that
    // shopper's session (actor.profileId), so handlers read nothing else.

    // GET /me is the calling API key's own description (platform routes); the shopper's is /me/profile.
    app.get(
      '/me/profile',
      {
        config: { policy: accountRead },
        schema: { tags, summary: 'The signed-in shopper', response: { 200: MyProfile } },
      },
      async (request) => ({ ...(await flow.summary(request.ctx)), scopes: [...SHOPPER_SCOPES] }),
    );

    app.patch(
      '/me/profile',
      {
        config: { policy: accountWrite },
        schema: {
          tags,
          summary: "Change the shopper's own name or birthday (null clears it)",
          body: z.strictObject({
            name: z.string().trim().min(1).max(200).nullable().optional(),
            birthday: Birthday.nullable().optional().describe('YYYY-MM-DD, or --MM-DD without the year'),
          }),
          response: { 200: MyProfile },
        },
      },
      async (request) => ({
        ...(await flow.updateProfile(request.ctx, request.body)),
        scopes: [...SHOPPER_SCOPES],
      }),
    );

    app.get(
      '/me/orders',
      {
        config: { policy: accountRead },
        schema: {
          tags,
          summary: "The shopper's orders from every channel, newest first, with their live status",
          querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
          response: { 200: z.object({ customerId: z.string(), items: z.array(CustomerOrder) }) },
        },
      },
      async (request) => flow.orders(request.ctx, request.query.limit),
    );

    app.get(
      '/me/orders/:id',
      {
        config: { policy: accountRead },
        schema: {
          tags,
          summary: "One of the shopper's orders (another customer's order is 404)",
          params: z.object({ id: z.string() }),
          response: { 200: Order },
        },
      },
      async (request) => flow.order(request.ctx, request.params.id),
    );

    app.get(
      '/me/addresses',
      {
        config: { policy: accountRead },
        schema: {
          tags,
          summary: 'Addresses the shopper had orders shipped to',
          response: { 200: z.object({ items: z.array(Address) }) },
        },
      },
      async (request) => flow.addresses(request.ctx),
    );

    app.get(
      '/me/consent',
      {
        config: { policy: accountRead },
        schema: {
          tags,
          summary: "The shopper's consent per purpose and channel",
          response: { 200: z.object({ items: z.array(ConsentEntry) }) },
        },
      },
      async (request) => flow.consent(request.ctx),
    );

    app.put(
      '/me/consent',
      {
        config: { policy: accountWrite },
        schema: {
          tags,
          summary: 'Grant or withdraw consent for a purpose (on one channel, or * for every channel)',
          body: z.strictObject({
            purpose: z.string().min(1).max(50),
            channel: z.string().min(1).max(100).default('*'),
            granted: z.boolean(),
          }),
          response: { 200: z.object({ items: z.array(ConsentEntry) }) },
        },
      },
      async (request) => flow.setConsent(request.ctx, request.body),
    );

    app.get(
      '/me/export',
      {
        config: { policy: accountRead },
        schema: { tags, summary: 'GDPR export: everything held about the shopper, as JSON' },
      },
      async (request) => flow.export(request.ctx),
    );

    app.post(
      '/me/erase',
      {
        config: { policy: accountWrite },
        schema: {
          tags,
          summary: 'Erase the shopper (GDPR): the same erasure as the admin’s, then every session ends',
          response: {
            200: z.object({
              customerId: z.string(),
              erasedProfileIds: z.array(z.string()),
              erasedAt: z.string(),
            }),
          },
        },
      },
      async (request, reply) => {
        const receipt = await flow.erase(request.ctx);
        clearShopperCookie(request, reply, deps.publicUrl);
        return receipt;
      },
    );
  };
