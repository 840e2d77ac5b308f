// SQL for promotions. Usage limits are kept by conditional UPDATEs (`used < usage_limit`) inside the
// reserving transaction, so concurrent checkouts on any number of hub nodes never over-use a code.
import { sql } from 'drizzle-orm';
import { type Executor, firstRow, rows } from '../../platform/db/database.js';
import type { Campaign, CouponCode } from './promotions.types.js';

export interface RawCampaign {
  id: string;
  name: string;
  kind: Campaign['kind'];
  status: Campaign['status'];
  priority: number;
  stacking: Campaign['stacking'];
  currency: string | null;
  time_zone: string;
  starts_at: string | Date | null;
  ends_at: string | Date | null;
  conditions: Campaign['conditions'] | string;
  benefit: Campaign['benefit'] | string;
  usage_limit: number | null;
  per_customer_limit: number | null;
  used: number;
  created_at: string | Date;
  updated_at: string | Date;
}

const json = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);
const date = (v: string | Date | null) => (v === null ? null : new Date(v));

export const toCampaign = (r: RawCampaign): Campaign => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  status: r.status,
  priority: Number(r.priority),
  stacking: r.stacking,
  currency: r.currency,
  timeZone: r.time_zone,
  startsAt: date(r.starts_at),
  endsAt: date(r.ends_at),
  conditions: json(r.conditions),
  benefit: json(r.benefit),
  usageLimit: r.usage_limit === null ? null : Number(r.usage_limit),
  perCustomerLimit: r.per_customer_limit === null ? null : Number(r.per_customer_limit),
  used: Number(r.used),
  createdAt: new Date(r.created_at),
  updatedAt: new Date(r.updated_at),
});

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Where a campaign's schedule stands at an instant: what the schedule job announces next. */
export const scheduleStateAt = (c: Pick<Campaign, 'startsAt' | 'endsAt'>, now: Date) =>
  c.endsAt && c.endsAt <= now ? 'ended' : c.startsAt && c.startsAt > now ? 'pending' : 'started';

export async function insertCampaign(exec: Executor, c: Campaign): Promise<Campaign> {
  const r = await firstRow<RawCampaign>(
    exec,
    sql`insert into promotion_campaigns (id, name, kind, status, priority, stacking, currency, time_zone, starts_at, ends_at,
          conditions, benefit, usage_limit, per_customer_limit, used, schedule_state, created_at, updated_at)
        values (${c.id}, ${c.name}, ${c.kind}, ${c.status}, ${c.priority}, ${c.stacking}, ${c.currency}, ${c.timeZone},
          ${iso(c.startsAt)}, ${iso(c.endsAt)}, ${JSON.stringify(c.conditions)}::jsonb, ${JSON.stringify(c.benefit)}::jsonb,
          ${c.usageLimit}, ${c.perCustomerLimit}, 0, ${scheduleStateAt(c, c.createdAt)},
          ${c.createdAt.toISOString()}, ${c.updatedAt.toISOString()})
        returning *`,
  );
  return toCampaign(r!);
}

export async function updateCampaignRow(exec: Executor, c: Campaign): Promise<Campaign | undefined> {
  const r = await firstRow<RawCampaign>(
    exec,
    sql`update promotion_campaigns set name = ${c.name}, status = ${c.status}, priority = ${c.priority},
          stacking = ${c.stacking}, currency = ${c.currency}, time_zone = ${c.timeZone},
          starts_at = ${iso(c.startsAt)}, ends_at = ${iso(c.endsAt)},
          conditions = ${JSON.stringify(c.conditions)}::jsonb, benefit = ${JSON.stringify(c.benefit)}::jsonb,
          usage_limit = ${c.usageLimit},
          per_customer_limit = ${c.perCustomerLimit}, updated_at = ${c.updatedAt.toISOString()},
          schedule_state = ${scheduleStateAt(c, c.updatedAt)}
        where id = ${c.id} returning *`,
  );
  return r ? toCampaign(r) : undefined;
}

export async function selectCampaign(exec: Executor, id: string, forUpdate = false) {
  const r = await firstRow<RawCampaign>(
    exec,
    sql`select * from promotion_campaigns where id = ${id} ${forUpdate ? sql`for update` : sql``}`,
  );
  return r ? toCampaign(r) : undefined;
}

export async function selectCampaigns(
  exec: Executor,
  q: { status?: string | undefined; kind?: string | undefined; limit: number; after?: string | undefined },
): Promise<Campaign[]> {
  const where = [sql`true`];
  if (q.status) where.push(sql`status = ${q.status}`);
  if (q.kind) where.push(sql`kind = ${q.kind}`);
  if (q.after) where.push(sql`id > ${q.after}`);
  return (
    await rows<RawCampaign>(
      exec,
      sql`select * from promotion_campaigns where ${sql.join(where, sql` and `)} order by id limit ${q.limit}`,
    )
  ).map(toCampaign);
}

/** Active automatic campaigns that have not ended: what the in-memory index is built from. */
export async function selectLiveAutomatic(exec: Executor, now: Date): Promise<Campaign[]> {
  return (
    await rows<RawCampaign>(
      exec,
      sql`select * from promotion_campaigns where status = 'active' and kind = 'automatic'
            and (ends_at is null or ends_at > ${now.toISOString()})`,
    )
  ).map(toCampaign);
}

interface RawCode {
  code: string;
  campaign_id: string;
  usage_limit: number | null;
  used: number;
  batch_id: string | null;
  created_at: string | Date;
}
const toCode = (r: RawCode): CouponCode => ({
  code: r.code,
  campaignId: r.campaign_id,
  usageLimit: r.usage_limit === null ? null : Number(r.usage_limit),
  used: Number(r.used),
  batchId: r.batch_id,
  createdAt: new Date(r.created_at),
});

/** Inserts codes; returns those inserted (a code already taken anywhere is skipped). */
export async function insertCodes(
  exec: Executor,
  campaignId: string,
  codes: string[],
  usageLimit: number | null,
  batchId: string | null,
  at: Date,
): Promise<string[]> {
  if (codes.length === 0) return [];
  const r = await rows<{ code: string }>(
    exec,
    sql`insert into promotion_codes (code, campaign_id, usage_limit, used, batch_id, created_at)
        select c, ${campaignId}, ${usageLimit}::int, 0, ${batchId}, ${at.toISOString()}::timestamptz
        from unnest(${sql.param(codes)}::text[]) as c
        on conflict (code) do nothing returning code`,
  );
  return r.map((x) => x.code);
}

export async function selectCodes(exec: Executor, codes: string[]): Promise<CouponCode[]> {
  if (codes.length === 0) return [];
  return (
    await rows<RawCode>(
      exec,
      sql`select * from promotion_codes where code = any(${sql.param(codes)}::text[])`,
    )
  ).map(toCode);
}

export async function selectCodesOfCampaign(
  exec: Executor,
  campaignId: string,
  after: string,
  limit: number,
): Promise<CouponCode[]> {
  return (
    await rows<RawCode>(
      exec,
      sql`select * from promotion_codes where campaign_id = ${campaignId} and code > ${after}
          order by code limit ${limit}`,
    )
  ).map(toCode);
}

export async function selectCartCodes(exec: Executor, cartId: string): Promise<string[]> {
  const r = await rows<{ code: string }>(
    exec,
    sql`select code from promotion_cart_codes where cart_id = ${cartId} order by added_at, code`,
  );
  return r.map((x) => x.code);
}

export async function insertCartCode(exec: Executor, cartId: string, code: string, at: Date) {
  await exec.execute(
    sql`insert into promotion_cart_codes (cart_id, code, added_at) values (${cartId}, ${code}, ${at.toISOString()})
        on conflict do nothing`,
  );
}

export async function deleteCartCode(exec: Executor, cartId: string, code: string): Promise<boolean> {
  const r = await rows<{ code: string }>(
    exec,
    sql`delete from promotion_cart_codes where cart_id = ${cartId} and code = ${code} returning code`,
  );
  return r.length > 0;
}

/** Per-customer uses held, for the given campaigns. */
export async function selectCustomerUses(exec: Executor, customerId: string, campaignIds: string[]) {
  if (campaignIds.length === 0) return new Map<string, number>();
  const r = await rows<{ campaign_id: string; used: number }>(
    exec,
    sql`select campaign_id, used from promotion_customer_uses
        where customer_id = ${customerId} and campaign_id = any(${sql.param(campaignIds)}::text[])`,
  );
  return new Map(r.map((x) => [x.campaign_id, Number(x.used)]));
}

/** One more use of the campaign, unless its limit is reached (false). */
export async function takeCampaignUse(exec: Executor, campaignId: string): Promise<boolean> {
  const r = await rows<{ id: string }>(
    exec,
    sql`update promotion_campaigns set used = used + 1
        where id = ${campaignId} and (usage_limit is null or used < usage_limit) returning id`,
  );
  return r.length === 1;
}

export async function takeCodeUse(exec: Executor, code: string): Promise<boolean> {
  const r = await rows<{ code: string }>(
    exec,
    sql`update promotion_codes set used = used + 1
        where code = ${code} and (usage_limit is null or used < usage_limit) returning code`,
  );
  return r.length === 1;
}

export async function takeCustomerUse(
  exec: Executor,
  campaignId: string,
  customerId: string,
  limit: number,
): Promise<boolean> {
  const r = await rows<{ used: number }>(
    exec,
    sql`insert into promotion_customer_uses (campaign_id, customer_id, used) values (${campaignId}, ${customerId}, 1)
        on conflict (campaign_id, customer_id) do update set used = promotion_customer_uses.used + 1
        where promotion_customer_uses.used < ${limit} returning used`,
  );
  return r.length === 1 && Number(r[0]!.used) <= limit;
}

export interface RedemptionRow {
  id: string;
  campaignId: string;
  code: string | null;
  orderId: string;
  channelId: string;
  customerId: string | null;
  amount: number;
  /** The order's grand total (reporting's revenue). */
  orderTotal: number | null;
  currency: string;
  source: 'checkout' | 'marketplace';
  createdAt: Date;
}

/** Records a held use; false when the order already holds a use of this campaign. */
export async function insertRedemption(exec: Executor, r: RedemptionRow): Promise<boolean> {
  const out = await rows<{ id: string }>(
    exec,
    sql`insert into promotion_redemptions (id, campaign_id, code, order_id, channel_id, customer_id, amount, order_total,
          currency, source, status, created_at)
        values (${r.id}, ${r.campaignId}, ${r.code}, ${r.orderId}, ${r.channelId}, ${r.customerId}, ${r.amount},
          ${r.orderTotal}, ${r.currency}, ${r.source}, 'held', ${r.createdAt.toISOString()})
        on conflict (order_id, campaign_id) do nothing returning id`,
  );
  return out.length === 1;
}

/**
 * Marks the order's held uses released and returns them: the status guard makes a second release
 * (a retry, the cancellation event after a failed payment) find nothing, so each use comes back once.
 */
export async function releaseRedemptions(exec: Executor, orderId: string, at: Date) {
  return rows<{ campaign_id: string; code: string | null; customer_id: string | null }>(
    exec,
    sql`update promotion_redemptions set status = 'released', released_at = ${at.toISOString()}
        where order_id = ${orderId} and status = 'held' returning campaign_id, code, customer_id`,
  );
}

export async function giveBackUse(
  exec: Executor,
  use: { campaign_id: string; code: string | null; customer_id: string | null },
) {
  await exec.execute(
    sql`update promotion_campaigns set used = greatest(used - 1, 0) where id = ${use.campaign_id} and usage_limit is not null`,
  );
  if (use.code) {
    await exec.execute(sql`update promotion_codes set used = greatest(used - 1, 0) where code = ${use.code}`);
  }
  if (use.customer_id) {
    await exec.execute(
      sql`update promotion_customer_uses set used = greatest(used - 1, 0)
          where campaign_id = ${use.campaign_id} and customer_id = ${use.customer_id}`,
    );
  }
}

export async function selectRedemptionsOfOrder(exec: Executor, orderId: string) {
  return rows<{ campaign_id: string; code: string | null; status: string; amount: number }>(
    exec,
    sql`select campaign_id, code, status, amount from promotion_redemptions where order_id = ${orderId} order by campaign_id`,
  );
}

/** A use that already happened elsewhere (a marketplace sale): counted whatever the limit. */
export async function countUseAnyway(exec: Executor, campaignId: string, code: string) {
  await exec.execute(
    sql`update promotion_campaigns set used = used + 1 where id = ${campaignId} and usage_limit is not null`,
  );
  await exec.execute(sql`update promotion_codes set used = used + 1 where code = ${code}`);
}
