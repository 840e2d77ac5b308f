// Payments: a provider interface (built-in `manual` and deterministic `test`; Stripe/Adyen adapters
// plug in), payments per order, refunds to the original payment, and store credit.
import { fileURLToPath } from 'node:url';
import type { MigrationSet } from '../../platform/db/migrate.js';

export { PAYMENT_EVENTS } from './payments.events.js';
export * from './payments.providers.js';
export {
  type AuthorizedPayment,
  createPaymentsService,
  type PaymentsDeps,
  type PaymentsService,
  type RefundRequest,
} from './payments.service.js';
export * from './payments.types.js';
export { erasePaymentsOfOrders, PAYMENTS_PERSONAL_DATA } from './payments-erasure.js';

export const paymentsMigrations: MigrationSet = {
  name: 'payments',
  folder: fileURLToPath(new URL('./migrations', import.meta.url)),
};
