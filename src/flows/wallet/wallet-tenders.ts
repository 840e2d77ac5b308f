// Paying from the wallet at checkout, on every channel: each tender is a ledger debit taken as a
// compensated step (given back should checkout fail later), then recorded with the order as a
// captured payment of a wallet provider. Refunds of those payments come back to the same account
// (wallet-ledger.consumer.ts). Only asked when a checkout names wallet tenders: a checkout without
// one costs no statement here.
import { AppError, newId, type Steps } from '../../kernel/index.js';
import type { AuthorizedPayment, PaymentProvider } from '../../modules/payments/index.js';
import {
  insufficientBalance,
  pointsForMoney,
  type WalletAccount,
  type WalletService,
} from '../../modules/wallet/index.js';
import type { Ctx } from '../../platform/context.js';
import type { WalletTender, WalletTenders } from '../commerce/index.js';

/** The payment provider each kind of wallet tender is recorded under. */
export const WALLET_PROVIDER_OF = {
  points: 'loyalty_points',
  gift_card: 'gift_card',
  store_credit: 'store_credit',
} as const satisfies Record<WalletTender['kind'], string>;
export const WALLET_PROVIDER_NAMES: readonly string[] = Object.values(WALLET_PROVIDER_OF);

/**
 * Wallet payments as payments sees them: registered so refunds find them, never enabled for payers
 * (a payer naming one is refused by the payments gate) and never taking money on their own word: the
 * ledger debit happened before the payment is recorded. A refund is answered here; the money goes
 * back onto the account through the `payment.refunded` event, once per refund.
 */
export const walletProviders = (): PaymentProvider[] =>
  WALLET_PROVIDER_NAMES.map((name) => ({
    name,
    trustsCaller: true,
    async authorize() {
      return {
        status: 'failed' as const,
        code: 'wallet_tender_only',
        message: `${name} is paid through the checkout's wallet tenders`,
      };
    },
    async void() {},
    async refund(req) {
      return { ok: true as const, providerRef: `wallet_refund_${req.refundId}` };
    },
  }));

/** The limiter's key for code guesses: the credential (a browser key is shared, so with the address). */
export const codeCallerKey = (ctx: Ctx, ip?: string): string => `${ctx.actor.id}${ip ? `@${ip}` : ''}`;

export function createWalletTenders(deps: {
  wallet: WalletService;
  providers: PaymentProvider[];
}): WalletTenders {
  const providerOf = (kind: WalletTender['kind']) =>
    deps.providers.find((p) => p.name === WALLET_PROVIDER_OF[kind])!;

  const unverified = () =>
    new AppError(
      'wallet_owner_unverified',
      "Points and a customer's own store credit are spent by the signed-in customer, or at a till for the cart's customer",
    );

  async function accountFor(ctx: Ctx, t: WalletTender, owner: string | null): Promise<WalletAccount> {
    if (t.kind === 'points') {
      if (!owner) throw unverified();
      const points = await deps.wallet.pointsAccountOf(ctx, owner);
      if (!points) throw insufficientBalance(0, t.amount);
      return points;
    }
    if (t.code) {
      const a = await deps.wallet.findByCode(ctx, t.code, codeCallerKey(ctx));
      // A code of the other kind is as unknown as a wrong one: nothing is told about it.
      if (a.kind !== t.kind)
        throw new AppError('wallet_code_unknown', 'No gift card or store credit has this code');
      return a;
    }
    if (!t.accountId) {
      throw new AppError('validation_failed', 'A gift card or store credit tender needs its code', {
        issues: [{ path: 'body.wallet.code', message: 'required for gift cards and store credit' }],
      });
    }
    const a = await deps.wallet.getAccount(ctx, t.accountId);
    if (!owner || a.profileId !== owner || a.kind !== t.kind) throw unverified();
    return a;
  }

  return {
    async redeem(ctx, steps: Steps, input): Promise<AuthorizedPayment[]> {
      // Points and own accounts: only when the caller proved to be the cart's customer.
      const owner = input.holderId && input.holderId === input.cartCustomerId ? input.holderId : null;
      const rules = input.tenders.some((t) => t.kind === 'points') ? await deps.wallet.getRules(ctx) : null;
      const paid: AuthorizedPayment[] = [];
      for (const t of input.tenders) {
        const account = await accountFor(ctx, t, owner);
        if (account.kind !== 'points' && account.currency !== input.currency) {
          throw new AppError(
            'wallet_tender_refused',
            `The card is in ${account.currency}, the sale in ${input.currency}`,
            {
              details: { reason: 'wallet_currency_mismatch', currency: account.currency },
            },
          );
        }
        const units = rules ? pointsForMoney(rules, input.currency, t.amount) : t.amount;
        const paymentId = newId('pay');
        const debited = await steps.run(
          `redeem ${t.kind}`,
          () =>
            deps.wallet.debit(ctx, {
              accountId: account.id,
              amount: account.kind === 'points' ? units : t.amount,
              ref: `pay:${paymentId}`,
              orderId: input.orderId,
              channelId: input.channelId,
              moneyAmount: t.amount,
              currency: input.currency,
            }),
          async (r) => {
            if (!r.ok) return;
            await deps.wallet.credit(ctx, {
              kind: 'void',
              accountId: account.id,
              amount: -r.value.amount,
              ref: `void:${paymentId}`,
              orderId: input.orderId,
              channelId: input.channelId,
            });
          },
        );
        if (!debited.ok) {
          if (debited.reason === 'wallet_insufficient_balance')
            throw insufficientBalance(debited.balance, units);
          throw new AppError(
            'wallet_account_unusable',
            `The ${t.kind.replace('_', ' ')} is ${debited.status}`,
            {
              details: { status: debited.status },
            },
          );
        }
        const now = ctx.clock.now();
        paid.push({
          provider: providerOf(t.kind),
          payment: {
            id: paymentId,
            orderId: input.orderId,
            provider: WALLET_PROVIDER_OF[t.kind],
            status: 'captured',
            amount: t.amount,
            currency: input.currency,
            refundedAmount: 0,
            providerRef: account.id,
            failureCode: null,
            failureMessage: null,
            createdAt: now,
            updatedAt: now,
          },
        });
      }
      return paid;
    },
  };
}
