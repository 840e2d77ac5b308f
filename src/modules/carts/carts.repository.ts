// SQL for carts. A cart is one row; writes check the version the caller read (optimistic), so two
// channels changing one cart at once cannot lose each other's lines.
import { type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.js';
import { type Executor, firstRow, rows } from '../../platform/db/database.js';
import type { SqlRow } from '../../platform/db/rows.js';
import { type NewEvent, writeWithEvents } from '../../platform/events/event-log.js';
import type { carts } from './carts.schema.js';
import type { Cart, CartLine } from './carts.types.js';
import { qrPayload } from './handoff-code.js';

type Json<T> = T | string;
const parse = <T>(v: Json<T>): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);

type CartSqlRow = SqlRow<typeof carts>;

export const toCart = (r: CartSqlRow): Cart => {
  const lines: CartLine[] = parse(r.lines).map(({ priceOverride, ...l }) => ({
    ...l,
    ...(priceOverride ? { priceOverride: { ...priceOverride, at: new Date(priceOverride.at) } } : {}),
    addedAt: new Date(l.addedAt),
    holds: l.holds.map((h) => ({ ...h, expiresAt: h.expiresAt ? new Date(h.expiresAt) : null })),
  }));
  return {
    id: r.id,
    channelId: r.channel_id,
    currency: r.currency,
    profileId: r.profile_id,
    anonymousId: r.anonymous_id,
    email: r.email,
    phone: r.phone,
    status: r.status,
    handoff: { code: r.handoff_code, qrPayload: qrPayload(r.handoff_code) },
    lines,
    itemsTotal: lines.reduce((s, l) => s + l.quantity * l.unitPrice, 0),
    delivery: r.delivery === null ? null : parse(r.delivery),
    mergedInto: r.merged_into,
    orderId: r.order_id,
    version: Number(r.version),
    createdAt: new Date(r.created_at),
    updatedAt: new Date(r.updated_at),
  };
};

/**
 * Inserts a cart with its events (one statement); undefined when its handoff code is taken by
 * another active cart (then nothing is written).
 */
export async function insertCart(
  ctx: Ctx,
  c: Cart,
  events: NewEvent[],
  tokenHash: string | null = null,
): Promise<Cart | undefined> {
  const [r] = await writeWithEvents<CartSqlRow>(
    ctx,
    events,
    'ins',
    (
      ev,
    ) => sql`with ins as (insert into carts (id, channel_id, currency, profile_id, anonymous_id, email, phone, status, handoff_code, token_hash, lines,
                           delivery, merged_into, order_id, version, created_at, updated_at)
        values (${c.id}, ${c.channelId}, ${c.currency}, ${c.profileId}, ${c.anonymousId}, ${c.email}, ${c.phone}, ${c.status},
                ${c.handoff.code}, ${tokenHash}, ${JSON.stringify(c.lines)}::jsonb, ${c.delivery ? JSON.stringify(c.delivery) : null}::jsonb,
                ${c.mergedInto}, ${c.orderId}, ${c.version}, ${c.createdAt.toISOString()}, ${c.updatedAt.toISOString()})
        on conflict do nothing returning *), ${ev}
        select * from ins`,
  );
  return r ? toCart(r) : undefined;
}

/**
 * Writes a changed cart and its events (one statement) if nobody changed it since `c.version` was
 * read; undefined otherwise (then nothing is written).
 */
export async function updateCartRow(ctx: Ctx, c: Cart, events: NewEvent[]): Promise<Cart | undefined> {
  const [r] = await writeWithEvents<CartSqlRow>(
    ctx,
    events,
    'upd',
    (ev) => sql`with upd as (${updateCartStatement(c, sql`*`)}), ${ev}
        select * from upd`,
  );
  return r ? toCart(r) : undefined;
}

/** The version-checked update of a cart (returning `returning`, or 1): no row when it changed meanwhile. */
export function updateCartStatement(c: Cart, returning: SQL = sql`1`): SQL {
  return sql`update carts set channel_id = ${c.channelId}, currency = ${c.currency}, profile_id = ${c.profileId},
          anonymous_id = ${c.anonymousId}, email = ${c.email}, phone = ${c.phone}, status = ${c.status},
          lines = ${JSON.stringify(c.lines)}::jsonb, delivery = ${c.delivery ? JSON.stringify(c.delivery) : null}::jsonb,
          merged_into = ${c.mergedInto}, order_id = ${c.orderId}, version = version + 1, updated_at = ${c.updatedAt.toISOString()}
        where id = ${c.id} and version = ${c.version} returning ${returning}`;
}

export async function selectCart(exec: Executor, id: string, forUpdate = false): Promise<Cart | undefined> {
  const r = await firstRow<CartSqlRow>(
    exec,
    sql`select * from carts where id = ${id} ${forUpdate ? sql`for update` : sql``}`,
  );
  return r ? toCart(r) : undefined;
}

async function selectCarts(exec: Executor, where: SQL, limit = 20): Promise<Cart[]> {
  return (
    await rows<CartSqlRow>(
      exec,
      sql`select * from carts where ${where} order by updated_at desc, id desc limit ${limit}`,
    )
  ).map(toCart);
}

/** Who owns a cart: its profile and the hash of its cart token (undefined when there is no such cart). */
export async function selectCartOwnership(
  exec: Executor,
  id: string,
): Promise<{ profileId: string | null; tokenHash: string | null } | undefined> {
  const r = await firstRow<{ profile_id: string | null; token_hash: string | null }>(
    exec,
    sql`select profile_id, token_hash from carts where id = ${id}`,
  );
  return r ? { profileId: r.profile_id, tokenHash: r.token_hash } : undefined;
}

/** The active cart with this handoff code. */
export async function selectActiveCartByHandoff(exec: Executor, code: string): Promise<Cart | undefined> {
  return (await selectCarts(exec, sql`handoff_code = ${code} and status = 'active'`, 1))[0];
}

/** Active carts of any of these profiles, anonymous ids, emails or phones, newest first. */
export async function selectActiveCartsOf(
  exec: Executor,
  by: { profileIds?: string[]; anonymousIds?: string[]; emails?: string[]; phones?: string[] },
): Promise<Cart[]> {
  const any: SQL[] = [];
  if (by.profileIds?.length) any.push(sql`profile_id = any(${sql.param(by.profileIds)}::text[])`);
  if (by.anonymousIds?.length) any.push(sql`anonymous_id = any(${sql.param(by.anonymousIds)}::text[])`);
  if (by.emails?.length) any.push(sql`email = any(${sql.param(by.emails)}::text[])`);
  if (by.phones?.length) any.push(sql`phone = any(${sql.param(by.phones)}::text[])`);
  if (any.length === 0) return [];
  return selectCarts(exec, sql`status = 'active' and (${sql.join(any, sql` or `)})`);
}

/** Per channel, the active carts touched since `since` and the units in their lines. */
export async function selectActiveCartStats(
  exec: Executor,
  f: { since: Date; channelId?: string | undefined },
): Promise<Array<{ channelId: string; activeCarts: number; units: number }>> {
  const list = await rows<
    Pick<CartSqlRow, 'channel_id'> & { active_carts: number | string; units: number | string | null }
  >(
    exec,
    sql`select c.channel_id, count(*) as active_carts,
               sum((select coalesce(sum((l->>'quantity')::int), 0) from jsonb_array_elements(c.lines) l)) as units
        from carts c
        where c.status = 'active' and c.updated_at >= ${f.since.toISOString()}::timestamptz
          ${f.channelId ? sql`and c.channel_id = ${f.channelId}` : sql``}
        group by c.channel_id
        order by c.channel_id`,
  );
  return list.map((r) => ({
    channelId: r.channel_id,
    activeCarts: Number(r.active_carts),
    units: Number(r.units ?? 0),
  }));
}
