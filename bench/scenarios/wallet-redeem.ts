// wallet-redeem: concurrent redemptions on ONE gift card, in process on the hub's database (the
// ledger's hot row is the point, not HTTP). A card of N × 1.00 is spent 1.00 at a time by C workers
// sending about 5 % more debits than it covers. correct = exactly N debits succeeded, every other
// was refused as a typed result (wallet_insufficient_balance), the balance is 0 and never went below,
// and the ledger's entries add up to the balance. Target ≥ 2,000 redemptions/s. On PostgreSQL the SQL
// round trips per debit are counted like the checkout bench counts them (statements + BEGIN/COMMIT).
import { loadavg } from 'node:os';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import pino from 'pino';
import { systemClock } from '../../src/kernel/index.js';
import { paymentsMigrations } from '../../src/modules/payments/index.js';
import { createWalletService, walletMigrations } from '../../src/modules/wallet/index.js';
import { createContext } from '../../src/platform/context.js';
import { openDatabase, rows } from '../../src/platform/db/database.js';
import { runMigrations } from '../../src/platform/db/migrate.js';
import { platformMigrations } from '../../src/platform/migrations.js';
import { percentile, type Scenario } from '../harness.js';

const run: Scenario = async (b) => {
  const units = Number(b.args.units ?? 4000);
  const workers = Number(b.args.concurrency ?? 32);
  const database = await openDatabase(
    b.databaseUrl ? { databaseUrl: b.databaseUrl, poolSize: workers + 4 } : { dataDir: 'memory://' },
  );
  try {
    await runMigrations(database, [platformMigrations, paymentsMigrations, walletMigrations]);
    const log = pino({ level: 'silent' });
    const ctx = () => createContext(database, { clock: systemClock, log });
    const wallet = createWalletService();
    const { account } = await wallet.issueGiftCard(ctx(), {
      amount: units * 100,
      currency: 'EUR',
      channelId: null,
    });
    const attempts = Math.ceil(units * 1.05);
    let trips = 0;
    const query = pg.Client.prototype.query;
    (pg.Client.prototype as unknown as { query: (...a: unknown[]) => unknown }).query = function (
      this: unknown,
      ...a: unknown[]
    ) {
      trips++;
      return (query as (...x: unknown[]) => unknown).apply(this, a);
    };
    let next = 0;
    let won = 0;
    let refused = 0;
    let other = 0;
    const latencies: number[] = [];
    const started = performance.now();
    await Promise.all(
      Array.from({ length: workers }, async () => {
        for (let i = next++; i < attempts; i = next++) {
          const t0 = performance.now();
          const r = await wallet.debit(ctx(), { accountId: account.id, amount: 100, ref: `bench:${i}` });
          latencies.push(performance.now() - t0);
          if (r.ok) won++;
          else if (r.reason === 'wallet_insufficient_balance') refused++;
          else other++;
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    pg.Client.prototype.query = query;
    const after = await wallet.getAccount(ctx(), account.id);
    const [ledger] = await rows<{ sum: number; min: number; n: number }>(
      database.db,
      sql`select coalesce(sum(amount), 0)::int as sum, min(balance_after)::int as min,
        count(*)::int as n from wallet_entries where account_id = ${account.id}`,
    );
    latencies.sort((a, z) => a - z);
    const correct =
      won === units &&
      refused === attempts - units &&
      other === 0 &&
      after.balance === 0 &&
      Number(ledger!.sum) === 0 &&
      Number(ledger!.min) >= 0 &&
      Number(ledger!.n) === units + 1;
    const value = Math.round((attempts / seconds) * 10) / 10;
    b.log(
      `${attempts} debits in ${seconds.toFixed(2)} s: ${won} won, ${refused} refused; load ${loadavg()[0]}`,
    );
    return {
      metric: 'redemptions_per_second',
      value,
      unit: 'debits/s',
      p50_ms: percentile(latencies, 50),
      p99_ms: percentile(latencies, 99),
      correct,
      target: { op: '>=', value: 2000, unit: 'debits/s', met: value >= 2000 },
      details: {
        units,
        attempts,
        workers,
        roundTripsPerDebit: b.databaseUrl ? Math.round((trips / attempts) * 100) / 100 : null,
        won,
        refused,
        other,
        balance: after.balance,
        ledger,
        load: loadavg(),
      },
    };
  } finally {
    await database.close();
  }
};

export default run;
