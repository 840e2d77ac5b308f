// The retailer's messaging accounts (/api/inbox/channel-accounts): connect a Facebook page, an
// Instagram account, a WhatsApp business number, a Twilio number or a shop's support address (email),
// each optionally for a hub channel (the shop whose conversations it carries), list them (credentials never
// shown, only which are stored) and remove them. Each answer names the webhook path to give the
// platform. connectors:write / connectors:read, secret keys and staff, unbound.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../kernel/index.js';
import type { Ctx } from '../../platform/context.js';
import { secretKeys } from '../../platform/http/route-policy.js';
import {
  type ChannelAccount as Account,
  ChannelAccount,
  type ChannelAccountStore,
} from './channel-accounts.js';

const tags = ['inbox'];
const Secret = z.string().trim().min(8).max(1000);
const Text = (max: number) => z.string().trim().min(1).max(max);
const BaseUrl = z
  .url({ protocol: /^https?$/ })
  .max(300)
  .describe('the API base URL (default: the platform’s own); e.g. a local fake in tests')
  .optional();
const ForChannel = z
  .string()
  .trim()
  .min(1)
  .max(80)
  .describe(
    'the hub channel (id or code) whose conversations reach this account: product links in replies go to its storefront',
  )
  .optional();
const Meta = {
  name: Text(120),
  channelId: ForChannel,
  externalAccountId: z
    .string()
    .trim()
    .regex(/^\d{1,30}$/)
    .describe('the page id, Instagram account id or WhatsApp phone_number_id'),
  appSecret: Secret,
  verifyToken: Secret,
  accessToken: Secret,
  apiBaseUrl: BaseUrl,
  graphVersion: z
    .string()
    .regex(/^v\d{1,3}\.\d{1,2}$/)
    .optional(),
};
const Body = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('messenger'), ...Meta }),
  z.strictObject({ kind: z.literal('instagram'), ...Meta }),
  z.strictObject({
    kind: z.literal('whatsapp'),
    ...Meta,
    businessAccountId: z
      .string()
      .trim()
      .regex(/^\d{1,30}$/)
      .describe('the WhatsApp Business Account id whose approved message templates may be sent')
      .optional(),
  }),
  z.strictObject({
    kind: z.literal('sms'),
    name: Text(120),
    channelId: ForChannel,
    externalAccountId: z
      .string()
      .trim()
      .regex(/^\+[1-9]\d{6,14}$/)
      .describe('the Twilio number in E.164'),
    accountSid: z
      .string()
      .trim()
      .regex(/^AC[0-9a-fA-F]{32}$/),
    authToken: Secret,
    apiBaseUrl: BaseUrl,
  }),
  z.strictObject({
    kind: z.literal('email'),
    name: Text(120),
    externalAccountId: z
      .email()
      .max(254)
      .transform((a) => a.toLowerCase())
      .describe('the support address mail reaches the inbox at (RCPT TO)'),
    channelId: ForChannel.unwrap(),
  }),
]);

const WithPaths = ChannelAccount.extend({
  webhookPaths: z.array(z.string()).describe('where the platform delivers (append to the hub’s public URL)'),
});

const withPaths = (a: Account) => ({
  ...a,
  webhookPaths:
    a.kind === 'sms'
      ? [`/webhooks/twilio/${a.id}/sms`, `/webhooks/twilio/${a.id}/status`]
      : a.kind === 'email'
        ? []
        : [`/webhooks/meta/${a.id}`],
});

type Body = z.infer<typeof Body>;
const credentialsOf = (b: Body): Record<string, string> =>
  b.kind === 'sms'
    ? { authToken: b.authToken }
    : b.kind === 'email'
      ? {}
      : { appSecret: b.appSecret, verifyToken: b.verifyToken, accessToken: b.accessToken };

function settingsOf(b: Body): Record<string, string> {
  const settings: Record<string, string> = {};
  if (b.kind === 'email') return settings;
  if (b.apiBaseUrl) settings.apiBaseUrl = b.apiBaseUrl;
  if (b.kind === 'sms') settings.accountSid = b.accountSid;
  else if (b.graphVersion) settings.graphVersion = b.graphVersion;
  if (b.kind === 'whatsapp' && b.businessAccountId) settings.businessAccountId = b.businessAccountId;
  return settings;
}

export interface ChannelAccountRouteDeps {
  accounts: ChannelAccountStore;
  /** A hub channel by id or code (the channels module's, passed in by the app). */
  findChannel: (ctx: Ctx, idOrCode: string) => Promise<{ id: string } | undefined>;
}

export const channelAccountRoutes =
  ({ accounts, findChannel }: ChannelAccountRouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/inbox/channel-accounts',
      {
        config: { policy: secretKeys('connectors:write', 'unbound') },
        schema: {
          tags,
          summary:
            'Connect a Messenger page, Instagram account, WhatsApp number, Twilio SMS number or support address',
          description: 'The same kind and platform id again replaces the account (e.g. a new token).',
          body: Body,
          response: { 201: WithPaths },
        },
      },
      async (request, reply) => {
        const b = request.body;
        const channel = b.channelId ? await findChannel(request.ctx, b.channelId) : undefined;
        if (b.channelId && !channel)
          throw new AppError('validation_failed', `There is no channel ${b.channelId}`, {
            issues: [{ path: 'body.channelId', message: 'a channel id or code' }],
          });
        const saved = await accounts.save(request.ctx, {
          kind: b.kind,
          name: b.name,
          externalAccountId: b.externalAccountId,
          settings: settingsOf(b),
          credentials: credentialsOf(b),
          channelId: channel?.id ?? null,
        });
        return reply.status(201).send(withPaths(saved));
      },
    );

    app.get(
      '/inbox/channel-accounts',
      {
        config: { policy: secretKeys('connectors:read', 'unbound') },
        schema: {
          tags,
          summary: 'Connected messaging accounts (no credentials)',
          response: { 200: z.object({ items: z.array(WithPaths) }) },
        },
      },
      async (request) => ({ items: (await accounts.list(request.ctx)).map(withPaths) }),
    );

    app.delete(
      '/inbox/channel-accounts/:id',
      {
        config: { policy: secretKeys('connectors:write', 'unbound') },
        schema: {
          tags,
          summary: 'Disconnect a messaging account',
          params: z.strictObject({ id: z.string().min(1).max(80) }),
        },
      },
      async (request, reply) => {
        await accounts.remove(request.ctx, request.params.id);
        return reply.status(204).send();
      },
    );
  };
