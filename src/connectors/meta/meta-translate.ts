// Messenger, Instagram and WhatsApp Cloud API webhook payloads → the inbox's deliveries. Messenger
// and Instagram: `entry[].messaging[]` with sender.id (PSID / IGSID), message.mid and text, delivery
// (mids) and read reports; echoes of our own sends are skipped. WhatsApp: `entry[].changes[].value`
// with contacts (profile name, wa_id), messages (id = wamid, from, timestamp in seconds, type) and
// statuses (sent, delivered, read, failed with errors). Entries for another page or number are left.
import { z } from 'zod';
import type { ChannelKind, DeliveryStatus } from '../../modules/inbox/index.js';
import { type ChannelDelivery, epochToDate } from '../inbox/channel-delivery.js';
import type { MediaRef } from '../inbox/media-fetch.js';

/** Makes the download of a file a payload names: a URL (Messenger, Instagram) or a media id (WhatsApp). */
export type MediaMaker = (ref: {
  kind: string;
  url?: string | undefined;
  mediaId?: string | undefined;
  contentType?: string | undefined;
  filename?: string | undefined;
}) => MediaRef;

const Id = z.union([z.string(), z.number()]).transform(String);

const MessagingEvent = z.looseObject({
  sender: z.looseObject({ id: Id }),
  recipient: z.looseObject({ id: Id }).optional(),
  timestamp: z.number().optional(),
  message: z
    .looseObject({
      mid: z.string(),
      text: z.string().optional(),
      is_echo: z.boolean().optional(),
      attachments: z
        .array(
          z.looseObject({
            type: z.string(),
            payload: z.looseObject({ url: z.string().optional() }).nullish(),
          }),
        )
        .optional(),
    })
    .optional(),
  delivery: z.looseObject({ mids: z.array(z.string()).optional() }).optional(),
  read: z.looseObject({ mid: z.string().optional() }).optional(),
});

export const MessengerPayload = z.looseObject({
  object: z.enum(['page', 'instagram']),
  entry: z.array(z.looseObject({ id: Id, messaging: z.array(MessagingEvent).optional() })),
});

const WhatsAppMessage = z.looseObject({
  from: z.string(),
  id: z.string(),
  timestamp: z.union([z.string(), z.number()]).optional(),
  type: z.string(),
  text: z.looseObject({ body: z.string() }).optional(),
});

const WhatsAppStatus = z.looseObject({
  id: z.string(),
  status: z.string(),
  errors: z
    .array(
      z.looseObject({
        code: z.number().optional(),
        title: z.string().optional(),
        message: z.string().optional(),
      }),
    )
    .optional(),
});

export const WhatsAppPayload = z.looseObject({
  object: z.literal('whatsapp_business_account'),
  entry: z.array(
    z.looseObject({
      id: Id,
      changes: z.array(
        z.looseObject({
          field: z.string(),
          value: z.looseObject({
            metadata: z.looseObject({ phone_number_id: Id }).optional(),
            contacts: z
              .array(
                z.looseObject({
                  wa_id: z.string(),
                  profile: z.looseObject({ name: z.string().optional() }).optional(),
                }),
              )
              .optional(),
            messages: z.array(WhatsAppMessage).optional(),
            statuses: z.array(WhatsAppStatus).optional(),
          }),
        }),
      ),
    }),
  ),
});

type MessengerAttachment = { type: string; payload?: { url?: string | undefined } | null | undefined };

/** Files with a URL are downloaded; the others (a location, a fallback link) are named in the text. */
function messengerMedia(atts: MessengerAttachment[], media: MediaMaker | undefined) {
  const refs: MediaRef[] = [];
  const lines: string[] = [];
  for (const a of atts) {
    if (a.payload?.url && media && a.type !== 'fallback')
      refs.push(media({ kind: a.type, url: a.payload.url }));
    else lines.push(a.payload?.url ? `[${a.type}: ${a.payload.url}]` : `[${a.type}]`);
  }
  return { refs, lines };
}

/** Messenger (kind messenger, object page) or Instagram (kind instagram, object instagram) deliveries for one account. */
export function translateMessaging(
  kind: 'messenger' | 'instagram',
  accountId: string,
  payload: z.infer<typeof MessengerPayload>,
  now: Date,
  media?: MediaMaker,
): ChannelDelivery[] {
  const identifierType = kind === 'messenger' ? 'messenger_psid' : 'instagram_igsid';
  const out: ChannelDelivery[] = [];
  for (const entry of payload.entry) {
    if (entry.id !== accountId) continue;
    for (const e of entry.messaging ?? []) {
      if (e.message && !e.message.is_echo) {
        const files = messengerMedia(e.message.attachments ?? [], media);
        const text = [e.message.text ?? '', ...files.lines].filter(Boolean).join('\n');
        out.push({
          type: 'message',
          media: files.refs,
          message: {
            channelKind: kind,
            externalId: e.message.mid,
            // A signed delivery from Meta proves the page-scoped id wrote this.
            from: { identifierType, value: e.sender.id, trust: 'verified' },
            text:
              text ||
              (files.refs.length ? `[${files.refs.map((r) => r.kind).join(', ')}]` : `[${kind} message]`),
            occurredAt: epochToDate(e.timestamp, now),
          },
        });
      }
      for (const mid of e.delivery?.mids ?? []) out.push(status(kind, mid, 'delivered', null));
      if (e.read?.mid) out.push(status(kind, e.read.mid, 'read', null));
    }
  }
  return out;
}

const status = (
  channelKind: ChannelKind,
  externalId: string,
  s: DeliveryStatus,
  reason: string | null,
): ChannelDelivery => ({ type: 'status', channelKind, externalId, status: s, reason });

const WA_STATUSES: Record<string, DeliveryStatus> = {
  sent: 'sent',
  delivered: 'delivered',
  read: 'read',
  failed: 'failed',
};

function whatsAppText(m: z.infer<typeof WhatsAppMessage>): string {
  if (m.type === 'text' && m.text) return m.text.body;
  // Media, locations, buttons…: their caption or title when there is one, and what kind it was.
  const part = (m as Record<string, unknown>)[m.type] as Record<string, unknown> | undefined;
  const caption =
    typeof part?.caption === 'string' ? part.caption : typeof part?.text === 'string' ? part.text : '';
  return [`[${m.type}]`, caption].filter(Boolean).join(' ');
}

const WA_MEDIA = new Set(['image', 'video', 'audio', 'document', 'sticker']);

function whatsAppMedia(m: z.infer<typeof WhatsAppMessage>, media: MediaMaker | undefined): MediaRef[] {
  const part = (m as Record<string, unknown>)[m.type] as Record<string, unknown> | undefined;
  if (!media || !WA_MEDIA.has(m.type) || typeof part?.id !== 'string') return [];
  return [
    media({
      kind: m.type,
      mediaId: part.id,
      contentType: typeof part.mime_type === 'string' ? part.mime_type.split(';')[0]!.trim() : undefined,
      filename: typeof part.filename === 'string' ? part.filename : undefined,
    }),
  ];
}

/** WhatsApp Cloud API deliveries for one business phone number (its phone_number_id). */
export function translateWhatsApp(
  phoneNumberId: string,
  payload: z.infer<typeof WhatsAppPayload>,
  now: Date,
  media?: MediaMaker,
): ChannelDelivery[] {
  const out: ChannelDelivery[] = [];
  for (const change of payload.entry.flatMap((e) => e.changes)) {
    const v = change.value;
    if (change.field !== 'messages' || (v.metadata && v.metadata.phone_number_id !== phoneNumberId)) continue;
    const names = new Map((v.contacts ?? []).map((c) => [c.wa_id, c.profile?.name]));
    for (const m of v.messages ?? []) {
      const name = names.get(m.from);
      out.push({
        type: 'message',
        media: whatsAppMedia(m, media),
        message: {
          channelKind: 'whatsapp',
          externalId: m.id,
          from: {
            identifierType: 'whatsapp_id',
            value: m.from,
            trust: 'verified',
            // The wa_id is the sender's phone number, which WhatsApp verified.
            also: [{ identifierType: 'phone', value: `+${m.from.replace(/^\+/, '')}`, trust: 'verified' }],
            ...(name ? { name } : {}),
          },
          text: whatsAppText(m),
          occurredAt: epochToDate(m.timestamp, now),
        },
      });
    }
    for (const s of v.statuses ?? []) {
      const mapped = WA_STATUSES[s.status];
      if (!mapped) continue;
      const e = s.errors?.[0];
      const reason = e
        ? `WhatsApp ${e.code ?? ''} ${e.title ?? e.message ?? ''}`.replace(/\s+/g, ' ').trim()
        : null;
      out.push(status('whatsapp', s.id, mapped, mapped === 'failed' ? (reason ?? 'WhatsApp: failed') : null));
    }
  }
  return out;
}
