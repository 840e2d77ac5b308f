// The ledger's paid orders in a batch: the loyalty rules are read once for the run, every order
// earns with them, in the order given; orders without a buyer or payment earn nothing.
import { describe, expect, it, vi } from 'vitest';
import type { Order } from '../../modules/orders/index.js';
import { DEFAULT_LOYALTY_RULES, type WalletService } from '../../modules/wallet/index.js';
import type { Ctx } from '../../platform/context.js';
import { createWalletFlow, type WalletFlowDeps } from './wallet.flow.js';

function flowWith(wallet: Pick<WalletService, 'getRules' | 'earnPoints'>) {
  const deps = {
    wallet: wallet as WalletService,
    customers: {
      view: vi.fn(),
      resolveCluster: vi.fn(async (_ctx: Ctx, id: string) => ({ root: { id: `${id}_root` }, ids: [id] })),
    },
    payments: { listPayments: vi.fn(async () => []), getPayment: vi.fn() },
    orders: { getOrder: vi.fn(async () => ({ lines: [], totals: { grand: 0 } }) as unknown as Order) },
    catalog: { findVariantsBySkus: vi.fn(), getProduct: vi.fn() },
  } as unknown as WalletFlowDeps;
  return createWalletFlow(deps);
}

describe('wallet ledger: a run of paid orders', () => {
  it('reads the loyalty rules once and earns each order with them, in order', async () => {
    const rules = { ...DEFAULT_LOYALTY_RULES, pointsPerUnit: 3 };
    const getRules = vi.fn(async () => rules);
    const earnPoints = vi.fn(async (_ctx: Ctx, _input: Parameters<WalletService['earnPoints']>[1]) => null);
    const flow = flowWith({ getRules, earnPoints });
    const paid = (orderId: string, customerId: string | null, paidAmount: number) => ({
      orderId,
      customerId,
      channelId: 'chn_web',
      currency: 'EUR',
      paidAmount,
    });
    const ctx = {} as Ctx;
    await flow.onOrdersPaid(ctx, [
      paid('ord_1', 'cus_a', 1000),
      paid('ord_2', null, 1000),
      paid('ord_3', 'cus_b', 0),
      paid('ord_4', 'cus_a', 2000),
    ]);
    expect(getRules).toHaveBeenCalledTimes(1);
    expect(earnPoints.mock.calls.map(([, input]) => [input.orderId, input.customerId, input.rules])).toEqual([
      ['ord_1', 'cus_a_root', rules],
      ['ord_4', 'cus_a_root', rules],
    ]);
  });

  it('reads no rules when no order of the run can earn', async () => {
    const getRules = vi.fn(async () => DEFAULT_LOYALTY_RULES);
    const flow = flowWith({ getRules, earnPoints: vi.fn(async () => null) });
    const out = await flow.onOrdersPaid({} as Ctx, [
      { orderId: 'ord_1', customerId: null, channelId: 'chn_web', currency: 'EUR', paidAmount: 500 },
    ]);
    expect(out).toEqual([null]);
    expect(getRules).not.toHaveBeenCalled();
  });
});
