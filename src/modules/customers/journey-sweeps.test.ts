// The two questions the journeys' sweeps ask the customers module, on both databases: who lapsed
// (the cluster's newest order in a window; found through the last-order index) and whose birthday
// falls on given month-days (the cluster's newest birthday trait, with its time zone).
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { ManualClock } from '../../kernel/index.js';
import { describeEachDatabase } from '../../platform/testing/test-databases.js';
import { createCustomersService, customersMigrations } from './index.js';

describeEachDatabase('customers for the journeys’ sweeps', [customersMigrations], (t) => {
  const clock = new ManualClock('2026-05-01T00:00:00Z');
  const customers = createCustomersService();
  const ctx = () => t.ctx({ clock });
  const person = async (email: string) => {
    const r = await customers.identify(ctx(), {
      channelId: 'chn_web',
      identifiers: [{ type: 'email', value: email }],
    });
    if (!r.ok) throw new Error('identify failed');
    return r.value.customerId;
  };
  const lastOrder = (id: string, at: string) =>
    t.database.db.execute(
      sql`update customer_profiles set last_order_at = ${at}::timestamptz where id = ${id}`,
    );
  const merge = async (a: string, b: string) => {
    const r = await customers.merge(ctx(), a, b, { reason: 'test', force: true });
    if (!r.ok) throw new Error('merge failed');
    return r.value;
  };
  const rootOf = async (id: string) => (await customers.resolveCluster(ctx(), id)).root.id;

  it('finds the customers whose newest order, on any member of their cluster, fell in the window', async () => {
    const from = new Date('2026-01-01T00:00:00Z');
    const to = new Date('2026-01-08T00:00:00Z');
    const lapsed = await person('lapsed@example.com');
    await lastOrder(lapsed, '2026-01-03T10:00:00Z');
    const recent = await person('recent@example.com');
    await lastOrder(recent, '2026-03-01T10:00:00Z');
    const old = await person('old@example.com');
    await lastOrder(old, '2025-06-01T10:00:00Z');
    // A cluster whose older member ordered in the window but whose other member ordered since: not lapsed.
    const a = await person('a@example.com');
    const b = await person('b@example.com');
    await lastOrder(a, '2026-01-05T00:00:00Z');
    await lastOrder(b, '2026-02-01T00:00:00Z');
    await merge(a, b);
    // A cluster whose newest order sits on a merged-in member, in the window: lapsed, named by its root.
    const c = await person('c@example.com');
    const d = await person('d@example.com');
    await lastOrder(d, '2026-01-06T00:00:00Z');
    await merge(c, d);
    const found = await customers.lastOrderedIn(ctx(), { from, to, after: null, limit: 100 });
    const cd = await rootOf(c);
    expect(found.map((x) => x.id).sort()).toEqual([lapsed, cd].sort());
    expect(found.find((x) => x.id === cd)?.lastOrderAt.toISOString()).toBe('2026-01-06T00:00:00.000Z');
    // Pages by id.
    const first = await customers.lastOrderedIn(ctx(), { from, to, after: null, limit: 1 });
    const second = await customers.lastOrderedIn(ctx(), { from, to, after: first[0]!.id, limit: 1 });
    expect([...first, ...second].map((x) => x.id)).toEqual(found.map((x) => x.id));
  });

  it("names the customers whose cluster's newest birthday falls on the month-days, with their zone", async () => {
    const at = (iso: string) => ({ at: new Date(iso) });
    const ana = await person('ana-bd@example.com');
    await customers.updateTraits(ctx(), ana, { traits: { birthday: '1990-05-17', timezone: 'Asia/Tokyo' } });
    const noYear = await person('noyear-bd@example.com');
    await customers.updateTraits(ctx(), noYear, { traits: { birthday: '--05-18' } });
    const other = await person('other-bd@example.com');
    await customers.updateTraits(ctx(), other, { traits: { birthday: '1990-06-17' } });
    const junk = await person('junk-bd@example.com');
    await customers.updateTraits(ctx(), junk, { traits: { birthday: '17/05/1990' } });
    // Two members with different birthdays: the newer one counts.
    const e = await person('e-bd@example.com');
    const f = await person('f-bd@example.com');
    await customers.updateTraits(ctx(), e, {
      traits: { birthday: '1980-05-17' },
      ...at('2026-01-01T00:00:00Z'),
    });
    await customers.updateTraits(ctx(), f, {
      traits: { birthday: '1980-07-01' },
      ...at('2026-02-01T00:00:00Z'),
    });
    await merge(e, f);
    const found = await customers.birthdaysOn(ctx(), ['05-17', '05-18']);
    expect(found).toEqual(
      [
        { id: ana, birthday: '1990-05-17', timeZone: 'Asia/Tokyo' },
        { id: noYear, birthday: '--05-18', timeZone: null },
      ].sort((x, y) => x.id.localeCompare(y.id)),
    );
    expect((await customers.birthdaysOn(ctx(), ['07-01'])).map((x) => x.id)).toEqual([await rootOf(e)]);
    expect(await customers.birthdaysOn(ctx(), [])).toEqual([]);
  });
});
