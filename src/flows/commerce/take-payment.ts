// Asking payment providers for money is the one place a sale is refused as a matter of course (a
// declined card): the refusal is a typed result the flow branches on (release holds, record it),
// and the route turns it into 402 payment_failed at the edge.
import { AppError, fail, ok, type Result, type Steps } from '../../kernel/index.js';
import type { AuthorizedPayment, AuthorizeInput, PaymentFailed } from '../../modules/payments/index.js';
import type { Ctx } from '../../platform/context.js';
import type { CommerceDeps } from './commerce.deps.js';

/** A provider said no: which provider, how much, and its reason (`code`, `message`). */
export type PaymentRefused = PaymentFailed & { provider: string; amount: number };

/**
 * Asks each tender's provider in turn, each authorization a step whose undo voids it. On a refusal it
 * voids the ones already taken and returns the refusal, so nothing is kept; the caller decides what
 * else a refusal undoes. Should a later step of the caller fail, the steps void what was taken.
 */
export async function authorizeTenders(
  deps: CommerceDeps,
  ctx: Ctx,
  steps: Steps,
  tenders: AuthorizeInput[],
): Promise<Result<AuthorizedPayment[], PaymentRefused>> {
  const taken: AuthorizedPayment[] = [];
  for (const t of tenders) {
    const authorized = await steps.run(
      `authorize ${t.provider}`,
      () => deps.payments.authorize(ctx, t),
      async (a) => {
        if (a.ok) await deps.payments.voidAuthorization(ctx, a.value);
      },
    );
    if (authorized.ok) {
      taken.push(authorized.value);
      continue;
    }
    await steps.undoAll();
    const { ok: _, ...failed } = authorized;
    return fail({ ...failed, provider: t.provider, amount: t.amount });
  }
  return ok(taken);
}

/** The problem a client sees for a refused payment (402): the provider's reason and the caller's facts. */
export const paymentFailedError = (r: PaymentRefused, facts: Record<string, unknown> = {}) =>
  new AppError('payment_failed', `The payment was refused: ${r.message}`, {
    details: { reason: r.code, provider: r.provider, ...facts },
  });
