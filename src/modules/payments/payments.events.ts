// Events the payments module emits, with their payload schemas (subject: the order id, so an order's
// history reads in one place).
import { z } from 'zod';
import { defineEvents, type EventPayload } from '../../platform/events/event-schemas.js';
import { PAYMENT_STATUSES, REFUND_METHODS } from './payments.types.js';

export const PAYMENT_EVENTS = {
  succeeded: 'payment.succeeded',
  pending: 'payment.pending',
  failed: 'payment.failed',
  captured: 'payment.captured',
  voided: 'payment.voided',
  refunded: 'payment.refunded',
  storeCreditIssued: 'payment.store_credit_issued',
} as const;

/** A payment row's facts (succeeded, pending, captured, voided). */
const paymentFacts = z.strictObject({
  paymentId: z.string(),
  orderId: z.string(),
  provider: z.string(),
  status: z.enum(PAYMENT_STATUSES),
  amount: z.number().int().describe('minor units'),
  currency: z.string(),
  failureCode: z.string().optional(),
  failureMessage: z.string().nullable().optional(),
});

export const PAYMENT_EVENT_SCHEMAS = defineEvents({
  [PAYMENT_EVENTS.succeeded]: paymentFacts,
  [PAYMENT_EVENTS.pending]: paymentFacts,
  [PAYMENT_EVENTS.captured]: paymentFacts,
  [PAYMENT_EVENTS.voided]: paymentFacts,
  [PAYMENT_EVENTS.failed]: z
    .strictObject({
      paymentId: z.string(),
      provider: z.string(),
      amount: z.number().int(),
      currency: z.string(),
      failureCode: z.string(),
      failureMessage: z.string(),
    })
    .describe('a refused payment: a failed checkout leaves no order and no payment row'),
  [PAYMENT_EVENTS.refunded]: z.strictObject({
    refundId: z.string(),
    orderId: z.string(),
    paymentId: z.string().nullable(),
    returnId: z.string().nullable(),
    method: z.enum(REFUND_METHODS),
    amount: z.number().int(),
    currency: z.string(),
  }),
  [PAYMENT_EVENTS.storeCreditIssued]: z.strictObject({
    storeCreditId: z.string(),
    code: z.string(),
    profileId: z.string().nullable(),
    amount: z.number().int(),
    currency: z.string(),
  }),
});

export type PaymentEventPayload<T extends keyof typeof PAYMENT_EVENT_SCHEMAS> = EventPayload<
  typeof PAYMENT_EVENT_SCHEMAS,
  T
>;
