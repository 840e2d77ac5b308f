// SQL of the recommendations module. One statement records a batch of basket items: the items new to
// their basket are inserted, each new item pairs with its basket's earlier items (the statement's
// snapshot, so never with itself) and with the other new ones, and the pairs' counts and the
// channel's units sold are added; an item already recorded adds nothing, so a replay counts nothing twice.
import { sql } from 'drizzle-orm';
import { type Executor, rows } from '../../platform/db/database.js';
import type { BasketItem, Neighbour, Ranked } from './recommendations.types.js';

const texts = (v: Array<string | null>) => sql`${sql.param(v)}::text[]`;

/** Records basket items; returns the products whose pairs changed and the channels whose sales did. */
export async function insertBasketItems(
  exec: Executor,
  items: BasketItem[],
): Promise<{ products: string[]; channels: string[] }> {
  if (items.length === 0) return { products: [], channels: [] };
  const r = await rows<{ k: 'p' | 'c'; v: string }>(
    exec,
    sql`with input as (
          select basket, product_id, min(kind) as kind, min(customer_id) as customer_id,
                 min(channel_id) as channel_id, sum(units)::int as units, min(at) as at
          from unnest(${texts(items.map((i) => i.basket))}, ${texts(items.map((i) => i.productId))},
                      ${texts(items.map((i) => i.kind))}, ${texts(items.map((i) => i.customerId))},
                      ${texts(items.map((i) => i.channelId))},
                      ${sql.param(items.map((i) => i.units))}::int[],
                      ${sql.param(items.map((i) => i.at.toISOString()))}::timestamptz[])
               as t(basket, product_id, kind, customer_id, channel_id, units, at)
          group by basket, product_id
        ),
        added as (
          insert into recommendation_basket_items (basket, product_id, kind, customer_id, at)
          select basket, product_id, kind, customer_id, at from input
          on conflict do nothing
          returning basket, product_id, kind
        ),
        pairs as (
          select a.product_id, o.product_id as other_id, a.kind from added a
            join recommendation_basket_items o on o.basket = a.basket
          union all
          select o.product_id, a.product_id, a.kind from added a
            join recommendation_basket_items o on o.basket = a.basket
          union all
          select a.product_id, b.product_id, a.kind from added a
            join added b on b.basket = a.basket and b.product_id <> a.product_id
        ),
        counted as (
          insert into recommendation_pairs (product_id, other_id, bought, viewed)
          select product_id, other_id, count(*) filter (where kind = 'order'),
                 count(*) filter (where kind = 'view')
          from pairs group by product_id, other_id
          on conflict (product_id, other_id) do update
            set bought = recommendation_pairs.bought + excluded.bought,
                viewed = recommendation_pairs.viewed + excluded.viewed
          returning product_id
        ),
        sold as (
          insert into recommendation_sales (channel_id, product_id, units)
          select i.channel_id, i.product_id, sum(i.units)::int from added a
            join input i on i.basket = a.basket and i.product_id = a.product_id
          where a.kind = 'order' and i.channel_id is not null
          group by i.channel_id, i.product_id
          on conflict (channel_id, product_id) do update
            set units = recommendation_sales.units + excluded.units
          returning channel_id
        )
        select distinct 'p' as k, product_id as v from counted
        union select distinct 'c', channel_id from sold`,
  );
  return {
    products: r.filter((x) => x.k === 'p').map((x) => x.v),
    channels: r.filter((x) => x.k === 'c').map((x) => x.v),
  };
}

/** The products most often bought (weight 3) or viewed (1) with this one, best first. */
export async function selectNeighbours(
  exec: Executor,
  productId: string,
  limit: number,
): Promise<Neighbour[]> {
  const r = await rows<{ other_id: string; bought: number; viewed: number }>(
    exec,
    sql`select other_id, bought, viewed from recommendation_pairs where product_id = ${productId}
        order by bought * 3 + viewed desc, other_id limit ${limit}`,
  );
  return r.map((x) => ({
    productId: x.other_id,
    bought: Number(x.bought),
    viewed: Number(x.viewed),
    score: Number(x.bought) * 3 + Number(x.viewed),
  }));
}

/** A channel's best sellers by units; every channel's together when channelId is null. */
export async function selectBestSellers(
  exec: Executor,
  channelId: string | null,
  limit: number,
): Promise<Ranked[]> {
  const r = await rows<{ product_id: string; units: number }>(
    exec,
    channelId
      ? sql`select product_id, units from recommendation_sales where channel_id = ${channelId}
            order by units desc, product_id limit ${limit}`
      : sql`select product_id, sum(units)::int as units from recommendation_sales group by product_id
            order by 2 desc, product_id limit ${limit}`,
  );
  return r.map((x) => ({ productId: x.product_id, score: Number(x.units) }));
}

/** The products a customer bought or viewed, newest first. */
export async function selectProductsOfCustomer(
  exec: Executor,
  customerId: string,
  limit: number,
): Promise<Array<{ productId: string; kind: 'order' | 'view' }>> {
  const r = await rows<{ product_id: string; kind: 'order' | 'view' }>(
    exec,
    sql`select product_id, kind from recommendation_basket_items where customer_id = ${customerId}
        order by at desc limit ${limit}`,
  );
  return r.map((x) => ({ productId: x.product_id, kind: x.kind }));
}

/** Every pair count (tests and the rebuild check). */
export async function selectAllPairs(exec: Executor): Promise<Array<Neighbour & { of: string }>> {
  const r = await rows<{ product_id: string; other_id: string; bought: number; viewed: number }>(
    exec,
    sql`select product_id, other_id, bought, viewed from recommendation_pairs order by product_id, other_id`,
  );
  return r.map((x) => ({
    of: x.product_id,
    productId: x.other_id,
    bought: Number(x.bought),
    viewed: Number(x.viewed),
    score: Number(x.bought) * 3 + Number(x.viewed),
  }));
}

/** Empties every derived table (a rebuild from log position 0 follows). */
export async function deleteEverything(exec: Executor): Promise<void> {
  await exec.execute(sql`delete from recommendation_basket_items`);
  await exec.execute(sql`delete from recommendation_pairs`);
  await exec.execute(sql`delete from recommendation_sales`);
}
