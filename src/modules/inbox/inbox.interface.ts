// The inbox's public surface: conversations and their messages on every channel kind, agent work
// (assignment, status, notes, tags, canned replies, merges), outbound delivery state and attachments.
// Identity is not resolved here: flows (src/flows/inbox) resolve a sender to a customer profile
// through the customers module and hand the profile id in.
import type { Ctx } from '../../platform/context.js';
import type {
  Attachment,
  CannedReply,
  ChannelKind,
  Conversation,
  ConversationStatus,
  DeliveryStatus,
  InboxAgent,
  InboxTeam,
  Message,
} from './inbox.types.js';

/** A file that came with a message; its bytes are stored under the data directory. */
export interface AttachmentInput {
  filename: string;
  contentType: string;
  content: Buffer;
}

/** What a channel knows about which conversation a message continues. */
export interface ThreadHints {
  /** Email: the Message-IDs of In-Reply-To and References (angle brackets optional). */
  references?: string[] | undefined;
  /** Email: the token of a reply+<token>@ address the hub gave out. */
  replyToken?: string | undefined;
  /** An explicit conversation (web chat's own, or a staff note). */
  conversationId?: string | undefined;
}

export interface RecordInboundInput {
  channelKind: ChannelKind;
  /** The channel's id of this delivery (Message-ID, mid, wamid, MessageSid…); the same id twice is one message. */
  externalId: string | null;
  /** The resolved customer profile (root of its cluster), or null when none could be resolved. */
  customerId: string | null;
  /** Every profile id of the customer's cluster: a thread started before a merge names another one. */
  customerProfileIds?: string[] | undefined;
  /** The sender's address on the channel (email, phone, PSID…): where a reply on this channel goes. */
  address: string | null;
  threadHints?: ThreadHints | undefined;
  subject?: string | null | undefined;
  text: string;
  html?: string | null | undefined;
  attachments?: AttachmentInput[] | undefined;
  /** Mail that could not be parsed: `text` holds the raw source. */
  unparsed?: boolean | undefined;
  /** The retailer's channel account (page, number) the message reached: replies go out through it. */
  channelAccountId?: string | null | undefined;
  /** The hub channel (storefront, app) it came through, when the channel says (web chat). */
  channelId?: string | null | undefined;
  occurredAt: Date;
}

export interface InboundOutcome {
  conversation: Conversation;
  message: Message;
  /** True when this external id was already stored: nothing new was written. */
  duplicate: boolean;
  /** True when the message opened a new conversation. */
  opened: boolean;
}

export interface QueueOutboundInput {
  conversationId: string;
  channelKind: ChannelKind;
  authorId: string;
  text: string;
  html?: string | null | undefined;
  /** Where it goes (email address, phone, PSID…). */
  address: string;
  /** The inbound message it answers (threading headers on email). */
  inReplyToId?: string | null | undefined;
  attachments?: AttachmentInput[] | undefined;
  /** The channel account it goes out through (the one the customer wrote to). */
  channelAccountId?: string | null | undefined;
  /** Sent as an approved template (WhatsApp outside the 24-hour window). */
  template?: { name: string; language: string; parameters: string[] } | null | undefined;
}

/** An outbound message claimed for sending, with what the channel needs to thread it. */
export interface OutboundJob {
  message: Message;
  conversation: Conversation;
  /** The external id of the message it answers (email: its Message-ID). */
  inReplyToExternalId: string | null;
  /** Every earlier external id of the conversation on this channel kind, oldest first (email References). */
  references: string[];
  /** The token of the conversation's reply+<token>@ address. */
  replyToken: string;
}

export interface ConversationFilter {
  status?: ConversationStatus | undefined;
  /** An agent id, or 'none' for unassigned. */
  assigneeId?: string | undefined;
  channelKind?: ChannelKind | undefined;
  /** A team id, or 'none' for conversations of no team. */
  teamId?: string | undefined;
  customerId?: string | undefined;
  tag?: string | undefined;
  unreadOnly?: boolean | undefined;
  limit?: number | undefined;
  /** Opaque cursor from the previous page. */
  cursor?: string | undefined;
}

export interface ConversationPage {
  items: Conversation[];
  nextCursor: string | null;
}

export interface InboxCounts {
  byStatus: Record<ConversationStatus, number>;
  /** Open conversations with unread inbound messages. */
  unread: number;
  /** Open conversations assigned to nobody. */
  unassigned: number;
}

export interface InboxService {
  // Messages in and out
  /**
   * Stores an inbound message: deduped by (channel kind, external id); joins the thread its hints name,
   * else the customer's open conversation (one per customer, whatever the channel), else opens one.
   */
  recordInbound(ctx: Ctx, input: RecordInboundInput): Promise<InboundOutcome>;
  /**
   * Several inbound messages at once, in arrival order, as recordInbound would store them one by one:
   * one read and one write for the batch (outside a transaction the write is its own). One outcome each.
   */
  recordInboundBatch(ctx: Ctx, inputs: RecordInboundInput[]): Promise<InboundOutcome[]>;
  /** Queues an agent's reply for sending (status `queued`); the delivery loop sends it. */
  queueOutbound(ctx: Ctx, input: QueueOutboundInput): Promise<Message>;
  /** An internal note, or the record of a phone call or shop visit written by staff; never sent. */
  addNote(
    ctx: Ctx,
    conversationId: string,
    input: { authorId: string; text: string; kind: 'internal' | 'phone_note' | 'store_note' },
  ): Promise<Message>;
  /** Leases up to `limit` queued messages that are due, to the sender `owner` (a node's id). */
  claimDueOutbound(
    ctx: Ctx,
    o: { limit: number; leaseMs: number; kinds: ChannelKind[]; owner: string },
  ): Promise<OutboundJob[]>;
  /** Extends the leases `owner` holds on claimed messages still being sent (its heartbeat). */
  renewOutboundLeases(ctx: Ctx, messageIds: string[], leaseMs: number, owner: string): Promise<void>;
  /**
   * The channel accepted the message (with its id of it, which later status reports name). False
   * when `owner` no longer holds the lease: the sender that took it over records the outcome.
   */
  markSent(ctx: Ctx, messageId: string, o: { externalId: string | null; owner: string }): Promise<boolean>;
  /** A send failed: retried at `retryAt`, or failed for good with the reason when null (false: lease lost). */
  markSendFailed(
    ctx: Ctx,
    messageId: string,
    o: { reason: string; retryAt: Date | null; owner: string },
  ): Promise<boolean>;
  /** A channel's status report (delivered, read, failed) for a message it named by its id; null if unknown. */
  recordDeliveryStatus(
    ctx: Ctx,
    input: { channelKind: ChannelKind; externalId: string; status: DeliveryStatus; reason?: string | null },
  ): Promise<Message | null>;
  /** The newest inbound message of a conversation on a channel kind (reply windows, reply addresses). */
  lastInbound(ctx: Ctx, conversationId: string, channelKind?: ChannelKind): Promise<Message | null>;

  // Reading
  /** A conversation by id, or 404. */
  getConversation(ctx: Ctx, id: string): Promise<Conversation>;
  /** An agent's inbox page, newest activity first. */
  listConversations(ctx: Ctx, filter: ConversationFilter): Promise<ConversationPage>;
  /** Counts per status, unread and unassigned (for the inbox's tabs). */
  counts(
    ctx: Ctx,
    filter: { assigneeId?: string | undefined; channelKind?: ChannelKind | undefined },
  ): Promise<InboxCounts>;
  /** A conversation's messages of every channel, oldest first; `before` pages back by message id. */
  messages(ctx: Ctx, conversationId: string, o?: { limit?: number; before?: string }): Promise<Message[]>;
  /** Conversations of any of these profiles (a customer's cluster), newest first. */
  conversationsOfCustomer(ctx: Ctx, profileIds: string[], limit?: number): Promise<Conversation[]>;
  /** Conversations whose messages, subject or tags contain the words. */
  search(ctx: Ctx, q: string, limit?: number): Promise<Conversation[]>;

  // Agent work
  /** The agent has read the conversation: unread goes to 0. */
  markRead(ctx: Ctx, id: string): Promise<Conversation>;
  /** Assigns to an agent, or unassigns with null. */
  assign(ctx: Ctx, id: string, agentId: string | null): Promise<Conversation>;
  /**
   * Assigns to the available agent who was given a conversation longest ago, among the members of
   * the conversation's team when it has one; 409 when none is available.
   */
  assignRoundRobin(ctx: Ctx, id: string): Promise<Conversation>;
  /** Routes a conversation to a team (null: none); an assignee outside the team is taken off. 422 for an unknown team. */
  assignTeam(ctx: Ctx, id: string, teamId: string | null): Promise<Conversation>;
  /** Creates a team, or with an id replaces its name and members. */
  saveTeam(
    ctx: Ctx,
    input: { id?: string | undefined; name: string; agentIds: string[] },
  ): Promise<InboxTeam>;
  listTeams(ctx: Ctx): Promise<InboxTeam[]>;
  /** Deletes a team; its conversations go back to the whole inbox. */
  deleteTeam(ctx: Ctx, id: string): Promise<void>;
  /** Moves a conversation to a status (snoozed needs `snoozedUntil`); resolving stamps the resolution time. */
  setStatus(
    ctx: Ctx,
    id: string,
    input: { status: ConversationStatus; snoozedUntil?: Date | null },
  ): Promise<Conversation>;
  /** Adds and removes tags (trimmed, lower case). */
  changeTags(ctx: Ctx, id: string, input: { add?: string[]; remove?: string[] }): Promise<Conversation>;
  /** Moves every message of `sourceId` into `targetId`; the source is closed as merged. */
  merge(ctx: Ctx, input: { sourceId: string; targetId: string }): Promise<Conversation>;
  /** Snoozed conversations whose time came are open again; returns how many. */
  wakeSnoozed(ctx: Ctx): Promise<number>;

  // Agents and canned replies
  /** Registers or updates an agent of the inbox (round-robin pool). */
  saveAgent(ctx: Ctx, input: { agentId: string; name: string; available: boolean }): Promise<InboxAgent>;
  listAgents(ctx: Ctx): Promise<InboxAgent[]>;
  listCannedReplies(ctx: Ctx): Promise<CannedReply[]>;
  /** Creates a canned reply, or replaces the one with the same shortcut. */
  saveCannedReply(ctx: Ctx, input: { shortcut: string; title: string; body: string }): Promise<CannedReply>;
  deleteCannedReply(ctx: Ctx, id: string): Promise<void>;

  // Attachments and web chat visitors
  /** An attachment's metadata and the path of its bytes, or 404. */
  attachmentFile(ctx: Ctx, id: string): Promise<{ attachment: Attachment; path: string }>;
  /** A web chat visitor's token for a customer (shown once); it reads and writes their conversation only. */
  openChatVisitor(ctx: Ctx, customerId: string): Promise<{ token: string }>;
  /** The customer a web chat token belongs to, or null. */
  chatVisitor(ctx: Ctx, token: string): Promise<{ customerId: string } | null>;

  // Privacy (GDPR)
  /**
   * Deletes a person's conversations (by profile, and those holding their addresses), messages,
   * attachments and chat tokens; files no other message holds are removed after the commit.
   */
  eraseCustomerData(
    ctx: Ctx,
    subject: { profileIds: string[]; identifiers: string[] },
  ): Promise<{ conversations: number; messages: number; attachments: number }>;
  /** A person's conversations with their messages (internal notes left out) and attachment metadata. */
  exportCustomerData(
    ctx: Ctx,
    subject: { profileIds: string[]; identifiers: string[] },
  ): Promise<Array<Conversation & { messages: Message[] }>>;
}
