// SQL of the omnichannel score's conversations figure: conversations active since a moment, those
// linked to a customer profile (so they sit on the unified timeline), and the channel kinds in use.
import { sql } from 'drizzle-orm';
import { type Executor, firstRow, rows } from '../../platform/db/database.js';

const live = (since: Date) =>
  sql`merged_into is null and last_message_at >= ${since.toISOString()}::timestamptz`;

/** Conversations with a message since `since`: all, linked to a profile, on more than one channel kind. */
export async function selectConversationCounts(
  exec: Executor,
  since: Date,
): Promise<{ conversations: number; linked: number; multiChannel: number }> {
  const r = await firstRow<{ conversations: string; linked: string; multi: string }>(
    exec,
    sql`select count(*) as conversations, count(customer_id) as linked,
               count(*) filter (where cardinality(channel_kinds) > 1) as multi
        from inbox_conversations where ${live(since)}`,
  );
  return {
    conversations: Number(r?.conversations ?? 0),
    linked: Number(r?.linked ?? 0),
    multiChannel: Number(r?.multi ?? 0),
  };
}

/** Per channel kind (email, whatsapp, chat…): conversations since `since` that used it, and the linked ones. */
export async function selectConversationKinds(
  exec: Executor,
  since: Date,
): Promise<Array<{ kind: string; conversations: number; linked: number }>> {
  const list = await rows<{ kind: string; conversations: string; linked: string }>(
    exec,
    sql`select k as kind, count(*) as conversations, count(customer_id) as linked
        from inbox_conversations, unnest(channel_kinds) as k
        where ${live(since)} group by k order by k`,
  );
  return list.map((r) => ({
    kind: r.kind,
    conversations: Number(r.conversations),
    linked: Number(r.linked),
  }));
}

/** Up to `limit` of the newest conversations since `since` that no profile is linked to (ids and kinds). */
export async function selectUnlinkedSample(
  exec: Executor,
  since: Date,
  limit: number,
): Promise<Array<{ id: string; channelKinds: string[] }>> {
  const list = await rows<{ id: string; channel_kinds: string[] }>(
    exec,
    sql`select id, channel_kinds from inbox_conversations
        where ${live(since)} and customer_id is null
        order by last_message_at desc limit ${limit}`,
  );
  return list.map((r) => ({ id: r.id, channelKinds: r.channel_kinds }));
}
