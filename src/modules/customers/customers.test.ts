import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../kernel/index.js';
import { firstRow } from '../../platform/db/database.js';
import { readWrittenEvents } from '../../platform/testing/read-written-events.js';
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

function ev(
  p: Partial<IngestEventInput> & { anon?: string; user?: string; email?: string },
): IngestEventInput {
  const identifiers = [];
  if (p.user) identifiers.push({ type: 'user_id', value: p.user, trust: 'verified' as const });
  if (p.anon) identifiers.push({ type: 'anonymous_id', value: p.anon, trust: 'verified' as const });
  return {
    messageId: p.messageId ?? `m-${++seq}`,
    kind: p.kind ?? 'track',
    name: p.name === undefined ? 'Product Viewed' : p.name,
    identifiers: [...identifiers, ...(p.identifiers ?? [])],
    traits: p.traits ?? (p.email ? { email: p.email } : {}),
    properties: p.properties ?? {},
    context: p.context ?? {},
    consent: p.consent,
    occurredAt: p.occurredAt ?? new Date('2026-01-01T10:00:00Z'),
    anonymousId: p.anon ?? null,
    userId: p.user ?? null,
  };
}

describeEachDatabase('customers', [customersMigrations], (t) => {
  const clock = new ManualClock('2026-01-02T00:00:00Z');
  const customers = createCustomersService();
  const ctx = () => t.ctx({ clock });
  const profileOf = async (results: Array<{ status: string }>, i = 0) => {
    const r = results[i] as { status: string; profileId?: string };
    expect(r.status).toBe('stored');
    return r.profileId!;
  };

  it('stitches an anonymous visitor to the user who logs in, with events, traits and stage', async () => {
    const anon = await customers.ingest(ctx(), WEB, [
      ev({ anon: 'a-1', kind: 'page', name: 'Home' }),
      ev({ anon: 'a-1', name: 'Product Viewed' }),
    ]);
    const anonProfile = await profileOf(anon);
    const known = await customers.ingest(ctx(), WEB, [
      ev({
        user: 'u-1',
        kind: 'identify',
        name: null,
        email: 'Ann@Example.com',
        traits: { email: 'Ann@Example.com', name: 'Ann Smith' },
      }),
    ]);
    const userProfile = await profileOf(known);
    expect(userProfile).not.toBe(anonProfile);
    const linked = await customers.ingest(ctx(), WEB, [
      ev({ anon: 'a-1', user: 'u-1', kind: 'identify', name: null }),
    ]);
    const root = await profileOf(linked);
    expect(root).toBe(userProfile); // the identified profile wins
    const view = await customers.view(ctx(), anonProfile);
    expect(view.id).toBe(userProfile);
    expect(view.mergedProfileIds).toEqual([anonProfile]);
    expect(view.computed.eventCount).toBe(4);
    expect(view.timeline.items).toHaveLength(4);
    expect(view.traits.name?.value).toBe('Ann Smith');
    expect(view.traits.name?.channelId).toBe('chn_web');
    expect(view.identities.map((i) => `${i.type}:${i.value}`).sort()).toEqual([
      'anonymous_id:a-1',
      'email:ann@example.com',
      'user_id:u-1',
    ]);
    expect(view.stage).toBe('engaged');
    const log = await customers.identityLog(ctx(), userProfile);
    expect(log.find((l) => l.kind === 'merged')?.reason).toMatch(/anonymous_id:a-1/);
    expect((await customers.search(ctx(), { email: 'ANN@example.com' })).map((c) => c.id)).toEqual([
      userProfile,
    ]);
    expect((await customers.search(ctx(), { name: 'ann sm' })).map((c) => c.id)).toEqual([userProfile]);

    // unmerge restores both profiles with their own events and identifiers
    const [merge] = await customers.listMerges(ctx(), [userProfile]);
    const undone = await customers.unmerge(ctx(), merge!.id);
    expect(undone.ok).toBe(true);
    const back = await customers.view(ctx(), anonProfile);
    expect(back.id).toBe(anonProfile);
    expect(back.computed.eventCount).toBe(2);
    expect(back.identities.map((i) => i.value)).toEqual(['a-1']);
    const user = await customers.view(ctx(), userProfile);
    expect(user.computed.eventCount).toBe(2);
    expect(user.mergedProfileIds).toEqual([]);
    // the separated pair stays apart: the same link now goes to review
    await customers.ingest(ctx(), WEB, [ev({ anon: 'a-1', user: 'u-1', name: 'Again' })]);
    expect((await customers.view(ctx(), anonProfile)).id).toBe(anonProfile);
    const reviews = await customers.listReviews(ctx());
    expect(reviews.some((r) => r.rule === 'blocked_pair' && r.profileIds.includes(anonProfile))).toBe(true);
    expect((await customers.unmerge(ctx(), merge!.id)).ok).toBe(false);
  });

  it('stores a replayed batch once and changes nothing', async () => {
    const batch = [ev({ anon: 'r-1', messageId: 'dup-1' }), ev({ anon: 'r-1', messageId: 'dup-2' })];
    const first = await customers.ingest(ctx(), WEB, batch);
    const again = await customers.ingest(ctx(), WEB, batch);
    expect(again.map((r) => r.status)).toEqual(['duplicate', 'duplicate']);
    const view = await customers.view(ctx(), await profileOf(first));
    expect(view.computed.eventCount).toBe(2);
    const twice = await customers.ingest(ctx(), WEB, [
      ev({ anon: 'r-2', messageId: 'same' }),
      ev({ anon: 'r-2', messageId: 'same' }),
    ]);
    expect(twice.map((r) => r.status)).toEqual(['stored', 'duplicate']);
  });

  it('keeps a second user id on one device apart, sends one under a known email to review, merges when approved', async () => {
    const a = await profileOf(await customers.ingest(ctx(), WEB, [ev({ user: 'ua', anon: 'family-ipad' })]));
    const onDevice = await profileOf(
      await customers.ingest(ctx(), WEB, [ev({ user: 'ub', anon: 'family-ipad' })]),
    );
    expect(onDevice).not.toBe(a);
    expect((await customers.identityLog(ctx(), a)).some((l) => l.kind === 'device_shared')).toBe(true);
    await customers.ingest(ctx(), WEB, [ev({ user: 'ua', email: 'ua@shop.nl' })]);
    const res = await customers.ingest(ctx(), WEB, [ev({ user: 'uc', email: 'ua@shop.nl' })]);
    const b = await profileOf(res);
    expect(b).not.toBe(a);
    const review = (await customers.listReviews(ctx())).find(
      (r) => r.profileIds.includes(a) && r.profileIds.includes(b),
    );
    expect(review?.rule).toBe('max_per_type');
    const refused = await customers.merge(ctx(), a, b, { reason: 'try' });
    expect(refused.ok ? null : refused.reason).toBe('merge_refused');
    const approved = await customers.approveReview(ctx(), review!.id);
    expect(approved.ok && approved.value.status).toBe('approved');
    expect((await customers.view(ctx(), b)).id).toBe((await customers.view(ctx(), a)).id);
  });

  it('never links customers through a shared till device, and drops placeholder ids', async () => {
    const x = await profileOf(
      await customers.ingest(ctx(), STORE, [ev({ user: 'shopper-x', anon: 'till-7' })]),
    );
    const y = await profileOf(
      await customers.ingest(ctx(), STORE, [ev({ user: 'shopper-y', anon: 'till-7' })]),
    );
    expect(x).not.toBe(y);
    expect(
      (await customers.listReviews(ctx())).some((r) => r.profileIds.includes(x) && r.profileIds.includes(y)),
    ).toBe(false);
    // shared devices listed by value work for any source
    await customers.addSharedDevice(ctx(), 'kiosk-1', 'lobby kiosk');
    const p = await profileOf(await customers.ingest(ctx(), WEB, [ev({ user: 'k-1', anon: 'kiosk-1' })]));
    const q = await profileOf(await customers.ingest(ctx(), WEB, [ev({ user: 'k-2', anon: 'kiosk-1' })]));
    expect(p).not.toBe(q);
    // 'guest' and test addresses identify nobody
    const g1 = await profileOf(
      await customers.ingest(ctx(), WEB, [ev({ user: 'guest', anon: 'g-1', email: 'test@shop.nl' })]),
    );
    const g2 = await profileOf(
      await customers.ingest(ctx(), WEB, [ev({ user: 'guest', anon: 'g-2', email: 'test@shop.nl' })]),
    );
    expect(g1).not.toBe(g2);
  });

  it('drops identifiers in wrong formats with a warning, stores the rest, rejects events left with none', async () => {
    const res = await customers.ingest(ctx(), WEB, [
      ev({ anon: 'f-1', traits: { email: 'not-an-email' } }),
      ev({ anon: 'f-2', traits: { phone: '06 1234 5678' }, context: { locale: 'nl-NL' } }),
      ev({ anon: 'f-3', traits: { phone: '12' } }),
      ev({ user: 'null' }),
    ]);
    expect(res.map((r) => r.status)).toEqual(['stored', 'stored', 'stored', 'rejected']);
    const view = await customers.view(ctx(), await profileOf(res, 1));
    expect(view.identities.find((i) => i.type === 'phone')?.value).toBe('+31612345678');
    expect(
      await firstRow(t.database.db, sql`select 1 from customer_identifiers where value = 'not-an-email'`),
    ).toBeUndefined();
  });

  it('moves the journey stage with cart and order events and emits customer.stage_changed', async () => {
    const id = await profileOf(
      await customers.ingest(ctx(), WEB, [ev({ user: 'buyer-1', name: 'Product Added' })]),
    );
    expect((await customers.view(ctx(), id)).stage).toBe('cart_abandoner');
    await customers.ingest(ctx(), WEB, [
      ev({
        user: 'buyer-1',
        name: 'Order Completed',
        properties: { total: 19.99, currency: 'EUR' },
        occurredAt: new Date('2026-01-01T12:00:00Z'),
      }),
    ]);
    let view = await customers.view(ctx(), id);
    expect(view.stage).toBe('first_time_buyer');
    expect(view.computed.lifetimeValue).toEqual([{ amount: 1999, currency: 'EUR' }]);
    await customers.ingest(ctx(), WEB, [
      ev({
        user: 'buyer-1',
        name: 'Order Completed',
        properties: { total: 5, currency: 'EUR' },
        occurredAt: new Date('2026-01-01T13:00:00Z'),
      }),
    ]);
    expect((await customers.view(ctx(), id)).stage).toBe('repeat');
    const changes = (
      await readWrittenEvents(t.database.db, { types: ['customer.stage_changed'], subject: id, limit: 100 })
    ).map((e) => e.payload.to);
    expect(changes).toEqual(['cart_abandoner', 'first_time_buyer', 'repeat']);
    clock.advance(100 * 86_400_000);
    expect(await customers.refreshStages(ctx())).toBeGreaterThan(0);
    view = await customers.view(ctx(), id);
    expect(view.stage).toBe('at_risk');
    expect(await customers.refreshStages(ctx())).toBe(0);
  });

  it('refreshes stages in batches until no cluster is due, counting each change once', async () => {
    const buyers = ['b-old-1', 'b-old-2', 'b-old-3'];
    for (const user of buyers) {
      await customers.ingest(ctx(), WEB, [
        ev({ user, name: 'Order Completed', properties: { total: 10 }, occurredAt: clock.now() }),
      ]);
    }
    clock.advance(95 * 86_400_000);
    // Other buyers from earlier tests may be due too: every due cluster changes once, batch by batch.
    const first = await customers.refreshStages(ctx(), { batchSize: 1 });
    expect(first).toBeGreaterThanOrEqual(buyers.length);
    expect(await customers.refreshStages(ctx(), { batchSize: 1 })).toBe(0);
    for (const user of buyers) {
      const [found] = await customers.search(ctx(), { externalId: `user_id:${user}` });
      expect(found?.stage).toBe('at_risk');
    }
    clock.advance(90 * 86_400_000);
    expect(await customers.refreshStages(ctx(), { batchSize: 2 })).toBeGreaterThanOrEqual(buyers.length);
    const [lapsed] = await customers.search(ctx(), { externalId: 'user_id:b-old-1' });
    expect(lapsed?.stage).toBe('lapsed');
  });

  it('honours consent category preferences: granted, then a denial is a revocation', async () => {
    const id = await profileOf(
      await customers.ingest(ctx(), WEB, [
        ev({ user: 'c-1', consent: { Advertising: true, Analytics: false } }),
      ]),
    );
    await customers.ingest(ctx(), WEB, [
      ev({ user: 'c-1', consent: { Advertising: false }, occurredAt: new Date('2026-01-01T11:00:00Z') }),
    ]);
    const consent = (await customers.view(ctx(), id)).consent;
    expect(consent.map((c) => `${c.purpose}:${c.channel}:${c.status}`)).toEqual([
      'advertising:*:revoked',
      'analytics:*:denied',
    ]);
  });

  it('erases a customer everywhere in the module, keeps an audit record, and old events do not resurrect it', async () => {
    const batch = [
      ev({
        user: 'erase-me',
        anon: 'e-dev',
        email: 'erase@example.com',
        traits: { email: 'erase@example.com', name: 'Eve' },
      }),
    ];
    const id = await profileOf(await customers.ingest(ctx(), WEB, batch));
    const exported = await customers.exportCustomer(ctx(), id);
    expect(exported.identifiers).toHaveLength(3);
    expect(exported.events).toHaveLength(1);
    const receipt = await customers.eraseCustomer(ctx(), id);
    expect(receipt.identifiersErased).toBe(3);
    await expect(customers.view(ctx(), id)).rejects.toThrow(/not found/);
    expect(await customers.search(ctx(), { email: 'erase@example.com' })).toEqual([]);
    const leftovers = await firstRow<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from customer_events where profile_id = ${id} and (properties::text like '%Eve%' or user_id is not null)`,
    );
    expect(Number(leftovers?.n)).toBe(0);
    const replay = await customers.ingest(ctx(), WEB, [{ ...batch[0]!, messageId: 'replayed-later' }]);
    expect(replay[0]?.status).toBe('ignored');
    const audit = await firstRow<{ kind: string }>(
      t.database.db,
      sql`select kind from customer_identity_log where profile_id = ${id} and kind = 'erased'`,
    );
    expect(audit?.kind).toBe('erased');
    const erased = await readWrittenEvents(t.database.db, { types: ['customer.erased'], subject: id });
    expect(erased).toHaveLength(1);
  });

  it('coalesces concurrent batches and resolves every linked pair to one profile', async () => {
    const batches = Array.from({ length: 8 }, (_, b) =>
      Array.from({ length: 20 }, (_, i) => {
        const person = (b * 7 + i) % 25;
        return i % 3 === 0
          ? ev({ anon: `cc-a-${person}`, user: `cc-u-${person}`, kind: 'identify', name: null })
          : ev({ anon: `cc-a-${person}` });
      }),
    );
    const results = await Promise.all(batches.map((b) => customers.ingest(ctx(), WEB, b)));
    expect(results.flat().every((r) => r.status === 'stored')).toBe(true);
    if (t.kind === 'pglite') {
      // On the one connection, batches that queued while another was being prepared commit with it
      // (on a server their number of transactions depends on when each arrives).
      const transactions = await firstRow<{ n: number }>(
        t.database.db,
        sql`select count(distinct xmin::text)::int as n from customer_events where anonymous_id like 'cc-a-%'`,
      );
      expect(Number(transactions?.n)).toBe(1);
    }
    for (let person = 0; person < 25; person++) {
      const [byUser] = await customers.search(ctx(), { externalId: `user_id:cc-u-${person}` });
      const [byAnon] = await customers.search(ctx(), { externalId: `anonymous_id:cc-a-${person}` });
      if (byUser) expect(byAnon?.id).toBe(byUser.id);
    }
  });
});

describeEachDatabase('customers ingestion from two hub processes at once', [customersMigrations], (t) => {
  it('commits overlapping batches concurrently without losing an event, a count or a link', async () => {
    // Two services are two hub processes; small commits and three at a time per process force
    // batches that touch the same people to run concurrently (on PostgreSQL; PGlite serializes).
    const nodes = [1, 2].map(() => createCustomersService({ maxEventsPerCommit: 20, concurrentCommits: 3 }));
    const people = 12;
    const sent = new Map<number, number>();
    const batches = Array.from({ length: 24 }, (_, b) =>
      Array.from({ length: 15 }, (_, i) => {
        const person = (b * 7 + i) % people;
        sent.set(person, (sent.get(person) ?? 0) + 1);
        const roll = i % 3;
        return roll === 0
          ? ev({ anon: `two-a-${person}`, user: `two-u-${person}`, kind: 'identify', name: null })
          : roll === 1
            ? ev({ user: `two-u-${person}`, name: 'Product Added' })
            : ev({ anon: `two-a-${person}` });
      }),
    );
    const results = await Promise.all(batches.map((b, k) => nodes[k % 2]!.ingest(t.ctx(), WEB, b)));
    expect(results.flat().filter((r) => r.status !== 'stored')).toEqual([]);
    const viewer = nodes[0]!;
    for (let person = 0; person < people; person++) {
      const [byUser] = await viewer.search(t.ctx(), { externalId: `user_id:two-u-${person}` });
      const [byAnon] = await viewer.search(t.ctx(), { externalId: `anonymous_id:two-a-${person}` });
      expect(byUser?.id).toBeDefined();
      expect(byAnon?.id).toBe(byUser!.id);
      const view = await viewer.view(t.ctx(), byUser!.id);
      expect([person, view.computed.eventCount]).toEqual([person, sent.get(person)]);
      expect(view.identities.filter((i) => i.type === 'user_id')).toHaveLength(1);
    }
    const stored = await firstRow<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from customer_events`,
    );
    expect(Number(stored?.n)).toBe(24 * 15);
  });
});

describe('identity rules', () => {
  it('exports the default merge protection', () => {
    const s = createCustomersService();
    expect(s.rules.maxPerType.user_id).toBe(1);
    expect(s.rules.blockedValues).toContain('guest');
  });
});
