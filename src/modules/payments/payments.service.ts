// Payment rules: a provider is asked first (outside any transaction, so a slow PSP never holds a
// lock), then the outcome is recorded with its event inside the caller's transaction. Refunds go
// to the original payments (newest first) or become store credit.

import { AppError, fail, money, newId, notFound, ok, type Result } from '../../kernel/index.js';
import { type Ctx, inTransaction } from '../../platform/context.js';
import { appendEvent, appendEvents, type NewEvent, prepareEvents } from '../../platform/events/event-log.js';
import type { StatementPart } from '../../platform/events/one-statement.js';
import {
  isBrowserActor,
  type PaymentChannel,
  paymentRefusal,
  paymentRefusalError,
} from './payment-policy.js';
import { PAYMENT_EVENTS } from './payments.events.js';
import { BUILT_IN_PROVIDERS, externalProvider, type PaymentProvider } from './payments.providers.js';
import { type RefundOutcome, type RefundRequest, refundOrder } from './payments.refunds.js';
import {
  insertPayment,
  insertPaymentStatement,
  insertPayments,
  selectPayment,
  selectPaymentsOfOrder,
  selectPaymentsOfOrders,
  selectRefundsOfOrder,
  selectStoreCredit,
  updatePaymentStatus,
} from './payments.repository.js';
import type { Payment, PaymentFailed, PaymentInput, Refund, StoreCredit } from './payments.types.js';

export interface PaymentsDeps {
  /** Extra providers (Stripe, Adyen… adapters) next to the built-in `manual`, `test` and `external`. */
  providers?: PaymentProvider[];
  /**
   * The providers payers may choose at checkout and when paying an order; default `manual` and the
   * adapters above. Every provider stays registered, so payments already taken can be refunded.
   */
  enabled?: readonly string[];
}

/** What a new payment is asked for: the provider chosen and the channel it is paid on. */
export type AuthorizeInput = PaymentInput & {
  orderId: string;
  amount: number;
  currency: string;
  channel: PaymentChannel;
};

/** A provider's answer, not yet recorded: the flow records it inside its own transaction. */
export interface AuthorizedPayment {
  payment: Payment;
  provider: PaymentProvider;
}

/** Payment providers, the gate for who may pay how, payments per order, refunds and store credit. */
export interface PaymentsService {
  /** Every provider registered on this hub. */
  providerNames(): string[];
  /** The providers payers may choose on this hub. */
  enabledProviderNames(): string[];
  /**
   * The one gate for a payment a payer chooses: 400 for an unknown provider, then the policy's coded
   * refusals (disabled on this hub, a browser key with a provider that trusts the caller, not accepted
   * by the channel). Writes nothing.
   */
  requirePaymentAllowed(ctx: Ctx, name: string, channel: PaymentChannel): PaymentProvider;
  /**
   * Asks the provider the payer chose, once the gate allows it; writes nothing. A failure is a typed
   * result (with the provider's reason); otherwise record it with recordPayment inside the
   * transaction that creates or updates the order.
   */
  authorize(ctx: Ctx, input: AuthorizeInput): Promise<Result<AuthorizedPayment, PaymentFailed>>;
  /**
   * An imported order's payment, taken on the platform it comes from (recorded as `external`, enabled
   * or not: the import itself is the claim, made with orders:write). Never from a browser key.
   */
  authorizePaidElsewhere(
    ctx: Ctx,
    input: { orderId: string; amount: number; currency: string },
  ): Promise<Result<AuthorizedPayment, PaymentFailed>>;
  /** Records an authorized (or pending, or captured) payment and its event in the caller's transaction. */
  recordPayment(ctx: Ctx, authorized: AuthorizedPayment, channelId?: string | null): Promise<Payment>;
  /** recordPayment for several payments: one insert and one events insert, in the caller's transaction. */
  recordPayments(
    ctx: Ctx,
    list: ReadonlyArray<{ authorized: AuthorizedPayment; channelId?: string | null }>,
  ): Promise<Payment[]>;
  /** recordPayment as a part (CTE `name`) of a caller's one-statement write. */
  recordPaymentPart(
    ctx: Ctx,
    name: string,
    authorized: AuthorizedPayment,
    channelId?: string | null,
  ): StatementPart;
  /** Gives the money back when what it paid for could not be committed (e.g. stock ran out). */
  voidAuthorization(ctx: Ctx, authorized: AuthorizedPayment): Promise<void>;
  /** Records a refused payment as an event only: a failed checkout leaves no order and no payment row. */
  recordFailure(
    ctx: Ctx,
    failure: PaymentFailed & { subject: string; provider: string; amount: number; currency: string },
  ): Promise<void>;
  /** A manual (till / on pickup) payment confirmed as received. */
  confirmManualPayment(ctx: Ctx, paymentId: string, channelId?: string | null): Promise<Payment>;
  /** Voids the pending and authorized payments of an order (cancel before paying). */
  voidOpenPayments(ctx: Ctx, orderId: string, channelId?: string | null): Promise<Payment[]>;
  /**
   * Refunds an amount of an order to the original payments or as store credit (payments.refunds.ts).
   * Refusing more than was paid is a typed result.
   */
  refund(ctx: Ctx, req: RefundRequest): Promise<RefundOutcome>;
  /** An order's payments. */
  listPayments(ctx: Ctx, orderId: string): Promise<Payment[]>;
  /** The payments of many orders (one read), each order's in the order they were made. */
  listPaymentsOfOrders(ctx: Ctx, orderIds: readonly string[]): Promise<Payment[]>;
  /** An order's refunds. */
  listRefunds(ctx: Ctx, orderId: string): Promise<Refund[]>;
  /** A payment, or 404. */
  getPayment(ctx: Ctx, id: string): Promise<Payment>;
  /** A store credit by id or code, or 404. */
  getStoreCredit(ctx: Ctx, idOrCode: string): Promise<StoreCredit>;
}

export function createPaymentsService(deps: PaymentsDeps = {}): PaymentsService {
  const providers = new Map<string, PaymentProvider>();
  for (const p of [...BUILT_IN_PROVIDERS, ...(deps.providers ?? [])]) providers.set(p.name, p);
  const enabled = new Set(deps.enabled ?? ['manual', ...(deps.providers ?? []).map((p) => p.name)]);
  const unknown = [...enabled].filter((name) => !providers.has(name));
  if (unknown.length) {
    throw new Error(
      `Unknown payment provider(s) enabled: ${unknown.join(', ')}; known: ${[...providers.keys()].join(', ')}`,
    );
  }

  function providerNamed(name: string): PaymentProvider {
    const p = providers.get(name);
    if (!p) {
      throw new AppError('validation_failed', `There is no payment provider ${name}`, {
        issues: [{ path: 'body.payment.provider', message: `one of ${[...providers.keys()].join(', ')}` }],
      });
    }
    return p;
  }

  const paymentEvent = (p: Payment, type: string, channelId: string | null | undefined): NewEvent => ({
    type,
    subject: p.orderId,
    channelId: channelId ?? null,
    payload: {
      paymentId: p.id,
      orderId: p.orderId,
      provider: p.provider,
      status: p.status,
      amount: p.amount,
      currency: p.currency,
      ...(p.failureCode ? { failureCode: p.failureCode, failureMessage: p.failureMessage } : {}),
    },
  });

  /**
   * The one gate for a payment a payer chooses: 400 for an unknown provider, then the policy's coded
   * refusals (disabled on this hub, a browser key with a provider that trusts the caller, not accepted
   * by the channel). Writes nothing.
   */
  function requirePaymentAllowed(ctx: Ctx, name: string, channel: PaymentChannel): PaymentProvider {
    const provider = providerNamed(name);
    const refusal = paymentRefusal({ provider, actor: ctx.actor, enabled, channel });
    if (refusal) throw paymentRefusalError(refusal);
    return provider;
  }

  async function authorizeWith(
    ctx: Ctx,
    provider: PaymentProvider,
    input: Omit<AuthorizeInput, 'provider' | 'channel'>,
  ): Promise<Result<AuthorizedPayment, PaymentFailed>> {
    const id = newId('pay');
    const now = ctx.clock.now();
    const outcome = await provider.authorize({
      paymentId: id,
      amount: money(input.amount, input.currency),
      token: input.token,
      reference: input.orderId,
    });
    if (outcome.status === 'failed') {
      return fail<PaymentFailed>({
        reason: 'payment_failed',
        code: outcome.code,
        message: outcome.message,
        paymentId: id,
      });
    }
    return ok({
      provider,
      payment: {
        id,
        orderId: input.orderId,
        provider: provider.name,
        status: outcome.status,
        amount: input.amount,
        currency: input.currency,
        refundedAmount: 0,
        providerRef: outcome.providerRef,
        failureCode: null,
        failureMessage: null,
        createdAt: now,
        updatedAt: now,
      },
    });
  }

  return {
    providerNames: () => [...providers.keys()],
    /** The providers payers may choose on this hub. */
    enabledProviderNames: () => [...enabled],

    requirePaymentAllowed,

    /**
     * Asks the provider the payer chose, once the gate allows it; writes nothing. A failure is a typed
     * result (with the provider's reason); otherwise record it with recordPayment inside the
     * transaction that creates or updates the order.
     */
    async authorize(ctx: Ctx, input: AuthorizeInput): Promise<Result<AuthorizedPayment, PaymentFailed>> {
      const provider = requirePaymentAllowed(ctx, input.provider, input.channel);
      return authorizeWith(ctx, provider, input);
    },

    /**
     * An imported order's payment, taken on the platform it comes from (recorded as `external`, enabled
     * or not: the import itself is the claim, made with orders:write). Never from a browser key.
     */
    async authorizePaidElsewhere(
      ctx: Ctx,
      input: { orderId: string; amount: number; currency: string },
    ): Promise<Result<AuthorizedPayment, PaymentFailed>> {
      if (isBrowserActor(ctx.actor)) {
        throw paymentRefusalError({
          reason: 'payment_provider_forbidden',
          provider: externalProvider.name,
          keyKind: ctx.actor.keyKind ?? '',
        });
      }
      return authorizeWith(ctx, externalProvider, input);
    },

    /** Records an authorized (or pending, or captured) payment and its event in the caller's transaction. */
    async recordPayment(
      ctx: Ctx,
      authorized: AuthorizedPayment,
      channelId?: string | null,
    ): Promise<Payment> {
      return inTransaction(ctx, async (tx) => {
        await insertPayment(tx.db, authorized.payment);
        const type =
          authorized.payment.status === 'pending' ? PAYMENT_EVENTS.pending : PAYMENT_EVENTS.succeeded;
        await appendEvent(tx, paymentEvent(authorized.payment, type, channelId));
        return authorized.payment;
      });
    },

    async recordPayments(ctx, list) {
      if (list.length === 0) return [];
      return inTransaction(ctx, async (tx) => {
        await insertPayments(
          tx.db,
          list.map((l) => l.authorized.payment),
        );
        await appendEvents(
          tx,
          list.map(({ authorized: { payment }, channelId }) =>
            paymentEvent(
              payment,
              payment.status === 'pending' ? PAYMENT_EVENTS.pending : PAYMENT_EVENTS.succeeded,
              channelId,
            ),
          ),
        );
        return list.map((l) => l.authorized.payment);
      });
    },

    /** recordPayment as a part of a caller's one-statement write (checkout). */
    recordPaymentPart(
      ctx: Ctx,
      name: string,
      authorized: AuthorizedPayment,
      channelId?: string | null,
    ): StatementPart {
      const p = authorized.payment;
      const type = p.status === 'pending' ? PAYMENT_EVENTS.pending : PAYMENT_EVENTS.succeeded;
      return {
        name,
        statement: insertPaymentStatement(p),
        expectRows: 1,
        events: prepareEvents(ctx, [paymentEvent(p, type, channelId)]),
      };
    },

    /** Gives the money back when what it paid for could not be committed (e.g. stock ran out). */
    async voidAuthorization(ctx: Ctx, authorized: AuthorizedPayment): Promise<void> {
      try {
        await authorized.provider.void({
          paymentId: authorized.payment.id,
          providerRef: authorized.payment.providerRef ?? '',
          amount: money(authorized.payment.amount, authorized.payment.currency),
        });
      } catch (err) {
        ctx.log.error(
          { err, paymentId: authorized.payment.id },
          'voiding a payment failed; reconcile with the PSP',
        );
      }
    },

    /** Records a refused payment as an event only: a failed checkout leaves no order and no payment row. */
    async recordFailure(
      ctx: Ctx,
      failure: PaymentFailed & { subject: string; provider: string; amount: number; currency: string },
    ) {
      await inTransaction(ctx, (tx) =>
        appendEvent(tx, {
          type: PAYMENT_EVENTS.failed,
          subject: failure.subject,
          payload: {
            paymentId: failure.paymentId,
            provider: failure.provider,
            amount: failure.amount,
            currency: failure.currency,
            failureCode: failure.code,
            failureMessage: failure.message,
          },
        }),
      );
    },

    /** A manual (till / on pickup) payment confirmed as received. */
    async confirmManualPayment(ctx: Ctx, paymentId: string, channelId?: string | null): Promise<Payment> {
      return inTransaction(ctx, async (tx) => {
        const p = await selectPayment(tx.db, paymentId, true);
        if (!p) throw notFound('payment', paymentId);
        if (p.status !== 'pending') {
          throw new AppError('payment_not_pending', `Payment ${paymentId} is ${p.status}, not pending`, {
            details: { status: p.status },
          });
        }
        const captured = (await updatePaymentStatus(tx.db, p.id, {
          status: 'captured',
          updatedAt: ctx.clock.now(),
        }))!;
        await appendEvent(tx, paymentEvent(captured, PAYMENT_EVENTS.captured, channelId));
        return captured;
      });
    },

    /** Voids the pending and authorized payments of an order (cancel before paying). */
    async voidOpenPayments(ctx: Ctx, orderId: string, channelId?: string | null): Promise<Payment[]> {
      return inTransaction(ctx, async (tx) => {
        const open = (await selectPaymentsOfOrder(tx.db, orderId, true)).filter(
          (p) => p.status === 'pending' || p.status === 'authorized',
        );
        const out: Payment[] = [];
        for (const p of open) {
          const provider = providers.get(p.provider);
          await provider?.void({
            paymentId: p.id,
            providerRef: p.providerRef ?? '',
            amount: money(p.amount, p.currency),
          });
          out.push(
            (await updatePaymentStatus(tx.db, p.id, { status: 'voided', updatedAt: ctx.clock.now() }))!,
          );
        }
        await appendEvents(
          tx,
          out.map((p) => paymentEvent(p, PAYMENT_EVENTS.voided, channelId)),
        );
        return out;
      });
    },

    /**
     * Refunds an amount of an order to the original payments or as store credit (payments.refunds.ts).
     * Refusing more than was paid is a typed result.
     */
    refund: (ctx: Ctx, req: RefundRequest): Promise<RefundOutcome> => refundOrder(ctx, providerNamed, req),

    listPayments: (ctx: Ctx, orderId: string) => selectPaymentsOfOrder(ctx.db, orderId),
    listPaymentsOfOrders: (ctx: Ctx, orderIds: readonly string[]) => selectPaymentsOfOrders(ctx.db, orderIds),
    listRefunds: (ctx: Ctx, orderId: string) => selectRefundsOfOrder(ctx.db, orderId),

    async getPayment(ctx: Ctx, id: string): Promise<Payment> {
      const p = await selectPayment(ctx.db, id);
      if (!p) throw notFound('payment', id);
      return p;
    },

    async getStoreCredit(ctx: Ctx, idOrCode: string): Promise<StoreCredit> {
      const c = await selectStoreCredit(ctx.db, idOrCode);
      if (!c) throw notFound('store credit', idOrCode);
      return c;
    },
  };
}
