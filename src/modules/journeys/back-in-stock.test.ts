// Back-in-stock subscriptions' double opt-in rules at the storage level: one live (pending or active)
// subscription per customer, variant and channel; a pending one past its window is replaced; its
// confirmation mail is claimed at most once per resend window and five times an hour per address;
// confirming works once and only within the window; stock never takes a pending one.
import { expect, it } from 'vitest';
import { ManualClock } from '../../kernel/index.js';
import { describeEachDatabase } from '../../platform/testing/test-databases.js';
import {
  CONFIRM_WINDOW_MS,
  CONFIRMATIONS_PER_HOUR,
  createBackInStockService,
  journeysMigrations,
  RESEND_AFTER_MS,
} from './index.js';

const service = createBackInStockService();

describeEachDatabase('back-in-stock double opt-in', [journeysMigrations], (t) => {
  const clock = new ManualClock('2026-03-01T10:00:00Z');
  const ctx = () => t.ctx({ clock });
  const sub = (customerId: string, sku: string, pending = true) =>
    service.subscribe(ctx(), { customerId, sku, channelId: 'chn_web', vars: { product: sku }, pending });

  it('claims a confirmation once per window, and at most five an hour per address', async () => {
    const first = await sub('cus_ana', 'SKU-1');
    expect(first).toMatchObject({ status: 'pending_confirmation' });
    expect(first.expiresAt!.getTime() - clock.now().getTime()).toBe(CONFIRM_WINDOW_MS);
    expect(await service.claimConfirmation(ctx(), first.id)).toBe(true);
    expect((await sub('cus_ana', 'SKU-1')).id).toBe(first.id);
    expect(await service.claimConfirmation(ctx(), first.id)).toBe(false);
    clock.advance(RESEND_AFTER_MS + 1);
    expect(await service.claimConfirmation(ctx(), first.id)).toBe(true);
    const claims: boolean[] = [];
    for (let i = 2; i <= CONFIRMATIONS_PER_HOUR + 1; i++)
      claims.push(await service.claimConfirmation(ctx(), (await sub('cus_ana', `SKU-${i}`)).id));
    // SKU-1's claim counts: four more go, the fifth and sixth variant wait for the hour.
    expect(claims).toEqual([true, true, true, true, false]);
    // Another address is not held back by this one.
    expect(await service.claimConfirmation(ctx(), (await sub('cus_bo', 'SKU-1')).id)).toBe(true);
  });

  it('confirms once within the window; stock takes active subscriptions only', async () => {
    const pending = await sub('cus_cleo', 'SKU-C');
    expect(await service.takeAvailable(ctx(), [{ sku: 'SKU-C', channelId: 'chn_web' }])).toHaveLength(0);
    const confirmed = await service.confirm(ctx(), pending.id);
    expect(confirmed).toMatchObject({ status: 'active', expiresAt: null });
    expect(confirmed!.confirmedAt).toEqual(clock.now());
    expect(await service.confirm(ctx(), pending.id)).toBeNull();
    const taken = await service.takeAvailable(ctx(), [{ sku: 'SKU-C', channelId: 'chn_web' }]);
    expect(taken.map((s) => s.id)).toEqual([pending.id]);
  });

  it('lets a pending subscription expire, and replaces it on a new request', async () => {
    const old = await sub('cus_dan', 'SKU-D');
    clock.advance(CONFIRM_WINDOW_MS);
    expect(await service.confirm(ctx(), old.id)).toBeNull();
    const renewed = await sub('cus_dan', 'SKU-D');
    expect(renewed.id).not.toBe(old.id);
    expect((await service.find(ctx(), old.id))!.status).toBe('expired');
    expect(await service.confirm(ctx(), renewed.id)).toMatchObject({ status: 'active' });
  });

  it('makes a pending subscription active at once for a signed-in request, and keeps an active one active', async () => {
    const pending = await sub('cus_eve', 'SKU-E');
    const active = await sub('cus_eve', 'SKU-E', false);
    expect(active).toMatchObject({ id: pending.id, status: 'active', expiresAt: null });
    expect(await sub('cus_eve', 'SKU-E')).toMatchObject({ id: pending.id, status: 'active' });
  });

  it('keeps the address a live subscription was asked for: the first typed, until its owner signs in', async () => {
    const typed = (customerId: string, sku: string, addressHash: string | null, pending = true) =>
      service.subscribe(ctx(), { customerId, sku, channelId: 'chn_web', vars: {}, addressHash, pending });
    const fay = await typed('cus_shared', 'SKU-F', 'hash-fay');
    expect(fay).toMatchObject({ status: 'pending_confirmation', addressHash: 'hash-fay' });
    // Another address typed on the same profile changes nothing while Fay's is live.
    expect(await typed('cus_shared', 'SKU-F', 'hash-gus')).toMatchObject({
      id: fay.id,
      addressHash: 'hash-fay',
    });
    // The profile's own (signed-in) request activates it as theirs: no typed address to keep to.
    expect(await typed('cus_shared', 'SKU-F', null, false)).toMatchObject({
      id: fay.id,
      status: 'active',
      addressHash: null,
    });
    expect(await typed('cus_shared', 'SKU-F', 'hash-gus')).toMatchObject({
      status: 'active',
      addressHash: null,
    });
    // Confirmed by Fay's link: active, still hers, whatever is typed next.
    const own = await typed('cus_shared', 'SKU-G', 'hash-fay');
    await service.confirm(ctx(), own.id);
    expect(await typed('cus_shared', 'SKU-G', 'hash-gus')).toMatchObject({
      status: 'active',
      addressHash: 'hash-fay',
    });
  });
});
