// Carts, checkout and orders across channels: the flows that compose carts, orders and payments
// with catalog prices, inventory holds/allocations and customer identity (see commerce.deps.ts).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { cartsRoutes } from './carts.routes.js';
import type { CommerceFlows } from './commerce.flows.js';
import { orderActionsRoutes } from './orders.routes.js';
import { tillSalesRoutes } from './till-sales.routes.js';

export type { CommerceDeps, WalletTender, WalletTenders } from './commerce.deps.js';
export { type CommerceFlows, createCommerceFlows } from './commerce.flows.js';
export { startCustomerCommerceProjection } from './customer-projection.js';
export { confirmationMail, createOrderAdminFlow, type OrderAdminFlow } from './order-admin.flow.js';
export { orderAdminRoutes } from './order-admin.routes.js';
export { confirmationText, startOrderConfirmations } from './order-confirmation.js';
export { createPriceOverrideFlow, type PriceOverrideFlow } from './price-override.flow.js';
export { priceOverrideRoutes } from './price-override.routes.js';
export {
  RESTOCK_EVENT_TYPES,
  releaseDuePreorders,
  restockedSkus,
  restockHandler,
  startRestockAllocation,
} from './restock.consumer.js';
export { type PaymentRefused, paymentFailedError } from './take-payment.js';

/** Every carts/checkout/orders route of the flows (the orders module adds its reads itself). */
export const commerceRoutes =
  (flows: CommerceFlows): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(cartsRoutes(flows));
    await app.register(orderActionsRoutes(flows));
    await app.register(tillSalesRoutes(flows));
  };
