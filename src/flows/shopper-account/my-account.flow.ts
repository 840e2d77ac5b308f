// A signed-in shopper's own account: their profile, their orders from every channel, consent,
// addresses, a GDPR export and erasure of themselves. Every read starts from the session's profile
// id, never from an id in the request, so no request can reach another person's data.
import { notFound } from '../../kernel/index.js';
import type { CustomersService } from '../../modules/customers/index.js';
import type { Address, OrdersService } from '../../modules/orders/index.js';
import { revokeSessionsOfProfiles } from '../../modules/shoppers/index.js';
import type { Ctx } from '../../platform/context.js';
import type { CustomerErasureFlow, CustomerExportFlow } from '../customer-erasure/index.js';
import type { CustomerOrdersFlow } from '../customer-orders/index.js';

export interface MyAccountDeps {
  customers: Pick<CustomersService, 'view' | 'setConsent' | 'updateTraits'>;
  orders: Pick<OrdersService, 'getOrder'>;
  customerOrders: CustomerOrdersFlow;
  /** The hub-wide GDPR export and erasure (orders and carts too). */
  privacy: {
    exportCustomer: CustomerExportFlow['exportCustomer'];
    eraseCustomer: CustomerErasureFlow['eraseCustomer'];
  };
}

/** The shopper's history spans channels: reads are not narrowed to the channel they signed in on. */
const acrossChannels = (ctx: Ctx): Ctx => ({ ...ctx, channelId: null });

export function createMyAccountFlow(deps: MyAccountDeps) {
  const profileOf = (ctx: Ctx) =>
    deps.customers.view(acrossChannels(ctx), ctx.actor.profileId!, { timelineLimit: 1 });

  return {
    async summary(ctx: Ctx) {
      const v = await profileOf(ctx);
      const emails = v.identities.filter((i) => i.type === 'email').map((i) => i.value);
      return {
        customerId: v.id,
        email: emails[0] ?? null,
        name: typeof v.traits.name?.value === 'string' ? v.traits.name.value : null,
        birthday: typeof v.traits.birthday?.value === 'string' ? v.traits.birthday.value : null,
        stage: v.stage,
        memberSince: v.createdAt,
        orderCount: v.computed.orderCount,
      };
    },

    /** The shopper's own name and birthday (null clears one), stored as traits learnt on their channel. */
    async updateProfile(ctx: Ctx, input: { name?: string | null; birthday?: string | null }) {
      const traits = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
      if (Object.keys(traits).length > 0)
        await deps.customers.updateTraits(ctx, ctx.actor.profileId!, {
          traits,
          channelId: ctx.channelId ?? null,
        });
      return this.summary(ctx);
    },

    orders: (ctx: Ctx, limit: number) =>
      deps.customerOrders.ordersOfCustomer(acrossChannels(ctx), ctx.actor.profileId!, { limit }),

    /** One of the shopper's orders; another customer's order is "not found", as if it did not exist. */
    async order(ctx: Ctx, orderId: string) {
      const v = await profileOf(ctx);
      const order = await deps.orders.getOrder(acrossChannels(ctx), orderId).catch(() => null);
      if (!order?.customerId || ![v.id, ...v.mergedProfileIds].includes(order.customerId)) {
        throw notFound('order', orderId);
      }
      return order;
    },

    async consent(ctx: Ctx) {
      return { items: (await profileOf(ctx)).consent };
    },

    async setConsent(ctx: Ctx, input: { purpose: string; channel: string; granted: boolean }) {
      await deps.customers.setConsent(ctx, ctx.actor.profileId!, { ...input, sourceChannelId: null });
      return this.consent(ctx);
    },

    /** Addresses the shopper shipped to, newest first, each once. */
    async addresses(ctx: Ctx) {
      const { items } = await this.orders(ctx, 200);
      const seen = new Map<string, Address>();
      for (const o of items) {
        if (o.delivery.type !== 'ship') continue;
        const a = o.delivery.address;
        const key = [a.name, a.line1, a.line2, a.postalCode, a.city, a.country].join('|').toLowerCase();
        if (!seen.has(key)) seen.set(key, a);
      }
      return { items: [...seen.values()] };
    },

    export: (ctx: Ctx) => deps.privacy.exportCustomer(acrossChannels(ctx), ctx.actor.profileId!),

    /** Erases the shopper through the same path as the admin's erasure, then ends their sessions. */
    async erase(ctx: Ctx) {
      const receipt = await deps.privacy.eraseCustomer(
        acrossChannels(ctx),
        ctx.actor.profileId!,
        'shopper request',
      );
      await revokeSessionsOfProfiles(ctx, [receipt.customerId, ...receipt.erasedProfileIds]);
      return receipt;
    },
  };
}

export type MyAccountFlow = ReturnType<typeof createMyAccountFlow>;
