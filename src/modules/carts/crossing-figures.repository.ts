// SQL of the omnichannel score's hand-off figure: carts that moved to another channel (the carts
// module's own `cart.repriced` events in the log, read by the log's partial index of that type) and
// carts made meanwhile.
import { sql } from 'drizzle-orm';
import { type Executor, rows } from '../../platform/db/database.js';
import { CART_EVENTS } from './carts.events.js';

// A literal, not a parameter: the planner uses a partial index only when it sees its predicate.
const REPRICED = sql.raw(`'${CART_EVENTS.repriced}'`);

export interface CartCrossings {
  fromChannelId: string;
  toChannelId: string;
  carts: number;
}

/** Per (from, to) channel pair: carts moved since `since`. */
export async function selectCartCrossings(exec: Executor, since: Date): Promise<CartCrossings[]> {
  const list = await rows<{ from_channel: string; to_channel: string; carts: string }>(
    exec,
    sql`select payload->>'fromChannelId' as from_channel, channel_id as to_channel, count(distinct subject) as carts
        from events
        where type = ${REPRICED} and recorded_at >= ${since.toISOString()}::timestamptz
          and payload->>'fromChannelId' <> channel_id
        group by 1, 2 order by 1, 2`,
  );
  return list.map((r) => ({
    fromChannelId: r.from_channel,
    toChannelId: r.to_channel,
    carts: Number(r.carts),
  }));
}

/** Carts made since `since` (every status), per channel they are on now. */
export async function selectCartsMade(
  exec: Executor,
  since: Date,
): Promise<Array<{ channelId: string; carts: number }>> {
  const list = await rows<{ channel_id: string; carts: string }>(
    exec,
    sql`select channel_id, count(*) as carts from carts
        where created_at >= ${since.toISOString()}::timestamptz
        group by channel_id order by channel_id`,
  );
  return list.map((r) => ({ channelId: r.channel_id, carts: Number(r.carts) }));
}

/** Up to `limit` of the newest moves since `since`. */
export async function selectCrossingSample(
  exec: Executor,
  since: Date,
  limit: number,
): Promise<Array<{ cartId: string; fromChannelId: string; toChannelId: string }>> {
  const list = await rows<{ subject: string; from_channel: string; to_channel: string }>(
    exec,
    sql`select subject, payload->>'fromChannelId' as from_channel, channel_id as to_channel
        from events
        where type = ${REPRICED} and recorded_at >= ${since.toISOString()}::timestamptz
          and payload->>'fromChannelId' <> channel_id
        order by position desc limit ${limit}`,
  );
  return list.map((r) => ({ cartId: r.subject, fromChannelId: r.from_channel, toChannelId: r.to_channel }));
}
