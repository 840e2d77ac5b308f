// The inbox's tables. Conversations name customer profiles by id (customers module); messages keep
// the channel's own id of each delivery, unique per channel kind, so a redelivery is one message.
import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { ChannelKind, ConversationStatus, DeliveryStatus, MessageDirection } from './inbox.types.js';

export const inboxConversations = pgTable(
  'inbox_conversations',
  {
    id: text('id').primaryKey(),
    customerId: text('customer_id'),
    status: text('status').$type<ConversationStatus>().notNull(),
    assigneeId: text('assignee_id'),
    // The team it is routed to (its round-robin pool); null: the whole inbox.
    teamId: text('team_id'),
    subject: text('subject'),
    channelKinds: text('channel_kinds').array().$type<ChannelKind[]>().notNull(),
    lastInboundChannel: text('last_inbound_channel').$type<ChannelKind>(),
    // The hub channel (storefront, app) the customer last wrote from, when known (web chat; an account or support address connected for a shop).
    channelId: text('channel_id'),
    tags: text('tags').array().notNull(),
    unreadCount: integer('unread_count').notNull().default(0),
    messageCount: integer('message_count').notNull().default(0),
    // The secret part of the conversation's reply+<token>@ address (random, 128 bits).
    replyToken: text('reply_token').notNull(),
    lastMessageAt: timestamp('last_message_at', { withTimezone: true }).notNull(),
    lastInboundAt: timestamp('last_inbound_at', { withTimezone: true }),
    firstResponseAt: timestamp('first_response_at', { withTimezone: true }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    snoozedUntil: timestamp('snoozed_until', { withTimezone: true }),
    mergedInto: text('merged_into'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    // One conversation open (not resolved, not merged) per customer: any channel joins it.
    uniqueIndex('inbox_conversations_one_open_idx')
      .on(t.customerId)
      .where(sql`status <> 'resolved' and merged_into is null and customer_id is not null`),
    uniqueIndex('inbox_conversations_reply_token_idx').on(t.replyToken),
    // The inbox page: by status (and assignee), newest activity first, keyset by (last_message_at, id).
    index('inbox_conversations_status_idx').on(t.status, t.lastMessageAt, t.id),
    index('inbox_conversations_assignee_idx').on(t.assigneeId, t.status, t.lastMessageAt, t.id),
    index('inbox_conversations_team_idx').on(t.teamId, t.status, t.lastMessageAt, t.id),
    index('inbox_conversations_customer_idx').on(t.customerId, t.lastMessageAt),
    // Pages filtered by channel kind or tag only: newest first, read backward until the page is full.
    index('inbox_conversations_recent_idx').on(t.lastMessageAt, t.id).where(sql`merged_into is null`),
    index('inbox_conversations_snoozed_idx').on(t.snoozedUntil).where(sql`status = 'snoozed'`),
  ],
);

/**
 * The inbox tabs' counts, kept by statement triggers on inbox_conversations (migration 0008) in the
 * transaction of every change, whichever statement makes it: conversations not merged, per status,
 * assignee ('' for none) and channel kind ('*' for any kind; a conversation counts once under each
 * kind it has). Reading the counts sums a few dozen rows instead of scanning 100,000 conversations.
 */
export const inboxConversationCounts = pgTable(
  'inbox_conversation_counts',
  {
    status: text('status').$type<ConversationStatus>().notNull(),
    assigneeId: text('assignee_id').notNull(),
    channelKind: text('channel_kind').notNull(),
    conversations: integer('conversations').notNull(),
    unread: integer('unread').notNull(),
  },
  (t) => [primaryKey({ columns: [t.status, t.assigneeId, t.channelKind] })],
);

export const inboxMessages = pgTable(
  'inbox_messages',
  {
    id: text('id').primaryKey(),
    conversationId: text('conversation_id').notNull(),
    direction: text('direction').$type<MessageDirection>().notNull(),
    // Null for internal notes, which belong to no channel.
    channelKind: text('channel_kind').$type<ChannelKind>(),
    externalId: text('external_id'),
    authorId: text('author_id'),
    // The customer's address on the channel: the sender of an inbound message, the recipient of a reply.
    address: text('address'),
    text: text('text').notNull(),
    html: text('html'),
    inReplyToId: text('in_reply_to_id'),
    status: text('status').$type<DeliveryStatus>(),
    failureReason: text('failure_reason'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    // The sender (node) holding the lease: only it renews the lease and records the outcome, so a
    // sender that stalled past its lease cannot overwrite the outcome of the one that took over.
    leaseOwner: text('lease_owner'),
    unparsed: boolean('unparsed').notNull().default(false),
    // The retailer's account (page, number) an inbound message reached; a reply goes out through it.
    channelAccountId: text('channel_account_id'),
    // An approved WhatsApp template an outbound message is sent as (after the 24-hour window).
    template: jsonb('template').$type<{ name: string; language: string; parameters: string[] }>(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('inbox_messages_external_idx')
      .on(t.channelKind, t.externalId)
      .where(sql`external_id is not null`),
    index('inbox_messages_conversation_idx').on(t.conversationId, t.occurredAt, t.id),
    index('inbox_messages_due_idx').on(t.nextAttemptAt).where(sql`status = 'queued'`),
  ],
);

export const inboxAttachments = pgTable(
  'inbox_attachments',
  {
    id: text('id').primaryKey(),
    messageId: text('message_id').notNull(),
    conversationId: text('conversation_id').notNull(),
    filename: text('filename').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    // Relative to the attachments directory under the data directory.
    storageKey: text('storage_key').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('inbox_attachments_message_idx').on(t.messageId),
    index('inbox_attachments_conversation_idx').on(t.conversationId),
  ],
);

export const inboxCannedReplies = pgTable(
  'inbox_canned_replies',
  {
    id: text('id').primaryKey(),
    shortcut: text('shortcut').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('inbox_canned_replies_shortcut_idx').on(t.shortcut)],
);

export const inboxAgents = pgTable('inbox_agents', {
  agentId: text('agent_id').primaryKey(),
  name: text('name').notNull(),
  available: boolean('available').notNull(),
  lastAssignedAt: timestamp('last_assigned_at', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/** Teams of agents (billing, returns, a store's staff): conversations are routed to one. */
export const inboxTeams = pgTable(
  'inbox_teams',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('inbox_teams_name_idx').on(t.name)],
);

export const inboxTeamMembers = pgTable(
  'inbox_team_members',
  {
    teamId: text('team_id').notNull(),
    agentId: text('agent_id').notNull(),
  },
  (t) => [
    uniqueIndex('inbox_team_members_pk_idx').on(t.teamId, t.agentId),
    index('inbox_team_members_agent_idx').on(t.agentId),
  ],
);

export const inboxChatVisitors = pgTable(
  'inbox_chat_visitors',
  {
    id: text('id').primaryKey(),
    // SHA-256 of the visitor's random token (held in the widget's storage).
    tokenHash: text('token_hash').notNull(),
    customerId: text('customer_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('inbox_chat_visitors_token_idx').on(t.tokenHash),
    index('inbox_chat_visitors_customer_idx').on(t.customerId),
  ],
);

/**
 * The retailer's accounts on the messaging platforms (a Facebook page, an Instagram account, a
 * WhatsApp business number, a Twilio number): what the connectors verify deliveries and send with.
 */
export const inboxChannelAccounts = pgTable(
  'inbox_channel_accounts',
  {
    id: text('id').primaryKey(),
    // messenger | instagram | whatsapp | sms | email (a shop's support address: no credentials)
    kind: text('kind').$type<ChannelKind>().notNull(),
    name: text('name').notNull(),
    // The platform's id of the account: page id, Instagram account id, WhatsApp phone_number_id, Twilio number, support address.
    externalAccountId: text('external_account_id').notNull(),
    // Not secret: API base URL, Graph version, Twilio account SID.
    settings: jsonb('settings').$type<Record<string, string>>().notNull(),
    // App secret, verify token, access token, auth token: JSON, sealed with the secret box when a key is set.
    credentials: text('credentials').notNull(),
    status: text('status').$type<'active' | 'paused'>().notNull(),
    // The hub channel (shop) the account answers for: conversations reaching it are that shop's.
    channelId: text('channel_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('inbox_channel_accounts_external_idx').on(t.kind, t.externalAccountId)],
);
