// The inbox flow: a channel's message → identity resolution through the customers module (one
// profile, the root of its cluster) → the inbox module; agents' replies → the delivery queue → the
// channel's sender, retried on the schedule, then failed with the reason on the message.
import { hostname } from 'node:os';
import { fail, newId, ok, type Result } from '../../kernel/index.js';
import { type CustomersService, mayContact } from '../../modules/customers/index.js';
import type { ChannelKind, InboxService, OutboundJob } from '../../modules/inbox/index.js';
import type { Ctx } from '../../platform/context.js';
import { LEASE_MS } from '../../platform/events/lease-heartbeat.js';
import { cleanText, createInboundFiling, type InboundCustomers } from './inbound.flow.js';
import {
  type ApprovedTemplate,
  type InboxFlow,
  type OutboundSender,
  type ReplyRefusal,
  SendFailure,
  type TemplateChoice,
} from './inbox-flow.interface.js';

export interface InboxFlowDeps {
  inbox: InboxService;
  customers: InboundCustomers & Pick<CustomersService, 'resolveCluster' | 'consentState'>;
  /** Waits before each retry of a failed send; after the last, the message fails (default 1 s … 10 min). */
  retryScheduleMs?: readonly number[] | undefined;
  /** Called after a reply is queued, so the delivery loop runs at once rather than at its next tick. */
  onQueued?: (() => void) | undefined;
}

export { cleanText };

export const DEFAULT_SEND_RETRY_SCHEDULE_MS = [1_000, 5_000, 30_000, 120_000, 600_000] as const;
/** A template's body with its {{n}} placeholders filled (what the customer will read). */
export function renderTemplate(t: ApprovedTemplate, choice: TemplateChoice): string {
  if (!t.body) return `[${t.name} (${t.language})] ${choice.parameters.join(' · ')}`.trim();
  return t.body.replace(/\{\{(\d{1,2})\}\}/g, (m, n: string) => choice.parameters[Number(n) - 1] ?? m);
}

export function createInboxFlow(deps: InboxFlowDeps): InboxFlow {
  const senders = new Map<ChannelKind, OutboundSender>();
  const schedule = deps.retryScheduleMs ?? DEFAULT_SEND_RETRY_SCHEDULE_MS;

  const filing = createInboundFiling(deps);

  /**
   * A customer who writes invites the answer, so no recorded decision is a yes here (unlike
   * marketing); a withdrawn one (`support` on every medium, or `support_<kind>` on this one) or a
   * suppression is a no, with the decision that says so.
   */
  async function consentRefusal(
    ctx: Ctx,
    customerId: string | null,
    kind: ChannelKind,
  ): Promise<ReplyRefusal | null> {
    if (!customerId) return null;
    const state = await deps.customers.consentState(ctx, customerId);
    if (!state) return null;
    const at = ctx.clock.now();
    for (const purpose of ['support', `support_${kind}`]) {
      const d = mayContact(state.entries, purpose, '*', at, state.suppressedAt);
      if (!d.allowed && d.reason !== 'no_consent')
        return {
          reason: 'contact_not_allowed',
          channelKind: kind,
          purpose,
          consent: d.reason,
          decidedAt: d.decidedAt ?? null,
        };
    }
    return null;
  }

  /** A template the platform approved for the account, with the right number of parameters. */
  async function checkTemplate(
    ctx: Ctx,
    kind: ChannelKind,
    sender: OutboundSender,
    accountId: string | null,
    choice: TemplateChoice,
  ): Promise<Result<ApprovedTemplate, ReplyRefusal>> {
    const approved = sender.templates ? await sender.templates(ctx, accountId) : [];
    const t = approved.find((a) => a.name === choice.name && a.language === choice.language);
    if (!t)
      return fail({
        reason: 'template_not_approved' as const,
        channelKind: kind,
        template: choice.name,
        language: choice.language,
      });
    if (t.parameterCount !== choice.parameters.length)
      return fail({
        reason: 'template_parameters' as const,
        channelKind: kind,
        template: choice.name,
        expected: t.parameterCount,
        given: choice.parameters.length,
      });
    return ok(t);
  }

  const sendReply: InboxFlow['sendReply'] = async (ctx, input) => {
    const conversation = await deps.inbox.getConversation(ctx, input.conversationId);
    const kind = input.channelKind ?? conversation.lastInboundChannel;
    if (!kind) return fail({ reason: 'no_channel_address' as const, channelKind: 'web_chat' as ChannelKind });
    const sender = senders.get(kind);
    const last = await deps.inbox.lastInbound(ctx, conversation.id, kind);
    // The account the customer wrote to answers them (a second page or number is another sender).
    const accountId = last?.channelAccountId ?? null;
    if (!sender || (sender.ready && !(await sender.ready(ctx, accountId))))
      return fail({ reason: 'no_sender' as const, channelKind: kind });
    if (!last?.address) return fail({ reason: 'no_channel_address' as const, channelKind: kind });
    let template: ApprovedTemplate | null = null;
    if (input.template) {
      const checked = await checkTemplate(ctx, kind, sender, accountId, input.template);
      if (!checked.ok) return checked;
      template = checked.value;
    } else if (sender.replyWindowMs !== undefined) {
      // After the window only an approved template may go (WhatsApp's customer-service window).
      const age = ctx.clock.now().getTime() - last.occurredAt.getTime();
      if (age > sender.replyWindowMs)
        return fail({
          reason: 'reply_window_closed' as const,
          channelKind: kind,
          lastInboundAt: last.occurredAt,
        });
    }
    const refused = await consentRefusal(ctx, conversation.customerId, kind);
    if (refused) return fail(refused);
    const text = input.text ?? (template && input.template ? renderTemplate(template, input.template) : '');
    const message = await deps.inbox.queueOutbound(ctx, {
      conversationId: conversation.id,
      channelKind: kind,
      authorId: input.authorId,
      text: cleanText(text),
      address: last.address,
      inReplyToId: last.id,
      channelAccountId: accountId,
      template: input.template ?? null,
    });
    ctx.afterCommit(() => deps.onQueued?.());
    if (!ctx.inTx) deps.onQueued?.();
    return ok(message);
  };

  async function templates(ctx: Ctx, conversationId: string, channelKind?: ChannelKind) {
    const conversation = await deps.inbox.getConversation(ctx, conversationId);
    const kind = channelKind ?? conversation.lastInboundChannel;
    const sender = kind ? senders.get(kind) : undefined;
    if (!kind || !sender?.templates) return [];
    const last = await deps.inbox.lastInbound(ctx, conversation.id, kind);
    return sender.templates(ctx, last?.channelAccountId ?? null);
  }

  // Messages claimed and not yet sent or failed: the heartbeat extends their short leases while this
  // node lives, however long a send takes; when it dies, others send them once the lease ran out.
  const sending = new Set<string>();
  // This node's name on the leases it holds (the process id tells operators which node it is).
  const owner = `${hostname()}/${process.pid}/${newId('snd')}`;

  async function deliverDue(ctx: Ctx): Promise<number> {
    const kinds = [...senders.keys()];
    if (!kinds.length) return 0;
    const jobs = await deps.inbox.claimDueOutbound(ctx, { limit: 20, leaseMs: LEASE_MS, kinds, owner });
    for (const job of jobs) sending.add(job.message.id);
    try {
      for (const job of jobs) {
        await deliverOne(ctx, job);
        sending.delete(job.message.id);
      }
    } finally {
      for (const job of jobs) sending.delete(job.message.id);
    }
    return jobs.length;
  }

  async function deliverOne(ctx: Ctx, job: OutboundJob) {
    const sender = senders.get(job.message.channelKind!)!;
    try {
      const sent = await sender.send(ctx, job);
      const recorded = await deps.inbox.markSent(ctx, job.message.id, { externalId: sent.externalId, owner });
      if (!recorded) ctx.log.warn({ messageId: job.message.id }, 'sent after its lease was taken over');
    } catch (err) {
      const reason = (err instanceof Error ? err.message : String(err)).slice(0, 500);
      const retryable = !(err instanceof SendFailure) || err.retryable;
      const wait = retryable ? schedule[job.message.attempts] : undefined;
      const retryAt = wait === undefined ? null : new Date(ctx.clock.now().getTime() + wait);
      ctx.log.warn(
        { messageId: job.message.id, channelKind: job.message.channelKind, retryAt },
        'send failed',
      );
      await deps.inbox.markSendFailed(ctx, job.message.id, { reason, retryAt, owner });
    }
  }

  return {
    receiveInbound: filing.receiveInbound,
    receiveInboundBatch: filing.receiveInboundBatch,
    sendReply,
    registerSender: (kind, sender) => void senders.set(kind, sender),
    deliverDue,
    renewDeliveryLeases: async (ctx) => {
      if (sending.size) await deps.inbox.renewOutboundLeases(ctx, [...sending], LEASE_MS, owner);
    },
    templates,
    async conversationsOfCustomer(ctx, customerId) {
      const { ids } = await deps.customers.resolveCluster(ctx, customerId);
      return deps.inbox.conversationsOfCustomer(ctx, ids);
    },
  };
}
