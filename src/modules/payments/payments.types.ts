import { z } from 'zod';

export const PAYMENT_STATUSES = [
  'pending',
  'authorized',
  'captured',
  'failed',
  'voided',
  'refunded',
] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];
export const REFUND_METHODS = ['original_payment', 'store_credit'] as const;
export type RefundMethod = (typeof REFUND_METHODS)[number];

export const Payment = z.object({
  id: z.string(),
  orderId: z.string(),
  provider: z.string(),
  status: z.enum(PAYMENT_STATUSES),
  amount: z.number().int(),
  currency: z.string(),
  refundedAmount: z.number().int(),
  providerRef: z.string().nullable(),
  failureCode: z.string().nullable(),
  failureMessage: z.string().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type Payment = z.infer<typeof Payment>;

export const Refund = z.object({
  id: z.string(),
  orderId: z.string(),
  paymentId: z.string().nullable(),
  returnId: z.string().nullable(),
  method: z.enum(REFUND_METHODS),
  amount: z.number().int(),
  currency: z.string(),
  status: z.enum(['succeeded', 'failed']),
  providerRef: z.string().nullable(),
  storeCreditId: z.string().nullable(),
  storeCreditCode: z.string().nullable(),
  reason: z.string().nullable(),
  createdAt: z.date(),
});
export type Refund = z.infer<typeof Refund>;

export const StoreCredit = z.object({
  id: z.string(),
  code: z.string(),
  profileId: z.string().nullable(),
  orderId: z.string().nullable(),
  currency: z.string(),
  issuedAmount: z.number().int(),
  balance: z.number().int(),
  createdAt: z.date(),
});
export type StoreCredit = z.infer<typeof StoreCredit>;

/** What the client sends to pay: a provider and, for card-like providers, a token from its SDK. */
export const PaymentInput = z.strictObject({
  provider: z
    .string()
    .min(1)
    .max(50)
    .describe(
      '`manual` (pay at the till or on pickup), `test`, `external` or an adapter; the hub must enable it and the channel accept it (docs/payments.md)',
    ),
  token: z
    .string()
    .max(500)
    .optional()
    .describe("the provider's payment token (for `test`: see docs/payments.md)"),
});
export type PaymentInput = z.infer<typeof PaymentInput>;

/** Why a payment did not go through. */
export interface PaymentFailed {
  reason: 'payment_failed';
  code: string;
  message: string;
  paymentId: string;
}
