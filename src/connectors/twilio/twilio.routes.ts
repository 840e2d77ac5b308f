// Twilio's SMS webhooks for one connected number: POST /webhooks/twilio/{accountId}/sms (a
// customer's message: MessageSid, From, Body, NumMedia/MediaUrlN) and …/status (MessageSid,
// MessageStatus, ErrorCode of our inbox replies and of journey SMS, whose send rows learn it: forward
// only, an unknown MessageSid changes nothing). Both are form-encoded and signed with X-Twilio-Signature
// over the URL Twilio called (the hub's OMNIHUB_PUBLIC_URL + path, else this request's own URL) and
// the sorted parameters: 401 and nothing stored when it is missing or wrong. The same MessageSid twice
// is one message. The answer is empty TwiML (no automatic reply).
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../kernel/index.js';
import type { ChannelAccountWithCredentials, DeliveryStatus } from '../../modules/inbox/index.js';
import {
  DELIVERY_STATUSES,
  type MessagingService,
  type SendDeliveryStatus,
} from '../../modules/messaging/index.js';
import type { Ctx } from '../../platform/context.js';
import { publicRoute } from '../../platform/http/route-policy.js';
import { applyDeliveries, type ChannelDelivery } from '../inbox/channel-delivery.js';
import { fetchLimited, type MediaRef } from '../inbox/media-fetch.js';
import type { MessagingWebhookDeps } from '../meta/meta.routes.js';
import { TWILIO_DEFAULT_BASE_URL } from './twilio-sender.js';
import { TWILIO_SIGNATURE_HEADER, verifyTwilioSignature } from './twilio-signature.js';

type SendStatuses = Pick<MessagingService, 'recordDeliveryStatus'>;
const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';
const Params = z.strictObject({ accountId: z.string().min(1).max(80) });
const STATUSES: Record<string, DeliveryStatus> = {
  sent: 'sent',
  delivered: 'delivered',
  read: 'read',
  undelivered: 'failed',
  failed: 'failed',
};

function calledUrl(request: FastifyRequest, publicUrl: string | undefined): string {
  if (publicUrl) return `${publicUrl.replace(/\/+$/, '')}${request.url}`;
  return `${request.protocol}://${request.headers.host ?? request.hostname}${request.url}`;
}

function required(form: URLSearchParams, name: string): string {
  const v = form.get(name)?.trim();
  if (!v)
    throw new AppError('validation_failed', `${name} is missing`, {
      issues: [{ path: `body.${name}`, message: 'is required' }],
    });
  return v;
}

/**
 * MMS media (MediaUrlN, MediaContentTypeN) are fetched with the account's basic auth (Twilio's
 * media URLs need it when HTTP auth is on), only on the account's own API host: the credentials
 * never go elsewhere; a redirect to Twilio's storage is followed without them by fetch's rules.
 */
function mmsMedia(form: URLSearchParams, account: ChannelAccountWithCredentials): MediaRef[] {
  const refs: MediaRef[] = [];
  const count = Math.min(Number(form.get('NumMedia') ?? 0) || 0, 10);
  const apiHost = new URL(account.settings.apiBaseUrl || TWILIO_DEFAULT_BASE_URL).host;
  const auth = `Basic ${Buffer.from(`${account.settings.accountSid ?? ''}:${account.credentials.authToken ?? ''}`).toString('base64')}`;
  for (let i = 0; i < count; i++) {
    const url = form.get(`MediaUrl${i}`);
    if (!url || !/^https?:\/\//.test(url)) continue;
    const type = form.get(`MediaContentType${i}`)?.split(';')[0]?.trim() || undefined;
    const headers: Record<string, string> = new URL(url).host === apiHost ? { authorization: auth } : {};
    refs.push({
      kind: type?.split('/')[0] || 'media',
      contentType: type,
      fetch: (maxBytes) => fetchLimited(url, headers, maxBytes),
    });
  }
  return refs;
}

function inboundSms(
  form: URLSearchParams,
  now: Date,
  account: ChannelAccountWithCredentials,
): ChannelDelivery {
  const media = mmsMedia(form, account);
  const text = form.get('Body') ?? '';
  return {
    type: 'message',
    media,
    message: {
      channelKind: 'sms',
      externalId: required(form, 'MessageSid'),
      // A sender number can be spoofed on the phone network: claimed, not verified.
      from: { identifierType: 'phone', value: required(form, 'From'), trust: 'claimed' },
      text: text || (media.length ? `[${media.map((m) => m.kind).join(', ')}]` : '[sms]'),
      occurredAt: now,
    },
  };
}

/** A journey SMS's send row learns Twilio's report (sent, delivered, undelivered, failed, read). */
async function recordSendStatus(ctx: Ctx, sends: SendStatuses | undefined, form: URLSearchParams) {
  const status = required(form, 'MessageStatus') as SendDeliveryStatus;
  if (!sends || !DELIVERY_STATUSES.includes(status)) return;
  const code = form.get('ErrorCode');
  const failed = status === 'failed' || status === 'undelivered';
  await sends.recordDeliveryStatus(ctx, {
    providerMessageId: required(form, 'MessageSid'),
    status,
    reason: failed ? `Twilio: ${status}${code ? ` (error ${code})` : ''}` : null,
  });
}

function statusReport(form: URLSearchParams): ChannelDelivery[] {
  const status = STATUSES[required(form, 'MessageStatus')];
  if (!status) return []; // queued, sending, accepted…: nothing we do not know yet
  const code = form.get('ErrorCode');
  const reason =
    status === 'failed' ? `Twilio: ${form.get('MessageStatus')}${code ? ` (error ${code})` : ''}` : null;
  return [{ type: 'status', channelKind: 'sms', externalId: required(form, 'MessageSid'), status, reason }];
}

export const twilioWebhookRoutes =
  (
    deps: MessagingWebhookDeps & { publicUrl?: string | undefined; sends?: SendStatuses | undefined },
  ): FastifyPluginAsyncZod =>
  async (app) => {
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
    const tags = ['connectors'];

    const handle =
      (what: 'sms' | 'status') =>
      async (
        request: FastifyRequest<{ Params: { accountId: string } }>,
        reply: import('fastify').FastifyReply,
      ) => {
        const ctx = request.ctx;
        const account = await deps.accounts.withCredentials(ctx, request.params.accountId);
        if (!account || account.kind !== 'sms')
          throw new AppError('not_found', `There is no SMS account ${request.params.accountId}`);
        const raw = Buffer.isBuffer(request.body) ? request.body.toString('utf8') : '';
        const form = new URLSearchParams(raw);
        const signed = verifyTwilioSignature(
          account.credentials.authToken ?? '',
          request.headers[TWILIO_SIGNATURE_HEADER],
          calledUrl(request, deps.publicUrl),
          [...form.entries()],
        );
        if (!signed)
          throw new AppError('unauthenticated', 'The X-Twilio-Signature is missing or does not match');
        if (account.status !== 'active') throw new AppError('connector_paused', 'This account is paused');
        const deliveries = what === 'sms' ? [inboundSms(form, ctx.clock.now(), account)] : statusReport(form);
        await applyDeliveries(ctx, deps, deliveries, {
          accountId: account.id,
          channelId: account.channelId,
          maxAttachmentBytes: deps.maxAttachmentBytes,
        });
        if (what === 'status') await recordSendStatus(ctx, deps.sends, form);
        return reply.header('content-type', 'text/xml; charset=utf-8').send(EMPTY_TWIML);
      };

    app.post(
      '/webhooks/twilio/:accountId/sms',
      {
        config: { policy: publicRoute("Twilio's inbound SMS webhook: X-Twilio-Signature is verified") },
        schema: {
          tags,
          summary: "A customer's SMS (Twilio's webhook format, form-encoded, X-Twilio-Signature)",
          params: Params,
        },
      },
      handle('sms'),
    );
    app.post(
      '/webhooks/twilio/:accountId/status',
      {
        config: {
          policy: publicRoute("Twilio's status callback for our SMS replies: X-Twilio-Signature is verified"),
        },
        schema: {
          tags,
          summary:
            'Delivery status of an SMS reply or journey SMS (Twilio status callback: MessageSid, MessageStatus, ErrorCode)',
          params: Params,
        },
      },
      handle('status'),
    );
  };
