// Merging keeps one open conversation per customer: an anonymous open conversation that would take
// the source's customer, while that customer has another open conversation, is refused and nothing
// moves.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { isAppError } from '../../kernel/index.js';
import { rows } from '../../platform/db/database.js';
import { describeEachDatabase } from '../../platform/testing/test-databases.js';
import { createInboxService, inboxMigrations } from './index.js';

describeEachDatabase('conversation merge', [inboxMigrations], (t) => {
  const inbox = createInboxService({ attachmentsDir: mkdtempSync(join(tmpdir(), 'inbox-merge-')) });
  let seq = 0;
  const receive = async (customerId: string | null) => {
    const [outcome] = await inbox.recordInboundBatch(t.ctx(), [
      {
        channelKind: 'sms',
        externalId: `merge-${seq++}`,
        customerId,
        address: customerId ? `addr-${customerId}` : `anon-${seq}`,
        text: 'hello',
        occurredAt: t.ctx().clock.now(),
      },
    ]);
    return outcome!.conversation;
  };

  it('refuses to give a customer a second open conversation, and moves nothing', async () => {
    const anonymous = await receive(null);
    const earlier = await receive('cus_merge_1');
    await inbox.setStatus(t.ctx(), earlier.id, { status: 'resolved' });
    const open = await receive('cus_merge_1');
    expect(open.id).not.toBe(earlier.id);

    const refused = await inbox.merge(t.ctx(), { sourceId: earlier.id, targetId: anonymous.id }).then(
      () => null,
      (err: unknown) => err,
    );
    expect(isAppError(refused, 'conversations_not_mergeable')).toBe(true);
    expect((refused as { details?: unknown }).details).toEqual({ openConversationId: open.id });
    const [kept] = await rows<{ customer_id: string | null; message_count: number }>(
      t.database.db,
      sql`select customer_id, message_count from inbox_conversations where id = ${anonymous.id}`,
    );
    expect(kept).toEqual({ customer_id: null, message_count: 1 });

    // Into the customer's open conversation it merges.
    const merged = await inbox.merge(t.ctx(), { sourceId: anonymous.id, targetId: open.id });
    expect(merged).toMatchObject({ id: open.id, customerId: 'cus_merge_1', messageCount: 2 });
    // A resolved anonymous target may take the customer: it is not open.
    const resolvedAnonymous = await receive(null);
    await inbox.setStatus(t.ctx(), resolvedAnonymous.id, { status: 'resolved' });
    const intoResolved = await inbox.merge(t.ctx(), { sourceId: earlier.id, targetId: resolvedAnonymous.id });
    expect(intoResolved).toMatchObject({ customerId: 'cus_merge_1', status: 'resolved' });
  });
});
