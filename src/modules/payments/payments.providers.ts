// The payment provider interface and the two built-in providers. An adapter for Stripe, Adyen or any
// other PSP implements PaymentProvider and is passed to createPaymentsService({ providers }).
// See docs/payments.md for the contract (idempotency on paymentId, what each status means).
import type { Money } from '../../kernel/index.js';

export interface AuthorizeRequest {
  /** Our payment id: providers must treat it as their idempotency key. */
  paymentId: string;
  amount: Money;
  token?: string | undefined;
  /** The order (or cart) this pays for, for the PSP's dashboard. */
  reference: string;
}

export type AuthorizeOutcome =
  /** captured: money taken; authorized: money reserved, capture later; pending: paid outside (till). */
  | { status: 'captured' | 'authorized' | 'pending'; providerRef: string }
  | { status: 'failed'; code: string; message: string; providerRef?: string };

export interface RefundRequest {
  paymentId: string;
  refundId: string;
  providerRef: string | null;
  amount: Money;
}

export type RefundOutcome = { ok: true; providerRef: string } | { ok: false; code: string; message: string };

export interface PaymentProvider {
  readonly name: string;
  /**
   * True when the provider takes the caller's word that money was received (`manual`: "paid at the
   * till", `external`: "paid elsewhere") instead of taking it itself: only secret keys may use it.
   */
  readonly trustsCaller: boolean;
  authorize(req: AuthorizeRequest): Promise<AuthorizeOutcome>;
  /** Gives back money that was authorized or captured but must not be kept (checkout failed later). */
  void(req: { paymentId: string; providerRef: string; amount: Money }): Promise<void>;
  refund(req: RefundRequest): Promise<RefundOutcome>;
}

/** Paid outside the hub (cash or card terminal at the till, or on pickup): pending until confirmed. */
export const manualProvider: PaymentProvider = {
  name: 'manual',
  trustsCaller: true,
  async authorize(req) {
    return { status: 'pending', providerRef: `manual_${req.paymentId}` };
  },
  async void() {},
  async refund(req) {
    return { ok: true, providerRef: `manual_refund_${req.refundId}` };
  },
};

/**
 * Deterministic outcomes (off unless enabled: OMNIHUB_PAYMENT_PROVIDERS, or a demo database) for tests and demos, by token first, then by amount:
 * token `tok_decline` → card_declined, `tok_insufficient_funds` → insufficient_funds,
 * `tok_authorize` → authorized (capture later), any other token → captured;
 * without a token an amount ending in 02 (minor units) is declined, otherwise captured.
 */
export const testProvider: PaymentProvider = {
  name: 'test',
  // A stand-in for a card provider: the outcome is the provider's, not the caller's.
  trustsCaller: false,
  async authorize(req) {
    const ref = `test_${req.paymentId}`;
    const token = req.token;
    if (token === 'tok_decline' || (token === undefined && req.amount.amount % 100 === 2)) {
      return { status: 'failed', code: 'card_declined', message: 'The card was declined', providerRef: ref };
    }
    if (token === 'tok_insufficient_funds') {
      return {
        status: 'failed',
        code: 'insufficient_funds',
        message: 'The card has insufficient funds',
        providerRef: ref,
      };
    }
    if (token === 'tok_authorize') return { status: 'authorized', providerRef: ref };
    return { status: 'captured', providerRef: ref };
  },
  async void() {},
  async refund(req) {
    if (req.amount.amount <= 0) return { ok: false, code: 'invalid_amount', message: 'Nothing to refund' };
    return { ok: true, providerRef: `test_refund_${req.refundId}` };
  },
};

/**
 * Money taken by another platform (a marketplace, an imported shop order, a card terminal the hub does
 * not talk to); refunds happen there too. Imports use it always; payers only where it is enabled.
 */
export const externalProvider: PaymentProvider = {
  name: 'external',
  trustsCaller: true,
  async authorize(req) {
    return { status: 'captured', providerRef: `external_${req.reference}` };
  },
  async void() {},
  async refund(req) {
    return { ok: true, providerRef: `external_refund_${req.refundId}` };
  },
};

export const BUILT_IN_PROVIDERS: PaymentProvider[] = [manualProvider, testProvider, externalProvider];
