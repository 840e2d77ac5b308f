// At the till: find the customer's cart by the handoff code (typed or scanned QR), or by phone,
// email or loyalty card (through the customer's profile, then the cart's own contact fields).
import type { Cart } from '../../modules/carts/index.js';
import type { Ctx } from '../../platform/context.js';
import { refreshHolds } from './cart-stock.js';
import type { CommerceDeps } from './commerce.deps.js';

export interface TillLookup {
  code?: string | undefined;
  phone?: string | undefined;
  email?: string | undefined;
  loyaltyCard?: string | undefined;
}

export function createTillLookupFlow(deps: CommerceDeps) {
  return {
    async findCarts(
      ctx: Ctx,
      q: TillLookup,
    ): Promise<{ carts: Cart[]; matchedBy: string; customerIds: string[] }> {
      if (q.code) {
        const cart = await deps.carts.findByHandoffCode(ctx, q.code);
        const carts = cart ? [(await refreshHolds(deps, ctx, cart)).cart] : [];
        return { carts, matchedBy: 'handoff_code', customerIds: cart?.profileId ? [cart.profileId] : [] };
      }
      const customers = await deps.customers.search(ctx, {
        email: q.email,
        phone: q.phone,
        externalId: q.loyaltyCard ? `loyalty_card:${q.loyaltyCard}` : undefined,
      });
      const customerIds = customers.map((c) => c.id);
      const carts = await deps.carts.findActiveCarts(ctx, {
        profileIds: customerIds,
        emails: q.email ? [q.email.trim().toLowerCase()] : [],
        phones: q.phone ? [q.phone.trim()] : [],
      });
      return {
        carts,
        matchedBy: q.loyaltyCard ? 'loyalty_card' : q.phone ? 'phone' : 'email',
        customerIds,
      };
    },
  };
}
