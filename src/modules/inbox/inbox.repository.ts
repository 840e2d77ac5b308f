// SQL of the inbox: conversations, messages and their attachments. Services get records back.
import { type SQL, sql } from 'drizzle-orm';
import { pushTo } from '../../kernel/index.js';
import { type Executor, firstRow, rows } from '../../platform/db/database.js';
import type { SqlRow } from '../../platform/db/rows.js';
import type { inboxAttachments, inboxConversations, inboxMessages } from './inbox.schema.js';
import type { Attachment, ChannelKind, Conversation, Message } from './inbox.types.js';

type ConversationRow = SqlRow<typeof inboxConversations>;
type MessageRow = SqlRow<typeof inboxMessages>;
type AttachmentRow = SqlRow<typeof inboxAttachments>;

const date = (v: string | null): Date | null => (v === null ? null : new Date(v));
const iso = (d: Date | null | undefined): string | null => (d ? d.toISOString() : null);

export const toConversation = (r: ConversationRow): Conversation => ({
  id: r.id,
  customerId: r.customer_id,
  status: r.status,
  assigneeId: r.assignee_id,
  teamId: r.team_id ?? null,
  subject: r.subject,
  channelKinds: r.channel_kinds,
  lastInboundChannel: r.last_inbound_channel,
  channelId: r.channel_id ?? null,
  tags: r.tags,
  unreadCount: r.unread_count,
  messageCount: r.message_count,
  lastMessageAt: new Date(r.last_message_at),
  lastInboundAt: date(r.last_inbound_at),
  firstResponseAt: date(r.first_response_at),
  resolvedAt: date(r.resolved_at),
  snoozedUntil: date(r.snoozed_until),
  mergedInto: r.merged_into,
  createdAt: new Date(r.created_at),
  updatedAt: new Date(r.updated_at),
});

const toAttachment = (r: AttachmentRow): Attachment => ({
  id: r.id,
  messageId: r.message_id,
  filename: r.filename,
  contentType: r.content_type,
  size: r.size,
  sha256: r.sha256,
  createdAt: new Date(r.created_at),
});

const toMessage = (r: MessageRow, attachments: Attachment[] = []): Message => ({
  id: r.id,
  conversationId: r.conversation_id,
  direction: r.direction,
  channelKind: r.channel_kind,
  externalId: r.external_id,
  authorId: r.author_id,
  text: r.text,
  html: r.html,
  address: r.address,
  inReplyToId: r.in_reply_to_id,
  status: r.status,
  failureReason: r.failure_reason,
  attempts: r.attempts,
  unparsed: r.unparsed,
  channelAccountId: r.channel_account_id ?? null,
  template: r.template ?? null,
  attachments,
  occurredAt: new Date(r.occurred_at),
  createdAt: new Date(r.created_at),
});

/** The reply token of a conversation (for the reply+<token>@ address); never shown in the API records. */
export async function selectReplyToken(exec: Executor, id: string): Promise<string | null> {
  const r = await firstRow<Pick<ConversationRow, 'reply_token'>>(
    exec,
    sql`select reply_token from inbox_conversations where id = ${id}`,
  );
  return r?.reply_token ?? null;
}

export async function selectConversation(
  exec: Executor,
  id: string,
  lock = false,
): Promise<Conversation | null> {
  const r = await firstRow<ConversationRow>(
    exec,
    sql`select * from inbox_conversations where id = ${id} ${lock ? sql`for update` : sql``}`,
  );
  return r ? toConversation(r) : null;
}

export async function selectConversationByReplyToken(
  exec: Executor,
  token: string,
): Promise<Conversation | null> {
  const r = await firstRow<ConversationRow>(
    exec,
    sql`select * from inbox_conversations where reply_token = ${token}`,
  );
  return r ? toConversation(r) : null;
}

/** The conversation holding any of these external ids on a channel kind (email threading). */
export async function selectConversationByExternalIds(
  exec: Executor,
  kind: ChannelKind,
  externalIds: string[],
): Promise<Conversation | null> {
  if (!externalIds.length) return null;
  const r = await firstRow<ConversationRow>(
    exec,
    sql`select c.* from inbox_messages m join inbox_conversations c on c.id = m.conversation_id
        where m.channel_kind = ${kind} and m.external_id = any(${sql.param(externalIds)}::text[])
        order by m.occurred_at desc limit 1`,
  );
  return r ? toConversation(r) : null;
}

export interface NewMessage {
  id: string;
  conversationId: string;
  direction: Message['direction'];
  channelKind: ChannelKind | null;
  externalId: string | null;
  authorId: string | null;
  address: string | null;
  text: string;
  html: string | null;
  inReplyToId: string | null;
  status: Message['status'];
  unparsed: boolean;
  channelAccountId?: string | null | undefined;
  template?: Message['template'] | undefined;
  occurredAt: Date;
  createdAt: Date;
}

/** Inserts a message; null when its (channel kind, external id) is already stored. */
export async function insertMessage(exec: Executor, m: NewMessage): Promise<Message | null> {
  const r = await firstRow<MessageRow>(
    exec,
    sql`insert into inbox_messages (id, conversation_id, direction, channel_kind, external_id, author_id, address,
          text, html, in_reply_to_id, status, next_attempt_at, unparsed, channel_account_id, template,
          occurred_at, created_at)
        values (${m.id}, ${m.conversationId}, ${m.direction}, ${m.channelKind}, ${m.externalId}, ${m.authorId},
          ${m.address}, ${m.text}, ${m.html}, ${m.inReplyToId}, ${m.status},
          ${m.status === 'queued' ? m.createdAt.toISOString() : null}, ${m.unparsed}, ${m.channelAccountId ?? null},
          ${m.template ? JSON.stringify(m.template) : null}::jsonb,
          ${m.occurredAt.toISOString()}, ${m.createdAt.toISOString()})
        on conflict (channel_kind, external_id) where external_id is not null do nothing
        returning *`,
  );
  return r ? toMessage(r) : null;
}

/** After a message: activity time, channel kinds, counters, and the status an inbound message reopens. */
export async function touchConversation(
  exec: Executor,
  id: string,
  m: {
    direction: Message['direction'];
    channelKind: ChannelKind | null;
    at: Date;
    now: Date;
    /** Inbound: the hub channel it came through, when the channel says. */
    channelId?: string | null | undefined;
  },
): Promise<Conversation> {
  const inbound = m.direction === 'inbound';
  const outbound = m.direction === 'outbound';
  const kind = m.channelKind;
  const r = await firstRow<ConversationRow>(
    exec,
    sql`update inbox_conversations set
          last_message_at = greatest(last_message_at, ${m.at.toISOString()}::timestamptz),
          message_count = message_count + 1,
          channel_kinds = case when ${kind}::text is null or ${kind}::text = any(channel_kinds) then channel_kinds
                               else channel_kinds || ${kind}::text end,
          ${
            inbound
              ? sql`unread_count = unread_count + 1, last_inbound_channel = ${kind},
                    channel_id = coalesce(${m.channelId ?? null}::text, channel_id),
                    last_inbound_at = greatest(last_inbound_at, ${m.at.toISOString()}::timestamptz),
                    status = 'open', snoozed_until = null, resolved_at = null,`
              : outbound
                ? sql`first_response_at = coalesce(first_response_at, ${m.now.toISOString()}::timestamptz),`
                : sql``
          }
          updated_at = ${m.now.toISOString()}
        where id = ${id} returning *`,
  );
  return toConversation(r!);
}

export async function updateConversation(
  exec: Executor,
  id: string,
  set: SQL,
  now: Date,
): Promise<Conversation | null> {
  const r = await firstRow<ConversationRow>(
    exec,
    sql`update inbox_conversations set ${set}, updated_at = ${now.toISOString()} where id = ${id} returning *`,
  );
  return r ? toConversation(r) : null;
}

async function withAttachments(exec: Executor, list: MessageRow[]): Promise<Message[]> {
  if (!list.length) return [];
  const atts = await rows<AttachmentRow>(
    exec,
    sql`select * from inbox_attachments where message_id = any(${sql.param(list.map((m) => m.id))}::text[])
        order by created_at, id`,
  );
  const by = new Map<string, Attachment[]>();
  for (const a of atts) pushTo(by, a.message_id, toAttachment(a));
  return list.map((m) => toMessage(m, by.get(m.id) ?? []));
}

export async function selectMessage(exec: Executor, id: string): Promise<Message | null> {
  const r = await firstRow<MessageRow>(exec, sql`select * from inbox_messages where id = ${id}`);
  return r ? (await withAttachments(exec, [r]))[0]! : null;
}

export async function selectMessages(
  exec: Executor,
  conversationId: string,
  o: { limit: number; before?: string | undefined },
): Promise<Message[]> {
  const list = await rows<MessageRow>(
    exec,
    sql`select * from (select * from inbox_messages where conversation_id = ${conversationId}
          ${o.before ? sql`and (occurred_at, id) < (select occurred_at, id from inbox_messages where id = ${o.before})` : sql``}
          order by occurred_at desc, id desc limit ${o.limit}) m order by occurred_at, id`,
  );
  return withAttachments(exec, list);
}

export async function selectLastInbound(
  exec: Executor,
  conversationId: string,
  kind: ChannelKind | undefined,
): Promise<Message | null> {
  const r = await firstRow<MessageRow>(
    exec,
    sql`select * from inbox_messages where conversation_id = ${conversationId} and direction = 'inbound'
        ${kind ? sql`and channel_kind = ${kind}` : sql``}
        order by occurred_at desc, id desc limit 1`,
  );
  return r ? toMessage(r) : null;
}

export async function insertAttachments(
  exec: Executor,
  list: Array<Omit<AttachmentRow, 'created_at'> & { created_at: Date }>,
): Promise<void> {
  if (!list.length) return;
  await exec.execute(
    sql`insert into inbox_attachments (id, message_id, conversation_id, filename, content_type, size, sha256,
          storage_key, created_at)
        select * from unnest(${sql.param(list.map((a) => a.id))}::text[], ${sql.param(list.map((a) => a.message_id))}::text[],
          ${sql.param(list.map((a) => a.conversation_id))}::text[], ${sql.param(list.map((a) => a.filename))}::text[],
          ${sql.param(list.map((a) => a.content_type))}::text[], ${sql.param(list.map((a) => a.size))}::int[],
          ${sql.param(list.map((a) => a.sha256))}::text[], ${sql.param(list.map((a) => a.storage_key))}::text[],
          ${sql.param(list.map((a) => a.created_at.toISOString()))}::timestamptz[])`,
  );
}

export async function selectAttachment(
  exec: Executor,
  id: string,
): Promise<(Attachment & { storageKey: string }) | null> {
  const r = await firstRow<AttachmentRow>(exec, sql`select * from inbox_attachments where id = ${id}`);
  return r ? { ...toAttachment(r), storageKey: r.storage_key } : null;
}

/** Moves every message and attachment of `sourceId` to `targetId`; returns how many messages moved. */
export async function moveMessages(exec: Executor, sourceId: string, targetId: string): Promise<number> {
  const r = await firstRow<{ n: number }>(
    exec,
    sql`with m as (update inbox_messages set conversation_id = ${targetId} where conversation_id = ${sourceId} returning 1),
             a as (update inbox_attachments set conversation_id = ${targetId} where conversation_id = ${sourceId} returning 1)
        select (select count(*) from m)::int as n, (select count(*) from a)::int as a`,
  );
  return r?.n ?? 0;
}

export { iso, toMessage, withAttachments };

/** The customer's open (not resolved, not merged) conversation other than the given ones. */
export async function selectOtherOpenConversationId(
  exec: Executor,
  customerId: string,
  besides: string[],
): Promise<string | null> {
  const [other] = await rows<{ id: string }>(
    exec,
    sql`select id from inbox_conversations where customer_id = ${customerId} and status <> 'resolved'
        and merged_into is null and id <> all(${sql.param(besides)}::text[]) limit 1`,
  );
  return other?.id ?? null;
}
