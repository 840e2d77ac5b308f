// SQL of the agents' side: the inbox page (keyset pages on the status/assignee indexes), counts,
// search, the outbound queue (leases, retries, status reports), agents and web chat visitors.
import { type SQL, sql } from 'drizzle-orm';
import { type Executor, firstRow, rows } from '../../platform/db/database.js';
import type { SqlRow } from '../../platform/db/rows.js';
import type { ConversationFilter, InboxCounts } from './inbox.interface.js';
import { toConversation, withAttachments } from './inbox.repository.js';
import type { inboxAgents, inboxChatVisitors, inboxConversations, inboxMessages } from './inbox.schema.js';
import {
  type ChannelKind,
  CONVERSATION_STATUSES,
  type Conversation,
  type DeliveryStatus,
  type InboxAgent,
  type Message,
} from './inbox.types.js';

type ConversationRow = SqlRow<typeof inboxConversations>;
type MessageRow = SqlRow<typeof inboxMessages>;
type AgentRow = SqlRow<typeof inboxAgents>;

export const encodeCursor = (c: Conversation): string =>
  Buffer.from(`${c.lastMessageAt.toISOString()}|${c.id}`).toString('base64url');

function decodeCursor(s: string): { at: string; id: string } | null {
  const [at, id] = Buffer.from(s, 'base64url').toString('utf8').split('|');
  if (!at || !id || Number.isNaN(Date.parse(at))) return null;
  return { at, id };
}

function filterSql(f: ConversationFilter): SQL {
  const parts: SQL[] = [sql`merged_into is null`];
  if (f.status) parts.push(sql`status = ${f.status}`);
  if (f.assigneeId === 'none') parts.push(sql`assignee_id is null`);
  else if (f.assigneeId) parts.push(sql`assignee_id = ${f.assigneeId}`);
  if (f.teamId === 'none') parts.push(sql`team_id is null`);
  else if (f.teamId) parts.push(sql`team_id = ${f.teamId}`);
  if (f.channelKind) parts.push(sql`${f.channelKind} = any(channel_kinds)`);
  if (f.customerId) parts.push(sql`customer_id = ${f.customerId}`);
  if (f.tag) parts.push(sql`${f.tag} = any(tags)`);
  if (f.unreadOnly) parts.push(sql`unread_count > 0`);
  return sql.join(parts, sql` and `);
}

export async function selectConversationPage(exec: Executor, f: ConversationFilter, limit: number) {
  const cursor = f.cursor ? decodeCursor(f.cursor) : null;
  const list = await rows<ConversationRow>(
    exec,
    sql`select * from inbox_conversations where ${filterSql(f)}
        ${cursor ? sql`and (last_message_at, id) < (${cursor.at}::timestamptz, ${cursor.id})` : sql``}
        order by last_message_at desc, id desc limit ${limit + 1}`,
  );
  const items = list.slice(0, limit).map(toConversation);
  return { items, nextCursor: list.length > limit ? encodeCursor(items[items.length - 1]!) : null };
}

export async function selectCounts(
  exec: Executor,
  f: { assigneeId?: string | undefined; channelKind?: ChannelKind | undefined },
): Promise<InboxCounts> {
  // From the counters the triggers keep (inbox.schema.ts): a few rows, whatever the inbox's size.
  const assignee =
    f.assigneeId === 'none'
      ? sql` and assignee_id = ''`
      : f.assigneeId
        ? sql` and assignee_id = ${f.assigneeId}`
        : sql``;
  const list = await rows<{ status: Conversation['status']; n: number; unread: number; unassigned: number }>(
    exec,
    sql`select status, sum(conversations)::int as n, sum(unread)::int as unread,
          coalesce(sum(conversations) filter (where assignee_id = ''), 0)::int as unassigned
        from inbox_conversation_counts where channel_kind = ${f.channelKind ?? '*'}${assignee} group by status`,
  );
  const byStatus = Object.fromEntries(CONVERSATION_STATUSES.map((s) => [s, 0])) as InboxCounts['byStatus'];
  let unread = 0;
  let unassigned = 0;
  for (const r of list) {
    byStatus[r.status] = r.n;
    if (r.status === 'open') {
      unread = r.unread;
      unassigned = r.unassigned;
    }
  }
  return { byStatus, unread, unassigned };
}

export async function selectConversationsOfCustomers(exec: Executor, ids: string[], limit: number) {
  return (
    await rows<ConversationRow>(
      exec,
      sql`select * from inbox_conversations where customer_id = any(${sql.param(ids)}::text[])
          order by last_message_at desc limit ${limit}`,
    )
  ).map(toConversation);
}

/** Conversations whose subject, tags or any message text contain the words (case-insensitive). */
export async function searchConversations(exec: Executor, q: string, limit: number): Promise<Conversation[]> {
  const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return (
    await rows<ConversationRow>(
      exec,
      sql`select * from inbox_conversations c where merged_into is null and (
            c.subject ilike ${like} or ${q.toLowerCase()} = any(c.tags)
            or exists (select 1 from inbox_messages m where m.conversation_id = c.id and m.text ilike ${like}))
          order by last_message_at desc limit ${limit}`,
    )
  ).map(toConversation);
}

/** Leases due queued messages of these kinds, oldest due first, skipping rows another sender holds. */
export async function claimDue(
  exec: Executor,
  o: { kinds: ChannelKind[]; limit: number; now: Date; leaseUntil: Date; owner: string },
): Promise<Message[]> {
  const claimed = await rows<MessageRow>(
    exec,
    sql`with due as (select id from inbox_messages
          where status = 'queued' and next_attempt_at <= ${o.now.toISOString()}
            and (lease_until is null or lease_until < ${o.now.toISOString()})
            and channel_kind = any(${sql.param(o.kinds)}::text[])
          order by next_attempt_at limit ${o.limit} for update skip locked)
        update inbox_messages m set lease_until = ${o.leaseUntil.toISOString()}, lease_owner = ${o.owner}
        from due where m.id = due.id
        returning m.*`,
  );
  return withAttachments(exec, claimed);
}

/** Extends the leases of queued messages this sender still holds (its heartbeat while it lives). */
export async function extendLeases(
  exec: Executor,
  ids: string[],
  leaseUntil: Date,
  owner: string,
): Promise<void> {
  if (!ids.length) return;
  await exec.execute(
    sql`update inbox_messages set lease_until = ${leaseUntil.toISOString()}
        where id = any(${sql.param(ids)}::text[]) and status = 'queued' and lease_owner = ${owner}`,
  );
}

/** External ids of a conversation's messages on one kind, oldest first (email References). */
export async function selectExternalIds(exec: Executor, conversationId: string, kind: ChannelKind) {
  const list = await rows<Pick<MessageRow, 'external_id'>>(
    exec,
    sql`select external_id from inbox_messages where conversation_id = ${conversationId} and channel_kind = ${kind}
        and external_id is not null and (direction = 'inbound' or status in ('sent', 'delivered', 'read'))
        order by occurred_at, id limit 50`,
  );
  return list.map((r) => r.external_id!);
}

export async function selectExternalIdOf(exec: Executor, messageId: string | null): Promise<string | null> {
  if (!messageId) return null;
  const r = await firstRow<Pick<MessageRow, 'external_id'>>(
    exec,
    sql`select external_id from inbox_messages where id = ${messageId}`,
  );
  return r?.external_id ?? null;
}

export async function updateSendOutcome(
  exec: Executor,
  id: string,
  o: {
    status: DeliveryStatus;
    owner: string;
    externalId?: string | null;
    reason?: string | null;
    retryAt?: Date | null;
  },
): Promise<MessageRow | undefined> {
  // Undefined when the lease is no longer this sender's (another took the message over).
  return firstRow<MessageRow>(
    exec,
    sql`update inbox_messages set status = ${o.status}, attempts = attempts + 1, lease_until = null,
          lease_owner = null, external_id = coalesce(${o.externalId ?? null}, external_id),
          failure_reason = ${o.reason ?? null}, next_attempt_at = ${o.retryAt?.toISOString() ?? null}
        where id = ${id} and status = 'queued' and lease_owner = ${o.owner} returning *`,
  );
}

const RANK: Record<DeliveryStatus, number> = { queued: 0, sent: 1, delivered: 2, read: 3, failed: 4 };

/** A channel's status report moves an outbound message forward only (read never goes back to delivered). */
export async function updateDeliveryStatus(
  exec: Executor,
  o: { kind: ChannelKind; externalId: string; status: DeliveryStatus; reason: string | null },
): Promise<MessageRow | undefined> {
  const ranks = sql.raw(
    `case status ${Object.entries(RANK)
      .map(([k, v]) => `when '${k}' then ${v}`)
      .join(' ')} end`,
  );
  return firstRow<MessageRow>(
    exec,
    sql`update inbox_messages set status = ${o.status},
          failure_reason = case when ${o.status} = 'failed' then ${o.reason} else failure_reason end
        where channel_kind = ${o.kind} and external_id = ${o.externalId} and direction = 'outbound'
          and ${ranks} < ${RANK[o.status]} returning *`,
  );
}

const toAgent = (r: AgentRow): InboxAgent => ({
  agentId: r.agent_id,
  name: r.name,
  available: r.available,
  lastAssignedAt: r.last_assigned_at ? new Date(r.last_assigned_at) : null,
});

export async function upsertAgent(
  exec: Executor,
  a: { agentId: string; name: string; available: boolean; now: Date },
) {
  const r = await firstRow<AgentRow>(
    exec,
    sql`insert into inbox_agents (agent_id, name, available, updated_at)
        values (${a.agentId}, ${a.name}, ${a.available}, ${a.now.toISOString()})
        on conflict (agent_id) do update set name = excluded.name, available = excluded.available,
          updated_at = excluded.updated_at returning *`,
  );
  return toAgent(r!);
}

export async function selectAgents(exec: Executor): Promise<InboxAgent[]> {
  return (await rows<AgentRow>(exec, sql`select * from inbox_agents order by name, agent_id`)).map(toAgent);
}

/**
 * The available agent given a conversation longest ago (never first), stamped as given one now;
 * with a team, only among its members.
 */
export async function takeNextAgent(
  exec: Executor,
  now: Date,
  teamId: string | null = null,
): Promise<string | null> {
  const inTeam = teamId
    ? sql` and agent_id in (select agent_id from inbox_team_members where team_id = ${teamId})`
    : sql``;
  const r = await firstRow<Pick<AgentRow, 'agent_id'>>(
    exec,
    sql`with next as (select agent_id from inbox_agents where available${inTeam}
          order by last_assigned_at asc nulls first, agent_id limit 1 for update skip locked)
        update inbox_agents a set last_assigned_at = ${now.toISOString()} from next
        where a.agent_id = next.agent_id returning a.agent_id`,
  );
  return r?.agent_id ?? null;
}

type VisitorRow = SqlRow<typeof inboxChatVisitors>;

export async function insertChatVisitor(
  exec: Executor,
  v: { id: string; tokenHash: string; customerId: string; now: Date },
): Promise<void> {
  await exec.execute(
    sql`insert into inbox_chat_visitors (id, token_hash, customer_id, created_at, last_seen_at)
        values (${v.id}, ${v.tokenHash}, ${v.customerId}, ${v.now.toISOString()}, ${v.now.toISOString()})`,
  );
}

export async function selectChatVisitor(
  exec: Executor,
  tokenHash: string,
): Promise<{ customerId: string } | null> {
  const r = await firstRow<Pick<VisitorRow, 'customer_id'>>(
    exec,
    sql`select customer_id from inbox_chat_visitors where token_hash = ${tokenHash}`,
  );
  return r ? { customerId: r.customer_id } : null;
}
