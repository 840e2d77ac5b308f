// Lenient where it helps (issue 21): a bad field is dropped with a warning and the rest of the event
// lands; a timestamp too far in the future is clamped to the receipt time and flagged.
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { ManualClock } from '../../kernel/index.js';
import { firstRow } from '../../platform/db/database.js';
import { describeEachDatabase } from '../../platform/testing/test-databases.js';
import {
  createCustomersService,
  customersMigrations,
  type IngestEventInput,
  type IngestSource,
} from './index.js';

const WEB: IngestSource = { id: 'src_web', channelId: 'chn_web', sharedDevices: false };
const STORE: IngestSource = { id: 'src_till', channelId: 'chn_store', sharedDevices: true };
let seq = 0;

function identify(userId: string, traits: Record<string, unknown>, occurredAt: Date): IngestEventInput {
  return {
    messageId: `lenient-${++seq}`,
    kind: 'identify',
    name: null,
    identifiers: [{ type: 'user_id', value: userId, trust: 'verified' }],
    traits,
    properties: traits,
    context: {},
    occurredAt,
    anonymousId: null,
    userId,
  };
}

describeEachDatabase('customers: lenient ingestion', [customersMigrations], (t) => {
  const clock = new ManualClock('2026-03-01T12:00:00Z');
  const customers = createCustomersService({ maxFutureSkewMs: 60_000 });
  const ctx = () => t.ctx({ clock });
  const stored = (r: unknown) => {
    const x = r as { status: string; profileId: string; warnings?: Array<{ path: string }> };
    expect(x.status).toBe('stored');
    return x;
  };

  it('drops an invalid phone with a warning and keeps the email and name of the same event', async () => {
    const [res] = await customers.ingest(ctx(), WEB, [
      identify('len-1', { email: 'len1@shop.nl', phone: '12345', firstName: 'Lena' }, clock.now()),
    ]);
    const r = stored(res);
    expect(r.warnings?.map((w) => w.path)).toEqual(['traits.phone']);
    const view = await customers.view(ctx(), r.profileId);
    expect(view.traits.firstName?.value).toBe('Lena');
    expect(view.traits.phone).toBeUndefined();
    expect(view.identities.map((i) => i.type).sort()).toEqual(['email', 'user_id']);
    const row = await firstRow<{ context: { omnihubWarnings?: unknown[] } }>(
      t.database.db,
      sql`select context from customer_events where profile_id = ${r.profileId}`,
    );
    expect(row?.context.omnihubWarnings).toHaveLength(1);
  });

  it('keeps a valid international phone typed at a store', async () => {
    const [res] = await customers.ingest(ctx(), STORE, [
      identify('len-2', { phone: '+44 7911 654321', firstName: 'Bo' }, clock.now()),
    ]);
    const r = stored(res);
    expect(r.warnings ?? []).toEqual([]);
    const view = await customers.view(ctx(), r.profileId);
    expect(view.identities.find((i) => i.type === 'phone')?.value).toBe('+447911654321');
  });

  it('clamps a 2099 timestamp to the receipt time, flags it, and lets later updates win', async () => {
    const [res] = await customers.ingest(ctx(), WEB, [
      identify('len-3', { firstName: 'Future' }, new Date('2099-01-01T00:00:00Z')),
    ]);
    const r = stored(res);
    expect(r.warnings?.map((w) => w.path)).toEqual(['timestamp']);
    clock.advance(1_000);
    await customers.ingest(ctx(), WEB, [identify('len-3', { firstName: 'Present' }, clock.now())]);
    const view = await customers.view(ctx(), r.profileId);
    expect(view.traits.firstName?.value).toBe('Present');
    expect(view.timeline.items.every((e) => e.occurredAt.getFullYear() === 2026)).toBe(true);
    // Within the skew a client's clock is believed.
    const [near] = await customers.ingest(ctx(), WEB, [
      identify('len-3', {}, new Date(clock.now().getTime() + 30_000)),
    ]);
    expect(stored(near).warnings ?? []).toEqual([]);
  });

  it('still rejects an event left with no usable identifier, with the reasons', async () => {
    const [res] = await customers.ingest(ctx(), WEB, [
      {
        ...identify('x', {}, clock.now()),
        identifiers: [{ type: 'email', value: 'not-an-email', trust: 'claimed' }],
      },
    ]);
    expect(res?.status).toBe('rejected');
  });
});
