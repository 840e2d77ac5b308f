// Replies on Messenger, Instagram and WhatsApp through the Graph API (base URL and version per
// account: the real graph.facebook.com by default, a local fake in tests). Messenger and Instagram:
// POST /{version}/{page or Instagram account id}/messages with recipient.id; WhatsApp: POST
// /{version}/{phone_number_id}/messages with messaging_product whatsapp, as text or as an approved
// template. The page or system-user token goes as a Bearer header. A reply goes out through the
// account the customer wrote to (a second page or number answers its own customers). Each
// platform's free-form reply window is 24 h after the customer's last message (WhatsApp's
// customer-service window; Meta's standard messaging window); after it WhatsApp takes only a
// template its business account had approved (GET /{version}/{waba id}/message_templates).
import type { ApprovedTemplate, OutboundSender } from '../../flows/inbox/index.js';
import { SendFailure } from '../../flows/inbox/index.js';
import type { DirectSender } from '../../flows/journeys/index.js';
import { AppError } from '../../kernel/index.js';
import type { ChannelAccountStore, ChannelAccountWithCredentials } from '../../modules/inbox/index.js';
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

interface Outgoing {
  to: string;
  text: string;
  template: { name: string; language: string; parameters: string[] } | null | undefined;
}

function requestBody(kind: MetaKind, { to, text, template }: Outgoing): Record<string, unknown> {
  if (kind === 'whatsapp' && template)
    return {
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to,
      type: 'template',
      template: {
        name: template.name,
        language: { code: template.language },
        ...(template.parameters.length
          ? {
              components: [
                { type: 'body', parameters: template.parameters.map((text) => ({ type: 'text', text })) },
              ],
            }
          : {}),
      },
    };
  if (kind === 'whatsapp')
    return {
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to,
      type: 'text',
      text: { preview_url: false, body: text },
    };
  return {
    recipient: { id: to },
    ...(kind === 'messenger' ? { messaging_type: 'RESPONSE' } : {}),
    message: { text },
  };
}

function sentId(kind: MetaKind, body: Record<string, unknown>): string | null {
  if (kind === 'whatsapp') {
    const first = (body.messages as Array<{ id?: unknown }> | undefined)?.[0]?.id;
    return typeof first === 'string' ? first : null;
  }
  return typeof body.message_id === 'string' ? body.message_id : null;
}

/** The account's Graph API root with its version. */
export const graphBase = (a: ChannelAccountWithCredentials) =>
  `${(a.settings.apiBaseUrl || GRAPH_DEFAULT_BASE_URL).replace(/\/+$/, '')}/${encodeURIComponent(
    a.settings.graphVersion || GRAPH_DEFAULT_VERSION,
  )}`;
const bearer = (a: ChannelAccountWithCredentials) => ({
  authorization: `Bearer ${a.credentials.accessToken ?? ''}`,
});

interface GraphTemplate {
  name?: unknown;
  language?: unknown;
  status?: unknown;
  components?: Array<{ type?: unknown; text?: unknown }>;
}

function toApproved(t: GraphTemplate): ApprovedTemplate | null {
  if (typeof t.name !== 'string' || typeof t.language !== 'string' || t.status !== 'APPROVED') return null;
  const body = t.components?.find((c) => c.type === 'BODY')?.text;
  const text = typeof body === 'string' ? body : null;
  const slots = new Set([...(text ?? '').matchAll(/\{\{(\d{1,2})\}\}/g)].map((m) => m[1]));
  return { name: t.name, language: t.language, body: text, parameterCount: slots.size };
}

/** The WhatsApp business account's approved templates (one page of up to 250). */
async function approvedTemplates(account: ChannelAccountWithCredentials): Promise<ApprovedTemplate[]> {
  const waba = account.settings.businessAccountId;
  if (!waba) return [];
  const url = `${graphBase(account)}/${encodeURIComponent(waba)}/message_templates?status=APPROVED&limit=250&fields=name,language,status,components`;
  try {
    const body = await callPlatform(
      'Graph API',
      url,
      { method: 'GET', headers: bearer(account) },
      graphError,
    );
    const data = Array.isArray(body.data) ? (body.data as GraphTemplate[]) : [];
    return data.map(toApproved).filter((t): t is ApprovedTemplate => t !== null);
  } catch (err) {
    throw new AppError('platform_unreachable', (err as Error).message.slice(0, 300));
  }
}

export function createGraphSender(kind: MetaKind, accounts: ChannelAccountStore): OutboundSender {
  return {
    replyWindowMs: META_REPLY_WINDOW_MS,
    ready: async (ctx: Ctx, accountId) => (await accounts.sendingAccount(ctx, kind, accountId)) !== null,
    ...(kind === 'whatsapp'
      ? {
          templates: async (ctx: Ctx, accountId: string | null) => {
            const account = await accounts.sendingAccount(ctx, kind, accountId);
            return account ? approvedTemplates(account) : [];
          },
        }
      : {}),
    send: (ctx, job) =>
      postMessage(ctx, accounts, kind, job.message.channelAccountId, {
        to: job.message.address!,
        text: job.message.text,
        template: job.message.template,
      }),
  };
}

/** One message through the kind's account (this one when it is still active). */
async function postMessage(
  ctx: Ctx,
  accounts: Pick<ChannelAccountStore, 'sendingAccount'>,
  kind: MetaKind,
  accountId: string | null,
  out: Outgoing,
): Promise<{ externalId: string | null }> {
  const account = await accounts.sendingAccount(ctx, kind, accountId);
  if (!account) throw new SendFailure(`No ${kind} account is connected`, false);
  const url = `${graphBase(account)}/${encodeURIComponent(account.externalAccountId)}/messages`;
  const body = await callPlatform(
    'Graph API',
    url,
    {
      method: 'POST',
      headers: { ...bearer(account), 'content-type': 'application/json' },
      body: JSON.stringify(requestBody(kind, out)),
    },
    graphError,
  );
  return { externalId: sentId(kind, body) };
}

/**
 * Journey messages by WhatsApp: always the approved template named after the message's template key
 * in its language (a business-initiated message outside the 24 h window takes nothing else); a name
 * Meta has not approved comes back as a 4xx and fails the send without retrying.
 */
export function createWhatsAppJourneySender(
  accounts: Pick<ChannelAccountStore, 'sendingAccount'>,
): DirectSender {
  return {
    ready: async (ctx) => (await accounts.sendingAccount(ctx, 'whatsapp', null)) !== null,
    async send(ctx, message) {
      if (!message.template) throw new SendFailure('A WhatsApp journey message needs a template', false);
      return postMessage(ctx, accounts, 'whatsapp', null, message);
    },
  };
}
