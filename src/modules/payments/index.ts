// Payments: a provider interface (built-in `manual`, `external` and deterministic `test`; Stripe/Adyen
// adapters plug in), who may pay with which provider, payments per order, refunds to the original
// payment, and store credit.
import { fileURLToPath } from 'node:url';
import type { MigrationSet } from '../../platform/db/migrate.js';

export * from './payment-policy.js';
export { PAYMENT_EVENT_SCHEMAS, PAYMENT_EVENTS, type PaymentEventPayload } from './payments.events.js';
export * from './payments.providers.js';
export type { RefundRequest } from './payments.refunds.js';
export {
  type AuthorizedPayment,
  type AuthorizeInput,
  createPaymentsService,
  type PaymentsDeps,
  type PaymentsService,
} from './payments.service.js';
export * from './payments.types.js';
export { erasePaymentsOfOrders, PAYMENTS_PERSONAL_DATA } from './payments-erasure.js';

export const paymentsMigrations: MigrationSet = {
  name: 'payments',
  folder: fileURLToPath(new URL('./migrations', import.meta.url)),
};
