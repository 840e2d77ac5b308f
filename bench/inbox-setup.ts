// Shared by the inbox benches: connects a Messenger page, an Instagram account, a WhatsApp number
// and a Twilio number to the hub under test and sends their real wire formats, signed as the
// platforms sign them (X-Hub-Signature-256, X-Twilio-Signature), plus web chat with a storefront's
// publishable key. Person p writes on WhatsApp as wa_id 4670<p> and by SMS from +4670<p> (the same
// phone, so one profile), on Messenger and Instagram under page-scoped ids of their own.
import { randomUUID } from 'node:crypto';
import { signMetaBody } from '../src/connectors/meta/index.js';
import { signTwilioRequest } from '../src/connectors/twilio/index.js';
import { api, type BenchContext } from './harness.js';

export const APP_SECRET = 'bench-meta-app-secret-0123456789';
const TWILIO_TOKEN = 'bench-twilio-auth-token-0123456789';
const ACCOUNT_SID = `AC${'1f'.repeat(16)}`;
const PAGE_ID = '1000000000000001';
const IG_ID = '17841400000000002';
const WA_PHONE_ID = '106540352240001';

export type BenchKind = 'messenger' | 'instagram' | 'whatsapp' | 'sms' | 'web_chat';
export const BENCH_KINDS: BenchKind[] = ['messenger', 'instagram', 'whatsapp', 'sms', 'web_chat'];

export interface InboxBench {
  paths: Record<'messenger' | 'instagram' | 'whatsapp' | 'sms', string>;
  shopKey: string;
}

async function must(b: BenchContext, method: string, path: string, body?: unknown) {
  const r = await api(b, method, path, body);
  if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

export async function setupInboxChannels(b: BenchContext): Promise<InboxBench> {
  const meta = {
    appSecret: APP_SECRET,
    verifyToken: 'bench-verify-token',
    accessToken: 'bench-access-token',
  };
  const apiBaseUrl = 'http://127.0.0.1:9'; // replies are not part of these benches
  const account = async (kind: string, externalAccountId: string) =>
    (await must(b, 'POST', '/api/inbox/channel-accounts', {
      kind,
      name: `Bench ${kind}`,
      externalAccountId,
      apiBaseUrl,
      ...meta,
    })) as { webhookPaths: string[] };
  const messenger = await account('messenger', PAGE_ID);
  const instagram = await account('instagram', IG_ID);
  const whatsapp = await account('whatsapp', WA_PHONE_ID);
  const sms = (await must(b, 'POST', '/api/inbox/channel-accounts', {
    kind: 'sms',
    name: 'Bench SMS',
    externalAccountId: '+15017122661',
    accountSid: ACCOUNT_SID,
    authToken: TWILIO_TOKEN,
    apiBaseUrl,
  })) as { webhookPaths: string[] };
  const channel = (await must(b, 'POST', '/api/channels', {
    code: `bench-chat-${Date.now().toString(36)}`,
    name: 'Bench webshop',
    type: 'web',
    currency: 'EUR',
    locales: ['en'],
  })) as { id: string };
  const key = (await must(b, 'POST', '/api/keys', {
    name: 'bench storefront',
    kind: 'publishable',
    channelId: channel.id,
  })) as { secret: string };
  return {
    paths: {
      messenger: messenger.webhookPaths[0]!,
      instagram: instagram.webhookPaths[0]!,
      whatsapp: whatsapp.webhookPaths[0]!,
      sms: sms.webhookPaths[0]!,
    },
    shopKey: key.secret,
  };
}

export const waId = (p: number) => `4670${String(p).padStart(7, '0')}`;

/** One platform delivery of `people.length` messages on a Meta kind (Meta batches events too). */
export function metaPayload(kind: 'messenger' | 'instagram' | 'whatsapp', people: number[], text: string) {
  const now = Date.now();
  if (kind === 'whatsapp')
    return {
      object: 'whatsapp_business_account',
      entry: [
        {
          id: '102290129340001',
          changes: [
            {
              field: 'messages',
              value: {
                messaging_product: 'whatsapp',
                metadata: { display_phone_number: '15550001', phone_number_id: WA_PHONE_ID },
                contacts: people.map((p) => ({ wa_id: waId(p), profile: { name: `Person ${p}` } })),
                messages: people.map((p) => ({
                  from: waId(p),
                  id: `wamid.${randomUUID()}`,
                  timestamp: String(Math.floor(now / 1000)),
                  type: 'text',
                  text: { body: text },
                })),
              },
            },
          ],
        },
      ],
    };
  const id = kind === 'messenger' ? PAGE_ID : IG_ID;
  return {
    object: kind === 'messenger' ? 'page' : 'instagram',
    entry: [
      {
        id,
        time: now,
        messaging: people.map((p) => ({
          sender: { id: `${kind === 'messenger' ? 71 : 55}${String(p).padStart(12, '0')}` },
          recipient: { id },
          timestamp: now,
          message: { mid: `m_${randomUUID()}`, text },
        })),
      },
    ],
  };
}

export interface Sent {
  status: number;
  stored: number;
  duplicates: number;
}

export async function postMeta(b: BenchContext, path: string, payload: unknown): Promise<Sent> {
  const raw = JSON.stringify(payload);
  const res = await fetch(`${b.baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': signMetaBody(APP_SECRET, raw) },
    body: raw,
  });
  const body = (await res.json()) as { stored?: number; duplicates?: number };
  return { status: res.status, stored: body.stored ?? 0, duplicates: body.duplicates ?? 0 };
}

export async function postSms(
  b: BenchContext,
  path: string,
  p: number,
  text: string,
  sid?: string,
): Promise<Sent> {
  const form = new URLSearchParams({
    MessageSid: sid ?? `SM${randomUUID().replaceAll('-', '')}`,
    AccountSid: ACCOUNT_SID,
    From: `+${waId(p)}`,
    To: '+15017122661',
    Body: text,
    NumMedia: '0',
  });
  const res = await fetch(`${b.baseUrl}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': signTwilioRequest(TWILIO_TOKEN, `${b.baseUrl}${path}`, [...form.entries()]),
    },
    body: form.toString(),
  });
  await res.text();
  return { status: res.status, stored: res.status === 200 ? 1 : 0, duplicates: 0 };
}

export async function postChat(b: BenchContext, shopKey: string, p: number, text: string) {
  const res = await fetch(`${b.baseUrl}/api/chat/messages`, {
    method: 'POST',
    headers: { authorization: `Bearer ${shopKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ text, anonymousId: `bench-anon-${p}` }),
  });
  const body = (await res.json()) as { message?: { id: string }; conversationId?: string };
  return { status: res.status, messageId: body.message?.id, conversationId: body.conversationId };
}

/** Frames of an SSE stream (data lines joined), by callback, over fetch; returns a stop function. */
export async function followSse(url: string, key: string, onData: (data: string) => void) {
  const abort = new AbortController();
  const res = await fetch(url, { headers: { authorization: `Bearer ${key}` }, signal: abort.signal });
  if (res.status !== 200 || !res.body) throw new Error(`stream: ${res.status}`);
  let resolveConnected: () => void = () => {};
  const connected = new Promise<void>((r) => {
    resolveConnected = r;
  });
  (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      for (let i = buffer.indexOf('\n\n'); i >= 0; i = buffer.indexOf('\n\n')) {
        const block = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        if (block.includes(': connected')) resolveConnected();
        const data = block
          .split('\n')
          .filter((l) => l.startsWith('data: '))
          .map((l) => l.slice(6))
          .join('');
        if (data) onData(data);
      }
    }
  })().catch(() => {});
  await Promise.race([connected, new Promise((r) => setTimeout(r, 5_000))]);
  return () => abort.abort();
}
