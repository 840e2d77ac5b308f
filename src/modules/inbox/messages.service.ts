// Messages in and out: an inbound message finds its conversation (thread hints, else the customer's
// open one, else a new one) and is stored once per (channel kind, external id); replies are queued
// for the delivery loop; notes are written by staff and never sent.
import { randomBytes } from 'node:crypto';
import { AppError, newId } from '../../kernel/index.js';
import { type Ctx, inTransaction } from '../../platform/context.js';
import type { NewEvent } from '../../platform/events/event-log.js';
import { appendEvents } from '../../platform/events/event-log.js';
import type { AttachmentStore } from './attachments.js';
import { INBOX_EVENTS, inboxEvent } from './inbox.events.js';
import type {
  AttachmentInput,
  InboundOutcome,
  QueueOutboundInput,
  RecordInboundInput,
} from './inbox.interface.js';
import {
  insertAttachments,
  insertConversation,
  insertMessage,
  type NewMessage,
  selectConversation,
  selectConversationByExternalIds,
  selectConversationByReplyToken,
  selectMessage,
  selectMessageByExternalId,
  selectOpenConversationOf,
  touchConversation,
} from './inbox.repository.js';
import type { ChannelKind, Conversation, Message } from './inbox.types.js';

/** `<id@host>` and `id@host` are the same Message-ID. */
export const bareMessageId = (id: string): string => id.trim().replace(/^<|>$/g, '').slice(0, 998);

async function threadOf(ctx: Ctx, input: RecordInboundInput): Promise<Conversation | null> {
  const h = input.threadHints;
  let found: Conversation | null = null;
  if (h?.conversationId) found = await selectConversation(ctx.db, h.conversationId);
  if (!found && h?.replyToken) found = await selectConversationByReplyToken(ctx.db, h.replyToken);
  if (!found && h?.references?.length)
    found = await selectConversationByExternalIds(ctx.db, input.channelKind, h.references.map(bareMessageId));
  // A merged conversation lives on in the one it was merged into.
  for (let i = 0; found?.mergedInto && i < 5; i++) found = await selectConversation(ctx.db, found.mergedInto);
  if (found?.mergedInto) found = null;
  // A thread of someone else is not joined on a hint alone (a forwarded mail keeps its References).
  const same = (id: string) => id === input.customerId || !!input.customerProfileIds?.includes(id);
  if (found && input.customerId && found.customerId && !same(found.customerId)) found = null;
  return found;
}

async function conversationFor(
  ctx: Ctx,
  input: RecordInboundInput,
): Promise<{ c: Conversation; opened: boolean }> {
  const threaded = await threadOf(ctx, input);
  const open = input.customerId
    ? await selectOpenConversationOf(ctx.db, input.customerId, input.customerProfileIds)
    : null;
  // A reply to a resolved thread joins the customer's open conversation when there is one (one open per customer).
  if (threaded && (threaded.status !== 'resolved' || !open)) return { c: threaded, opened: false };
  if (open) return { c: open, opened: false };
  const now = ctx.clock.now();
  for (let attempt = 0; attempt < 3; attempt++) {
    const created = await insertConversation(ctx.db, {
      id: newId('cnv'),
      customerId: input.customerId,
      subject: input.subject?.slice(0, 500) ?? null,
      channelKind: input.channelKind,
      replyToken: randomBytes(16).toString('hex'),
      now,
    });
    if (created) return { c: created, opened: true };
    // Another message of the same customer opened one first: join it.
    const raced = input.customerId
      ? await selectOpenConversationOf(ctx.db, input.customerId, input.customerProfileIds)
      : null;
    if (raced) return { c: raced, opened: false };
  }
  throw new Error('no open conversation could be found or opened');
}

const messageEvent = (
  type: (typeof INBOX_EVENTS)[keyof typeof INBOX_EVENTS],
  c: Conversation,
  m: Message,
): NewEvent =>
  inboxEvent(type as typeof INBOX_EVENTS.messageReceived, {
    conversationId: c.id,
    messageId: m.id,
    customerId: c.customerId,
    channelKind: m.channelKind,
    direction: m.direction,
    occurredAt: m.occurredAt.toISOString(),
  });

async function attach(ctx: Ctx, store: AttachmentStore, m: Message, files: AttachmentInput[] | undefined) {
  if (!files?.length) return m;
  const saved = await store.save(files);
  const now = ctx.clock.now();
  const list = saved.map((f) => ({
    id: newId('att'),
    message_id: m.id,
    conversation_id: m.conversationId,
    filename: f.filename,
    content_type: f.contentType,
    size: f.size,
    sha256: f.sha256,
    storage_key: f.storageKey,
    created_at: now,
  }));
  await insertAttachments(ctx.db, list);
  return (await selectMessage(ctx.db, m.id))!;
}

export function createMessagesService(deps: { attachments: AttachmentStore }) {
  async function duplicateOf(
    ctx: Ctx,
    kind: ChannelKind,
    externalId: string,
  ): Promise<InboundOutcome | null> {
    const m = await selectMessageByExternalId(ctx.db, kind, externalId);
    if (!m) return null;
    const c = await selectConversation(ctx.db, m.conversationId);
    return { conversation: c!, message: m, duplicate: true, opened: false };
  }

  async function recordInbound(ctx: Ctx, input: RecordInboundInput): Promise<InboundOutcome> {
    deps.attachments.check(input.attachments ?? []);
    const externalId = input.externalId ? input.externalId.slice(0, 998) : null;
    if (externalId) {
      const dup = await duplicateOf(ctx, input.channelKind, externalId);
      if (dup) return dup;
    }
    return inTransaction(ctx, async (tx) => {
      const { c, opened } = await conversationFor(tx, input);
      const now = tx.clock.now();
      const row: NewMessage = {
        id: newId('msg'),
        conversationId: c.id,
        direction: 'inbound',
        channelKind: input.channelKind,
        externalId,
        authorId: null,
        address: input.address,
        text: input.text,
        html: input.html ?? null,
        inReplyToId: null,
        status: null,
        unparsed: input.unparsed ?? false,
        channelAccountId: input.channelAccountId ?? null,
        occurredAt: input.occurredAt,
        createdAt: now,
      };
      const inserted = await insertMessage(tx.db, row);
      if (!inserted) {
        // The same delivery committed by a concurrent request: one message.
        const dup = externalId ? await duplicateOf(tx, input.channelKind, externalId) : null;
        if (dup) return dup;
        throw new Error('message insert returned nothing');
      }
      const message = await attach(tx, deps.attachments, inserted, input.attachments);
      const conversation = await touchConversation(tx.db, c.id, {
        direction: 'inbound',
        channelKind: input.channelKind,
        at: input.occurredAt,
        now,
        channelId: input.channelId,
      });
      const events: NewEvent[] = [];
      if (opened)
        events.push(
          inboxEvent(INBOX_EVENTS.conversationOpened, {
            conversationId: c.id,
            customerId: c.customerId,
            channelKind: input.channelKind,
          }),
        );
      events.push(messageEvent(INBOX_EVENTS.messageReceived, conversation, message));
      await appendEvents(tx, events);
      return { conversation, message, duplicate: false, opened };
    });
  }

  async function liveConversation(ctx: Ctx, id: string): Promise<Conversation> {
    const c = await selectConversation(ctx.db, id);
    if (!c) throw new AppError('not_found', 'No such conversation');
    if (c.mergedInto)
      throw new AppError('conversation_merged', 'The conversation was merged', {
        details: { mergedInto: c.mergedInto },
      });
    return c;
  }

  async function queueOutbound(ctx: Ctx, input: QueueOutboundInput): Promise<Message> {
    deps.attachments.check(input.attachments ?? []);
    return inTransaction(ctx, async (tx) => {
      await liveConversation(tx, input.conversationId);
      const now = tx.clock.now();
      const inserted = await insertMessage(tx.db, {
        id: newId('msg'),
        conversationId: input.conversationId,
        direction: 'outbound',
        channelKind: input.channelKind,
        externalId: null,
        authorId: input.authorId,
        address: input.address,
        text: input.text,
        html: input.html ?? null,
        inReplyToId: input.inReplyToId ?? null,
        status: 'queued',
        unparsed: false,
        channelAccountId: input.channelAccountId ?? null,
        template: input.template ?? null,
        occurredAt: now,
        createdAt: now,
      });
      const message = await attach(tx, deps.attachments, inserted!, input.attachments);
      const c = await touchConversation(tx.db, input.conversationId, {
        direction: 'outbound',
        channelKind: input.channelKind,
        at: now,
        now,
      });
      await appendEvents(tx, [messageEvent(INBOX_EVENTS.messageQueued, c, message)]);
      return message;
    });
  }

  async function addNote(
    ctx: Ctx,
    conversationId: string,
    input: { authorId: string; text: string; kind: 'internal' | 'phone_note' | 'store_note' },
  ): Promise<Message> {
    return inTransaction(ctx, async (tx) => {
      await liveConversation(tx, conversationId);
      const now = tx.clock.now();
      const kind = input.kind === 'internal' ? null : input.kind;
      const message = (await insertMessage(tx.db, {
        id: newId('msg'),
        conversationId,
        direction: 'note',
        channelKind: kind,
        externalId: null,
        authorId: input.authorId,
        address: null,
        text: input.text,
        html: null,
        inReplyToId: null,
        status: null,
        unparsed: false,
        occurredAt: now,
        createdAt: now,
      }))!;
      const c = await touchConversation(tx.db, conversationId, {
        direction: 'note',
        channelKind: kind,
        at: now,
        now,
      });
      await appendEvents(tx, [messageEvent(INBOX_EVENTS.noteAdded, c, message)]);
      return message;
    });
  }

  async function liveOrMerged(ctx: Ctx, id: string): Promise<Conversation> {
    const c = await selectConversation(ctx.db, id);
    if (!c) throw new AppError('not_found', 'No such conversation');
    return c;
  }

  return { recordInbound, queueOutbound, addNote, liveOrMerged };
}
