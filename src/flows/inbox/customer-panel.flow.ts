// The customer beside a conversation: who they are (customers' single view), their orders of every
// channel with pickup status (flows/customer-orders) and their active carts (carts module).
import type { Cart, CartsService } from '../../modules/carts/index.js';
import type { CustomersService, CustomerView } from '../../modules/customers/index.js';
import type { Ctx } from '../../platform/context.js';
import type { CustomerOrder, CustomerOrdersFlow } from '../customer-orders/index.js';

export interface CustomerPanel {
  customer: Pick<CustomerView, 'id' | 'stage' | 'identities' | 'traits' | 'tags' | 'createdAt'> & {
    orderCount: number;
  };
  orders: CustomerOrder[];
  carts: Cart[];
}

export interface CustomerPanelDeps {
  customers: Pick<CustomersService, 'view'>;
  customerOrders: Pick<CustomerOrdersFlow, 'ordersOfCustomer'>;
  carts: Pick<CartsService, 'findActiveCarts'>;
}

export function createCustomerPanelFlow(deps: CustomerPanelDeps) {
  return {
    /** The panel of a customer profile (the root of its cluster), or null for a conversation without one. */
    async panelOf(ctx: Ctx, customerId: string | null): Promise<CustomerPanel | null> {
      if (!customerId) return null;
      const view = await deps.customers.view(ctx, customerId, { timelineLimit: 1 });
      const profileIds = [view.id, ...view.mergedProfileIds];
      const [orders, carts] = await Promise.all([
        deps.customerOrders.ordersOfCustomer(ctx, view.id, { limit: 10 }),
        deps.carts.findActiveCarts(ctx, { profileIds }),
      ]);
      return {
        customer: {
          id: view.id,
          stage: view.stage,
          identities: view.identities,
          traits: view.traits,
          tags: view.tags,
          createdAt: view.createdAt,
          orderCount: view.computed.orderCount,
        },
        orders: orders.items,
        carts: carts.slice(0, 5),
      };
    },
  };
}

export type CustomerPanelFlow = ReturnType<typeof createCustomerPanelFlow>;
