// Random interleavings of reserve, release, expire, adjust, sale, transfer, allocate and fulfil,
// run concurrently, must keep the invariants: on-hand ≥ 0, reserved ≤ on-hand, the ledger sums
// equal the levels, and reserved equals what the live reservations hold at locations (a backorder's
// units beyond the stock are held at none, and only when the request allowed them).
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { ManualClock } from '../../kernel/index.js';
import { rows } from '../../platform/db/database.js';
import { describeEachDatabase } from '../../platform/testing/test-databases.js';
import { backorderedOf, createInventoryService, inventoryMigrations } from './index.js';

const LOCATIONS = ['p-wh', 'p-s1', 'p-s2'] as const;
const CHANNELS = ['chn_p_web', 'chn_p_market', 'chn_p_till'] as const;

const op = fc.oneof(
  fc.record({
    type: fc.constant('reserve' as const),
    channel: fc.constantFrom(...CHANNELS),
    sku: fc.constantFrom('A', 'B'),
    quantity: fc.integer({ min: 1, max: 6 }),
    kind: fc.constantFrom('cart_hold' as const, 'pickup_hold' as const, 'order_allocation' as const),
    ttl: fc.integer({ min: 1, max: 120 }),
    allowPartial: fc.boolean(),
    key: fc.option(fc.constantFrom('k1', 'k2', 'k3'), { nil: undefined }),
    // A backorder or pre-order: units beyond the stock, held at no location.
    beyond: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
  }),
  fc.record({ type: fc.constant('release' as const), pick: fc.nat(), twice: fc.boolean() }),
  fc.record({ type: fc.constant('allocate' as const), pick: fc.nat() }),
  fc.record({ type: fc.constant('fulfil' as const), pick: fc.nat() }),
  fc.record({ type: fc.constant('expire' as const), advanceSeconds: fc.integer({ min: 0, max: 90 }) }),
  fc.record({
    type: fc.constant('adjust' as const),
    kind: fc.constantFrom('receive' as const, 'damage' as const, 'sale' as const, 'count' as const),
    sku: fc.constantFrom('A', 'B'),
    location: fc.constantFrom(...LOCATIONS),
    quantity: fc.integer({ min: 1, max: 8 }),
  }),
  fc.record({
    type: fc.constant('transfer' as const),
    sku: fc.constantFrom('A', 'B'),
    from: fc.constantFrom(...LOCATIONS),
    to: fc.constantFrom(...LOCATIONS),
    quantity: fc.integer({ min: 1, max: 5 }),
  }),
);

describeEachDatabase('inventory invariants (property)', [inventoryMigrations], (t) => {
  const inventory = createInventoryService();
  const clock = new ManualClock('2026-04-01T00:00:00Z');

  beforeAll(async () => {
    const ctx = t.ctx({ clock });
    for (const code of LOCATIONS) {
      await inventory.createLocation(ctx, {
        code,
        name: code,
        type: code === 'p-wh' ? 'warehouse' : 'store',
      });
    }
    await inventory.setSourcing(ctx, 'chn_p_web', { locationIds: ['p-wh', 'p-s1', 'p-s2'] });
    await inventory.setSourcing(ctx, 'chn_p_market', { locationIds: ['p-wh'], safetyBuffer: 2 });
    await inventory.setSourcing(ctx, 'chn_p_till', { locationIds: ['p-s1'] });
  });

  it('keeps stock invariants under random concurrent interleavings', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(op, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 }),
        async (rounds) => {
          run++;
          const ctx = t.ctx({ clock });
          const prefix = `r${run}-${Date.now().toString(36)}-`;
          const reservationIds: string[] = [];
          const pick = (n: number) => reservationIds[n % Math.max(reservationIds.length, 1)];
          await inventory.setOnHand(ctx, { sku: `${prefix}A`, locationCode: 'p-wh', quantity: 5 });
          await inventory.setOnHand(ctx, { sku: `${prefix}B`, locationCode: 'p-s1', quantity: 3 });
          for (const round of rounds) {
            // The operations of a round run at the same time: the group commit, the sweeper and the
            // adjustments race for the same rows.
            await Promise.all(
              round.map(async (o) => {
                switch (o.type) {
                  case 'reserve': {
                    const r = await inventory
                      .reserve(
                        ctx,
                        {
                          sku: `${prefix}${o.sku}`,
                          quantity: o.quantity,
                          channelId: o.channel,
                          kind: o.kind,
                          ttlSeconds: o.ttl,
                          allowPartial: o.allowPartial,
                          ...(o.key ? { idempotencyKey: `${prefix}${o.key}` } : {}),
                        },
                        o.beyond ? { beyondStock: o.beyond } : {},
                      )
                      .catch((e: { code?: string }) => {
                        if (e.code === 'idempotency_key_reused') return null;
                        throw e;
                      });
                    if (!r?.ok) return;
                    reservationIds.push(r.value.reservation.id);
                    // Units beyond the stock only where allowed, and never more than allowed.
                    const beyond = backorderedOf(r.value.reservation);
                    if (!r.value.replayed) expect(beyond).toBeLessThanOrEqual(o.beyond ?? 0);
                    expect(beyond).toBeGreaterThanOrEqual(0);
                    return;
                  }
                  case 'release': {
                    const id = pick(o.pick);
                    if (!id) return;
                    await inventory.release(ctx, id).catch(expectConflict);
                    if (o.twice) await inventory.release(ctx, id).catch(expectConflict);
                    return;
                  }
                  case 'allocate': {
                    const id = pick(o.pick);
                    if (id) await inventory.allocate(ctx, id).catch(expectConflict);
                    return;
                  }
                  case 'fulfil': {
                    const id = pick(o.pick);
                    if (id) await inventory.fulfil(ctx, id).catch(expectConflict);
                    return;
                  }
                  case 'expire':
                    clock.advance(o.advanceSeconds * 1000);
                    await inventory.expireHolds(ctx);
                    return;
                  case 'adjust':
                    await inventory.adjust(ctx, {
                      kind: o.kind,
                      sku: `${prefix}${o.sku}`,
                      location: o.location,
                      quantity: o.quantity,
                    });
                    return;
                  case 'transfer':
                    if (o.from === o.to) return;
                    await inventory.transfer(ctx, {
                      sku: `${prefix}${o.sku}`,
                      from: o.from,
                      to: o.to,
                      quantity: o.quantity,
                    });
                    return;
                }
              }),
            );
          }
          await checkInvariants(prefix);
        },
      ),
      { numRuns: t.kind === 'postgres' ? 25 : 30 },
    );
  });

  async function checkInvariants(prefix: string) {
    const db = t.database.db;
    const like = `${prefix}%`;
    const broken = await rows(
      db,
      sql`select sku, location_id, on_hand, reserved from inventory_levels
          where sku like ${like} and (on_hand < 0 or reserved < 0 or reserved > on_hand)`,
    );
    expect(broken).toEqual([]);
    const ledgerDrift = await rows(
      db,
      sql`select l.sku, l.location_id, l.on_hand, l.reserved, m.oh, m.r from inventory_levels l
          left join (select sku, location_id, sum(on_hand_delta)::int as oh, sum(reserved_delta)::int as r
                     from inventory_movements where sku like ${like} group by sku, location_id) m using (sku, location_id)
          where l.sku like ${like} and (l.on_hand <> coalesce(m.oh, 0) or l.reserved <> coalesce(m.r, 0))`,
    );
    expect(ledgerDrift).toEqual([]);
    const reservedDrift = await rows(
      db,
      sql`select l.sku, l.location_id, l.reserved, h.held from inventory_levels l
          left join (select r.sku, line->>'locationId' as location_id, sum((line->>'quantity')::int)::int as held
                     from inventory_reservations r, jsonb_array_elements(r.lines) as line
                     where r.sku like ${like} and r.status in ('held', 'allocated')
                     group by r.sku, line->>'locationId') h using (sku, location_id)
          where l.sku like ${like} and l.reserved <> coalesce(h.held, 0)`,
    );
    expect(reservedDrift).toEqual([]);
  }
});

/** A transition from a final state (e.g. fulfilling a released reservation) is a clean conflict. */
function expectConflict(e: { code?: string }): void {
  if (e.code !== 'reservation_transition_refused') throw e;
}
