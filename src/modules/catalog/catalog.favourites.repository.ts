// SQL of the tills' favourites (the product grid per channel).
import { sql } from 'drizzle-orm';
import { type Executor, rows } from '../../platform/db/database.js';
import type { SqlRow } from '../../platform/db/rows.js';
import type { catalogChannelFavourites } from './catalog.schema.js';

type FavouriteSqlRow = Pick<SqlRow<typeof catalogChannelFavourites>, 'sku'>;

/** The channel's favourite SKUs in the grid's order. */
export async function selectFavourites(exec: Executor, channelId: string): Promise<string[]> {
  const r = await rows<FavouriteSqlRow>(
    exec,
    sql`select sku from catalog_channel_favourites where channel_id = ${channelId} order by position, sku`,
  );
  return r.map((x) => x.sku);
}

/** Replaces the channel's favourites with these SKUs, in this order (one statement each way). */
export async function replaceFavourites(
  exec: Executor,
  channelId: string,
  skus: string[],
  at: Date,
): Promise<void> {
  await exec.execute(sql`delete from catalog_channel_favourites where channel_id = ${channelId}`);
  if (skus.length === 0) return;
  await exec.execute(
    sql`insert into catalog_channel_favourites (channel_id, sku, position, updated_at)
        select ${channelId}, u.sku, u.position::int, ${at.toISOString()}::timestamptz
        from unnest(${sql.param(skus)}::text[]) with ordinality as u(sku, position)`,
  );
}
