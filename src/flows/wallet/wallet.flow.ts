// The wallet across modules: a customer's balances resolved through their merged profiles (the
// account page, the till's customer view, the admin), gift cards sold and checked, admin adjustments,
// and what order and payment events do to the ledger (points earned on paid orders, reversed in
// proportion to refunds, wallet payments refunded onto their account, store credit opened).
import { AppError, isAppError } from '../../kernel/index.js';
import type { CatalogService } from '../../modules/catalog/index.js';
import type { CustomersService } from '../../modules/customers/index.js';
import type { Order, OrdersService } from '../../modules/orders/index.js';
import type { PaymentsService } from '../../modules/payments/index.js';
import type {
  CustomerWallet,
  EarnLine,
  EarnRequest,
  IssueGiftCard,
  LoyaltyRules,
  WalletAccount,
  WalletEntry,
  WalletService,
} from '../../modules/wallet/index.js';
import type { Ctx } from '../../platform/context.js';
import { codeCallerKey, WALLET_PROVIDER_NAMES, WALLET_PROVIDER_OF } from './wallet-tenders.js';

export interface WalletFlowDeps {
  wallet: WalletService;
  customers: Pick<CustomersService, 'view' | 'resolveCluster' | 'subjects'>;
  payments: Pick<PaymentsService, 'listPayments' | 'listPaymentsOfOrders' | 'getPayment'>;
  /** Paid orders' lines (and their catalog categories when loyalty rules rate categories). */
  orders: Pick<OrdersService, 'listOrders'>;
  catalog: Pick<CatalogService, 'findVariantsBySkus' | 'getProduct'>;
}

/** An order.paid event as the ledger reads it. */
export interface PaidOrder {
  orderId: string;
  customerId: string | null;
  channelId: string;
  currency: string;
  paidAmount: number;
}

/** What a balance check shows about a code (never the code, never its owner). */
export interface CodeBalance {
  kind: WalletAccount['kind'];
  codeHint: string | null;
  balance: number;
  currency: string | null;
  status: 'active' | 'blocked' | 'expired';
  expiresAt: Date | null;
}

const isWalletProvider = (name: string) => WALLET_PROVIDER_NAMES.includes(name);

export function createWalletFlow(deps: WalletFlowDeps) {
  const { wallet } = deps;

  /** The surviving profile of a customer and every profile merged into it; null when erased or unknown. */
  async function clusterOf(ctx: Ctx, customerId: string): Promise<{ root: string; ids: string[] } | null> {
    try {
      const c = await deps.customers.resolveCluster(ctx, customerId);
      return { root: c.root.id, ids: c.ids };
    } catch (err) {
      if (isAppError(err, 'not_found')) return null;
      throw err;
    }
  }

  /**
   * What a run of paid orders earns on, in one read each: the buyers' surviving profiles (an erased
   * or unknown buyer earns nothing), what each order paid from the wallet (it earns on the rest) and,
   * when the rules are on, the orders' lines. Null for an order that cannot earn.
   */
  async function earnRequests(
    ctx: Ctx,
    list: PaidOrder[],
    rules: LoyaltyRules,
  ): Promise<Array<EarnRequest | null>> {
    const buyers = [
      ...new Set(list.flatMap((e) => (e.customerId && e.paidAmount > 0 ? [e.customerId] : []))),
    ];
    const subjects = await deps.customers.subjects(ctx, buyers, { facts: false });
    const rootOf = (e: PaidOrder) =>
      e.customerId && e.paidAmount > 0 ? subjects.get(e.customerId)?.rootId : undefined;
    const orderIds = [...new Set(list.filter(rootOf).map((e) => e.orderId))];
    const fromWallet = new Map<string, number>();
    for (const p of await deps.payments.listPaymentsOfOrders(ctx, orderIds))
      if (isWalletProvider(p.provider) && p.status !== 'voided' && p.status !== 'failed')
        fromWallet.set(p.orderId, (fromWallet.get(p.orderId) ?? 0) + p.amount);
    const lines = rules.enabled
      ? await linesOfOrders(ctx, orderIds, Object.keys(rules.categories).length > 0)
      : new Map<string, { lines: EarnLine[]; grand: number }>();
    return list.map((e) => {
      const root = rootOf(e);
      if (!root) return null;
      return {
        customerId: root,
        orderId: e.orderId,
        channelId: e.channelId,
        paid: e.paidAmount - (fromWallet.get(e.orderId) ?? 0),
        currency: e.currency,
        order: lines.get(e.orderId) ?? null,
      };
    });
  }

  /**
   * Paid orders' lines, with their products' categories when the rules rate categories (a SKU no
   * longer in the catalog has none): the orders read 200 at a time, the SKUs' variants at once.
   */
  async function linesOfOrders(
    ctx: Ctx,
    orderIds: string[],
    withCategories: boolean,
  ): Promise<Map<string, { lines: EarnLine[]; grand: number }>> {
    const orders: Order[] = [];
    for (let i = 0; i < orderIds.length; i += 200)
      orders.push(...(await deps.orders.listOrders(ctx, { ids: orderIds.slice(i, i + 200), limit: 200 })));
    const bySku = new Map<string, readonly string[]>();
    if (withCategories) {
      const skus = [...new Set(orders.flatMap((o) => o.lines.map((l) => l.sku)))];
      const byProduct = new Map<string, readonly string[]>();
      for (const v of await deps.catalog.findVariantsBySkus(ctx, skus)) {
        let cats = byProduct.get(v.productId);
        if (!cats) {
          cats = (await deps.catalog.getProduct(ctx, v.productId)).categories;
          byProduct.set(v.productId, cats);
        }
        bySku.set(v.sku, cats);
      }
    }
    return new Map(
      orders.map((o) => [
        o.id,
        {
          lines: o.lines.map((l) => ({
            amount: l.total,
            categories: bySku.get(l.sku) ?? [],
            sku: l.sku,
            quantity: l.quantity,
          })),
          grand: o.totals.grand,
        },
      ]),
    );
  }

  async function walletOfCluster(ctx: Ctx, customerId: string): Promise<CustomerWallet> {
    const cluster = await clusterOf(ctx, customerId);
    if (!cluster) throw new AppError('not_found', `Customer ${customerId} not found`);
    return wallet.walletOf(ctx, cluster.root, cluster.ids);
  }

  return {
    /**
     * A customer's wallet for the till and the admin. A channel-bound key (a till) sees it only for a
     * customer its channel has seen or who stands at its counter (found by card, phone or email): the
     * same rule as the customer's orders.
     */
    async customerWallet(ctx: Ctx, customerId: string): Promise<CustomerWallet> {
      if (ctx.channelId) {
        const view = await deps.customers.view(ctx, customerId, { timelineLimit: 1 });
        const seenHere =
          view.computed.channels.some((c) => c.channelId === ctx.channelId) ||
          view.identities.some((i) => i.channelId === ctx.channelId);
        if (!seenHere) throw new AppError('not_found', `Customer ${customerId} not found`);
      }
      return walletOfCluster(ctx, customerId);
    },

    /** The signed-in shopper's own wallet (the session's profile, never a parameter). */
    async myWallet(ctx: Ctx): Promise<CustomerWallet> {
      const profileId = ctx.actor.profileId;
      if (!profileId) throw new AppError('unauthenticated', 'Sign in first');
      return walletOfCluster(ctx, profileId);
    },

    /** An account's newest entries (admin). */
    entries: (ctx: Ctx, accountId: string, limit?: number): Promise<WalletEntry[]> =>
      wallet.entries(ctx, accountId, limit),

    /** Sells or gives a gift card on the caller's channel; the code is in this answer only. */
    async issueGiftCard(ctx: Ctx, input: IssueGiftCard) {
      const customerId = input.customerId ? (await clusterOf(ctx, input.customerId))?.root : undefined;
      if (input.customerId && !customerId)
        throw new AppError('not_found', `Customer ${input.customerId} not found`);
      return wallet.issueGiftCard(ctx, { ...input, customerId, channelId: ctx.channelId });
    },

    /** The balance of a gift card or store credit code: guessing is limited per caller (and address). */
    async balanceOfCode(ctx: Ctx, code: string, ip?: string): Promise<CodeBalance> {
      const a = await wallet.findByCode(ctx, code, codeCallerKey(ctx, ip));
      const expired = a.expiresAt !== null && a.expiresAt <= ctx.clock.now();
      return {
        kind: a.kind,
        codeHint: a.codeHint,
        balance: a.balance,
        currency: a.currency,
        status: expired ? 'expired' : a.status,
        expiresAt: a.expiresAt,
      };
    },

    /** An admin's correction with a reason. */
    /** Points older than the rules allow expire (a periodic job; see WalletService.expirePoints). */
    expirePoints: (ctx: Ctx) => wallet.expirePoints(ctx),
    adjust: (ctx: Ctx, accountId: string, amount: number, reason: string) =>
      wallet.adjust(ctx, accountId, amount, reason),

    /**
     * A run of paid orders (a batch of the ledger's events): a few reads for the whole run, then one
     * short transaction earning them all in the given order, so a buyer's later order earns at the
     * tier an earlier one reached (earnForOrders). Never one long transaction per order: that would
     * hold pooled connections and the event log's horizon.
     */
    async onOrdersPaid(ctx: Ctx, list: PaidOrder[]): Promise<Array<WalletEntry | null>> {
      if (!list.some((e) => e.customerId && e.paidAmount > 0)) return list.map(() => null);
      const rules = await wallet.getRules(ctx);
      const requests = await earnRequests(ctx, list, rules);
      const earning = requests.filter((r) => r !== null);
      const entries = await wallet.earnForOrders(ctx, earning, rules);
      let k = 0;
      return requests.map((r) => (r ? (entries[k++] ?? null) : null));
    },

    /**
     * A return takes back the points its units earned (what those lines earned, not what was
     * refunded: an excluded category's line gives back none, a triple-rate line three times its
     * money). Once per return.
     */
    onReturned: (
      ctx: Ctx,
      e: {
        orderId: string;
        returnId: string;
        lines: ReadonlyArray<{ sku: string; quantity: number }>;
        refundAmount: number;
        grandTotal: number;
      },
    ): Promise<WalletEntry | null> =>
      wallet.reverseReturn(ctx, {
        orderId: e.orderId,
        returnId: e.returnId,
        lines: e.lines,
        refunded: e.refundAmount,
        grand: e.grandTotal,
      }),

    /**
     * A refund: a wallet payment's part goes back onto its account; a refund without a return (a
     * cancellation, goodwill) takes the order's points back in proportion to what was refunded of
     * everything paid (a return's refund leaves them to onReturned). Each once per refund id.
     */
    async onRefunded(
      ctx: Ctx,
      e: {
        refundId: string;
        orderId: string;
        paymentId: string | null;
        returnId: string | null;
        amount: number;
      },
    ): Promise<void> {
      const payments = await deps.payments.listPayments(ctx, e.orderId);
      if (!e.returnId) {
        const paidTotal = payments
          .filter((p) => p.status === 'captured' || p.status === 'authorized' || p.status === 'refunded')
          .reduce((s, p) => s + p.amount, 0);
        await wallet.reversePoints(ctx, {
          orderId: e.orderId,
          ref: `reverse:${e.refundId}`,
          amount: e.amount,
          of: paidTotal,
        });
      }
      const payment = payments.find((p) => p.id === e.paymentId);
      if (!payment || !isWalletProvider(payment.provider) || !payment.providerRef) return;
      let amount = e.amount;
      if (payment.provider === WALLET_PROVIDER_OF.points) {
        // Points come back at the rate they were spent at (the redeem entry's points per money).
        const redeemed = (await wallet.entriesOfOrder(ctx, payment.providerRef, e.orderId)).find(
          (x) => x.ref === `pay:${payment.id}`,
        );
        if (!redeemed?.moneyAmount) return;
        amount = Math.round((-redeemed.amount * e.amount) / redeemed.moneyAmount);
      }
      if (amount <= 0) return;
      await wallet.credit(ctx, {
        kind: 'refund',
        accountId: payment.providerRef,
        amount,
        ref: `refund:${e.refundId}`,
        orderId: e.orderId,
      });
    },

    /** Store credit a refund issued becomes a store credit account under its code (once). */
    async onStoreCreditIssued(
      ctx: Ctx,
      e: {
        storeCreditId: string;
        code: string;
        profileId: string | null;
        amount: number;
        currency: string;
        orderId: string | null;
        channelId: string | null;
      },
    ): Promise<WalletAccount | null> {
      const owner = e.profileId ? ((await clusterOf(ctx, e.profileId))?.root ?? e.profileId) : null;
      return wallet.openStoreCredit(ctx, {
        id: e.storeCreditId,
        code: e.code,
        profileId: owner,
        currency: e.currency,
        amount: e.amount,
        orderId: e.orderId,
        channelId: e.channelId,
      });
    },
  };
}

export type WalletFlow = ReturnType<typeof createWalletFlow>;
