// The inbox's records as Zod schemas: validation, TypeScript types and OpenAPI from one declaration.
import { z } from 'zod';

/** Every way a customer and the retailer talk; staff-written notes of a call or a shop visit too. */
export const CHANNEL_KINDS = [
  'web_chat',
  'email',
  'messenger',
  'instagram',
  'whatsapp',
  'sms',
  'phone_note',
  'store_note',
] as const;
export const ChannelKind = z.enum(CHANNEL_KINDS);
export type ChannelKind = z.infer<typeof ChannelKind>;

export const CONVERSATION_STATUSES = ['open', 'pending', 'snoozed', 'resolved'] as const;
export const ConversationStatus = z.enum(CONVERSATION_STATUSES);
export type ConversationStatus = z.infer<typeof ConversationStatus>;

/** inbound: from the customer; outbound: an agent's reply; note: internal, never sent. */
export const MESSAGE_DIRECTIONS = ['inbound', 'outbound', 'note'] as const;
export const MessageDirection = z.enum(MESSAGE_DIRECTIONS);
export type MessageDirection = z.infer<typeof MessageDirection>;

/** Where an outbound message stands; inbound messages and notes have none. */
export const DELIVERY_STATUSES = ['queued', 'sent', 'delivered', 'read', 'failed'] as const;
export const DeliveryStatus = z.enum(DELIVERY_STATUSES);
export type DeliveryStatus = z.infer<typeof DeliveryStatus>;

/** The identifier types a channel names its sender by (customers module identifier types). */
export const SENDER_IDENTIFIER_TYPES = [
  'email',
  'phone',
  'messenger_psid',
  'instagram_igsid',
  'whatsapp_id',
  'anonymous_id',
  'user_id',
] as const;

export const Attachment = z.object({
  id: z.string(),
  messageId: z.string(),
  filename: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  createdAt: z.date(),
});
export type Attachment = z.infer<typeof Attachment>;

export const Message = z.object({
  id: z.string(),
  conversationId: z.string(),
  direction: MessageDirection,
  /** Null for an internal note, which belongs to no channel. */
  channelKind: ChannelKind.nullable(),
  /** The channel's own id of the message (Message-ID, mid, wamid, MessageSid…): dedupes deliveries. */
  externalId: z.string().nullable(),
  /** Agent (staff account or key id) who wrote an outbound message or a note. */
  authorId: z.string().nullable(),
  text: z.string(),
  html: z.string().nullable(),
  /** The customer's address on the channel: who sent an inbound message, where a reply goes. */
  address: z.string().nullable(),
  /** For outbound: the message it answers (its channel threading), by our id. */
  inReplyToId: z.string().nullable(),
  status: DeliveryStatus.nullable(),
  failureReason: z.string().nullable(),
  attempts: z.number().int(),
  /** Mail that could not be parsed is kept raw for inspection. */
  unparsed: z.boolean(),
  /** The retailer's channel account (page, number) the message came in on or goes out through. */
  channelAccountId: z.string().nullable(),
  /** An outbound message sent as an approved template (WhatsApp, after the 24-hour window). */
  template: z.object({ name: z.string(), language: z.string(), parameters: z.array(z.string()) }).nullable(),
  attachments: z.array(Attachment),
  occurredAt: z.date(),
  createdAt: z.date(),
});
export type Message = z.infer<typeof Message>;

export const Conversation = z.object({
  id: z.string(),
  /** The customer profile (customers module) by id; null only when no identifier could be resolved. */
  customerId: z.string().nullable(),
  status: ConversationStatus,
  assigneeId: z.string().nullable(),
  /** The team the conversation is routed to; null: the whole inbox. */
  teamId: z.string().nullable(),
  subject: z.string().nullable(),
  /** Every channel kind a message of this conversation came or went on. */
  channelKinds: z.array(ChannelKind),
  /** The channel the customer wrote on last: replies go there unless the agent picks another. */
  lastInboundChannel: ChannelKind.nullable(),
  /** The hub channel (a storefront, an app) the customer last wrote from, when known (web chat): product links point to its storefront. */
  channelId: z.string().nullable(),
  tags: z.array(z.string()),
  unreadCount: z.number().int(),
  messageCount: z.number().int(),
  lastMessageAt: z.date(),
  lastInboundAt: z.date().nullable(),
  firstResponseAt: z.date().nullable(),
  resolvedAt: z.date().nullable(),
  snoozedUntil: z.date().nullable(),
  /** The conversation this one was merged into (then it is closed for good). */
  mergedInto: z.string().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type Conversation = z.infer<typeof Conversation>;

export const CannedReply = z.object({
  id: z.string(),
  shortcut: z.string(),
  title: z.string(),
  /** With variables such as {{customer.name}}, {{agent.name}}, {{order.number}}. */
  body: z.string(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type CannedReply = z.infer<typeof CannedReply>;

export const InboxAgent = z.object({
  agentId: z.string(),
  name: z.string(),
  /** Round-robin assigns only to available agents. */
  available: z.boolean(),
  lastAssignedAt: z.date().nullable(),
});
export type InboxAgent = z.infer<typeof InboxAgent>;

export const InboxTeam = z.object({
  id: z.string(),
  name: z.string(),
  /** Agent ids (staff accounts or keys) of the team: its round-robin pool. */
  agentIds: z.array(z.string()),
});
export type InboxTeam = z.infer<typeof InboxTeam>;
