// Replies on Messenger, Instagram and WhatsApp through the Graph API (base URL and version per
// account: the real graph.facebook.com by default, a local fake in tests). Messenger and Instagram:
// POST /{version}/{page or Instagram account id}/messages with recipient.id; WhatsApp: POST
// /{version}/{phone_number_id}/messages with messaging_product whatsapp. The page or system-user
// token goes as a Bearer header. Each platform's free-form reply window is 24 h after the customer's
// last message (WhatsApp's customer-service window; Meta's standard messaging window).
import type { OutboundSender } from '../../flows/inbox/index.js';
import { SendFailure } from '../../flows/inbox/index.js';
import type { ChannelAccountStore, OutboundJob } from '../../modules/inbox/index.js';
import type { Ctx } from '../../platform/context.js';
import { callPlatform } from '../inbox/platform-http.js';

export const GRAPH_DEFAULT_BASE_URL = 'https://graph.facebook.com';
export const GRAPH_DEFAULT_VERSION = 'v21.0';
export const META_REPLY_WINDOW_MS = 24 * 60 * 60 * 1000;

type MetaKind = 'messenger' | 'instagram' | 'whatsapp';

function graphError(body: unknown): string | null {
  const e = (body as { error?: { message?: unknown; code?: unknown } } | null)?.error;
  if (!e) return null;
  return `${typeof e.code === 'number' ? `(#${e.code}) ` : ''}${typeof e.message === 'string' ? e.message : 'error'}`;
}

function requestBody(kind: MetaKind, job: OutboundJob): Record<string, unknown> {
  const to = job.message.address!;
  if (kind === 'whatsapp')
    return {
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to,
      type: 'text',
      text: { preview_url: false, body: job.message.text },
    };
  return {
    recipient: { id: to },
    ...(kind === 'messenger' ? { messaging_type: 'RESPONSE' } : {}),
    message: { text: job.message.text },
  };
}

function sentId(kind: MetaKind, body: Record<string, unknown>): string | null {
  if (kind === 'whatsapp') {
    const first = (body.messages as Array<{ id?: unknown }> | undefined)?.[0]?.id;
    return typeof first === 'string' ? first : null;
  }
  return typeof body.message_id === 'string' ? body.message_id : null;
}

export function createGraphSender(kind: MetaKind, accounts: ChannelAccountStore): OutboundSender {
  return {
    replyWindowMs: META_REPLY_WINDOW_MS,
    ready: async (ctx: Ctx) => (await accounts.activeOfKind(ctx, kind)) !== null,
    async send(ctx, job) {
      const account = await accounts.activeOfKind(ctx, kind);
      if (!account) throw new SendFailure(`No ${kind} account is connected`, false);
      const base = (account.settings.apiBaseUrl || GRAPH_DEFAULT_BASE_URL).replace(/\/+$/, '');
      const version = account.settings.graphVersion || GRAPH_DEFAULT_VERSION;
      const url = `${base}/${encodeURIComponent(version)}/${encodeURIComponent(account.externalAccountId)}/messages`;
      const body = await callPlatform(
        'Graph API',
        url,
        {
          method: 'POST',
          headers: {
            authorization: `Bearer ${account.credentials.accessToken ?? ''}`,
            'content-type': 'application/json',
          },
          body: JSON.stringify(requestBody(kind, job)),
        },
        graphError,
      );
      return { externalId: sentId(kind, body) };
    },
  };
}
