// SQL of the insights projection's cart channels: the channels each cart was seen on (its own, a merged
// cart's, the checkout's), keyed so a replay adds nothing, and the carts that crossed channels.
import { sql } from 'drizzle-orm';
import { type Executor, rows } from '../../platform/db/database.js';
import { inRange, texts, times } from './insights.repository.js';
import type { CartSighting, Range } from './insights.types.js';

export async function insertCartSightings(exec: Executor, carts: CartSighting[]): Promise<void> {
  if (carts.length === 0) return;
  await exec.execute(
    sql`insert into insights_cart_channels (cart_id, channel_id, customer_id, at)
        select distinct on (cart_id, channel_id) * from unnest(${texts(carts.map((c) => c.cartId))},
          ${texts(carts.map((c) => c.channelId))}, ${texts(carts.map((c) => c.customerId))},
          ${times(carts.map((c) => c.at))}) as t(cart_id, channel_id, customer_id, at)
        order by cart_id, channel_id, at
        on conflict (cart_id, channel_id) do nothing`,
  );
  const merges = carts.flatMap((c) =>
    (c.mergedCartIds ?? []).map((m) => ({ into: c.cartId, from: m, at: c.at })),
  );
  if (merges.length)
    await exec.execute(
      sql`insert into insights_cart_channels (cart_id, channel_id, customer_id, at)
          select distinct on (m.into_id, s.channel_id) m.into_id, s.channel_id, s.customer_id, m.at
          from unnest(${texts(merges.map((m) => m.into))}, ${texts(merges.map((m) => m.from))},
                      ${times(merges.map((m) => m.at))}) as m(into_id, from_id, at)
          join insights_cart_channels s on s.cart_id = m.from_id
          order by m.into_id, s.channel_id, m.at
          on conflict (cart_id, channel_id) do nothing`,
    );
}

/** Carts seen on more than one channel, their first sighting in the range. */
export async function selectCrossedCarts(
  exec: Executor,
  r: Range,
  limit: number,
): Promise<{
  total: number;
  carts: Array<{ cartId: string; customerId: string | null; channels: string[] }>;
}> {
  const found = await rows<{
    cart_id: string;
    customer_id: string | null;
    channels: string[];
    total: number;
  }>(
    exec,
    sql`with crossed as (
          select cart_id, max(customer_id) as customer_id, array_agg(channel_id order by at, channel_id) as channels
          from insights_cart_channels group by cart_id
          having count(*) > 1 and ${inRange(sql`min(at)`, r)}
        )
        select cart_id, customer_id, channels, count(*) over ()::int as total from crossed
        order by cart_id limit ${limit}`,
  );
  return {
    total: Number(found[0]?.total ?? 0),
    carts: found.map((x) => ({ cartId: x.cart_id, customerId: x.customer_id, channels: x.channels })),
  };
}
