// GDPR for the inbox: a customer's conversations, messages (texts, addresses, raw mail), attachments
// (rows and, once no other message holds the same bytes, the files) and web chat visitor tokens.
// Found by profile and by the person's identifier values (a message no profile could be given).
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.js';
import { type Executor, rows } from '../../platform/db/database.js';
import type { SqlRow } from '../../platform/db/rows.js';
import type { PersonalDataRegistry } from '../../platform/privacy/personal-data.js';
import { toConversation, withAttachments } from './inbox.repository.js';
import type { inboxConversations, inboxMessages } from './inbox.schema.js';
import type { Conversation, Message } from './inbox.types.js';

export const INBOX_PERSONAL_DATA: PersonalDataRegistry = {
  owner: 'inbox',
  personal: [
    { table: 'inbox_conversations', column: 'subject', erasure: "the customer's conversations deleted" },
    { table: 'inbox_conversations', column: 'customer_id', erasure: "the customer's conversations deleted" },
    {
      table: 'inbox_messages',
      column: 'text',
      erasure: 'messages of those conversations (and of their addresses) deleted',
    },
    { table: 'inbox_messages', column: 'html', erasure: 'deleted with the message' },
    { table: 'inbox_messages', column: 'address', erasure: 'deleted with the message' },
    {
      table: 'inbox_attachments',
      column: 'filename',
      erasure: 'rows deleted; files removed when no other message holds them',
    },
    { table: 'inbox_chat_visitors', column: 'customer_id', erasure: "the customer's chat tokens deleted" },
  ],
  notPersonal: [
    { table: 'inbox_agents', column: 'name', reason: "an agent's (staff) display name, not a customer's" },
    { table: 'inbox_teams', column: 'name', reason: 'a team of agents, named by the retailer' },
    {
      table: 'inbox_channel_accounts',
      column: 'name',
      reason: "the retailer's own page or number on a messaging platform",
    },
    { table: 'inbox_canned_replies', column: 'title', reason: 'a canned reply template' },
    { table: 'inbox_canned_replies', column: 'body', reason: 'a canned reply template with variables' },
  ],
};

export interface InboxSubject {
  profileIds: string[];
  identifiers: string[];
}

async function conversationIdsOf(exec: Executor, s: InboxSubject): Promise<string[]> {
  const list = await rows<{ id: string }>(
    exec,
    sql`select id from inbox_conversations where customer_id = any(${sql.param(s.profileIds)}::text[])
        union select conversation_id from inbox_messages
          where address = any(${sql.param(s.identifiers)}::text[]) and direction = 'inbound'`,
  );
  return list.map((r) => r.id);
}

/** Deletes the person's inbox records; returns counts and the storage keys no message holds any more. */
export async function eraseInboxData(
  ctx: Ctx,
  s: InboxSubject,
): Promise<{ conversations: number; messages: number; attachments: number; orphanKeys: string[] }> {
  const ids = await conversationIdsOf(ctx.db, s);
  const param = sql.param(ids);
  const [r] = await rows<{ c: number; m: number; a: number; keys: string[] | null }>(
    ctx.db,
    sql`with a as (delete from inbox_attachments where conversation_id = any(${param}::text[]) returning storage_key),
             m as (delete from inbox_messages where conversation_id = any(${param}::text[]) returning 1),
             c as (delete from inbox_conversations where id = any(${param}::text[]) returning 1),
             v as (delete from inbox_chat_visitors where customer_id = any(${sql.param(s.profileIds)}::text[]) returning 1)
        select (select count(*) from c)::int as c, (select count(*) from m)::int as m, (select count(*) from a)::int as a,
               (select array_agg(distinct storage_key) from a
                 where not exists (select 1 from inbox_attachments o where o.storage_key = a.storage_key
                                     and o.conversation_id <> all(${param}::text[]))) as keys`,
  );
  return { conversations: r?.c ?? 0, messages: r?.m ?? 0, attachments: r?.a ?? 0, orphanKeys: r?.keys ?? [] };
}

/** The person's conversations with every message and attachment's metadata, for an access request. */
export async function exportInboxData(
  ctx: Ctx,
  s: InboxSubject,
): Promise<Array<Conversation & { messages: Message[] }>> {
  const ids = await conversationIdsOf(ctx.db, s);
  if (!ids.length) return [];
  const convs = await rows<SqlRow<typeof inboxConversations>>(
    ctx.db,
    sql`select * from inbox_conversations where id = any(${sql.param(ids)}::text[]) order by created_at`,
  );
  const msgs = await withAttachments(
    ctx.db,
    await rows<SqlRow<typeof inboxMessages>>(
      ctx.db,
      sql`select * from inbox_messages where conversation_id = any(${sql.param(ids)}::text[]) and direction <> 'note'
          order by occurred_at, id`,
    ),
  );
  return convs.map((c) => ({
    ...toConversation(c),
    messages: msgs.filter((m) => m.conversationId === c.id),
  }));
}
