// SQL of an inbound batch: ONE read of what the decision needs (messages already stored under the
// batch's external ids with their conversations, the open conversations of the batch's customers)
// and ONE write of what it decided (conversations opened, touched, messages, attachments, events).
// The write fails whole (isStaleInbound, nothing written) unless every part wrote exactly what was
// decided: a customer got an open conversation meanwhile, an external id was stored meanwhile, or a
// conversation was merged meanwhile. The caller then reads and decides again.
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.js';
import { type Executor, firstRow } from '../../platform/db/database.js';
import { writeWithEvents } from '../../platform/events/event-log.js';
import { dedupeKey, type InboundDecision, type InboundState } from './inbound-decision.js';
import { toConversation, type toMessage, withAttachments } from './inbox.repository.js';
import type { ChannelKind, Conversation } from './inbox.types.js';

const STALE = 'inbox inbound batch: the conversations or messages changed';

/** True for the error of a batch write whose reads no longer held (nothing was written). */
export function isStaleInbound(err: unknown): boolean {
  // The database's own error sits under the driver's wrapper (Drizzle puts it in `cause`).
  let e = err as { code?: unknown; message?: unknown; cause?: unknown } | undefined;
  for (let depth = 0; e && depth < 3; depth++) {
    if (e.code === '22P02') return String(e.message ?? '').includes(STALE);
    // The one open conversation per customer, taken by a concurrent reopen; or two batches moving
    // the same tab counters (inbox_conversation_counts) in crossed order.
    if (e.code === '23505' || e.code === '40P01') return true;
    e = e.cause as typeof e;
  }
  return false;
}

const parsed = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

export async function readInboundState(
  exec: Executor,
  keys: Array<{ kind: ChannelKind; externalId: string }>,
  profileIds: string[],
): Promise<InboundState> {
  const r = await firstRow<{ stored: unknown; open: unknown }>(
    exec,
    sql`select
          (select coalesce(json_agg(json_build_object('m', to_jsonb(m), 'c', to_jsonb(c))), '[]'::json)
           from unnest(${sql.param(keys.map((k) => k.kind))}::text[], ${sql.param(keys.map((k) => k.externalId))}::text[])
                as k(kind, external_id)
           join inbox_messages m on m.channel_kind = k.kind and m.external_id = k.external_id
           join inbox_conversations c on c.id = m.conversation_id) as stored,
          (select coalesce(json_agg(to_jsonb(c)), '[]'::json) from inbox_conversations c
           where c.customer_id = any(${sql.param(profileIds)}::text[]) and c.status <> 'resolved'
             and c.merged_into is null) as open`,
  );
  type Pair = { m: Parameters<typeof toMessage>[0]; c: Parameters<typeof toConversation>[0] };
  const pairs = parsed<Pair[]>(r?.stored ?? '[]');
  const stored: InboundState['stored'] = new Map();
  if (pairs.length) {
    // Redeliveries are rare: their attachments are read only then.
    const messages = await withAttachments(
      exec,
      pairs.map((p) => p.m),
    );
    for (const [i, m] of messages.entries())
      stored.set(dedupeKey(m.channelKind!, m.externalId!), {
        message: m,
        conversation: toConversation(pairs[i]!.c),
      });
  }
  const open = parsed<Array<Parameters<typeof toConversation>[0]>>(r?.open ?? '[]').map(toConversation);
  return { stored, open };
}

/**
 * Refreshes the planner statistics of the tables inbound messages grow. Until a table is analyzed the
 * planner takes `merged_into is null` for rare (0.5 %), so it reads every conversation through the
 * partial index on that condition instead of the one open conversation per customer: each batch's
 * read and write scanned the whole table (EXPLAIN at 5,000 conversations: 2-7 ms → 0.1 ms).
 */
export async function analyzeInboxTables(exec: Executor): Promise<void> {
  await exec.execute(sql`analyze inbox_conversations, inbox_messages`);
}

/** Writes a decision in one statement; returns the conversations it opened and touched, as left. */
export async function writeInboundBatch(ctx: Ctx, d: InboundDecision): Promise<Map<string, Conversation>> {
  const now = ctx.clock.now().toISOString();
  const iso = (x: Date) => x.toISOString();
  const opens = d.opens.map((o) => ({
    id: o.id,
    customer_id: o.customerId,
    subject: o.subject,
    channel_kinds: o.channelKinds,
    reply_token: o.replyToken,
    last_kind: o.lastInboundChannel,
    channel_id: o.channelId,
    n: o.count,
    last_message_at: iso(o.lastMessageAt),
    last_inbound_at: iso(o.lastInboundAt),
  }));
  const touches = d.touches.map((t) => ({
    id: t.id,
    n: t.count,
    kinds: t.kinds,
    last_kind: t.lastKind,
    channel_id: t.channelId,
    last_at: iso(t.lastAt),
  }));
  const messages = d.messages.map((m) => ({
    id: m.id,
    conversation_id: m.conversationId,
    channel_kind: m.channelKind,
    external_id: m.externalId,
    address: m.address,
    text: m.text,
    html: m.html,
    unparsed: m.unparsed,
    channel_account_id: m.channelAccountId,
    occurred_at: iso(m.occurredAt),
  }));
  const attachments = d.messages.flatMap((m) =>
    m.attachments.map((a, i) => ({
      id: a.id,
      message_id: m.id,
      conversation_id: m.conversationId,
      filename: a.filename,
      content_type: a.contentType,
      size: a.size,
      sha256: a.sha256,
      storage_key: d.storageKeys.get(m.id)![i]!,
    })),
  );
  const j = (v: unknown) => JSON.stringify(v);
  const [r] = await writeWithEvents<{ ok: number; conversations: unknown }>(
    ctx,
    d.events,
    'msg',
    (ev) => sql`with ins as (
          insert into inbox_conversations (id, customer_id, status, subject, channel_kinds, tags, reply_token,
            last_inbound_channel, channel_id, unread_count, message_count, last_message_at, last_inbound_at,
            created_at, updated_at)
          select o.id, o.customer_id, 'open', o.subject, o.channel_kinds, '{}'::text[], o.reply_token, o.last_kind,
                 o.channel_id, o.n, o.n, o.last_message_at, o.last_inbound_at, ${now}, ${now}
          from jsonb_to_recordset(${j(opens)}::jsonb) as o(id text, customer_id text, subject text,
               channel_kinds text[], reply_token text, last_kind text, channel_id text, n int,
               last_message_at timestamptz, last_inbound_at timestamptz)
          on conflict (customer_id) where status <> 'resolved' and merged_into is null and customer_id is not null
          do nothing
          returning *
        ),
        upd as (
          update inbox_conversations c set
            last_message_at = greatest(c.last_message_at, u.last_at),
            message_count = c.message_count + u.n,
            channel_kinds = c.channel_kinds || array(select x.k from unnest(u.kinds) with ordinality as x(k, i)
                                                     where not (x.k = any(c.channel_kinds)) order by x.i),
            unread_count = c.unread_count + u.n,
            last_inbound_channel = u.last_kind,
            channel_id = coalesce(u.channel_id, c.channel_id),
            last_inbound_at = greatest(c.last_inbound_at, u.last_at),
            status = 'open', snoozed_until = null, resolved_at = null, updated_at = ${now}
          from jsonb_to_recordset(${j(touches)}::jsonb) as u(id text, n int, kinds text[], last_kind text,
               channel_id text, last_at timestamptz)
          where c.id = u.id and c.id = any(${sql.param(touches.map((t) => t.id))}::text[]) and c.merged_into is null
          returning c.*
        ),
        msg as (
          insert into inbox_messages (id, conversation_id, direction, channel_kind, external_id, address, text,
            html, unparsed, channel_account_id, occurred_at, created_at)
          select m.id, m.conversation_id, 'inbound', m.channel_kind, m.external_id, m.address, m.text, m.html,
                 m.unparsed, m.channel_account_id, m.occurred_at, ${now}
          from jsonb_to_recordset(${j(messages)}::jsonb) as m(id text, conversation_id text, channel_kind text,
               external_id text, address text, text text, html text, unparsed boolean, channel_account_id text,
               occurred_at timestamptz)
          on conflict (channel_kind, external_id) where external_id is not null do nothing
          returning 1
        ),
        att as (
          insert into inbox_attachments (id, message_id, conversation_id, filename, content_type, size, sha256,
            storage_key, created_at)
          select a.id, a.message_id, a.conversation_id, a.filename, a.content_type, a.size, a.sha256,
                 a.storage_key, ${now}
          from jsonb_to_recordset(${j(attachments)}::jsonb) as a(id text, message_id text, conversation_id text,
               filename text, content_type text, size int, sha256 text, storage_key text)
          returning 1
        ),
        ${ev}
        select (case when (select count(*) from ins) = ${opens.length} and (select count(*) from upd) = ${touches.length}
                      and (select count(*) from msg) = ${messages.length}
                      and (select count(*) from att) = ${attachments.length}
                     then '1' else ${STALE} end)::int as ok,
               (select coalesce(json_agg(to_jsonb(x)), '[]'::json)
                from (select * from ins union all select * from upd) x) as conversations`,
  );
  const list = parsed<Array<Parameters<typeof toConversation>[0]>>(r?.conversations ?? '[]');
  return new Map(list.map((row) => [row.id, toConversation(row)]));
}
