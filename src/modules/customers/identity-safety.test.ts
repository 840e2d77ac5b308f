// Safe merges by default (issue 21): a device never joins two people, limits are checked before
// anything of a link is written, and a weaker identifier cannot join profiles held by stronger ones.
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
const TILL: IngestSource = { id: 'src_pos', channelId: 'chn_store', sharedDevices: false };
let seq = 0;

type Id = { type: string; value: string; trust: 'verified' | 'claimed' };
function identify(identifiers: Id[], traits: Record<string, unknown> = {}): IngestEventInput {
  const anon = identifiers.find((i) => i.type === 'anonymous_id')?.value ?? null;
  const user = identifiers.find((i) => i.type === 'user_id')?.value ?? null;
  return {
    messageId: `safe-${++seq}`,
    kind: 'identify',
    name: null,
    identifiers,
    traits,
    properties: {},
    context: {},
    occurredAt: new Date(Date.UTC(2026, 0, 1, 10, 0, seq)),
    anonymousId: anon,
    userId: user,
  };
}
const anon = (value: string): Id => ({ type: 'anonymous_id', value, trust: 'claimed' });
const email = (value: string, trust: Id['trust'] = 'claimed'): Id => ({ type: 'email', value, trust });

describeEachDatabase('customers: safe merges by default', [customersMigrations], (t) => {
  const clock = new ManualClock('2026-01-02T00:00:00Z');
  const customers = createCustomersService();
  const ctx = () => t.ctx({ clock });
  const stored = (results: Array<{ status: string }>): string => {
    const r = results[0] as { status: string; profileId?: string };
    expect(r.status).toBe('stored');
    return r.profileId!;
  };
  const ownerOf = async (type: string, value: string) =>
    (await customers.search(ctx(), { externalId: `${type}:${value}` }))[0]?.id;

  it('keeps two people on one unflagged browser apart and marks the device shared, with evidence', async () => {
    const his = stored(
      await customers.ingest(ctx(), WEB, [
        identify([anon('home-pc'), email('jan@shop.nl')], { firstName: 'Jan' }),
      ]),
    );
    const hers = stored(
      await customers.ingest(ctx(), WEB, [
        identify([anon('home-pc'), email('eva@shop.nl')], { firstName: 'Eva' }),
      ]),
    );
    expect(hers).not.toBe(his);
    expect((await customers.view(ctx(), his)).traits.firstName?.value).toBe('Jan');
    expect((await customers.view(ctx(), hers)).traits.firstName?.value).toBe('Eva');
    expect(await ownerOf('email', 'eva@shop.nl')).toBe(hers);
    const shared = await firstRow(
      t.database.db,
      sql`select 1 from customer_shared_devices where value = 'home-pc'`,
    );
    expect(shared).toBeDefined();
    const log = await customers.identityLog(ctx(), his);
    const entry = log.find((l) => l.kind === 'device_shared');
    expect(entry?.details).toMatchObject({ device: 'home-pc', rule: 'two_people_on_device' });
    // Later people on the device stay apart too (it is now a listed shared device).
    const third = stored(
      await customers.ingest(ctx(), WEB, [identify([anon('home-pc'), email('kim@shop.nl')])]),
    );
    expect(new Set([his, hers, third]).size).toBe(3);
  });

  it('merges none of seven emails that take turns on one browser', async () => {
    for (let i = 0; i < 7; i++) {
      await customers.ingest(ctx(), WEB, [identify([anon('library-pc'), email(`reader${i}@shop.nl`)])]);
    }
    const owners = new Set<string | undefined>();
    for (let i = 0; i < 7; i++) owners.add(await ownerOf('email', `reader${i}@shop.nl`));
    expect(owners.size).toBe(7);
  });

  it("puts a second user's email with that user, not with the device's first user", async () => {
    const first = stored(
      await customers.ingest(ctx(), WEB, [
        identify([{ type: 'user_id', value: 'fam-a', trust: 'verified' }, anon('family-tablet')]),
      ]),
    );
    const second = stored(
      await customers.ingest(ctx(), WEB, [
        identify([
          { type: 'user_id', value: 'fam-b', trust: 'verified' },
          anon('family-tablet'),
          email('fam-b@shop.nl'),
        ]),
      ]),
    );
    expect(second).not.toBe(first);
    expect(await ownerOf('email', 'fam-b@shop.nl')).toBe(second);
  });

  it('checks every per-type limit before writing: nothing of a refused link lands on the profile', async () => {
    const first = stored(
      await customers.ingest(ctx(), WEB, [
        identify([
          { type: 'user_id', value: 'lim-a', trust: 'verified' },
          email('lim-a@shop.nl', 'verified'),
        ]),
      ]),
    );
    // The same email with another user id and a new phone: the user id breaks the limit (1), so the
    // phone must not be attached to the first profile either.
    const res = await customers.ingest(ctx(), WEB, [
      identify([
        { type: 'user_id', value: 'lim-b', trust: 'verified' },
        email('lim-a@shop.nl', 'verified'),
        { type: 'phone', value: '+31612340001', trust: 'claimed' },
      ]),
    ]);
    const other = stored(res);
    expect(other).not.toBe(first);
    expect(await ownerOf('phone', '+31612340001')).toBe(other);
    expect(await ownerOf('user_id', 'lim-b')).toBe(other);
    const reviews = await customers.listReviews(ctx());
    expect(reviews.some((r) => r.profileIds.includes(first) && r.profileIds.includes(other))).toBe(true);
  });

  it('lets a claimed phone typed at a till not merge two profiles with verified emails: review, both sides', async () => {
    const a = stored(
      await customers.ingest(ctx(), WEB, [
        identify([
          email('tr-a@shop.nl', 'verified'),
          { type: 'phone', value: '+31612340002', trust: 'claimed' },
        ]),
      ]),
    );
    const b = stored(await customers.ingest(ctx(), WEB, [identify([email('tr-b@shop.nl', 'verified')])]));
    await customers.ingest(ctx(), TILL, [
      identify([
        email('tr-b@shop.nl', 'claimed'),
        { type: 'phone', value: '+31612340002', trust: 'claimed' },
      ]),
    ]);
    expect((await customers.view(ctx(), a)).id).toBe(a);
    expect((await customers.view(ctx(), b)).id).toBe(b);
    const review = (await customers.listReviews(ctx())).find(
      (r) => r.profileIds.includes(a) && r.profileIds.includes(b),
    );
    expect(review?.rule).toBe('trust_below_conflict');
    expect(review?.evidence).toMatchObject({ conflicting: expect.any(Array), linked: expect.any(Array) });
  });

  it('explains every link and trust change in the identity log, with event, channel and rule', async () => {
    const id = stored(
      await customers.ingest(ctx(), WEB, [identify([anon('log-dev'), email('log@shop.nl')])]),
    );
    await customers.ingest(ctx(), TILL, [
      identify([
        email('log@shop.nl', 'verified'),
        { type: 'phone', value: '+31612340003', trust: 'claimed' },
      ]),
    ]);
    const log = await customers.identityLog(ctx(), id);
    const linked = log.filter((l) => l.kind === 'linked');
    expect(linked.map((l) => l.details.rule).sort()).toEqual(['carried_with_known', 'first_seen']);
    const viaTill = linked.find((l) => l.details.rule === 'carried_with_known');
    expect(viaTill?.details).toMatchObject({ channelId: 'chn_store', event: 'identify' });
    expect(viaTill?.details.identifiers).toEqual([{ type: 'phone', value: '+31612340003' }]);
    const upgraded = log.find((l) => l.kind === 'trust_changed');
    expect(upgraded?.details).toMatchObject({
      type: 'email',
      from: 'claimed',
      to: 'verified',
      channelId: 'chn_store',
    });
  });

  it('shows identifiers in search rows, not traits typed into forms', async () => {
    const id = stored(
      await customers.ingest(ctx(), WEB, [
        identify([{ type: 'user_id', value: 'srch-1', trust: 'verified' }, email('srch@shop.nl')]),
      ]),
    );
    // A placeholder email is no identifier, but it is kept as a trait.
    await customers.ingest(ctx(), WEB, [
      identify([{ type: 'user_id', value: 'srch-1', trust: 'verified' }], { email: 'guest@shop.nl' }),
    ]);
    const [row] = await customers.search(ctx(), { externalId: 'user_id:srch-1' });
    expect(row?.id).toBe(id);
    expect(row?.email).toBe('srch@shop.nl');
  });
});
