import { describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../platform/testing/test-databases.js';
import { cartsMigrations, createCartsService, parseHandoff, planMerge } from './index.js';

describeEachDatabase('carts', [cartsMigrations], (t) => {
  const carts = createCartsService();
  const hold = (id: string, quantity: number) => ({ reservationId: id, quantity, expiresAt: null });

  it('merges by strategy and says what happened', async () => {
    const ctx = t.ctx();
    const mine = await carts.createCart(ctx, { channelId: 'chn_web', currency: 'EUR', profileId: 'cus_1' });
    const anon = await carts.createCart(ctx, { channelId: 'chn_app', currency: 'EUR', anonymousId: 'dev-1' });
    const a = (
      await carts.addLine(ctx, mine, {
        sku: 'TEE',
        title: 'Tee',
        quantity: 1,
        unitPrice: 1990,
        holds: [hold('r1', 1)],
      })
    ).cart;
    let b = (
      await carts.addLine(ctx, anon, {
        sku: 'TEE',
        title: 'Tee',
        quantity: 2,
        unitPrice: 1990,
        holds: [hold('r2', 2)],
      })
    ).cart;
    b = (await carts.addLine(ctx, b, { sku: 'MUG', title: 'Mug', quantity: 1, unitPrice: 1200, holds: [] }))
      .cart;

    const both = planMerge([a, b], 'cus_1', 'keep_both');
    expect(both.outcome.keptCartIds.sort()).toEqual([a.id, b.id].sort());
    const newest = planMerge([a, b], 'cus_1', 'keep_newest');
    expect(newest.outcome).toMatchObject({ cartId: b.id, mergedCartIds: [a.id] });
    expect(newest.retired.map((c) => c.id)).toEqual([a.id]);

    const merged = await carts.mergeCarts(ctx, [a, b], 'cus_1', 'merge_lines');
    expect(merged.outcome).toMatchObject({
      strategy: 'merge_lines',
      cartId: a.id,
      mergedCartIds: [b.id],
      linesAdded: [{ sku: 'MUG', quantity: 1, fromCartId: b.id }],
      quantitiesCombined: [{ sku: 'TEE', quantity: 3 }],
    });
    expect(merged.cart!.lines.find((l) => l.sku === 'TEE')).toMatchObject({
      quantity: 3,
      holdStatus: 'held',
    });
    expect((await carts.getCart(ctx, b.id)).status).toBe('merged');
  });

  it('reprices on another channel, listing what changed; stale writes are refused', async () => {
    const ctx = t.ctx();
    let cart = await carts.createCart(ctx, { channelId: 'chn_web', currency: 'EUR' });
    cart = (
      await carts.addLine(ctx, cart, { sku: 'TEE', title: 'Tee', quantity: 1, unitPrice: 1990, holds: [] })
    ).cart;
    cart = (
      await carts.addLine(ctx, cart, { sku: 'HAT', title: 'Hat', quantity: 1, unitPrice: 900, holds: [] })
    ).cart;
    const moved = await carts.reprice(ctx, cart, {
      channelId: 'chn_sto',
      currency: 'SEK',
      prices: new Map([
        ['TEE', { unitPrice: 22900 }],
        ['HAT', null],
      ]),
    });
    expect(moved.changes.map((c) => [c.sku, c.change])).toEqual([
      ['TEE', 'currency_changed'],
      ['HAT', 'not_sold_on_channel'],
    ]);
    expect(moved.cart).toMatchObject({ currency: 'SEK', itemsTotal: 22900 });
    await expect(carts.removeLine(ctx, cart, cart.lines[0]!.lineId)).rejects.toMatchObject({
      code: 'cart_changed',
    });
    expect(await carts.findByHandoffCode(ctx, moved.cart.handoff.qrPayload)).toMatchObject({ id: cart.id });
  });
});

describe('handoff codes', () => {
  it('accept a typed code with spaces or a scanned QR payload', () => {
    expect(parseHandoff(' ab3-k9p ')).toBe('AB3K9P');
    expect(parseHandoff('omnihub:cart:AB3K9P')).toBe('AB3K9P');
  });
});
