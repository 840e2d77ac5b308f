// The carts-and-orders flows, built from one set of module services.
import { createCartsFlow } from './carts.flow.js';
import { createCheckoutFlow } from './checkout.flow.js';
import type { CommerceDeps } from './commerce.deps.js';
import { createIdentifyCartFlow } from './identify-cart.flow.js';
import { createImportOrderFlow } from './import-order.flow.js';
import { withBatchImport } from './import-orders-batch.js';
import { createOrderActionsFlow } from './order-actions.flow.js';
import { createReceiptEmailFlow } from './receipt-email.flow.js';
import { createReturnsFlow } from './returns.flow.js';
import { createTillLookupFlow } from './till-lookup.flow.js';
import { createTillPickupsFlow } from './till-pickups.flow.js';
import { createTillSalesFlow } from './till-sales.flow.js';

export function createCommerceFlows(deps: CommerceDeps) {
  const carts = createCartsFlow(deps);
  return {
    deps,
    carts,
    identifyCart: createIdentifyCartFlow(deps, carts),
    tillLookup: createTillLookupFlow(deps),
    tillSales: createTillSalesFlow(deps, carts),
    tillPickups: createTillPickupsFlow(deps),
    receiptEmail: createReceiptEmailFlow(deps),
    checkout: createCheckoutFlow(deps),
    orderActions: createOrderActionsFlow(deps),
    returns: createReturnsFlow(deps),
    importOrder: withBatchImport(deps, createImportOrderFlow(deps)),
  };
}
export type CommerceFlows = ReturnType<typeof createCommerceFlows>;
