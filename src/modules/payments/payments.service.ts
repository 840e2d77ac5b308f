// Payment rules: a provider is asked first (outside any transaction, so a slow PSP never holds a
// lock), then the outcome is recorded with its event inside the caller's transaction. Refunds go
// to the original payments (newest first) or become store credit.
import { randomBytes } from 'node:crypto';
import { AppError, fail, money, newId, notFound, ok, type Result } from '../../kernel/index.js';
import { type Ctx, inTransaction } from '../../platform/context.js';
import { appendEvent, appendEvents, type NewEvent } from '../../platform/events/event-log.js';
import { PAYMENT_EVENTS } from './payments.events.js';
import { BUILT_IN_PROVIDERS, type PaymentProvider } from './payments.providers.js';
import {
  insertPayment,
  insertRefund,
  insertStoreCredit,
  selectPayment,
  selectPaymentsOfOrder,
  selectRefundsOfOrder,
  selectStoreCredit,
  updatePaymentStatus,
} from './payments.repository.js';
import type {
  Payment,
  PaymentFailed,
  PaymentInput,
  Refund,
  RefundMethod,
  StoreCredit,
} from './payments.types.js';

export interface PaymentsDeps {
  /** Extra providers (Stripe, Adyen… adapters); the built-in `manual` and `test` are always there. */
  providers?: PaymentProvider[];
}

/** A provider's answer, not yet recorded: the flow records it inside its own transaction. */
export interface AuthorizedPayment {
  payment: Payment;
  provider: PaymentProvider;
}

export interface RefundRequest {
  orderId: string;
  amount: number;
  currency: string;
  method: RefundMethod;
  returnId?: string | null;
  profileId?: string | null;
  reason?: string | null;
  channelId?: string | null;
}

const CREDIT_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const creditCode = (): string =>
  `SC-${[...randomBytes(10)].map((b) => CREDIT_ALPHABET[b % CREDIT_ALPHABET.length]).join('')}`;

export function createPaymentsService(deps: PaymentsDeps = {}) {
  const providers = new Map<string, PaymentProvider>();
  for (const p of [...BUILT_IN_PROVIDERS, ...(deps.providers ?? [])]) providers.set(p.name, p);

  function providerNamed(name: string): PaymentProvider {
    const p = providers.get(name);
    if (!p) {
      throw new AppError('validation_failed', `There is no payment provider ${name}`, {
        issues: [{ path: 'body.payment.provider', message: `one of ${[...providers.keys()].join(', ')}` }],
      });
    }
    return p;
  }

  const paymentEvent = (p: Payment, type: string, channelId: string | null | undefined): NewEvent => ({
    type,
    subject: p.orderId,
    channelId: channelId ?? null,
    payload: {
      paymentId: p.id,
      orderId: p.orderId,
      provider: p.provider,
      status: p.status,
      amount: p.amount,
      currency: p.currency,
      ...(p.failureCode ? { failureCode: p.failureCode, failureMessage: p.failureMessage } : {}),
    },
  });

  return {
    providerNames: () => [...providers.keys()],

    /** Throws a 400 problem for an unknown provider, before anything is written. */
    checkProvider: (name: string): void => void providerNamed(name),

    /**
     * Asks the provider; writes nothing. A failure is a typed result (with the provider's reason);
     * otherwise record it with recordPayment inside the transaction that creates or updates the order.
     */
    async authorize(
      ctx: Ctx,
      input: PaymentInput & { orderId: string; amount: number; currency: string },
    ): Promise<Result<AuthorizedPayment, PaymentFailed>> {
      const provider = providerNamed(input.provider);
      const id = newId('pay');
      const now = ctx.clock.now();
      const outcome = await provider.authorize({
        paymentId: id,
        amount: money(input.amount, input.currency),
        token: input.token,
        reference: input.orderId,
      });
      if (outcome.status === 'failed') {
        return fail<PaymentFailed>({
          reason: 'payment_failed',
          code: outcome.code,
          message: outcome.message,
          paymentId: id,
        });
      }
      return ok({
        provider,
        payment: {
          id,
          orderId: input.orderId,
          provider: provider.name,
          status: outcome.status,
          amount: input.amount,
          currency: input.currency,
          refundedAmount: 0,
          providerRef: outcome.providerRef,
          failureCode: null,
          failureMessage: null,
          createdAt: now,
          updatedAt: now,
        },
      });
    },

    /** Records an authorized (or pending, or captured) payment and its event in the caller's transaction. */
    async recordPayment(
      ctx: Ctx,
      authorized: AuthorizedPayment,
      channelId?: string | null,
    ): Promise<Payment> {
      return inTransaction(ctx, async (tx) => {
        await insertPayment(tx.db, authorized.payment);
        const type =
          authorized.payment.status === 'pending' ? PAYMENT_EVENTS.pending : PAYMENT_EVENTS.succeeded;
        await appendEvent(tx, paymentEvent(authorized.payment, type, channelId));
        return authorized.payment;
      });
    },

    /** Gives the money back when what it paid for could not be committed (e.g. stock ran out). */
    async voidAuthorization(ctx: Ctx, authorized: AuthorizedPayment): Promise<void> {
      try {
        await authorized.provider.void({
          paymentId: authorized.payment.id,
          providerRef: authorized.payment.providerRef ?? '',
          amount: money(authorized.payment.amount, authorized.payment.currency),
        });
      } catch (err) {
        ctx.log.error(
          { err, paymentId: authorized.payment.id },
          'voiding a payment failed; reconcile with the PSP',
        );
      }
    },

    /** Records a refused payment as an event only: a failed checkout leaves no order and no payment row. */
    async recordFailure(
      ctx: Ctx,
      failure: PaymentFailed & { subject: string; provider: string; amount: number; currency: string },
    ) {
      await inTransaction(ctx, (tx) =>
        appendEvent(tx, {
          type: PAYMENT_EVENTS.failed,
          subject: failure.subject,
          payload: {
            paymentId: failure.paymentId,
            provider: failure.provider,
            amount: failure.amount,
            currency: failure.currency,
            failureCode: failure.code,
            failureMessage: failure.message,
          },
        }),
      );
    },

    /** A manual (till / on pickup) payment confirmed as received. */
    async confirmManualPayment(ctx: Ctx, paymentId: string, channelId?: string | null): Promise<Payment> {
      return inTransaction(ctx, async (tx) => {
        const p = await selectPayment(tx.db, paymentId, true);
        if (!p) throw notFound('payment', paymentId);
        if (p.status !== 'pending') {
          throw new AppError('conflict', `Payment ${paymentId} is ${p.status}, not pending`, {
            details: { status: p.status },
          });
        }
        const captured = (await updatePaymentStatus(tx.db, p.id, {
          status: 'captured',
          updatedAt: ctx.clock.now(),
        }))!;
        await appendEvent(tx, paymentEvent(captured, PAYMENT_EVENTS.captured, channelId));
        return captured;
      });
    },

    /** Voids the pending and authorized payments of an order (cancel before paying). */
    async voidOpenPayments(ctx: Ctx, orderId: string, channelId?: string | null): Promise<Payment[]> {
      return inTransaction(ctx, async (tx) => {
        const open = (await selectPaymentsOfOrder(tx.db, orderId, true)).filter(
          (p) => p.status === 'pending' || p.status === 'authorized',
        );
        const out: Payment[] = [];
        for (const p of open) {
          const provider = providers.get(p.provider);
          await provider?.void({
            paymentId: p.id,
            providerRef: p.providerRef ?? '',
            amount: money(p.amount, p.currency),
          });
          out.push(
            (await updatePaymentStatus(tx.db, p.id, { status: 'voided', updatedAt: ctx.clock.now() }))!,
          );
        }
        await appendEvents(
          tx,
          out.map((p) => paymentEvent(p, PAYMENT_EVENTS.voided, channelId)),
        );
        return out;
      });
    },

    /**
     * Refunds an amount of an order: to the original payments (captured ones, newest first, each up to
     * what is left on it) or as store credit with a code. Refusing more than was paid is a typed result.
     */
    async refund(
      ctx: Ctx,
      req: RefundRequest,
    ): Promise<
      Result<
        { refunds: Refund[]; storeCredit: StoreCredit | null },
        { reason: 'refund_exceeds_payments'; refundable: number }
      >
    > {
      return inTransaction(ctx, async (tx) => {
        const now = ctx.clock.now();
        const paid = (await selectPaymentsOfOrder(tx.db, req.orderId, true)).filter(
          (p) =>
            (p.status === 'captured' || p.status === 'authorized' || p.status === 'refunded') &&
            p.currency === req.currency,
        );
        const refundable = paid.reduce((s, p) => s + p.amount - p.refundedAmount, 0);
        if (req.amount > refundable) return fail({ reason: 'refund_exceeds_payments' as const, refundable });
        const refunds: Refund[] = [];
        let storeCredit: StoreCredit | null = null;
        const base = {
          orderId: req.orderId,
          returnId: req.returnId ?? null,
          currency: req.currency,
          reason: req.reason ?? null,
          createdAt: now,
          status: 'succeeded' as const,
        };
        if (req.method === 'store_credit') {
          storeCredit = {
            id: newId('sc'),
            code: creditCode(),
            profileId: req.profileId ?? null,
            orderId: req.orderId,
            currency: req.currency,
            issuedAmount: req.amount,
            balance: req.amount,
            createdAt: now,
          };
          await insertStoreCredit(tx.db, storeCredit);
          const refund: Refund = {
            ...base,
            id: newId('rfd'),
            paymentId: null,
            method: 'store_credit',
            amount: req.amount,
            providerRef: null,
            storeCreditId: storeCredit.id,
            storeCreditCode: storeCredit.code,
          };
          await insertRefund(tx.db, refund);
          refunds.push(refund);
        }
        let rest = req.amount;
        for (const p of [...paid].reverse()) {
          if (rest <= 0) break;
          const part = Math.min(rest, p.amount - p.refundedAmount);
          if (part <= 0) continue;
          rest -= part;
          const refundedAmount = p.refundedAmount + part;
          await updatePaymentStatus(tx.db, p.id, {
            // Store credit keeps the money with us: the payment stays captured, only less is refundable.
            status: req.method === 'original_payment' && refundedAmount === p.amount ? 'refunded' : p.status,
            refundedAmount,
            updatedAt: now,
          });
          if (req.method === 'store_credit') continue;
          const id = newId('rfd');
          const provider = providerNamed(p.provider);
          const outcome = await provider.refund({
            paymentId: p.id,
            refundId: id,
            providerRef: p.providerRef,
            amount: money(part, p.currency),
          });
          if (!outcome.ok) {
            throw new AppError(
              'unprocessable',
              `The provider ${p.provider} refused the refund: ${outcome.message}`,
              {
                details: { provider: p.provider, code: outcome.code },
              },
            );
          }
          const refund: Refund = {
            ...base,
            id,
            paymentId: p.id,
            method: 'original_payment',
            amount: part,
            providerRef: outcome.providerRef,
            storeCreditId: null,
            storeCreditCode: null,
          };
          await insertRefund(tx.db, refund);
          refunds.push(refund);
        }
        const events: NewEvent[] = refunds.map((r) => ({
          type: PAYMENT_EVENTS.refunded,
          subject: req.orderId,
          channelId: req.channelId ?? null,
          payload: {
            refundId: r.id,
            orderId: r.orderId,
            paymentId: r.paymentId,
            returnId: r.returnId,
            method: r.method,
            amount: r.amount,
            currency: r.currency,
          },
        }));
        if (storeCredit) {
          events.push({
            type: PAYMENT_EVENTS.storeCreditIssued,
            subject: req.orderId,
            channelId: req.channelId ?? null,
            payload: {
              storeCreditId: storeCredit.id,
              code: storeCredit.code,
              profileId: storeCredit.profileId,
              amount: storeCredit.issuedAmount,
              currency: storeCredit.currency,
            },
          });
        }
        await appendEvents(tx, events);
        return ok({ refunds, storeCredit });
      });
    },

    listPayments: (ctx: Ctx, orderId: string) => selectPaymentsOfOrder(ctx.db, orderId),
    listRefunds: (ctx: Ctx, orderId: string) => selectRefundsOfOrder(ctx.db, orderId),

    async getPayment(ctx: Ctx, id: string): Promise<Payment> {
      const p = await selectPayment(ctx.db, id);
      if (!p) throw notFound('payment', id);
      return p;
    },

    async getStoreCredit(ctx: Ctx, idOrCode: string): Promise<StoreCredit> {
      const c = await selectStoreCredit(ctx.db, idOrCode);
      if (!c) throw notFound('store credit', idOrCode);
      return c;
    },
  };
}

export type PaymentsService = ReturnType<typeof createPaymentsService>;
