// What orders and payments do to the wallet, as a durable consumer of their events (at least once;
// every ledger write is keyed by its ref, so a replayed event writes nothing twice):
// order.paid → points earned (not for imported history); order.returned → the points the returned
// units earned taken back; payment.refunded → a wallet payment's part back on its account, and for a
// refund without a return the order's points taken back in proportion; payment.store_credit_issued →
// a store credit account.
import type { Clock } from '../../kernel/index.js';
import { createContext, type Logger } from '../../platform/context.js';
import type { Database } from '../../platform/db/database.js';
import { type RunningConsumer, startConsumer } from '../../platform/events/consumer.js';
import { startPeriodicJob } from '../../platform/jobs/periodic-job.js';
import type { PaidOrder, WalletFlow } from './wallet.flow.js';

export const WALLET_LEDGER_EVENT_TYPES = [
  'order.paid',
  'order.returned',
  'payment.refunded',
  'payment.store_credit_issued',
];

export function startWalletLedger(opts: {
  database: Database;
  wallet: Pick<WalletFlow, 'onOrdersPaid' | 'onReturned' | 'onRefunded' | 'onStoreCreditIssued'>;
  clock: Clock;
  log: Logger;
}): RunningConsumer {
  return startConsumer({
    database: opts.database,
    name: 'wallet.ledger',
    log: opts.log,
    filter: { types: WALLET_LEDGER_EVENT_TYPES },
    async handle(events) {
      const ctx = createContext(opts.database, { clock: opts.clock, log: opts.log });
      // Paid orders in a row earn together (the rules read once); the other events keep their place.
      let paid: PaidOrder[] = [];
      const earn = async () => {
        if (paid.length) await opts.wallet.onOrdersPaid(ctx, paid);
        paid = [];
      };
      for (const e of events) {
        const p = e.payload;
        if (e.type === 'order.paid') {
          // History imported from another platform was paid before the hub: it earns no points here.
          if (p.historical === true) continue;
          paid.push({
            orderId: String(p.orderId),
            customerId: (p.customerId as string | null) ?? null,
            channelId: String(p.channelId),
            currency: String(p.currency),
            paidAmount: Number(p.paidAmount),
          });
          continue;
        }
        await earn();
        if (e.type === 'order.returned') {
          await opts.wallet.onReturned(ctx, {
            orderId: String(p.orderId),
            returnId: String(p.returnId),
            lines: (p.lines as Array<{ sku: string; quantity: number }>).map((l) => ({
              sku: String(l.sku),
              quantity: Number(l.quantity),
            })),
            refundAmount: Number(p.refundAmount),
            grandTotal: Number(p.grandTotal),
          });
        } else if (e.type === 'payment.refunded') {
          await opts.wallet.onRefunded(ctx, {
            refundId: String(p.refundId),
            orderId: String(p.orderId),
            paymentId: (p.paymentId as string | null) ?? null,
            returnId: (p.returnId as string | null) ?? null,
            amount: Number(p.amount),
          });
        } else {
          await opts.wallet.onStoreCreditIssued(ctx, {
            storeCreditId: String(p.storeCreditId),
            code: String(p.code),
            profileId: (p.profileId as string | null) ?? null,
            amount: Number(p.amount),
            currency: String(p.currency),
            orderId: e.subject,
            channelId: e.channelId,
          });
        }
      }
      await earn();
    },
  });
}

/** The ledger's consumer and the points expiry job (hourly; a day's expiry is written once). */
export function startWalletBackground(
  opts: Parameters<typeof startWalletLedger>[0] & {
    wallet: Pick<WalletFlow, 'expirePoints'>;
    expiryIntervalMs?: number;
  },
): { stop(): Promise<void> } {
  const ledger = startWalletLedger(opts);
  const expiry = startPeriodicJob({
    name: 'wallet-points-expiry',
    ctx: () => createContext(opts.database, { clock: opts.clock, log: opts.log }),
    run: (ctx) => opts.wallet.expirePoints(ctx),
    intervalMs: opts.expiryIntervalMs ?? 3_600_000,
  });
  return {
    async stop() {
      await expiry.stop();
      await ledger.stop();
    },
  };
}
