// SQL for payments, refunds and store credit.
import { type SQL, sql } from 'drizzle-orm';
import { type Executor, firstRow, rows } from '../../platform/db/database.js';
import type { SqlRow } from '../../platform/db/rows.js';
import type { payments, refunds, storeCredits } from './payments.schema.js';
import type { Payment, Refund, StoreCredit } from './payments.types.js';

type PaymentSqlRow = SqlRow<typeof payments>;

const toPayment = (r: PaymentSqlRow): Payment => ({
  id: r.id,
  orderId: r.order_id,
  provider: r.provider,
  status: r.status,
  amount: Number(r.amount),
  currency: r.currency,
  refundedAmount: Number(r.refunded_amount),
  providerRef: r.provider_ref,
  failureCode: r.failure_code,
  failureMessage: r.failure_message,
  createdAt: new Date(r.created_at),
  updatedAt: new Date(r.updated_at),
});

export async function insertPayment(exec: Executor, p: Payment): Promise<void> {
  await exec.execute(insertPaymentStatement(p));
}

/** Several payments in one insert (one JSON parameter). */
export async function insertPayments(exec: Executor, list: Payment[]): Promise<void> {
  if (list.length === 0) return;
  const doc = JSON.stringify(
    list.map((p) => ({
      id: p.id,
      order_id: p.orderId,
      provider: p.provider,
      status: p.status,
      amount: p.amount,
      currency: p.currency,
      refunded_amount: p.refundedAmount,
      provider_ref: p.providerRef,
      failure_code: p.failureCode,
      failure_message: p.failureMessage,
      created_at: p.createdAt.toISOString(),
      updated_at: p.updatedAt.toISOString(),
    })),
  );
  await exec.execute(
    sql`insert into payments (id, order_id, provider, status, amount, currency, refunded_amount, provider_ref,
                              failure_code, failure_message, created_at, updated_at)
        select id, order_id, provider, status, amount, currency, refunded_amount, provider_ref,
               failure_code, failure_message, created_at, updated_at
        from jsonb_to_recordset(${doc}::jsonb) as u(id text, order_id text, provider text, status text,
             amount integer, currency text, refunded_amount integer, provider_ref text, failure_code text,
             failure_message text, created_at timestamptz, updated_at timestamptz)`,
  );
}

/** The insert of a payment (returning its id). */
export function insertPaymentStatement(p: Payment): SQL {
  return sql`insert into payments (id, order_id, provider, status, amount, currency, refunded_amount, provider_ref,
                              failure_code, failure_message, created_at, updated_at)
        values (${p.id}, ${p.orderId}, ${p.provider}, ${p.status}, ${p.amount}, ${p.currency}, ${p.refundedAmount},
                ${p.providerRef}, ${p.failureCode}, ${p.failureMessage}, ${p.createdAt.toISOString()}, ${p.updatedAt.toISOString()})
        returning id`;
}

export async function selectPayment(
  exec: Executor,
  id: string,
  forUpdate = false,
): Promise<Payment | undefined> {
  const r = await firstRow<PaymentSqlRow>(
    exec,
    sql`select * from payments where id = ${id} ${forUpdate ? sql`for update` : sql``}`,
  );
  return r ? toPayment(r) : undefined;
}

/** The payments of many orders in one read. */
export async function selectPaymentsOfOrders(
  exec: Executor,
  orderIds: readonly string[],
): Promise<Payment[]> {
  if (orderIds.length === 0) return [];
  return (
    await rows<PaymentSqlRow>(
      exec,
      sql`select * from payments where order_id = any(${sql.param([...orderIds])}::text[]) order by created_at, id`,
    )
  ).map(toPayment);
}

export async function selectPaymentsOfOrder(
  exec: Executor,
  orderId: string,
  forUpdate = false,
): Promise<Payment[]> {
  return (
    await rows<PaymentSqlRow>(
      exec,
      sql`select * from payments where order_id = ${orderId} order by created_at, id ${forUpdate ? sql`for update` : sql``}`,
    )
  ).map(toPayment);
}

export async function updatePaymentStatus(
  exec: Executor,
  id: string,
  fields: { status: Payment['status']; refundedAmount?: number; updatedAt: Date },
): Promise<Payment | undefined> {
  const r = await firstRow<PaymentSqlRow>(
    exec,
    sql`update payments set status = ${fields.status},
          refunded_amount = coalesce(${fields.refundedAmount ?? null}::int, refunded_amount),
          updated_at = ${fields.updatedAt.toISOString()}
        where id = ${id} returning *`,
  );
  return r ? toPayment(r) : undefined;
}

/** A refund with the code of the store credit it issued (left joined). */
type RefundSqlRow = SqlRow<typeof refunds> & {
  store_credit_code: SqlRow<typeof storeCredits>['code'] | null;
};

const toRefund = (r: RefundSqlRow): Refund => ({
  id: r.id,
  orderId: r.order_id,
  paymentId: r.payment_id,
  returnId: r.return_id,
  method: r.method,
  amount: Number(r.amount),
  currency: r.currency,
  status: r.status,
  providerRef: r.provider_ref,
  storeCreditId: r.store_credit_id,
  storeCreditCode: r.store_credit_code ?? null,
  reason: r.reason,
  createdAt: new Date(r.created_at),
});

export async function insertRefund(exec: Executor, r: Refund): Promise<void> {
  await exec.execute(
    sql`insert into payment_refunds (id, order_id, payment_id, return_id, method, amount, currency, status,
                                     provider_ref, store_credit_id, reason, created_at)
        values (${r.id}, ${r.orderId}, ${r.paymentId}, ${r.returnId}, ${r.method}, ${r.amount}, ${r.currency},
                ${r.status}, ${r.providerRef}, ${r.storeCreditId}, ${r.reason}, ${r.createdAt.toISOString()})`,
  );
}

export async function selectRefundsOfOrder(exec: Executor, orderId: string): Promise<Refund[]> {
  return (
    await rows<RefundSqlRow>(
      exec,
      sql`select r.*, c.code as store_credit_code from payment_refunds r
          left join store_credits c on c.id = r.store_credit_id
          where r.order_id = ${orderId} order by r.created_at, r.id`,
    )
  ).map(toRefund);
}

type CreditSqlRow = SqlRow<typeof storeCredits>;

const toCredit = (r: CreditSqlRow): StoreCredit => ({
  id: r.id,
  code: r.code,
  profileId: r.profile_id,
  orderId: r.order_id,
  currency: r.currency,
  issuedAmount: Number(r.issued_amount),
  balance: Number(r.balance),
  createdAt: new Date(r.created_at),
});

export async function insertStoreCredit(exec: Executor, c: StoreCredit): Promise<void> {
  await exec.execute(
    sql`insert into store_credits (id, code, profile_id, order_id, currency, issued_amount, balance, created_at)
        values (${c.id}, ${c.code}, ${c.profileId}, ${c.orderId}, ${c.currency}, ${c.issuedAmount}, ${c.balance},
                ${c.createdAt.toISOString()})`,
  );
}

export async function selectStoreCredit(exec: Executor, idOrCode: string): Promise<StoreCredit | undefined> {
  const r = await firstRow<CreditSqlRow>(
    exec,
    sql`select * from store_credits where id = ${idOrCode} or code = ${idOrCode}`,
  );
  return r ? toCredit(r) : undefined;
}
