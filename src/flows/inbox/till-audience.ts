// Whom a till may hear about on the shared live stream (/api/stream?cart=): the customer of a sale
// (cart) on the till's channel, as every profile of their cluster, since a conversation names the
// cluster's root. The stream passes a till only the inbox events about them; the whole inbox needs
// inbox:read. A cart of another channel is 404, like the till's conversation routes.
import { AppError } from '../../kernel/index.js';
import type { CartsService } from '../../modules/carts/index.js';
import type { CustomersService } from '../../modules/customers/index.js';
import type { Ctx } from '../../platform/context.js';

export type TillInboxAudience = (ctx: Ctx, cartId: string) => Promise<string[]>;

export function createTillInboxAudience(deps: {
  carts: Pick<CartsService, 'getCart'>;
  customers: Pick<CustomersService, 'resolveCluster'>;
}): TillInboxAudience {
  return async (ctx, cartId) => {
    const cart = await deps.carts.getCart(ctx, cartId);
    if (ctx.actor.channelId && cart.channelId !== ctx.actor.channelId)
      throw new AppError('not_found', `There is no cart ${cartId}`);
    if (!cart.profileId) return [];
    return (await deps.customers.resolveCluster(ctx, cart.profileId)).ids;
  };
}
