import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rows } from '../../platform/db/database.js';
import { describeEachDatabase } from '../../platform/testing/test-databases.js';
import { createOrdersModule, ordersMigrations } from './index.js';
import { pathTo, refuseTransition } from './order-state.js';
import type { NewOrder } from './orders.types.js';
import { checkReturn } from './returns.service.js';

describe('order state machine', () => {
  it('walks the main path and refuses the rest with the reason', () => {
    expect(pathTo('pending', 'allocated')).toEqual(['paid', 'allocated']);
    expect(pathTo('allocated', 'completed')).toEqual(['fulfilled', 'completed']);
    expect(pathTo('pending', 'fulfilled')).toEqual(['paid', 'allocated', 'fulfilled']);
    expect(refuseTransition('cancelled', 'paid')).toBe('the order is cancelled, which is final');
    expect(refuseTransition('fulfilled', 'cancelled')).toBe(
      'an order that is fulfilled can only become completed, refunded',
    );
    expect(pathTo('completed', 'pending')).toBeNull();
  });
});

const order = (over: Partial<NewOrder> = {}): NewOrder => ({
  channelId: 'chn_web',
  source: 'native',
  cartId: null,
  currency: 'EUR',
  lines: [{ sku: 'A', title: 'A', quantity: 3, unitPrice: 1000, discount: 0, tax: 0, total: 2999 }],
  totals: { items: 3000, discount: 1, shipping: 0, tax: 0, grand: 2999 },
  delivery: { type: 'carry_out' },
  ...over,
});

describeEachDatabase('orders', [ordersMigrations], (t) => {
  const m = createOrdersModule();

  it('places an order once per cart, each status step an event', async () => {
    const ctx = t.ctx();
    const first = await m.orders.placeOrder(ctx, order({ cartId: 'crt_1' }), {
      status: 'allocated',
      paidAmount: 2999,
    });
    expect(first.created).toBe(true);
    expect(first.order.history.map((h) => h.to)).toEqual(['pending', 'paid', 'allocated']);
    const again = await m.orders.placeOrder(ctx, order({ cartId: 'crt_1' }));
    expect(again).toMatchObject({ created: false, order: { id: first.order.id } });
    // Read the log directly: readEvents waits for the cluster-wide oldest transaction.
    const events = await rows<{ type: string }>(
      t.database.db,
      sql`select type from events where subject = ${first.order.id} order by position`,
    );
    expect(events.map((e) => e.type)).toEqual(['order.created', 'order.paid', 'order.allocated']);
  });

  it('refuses an illegal transition without writing', async () => {
    const ctx = t.ctx();
    const { order: o } = await m.orders.placeOrder(
      ctx,
      order({ externalSource: 'bol', externalId: 'X1', source: 'imported' }),
    );
    await m.orders.transition(ctx, o.id, 'cancelled', 'test');
    await expect(m.orders.transition(ctx, o.id, 'paid')).rejects.toMatchObject({
      code: 'illegal_transition',
      status: 409,
    });
    expect((await m.orders.getOrder(ctx, o.id)).status).toBe('cancelled');
  });

  it('gives a click & collect order its pickup code when it is placed', async () => {
    const ctx = t.ctx();
    const { order: o } = await m.orders.placeOrder(
      ctx,
      order({
        cartId: 'crt_pickup',
        delivery: { type: 'pickup', locationId: 'loc_store', locationName: null },
        pickup: { locationId: 'loc_store', expiresAt: null },
      }),
    );
    expect(o.pickup).toMatchObject({
      locationId: 'loc_store',
      code: expect.stringMatching(/^[2-9A-HJKMNP-Z]{8}$/),
    });
    expect((await m.orders.getOrder(ctx, o.id)).pickup?.code).toBe(o.pickup?.code);
    const shipped = await m.orders.placeOrder(ctx, order({ cartId: 'crt_ship' }));
    expect(shipped.order.pickup).toBeNull();
  });

  it('marks a pending order paid by intent, and refuses to mark it paid twice', async () => {
    const ctx = t.ctx();
    const { order: o } = await m.orders.placeOrder(ctx, order({ cartId: 'crt_pay' }));
    const paid = await m.orders.markPaid(ctx, o, 2999);
    expect(paid).toMatchObject({ status: 'allocated', paidAmount: 2999 });
    expect(paid.history.map((h) => h.to)).toEqual(['pending', 'paid', 'allocated']);
    await expect(m.orders.markPaid(ctx, paid, 1)).rejects.toMatchObject({
      code: 'illegal_transition',
      status: 409,
    });
    expect((await m.orders.getOrder(ctx, o.id)).paidAmount).toBe(2999);
  });

  it('cancels by intent, recording what was refunded', async () => {
    const ctx = t.ctx();
    const { order: o } = await m.orders.placeOrder(ctx, order({ cartId: 'crt_cancel' }), {
      status: 'allocated',
      paidAmount: 2999,
    });
    const cancelled = await m.orders.cancel(ctx, o, 'changed my mind', { refunded: 2999 });
    expect(cancelled).toMatchObject({ status: 'cancelled', refundedAmount: 2999 });
    expect(cancelled.history.at(-1)).toMatchObject({
      from: 'allocated',
      to: 'cancelled',
      reason: 'changed my mind',
    });
    await expect(m.orders.cancel(ctx, cancelled, 'again')).rejects.toMatchObject({
      code: 'illegal_transition',
    });
  });

  it('prices returns exactly: every unit back refunds the line total, never more than delivered', () => {
    const base = {
      id: 'ord_x',
      status: 'completed' as const,
      lines: [
        {
          lineId: 'L1',
          sku: 'A',
          title: 'A',
          quantity: 3,
          unitPrice: 1000,
          discount: 1,
          tax: 0,
          total: 2999,
          fulfilledQuantity: 3,
          returnedQuantity: 0,
        },
      ],
    };
    const one = checkReturn(base as never, [{ sku: 'A', quantity: 1 }]);
    const three = checkReturn(base as never, [{ sku: 'A', quantity: 3 }]);
    expect(one.ok && one.value[0]!.refundAmount).toBe(999);
    expect(three.ok && three.value[0]!.refundAmount).toBe(2999);
    expect(checkReturn(base as never, [{ sku: 'A', quantity: 4 }])).toMatchObject({
      ok: false,
      reason: 'return_exceeds_purchase',
      returnable: 3,
    });
    expect(checkReturn(base as never, [{ sku: 'B', quantity: 1 }])).toMatchObject({
      ok: false,
      reason: 'unknown_sku',
    });
    expect(checkReturn(base as never, [{ sku: 'A', quantity: 1, disposition: 'write_off' }])).toMatchObject({
      ok: false,
      reason: 'write_off_needs_reason',
    });
  });
});
