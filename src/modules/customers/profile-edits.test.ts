import { expect, it } from 'vitest';
import { ManualClock } from '../../kernel/index.js';
import { readWrittenEvents } from '../../platform/testing/read-written-events.js';
import { describeEachDatabase } from '../../platform/testing/test-databases.js';
import { createCustomersService, customersMigrations } from './index.js';

describeEachDatabase('customer edits by id, once per ref', [customersMigrations], (t) => {
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
  const entries = async (id: string, kind: string) =>
    (await customers.timeline(ctx(), id, { limit: 200 })).items.filter((e) => e.name === kind);

  it('a tag with a once-ref is added once: a repeat of the ref changes nothing, even after removal', async () => {
    const id = await person('once-tag@example.com');
    const once = { kind: 'workflow.tag', ref: 'customer.tag:wfr_1:evt_1', channelId: 'chn_store' };
    const first = await customers.changeTags(ctx(), id, { add: ['vip'], channelId: 'chn_store', once });
    expect(first).toMatchObject({ added: ['vip'], repeated: false });
    await customers.changeTags(ctx(), id, { remove: ['vip'] });
    const replay = await customers.changeTags(ctx(), id, { add: ['vip'], channelId: 'chn_store', once });
    expect(replay).toMatchObject({ added: [], tags: [], repeated: true });
    expect(await entries(id, 'workflow.tag')).toHaveLength(1);
    const changes = await readWrittenEvents(t.database.db, { types: ['customer.tags_changed'], subject: id });
    expect(changes.map((e) => e.payload)).toEqual([
      { profileId: id, added: ['vip'], removed: [] },
      { profileId: id, added: [], removed: ['vip'] },
    ]);
  });

  it('traits with a once-ref are set once, newest-wins at the given time, and the entry counts as seen', async () => {
    const id = await person('once-traits@example.com');
    const at = new Date('2026-04-01T12:00:00Z');
    const once = {
      kind: 'workflow.update',
      ref: 'customer.update:wfr_1:evt_2',
      channelId: 'chn_store',
      occurredAt: at,
    };
    const first = await customers.updateTraits(ctx(), id, {
      traits: { tier: 'gold' },
      channelId: 'chn_store',
      at,
      once,
    });
    expect(first).toMatchObject({ changed: ['tier'], repeated: false });
    await customers.updateTraits(ctx(), id, {
      traits: { tier: 'silver' },
      at: new Date('2026-04-02T00:00:00Z'),
    });
    const replay = await customers.updateTraits(ctx(), id, { traits: { tier: 'gold' }, at, once });
    expect(replay).toMatchObject({ changed: [], repeated: true });
    const view = await customers.view(ctx(), id);
    expect(view.traits.tier).toEqual({ value: 'silver', channelId: null, at: '2026-04-02T00:00:00.000Z' });
    expect(view.computed.channels.map((c) => c.channelId)).toContain('chn_store');
    expect(await entries(id, 'workflow.update')).toHaveLength(1);
  });

  it('an erased customer is not found and nothing is written', async () => {
    const id = await person('erased-edit@example.com');
    await customers.eraseCustomer(ctx(), id);
    await expect(customers.changeTags(ctx(), id, { add: ['x'] })).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(customers.updateTraits(ctx(), id, { traits: { a: 1 } })).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});
