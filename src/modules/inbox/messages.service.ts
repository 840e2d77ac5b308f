// Messages in and out: inbound messages are filed a batch at a time (inbound.service.ts: thread
// hints, else the customer's open conversation, else a new one; stored once per (channel kind,
// external id)); replies are queued for the delivery loop; notes are written by staff and never sent.
import { AppError, newId } from '../../kernel/index.js';
import { type Ctx, inTransaction } from '../../platform/context.js';
import type { NewEvent } from '../../platform/events/event-log.js';
import { appendEvents } from '../../platform/events/event-log.js';
import type { AttachmentStore } from './attachments.js';
import { createInboundService } from './inbound.service.js';
import { INBOX_EVENTS, inboxEvent } from './inbox.events.js';
import type {
  AttachmentInput,
  InboundOutcome,
  QueueOutboundInput,
  RecordInboundInput,
} from './inbox.interface.js';
import {
  insertAttachments,
  insertMessage,
  selectConversation,
  selectMessage,
  touchConversation,
} from './inbox.repository.js';
import type { Conversation, Message } from './inbox.types.js';

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
  const { recordInboundBatch } = createInboundService(deps);
  const recordInbound = async (ctx: Ctx, input: RecordInboundInput): Promise<InboundOutcome> =>
    (await recordInboundBatch(ctx, [input]))[0]!;

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

  return { recordInbound, recordInboundBatch, queueOutbound, addNote, liveOrMerged };
}
