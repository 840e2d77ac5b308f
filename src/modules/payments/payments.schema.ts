// Payments: one row per attempt to take money for an order (any provider), refunds against them,
// and store credit issued instead of a refund to the original payment.
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { Payment, Refund } from './payments.types.js';

export const payments = pgTable(
  'payments',
  {
    id: text('id').primaryKey(),
    // The order it pays for, by id (the orders module owns orders).
    orderId: text('order_id').notNull(),
    provider: text('provider').notNull(),
    status: text('status').$type<Payment['status']>().notNull(),
    amount: integer('amount').notNull(),
    currency: text('currency').notNull(),
    refundedAmount: integer('refunded_amount').notNull().default(0),
    providerRef: text('provider_ref'),
    failureCode: text('failure_code'),
    failureMessage: text('failure_message'),
    metadata: jsonb('metadata').notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('payments_order_idx').on(t.orderId)],
);

export const refunds = pgTable(
  'payment_refunds',
  {
    id: text('id').primaryKey(),
    orderId: text('order_id').notNull(),
    paymentId: text('payment_id'),
    // The return it belongs to, by id (the orders module owns returns), or null for a cancellation.
    returnId: text('return_id'),
    method: text('method').$type<Refund['method']>().notNull(),
    amount: integer('amount').notNull(),
    currency: text('currency').notNull(),
    status: text('status').$type<Refund['status']>().notNull(),
    providerRef: text('provider_ref'),
    storeCreditId: text('store_credit_id'),
    reason: text('reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('payment_refunds_order_idx').on(t.orderId)],
);

export const storeCredits = pgTable(
  'store_credits',
  {
    id: text('id').primaryKey(),
    // A short code the customer can show at any till or enter online.
    code: text('code').notNull(),
    // The customer profile, by id (the customers module owns profiles), when known.
    profileId: text('profile_id'),
    orderId: text('order_id'),
    currency: text('currency').notNull(),
    issuedAmount: integer('issued_amount').notNull(),
    balance: integer('balance').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('store_credits_code_idx').on(t.code),
    index('store_credits_profile_idx').on(t.profileId),
  ],
);
