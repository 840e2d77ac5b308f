// SQL for the schedule announcements (a start or end claimed once, across hub nodes), product
// collections campaigns can be narrowed to, and campaign reporting over the held redemptions.
import { sql } from 'drizzle-orm';
import { type Executor, firstRow, rows } from '../../platform/db/database.js';
import { type RawCampaign, toCampaign } from './promotions.repository.js';
import type { Campaign, CampaignReport, ProductCollection } from './promotions.types.js';

/**
 * Campaigns whose schedule crossed a boundary since it was last announced, each moved to its new
 * state in one conditional UPDATE: two nodes running the job at once claim each crossing once.
 */
export async function claimScheduleCrossings(
  exec: Executor,
  now: Date,
): Promise<Array<{ campaign: Campaign; crossed: 'started' | 'ended' }>> {
  const at = now.toISOString();
  const ended = await rows<RawCampaign>(
    exec,
    sql`update promotion_campaigns set schedule_state = 'ended'
        where schedule_state <> 'ended' and ends_at <= ${at} returning *`,
  );
  const started = await rows<RawCampaign>(
    exec,
    sql`update promotion_campaigns set schedule_state = 'started'
        where schedule_state = 'pending' and starts_at <= ${at} returning *`,
  );
  return [
    ...started.map((r) => ({ campaign: toCampaign(r), crossed: 'started' as const })),
    ...ended.map((r) => ({ campaign: toCampaign(r), crossed: 'ended' as const })),
  ];
}

interface RawCollection {
  id: string;
  name: string;
  skus: string[] | string;
  categories: string[] | string;
  created_at: string | Date;
  updated_at: string | Date;
}

const list = (v: string[] | string): string[] => (typeof v === 'string' ? (JSON.parse(v) as string[]) : v);
const toCollection = (r: RawCollection): ProductCollection => ({
  id: r.id,
  name: r.name,
  skus: list(r.skus),
  categories: list(r.categories),
  createdAt: new Date(r.created_at),
  updatedAt: new Date(r.updated_at),
});

export async function upsertCollection(exec: Executor, c: ProductCollection): Promise<ProductCollection> {
  const r = await firstRow<RawCollection>(
    exec,
    sql`insert into promotion_collections (id, name, skus, categories, created_at, updated_at)
        values (${c.id}, ${c.name}, ${JSON.stringify(c.skus)}::jsonb, ${JSON.stringify(c.categories)}::jsonb,
          ${c.createdAt.toISOString()}, ${c.updatedAt.toISOString()})
        on conflict (id) do update set name = excluded.name, skus = excluded.skus,
          categories = excluded.categories, updated_at = excluded.updated_at
        returning *`,
  );
  return toCollection(r!);
}

export async function selectCollections(
  exec: Executor,
  ids?: readonly string[],
): Promise<ProductCollection[]> {
  if (ids && ids.length === 0) return [];
  const where = ids
    ? sql`where id in (${sql.join(
        ids.map((i) => sql`${i}`),
        sql`, `,
      )})`
    : sql``;
  return (
    await rows<RawCollection>(exec, sql`select * from promotion_collections ${where} order by id limit 1000`)
  ).map(toCollection);
}

interface RawReportRow {
  channel_id: string;
  currency: string;
  orders: number | string;
  discount: number | string;
  revenue: number | string;
  marketplace_orders: number | string;
}

/** Held uses of a campaign (given-back ones are not counted) summed per channel and currency. */
export async function selectCampaignReport(
  exec: Executor,
  campaignId: string,
  range: { from: Date | null; to: Date | null },
): Promise<CampaignReport['channels']> {
  const where = [sql`campaign_id = ${campaignId}`, sql`status = 'held'`];
  if (range.from) where.push(sql`created_at >= ${range.from.toISOString()}`);
  if (range.to) where.push(sql`created_at < ${range.to.toISOString()}`);
  const out = await rows<RawReportRow>(
    exec,
    sql`select channel_id, currency, count(*) as orders, coalesce(sum(amount), 0) as discount,
          coalesce(sum(order_total), 0) as revenue,
          count(*) filter (where source = 'marketplace') as marketplace_orders
        from promotion_redemptions where ${sql.join(where, sql` and `)}
        group by channel_id, currency order by channel_id, currency`,
  );
  return out.map((r) => ({
    channelId: r.channel_id,
    currency: r.currency,
    orders: Number(r.orders),
    discount: Number(r.discount),
    revenue: Number(r.revenue),
    marketplaceOrders: Number(r.marketplace_orders),
  }));
}
