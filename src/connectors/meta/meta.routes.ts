// Meta's webhooks for one connected account (GET and POST /webhooks/meta/{accountId}): the
// subscription handshake answers hub.challenge when hub.verify_token is the account's; a delivery is
// verified (X-Hub-Signature-256 over the raw bytes, 401 and nothing stored when missing or wrong),
// then translated (Messenger, Instagram or WhatsApp by the account's kind) and filed through the
// inbox flow; the same mid or wamid twice is one message. Meta retries a non-200, so a failure here
// answers 5xx and the retry is safe.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { InboxFlow } from '../../flows/inbox/index.js';
import { AppError } from '../../kernel/index.js';
import type {
  ChannelAccountStore,
  ChannelAccountWithCredentials,
  InboxService,
} from '../../modules/inbox/index.js';
import { publicRoute } from '../../platform/http/route-policy.js';
import { applyDeliveries, type ChannelDelivery } from '../inbox/channel-delivery.js';
import { fetchLimited } from '../inbox/media-fetch.js';
import { graphBase } from './graph-sender.js';
import {
  type MediaMaker,
  MessengerPayload,
  translateMessaging,
  translateWhatsApp,
  WhatsAppPayload,
} from './meta-translate.js';
import { META_SIGNATURE_HEADER, metaHandshake, verifyMetaSignature } from './meta-webhook.js';

export interface MessagingWebhookDeps {
  accounts: ChannelAccountStore;
  flow: Pick<InboxFlow, 'receiveInboundBatch'>;
  inbox: Pick<InboxService, 'recordDeliveryStatus'>;
  /** Media over this size is not kept (OMNIHUB_MAX_ATTACHMENT_BYTES). */
  maxAttachmentBytes: number;
}

const META_KINDS = new Set(['messenger', 'instagram', 'whatsapp']);
const Params = z.strictObject({ accountId: z.string().min(1).max(80) });

async function metaAccount(
  deps: MessagingWebhookDeps,
  ctx: Parameters<ChannelAccountStore['withCredentials']>[0],
  id: string,
) {
  const account = await deps.accounts.withCredentials(ctx, id);
  if (!account || !META_KINDS.has(account.kind))
    throw new AppError('not_found', `There is no Meta account ${id}`);
  return account;
}

function parseJson(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch (err) {
    throw new AppError('malformed_body', `The body is not valid JSON: ${(err as Error).message}`);
  }
}

/**
 * Messenger and Instagram name a file by a CDN URL; WhatsApp by a media id whose URL Graph gives
 * (GET /{version}/{media id}), both fetched with the account's token.
 */
function mediaMaker(account: ChannelAccountWithCredentials): MediaMaker {
  const auth = { authorization: `Bearer ${account.credentials.accessToken ?? ''}` };
  return (ref) => ({
    kind: ref.kind,
    filename: ref.filename,
    contentType: ref.contentType,
    fetch: async (maxBytes) => {
      if (ref.url) return fetchLimited(ref.url, {}, maxBytes);
      const lookup = await fetchLimited(
        `${graphBase(account)}/${encodeURIComponent(ref.mediaId ?? '')}`,
        auth,
        64_000,
      );
      if (!lookup.ok) return lookup;
      let url: unknown;
      try {
        url = (JSON.parse(lookup.content.toString('utf8')) as { url?: unknown }).url;
      } catch {
        url = undefined;
      }
      if (typeof url !== 'string' || !/^https?:\/\//.test(url))
        return { ok: false, reason: 'unavailable', detail: 'no media URL' };
      return fetchLimited(url, auth, maxBytes);
    },
  });
}

function translate(account: ChannelAccountWithCredentials, raw: Buffer, now: Date): ChannelDelivery[] {
  const json = parseJson(raw);
  const schema = account.kind === 'whatsapp' ? WhatsAppPayload : MessengerPayload;
  const parsed = schema.safeParse(json);
  if (!parsed.success)
    throw new AppError('validation_failed', 'The delivery is not a webhook payload of this account', {
      issues: parsed.error.issues.map((i) => ({ path: ['body', ...i.path].join('.'), message: i.message })),
    });
  if (account.kind === 'whatsapp')
    return translateWhatsApp(
      account.externalAccountId,
      parsed.data as z.infer<typeof WhatsAppPayload>,
      now,
      mediaMaker(account),
    );
  const payload = parsed.data as z.infer<typeof MessengerPayload>;
  const expected = account.kind === 'messenger' ? 'page' : 'instagram';
  if (payload.object !== expected)
    throw new AppError('validation_failed', `This ${account.kind} account takes '${expected}' deliveries`, {
      issues: [{ path: 'body.object', message: `must be '${expected}'` }],
    });
  return translateMessaging(
    account.kind as 'messenger' | 'instagram',
    account.externalAccountId,
    payload,
    now,
    mediaMaker(account),
  );
}

export const metaWebhookRoutes =
  (deps: MessagingWebhookDeps): FastifyPluginAsyncZod =>
  async (app) => {
    // These routes see the exact bytes Meta signed.
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
    const tags = ['connectors'];

    app.get(
      '/webhooks/meta/:accountId',
      {
        config: {
          policy: publicRoute("Meta's subscription handshake, answered only with the account's verify token"),
        },
        schema: {
          tags,
          summary: 'Meta webhook verification (hub.mode, hub.verify_token, hub.challenge)',
          params: Params,
          querystring: z.object({
            'hub.mode': z.string().max(40).optional(),
            'hub.verify_token': z.string().max(500).optional(),
            'hub.challenge': z.string().max(500).optional(),
          }),
        },
      },
      async (request, reply) => {
        const account = await metaAccount(deps, request.ctx, request.params.accountId);
        const challenge = metaHandshake(account.credentials.verifyToken ?? '', request.query);
        if (challenge === null) throw new AppError('request_forbidden', 'The verify token does not match');
        return reply.header('content-type', 'text/plain; charset=utf-8').send(challenge);
      },
    );

    app.post(
      '/webhooks/meta/:accountId',
      {
        config: {
          policy: publicRoute('Meta webhook deliveries: X-Hub-Signature-256 is verified on the raw body'),
        },
        schema: {
          tags,
          summary: 'Messenger, Instagram and WhatsApp Cloud API webhook deliveries (messages, statuses)',
          description:
            '401 when X-Hub-Signature-256 (HMAC-SHA256 of the raw body with the app secret) is missing or wrong; nothing is stored. A message id (mid, wamid) delivered twice is one message.',
          params: Params,
        },
      },
      async (request, reply) => {
        const ctx = request.ctx;
        const account = await metaAccount(deps, ctx, request.params.accountId);
        const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        if (
          !verifyMetaSignature(
            account.credentials.appSecret ?? '',
            request.headers[META_SIGNATURE_HEADER],
            raw,
          )
        )
          throw new AppError(
            'unauthenticated',
            'The delivery signature (X-Hub-Signature-256) is missing or does not match',
          );
        if (account.status !== 'active') throw new AppError('connector_paused', 'This account is paused');
        const deliveries = translate(account, raw, ctx.clock.now());
        const outcome = await applyDeliveries(ctx, deps, deliveries, {
          accountId: account.id,
          channelId: account.channelId,
          maxAttachmentBytes: deps.maxAttachmentBytes,
        });
        return reply.status(200).send({ ok: true, ...outcome });
      },
    );
  };
