// A run of paid orders earns in one short transaction whose statements do not grow with the run: the
// same entries, tiers and events as earning them one by one in the given order, each order once.
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { inTransaction } from '../../platform/context.js';
import { rows } from '../../platform/db/database.js';
import { countedDb } from '../../platform/testing/counted-db.js';
import { describeEachDatabase } from '../../platform/testing/test-databases.js';
import { createWalletService, type EarnRequest, type LoyaltyRules, walletMigrations } from './index.js';

const rules: LoyaltyRules = {
  enabled: true,
  pointsPerUnit: 1,
  channels: {},
  categories: {},
  tiers: [{ code: 'silver', name: 'Silver', threshold: 100, multiplier: 2 }],
  pointValue: {},
  pointsExpireAfterDays: null,
};

const req = (orderId: string, customerId: string, paid: number): EarnRequest => ({
  customerId,
  orderId,
  channelId: 'chn_web',
  paid,
  currency: 'EUR',
  order: { grand: paid, lines: [{ sku: 'SKU-A', quantity: 2, amount: paid, categories: [] }] },
});

describeEachDatabase('wallet: a run of paid orders earns at once', [walletMigrations], (t) => {
  const wallet = createWalletService();

  it('earns in order (a later order at the tier an earlier reached), each order once, in 3 statements', async () => {
    const ctx = t.ctx();
    await wallet.earnPoints(ctx, { ...req('ord_run_0', 'cus_run_old', 1000), rules }); // 10 points
    const run = [
      req('ord_run_1', 'cus_run_new', 12_000), // opens the account: 120 points, reaches silver
      req('ord_run_0', 'cus_run_old', 1000), // earned before: nothing
      req('ord_run_2', 'cus_run_new', 1000), // at silver: 20 points
      req('ord_run_3', 'cus_run_old', 5000), // 50 points
      req('ord_run_2', 'cus_run_new', 1000), // twice in the run: once
    ];
    let statements = 0;
    const entries = await inTransaction(ctx, async (tx) => {
      const counted = countedDb(tx.db);
      const out = await wallet.earnForOrders({ ...tx, db: counted.db }, run, rules);
      statements = counted.count();
      return out;
    });
    // Opening what is missing, the accounts locked and read, the write (events go with the commit).
    expect(statements).toBe(3);
    expect(entries.map((e) => (e ? [e.orderId, e.amount, e.balanceAfter] : null))).toEqual([
      ['ord_run_1', 120, 120],
      null,
      ['ord_run_2', 20, 140],
      ['ord_run_3', 50, 60],
      null,
    ]);
    expect(entries[0]!.lines).toEqual([{ sku: 'SKU-A', quantity: 2, points: 120 }]);
    expect(await wallet.pointsAccountOf(ctx, 'cus_run_new')).toMatchObject({
      balance: 140,
      lifetime: 140,
      tier: 'silver',
    });
    expect(await wallet.pointsAccountOf(ctx, 'cus_run_old')).toMatchObject({ balance: 60, tier: null });
    const newId = (await wallet.pointsAccountOf(ctx, 'cus_run_new'))!.id;
    const events = await rows<{ type: string; payload: Record<string, unknown> }>(
      t.database.db,
      sql`select type, payload from events where subject = ${newId} order by position`,
    );
    expect(events.map((e) => [e.type, e.payload.balance ?? e.payload.tier ?? null])).toEqual([
      ['wallet.account_opened', null],
      ['wallet.credited', 120],
      ['loyalty.tier_reached', 'silver'],
      ['wallet.credited', 140],
    ]);
    // The same run again (a replayed batch of events) writes nothing.
    expect(await wallet.earnForOrders(ctx, run, rules)).toEqual([null, null, null, null, null]);
    expect((await wallet.pointsAccountOf(ctx, 'cus_run_new'))!.balance).toBe(140);
  });
});
