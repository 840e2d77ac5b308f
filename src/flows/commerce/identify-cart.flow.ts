// A shopper is identified (logs in, gives an email at checkout, scans a loyalty card): their
// anonymous carts and the profile's carts come together by a configurable strategy, the response
// says what happened, dropped carts release their holds and a cart from another channel is repriced.

import { AppError } from '../../kernel/index.js';
import type { Cart, MergeOutcome, MergeStrategy, PriceChange } from '../../modules/carts/index.js';
import type { IdentifierInput } from '../../modules/customers/index.js';
import { type Ctx, inTransaction } from '../../platform/context.js';
import { releaseHolds } from './cart-stock.js';
import type { CartsFlow } from './carts.flow.js';
import type { CommerceDeps } from './commerce.deps.js';

export interface IdentifyCartInput {
  /** The cart on the screen now. */
  cartId: string;
  identifiers: IdentifierInput[];
  traits?: Record<string, unknown>;
  strategy?: MergeStrategy;
  /**
   * The signed-in shopper's profile (from their session): the cart is bound to it as is, with no
   * identifiers resolved and no carts followed by device id.
   */
  signedInProfileId?: string;
}

async function resolveProfile(deps: CommerceDeps, ctx: Ctx, current: Cart, input: IdentifyCartInput) {
  const who = await deps.customers.identify(ctx, {
    channelId: current.channelId,
    identifiers: [
      ...input.identifiers,
      ...(current.anonymousId ? [{ type: 'anonymous_id', value: current.anonymousId }] : []),
    ],
    ...(input.traits ? { traits: input.traits } : {}),
  });
  if (!who.ok) {
    throw new AppError('validation_failed', 'The identifiers are not usable', {
      issues: who.errors.map((e) => ({ path: `body.${e.path}`, message: e.message })),
    });
  }
  return who.value.customerId;
}

export function createIdentifyCartFlow(
  deps: CommerceDeps,
  cartsFlow: CartsFlow,
  defaultStrategy: MergeStrategy = 'merge_lines',
) {
  return {
    async identify(ctx: Ctx, input: IdentifyCartInput) {
      const current = await deps.carts.getCart(ctx, input.cartId);
      deps.carts.requireActive(current);
      const profileId = input.signedInProfileId ?? (await resolveProfile(deps, ctx, current, input));
      const strategy = input.strategy ?? defaultStrategy;
      const carts = await deps.carts.findActiveCarts(ctx, {
        profileIds: [
          profileId,
          ...(current.profileId && !input.signedInProfileId ? [current.profileId] : []),
        ],
        // A signed-in shopper's cart takes in their own carts only, not whatever shares a device id.
        anonymousIds: current.anonymousId && !input.signedInProfileId ? [current.anonymousId] : [],
      });
      if (!carts.some((c) => c.id === current.id)) carts.push(current);
      const merged = await inTransaction(ctx, async (tx) => {
        const r = await deps.carts.mergeCarts(tx, carts, profileId, strategy);
        await releaseHolds(
          deps,
          tx,
          r.retired.flatMap((c) => c.lines.flatMap((l) => l.holds)),
        );
        return r;
      });
      // The customer continues on the channel they are on now: reprice the kept cart if it came from elsewhere.
      let changes: PriceChange[] = [];
      let cart = merged.cart;
      if (cart && cart.channelId !== current.channelId) {
        const moved = await cartsFlow.moveToChannel(ctx, cart.id, current.channelId);
        cart = moved.cart;
        changes = moved.changes;
      }
      return { customerId: profileId, cart, merge: merged.outcome as MergeOutcome, priceChanges: changes };
    },
  };
}
