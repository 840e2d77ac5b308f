// SQL for orders, fulfilments and returns. An order is one row (lines, totals, history as jsonb), so
// creating or changing it is one statement.
import { type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.js';
import { type Executor, firstRow, rows } from '../../platform/db/database.js';
import type { SqlRow } from '../../platform/db/rows.js';
import { type NewEvent, writeWithEvents } from '../../platform/events/event-log.js';
import type { OrderStatus } from './order-state.js';
import type { fulfilments, orders, returns } from './orders.schema.js';
import type { Fulfilment, Order, OrderReturn } from './orders.types.js';

type Json<T> = T | string;
const parse = <T>(v: Json<T>): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);

type OrderSqlRow = SqlRow<typeof orders>;

const toOrder = (r: OrderSqlRow): Order => ({
  id: r.id,
  number: r.number,
  channelId: r.channel_id,
  source: r.source,
  externalSource: r.external_source,
  externalId: r.external_id,
  cartId: r.cart_id,
  customerId: r.customer_id,
  email: r.email,
  phone: r.phone,
  status: r.status,
  currency: r.currency,
  lines: parse(r.lines),
  totals: {
    items: Number(r.items_total),
    discount: Number(r.discount_total),
    shipping: Number(r.shipping_total),
    tax: Number(r.tax_total),
    grand: Number(r.grand_total),
  },
  paidAmount: Number(r.paid_amount),
  refundedAmount: Number(r.refunded_amount),
  delivery: parse(r.delivery),
  pickup:
    r.pickup_code && r.pickup_location_id
      ? {
          code: r.pickup_code,
          locationId: r.pickup_location_id,
          expiresAt: r.pickup_expires_at ? new Date(r.pickup_expires_at) : null,
        }
      : null,
  reservationIds: r.reservation_ids ?? [],
  history: parse(r.history).map((h) => ({ ...h, at: new Date(h.at), by: h.by ?? null })),
  metadata: parse(r.metadata) ?? {},
  placedAt: new Date(r.placed_at),
  updatedAt: new Date(r.updated_at),
});

/** Inserts an order; returns undefined when its cart or external id already has one. */
/** Inserts an order; its number is `<prefix>-` and the sequence's next value. */
export async function insertOrder(
  exec: Executor,
  o: Order,
  numberPrefix: string,
): Promise<Order | undefined> {
  const r = await firstRow<OrderSqlRow>(exec, insertOrderStatement(o, numberPrefix));
  return r ? toOrder(r) : undefined;
}

/** The insert of a placed order (its number from the sequence); no row when the cart or external id has one. */
export function insertOrderStatement(o: Order, numberPrefix: string, returning: SQL = sql`*`): SQL {
  return insertOrdersStatement([o], numberPrefix, returning);
}

/**
 * One insert of several placed orders, each numbered from the sequence; an order whose cart or
 * external id already has one returns no row.
 */
export function insertOrdersStatement(list: Order[], numberPrefix: string, returning: SQL = sql`*`): SQL {
  const values = list.map(
    (
      o,
    ) => sql`(${o.id}, ${`${numberPrefix}-`} || nextval('order_number_seq')::text, ${o.channelId}, ${o.source}, ${o.externalSource}, ${o.externalId}, ${o.cartId}, ${o.customerId},
                ${o.email}, ${o.phone}, ${o.status}, ${o.currency}, ${JSON.stringify(o.lines)}::jsonb,
                ${o.totals.items}, ${o.totals.discount}, ${o.totals.shipping}, ${o.totals.tax}, ${o.totals.grand},
                ${o.paidAmount}, ${o.refundedAmount}, ${JSON.stringify(o.delivery)}::jsonb, ${o.pickup?.code ?? null},
                ${o.pickup?.locationId ?? null}, ${o.pickup?.expiresAt?.toISOString() ?? null},
                ${sql.param(o.reservationIds)}::text[], ${JSON.stringify(o.history)}::jsonb,
                ${JSON.stringify(o.metadata)}::jsonb, ${o.placedAt.toISOString()}, ${o.updatedAt.toISOString()})`,
  );
  return sql`insert into orders (id, number, channel_id, source, external_source, external_id, cart_id, customer_id, email, phone,
                            status, currency, lines, items_total, discount_total, shipping_total, tax_total, grand_total,
                            paid_amount, refunded_amount, delivery, pickup_code, pickup_location_id, pickup_expires_at,
                            reservation_ids, history, metadata, placed_at, updated_at)
        values ${sql.join(values, sql`, `)}
        on conflict do nothing
        returning ${returning}`;
}

/**
 * Inserts several orders in one statement: the number of each inserted one by id. The orders travel
 * as one JSON array in one parameter, so the statement's text is the same for any count (prepared
 * once per connection) and neither side handles a parameter per field (29 per order).
 */
export async function insertOrders(
  exec: Executor,
  list: Order[],
  numberPrefix: string,
): Promise<Map<string, string>> {
  if (!list.length) return new Map();
  const json = JSON.stringify(
    list.map((o) => ({
      id: o.id,
      channel_id: o.channelId,
      source: o.source,
      external_source: o.externalSource,
      external_id: o.externalId,
      cart_id: o.cartId,
      customer_id: o.customerId,
      email: o.email,
      phone: o.phone,
      status: o.status,
      currency: o.currency,
      lines: o.lines,
      items_total: o.totals.items,
      discount_total: o.totals.discount,
      shipping_total: o.totals.shipping,
      tax_total: o.totals.tax,
      grand_total: o.totals.grand,
      paid_amount: o.paidAmount,
      refunded_amount: o.refundedAmount,
      delivery: o.delivery,
      pickup_code: o.pickup?.code ?? null,
      pickup_location_id: o.pickup?.locationId ?? null,
      pickup_expires_at: o.pickup?.expiresAt ?? null,
      reservation_ids: o.reservationIds,
      history: o.history,
      metadata: o.metadata,
      placed_at: o.placedAt,
      updated_at: o.updatedAt,
    })),
  );
  const r = await rows<{ id: string; number: string }>(
    exec,
    sql`insert into orders (id, number, channel_id, source, external_source, external_id, cart_id, customer_id, email, phone,
                            status, currency, lines, items_total, discount_total, shipping_total, tax_total, grand_total,
                            paid_amount, refunded_amount, delivery, pickup_code, pickup_location_id, pickup_expires_at,
                            reservation_ids, history, metadata, placed_at, updated_at)
        select o.id, ${`${numberPrefix}-`} || nextval('order_number_seq')::text, o.channel_id, o.source, o.external_source,
               o.external_id, o.cart_id, o.customer_id, o.email, o.phone, o.status, o.currency, o.lines, o.items_total,
               o.discount_total, o.shipping_total, o.tax_total, o.grand_total, o.paid_amount, o.refunded_amount,
               o.delivery, o.pickup_code, o.pickup_location_id, o.pickup_expires_at,
               array(select jsonb_array_elements_text(o.reservation_ids)), o.history, o.metadata, o.placed_at, o.updated_at
        from jsonb_to_recordset(${json}::jsonb) as o(id text, channel_id text, source text, external_source text,
               external_id text, cart_id text, customer_id text, email text, phone text, status text, currency text,
               lines jsonb, items_total integer, discount_total integer, shipping_total integer, tax_total integer,
               grand_total integer, paid_amount integer, refunded_amount integer, delivery jsonb, pickup_code text,
               pickup_location_id text, pickup_expires_at timestamptz, reservation_ids jsonb, history jsonb,
               metadata jsonb, placed_at timestamptz, updated_at timestamptz)
        on conflict do nothing
        returning id, number`,
  );
  return new Map(r.map((x) => [x.id, x.number]));
}

/** Writes every field of an order that can change after it was placed. */
export async function updateOrderRow(exec: Executor, o: Order): Promise<Order> {
  const r = await firstRow<OrderSqlRow>(
    exec,
    sql`update orders set status = ${o.status}, lines = ${JSON.stringify(o.lines)}::jsonb,
          customer_id = ${o.customerId}, paid_amount = ${o.paidAmount}, refunded_amount = ${o.refundedAmount},
          pickup_expires_at = ${o.pickup?.expiresAt?.toISOString() ?? null},
          reservation_ids = ${sql.param(o.reservationIds)}::text[], history = ${JSON.stringify(o.history)}::jsonb,
          metadata = ${JSON.stringify(o.metadata)}::jsonb, updated_at = ${o.updatedAt.toISOString()}
        where id = ${o.id} returning *`,
  );
  return toOrder(r!);
}

export async function selectOrder(exec: Executor, id: string, forUpdate = false): Promise<Order | undefined> {
  const r = await firstRow<OrderSqlRow>(
    exec,
    sql`select * from orders where id = ${id} ${forUpdate ? sql`for update` : sql``}`,
  );
  return r ? toOrder(r) : undefined;
}

async function selectOrderWhere(exec: Executor, where: SQL): Promise<Order | undefined> {
  const r = await firstRow<OrderSqlRow>(exec, sql`select * from orders where ${where} limit 1`);
  return r ? toOrder(r) : undefined;
}

export const selectOrderByCart = (exec: Executor, cartId: string) =>
  selectOrderWhere(exec, sql`cart_id = ${cartId}`);

export const selectOrderByExternalId = (exec: Executor, source: string | null, id: string | null) =>
  selectOrderWhere(exec, sql`external_source = ${source} and external_id = ${id}`);

/** Which of these (source, external id) pairs have an order: one read for a whole batch. */
export async function selectExternalIds(
  exec: Executor,
  keys: ReadonlyArray<{ externalSource: string; externalId: string }>,
): Promise<Array<{ externalSource: string; externalId: string }>> {
  if (!keys.length) return [];
  const r = await rows<{ external_source: string; external_id: string }>(
    exec,
    sql`select o.external_source, o.external_id
        from unnest(${sql.param(keys.map((k) => k.externalSource))}::text[],
                    ${sql.param(keys.map((k) => k.externalId))}::text[]) as k(source, id)
        join orders o on o.external_source = k.source and o.external_id = k.id`,
  );
  return r.map((x) => ({ externalSource: x.external_source, externalId: x.external_id }));
}

export interface OrderFilter {
  /** Only these orders (one read for a list that names its orders, e.g. a pickup shelf). */
  ids?: readonly string[] | undefined;
  channelId?: string | undefined;
  status?: OrderStatus | undefined;
  customerId?: string | undefined;
  email?: string | undefined;
  phone?: string | undefined;
  number?: string | undefined;
  /** Exact: the order number, id, email or phone. */
  q?: string | undefined;
  pickupLocationId?: string | undefined;
  /** Only orders picked up at one of these locations (a till's own stores). */
  pickupLocationIds?: readonly string[] | undefined;
  pickupCode?: string | undefined;
  /** Placed at or after / before these moments (the admin's date filter). */
  placedFrom?: Date | undefined;
  placedBefore?: Date | undefined;
  /** Newest first: the id (UUIDv7, time-ordered) of the last order of the previous page. */
  before?: string | undefined;
  limit: number;
}

export async function selectOrders(exec: Executor, f: OrderFilter): Promise<Order[]> {
  const where: SQL[] = [sql`true`];
  if (f.ids) where.push(sql`id = any(${sql.param(f.ids)}::text[])`);
  if (f.channelId) where.push(sql`channel_id = ${f.channelId}`);
  if (f.status) where.push(sql`status = ${f.status}`);
  if (f.placedFrom) where.push(sql`placed_at >= ${f.placedFrom.toISOString()}::timestamptz`);
  if (f.placedBefore) where.push(sql`placed_at < ${f.placedBefore.toISOString()}::timestamptz`);
  if (f.customerId) where.push(sql`customer_id = ${f.customerId}`);
  if (f.email) where.push(sql`email = ${f.email}`);
  if (f.phone) where.push(sql`phone = ${f.phone}`);
  if (f.number) where.push(sql`number = ${f.number.trim().toUpperCase()}`);
  if (f.q) {
    const q = f.q.trim();
    where.push(
      sql`(number = ${q.toUpperCase()} or id = ${q} or customer_id = ${q} or email = ${q.toLowerCase()} or phone = ${q.replace(/[\s()-]/g, '')})`,
    );
  }
  if (f.pickupLocationId) where.push(sql`pickup_location_id = ${f.pickupLocationId}`);
  if (f.pickupLocationIds)
    where.push(sql`pickup_location_id = any(${sql.param(f.pickupLocationIds)}::text[])`);
  // A given code always filters: a blank one matches nothing instead of dropping the filter.
  if (f.pickupCode !== undefined) where.push(sql`pickup_code = ${f.pickupCode}`);
  if (f.before) where.push(sql`id < ${f.before}`);
  return (
    await rows<OrderSqlRow>(
      exec,
      sql`select * from orders where ${sql.join(where, sql` and `)} order by id desc limit ${f.limit}`,
    )
  ).map(toOrder);
}

export async function selectOrderIdsWithExpiredPickup(
  exec: Executor,
  now: Date,
  limit: number,
): Promise<string[]> {
  return (
    await rows<{ id: string }>(
      exec,
      sql`select id from orders where pickup_expires_at < ${now.toISOString()}
            and status in ('pending', 'paid', 'allocated') order by pickup_expires_at limit ${limit}`,
    )
  ).map((r) => r.id);
}

type FulfilmentSqlRow = SqlRow<typeof fulfilments>;

const toFulfilment = (r: FulfilmentSqlRow): Fulfilment => ({
  id: r.id,
  orderId: r.order_id,
  kind: r.kind,
  locationId: r.location_id,
  status: r.status,
  lines: parse(r.lines),
  routing: parse(r.routing),
  tracking: r.tracking === null ? null : parse(r.tracking),
  createdAt: new Date(r.created_at),
  updatedAt: new Date(r.updated_at),
});

/** Inserts fulfilments with their events (and any events the transaction has waiting): one statement. */
export async function insertFulfilments(ctx: Ctx, list: Fulfilment[], events: NewEvent[]): Promise<void> {
  if (list.length === 0) return;
  await writeWithEvents(
    ctx,
    events,
    'ins',
    (ev) => sql`with ins as (${insertFulfilmentsStatement(list)}), ${ev}
        select id from ins`,
  );
}

/** The insert of fulfilments, returning their ids. */
export function insertFulfilmentsStatement(list: Fulfilment[]): SQL {
  return sql`insert into order_fulfilments (id, order_id, kind, location_id, status, lines, routing, tracking, created_at, updated_at)
        select f.id, f.order_id, f.kind, f.location_id, f.status, f.lines, f.routing, f.tracking, f.created_at, f.created_at
        from jsonb_to_recordset(${JSON.stringify(
          list.map((f) => ({
            id: f.id,
            order_id: f.orderId,
            kind: f.kind,
            location_id: f.locationId,
            status: f.status,
            lines: f.lines,
            routing: f.routing,
            tracking: f.tracking,
            created_at: f.createdAt.toISOString(),
          })),
        )}::jsonb) as f(id text, order_id text, kind text, location_id text, status text, lines jsonb,
                        routing jsonb, tracking jsonb, created_at timestamptz)
        returning id`;
}

export async function selectFulfilmentsOfOrder(
  exec: Executor,
  orderId: string,
  forUpdate = false,
): Promise<Fulfilment[]> {
  return (
    await rows<FulfilmentSqlRow>(
      exec,
      sql`select * from order_fulfilments where order_id = ${orderId} order by id ${forUpdate ? sql`for update` : sql``}`,
    )
  ).map(toFulfilment);
}

export async function selectFulfilment(
  exec: Executor,
  id: string,
  forUpdate = false,
): Promise<Fulfilment | undefined> {
  const r = await firstRow<FulfilmentSqlRow>(
    exec,
    sql`select * from order_fulfilments where id = ${id} ${forUpdate ? sql`for update` : sql``}`,
  );
  return r ? toFulfilment(r) : undefined;
}

export async function updateFulfilmentStatus(
  exec: Executor,
  id: string,
  status: Fulfilment['status'],
  at: Date,
  tracking?: Record<string, unknown> | null,
): Promise<Fulfilment> {
  const r = await firstRow<FulfilmentSqlRow>(
    exec,
    sql`update order_fulfilments set status = ${status}, updated_at = ${at.toISOString()},
          tracking = coalesce(${tracking === undefined || tracking === null ? null : JSON.stringify(tracking)}::jsonb, tracking)
        where id = ${id} returning *`,
  );
  return toFulfilment(r!);
}

export interface FulfilmentTaskFilter {
  locationId?: string | undefined;
  status?: Fulfilment['status'] | undefined;
  /** A channel-bound caller: tasks of its channel's orders and tasks at its own store locations. */
  visibleTo?: { channelId: string; locationIds: readonly string[] } | undefined;
}

export async function selectFulfilmentTasks(
  exec: Executor,
  f: FulfilmentTaskFilter & { limit: number },
): Promise<Fulfilment[]> {
  // A till sale's counter fulfilment is done when it is made: never a task.
  const where: SQL[] = [sql`kind <> 'counter'`];
  if (f.locationId) where.push(sql`location_id = ${f.locationId}`);
  if (f.visibleTo) {
    const { channelId, locationIds } = f.visibleTo;
    where.push(sql`(order_id in (select id from orders where channel_id = ${channelId})
      or location_id = any(${sql.param(locationIds)}::text[]))`);
  }
  if (f.status) where.push(sql`status = ${f.status}`);
  return (
    await rows<FulfilmentSqlRow>(
      exec,
      sql`select * from order_fulfilments where ${sql.join(where, sql` and `)} order by id limit ${f.limit}`,
    )
  ).map(toFulfilment);
}

type ReturnSqlRow = SqlRow<typeof returns>;

const toReturn = (r: ReturnSqlRow): OrderReturn => ({
  id: r.id,
  orderId: r.order_id,
  channelId: r.channel_id,
  locationId: r.location_id,
  method: r.method,
  lines: parse(r.lines),
  refundMethod: r.refund_method,
  refundAmount: Number(r.refund_amount),
  currency: r.currency,
  createdBy: r.created_by,
  createdAt: new Date(r.created_at),
});

export async function insertReturn(exec: Executor, r: OrderReturn): Promise<void> {
  await exec.execute(
    sql`insert into order_returns (id, order_id, channel_id, location_id, method, lines, refund_method, refund_amount,
                                   currency, created_by, created_at)
        values (${r.id}, ${r.orderId}, ${r.channelId}, ${r.locationId}, ${r.method}, ${JSON.stringify(r.lines)}::jsonb,
                ${r.refundMethod}, ${r.refundAmount}, ${r.currency}, ${r.createdBy}, ${r.createdAt.toISOString()})`,
  );
}

export async function selectReturnsOfOrder(exec: Executor, orderId: string): Promise<OrderReturn[]> {
  return (
    await rows<ReturnSqlRow>(exec, sql`select * from order_returns where order_id = ${orderId} order by id`)
  ).map(toReturn);
}
