// Back in stock from a storefront: "tell me when it's back" on a sold-out variant, with the shopper's
// consent to hear from the channel. A publishable key (scoped to its channel) subscribes its
// signed-in shopper at once (their consent given now or before); a server key may name the profile.
// An email address typed in (any key) proves nothing about who typed it: double opt-in, the
// subscription waits for the click on the link mailed to it. Refusals: an unknown or unlisted SKU,
// one still in stock, no consent, no one to tell.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../kernel/index.js';
import { mayContact } from '../../modules/customers/index.js';
import { MESSAGE_LOCALES } from '../../modules/messaging/index.js';
import type { Ctx } from '../../platform/context.js';
import { channelScope } from '../../platform/http/auth-hook.js';
import { browserKeys } from '../../platform/http/route-policy.js';
import { shopperSessionOf } from '../shopper-account/index.js';
import type { JourneysFlow } from './journeys.flow.js';

const Body = z.strictObject({
  channelId: z.string().max(100).optional().describe('required unless the key is bound to a channel'),
  sku: z.string().min(1).max(100),
  email: z.string().email().max(320).optional().describe('when no shopper is signed in'),
  profileId: z.string().max(100).optional().describe('server keys only: the customer to tell'),
  consent: z
    .literal(true)
    .optional()
    .describe(
      'the shopper agreed to be messaged about it; needed unless a signed-in or named one already did',
    ),
  locale: z.enum(MESSAGE_LOCALES).optional().describe('the language of the confirmation mail and page'),
});
const Subscription = z.object({
  id: z.string(),
  sku: z.string(),
  channelId: z.string(),
  status: z
    .enum(['pending_confirmation', 'active', 'notified', 'cancelled', 'expired'])
    .describe('pending_confirmation: an address typed in, until the link mailed to it is clicked'),
  expiresAt: z.date().nullable().describe('until when a pending subscription may be confirmed'),
  confirmationSent: z
    .boolean()
    .describe('this request queued a confirmation mail (none within minutes of the last)'),
  createdAt: z.date(),
});
// A storefront's answer for an address typed in: the same whatever the address's state (new, pending,
// already confirmed, rate-limited), so a stranger learns nothing about who asked for what.
const ConfirmationRequested = z.object({
  status: z.literal('confirmation_requested'),
  sku: z.string(),
  channelId: z.string(),
});
const NEEDS_CONSENT = 'required: the shopper has not agreed to hear from this channel';
const invalid = (path: string, message: string) =>
  new AppError('validation_failed', message, { issues: [{ path, message }] });

/** Whether the customer agreed to marketing from this channel (or every channel). */
async function consented(flow: JourneysFlow, ctx: Ctx, customerId: string, channelId: string) {
  const state = await flow.deps.customers.consentState(ctx, customerId);
  if (!state) return false;
  return mayContact(state.entries, 'marketing', channelId, ctx.clock.now(), state.suppressedAt).allowed;
}
const grantConsent = (flow: JourneysFlow, ctx: Ctx, customerId: string, channelId: string) =>
  flow.deps.customers.setConsent(ctx, customerId, {
    purpose: 'marketing',
    channel: channelId,
    granted: true,
    sourceChannelId: channelId,
  });

const REFUSALS = {
  unknown_sku: ['body.sku', 'No variant with this SKU is sold on this channel'],
  in_stock: ['body.sku', 'This variant is in stock: it can be bought now'],
  unknown_channel: ['body.channelId', 'No such channel'],
} as const;

export const backInStockRoutes =
  (flow: JourneysFlow): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/back-in-stock',
      {
        // carts:write: what a storefront key does for its shopper (publishable keys hold it).
        config: { policy: browserKeys('carts:write', 'own') },
        schema: {
          tags: ['journeys'],
          summary: 'Ask to be told once when a sold-out variant is back in stock on the channel',
          description:
            'An address typed in through a storefront (publishable) key is answered 202 confirmation_requested, whatever its state: the subscription itself is not shown to whoever typed it.',
          body: Body,
          response: { 201: Subscription, 202: ConfirmationRequested },
        },
      },
      async (request, reply) => {
        const { body, ctx } = request;
        const channelId = await channelScope(request, body.channelId);
        if (!channelId) throw invalid('body.channelId', 'required unless the API key is bound to a channel');
        const browser = ctx.actor.keyKind === 'publishable';
        if (browser && body.profileId)
          throw new AppError(
            'profile_not_signed_in',
            'A storefront key subscribes only its signed-in shopper',
          );
        const signedIn = browser ? ((await shopperSessionOf(request))?.profileId ?? null) : null;
        const named = signedIn ?? body.profileId ?? null;
        if (!named && !body.email) throw invalid('body.email', 'required unless a shopper is signed in');
        const subscriber = async () => {
          if (named) {
            // Someone known (signed in, or named by a server): consent given now, or before.
            if (body.consent) await grantConsent(flow, ctx, named, channelId);
            return { customerId: named, pending: false };
          }
          const found = await flow.deps.customers.identify(ctx, {
            channelId,
            identifiers: [{ type: 'email', value: body.email! }],
          });
          if (!found.ok) throw invalid('body.email', 'not an email address the hub accepts');
          // Consent is recorded when the owner of the address confirms (the mailed link).
          return { customerId: found.value.customerId, pending: true, address: body.email! };
        };
        if (named ? !body.consent && !(await consented(flow, ctx, named, channelId)) : !body.consent)
          throw invalid('body.consent', NEEDS_CONSENT);
        const r = await flow.subscribeBackInStock(ctx, {
          channelId,
          sku: body.sku,
          locale: body.locale,
          subscriber,
        });
        if (!r.ok) {
          const [path, message] = REFUSALS[r.reason];
          throw invalid(path, message);
        }
        if (browser && !named)
          return reply.code(202).send({ status: 'confirmation_requested', sku: body.sku, channelId });
        return reply.code(201).send(r.value);
      },
    );
  };
