// The inbox tabs' counters (inbox_conversation_counts, kept by statement triggers) equal a count(*)
// over the conversations after any sequence of inbound batches (some concurrent), replies, reads,
// assignments, status changes, merges and erasures, for every filter the counts endpoint takes.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { isAppError } from '../../kernel/index.js';
import type { Ctx } from '../../platform/context.js';
import { rows } from '../../platform/db/database.js';
import { runMigrations } from '../../platform/db/migrate.js';
import { describeEachDatabase, type TestDatabase } from '../../platform/testing/test-databases.js';
import type { ChannelKind, ConversationStatus } from './inbox.types.js';
import { createInboxService, type InboxService, inboxMigrations } from './index.js';

const KINDS: ChannelKind[] = ['sms', 'whatsapp', 'email', 'web_chat'];
const AGENTS = ['usr_a', 'usr_b'];
const STATUSES: ConversationStatus[] = ['open', 'pending', 'snoozed', 'resolved'];

const inbound = fc.record({
  customer: fc.option(fc.integer({ min: 0, max: 5 }), { freq: 6 }),
  kind: fc.constantFrom(...KINDS),
  redelivery: fc.boolean(),
});
const op = fc.oneof(
  fc.record({
    t: fc.constant('inbound' as const),
    batches: fc.array(fc.array(inbound, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 }),
  }),
  fc.record({ t: fc.constant('reply' as const), at: fc.nat() }),
  fc.record({ t: fc.constant('read' as const), at: fc.nat() }),
  fc.record({
    t: fc.constant('assign' as const),
    at: fc.nat(),
    agent: fc.option(fc.constantFrom(...AGENTS)),
  }),
  fc.record({ t: fc.constant('status' as const), at: fc.nat(), status: fc.constantFrom(...STATUSES) }),
  fc.record({ t: fc.constant('merge' as const), at: fc.nat(), into: fc.nat() }),
  fc.record({ t: fc.constant('erase' as const), customer: fc.integer({ min: 0, max: 5 }) }),
);

/** The counts the service gives equal a count(*) of the conversations, for every filter. */
async function expectCountsMatch(t: TestDatabase, inbox: InboxService) {
  for (const assigneeId of [undefined, 'none', ...AGENTS]) {
    for (const channelKind of [undefined, ...KINDS]) {
      const f = { assigneeId, channelKind };
      const counted = await inbox.counts(t.ctx(), f);
      const where = sql.join(
        [
          sql`merged_into is null`,
          assigneeId === 'none'
            ? sql`assignee_id is null`
            : assigneeId
              ? sql`assignee_id = ${assigneeId}`
              : sql`true`,
          channelKind ? sql`${channelKind} = any(channel_kinds)` : sql`true`,
        ],
        sql` and `,
      );
      const truth = await rows<{
        status: ConversationStatus;
        n: number;
        unread: number;
        unassigned: number;
      }>(
        t.database.db,
        sql`select status, count(*)::int as n, count(*) filter (where unread_count > 0)::int as unread,
              count(*) filter (where assignee_id is null)::int as unassigned
            from inbox_conversations where ${where} group by status`,
      );
      const byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0]));
      for (const r of truth) byStatus[r.status] = r.n;
      const open = truth.find((r) => r.status === 'open');
      expect(counted, JSON.stringify(f)).toEqual({
        byStatus,
        unread: open?.unread ?? 0,
        unassigned: open?.unassigned ?? 0,
      });
    }
  }
}

type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

describeEachDatabase('inbox counters (property)', [inboxMigrations], (t) => {
  const inbox = createInboxService({ attachmentsDir: mkdtempSync(join(tmpdir(), 'inbox-counts-')) });
  let seq = 0;

  async function live(): Promise<string[]> {
    const list = await rows<{ id: string }>(
      t.database.db,
      sql`select id from inbox_conversations where merged_into is null order by id`,
    );
    return list.map((r) => r.id);
  }

  async function run(ctx: Ctx, o: Op): Promise<void> {
    if (o.t === 'inbound') {
      await Promise.all(
        o.batches.map((batch) =>
          inbox.recordInboundBatch(
            t.ctx(),
            batch.map((m) => ({
              channelKind: m.kind,
              externalId: m.redelivery && seq > 0 ? `ext-${seq - 1}` : `ext-${seq++}`,
              customerId: m.customer === null ? null : `cus_${m.customer}`,
              address: `addr-${m.customer ?? 'none'}`,
              text: 'hello',
              occurredAt: ctx.clock.now(),
            })),
          ),
        ),
      );
      return;
    }
    if (o.t === 'erase') {
      await inbox.eraseCustomerData(ctx, { profileIds: [`cus_${o.customer}`], identifiers: [] });
      return;
    }
    const ids = await live();
    if (!ids.length) return;
    const id = ids[o.at % ids.length]!;
    if (o.t === 'reply')
      await inbox.queueOutbound(ctx, {
        conversationId: id,
        channelKind: 'sms',
        address: '+46700000000',
        text: 'hi',
        authorId: 'usr_a',
      });
    else if (o.t === 'read') await inbox.markRead(ctx, id);
    else if (o.t === 'assign') await inbox.assign(ctx, id, o.agent);
    else if (o.t === 'status')
      await inbox
        .setStatus(ctx, id, {
          status: o.status,
          ...(o.status === 'snoozed' ? { snoozedUntil: new Date(Date.now() + 3_600_000) } : {}),
        })
        .catch((err) => {
          // Reopening beside the customer's other open conversation is refused (merge instead): a
          // refusal writes nothing, and the counters must still hold.
          if (!isAppError(err, 'conversations_not_mergeable')) throw err;
        });
    else if (o.t === 'merge') {
      const target = ids[o.into % ids.length]!;
      if (target !== id)
        await inbox.merge(ctx, { sourceId: id, targetId: target }).catch((err) => {
          // Giving the customer a second open conversation is refused the same way.
          if (!isAppError(err, 'conversations_not_mergeable')) throw err;
        });
    }
  }

  it('equal a count(*) of the conversations after any operations', async () => {
    for (const agentId of AGENTS) await inbox.saveAgent(t.ctx(), { agentId, name: agentId, available: true });
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 12 }), async (ops) => {
        for (const o of ops) await run(t.ctx(), o);
        await expectCountsMatch(t, inbox);
      }),
      { numRuns: 12 },
    );
  });
});

describeEachDatabase('inbox counters on upgrade', [], (t) => {
  it('the migration counts the conversations stored before it', async () => {
    // The inbox's migrations before the counters (0008), then conversations, then the rest.
    const before = mkdtempSync(join(tmpdir(), 'inbox-migrations-'));
    cpSync(inboxMigrations.folder, before, { recursive: true });
    const journal = join(before, 'meta', '_journal.json');
    const j = JSON.parse(readFileSync(journal, 'utf8')) as { entries: Array<{ tag: string }> };
    j.entries = j.entries.slice(
      0,
      j.entries.findIndex((e) => e.tag.startsWith('0008_')),
    );
    writeFileSync(journal, JSON.stringify(j));
    await runMigrations(t.database, [{ name: 'inbox', folder: before }]);
    await t.database.db.execute(
      sql`insert into inbox_conversations (id, customer_id, status, assignee_id, channel_kinds, tags, reply_token,
            unread_count, last_message_at, created_at, updated_at, merged_into)
          select 'cnv_up_' || i, 'cus_up_' || i, (array['open','pending','snoozed','resolved'])[1 + i % 4],
                 case when i % 3 = 0 then null else (array['usr_a','usr_b'])[1 + i % 2] end,
                 case when i % 5 = 0 then array['sms','email'] else array['whatsapp'] end, '{}', 'tok_up_' || i,
                 i % 2, now(), now(), now(), case when i % 7 = 0 then 'cnv_up_1' end
          from generate_series(1, 60) as i`,
    );
    await runMigrations(t.database, [inboxMigrations]);
    const inbox = createInboxService({ attachmentsDir: mkdtempSync(join(tmpdir(), 'inbox-counts-')) });
    await expectCountsMatch(t, inbox);
  });
});
