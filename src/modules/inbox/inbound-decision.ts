// The decision of an inbound batch, in memory: given what the batch read (messages already stored
// under the batch's external ids, the customers' open conversations, the threads its hints found),
// place each message in arrival order (a repeat of a stored or earlier id is a duplicate; a thread,
// else the customer's open conversation, else a new one) and say what to write: the conversations to
// open, the touches of existing ones (summed per conversation), the messages and their events. Pure:
// the write (inbound-batch.repository.ts) makes sure the database still agrees when it writes.
import { randomBytes } from 'node:crypto';
import { newId } from '../../kernel/index.js';
import type { NewEvent } from '../../platform/events/event-log.js';
import { INBOX_EVENTS, inboxEvent } from './inbox.events.js';
import type { RecordInboundInput } from './inbox.interface.js';
import type { Attachment, ChannelKind, Conversation, Message } from './inbox.types.js';

/** One message of a batch, with what was found for it before the decision. */
export interface InboundItem {
  input: RecordInboundInput;
  /** The external id as stored (at most 998 characters), or null. */
  externalId: string | null;
  /** The conversation its thread hints name (merges followed), when there is one. */
  thread: Conversation | null;
  /** The message's attachments once stored (set by the caller before the write). */
  attachments: Array<Attachment & { storageKey: string }>;
}

export interface InboundState {
  /** Messages stored before, by dedupeKey, with their conversation. */
  stored: Map<string, { message: Message; conversation: Conversation }>;
  /** The open (not resolved, not merged) conversations of the batch's customers' profiles. */
  open: Conversation[];
}

export const dedupeKey = (kind: ChannelKind, externalId: string): string => `${kind}\u0000${externalId}`;

/** A conversation the batch opens, with its counters as the batch leaves them. */
export interface ConversationOpen {
  id: string;
  customerId: string | null;
  subject: string | null;
  channelKinds: ChannelKind[];
  lastInboundChannel: ChannelKind;
  channelId: string | null;
  replyToken: string;
  count: number;
  lastMessageAt: Date;
  lastInboundAt: Date;
}

/** What the batch adds to an existing conversation (every message inbound: it reopens it). */
export interface ConversationTouch {
  id: string;
  count: number;
  /** Kinds in the order they first came in the batch. */
  kinds: ChannelKind[];
  lastKind: ChannelKind;
  /** The last shop named in the batch (null: keep the conversation's). */
  channelId: string | null;
  lastAt: Date;
}

export type Placement =
  | { kind: 'stored'; message: Message; conversation: Conversation }
  | { kind: 'new'; message: Message; opened: boolean }
  /** The same external id earlier in this batch: the outcome of item `of`. */
  | { kind: 'repeat'; of: number };

export interface InboundDecision {
  placements: Placement[];
  opens: ConversationOpen[];
  touches: ConversationTouch[];
  messages: Message[];
  /** The storage keys of each new message's attachments (by message id). */
  storageKeys: Map<string, string[]>;
  events: NewEvent[];
}

/** The open conversation of a customer: on the root profile first, then the newest of the cluster. */
function openOf(open: Conversation[], customerId: string, profileIds: readonly string[] = []) {
  const ids = new Set([customerId, ...profileIds]);
  let best: Conversation | null = null;
  for (const c of open) {
    if (!c.customerId || !ids.has(c.customerId)) continue;
    const rank = (x: Conversation) =>
      [x.customerId === customerId ? 1 : 0, x.lastMessageAt.getTime()] as const;
    if (!best) best = c;
    else {
      const [a, b] = [rank(c), rank(best)];
      if (a[0] > b[0] || (a[0] === b[0] && (a[1] > b[1] || (a[1] === b[1] && c.id < best.id)))) best = c;
    }
  }
  return best;
}

function newMessage(item: InboundItem, conversationId: string, now: Date): Message {
  const i = item.input;
  return {
    id: newId('msg'),
    conversationId,
    direction: 'inbound',
    channelKind: i.channelKind,
    externalId: item.externalId,
    authorId: null,
    text: i.text,
    html: i.html ?? null,
    address: i.address,
    inReplyToId: null,
    status: null,
    failureReason: null,
    attempts: 0,
    unparsed: i.unparsed ?? false,
    channelAccountId: i.channelAccountId ?? null,
    template: null,
    attachments: [],
    occurredAt: i.occurredAt,
    createdAt: now,
  };
}

const later = (a: Date, b: Date) => (b.getTime() > a.getTime() ? b : a);

export function decideInbound(items: InboundItem[], state: InboundState, now: Date): InboundDecision {
  const placements: Placement[] = [];
  const opens = new Map<string, ConversationOpen>();
  const touches = new Map<string, ConversationTouch>();
  const messages: Message[] = [];
  const storageKeys = new Map<string, string[]>();
  const events: NewEvent[] = [];
  const firstOf = new Map<string, number>();
  // Conversations this batch chose per customer (opened or reopened), ahead of the read ones.
  const chosen = new Map<string, Conversation | ConversationOpen>();

  for (const [index, item] of items.entries()) {
    const input = item.input;
    const key = item.externalId === null ? null : dedupeKey(input.channelKind, item.externalId);
    const stored = key ? state.stored.get(key) : undefined;
    if (stored) {
      placements.push({ kind: 'stored', ...stored });
      continue;
    }
    if (key && firstOf.has(key)) {
      placements.push({ kind: 'repeat', of: firstOf.get(key)! });
      continue;
    }
    if (key) firstOf.set(key, index);
    const customer = input.customerId;
    const open = customer
      ? (chosen.get(customer) ?? openOf(state.open, customer, input.customerProfileIds))
      : null;
    const threaded = item.thread;
    // A reply to a resolved thread joins the customer's open conversation when there is one.
    let target: { id: string; customerId: string | null } | null =
      threaded && (threaded.status !== 'resolved' || !open) ? threaded : open;
    let opened = false;
    if (!target) {
      const c: ConversationOpen = {
        id: newId('cnv'),
        customerId: customer,
        subject: input.subject?.slice(0, 500) ?? null,
        channelKinds: [],
        lastInboundChannel: input.channelKind,
        channelId: null,
        replyToken: randomBytes(16).toString('hex'),
        count: 0,
        lastMessageAt: now,
        lastInboundAt: input.occurredAt,
      };
      opens.set(c.id, c);
      target = c;
      opened = true;
      events.push(
        inboxEvent(INBOX_EVENTS.conversationOpened, {
          conversationId: c.id,
          customerId: customer,
          channelKind: input.channelKind,
        }),
      );
    }
    // Later messages of the customer join the conversation this one opened or reopened.
    if (customer && (opened || (target === threaded && threaded.status === 'resolved')))
      chosen.set(customer, target as Conversation | ConversationOpen);
    const message = newMessage(item, target.id, now);
    message.attachments = item.attachments.map(({ storageKey: _k, ...a }) => ({
      ...a,
      messageId: message.id,
    }));
    if (item.attachments.length)
      storageKeys.set(
        message.id,
        item.attachments.map((a) => a.storageKey),
      );
    messages.push(message);
    placements.push({ kind: 'new', message, opened });
    const at = input.occurredAt;
    const shop = input.channelId ?? null;
    const o = opens.get(target.id);
    if (o) {
      o.count++;
      if (!o.channelKinds.includes(input.channelKind)) o.channelKinds.push(input.channelKind);
      o.lastInboundChannel = input.channelKind;
      o.channelId = shop ?? o.channelId;
      o.lastMessageAt = later(o.lastMessageAt, at);
      o.lastInboundAt = later(o.lastInboundAt, at);
    } else {
      const t = touches.get(target.id) ?? {
        id: target.id,
        count: 0,
        kinds: [],
        lastKind: input.channelKind,
        channelId: null,
        lastAt: at,
      };
      t.count++;
      if (!t.kinds.includes(input.channelKind)) t.kinds.push(input.channelKind);
      t.lastKind = input.channelKind;
      t.channelId = shop ?? t.channelId;
      t.lastAt = later(t.lastAt, at);
      touches.set(target.id, t);
    }
    events.push(
      inboxEvent(INBOX_EVENTS.messageReceived, {
        conversationId: target.id,
        messageId: message.id,
        customerId: target.customerId,
        channelKind: input.channelKind,
        direction: 'inbound',
        occurredAt: at.toISOString(),
      }),
    );
  }
  return {
    placements,
    opens: [...opens.values()],
    touches: [...touches.values()],
    messages,
    storageKeys,
    events,
  };
}
