// Refunds of an order: to the original payments (captured ones, newest first, each up to what is left
// on it, asking each payment's provider) or as store credit with a code; events in the same transaction.
import { randomBytes } from 'node:crypto';
import { AppError, fail, money, newId, ok, type Result } from '../../kernel/index.js';
import { type Ctx, inTransaction } from '../../platform/context.js';
import { appendEvents, type NewEvent } from '../../platform/events/event-log.js';
import { PAYMENT_EVENTS } from './payments.events.js';
import type { PaymentProvider } from './payments.providers.js';
import {
  insertRefund,
  insertStoreCredit,
  selectPaymentsOfOrder,
  updatePaymentStatus,
} from './payments.repository.js';
import type { Refund, RefundMethod, StoreCredit } from './payments.types.js';

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

export type RefundOutcome = Result<
  { refunds: Refund[]; storeCredit: StoreCredit | null },
  { reason: 'refund_exceeds_payments'; refundable: number }
>;

const CREDIT_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const creditCode = (): string =>
  `SC-${[...randomBytes(10)].map((b) => CREDIT_ALPHABET[b % CREDIT_ALPHABET.length]).join('')}`;

/**
 * Refunds an amount of an order: to the original payments (captured ones, newest first, each up to
 * what is left on it) or as store credit with a code. Refusing more than was paid is a typed result.
 */
export async function refundOrder(
  ctx: Ctx,
  providerNamed: (name: string) => PaymentProvider,
  req: RefundRequest,
): Promise<RefundOutcome> {
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
          'refund_refused',
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
}
