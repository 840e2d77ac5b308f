// SQL of the recommendations module. One statement records a batch of basket items: the items new to
// their basket are inserted, each new item pairs with its basket's earlier items (the statement's
// snapshot, so never with itself) and with the other new ones, and the pairs' counts and the
// channel's units sold are added; an item already recorded adds nothing, so a replay counts nothing twice.
// Another takes returns away: units sold go down, and a product returned in full leaves its basket
// with its pairs; a return already subtracted (by return id and product) takes nothing again.
import { sql } from 'drizzle-orm';
import { type Executor, rows } from '../../platform/db/database.js';
import type { BasketItem, Neighbour, Ranked, ReturnedItem } from './recommendations.types.js';

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
          insert into recommendation_basket_items (basket, product_id, kind, customer_id, units, at)
          select basket, product_id, kind, customer_id, units, at from input
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

/** Subtracts returned units; returns the products whose pairs changed and the channels whose sales did. */
export async function subtractReturnedItems(
  exec: Executor,
  items: ReturnedItem[],
): Promise<{ products: string[]; channels: string[] }> {
  if (items.length === 0) return { products: [], channels: [] };
  const r = await rows<{ k: 'p' | 'c'; v: string }>(
    exec,
    sql`with input as (
          select return_id, basket, product_id, min(channel_id) as channel_id, sum(units)::int as units
          from unnest(${texts(items.map((i) => i.returnId))}, ${texts(items.map((i) => i.basket))},
                      ${texts(items.map((i) => i.productId))}, ${texts(items.map((i) => i.channelId))},
                      ${sql.param(items.map((i) => i.units))}::int[])
               as t(return_id, basket, product_id, channel_id, units)
          group by return_id, basket, product_id
        ),
        fresh as (
          insert into recommendation_returns (return_id, product_id)
          select return_id, product_id from input on conflict do nothing
          returning return_id, product_id
        ),
        taken as (
          select i.basket, i.product_id, min(i.channel_id) as channel_id, sum(i.units)::int as units
          from input i join fresh f on f.return_id = i.return_id and f.product_id = i.product_id
          group by i.basket, i.product_id
        ),
        kept as (
          select b.basket, b.product_id, b.units - t.units as units_left
          from recommendation_basket_items b
          join taken t on t.basket = b.basket and t.product_id = b.product_id
          where b.kind = 'order'
        ),
        lowered as (
          update recommendation_basket_items b set units = k.units_left from kept k
          where b.basket = k.basket and b.product_id = k.product_id and k.units_left > 0
          returning b.product_id
        ),
        gone as (
          delete from recommendation_basket_items b using kept k
          where b.basket = k.basket and b.product_id = k.product_id and k.units_left <= 0
          returning b.basket, b.product_id
        ),
        -- Each ordered pair once: from a gone item to every other item of its basket, and back
        -- from the items that stay (two gone items give each other their own direction).
        unpaired as (
          select g.product_id, o.product_id as other_id from gone g
            join recommendation_basket_items o on o.basket = g.basket and o.product_id <> g.product_id
          union all
          select o.product_id, g.product_id from gone g
            join recommendation_basket_items o on o.basket = g.basket and o.product_id <> g.product_id
          where not exists (select 1 from gone x where x.basket = o.basket and x.product_id = o.product_id)
        ),
        uncounted as (
          update recommendation_pairs p set bought = greatest(0, p.bought - u.n)
          from (select product_id, other_id, count(*)::int as n from unpaired group by 1, 2) u
          where p.product_id = u.product_id and p.other_id = u.other_id
          returning p.product_id
        ),
        unsold as (
          update recommendation_sales s set units = greatest(0, s.units - t.units)
          from (select channel_id, product_id, sum(units)::int as units from taken group by 1, 2) t
          where s.channel_id = t.channel_id and s.product_id = t.product_id
          returning s.channel_id
        )
        select distinct 'p' as k, product_id as v from uncounted
        union select distinct 'c', channel_id from unsold`,
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
    sql`select other_id, bought, viewed from recommendation_pairs
        where product_id = ${productId} and (bought > 0 or viewed > 0)
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
      ? sql`select product_id, units from recommendation_sales where channel_id = ${channelId} and units > 0
            order by units desc, product_id limit ${limit}`
      : sql`select product_id, sum(units)::int as units from recommendation_sales where units > 0
            group by product_id order by 2 desc, product_id limit ${limit}`,
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
    sql`select product_id, other_id, bought, viewed from recommendation_pairs where bought > 0 or viewed > 0
        order by product_id, other_id`,
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
  await exec.execute(sql`delete from recommendation_returns`);
}
