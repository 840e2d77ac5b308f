// SQL of the omnichannel score's loyalty figure: wallet entries (points earned and redeemed, gift
// cards and store credit issued and spent) per channel since a moment.
import { sql } from 'drizzle-orm';
import { type Executor, rows } from '../../platform/db/database.js';

export interface WalletChannelUse {
  channelId: string;
  earned: number;
  redeemed: number;
  entries: number;
}

/** Per channel: wallet entries since `since`, those that earned and those that redeemed. */
export async function selectWalletChannelUse(exec: Executor, since: Date): Promise<WalletChannelUse[]> {
  const list = await rows<{ channel_id: string; earned: string; redeemed: string; entries: string }>(
    exec,
    sql`select channel_id, count(*) filter (where kind = 'earn') as earned,
               count(*) filter (where kind = 'redeem') as redeemed, count(*) as entries
        from wallet_entries
        where channel_id is not null and created_at >= ${since.toISOString()}::timestamptz
        group by channel_id order by channel_id`,
  );
  return list.map((r) => ({
    channelId: r.channel_id,
    earned: Number(r.earned),
    redeemed: Number(r.redeemed),
    entries: Number(r.entries),
  }));
}
