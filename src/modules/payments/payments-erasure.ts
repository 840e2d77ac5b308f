// Erasure in payments: amounts, providers, statuses and references stay (accounting, provider
// reconciliation); what a provider or a clerk wrote about the person goes. Store credit is kept:
// its profile id points at the erased (empty) profile and its balance is owed to whoever holds
// the code.
import type { Ctx } from '../../platform/context.js';
import {
  type ErasureSubject,
  matchableValues,
  type PersonalDataRegistry,
  redactJson,
  redactText,
} from '../../platform/privacy/personal-data.js';
import {
  selectPaymentsPersonalFields,
  selectRefundReasons,
  updatePaymentsPersonalFields,
  updateRefundReasons,
} from './payments-erasure.repository.js';

export const PAYMENTS_PERSONAL_DATA: PersonalDataRegistry = {
  owner: 'payments',
  personal: [
    { table: 'payments', column: 'metadata', erasure: 'personal keys and values redacted' },
    { table: 'payments', column: 'failure_message', erasure: 'personal values redacted' },
    { table: 'payment_refunds', column: 'reason', erasure: 'personal values redacted' },
  ],
};

export async function erasePaymentsOfOrders(
  ctx: Ctx,
  subject: ErasureSubject & { orderIds: string[] },
): Promise<{ paymentsRedacted: number; refundsRedacted: number }> {
  if (subject.orderIds.length === 0) return { paymentsRedacted: 0, refundsRedacted: 0 };
  const values = matchableValues([...subject.identifiers, ...subject.personalValues]);
  const payments = await selectPaymentsPersonalFields(ctx.db, subject.orderIds);
  await updatePaymentsPersonalFields(
    ctx.db,
    payments.map((p) => ({
      id: p.id,
      metadata: redactJson(p.metadata, values),
      failureMessage: p.failure_message === null ? null : redactText(p.failure_message, values),
    })),
  );
  const refunds = await selectRefundReasons(ctx.db, subject.orderIds);
  await updateRefundReasons(
    ctx.db,
    refunds.map((r) => ({ id: r.id, reason: r.reason === null ? null : redactText(r.reason, values) })),
  );
  return { paymentsRedacted: payments.length, refundsRedacted: refunds.length };
}
