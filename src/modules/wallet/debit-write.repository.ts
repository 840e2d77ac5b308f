// SQL of the debit group commit: the account's numbers and the batch's repeats in one read, and the
// batch's write in ONE statement (its own transaction): the balance, an entry per debit and a
// wallet.debited event per debit with its own actor and request id, written only if the balance,
// status and expiry are still those the decision saw and none of the refs has been written since.
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.js';
import { type Executor, firstRow, rows } from '../../platform/db/database.js';
import {
  checkGroupEvents,
  groupEventsCte,
  groupEventsWritten,
  notifyEventsWritten,
} from '../../platform/events/event-log.js';
import type { DebitDecision, DebitState } from './debit-decision.js';
import { WALLET_EVENTS } from './wallet.events.js';
import { type EntrySqlRow, toEntry } from './wallet.repository.js';
import type { WalletEntry } from './wallet.types.js';

/** The account's numbers and the entries already written under `refs`; undefined: no such account. */
export async function readDebitState(
  exec: Executor,
  accountId: string,
  refs: readonly string[],
): Promise<DebitState | undefined> {
  const a = await firstRow<{
    balance: number;
    status: string;
    expires_at: string | Date | null;
    found: unknown;
  }>(
    exec,
    sql`select a.balance, a.status, a.expires_at,
               (select jsonb_agg(e.*) from wallet_entries e
                where e.account_id = a.id and e.ref = any(${sql.param([...refs])}::text[])) as found
        from wallet_accounts a where a.id = ${accountId}`,
  );
  if (!a) return undefined;
  const found = (typeof a.found === 'string' ? JSON.parse(a.found) : (a.found ?? [])) as EntrySqlRow[];
  return {
    balance: Number(a.balance),
    status: a.status,
    expiresAt: a.expires_at ? new Date(a.expires_at) : null,
    existing: new Map(found.map((r) => [r.ref, toEntry(r)])),
  };
}

/**
 * Writes the decision's debits if the account still has the balance they were decided on, is active
 * and unexpired, and none of `refs` (taken or not) was written meanwhile; the entries by ref, or undefined when stale.
 * A ref written by a concurrent statement fails it with a unique violation (also stale).
 */
export async function writeDebitsIfUnchanged(
  ctx: Ctx,
  accountId: string,
  decidedOn: Pick<DebitState, 'balance'>,
  refs: readonly string[],
  d: DebitDecision,
): Promise<Map<string, WalletEntry> | undefined> {
  const now = ctx.clock.now().toISOString();
  const t = d.taken;
  const input = sql`unnest(${sql.param(t.map((_, i) => i))}::int[], ${sql.param(t.map((x) => x.entryId))}::text[],
      ${sql.param(t.map((x) => x.eventId))}::text[], ${sql.param(t.map((x) => x.ref))}::text[],
      ${sql.param(t.map((x) => -x.amount))}::int[], ${sql.param(t.map((x) => x.balanceAfter))}::int[],
      ${sql.param(t.map((x) => x.orderId))}::text[], ${sql.param(t.map((x) => x.channelId))}::text[],
      ${sql.param(t.map((x) => x.moneyAmount))}::int[], ${sql.param(t.map((x) => x.currency))}::text[],
      ${sql.param(t.map((x) => (x.lines ? JSON.stringify(x.lines) : null)))}::text[],
      ${sql.param(t.map((x) => x.actor))}::text[], ${sql.param(t.map((x) => x.requestId))}::text[])
    as i(ord, entry_id, event_id, ref, amount, balance_after, order_id, channel_id, money_amount, currency,
         lines, actor, request_id)`;
  // The same fields as a single movement's event (wallet.repository moveBalance).
  const events = sql`select i.event_id as id, ${WALLET_EVENTS.debited}::text as type, acc.id as subject,
        ent.channel_id, jsonb_build_object('accountId', acc.id, 'accountKind', acc.kind,
          'customerId', acc.profile_id, 'entryId', ent.id, 'entryKind', ent.kind, 'amount', ent.amount,
          'balance', ent.balance_after, 'currency', acc.currency, 'orderId', ent.order_id) as payload,
        i.actor, i.request_id, ent.created_at as occurred_at, i.ord
      from ent join input i on i.entry_id = ent.id, acc`;
  const found = await rows<EntrySqlRow & { written_events?: unknown }>(
    ctx.db,
    sql`with input as (select * from ${input}),
        acc as (
          update wallet_accounts set balance = ${d.balanceAfter}::int, updated_at = ${now}
          where id = ${accountId} and balance = ${decidedOn.balance}::int and status = 'active'
            and (expires_at is null or expires_at > ${now}::timestamptz)
            and not exists (select 1 from wallet_entries
                            where account_id = ${accountId} and ref = any(${sql.param([...refs])}::text[]))
          returning id, kind, profile_id, currency, balance),
        ent as (
          insert into wallet_entries (id, account_id, kind, amount, balance_after, ref, order_id, channel_id,
                                      money_amount, currency, reason, lines, created_at)
          select i.entry_id, acc.id, 'redeem', i.amount, i.balance_after, i.ref, i.order_id, i.channel_id,
                 i.money_amount, i.currency, null, i.lines::jsonb, ${now}::timestamptz
          from input i, acc order by i.ord
          returning *),
        ${groupEventsCte(ctx, events)}
        select ent.*${groupEventsWritten()} from ent`,
  );
  if (found.length === 0) return undefined;
  checkGroupEvents(found);
  notifyEventsWritten(ctx);
  return new Map(found.map((r) => [r.ref, toEntry(r)]));
}
