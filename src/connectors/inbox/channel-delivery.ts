// What a messaging platform's webhook says, once translated: customers' messages (to the inbox flow,
// deduped there by the platform's message id) and status reports on our replies (forward only).
import type { InboundMessageInput, InboxFlow } from '../../flows/inbox/index.js';
import type { ChannelKind, DeliveryStatus, InboxService } from '../../modules/inbox/index.js';
import type { Ctx } from '../../platform/context.js';
import { downloadMedia, type MediaRef } from './media-fetch.js';

export type ChannelDelivery =
  | { type: 'message'; message: InboundMessageInput; media?: MediaRef[] | undefined }
  | {
      type: 'status';
      channelKind: ChannelKind;
      externalId: string;
      status: DeliveryStatus;
      reason: string | null;
    };

/** Files every translated delivery (the messages as one batch); returns how many messages were new. */
export async function applyDeliveries(
  ctx: Ctx,
  deps: {
    flow: Pick<InboxFlow, 'receiveInboundBatch'>;
    inbox: Pick<InboxService, 'recordDeliveryStatus'>;
  },
  deliveries: ChannelDelivery[],
  /** The account that received them (replies go out through it), its shop, and the attachment size limit. */
  opts: { accountId: string; channelId?: string | null | undefined; maxAttachmentBytes: number },
): Promise<{ stored: number; duplicates: number; statuses: number }> {
  const messages: InboundMessageInput[] = [];
  let statuses = 0;
  for (const d of deliveries) {
    if (d.type !== 'message') continue;
    const message = {
      ...d.message,
      channelAccountId: opts.accountId,
      ...(opts.channelId ? { channelId: opts.channelId } : {}),
    };
    if (d.media?.length) {
      const got = await downloadMedia(d.media, opts.maxAttachmentBytes);
      message.attachments = [...(message.attachments ?? []), ...got.attachments];
      if (got.notes.length) message.text = [message.text, ...got.notes].join('\n');
    }
    messages.push(message);
  }
  const outcomes = await deps.flow.receiveInboundBatch(ctx, messages);
  const duplicates = outcomes.filter((o) => o.duplicate).length;
  for (const d of deliveries) {
    if (d.type !== 'status') continue;
    const updated = await deps.inbox.recordDeliveryStatus(ctx, {
      channelKind: d.channelKind,
      externalId: d.externalId,
      status: d.status,
      reason: d.reason,
    });
    if (updated) statuses++;
  }
  return { stored: outcomes.length - duplicates, duplicates, statuses };
}

/** Seconds or milliseconds since the epoch (as platforms send them) → a Date; `fallback` when absent or absurd. */
export function epochToDate(value: unknown, fallback: Date): Date {
  const n = typeof value === 'string' ? Number(value) : typeof value === 'number' ? value : Number.NaN;
  if (!Number.isFinite(n) || n <= 0) return fallback;
  const d = new Date(n < 1e12 ? n * 1000 : n);
  return Number.isNaN(d.getTime()) ? fallback : d;
}
