// Concurrent debits of one account, grouped per process (debit-batcher.ts), keep the ledger exact for
// any amounts, concurrency and repeated refs, on two nodes at once: what succeeds fits the balance,
// the balance is what is left, one ledger entry and one event (with its own request id and actor)
// per debit written, and no debit is refused that the final balance would still cover.
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { rows } from '../../platform/db/database.js';
import { describeEachDatabase } from '../../platform/testing/test-databases.js';
import { paymentsMigrations } from '../payments/index.js';
import { createWalletService, walletMigrations } from './index.js';

const debits = fc.array(
  fc.record({ amount: fc.integer({ min: 1, max: 300 }), ref: fc.integer({ min: 0, max: 60 }) }),
  { minLength: 1, maxLength: 40 },
);

describeEachDatabase('wallet debits in groups (property)', [paymentsMigrations, walletMigrations], (t) => {
  const wallet = createWalletService();
  // A second hub node: its own batcher on the same database, so each moves the balance under the other.
  const otherNode = createWalletService();

  it('never below zero, final balance = start − successes, one entry and event per success', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 3_000 }), debits, async (start, list) => {
        const { account } = await wallet.issueGiftCard(t.ctx(), {
          amount: Math.max(start, 1),
          currency: 'EUR',
          channelId: null,
        });
        const opening = Math.max(start, 1);
        const results = await Promise.all(
          list.map((d, i) =>
            (i % 3 === 2 ? otherNode : wallet).debit(
              {
                ...t.ctx({
                  actor: { kind: 'session', id: `usr_${i}`, name: 'till', scopes: [], channelId: null },
                }),
                requestId: `req_${i}`,
              },
              { accountId: account.id, amount: d.amount, ref: `pay:${d.ref}` },
            ),
          ),
        );
        const taken = new Map<string, number>();
        for (const [i, r] of results.entries()) {
          if (r.ok) {
            expect(r.value.ref).toBe(`pay:${list[i]!.ref}`);
            taken.set(r.value.id, -r.value.amount);
          } else {
            expect(r).toMatchObject({ reason: 'wallet_insufficient_balance' });
          }
        }
        const spent = [...taken.values()].reduce((s, v) => s + v, 0);
        expect(spent).toBeLessThanOrEqual(opening);
        const after = await wallet.getAccount(t.ctx(), account.id);
        expect(after.balance).toBe(opening - spent);
        // Balances only fall here: a debit refused on the balance it met would not fit the last one.
        for (const [i, r] of results.entries()) {
          if (!r.ok && r.reason === 'wallet_insufficient_balance') {
            expect(r.balance).toBeLessThan(list[i]!.amount);
            expect(after.balance).toBeLessThan(list[i]!.amount);
          }
        }
        const ledger = await rows<{ id: string; amount: number; balance_after: number; ref: string }>(
          t.database.db,
          sql`select id, amount, balance_after, ref from wallet_entries
              where account_id = ${account.id} and kind = 'redeem' order by balance_after desc`,
        );
        expect(ledger.map((e) => e.id).sort()).toEqual([...taken.keys()].sort());
        expect(new Set(ledger.map((e) => e.ref)).size).toBe(ledger.length);
        expect(Math.min(...ledger.map((e) => Number(e.balance_after)), opening)).toBeGreaterThanOrEqual(0);
        const events = await rows<{ entry: string; request_id: string; actor: string }>(
          t.database.db,
          sql`select payload->>'entryId' as entry, request_id, actor from events
              where type = 'wallet.debited' and subject = ${account.id}`,
        );
        expect(events.map((e) => e.entry).sort()).toEqual([...taken.keys()].sort());
        for (const e of events) {
          // The debit that wrote the entry is named on its event.
          const i = Number(e.request_id.slice(4));
          expect(e.actor).toBe(`usr_${i}`);
          expect(results[i]).toMatchObject({ ok: true, value: { id: e.entry } });
        }
      }),
      { numRuns: 12 },
    );
  }, 120_000);
});
