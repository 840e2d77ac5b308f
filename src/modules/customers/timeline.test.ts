import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { ManualClock } from '../../kernel/index.js';
import { firstRow } from '../../platform/db/database.js';
import { readWrittenEvents } from '../../platform/testing/read-written-events.js';
import { countStatements } from '../../platform/testing/statement-count.js';
import { describeEachDatabase } from '../../platform/testing/test-databases.js';
import { type ProfileSqlRow, toProfileState } from './customers.repository.js';
import { DEFAULT_STAGE_THRESHOLDS } from './customers.types.js';
import { createCustomersService, customersMigrations, type IngestSource } from './index.js';
import { applyEvent, type ProfileState } from './profile-state.js';

const WEB: IngestSource = { id: 'src_web', channelId: 'chn_web', sharedDevices: false };

describeEachDatabase('customer timeline entries', [customersMigrations], (t) => {
  const clock = new ManualClock('2026-01-02T00:00:00Z');
  const customers = createCustomersService();
  const ctx = () => t.ctx({ clock });
  let seq = 0;
  const visit = async (anon: string, at: string, identifiers = [{ type: 'anonymous_id', value: anon }]) => {
    const [r] = await customers.ingest(ctx(), WEB, [
      {
        messageId: `m-${++seq}`,
        kind: 'track',
        name: 'Product Viewed',
        identifiers: identifiers.map((i) => ({ ...i, trust: 'verified' as const })),
        traits: {},
        properties: {},
        context: {},
        occurredAt: new Date(at),
        anonymousId: anon,
        userId: null,
      },
    ]);
    return (r as { profileId: string }).profileId;
  };
  const profile = async (id: string): Promise<ProfileState> =>
    toProfileState(
      (await firstRow<ProfileSqlRow>(t.database.db, sql`select * from customer_profiles where id = ${id}`))!,
    );
  const entry = (kind: string, ref: string, channelId: string | null, at: string) => ({
    kind,
    ref,
    channelId,
    occurredAt: new Date(at),
  });

  it('counts stored entries on their profiles as applyEvent would, once per (kind, ref)', async () => {
    const a = await visit('anon-a', '2026-01-01T10:00:00.000Z');
    const b = await visit('anon-b', '2026-01-01T11:00:00.000Z');
    const items = [
      // Earlier than a's first event, on its channel and on another; one without a channel.
      { customerId: a, entry: entry('order.placed', 'ord_1', 'chn_web', '2025-12-31T09:00:00.123Z') },
      {
        customerId: a,
        entry: entry('conversation.started', 'cnv_1', 'chn_shop', '2026-01-01T12:00:00.456Z'),
      },
      { customerId: a, entry: entry('conversation.started', 'cnv_2', null, '2026-01-01T13:00:00.000Z') },
      { customerId: b, entry: entry('conversation.started', 'cnv_3', 'chn_web', '2026-01-01T11:30:00.000Z') },
      // The same (kind, ref) again, in the batch and for another profile: stored once.
      { customerId: a, entry: entry('order.placed', 'ord_1', 'chn_web', '2026-01-01T14:00:00.000Z') },
      { customerId: b, entry: entry('conversation.started', 'cnv_1', 'chn_web', '2026-01-01T14:00:00.000Z') },
      // Nobody: skipped.
      {
        customerId: 'cus_nobody',
        entry: entry('conversation.started', 'cnv_4', 'chn_web', '2026-01-01T14:00:00Z'),
      },
    ];
    const expected = new Map([
      [a, await profile(a)],
      [b, await profile(b)],
    ]);
    for (const { customerId, entry: e } of items.slice(0, 4))
      applyEvent(
        expected.get(customerId)!,
        {
          channelId: e.channelId,
          at: e.occurredAt.toISOString(),
          kind: 'entry',
          name: e.kind,
          properties: {},
        },
        DEFAULT_STAGE_THRESHOLDS,
      );
    await customers.recordTimelineEntries(ctx(), items);
    for (const id of [a, b]) {
      const { stage, stageChangedAt, updatedAt, ...rest } = await profile(id);
      const { stage: s, stageChangedAt: sc, updatedAt: u, ...want } = expected.get(id)!;
      expect(rest).toEqual(want);
    }
    expect((await profile(a)).channelStats).toEqual({
      chn_web: { first: '2025-12-31T09:00:00.123Z', last: '2026-01-01T10:00:00.000Z', count: 2 },
      chn_shop: { first: '2026-01-01T12:00:00.456Z', last: '2026-01-01T12:00:00.456Z', count: 1 },
    });
    // Recorded again: nothing more is counted.
    await customers.recordTimelineEntries(ctx(), items);
    expect((await profile(a)).eventCount).toBe(4);
    expect((await profile(b)).eventCount).toBe(2);
  });

  it('moves a visitor cluster to engaged once its entries reach the threshold, and says so once', async () => {
    const id = await visit('anon-c', '2026-01-01T10:00:00.000Z');
    expect((await profile(id)).stage).toBe('visitor');
    await customers.recordTimelineEntries(ctx(), [
      { customerId: id, entry: entry('conversation.started', 'cnv_c1', 'chn_web', '2026-01-01T11:00:00Z') },
    ]);
    expect((await profile(id)).stage).toBe('visitor');
    await customers.recordTimelineEntries(ctx(), [
      { customerId: id, entry: entry('conversation.started', 'cnv_c2', 'chn_web', '2026-01-01T12:00:00Z') },
    ]);
    const engaged = await profile(id);
    expect(engaged.stage).toBe('engaged');
    expect(engaged.stageChangedAt).toBe(clock.now().toISOString());
    await customers.recordTimelineEntries(ctx(), [
      { customerId: id, entry: entry('conversation.started', 'cnv_c3', 'chn_web', '2026-01-01T13:00:00Z') },
    ]);
    const changes = await readWrittenEvents(t.database.db, {
      types: ['customer.stage_changed'],
      subject: id,
      limit: 10,
    });
    expect(changes.map((e) => e.payload.to)).toEqual(['engaged']);
  });

  it('decides the stage from the whole cluster when the entry is on a merged profile', async () => {
    const root = await visit('anon-d', '2026-01-01T10:00:00.000Z');
    const merged = await visit('anon-e', '2026-01-01T10:30:00.000Z');
    const r = await customers.merge(ctx(), root, merged, { reason: 'test', force: true });
    expect(r.ok).toBe(true);
    const winner = r.ok ? r.value.winnerId : '';
    const loser = winner === root ? merged : root;
    await customers.recordTimelineEntries(ctx(), [
      {
        customerId: loser,
        entry: entry('conversation.started', 'cnv_d1', 'chn_web', '2026-01-01T11:00:00Z'),
      },
    ]);
    expect((await profile(loser)).eventCount).toBe(2);
    expect((await profile(winner)).stage).toBe('engaged');
  });

  it('writes a batch of entries under the lock in one statement when no stage changes', async () => {
    const ids = [
      await visit('anon-f', '2026-01-01T10:00:00Z'),
      await visit('anon-g', '2026-01-01T10:00:00Z'),
    ];
    const { statements } = await countStatements(() =>
      customers.recordTimelineEntries(
        ctx(),
        ids.map((customerId, i) => ({
          customerId,
          entry: entry('conversation.started', `cnv_f${i}`, 'chn_web', '2026-01-01T11:00:00Z'),
        })),
      ),
    );
    // BEGIN, the identity lock, the write, COMMIT (the profiles were read and written back: 7).
    if (t.kind === 'postgres') expect(statements).toBe(4);
    expect((await profile(ids[0]!)).eventCount).toBe(2);
  });
});
