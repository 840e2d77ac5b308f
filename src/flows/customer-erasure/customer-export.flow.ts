// GDPR export across the hub: what the customers module holds about the person (profiles,
// identifiers, events, consent and its history, tags, merges, the identity log) with their orders
// and carts from the modules that own them, found the way erasure finds them (by profile, and by
// the person's emails, phones and device ids).
import { exportCartsOfCustomer } from '../../modules/carts/index.js';
import type { CustomersService } from '../../modules/customers/index.js';
import type { InboxService } from '../../modules/inbox/index.js';
import { exportOrdersOfCustomer } from '../../modules/orders/index.js';
import type { Ctx } from '../../platform/context.js';

export interface CustomerExportDeps {
  customers: Pick<CustomersService, 'exportCustomer'>;
  /** Conversations with their messages and attachment metadata (inbox module). */
  inbox?: Pick<InboxService, 'exportCustomerData'> | undefined;
}

export function createCustomerExportFlow(deps: CustomerExportDeps) {
  return {
    async exportCustomer(ctx: Ctx, id: string) {
      const held = await deps.customers.exportCustomer(ctx, id);
      const subject = {
        profileIds: held.profiles.map((p) => p.id),
        identifiers: held.identifiers.map((i) => i.value),
      };
      const [orders, carts, conversations] = await Promise.all([
        exportOrdersOfCustomer(ctx, subject),
        exportCartsOfCustomer(ctx, subject),
        deps.inbox?.exportCustomerData(ctx, subject) ?? [],
      ]);
      return { ...held, orders, carts, conversations };
    },
  };
}

export type CustomerExportFlow = ReturnType<typeof createCustomerExportFlow>;
