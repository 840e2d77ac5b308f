// Agent work on a conversation (read, assign, status, tags, merge, snooze wake-up) and the outbound
// delivery state (claims, sent, failed, channel status reports). Each change is one transaction with
// its inbox.* event.
import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { AppError, newId } from '../../kernel/index.js';
import { type Ctx, inTransaction } from '../../platform/context.js';
import { type Executor, rows } from '../../platform/db/database.js';
import { appendEvents } from '../../platform/events/event-log.js';
import { INBOX_EVENTS, inboxEvent } from './inbox.events.js';
import type { OutboundJob } from './inbox.interface.js';
import {
  moveMessages,
  selectConversation,
  selectOtherOpenConversationId,
  selectReplyToken,
  toMessage,
  updateConversation,
} from './inbox.repository.js';
import type {
  ChannelKind,
  Conversation,
  ConversationStatus,
  DeliveryStatus,
  Message,
} from './inbox.types.js';
import {
  claimDue,
  extendLeases,
  insertChatVisitor,
  selectChatVisitor,
  selectExternalIdOf,
  selectExternalIds,
  takeNextAgent,
  updateDeliveryStatus,
  updateSendOutcome,
} from './inbox-work.repository.js';

const normTags = (tags: string[] | undefined) => [
  ...new Set((tags ?? []).map((t) => t.trim().toLowerCase()).filter(Boolean)),
];

export function createWorkService() {
  async function lockLive(tx: Ctx, id: string): Promise<Conversation> {
    const c = await selectConversation(tx.db, id, true);
    if (!c) throw new AppError('not_found', 'No such conversation');
    if (c.mergedInto)
      throw new AppError('conversation_merged', 'The conversation was merged', {
        details: { mergedInto: c.mergedInto },
      });
    return c;
  }

  async function markRead(ctx: Ctx, id: string): Promise<Conversation> {
    return inTransaction(ctx, async (tx) => {
      const c = await lockLive(tx, id);
      if (c.unreadCount === 0) return c;
      const updated = await updateConversation(tx.db, id, sql`unread_count = 0`, tx.clock.now());
      await appendEvents(tx, [inboxEvent(INBOX_EVENTS.conversationRead, { conversationId: id })]);
      return updated!;
    });
  }

  async function assign(
    ctx: Ctx,
    id: string,
    agentId: string | null,
    roundRobin = false,
  ): Promise<Conversation> {
    return inTransaction(ctx, async (tx) => {
      const c = await lockLive(tx, id);
      if (c.assigneeId === agentId) return c;
      const updated = await updateConversation(tx.db, id, sql`assignee_id = ${agentId}`, tx.clock.now());
      await appendEvents(tx, [
        inboxEvent(INBOX_EVENTS.conversationAssigned, {
          conversationId: id,
          assigneeId: agentId,
          roundRobin,
        }),
      ]);
      return updated!;
    });
  }

  async function assignRoundRobin(ctx: Ctx, id: string): Promise<Conversation> {
    return inTransaction(ctx, async (tx) => {
      const c = await lockLive(tx, id);
      const agentId = await takeNextAgent(tx.db, tx.clock.now(), c.teamId);
      if (!agentId)
        throw new AppError(
          'no_agent_available',
          c.teamId ? 'No agent of the team is marked available' : 'No inbox agent is marked available',
        );
      return assign(tx, id, agentId, true);
    });
  }

  async function setStatus(
    ctx: Ctx,
    id: string,
    input: { status: ConversationStatus; snoozedUntil?: Date | null },
  ): Promise<Conversation> {
    const now = ctx.clock.now();
    if (input.status === 'snoozed' && (!input.snoozedUntil || input.snoozedUntil <= now))
      throw new AppError('validation_failed', 'A snooze needs a time in the future', {
        issues: [{ path: 'body.snoozedUntil', message: 'required in the future when snoozing' }],
      });
    return inTransaction(ctx, async (tx) => {
      const c = await lockLive(tx, id);
      if (c.status === input.status && input.status !== 'snoozed') return c;
      if (input.status !== 'resolved' && c.status === 'resolved' && c.customerId)
        await refuseSecondOpen(tx.db, c.customerId, [id]);
      const set = sql`status = ${input.status},
        snoozed_until = ${input.status === 'snoozed' ? input.snoozedUntil!.toISOString() : null},
        resolved_at = ${input.status === 'resolved' ? now.toISOString() : null}`;
      const updated = await updateConversation(tx.db, id, set, now);
      await appendEvents(tx, [
        inboxEvent(INBOX_EVENTS.conversationStatusChanged, {
          conversationId: id,
          status: input.status,
          previous: c.status,
        }),
      ]);
      return updated!;
    });
  }

  async function changeTags(ctx: Ctx, id: string, input: { add?: string[]; remove?: string[] }) {
    return inTransaction(ctx, async (tx) => {
      const c = await lockLive(tx, id);
      const remove = normTags(input.remove);
      const add = normTags(input.add).filter((t) => !c.tags.includes(t) && !remove.includes(t));
      const removed = remove.filter((t) => c.tags.includes(t));
      if (!add.length && !removed.length) return c;
      const tags = [...c.tags.filter((t) => !removed.includes(t)), ...add];
      const updated = await updateConversation(
        tx.db,
        id,
        sql`tags = ${sql.param(tags)}::text[]`,
        tx.clock.now(),
      );
      await appendEvents(tx, [
        inboxEvent(INBOX_EVENTS.conversationTagsChanged, { conversationId: id, added: add, removed }),
      ]);
      return updated!;
    });
  }

  async function merge(ctx: Ctx, input: { sourceId: string; targetId: string }): Promise<Conversation> {
    if (input.sourceId === input.targetId)
      throw new AppError('conversations_not_mergeable', 'A conversation cannot be merged into itself');
    return inTransaction(ctx, async (tx) => {
      // Locked in id order so two opposite merges cannot deadlock.
      const [a, b] = [input.sourceId, input.targetId].sort();
      const first = await lockLive(tx, a!);
      const second = await lockLive(tx, b!);
      const source = first.id === input.sourceId ? first : second;
      const target = first.id === input.targetId ? first : second;
      // The target takes the source's customer when it has none; that must not give the customer a
      // second open conversation.
      if (!target.customerId && source.customerId && target.status !== 'resolved')
        await refuseSecondOpen(tx.db, source.customerId, [source.id, target.id]);
      const now = tx.clock.now();
      const moved = await moveMessages(tx.db, source.id, target.id);
      await updateConversation(
        tx.db,
        source.id,
        sql`merged_into = ${target.id}, status = 'resolved', resolved_at = ${now.toISOString()}, message_count = 0, unread_count = 0`,
        now,
      );
      const kinds = [...new Set([...target.channelKinds, ...source.channelKinds])];
      const tags = [...new Set([...target.tags, ...source.tags])];
      const last = new Date(Math.max(source.lastMessageAt.getTime(), target.lastMessageAt.getTime()));
      const updated = await updateConversation(
        tx.db,
        target.id,
        sql`channel_kinds = ${sql.param(kinds)}::text[], tags = ${sql.param(tags)}::text[],
            message_count = message_count + ${moved}, unread_count = unread_count + ${source.unreadCount},
            last_message_at = ${last.toISOString()},
            customer_id = coalesce(customer_id, ${source.customerId})`,
        now,
      );
      await appendEvents(tx, [
        inboxEvent(INBOX_EVENTS.conversationsMerged, {
          conversationId: target.id,
          sourceId: source.id,
          movedMessages: moved,
        }),
      ]);
      return updated!;
    });
  }

  async function wakeSnoozed(ctx: Ctx): Promise<number> {
    const woken = await rows<{ id: string }>(
      ctx.db,
      sql`select id from inbox_conversations where status = 'snoozed' and snoozed_until <= ${ctx.clock.now().toISOString()}
          limit 500`,
    );
    for (const w of woken) await setStatus(ctx, w.id, { status: 'open' });
    return woken.length;
  }

  async function claimDueOutbound(
    ctx: Ctx,
    o: { limit: number; leaseMs: number; kinds: ChannelKind[]; owner: string },
  ) {
    const now = ctx.clock.now();
    const claimed = await claimDue(ctx.db, { ...o, now, leaseUntil: new Date(now.getTime() + o.leaseMs) });
    const jobs: OutboundJob[] = [];
    for (const message of claimed) {
      const conversation = (await selectConversation(ctx.db, message.conversationId))!;
      jobs.push({
        message,
        conversation,
        inReplyToExternalId: await selectExternalIdOf(ctx.db, message.inReplyToId),
        references: await selectExternalIds(ctx.db, message.conversationId, message.channelKind!),
        replyToken: (await selectReplyToken(ctx.db, message.conversationId))!,
      });
    }
    return jobs;
  }

  /** False when the lease was lost: the sender that took the message over records its outcome. */
  async function outcome(ctx: Ctx, id: string, o: Parameters<typeof updateSendOutcome>[2]) {
    return inTransaction(ctx, async (tx) => {
      const r = await updateSendOutcome(tx.db, id, o);
      if (!r) return false;
      if (o.status !== 'queued') await appendEvents(tx, [statusEvent(toMessage(r))]);
      return true;
    });
  }

  const statusEvent = (m: Message) =>
    inboxEvent(INBOX_EVENTS.messageStatusChanged, {
      conversationId: m.conversationId,
      messageId: m.id,
      channelKind: m.channelKind!,
      status: m.status!,
      attempts: m.attempts,
    });

  async function recordDeliveryStatus(
    ctx: Ctx,
    input: { channelKind: ChannelKind; externalId: string; status: DeliveryStatus; reason?: string | null },
  ): Promise<Message | null> {
    return inTransaction(ctx, async (tx) => {
      const r = await updateDeliveryStatus(tx.db, {
        kind: input.channelKind,
        externalId: input.externalId,
        status: input.status,
        reason: input.reason ?? null,
      });
      if (!r) return null;
      const m = toMessage(r);
      await appendEvents(tx, [statusEvent(m)]);
      return m;
    });
  }

  const tokenHash = (t: string) => createHash('sha256').update(t).digest('hex');

  return {
    markRead,
    assign: (ctx: Ctx, id: string, agentId: string | null) => assign(ctx, id, agentId),
    assignRoundRobin,
    lockLive,
    setStatus,
    changeTags,
    merge,
    wakeSnoozed,
    claimDueOutbound,
    renewOutboundLeases: (ctx: Ctx, ids: string[], leaseMs: number, owner: string) =>
      extendLeases(ctx.db, ids, new Date(ctx.clock.now().getTime() + leaseMs), owner),
    markSent: (ctx: Ctx, id: string, o: { externalId: string | null; owner: string }) =>
      outcome(ctx, id, { status: 'sent', externalId: o.externalId, owner: o.owner }),
    markSendFailed: (ctx: Ctx, id: string, o: { reason: string; retryAt: Date | null; owner: string }) =>
      outcome(ctx, id, {
        status: o.retryAt ? 'queued' : 'failed',
        reason: o.reason,
        retryAt: o.retryAt,
        owner: o.owner,
      }),
    recordDeliveryStatus,
    async openChatVisitor(ctx: Ctx, customerId: string) {
      const token = `ohc_${randomBytes(32).toString('base64url')}`;
      await insertChatVisitor(ctx.db, {
        id: newId('chv'),
        tokenHash: tokenHash(token),
        customerId,
        now: ctx.clock.now(),
      });
      return { token };
    },
    async chatVisitor(ctx: Ctx, token: string) {
      if (!token.startsWith('ohc_') || token.length > 100) return null;
      return selectChatVisitor(ctx.db, tokenHash(token));
    },
  };
}

/** One open conversation per customer: refused with the open one's id, to merge into it instead. */
async function refuseSecondOpen(exec: Executor, customerId: string, besides: string[]): Promise<void> {
  const other = await selectOtherOpenConversationId(exec, customerId, besides);
  if (other)
    throw new AppError(
      'conversations_not_mergeable',
      'The customer has another open conversation: merge into it',
      {
        details: { openConversationId: other },
      },
    );
}
