// Events the inbox emits, with their payload schemas. Subjects are conversation ids; payloads hold
// ids, kinds and statuses, never a message's text or an address (agents read those through the API).
import { z } from 'zod';
import type { NewEvent } from '../../platform/events/event-log.js';
import { defineEvents, type EventPayload, EventTime } from '../../platform/events/event-schemas.js';
import { ChannelKind, ConversationStatus, DeliveryStatus, MessageDirection } from './inbox.types.js';

export const INBOX_EVENTS = {
  conversationOpened: 'inbox.conversation_opened',
  messageReceived: 'inbox.message_received',
  messageQueued: 'inbox.message_queued',
  messageStatusChanged: 'inbox.message_status_changed',
  noteAdded: 'inbox.note_added',
  conversationAssigned: 'inbox.conversation_assigned',
  conversationStatusChanged: 'inbox.conversation_status_changed',
  conversationTagsChanged: 'inbox.conversation_tags_changed',
  conversationsMerged: 'inbox.conversations_merged',
  conversationRead: 'inbox.conversation_read',
} as const;

const MessageFacts = z.strictObject({
  conversationId: z.string(),
  messageId: z.string(),
  customerId: z.string().nullable(),
  channelKind: ChannelKind.nullable(),
  direction: MessageDirection,
  occurredAt: EventTime,
});

export const INBOX_EVENT_SCHEMAS = defineEvents({
  [INBOX_EVENTS.conversationOpened]: z.strictObject({
    conversationId: z.string(),
    customerId: z.string().nullable(),
    channelKind: ChannelKind,
  }),
  [INBOX_EVENTS.messageReceived]: MessageFacts,
  [INBOX_EVENTS.messageQueued]: MessageFacts,
  [INBOX_EVENTS.noteAdded]: MessageFacts,
  [INBOX_EVENTS.messageStatusChanged]: z.strictObject({
    conversationId: z.string(),
    messageId: z.string(),
    channelKind: ChannelKind,
    status: DeliveryStatus,
    attempts: z.number().int(),
  }),
  [INBOX_EVENTS.conversationAssigned]: z.strictObject({
    conversationId: z.string(),
    assigneeId: z.string().nullable(),
    roundRobin: z.boolean(),
    /** Set when the conversation was routed to a team (null: taken off any team). */
    teamId: z.string().nullable().optional(),
  }),
  [INBOX_EVENTS.conversationStatusChanged]: z.strictObject({
    conversationId: z.string(),
    status: ConversationStatus,
    previous: ConversationStatus,
  }),
  [INBOX_EVENTS.conversationTagsChanged]: z.strictObject({
    conversationId: z.string(),
    added: z.array(z.string()),
    removed: z.array(z.string()),
  }),
  [INBOX_EVENTS.conversationsMerged]: z.strictObject({
    conversationId: z.string(),
    sourceId: z.string(),
    movedMessages: z.number().int(),
  }),
  [INBOX_EVENTS.conversationRead]: z.strictObject({ conversationId: z.string() }),
});

export type InboxEventType = keyof typeof INBOX_EVENT_SCHEMAS;
export type InboxEventPayload<T extends InboxEventType> = EventPayload<typeof INBOX_EVENT_SCHEMAS, T>;

/** An inbox event about a conversation (the subject), global to channels: conversations span them. */
export const inboxEvent = <T extends InboxEventType>(type: T, payload: InboxEventPayload<T>): NewEvent => ({
  type,
  subject: payload.conversationId,
  channelId: null,
  payload,
});
