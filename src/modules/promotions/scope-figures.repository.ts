// SQL of the omnichannel score's campaigns figure: active campaigns grouped by the channels they are
// valid on (few distinct sets, however many campaigns), with a few campaigns of each set.
import { sql } from 'drizzle-orm';
import { type Executor, rows } from '../../platform/db/database.js';

export interface CampaignScope {
  /** null: valid on every channel. */
  channelIds: string[] | null;
  campaigns: number;
  sample: Array<{ id: string; name: string }>;
}

/** Campaigns active at `now` (status active, within their dates), per channel scope. */
export async function selectCampaignScopes(
  exec: Executor,
  now: Date,
  limit: number,
): Promise<CampaignScope[]> {
  const at = now.toISOString();
  const list = await rows<{
    channel_ids: string[] | null;
    campaigns: string;
    sample: Array<{ id: string; name: string }>;
  }>(
    exec,
    sql`select nullif(conditions->'channelIds', '[]'::jsonb) as channel_ids, count(*) as campaigns,
               jsonb_agg(jsonb_build_object('id', id, 'name', name) order by id desc) as sample
        from promotion_campaigns
        where status = 'active' and (starts_at is null or starts_at <= ${at}::timestamptz)
          and (ends_at is null or ends_at > ${at}::timestamptz)
        group by 1 order by 2 desc`,
  );
  return list.map((r) => ({
    channelIds: r.channel_ids,
    campaigns: Number(r.campaigns),
    sample: r.sample.slice(0, limit),
  }));
}
