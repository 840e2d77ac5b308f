// A line's unit price changed by hand at the till (damaged box, price match), with a reason. Only a
// role holding `pos:price_override` may (store manager, admin); a clerk's change goes through when a
// manager approves it on the spot with their own email and password. Who changed it and who approved
// it are kept on the line (then the order line) and in the `cart.line_price_overridden` event.
import { AppError, isAppError } from '../../kernel/index.js';
import type { Cart, CartsService } from '../../modules/carts/index.js';
import { PRICE_OVERRIDE_SCOPE, type StaffService } from '../../modules/staff/index.js';
import { hasScope } from '../../platform/auth/api-keys.js';
import type { Ctx } from '../../platform/context.js';

export interface PriceOverrideInput {
  unitPrice: number;
  reason: string;
  /** A manager's credentials, typed at the till, when the caller may not override alone. */
  approval?: { email: string; password: string } | undefined;
}

export interface PriceOverrideFlow {
  /** Sets the line's unit price (403 `price_override_needs_manager` / `manager_approval_failed`). */
  overrideLinePrice(ctx: Ctx, cartId: string, lineId: string, input: PriceOverrideInput): Promise<Cart>;
}

export function createPriceOverrideFlow(deps: {
  carts: CartsService;
  staff: Pick<StaffService, 'checkCredentials'>;
}): PriceOverrideFlow {
  /** The manager whose credentials approve the change, or a refusal that says why. */
  async function approver(ctx: Ctx, approval: PriceOverrideInput['approval']) {
    if (!approval) {
      throw new AppError('price_override_needs_manager', 'Changing a price needs a store manager', {
        details: { requiredScope: PRICE_OVERRIDE_SCOPE },
      });
    }
    const refused = () =>
      new AppError('manager_approval_failed', 'The approval is not a manager’s valid credentials', {
        issues: [{ path: 'body.approval', message: 'not a manager who may change prices' }],
      });
    try {
      const manager = await deps.staff.checkCredentials(ctx, approval.email, approval.password);
      if (!hasScope(manager.scopes, PRICE_OVERRIDE_SCOPE)) throw refused();
      return manager;
    } catch (err) {
      // A wrong password here is no sign-in of the caller's: 403, never the 401 that signs a till out.
      if (isAppError(err, 'staff_sign_in_failed')) throw refused();
      throw err;
    }
  }

  return {
    async overrideLinePrice(ctx, cartId, lineId, input) {
      const cart = await deps.carts.getCart(ctx, cartId);
      deps.carts.requireActive(cart);
      const self = hasScope(ctx.actor.scopes, PRICE_OVERRIDE_SCOPE);
      const manager = self ? null : await approver(ctx, input.approval);
      return deps.carts.overrideLinePrice(ctx, cart, lineId, input.unitPrice, {
        reason: input.reason,
        by: ctx.actor.id,
        byName: ctx.actor.name,
        approvedBy: manager?.id ?? null,
        approvedByName: manager?.name ?? null,
      });
    },
  };
}
