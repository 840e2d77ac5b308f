// The restock decision in memory: oldest waiting allocation first, from its channel's locations in
// sourcing order, as far as the free stock goes; deciding again on the result decides nothing.
import { describe, expect, it } from 'vitest';
import type { Reservation } from './inventory.types.js';
import { decideRestock, type RestockState, servingOrder } from './restock-decision.js';

const now = new Date('2026-01-01T00:00:00Z');
const waiting = (id: string, channelId: string, quantity: number, lines: Reservation['lines'] = []) =>
  ({
    id,
    kind: 'cart_hold',
    status: 'allocated',
    channelId,
    sku: 'S',
    quantity,
    lines,
    idempotencyKey: null,
    reference: `ord_${id}`,
    expiresAt: null,
    createdBy: 'key',
    createdAt: now,
    updatedAt: now,
  }) satisfies Reservation;

describe('decideRestock', () => {
  const state: RestockState = {
    levels: [
      { locationId: 'wh', onHand: 3, reserved: 1 },
      { locationId: 'shop', onHand: 1, reserved: 0 },
      { locationId: 'far', onHand: 5, reserved: 0 },
    ],
    sourcing: [
      { channelId: 'web', locationId: 'wh', safetyBuffer: 10 },
      { channelId: 'web', locationId: 'shop', safetyBuffer: 10 },
      { channelId: 'pos', locationId: 'far', safetyBuffer: 0 },
    ],
    waiting: [waiting('a', 'web', 3, [{ locationId: 'wh', quantity: 1 }]), waiting('b', 'web', 2)],
  };

  it('fills the oldest first across its channel locations, ignoring the safety buffer', () => {
    const d = decideRestock(state, 'S', now);
    expect(d.allocated.map((a) => [a.reservation.id, a.reservation.lines, a.added])).toEqual([
      ['a', [{ locationId: 'wh', quantity: 3 }], [{ locationId: 'wh', quantity: 2 }]],
      ['b', [{ locationId: 'shop', quantity: 1 }], [{ locationId: 'shop', quantity: 1 }]],
    ]);
    expect([...d.reservedByLocation]).toEqual([
      ['wh', 2],
      ['shop', 1],
    ]);
    expect(d.events.map((e) => e.type)).toEqual([
      'inventory.reservation_allocated',
      'inventory.reservation_allocated',
      'inventory.stock_changed',
    ]);
  });

  it('decides nothing on the numbers it wrote', () => {
    const d = decideRestock(state, 'S', now);
    const after: RestockState = {
      ...state,
      levels: state.levels.map((l) => ({
        ...l,
        reserved: l.reserved + (d.reservedByLocation.get(l.locationId) ?? 0),
      })),
      waiting: d.allocated.map((a) => a.reservation).filter((r) => r.id === 'b'),
    };
    const again = decideRestock(after, 'S', now);
    expect(again).toMatchObject({ allocated: [], movements: [], events: [] });
  });

  it('takes a pickup order only at its store, and leaves one waiting when told', () => {
    const d = decideRestock(
      state,
      'S',
      now,
      new Map([
        ['a', 'shop'],
        ['b', null],
      ]),
    );
    expect(d.allocated.map((a) => [a.reservation.id, a.added])).toEqual([
      ['a', [{ locationId: 'shop', quantity: 1 }]],
    ]);
  });

  it('serves orders by when they were placed, not by the age of their allocation', () => {
    const later = new Date('2026-01-02T00:00:00Z');
    const placed = new Map([
      ['a', later],
      ['b', now],
    ]);
    expect(servingOrder(state.waiting, placed).map((r) => r.id)).toEqual(['b', 'a']);
    const d = decideRestock(state, 'S', now, new Map(), placed);
    expect(d.allocated.map((a) => [a.reservation.id, a.added])).toEqual([
      ['b', [{ locationId: 'wh', quantity: 2 }]],
      ['a', [{ locationId: 'shop', quantity: 1 }]],
    ]);
  });
});
