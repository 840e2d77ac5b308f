// The ledger's paid orders in a batch: the loyalty rules, the buyers, the payments and the orders are
// read once for the run, and the run earns in one call, in the order given, on what was paid outside
// the wallet; orders without a buyer, payment or surviving profile earn nothing.
import { describe, expect, it, vi } from 'vitest';
import type { Order } from '../../modules/orders/index.js';
import type { Payment } from '../../modules/payments/index.js';
import {
  DEFAULT_LOYALTY_RULES,
  type EarnRequest,
  type LoyaltyRules,
  type WalletService,
} from '../../modules/wallet/index.js';
import type { Ctx } from '../../platform/context.js';
import { createWalletFlow, type WalletFlowDeps } from './wallet.flow.js';

const order = (id: string, grand: number) =>
  ({ id, lines: [{ sku: 'SKU-1', quantity: 1, total: grand }], totals: { grand } }) as unknown as Order;

function flowWith(wallet: Pick<WalletService, 'getRules' | 'earnForOrders'>) {
  const reads = {
    subjects: vi.fn(async (_ctx: Ctx, ids: string[]) => {
      // cus_gone is erased (left out, as the customers module does).
      const known = ids.filter((id) => id !== 'cus_gone');
      return new Map(known.map((id) => [id, { rootId: `${id}_root`, profileIds: [id] }]));
    }),
    listPaymentsOfOrders: vi.fn(
      async (): Promise<Payment[]> => [
        { orderId: 'ord_4', provider: 'loyalty_points', status: 'captured', amount: 500 } as Payment,
        { orderId: 'ord_4', provider: 'manual', status: 'captured', amount: 1500 } as Payment,
      ],
    ),
    listOrders: vi.fn(async (_ctx: Ctx, f: { ids?: readonly string[] }) =>
      (f.ids ?? []).map((id) => order(id, id === 'ord_4' ? 2000 : 1000)),
    ),
  };
  const deps = {
    wallet: wallet as WalletService,
    customers: { view: vi.fn(), resolveCluster: vi.fn(), subjects: reads.subjects },
    payments: {
      listPayments: vi.fn(),
      listPaymentsOfOrders: reads.listPaymentsOfOrders,
      getPayment: vi.fn(),
    },
    orders: { listOrders: reads.listOrders },
    catalog: { findVariantsBySkus: vi.fn(), getProduct: vi.fn() },
  } as unknown as WalletFlowDeps;
  return { flow: createWalletFlow(deps), reads };
}

const paid = (orderId: string, customerId: string | null, paidAmount: number) => ({
  orderId,
  customerId,
  channelId: 'chn_web',
  currency: 'EUR',
  paidAmount,
});

describe('wallet ledger: a run of paid orders', () => {
  it('reads rules, buyers, payments and orders once, and earns the run in one call, in order', async () => {
    const rules = { ...DEFAULT_LOYALTY_RULES, pointsPerUnit: 3 };
    const getRules = vi.fn(async () => rules);
    const earnForOrders = vi.fn(async (_ctx: Ctx, requests: readonly EarnRequest[], _rules: LoyaltyRules) =>
      requests.map((r) => ({ id: `wle_${r.orderId}` }) as never),
    );
    const { flow, reads } = flowWith({ getRules, earnForOrders });
    const out = await flow.onOrdersPaid({} as Ctx, [
      paid('ord_1', 'cus_a', 1000),
      paid('ord_2', null, 1000),
      paid('ord_3', 'cus_b', 0),
      paid('ord_5', 'cus_gone', 1000),
      paid('ord_4', 'cus_a', 2000),
    ]);
    expect(getRules).toHaveBeenCalledTimes(1);
    expect(reads.subjects).toHaveBeenCalledTimes(1);
    expect(reads.subjects.mock.calls[0]![1]).toEqual(['cus_a', 'cus_gone']);
    expect(reads.listPaymentsOfOrders).toHaveBeenCalledTimes(1);
    expect(reads.listOrders).toHaveBeenCalledTimes(1);
    expect(earnForOrders).toHaveBeenCalledTimes(1);
    const [, requests, given] = earnForOrders.mock.calls[0]!;
    expect(given).toBe(rules);
    // ord_4 earns on what was paid other than with points: 2000 − 500.
    expect(requests.map((r) => [r.orderId, r.customerId, r.paid, r.order?.grand])).toEqual([
      ['ord_1', 'cus_a_root', 1000, 1000],
      ['ord_4', 'cus_a_root', 1500, 2000],
    ]);
    expect(out.map((e) => e?.id ?? null)).toEqual(['wle_ord_1', null, null, null, 'wle_ord_4']);
  });

  it('reads no rules when no order of the run can earn', async () => {
    const getRules = vi.fn(async () => DEFAULT_LOYALTY_RULES);
    const { flow } = flowWith({ getRules, earnForOrders: vi.fn(async () => []) });
    const out = await flow.onOrdersPaid({} as Ctx, [paid('ord_1', null, 500)]);
    expect(out).toEqual([null]);
    expect(getRules).not.toHaveBeenCalled();
  });
});
