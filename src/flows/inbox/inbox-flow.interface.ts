// What connectors call to put a channel's message on the customer's one timeline, and what the
// agent API and the delivery loop use. The flow resolves the sender to a customer profile through
// the customers module (email, phone, PSID, IGSID, wa_id are identifiers of one profile, each with
// its trust) and then writes through the inbox module.
import type { Result } from '../../kernel/index.js';
import type {
  AttachmentInput,
  ChannelKind,
  Conversation,
  InboundOutcome,
  Message,
  ThreadHints,
} from '../../modules/inbox/index.js';
import type { Ctx } from '../../platform/context.js';

/** The sender as the channel names them. */
export interface InboundSender {
  /** customers identifier type: email, phone, messenger_psid, instagram_igsid, whatsapp_id, anonymous_id, user_id. */
  identifierType: string;
  value: string;
  /** verified: the channel proved it (a signed webhook's PSID, a signed-in shopper); claimed otherwise (a From header). */
  trust: 'verified' | 'claimed';
  /** More identifiers of the same person the channel gives (a WhatsApp wa_id is also a phone). */
  also?: Array<{ identifierType: string; value: string; trust: 'verified' | 'claimed' }> | undefined;
  /** A display name, kept as the profile's trait `name` when it has none. */
  name?: string | undefined;
}

export interface InboundMessageInput {
  channelKind: ChannelKind;
  /** The hub channel (channels module) the message arrived through, for identity resolution; default: none. */
  channelId?: string | null | undefined;
  /** The channel's own id of the delivery (Message-ID, mid, wamid, MessageSid): the same id twice is one message. */
  externalId: string | null;
  from: InboundSender;
  /** An already-known profile (a signed-in shopper's session): the identifiers are attached to it. */
  customerId?: string | undefined;
  threadHints?: ThreadHints | undefined;
  subject?: string | null | undefined;
  text: string;
  html?: string | null | undefined;
  attachments?: AttachmentInput[] | undefined;
  unparsed?: boolean | undefined;
  /** The retailer's channel account (page, number) that received it: replies go out through the same one. */
  channelAccountId?: string | null | undefined;
  occurredAt: Date;
}

/** A message template the platform approved (WhatsApp): the only thing it lets us send after the window. */
export interface ApprovedTemplate {
  name: string;
  language: string;
  /** The body text with {{1}}, {{2}}… placeholders, when the platform gave it. */
  body: string | null;
  /** How many body parameters it takes. */
  parameterCount: number;
}

/** A template named in a reply, with its body parameters in order. */
export interface TemplateChoice {
  name: string;
  language: string;
  parameters: string[];
}

/** What sends a queued message on one channel kind; a connector implements it. */
export interface OutboundSender {
  /** How long after the customer's last message on this kind a free-form reply may go (WhatsApp: 24 h); none = always. */
  replyWindowMs?: number | undefined;
  /** Whether the channel can send now (an account is connected); false refuses a reply as not connected. */
  ready?: ((ctx: Ctx, channelAccountId: string | null) => Promise<boolean>) | undefined;
  /** The approved templates of the account a reply would go out through (WhatsApp); none = no templates. */
  templates?: ((ctx: Ctx, channelAccountId: string | null) => Promise<ApprovedTemplate[]>) | undefined;
  /** Sends; returns the channel's id of the message. Throw SendFailure to say whether to retry. */
  send(
    ctx: Ctx,
    job: import('../../modules/inbox/index.js').OutboundJob,
  ): Promise<{ externalId: string | null }>;
}

/** A refused send: `retryable` false fails the message at once (a 4xx), true retries on the schedule. */
export class SendFailure extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = 'SendFailure';
  }
}

export type ReplyRefusal =
  | { reason: 'no_channel_address'; channelKind: ChannelKind }
  | { reason: 'reply_window_closed'; channelKind: ChannelKind; lastInboundAt: Date | null }
  | { reason: 'no_sender'; channelKind: ChannelKind }
  | { reason: 'template_not_approved'; channelKind: ChannelKind; template: string; language: string }
  | {
      reason: 'template_parameters';
      channelKind: ChannelKind;
      template: string;
      expected: number;
      given: number;
    }
  | {
      reason: 'contact_not_allowed';
      channelKind: ChannelKind;
      /** The purpose whose decision refuses: `support` (every medium) or `support_<kind>`. */
      purpose: string;
      consent: 'denied' | 'revoked' | 'suppressed';
      decidedAt: Date | null;
    };

export interface InboxFlow {
  /**
   * A customer's message from any channel: resolves the sender to one profile, stores the message
   * (deduped by channel kind + external id) on the customer's open conversation, and files its
   * attachments. Invalid identifiers still store the message, on a conversation with no profile.
   */
  receiveInbound(ctx: Ctx, input: InboundMessageInput): Promise<InboundOutcome>;
  /**
   * A delivery's messages at once, in order, as receiveInbound would file them one by one (and with
   * other deliveries arriving meanwhile): senders resolved and messages stored as sets. One outcome each.
   */
  receiveInboundBatch(ctx: Ctx, inputs: InboundMessageInput[]): Promise<InboundOutcome[]>;
  /**
   * An agent's reply, queued for the delivery loop on `channelKind` (default: the channel the customer
   * wrote on last), to the address the customer used there; refused when the channel's reply window
   * has closed, the customer has no address on it, or they withdrew consent to service contact on
   * that medium (purposes `support` and `support_<kind>`) or are suppressed.
   */
  sendReply(
    ctx: Ctx,
    input: {
      conversationId: string;
      authorId: string;
      /** Free-form text; with a template, a note of what it says (default: the template's rendered body). */
      text?: string | undefined;
      channelKind?: ChannelKind | undefined;
      /** An approved template: allowed after the reply window (WhatsApp), checked against the platform's list. */
      template?: TemplateChoice | undefined;
    },
  ): Promise<Result<Message, ReplyRefusal>>;
  /** The approved templates a reply on this conversation could use on a channel kind (default: the last one). */
  templates(
    ctx: Ctx,
    conversationId: string,
    channelKind?: ChannelKind | undefined,
  ): Promise<ApprovedTemplate[]>;
  /** Registers the sender of a channel kind (connectors call it at wiring time). */
  registerSender(kind: ChannelKind, sender: OutboundSender): void;
  /** Sends what is due now on every registered kind; returns how many were handled (the loop calls it). */
  deliverDue(ctx: Ctx): Promise<number>;
  /**
   * Extends the leases of the messages this node is sending; the process heartbeat calls it, so a
   * dead node's messages are claimed again within a lease (seconds), a live one keeps them.
   */
  renewDeliveryLeases(ctx: Ctx): Promise<void>;
  /** The conversations of a customer's whole cluster. */
  conversationsOfCustomer(ctx: Ctx, customerId: string): Promise<Conversation[]>;
}
