// Events the payments module emits (subject: the order id, so an order's history reads in one place).
export const PAYMENT_EVENTS = {
  succeeded: 'payment.succeeded',
  pending: 'payment.pending',
  failed: 'payment.failed',
  captured: 'payment.captured',
  voided: 'payment.voided',
  refunded: 'payment.refunded',
  storeCreditIssued: 'payment.store_credit_issued',
} as const;
