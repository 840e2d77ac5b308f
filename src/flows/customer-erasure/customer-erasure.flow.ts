// GDPR erasure across the hub, in ONE transaction: the customers module says who the person is
// (the merged cluster and its identifiers) before it erases them; every module that holds records
// about them then redacts its own tables (orders, carts, payments, the integration layer), the
// platform redacts the event log and forgets stored responses, and the customers module erases
// the profiles last (their identifiers become tombstones, customer.erased is emitted).

import { eraseCartsOfCustomer } from '../../modules/carts/index.js';
import { eraseCdpData } from '../../modules/cdp/index.js';
import type { CustomersService, ErasureReceipt } from '../../modules/customers/index.js';
import type { InboxService } from '../../modules/inbox/index.js';
import { eraseIntegrationDataOfCustomer } from '../../modules/integrations/index.js';
import { eraseBackInStockOfCustomers } from '../../modules/journeys/index.js';
import { erasePushSubscriptions, eraseSendPins } from '../../modules/messaging/index.js';
import { eraseOrdersOfCustomer } from '../../modules/orders/index.js';
import { erasePaymentsOfOrders } from '../../modules/payments/index.js';
import type { ReviewsService } from '../../modules/reviews/index.js';
import { eraseShopperData } from '../../modules/shoppers/index.js';
import { eraseWalletOfCustomer } from '../../modules/wallet/index.js';
import { type Ctx, inTransaction } from '../../platform/context.js';
import { redactEventPayloads } from '../../platform/events/event-redaction.js';
import { forgetStoredResponses } from '../../platform/http/idempotency-erasure.js';
import type { ErasureSubject } from '../../platform/privacy/personal-data.js';

export interface CustomerErasureDeps {
  customers: Pick<CustomersService, 'erasureSubjectOf' | 'eraseCustomer'>;
  /** Conversations, messages and attachments (inbox module). */
  inbox?: Pick<InboxService, 'eraseCustomerData'> | undefined;
  /** The reviewer name and words of their reviews (reviews module). */
  reviews?: Pick<ReviewsService, 'erase'> | undefined;
}

/** What was erased: the customers module's receipt and the records redacted elsewhere, by kind. */
export interface CustomerErasureReceipt extends ErasureReceipt {
  redacted: {
    orders: number;
    carts: number;
    payments: number;
    refunds: number;
    inboundDeliveries: number;
    webhookDeliveries: number;
    events: number;
    storedResponses: number;
    /** Sign-in codes and sessions of the shopper. */
    shopperRecords: number;
    /** The CDP's counted events and audience memberships. */
    cdpRecords: number;
    /** Conversations and their messages and attachments. */
    conversations: number;
    messages: number;
  };
}

export function createCustomerErasureFlow(deps: CustomerErasureDeps) {
  return {
    async eraseCustomer(ctx: Ctx, id: string, reason?: string): Promise<CustomerErasureReceipt> {
      return inTransaction(ctx, async (tx) => {
        const who = await deps.customers.erasureSubjectOf(tx, id);
        const base: ErasureSubject = {
          profileIds: who.profileIds,
          identifiers: who.identifiers,
          personalValues: [],
        };
        const orders = await eraseOrdersOfCustomer(tx, base);
        const carts = await eraseCartsOfCustomer(tx, { ...base, cartIds: orders.cartIds });
        // Contacts found on orders and carts (a guest checkout's email) identify the person too.
        const subject: ErasureSubject = {
          profileIds: who.profileIds,
          identifiers: [...who.identifiers, ...orders.contacts, ...carts.contacts],
          personalValues: [...orders.personalValues, ...carts.personalValues],
        };
        const recordIds = [...who.profileIds, ...orders.orderIds, ...carts.cartIds];
        const payments = await erasePaymentsOfOrders(tx, { ...subject, orderIds: orders.orderIds });
        const integrations = await eraseIntegrationDataOfCustomer(tx, { ...subject, recordIds });
        const events = await redactEventPayloads(tx, { ...subject, subjects: recordIds });
        const storedResponses = await forgetStoredResponses(tx, { ...subject, recordIds });
        const shopperRecords =
          (await eraseShopperData(tx, subject)) + (await erasePushSubscriptions(tx, subject));
        // Back-in-stock alerts asked for by typing an address keep its hash: forgotten with the person.
        await eraseBackInStockOfCustomers(tx, subject);
        await eraseSendPins(tx, subject);
        const cdpRecords = await eraseCdpData(tx, subject);
        const inbox = (await deps.inbox?.eraseCustomerData(tx, subject)) ?? { conversations: 0, messages: 0 };
        // Balances stay (they are owed); what staff wrote on the entries goes.
        await eraseWalletOfCustomer(tx, subject);
        await deps.reviews?.erase(tx, { profileIds: who.profileIds, orderIds: orders.orderIds });
        const receipt = await deps.customers.eraseCustomer(tx, id, reason);
        return {
          ...receipt,
          redacted: {
            orders: orders.ordersRedacted,
            carts: carts.cartsRedacted,
            payments: payments.paymentsRedacted,
            refunds: payments.refundsRedacted,
            inboundDeliveries: integrations.inboundDeliveriesRedacted,
            webhookDeliveries: integrations.webhookDeliveriesRedacted,
            events,
            storedResponses,
            shopperRecords,
            cdpRecords,
            conversations: inbox.conversations,
            messages: inbox.messages,
          },
        };
      });
    },
  };
}

export type CustomerErasureFlow = ReturnType<typeof createCustomerErasureFlow>;
