// The wallet's ledger on both databases: balances never below zero, concurrent spends of the same
// balance (exactly as many win as it covers), repeats written once, points by the rules with tiers,
// reversals capped, code look-ups limited.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../kernel/index.js';
import { inTransaction } from '../../platform/context.js';
import { rows } from '../../platform/db/database.js';
import { countedDb } from '../../platform/testing/counted-db.js';
import { describeEachDatabase } from '../../platform/testing/test-databases.js';
import { paymentsMigrations } from '../payments/index.js';
import {
  CODE_LOOKUP_LIMIT,
  categoryRate,
  createWalletService,
  type LoyaltyRules,
  nextTier,
  pointsEarned,
  pointsForMoney,
  tierFor,
  walletMigrations,
} from './index.js';

const rules: LoyaltyRules = {
  enabled: true,
  pointsPerUnit: 1,
  channels: { chn_app: 2, chn_marketplace: 0 },
  categories: {},
  tiers: [
    { code: 'silver', name: 'Silver', threshold: 100, multiplier: 1.5 },
    { code: 'gold', name: 'Gold', threshold: 500, multiplier: 2 },
  ],
  pointValue: { SEK: 10 },
  pointsExpireAfterDays: null,
};

describe('loyalty rules', () => {
  it('earns per whole unit paid at the channel rate times the tier multiplier, rounded down', () => {
    expect(pointsEarned(rules, 'chn_web', 12_345, null)).toBe(123);
    expect(pointsEarned(rules, 'chn_app', 12_345, null)).toBe(246);
    expect(pointsEarned(rules, 'chn_marketplace', 12_345, null)).toBe(0);
    expect(pointsEarned(rules, 'chn_web', 10_000, 'silver')).toBe(150);
    expect(pointsEarned({ ...rules, enabled: false }, 'chn_web', 10_000, null)).toBe(0);
  });
  it('earns per category on each line’s share of what was paid; excluded categories earn none', () => {
    const byCategory = { ...rules, categories: { 'gift-cards': 0, apparel: 3, 'apparel/outlet': 0.5 } };
    const order = {
      grand: 40_000,
      lines: [
        { amount: 10_000, categories: ['apparel/hats'] }, // the parent's rule: 3 a unit → 300
        { amount: 10_000, categories: ['apparel/outlet/socks'] }, // the most specific: 0.5 → 50
        { amount: 10_000, categories: ['gift-cards', 'apparel'] }, // excluded wins → 0
        { amount: 5_000, categories: ['books'] }, // no rule: the channel rate, 1 → 50
      ], // the rest (5,000 shipping) at the channel rate → 50
    };
    expect(pointsEarned(byCategory, 'chn_web', 40_000, null, order)).toBe(450);
    expect(categoryRate(byCategory, ['apparel/hats'])).toBe(3);
    expect(categoryRate(byCategory, ['books'])).toBeUndefined();
    // Half paid from the wallet: every line earns on half of itself.
    expect(pointsEarned(byCategory, 'chn_web', 20_000, null, order)).toBe(225);
    // On the app (2 a unit) category rates still replace the channel's; books and shipping earn 2.
    expect(pointsEarned(byCategory, 'chn_app', 40_000, null, order)).toBe(550);
    // A channel that earns none earns none on any category; tiers multiply category points too.
    expect(pointsEarned(byCategory, 'chn_marketplace', 40_000, null, order)).toBe(0);
    expect(pointsEarned(byCategory, 'chn_web', 40_000, 'gold', order)).toBe(900);
    // Without category rules the lines change nothing.
    expect(pointsEarned(rules, 'chn_web', 40_000, null, order)).toBe(400);
  });
  it('reaches the highest tier whose threshold lifetime points pass, and tells the next', () => {
    expect(tierFor(rules, 99)).toBeNull();
    expect(tierFor(rules, 100)?.code).toBe('silver');
    expect(tierFor(rules, 900)?.code).toBe('gold');
    expect(nextTier(rules, 120)).toMatchObject({ tier: { code: 'gold' }, pointsToGo: 380 });
    expect(nextTier(rules, 500)).toBeNull();
  });
  it('prices a tender in points at the currency’s point value, rounded up', () => {
    expect(pointsForMoney(rules, 'EUR', 250)).toBe(250);
    expect(pointsForMoney(rules, 'SEK', 251)).toBe(26);
  });
});

describeEachDatabase('wallet ledger', [paymentsMigrations, walletMigrations], (t) => {
  const wallet = createWalletService();

  it('issues a gift card whose code is stored only as a hash, and finds it by the code as typed', async () => {
    const ctx = t.ctx();
    const { account, code } = await wallet.issueGiftCard(ctx, {
      amount: 5000,
      currency: 'EUR',
      channelId: null,
    });
    expect(code).toMatch(/^GC-[A-Z2-9]{16}$/);
    expect(account).toMatchObject({ kind: 'gift_card', balance: 5000, codeHint: code.slice(-4) });
    const stored = await rows<Record<string, unknown>>(
      t.database.db,
      sql`select * from wallet_accounts where id = ${account.id}`,
    );
    expect(JSON.stringify(stored)).not.toContain(code);
    const found = await wallet.findByCode(ctx, ` ${code.toLowerCase()} `, 'caller-1');
    expect(found.id).toBe(account.id);
  });

  it('points expire by the rules, oldest spent first, once a day, with a ledger entry and an event', async () => {
    const day = 86_400_000;
    const t0 = Date.now() - 100 * day; // long before every other test's entries
    const at = (d: number) => ({ ...t.ctx(), clock: { now: () => new Date(t0 + d * day) } });
    await wallet.setRules(t.ctx(), { ...rules, channels: {}, tiers: [], pointsExpireAfterDays: 30 });
    try {
      const earn = (d: number, orderId: string, paid: number) =>
        wallet.earnPoints(at(d), {
          customerId: 'cus_expiry',
          orderId,
          channelId: 'chn_web',
          paid,
          currency: 'EUR',
        });
      const first = await earn(0, 'ord_exp_1', 10_000); // 100 points on day 0
      await earn(10, 'ord_exp_2', 5_000); // 50 on day 10
      const spent = await wallet.debit(at(20), { accountId: first!.accountId, amount: 30, ref: 'exp:spend' });
      expect(spent.ok).toBe(true);
      expect(await wallet.expirePoints(at(25))).toBe(0); // nothing is 30 days old yet
      expect(await wallet.expirePoints(at(35))).toBe(1); // day 0's 100, less the 30 spent
      expect((await wallet.getAccount(t.ctx(), first!.accountId)).balance).toBe(50);
      expect(await wallet.expirePoints(at(35))).toBe(0); // once a day
      expect(await wallet.expirePoints(at(45))).toBe(1); // day 10's 50
      const after = await wallet.getAccount(t.ctx(), first!.accountId);
      expect(after.balance).toBe(0);
      const entries = await rows<{ kind: string; amount: number; ref: string }>(
        t.database.db,
        sql`select kind, amount::int as amount, ref from wallet_entries where account_id = ${first!.accountId} and kind = 'expire' order by created_at`,
      );
      expect(entries.map((e) => Number(e.amount))).toEqual([-70, -50]);
      const events = await rows<{ payload: string | Record<string, unknown> }>(
        t.database.db,
        sql`select payload from events where type = 'wallet.debited' and subject = ${first!.accountId}`,
      );
      const kinds = events.map(
        (e) => (typeof e.payload === 'string' ? JSON.parse(e.payload) : e.payload).entryKind,
      );
      expect(kinds.filter((k) => k === 'expire')).toHaveLength(2);
    } finally {
      await wallet.setRules(t.ctx(), { ...rules, pointsExpireAfterDays: null });
    }
  });

  it('a redemption is one round trip: balance, entry and event in one statement, no BEGIN/COMMIT', async () => {
    const { account } = await wallet.issueGiftCard(t.ctx(), {
      amount: 500,
      currency: 'EUR',
      channelId: null,
    });
    const ctx = t.ctx();
    const statements: string[] = [];
    const db = ctx.db;
    const counted = new Proxy(db, {
      get(target, prop, receiver) {
        if (prop === 'execute') {
          return (q: Parameters<typeof db.execute>[0]) => {
            statements.push('execute');
            return target.execute(q);
          };
        }
        if (prop === 'transaction') statements.push('transaction');
        return Reflect.get(target, prop, receiver);
      },
    });
    const paid = await wallet.debit(
      { ...ctx, db: counted },
      { accountId: account.id, amount: 120, ref: 'rt:1' },
    );
    expect(paid).toMatchObject({ ok: true, value: { amount: -120, balanceAfter: 380 } });
    expect(statements).toEqual(['execute']);
    const [event] = await rows<{ payload: string | Record<string, unknown> }>(
      t.database.db,
      sql`select payload from events where type = 'wallet.debited' and subject = ${account.id}`,
    );
    const payload = typeof event!.payload === 'string' ? JSON.parse(event!.payload) : event!.payload;
    expect(payload).toMatchObject({
      accountId: account.id,
      accountKind: 'gift_card',
      amount: -120,
      balance: 380,
      currency: 'EUR',
    });
  });

  it('lets concurrent spends of one balance win exactly as often as it covers; never below zero', async () => {
    const ctx = t.ctx();
    const { account } = await wallet.issueGiftCard(ctx, { amount: 1000, currency: 'EUR', channelId: null });
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        wallet.debit(t.ctx(), { accountId: account.id, amount: 100, ref: `pay:${i}` }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(10);
    const refused = results.find((r) => !r.ok);
    expect(refused).toMatchObject({ ok: false, reason: 'wallet_insufficient_balance', balance: 0 });
    const after = await wallet.getAccount(ctx, account.id);
    expect(after.balance).toBe(0);
    const [sum] = await rows<{ s: number }>(
      t.database.db,
      sql`select sum(amount)::int as s from wallet_entries where account_id = ${account.id}`,
    );
    expect(Number(sum!.s)).toBe(0);
    // A repeated ref writes nothing more: the first entry is the answer; a credit once per ref.
    const again = await wallet.debit(ctx, { accountId: account.id, amount: 100, ref: 'pay:0' });
    const firstWinner = results.findIndex((r) => r.ok);
    if (firstWinner === 0) expect(again.ok).toBe(true);
    const back = await wallet.credit(ctx, {
      kind: 'void',
      accountId: account.id,
      amount: 100,
      ref: 'void:0',
    });
    expect(back?.balanceAfter).toBe(100);
    expect(
      await wallet.credit(ctx, { kind: 'void', accountId: account.id, amount: 100, ref: 'void:0' }),
    ).toBeNull();
    expect((await wallet.getAccount(ctx, account.id)).balance).toBe(100);
  });

  it('refuses to spend an expired card; a refund may still go back onto it', async () => {
    const ctx = t.ctx();
    const { account } = await wallet.issueGiftCard(ctx, {
      amount: 1000,
      currency: 'EUR',
      channelId: null,
      expiresAt: new Date(ctx.clock.now().getTime() + 1000),
    });
    const later = t.ctx({ clock: { now: () => new Date(ctx.clock.now().getTime() + 60_000) } });
    expect(await wallet.debit(later, { accountId: account.id, amount: 1, ref: 'x' })).toMatchObject({
      ok: false,
      reason: 'wallet_account_unusable',
      status: 'expired',
    });
  });

  it('earns points once per order by the rules, reaches a tier with its event, reverses in proportion, capped', async () => {
    const ctx = t.ctx();
    await wallet.setRules(ctx, rules);
    const earned = await wallet.earnPoints(ctx, {
      customerId: 'cus_ana',
      orderId: 'ord_1',
      channelId: 'chn_app',
      paid: 6000,
      currency: 'EUR',
    });
    expect(earned?.amount).toBe(120);
    expect(
      await wallet.earnPoints(ctx, {
        customerId: 'cus_ana',
        orderId: 'ord_1',
        channelId: 'chn_app',
        paid: 6000,
        currency: 'EUR',
      }),
    ).toBeNull();
    const points = (await wallet.pointsAccountOf(ctx, 'cus_ana'))!;
    expect(points).toMatchObject({ balance: 120, lifetime: 120, tier: 'silver' });
    const tierEvents = await rows<{ payload: { tier: string } }>(
      t.database.db,
      sql`select payload from events where type = 'loyalty.tier_reached' and subject = ${points.id}`,
    );
    expect(tierEvents.map((e) => e.payload.tier)).toEqual(['silver']);
    // Half refunded: half the points back; then more than the rest: only what is left of them.
    expect(
      (await wallet.reversePoints(ctx, { orderId: 'ord_1', ref: 'reverse:r1', amount: 3000, of: 6000 }))
        ?.amount,
    ).toBe(-60);
    expect(
      await wallet.reversePoints(ctx, { orderId: 'ord_1', ref: 'reverse:r1', amount: 3000, of: 6000 }),
    ).toBeNull();
    expect(
      (await wallet.reversePoints(ctx, { orderId: 'ord_1', ref: 'reverse:r2', amount: 6000, of: 6000 }))
        ?.amount,
    ).toBe(-60);
    expect(
      await wallet.reversePoints(ctx, { orderId: 'ord_1', ref: 'reverse:r3', amount: 100, of: 6000 }),
    ).toBeNull();
    expect((await wallet.pointsAccountOf(ctx, 'cus_ana'))!.balance).toBe(0);
  });

  it('earning with the rules given reads neither the settings nor the account after the movement', async () => {
    const ctx = t.ctx();
    await wallet.setRules(ctx, rules);
    const earn = (orderId: string, paid: number) => ({
      customerId: 'cus_rules_given',
      orderId,
      channelId: 'chn_web',
      paid,
      currency: 'EUR',
      rules,
    });
    await wallet.earnPoints(ctx, earn('ord_rg_1', 5_000)); // opens the points account: 50 points
    let statements = 0;
    const reached = await inTransaction(ctx, async (tx) => {
      const counted = countedDb(tx.db);
      const entry = await wallet.earnPoints({ ...tx, db: counted.db }, earn('ord_rg_2', 6_000)); // 60 more: silver
      statements = counted.count();
      return entry;
    });
    expect(reached?.amount).toBe(60);
    // The account read, the movement and the tier it reached (decided from the movement's row; its
    // event is written with the commit). Reading the rules and the account again made it 5.
    expect(statements).toBe(3);
    expect(await wallet.pointsAccountOf(ctx, 'cus_rules_given')).toMatchObject({
      balance: 110,
      lifetime: 110,
      tier: 'silver',
    });
  });

  it('refuses two tiers with one code or one threshold, naming the second one’s field; nothing written', async () => {
    const ctx = t.ctx();
    const before = await wallet.getRules(ctx);
    const tiers = [
      { code: 'silver', name: 'Silver', threshold: 100, multiplier: 1.5 },
      { code: 'silver', name: 'Silver 2', threshold: 100, multiplier: 2 },
    ];
    const refused = await wallet.setRules(ctx, { ...rules, tiers }).catch((e: unknown) => e);
    expect(isAppError(refused, 'validation_failed')).toBe(true);
    expect((refused as { issues?: Array<{ path: string; code: string }> }).issues).toEqual([
      expect.objectContaining({ path: 'body.tiers.1.code', code: 'duplicate' }),
      expect.objectContaining({ path: 'body.tiers.1.threshold', code: 'duplicate' }),
    ]);
    expect(await wallet.getRules(ctx)).toEqual(before);
  });

  it('a reversal never takes the balance below zero (points already spent)', async () => {
    const ctx = t.ctx();
    await wallet.earnPoints(ctx, {
      customerId: 'cus_bo',
      orderId: 'ord_2',
      channelId: 'chn_web',
      paid: 10_000,
      currency: 'EUR',
    });
    const points = (await wallet.pointsAccountOf(ctx, 'cus_bo'))!;
    expect(points.balance).toBe(100);
    expect((await wallet.debit(ctx, { accountId: points.id, amount: 80, ref: 'pay:b' })).ok).toBe(true);
    const reversed = await wallet.reversePoints(ctx, {
      orderId: 'ord_2',
      ref: 'reverse:b',
      amount: 10_000,
      of: 10_000,
    });
    expect(reversed).toMatchObject({ amount: -20, balanceAfter: 0 });
  });

  it('an adjustment needs a balance to take from (409), and keeps its reason', async () => {
    const ctx = t.ctx();
    const points = (await wallet.pointsAccountOf(ctx, 'cus_bo'))!;
    const plus = await wallet.adjust(ctx, points.id, 50, 'goodwill after a late delivery');
    expect(plus).toMatchObject({ amount: 50, kind: 'adjust', reason: 'goodwill after a late delivery' });
    const refused = await wallet.adjust(ctx, points.id, -51, 'too much').catch((e) => e);
    expect(isAppError(refused, 'wallet_insufficient_balance')).toBe(true);
  });

  it('limits unknown code look-ups per caller: past the limit even a good code is refused', async () => {
    const ctx = t.ctx();
    const { code } = await wallet.issueGiftCard(ctx, { amount: 100, currency: 'EUR', channelId: null });
    for (let i = 0; i < CODE_LOOKUP_LIMIT; i++) {
      const e = await wallet.findByCode(ctx, `GC-WRONG${i}`, 'guesser').catch((x) => x);
      expect(isAppError(e, 'wallet_code_unknown')).toBe(true);
    }
    const blocked = await wallet.findByCode(ctx, code, 'guesser').catch((x) => x);
    expect(isAppError(blocked, 'wallet_lookups_limited')).toBe(true);
    expect((await wallet.findByCode(ctx, code, 'someone-else')).balance).toBe(100);
  });

  it('opens a store credit once under the code a refund issued', async () => {
    const ctx = t.ctx();
    const input = {
      id: 'sc_1',
      code: 'SC-ABCDEFGHJK',
      profileId: 'cus_ana',
      currency: 'EUR',
      amount: 700,
      orderId: 'ord_9',
      channelId: null,
    };
    expect((await wallet.openStoreCredit(ctx, input))?.balance).toBe(700);
    expect(await wallet.openStoreCredit(ctx, input)).toBeNull();
    const w = await wallet.walletOf(ctx, 'cus_ana', ['cus_ana']);
    expect(w.storeCredit.map((a) => a.balance)).toEqual([700]);
    expect(w.points).toMatchObject({ balance: 0, tier: 'silver' });
  });
});
