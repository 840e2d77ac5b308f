// SQL of the rollups made at projection time (attribution credit, paths to orders, the default funnel,
// cohorts, inbox first-response times) and the chart reads over them. Every write moves a rollup only
// by what the caller derived from rows actually inserted or flipped, so a replay adds nothing.
import { sql } from 'drizzle-orm';
import { type Executor, rows } from '../../platform/db/database.js';
import { bigints, channelFilter, texts, times } from './insights.repository.js';
import type { AddedOrder, InboxMessage, OrderCredit, Range } from './insights.types.js';

const ints = (v: number[]) => sql`${sql.param(v)}::int[]`;
const dayOf = (d: Date) => d.toISOString().slice(0, 10);
const fromDay = (r: Range) => sql`(${r.from.toISOString()}::timestamptz at time zone 'UTC')::date`;
const toDay = (r: Range) => sql`(${r.to.toISOString()}::timestamptz at time zone 'UTC')::date`;

export interface CreditDelta {
  placedAt: Date;
  channelId: string;
  model: string;
  dim: 'channel' | 'campaign';
  key: string;
  currency: string;
  credited: number;
  orders: number;
}

export async function addCredit(exec: Executor, d: CreditDelta[]): Promise<void> {
  if (d.length === 0) return;
  await exec.execute(
    sql`insert into insights_attribution_daily (day, channel_id, model, dim, key, currency, credited, orders)
        select day::date, channel_id, model, dim, key, currency, sum(credited), sum(orders)
        from unnest(${texts(d.map((x) => dayOf(x.placedAt)))}, ${texts(d.map((x) => x.channelId))},
          ${texts(d.map((x) => x.model))}, ${texts(d.map((x) => x.dim))}, ${texts(d.map((x) => x.key))},
          ${texts(d.map((x) => x.currency))}, ${bigints(d.map((x) => x.credited))}, ${ints(d.map((x) => x.orders))})
          as t(day, channel_id, model, dim, key, currency, credited, orders)
        group by 1, 2, 3, 4, 5, 6
        on conflict (day, channel_id, model, dim, key, currency) do update set
          credited = insights_attribution_daily.credited + excluded.credited,
          orders = insights_attribution_daily.orders + excluded.orders`,
  );
}

export async function saveOrderCredit(
  exec: Executor,
  c: Array<{ orderId: string; credit: OrderCredit }>,
): Promise<void> {
  if (c.length === 0) return;
  await exec.execute(
    sql`update insights_orders o set credit = i.credit::jsonb
        from unnest(${texts(c.map((x) => x.orderId))}, ${texts(c.map((x) => JSON.stringify(x.credit)))})
          as i(order_id, credit)
        where o.order_id = i.order_id`,
  );
}

export interface PathDelta {
  placedAt: Date;
  channelId: string;
  steps: string[];
  /** Milliseconds between consecutive steps (steps.length - 1 entries, at most 5). */
  gaps: number[];
}

export async function addPaths(exec: Executor, p: PathDelta[]): Promise<void> {
  if (p.length === 0) return;
  const gap = (i: number) => bigints(p.map((x) => x.gaps[i] ?? 0));
  await exec.execute(
    sql`insert into insights_paths_daily (day, channel_id, path, orders, gap1, gap2, gap3, gap4, gap5)
        select day::date, channel_id, path, count(*), sum(g1), sum(g2), sum(g3), sum(g4), sum(g5)
        from unnest(${texts(p.map((x) => dayOf(x.placedAt)))}, ${texts(p.map((x) => x.channelId))},
          ${texts(p.map((x) => x.steps.join(PATH_JOIN)))}, ${gap(0)}, ${gap(1)}, ${gap(2)}, ${gap(3)}, ${gap(4)})
          as t(day, channel_id, path, g1, g2, g3, g4, g5)
        group by 1, 2, 3
        on conflict (day, channel_id, path) do update set
          orders = insights_paths_daily.orders + excluded.orders,
          gap1 = insights_paths_daily.gap1 + excluded.gap1, gap2 = insights_paths_daily.gap2 + excluded.gap2,
          gap3 = insights_paths_daily.gap3 + excluded.gap3, gap4 = insights_paths_daily.gap4 + excluded.gap4,
          gap5 = insights_paths_daily.gap5 + excluded.gap5`,
  );
}

export const PATH_JOIN = ' > ';

export interface FunnelProgress {
  customerId: string;
  reached: number;
  startedAt: Date;
  channels: string[];
}

export async function selectFunnelProgress(exec: Executor, customerIds: string[]): Promise<FunnelProgress[]> {
  if (customerIds.length === 0) return [];
  const found = await rows<Record<string, unknown>>(
    exec,
    sql`select customer_id, reached, started_at, channels from insights_funnel
        where customer_id = any(${texts(customerIds)})`,
  );
  return found.map((x) => ({
    customerId: String(x.customer_id),
    reached: Number(x.reached),
    startedAt: new Date(x.started_at as string),
    channels: x.channels as string[],
  }));
}

export async function saveFunnelProgress(exec: Executor, f: FunnelProgress[]): Promise<void> {
  if (f.length === 0) return;
  await exec.execute(
    sql`insert into insights_funnel (customer_id, reached, started_at, channels)
        select customer_id, reached, started_at, string_to_array(channels, ${PATH_JOIN})
        from unnest(${texts(f.map((x) => x.customerId))}, ${ints(f.map((x) => x.reached))},
          ${times(f.map((x) => x.startedAt))}, ${texts(f.map((x) => x.channels.join(PATH_JOIN)))})
          as t(customer_id, reached, started_at, channels)
        on conflict (customer_id) do update set reached = excluded.reached, channels = excluded.channels`,
  );
}

/** Orders added (sign 1) or cancelled (sign -1) in the cohort rollup; a customer's first order makes the cohort. */
export async function addCohortOrders(exec: Executor, o: AddedOrder[], sign: 1 | -1): Promise<void> {
  const withCustomer = o.filter((x) => x.customerId !== null);
  if (withCustomer.length === 0) return;
  const input = sql`select customer_id, date_trunc('month', placed_at at time zone 'UTC')::date as month,
      channel_id, currency, revenue, placed_at, order_id
    from unnest(${texts(withCustomer.map((x) => x.customerId))}, ${texts(withCustomer.map((x) => x.channelId))},
      ${texts(withCustomer.map((x) => x.currency))}, ${bigints(withCustomer.map((x) => x.revenue))},
      ${times(withCustomer.map((x) => x.placedAt))}, ${texts(withCustomer.map((x) => x.orderId))})
      as t(customer_id, channel_id, currency, revenue, placed_at, order_id)`;
  if (sign === 1)
    await exec.execute(
      sql`insert into insights_customers (customer_id, cohort_month, first_channel)
          select distinct on (customer_id) customer_id, month, channel_id from (${input}) i
          order by customer_id, placed_at, order_id
          on conflict (customer_id) do nothing`,
    );
  const fresh =
    sign === 1
      ? sql`insert into insights_customer_months (customer_id, month, currency)
            select distinct customer_id, month, currency from input on conflict do nothing
            returning customer_id, month, currency`
      : sql`select null::text as customer_id, null::date as month, null::text as currency where false`;
  await exec.execute(
    sql`with input as (${input}),
        fresh as (${fresh}),
        agg as (select customer_id, month, currency, count(*) as orders, sum(revenue) as revenue
                from input group by 1, 2, 3)
        insert into insights_cohorts (cohort_month, month, first_channel, currency, customers, orders, revenue)
        select c.cohort_month, a.month, c.first_channel, a.currency, count(f.customer_id),
               ${sign} * sum(a.orders), ${sign} * sum(a.revenue)
        from agg a join insights_customers c using (customer_id)
        left join fresh f on f.customer_id = a.customer_id and f.month = a.month and f.currency = a.currency
        group by 1, 2, 3, 4
        on conflict (cohort_month, month, first_channel, currency) do update set
          customers = insights_cohorts.customers + excluded.customers,
          orders = insights_cohorts.orders + excluded.orders,
          revenue = insights_cohorts.revenue + excluded.revenue`,
  );
}

/** A conversation's first inbound message opens it; the first outbound one after that answers it. */
export async function addInboxMessages(exec: Executor, m: InboxMessage[]): Promise<void> {
  const of = (d: InboxMessage['direction']) => m.filter((x) => x.direction === d);
  const input = (x: InboxMessage[]) =>
    sql`unnest(${texts(x.map((y) => y.conversationId))}, ${texts(x.map((y) => y.channel))},
          ${times(x.map((y) => y.at))}) as i(conversation_id, channel, at)`;
  const inbound = of('inbound');
  if (inbound.length)
    await exec.execute(
      sql`with opened as (
            insert into insights_conversations (conversation_id, channel, opened_at)
            select distinct on (conversation_id) conversation_id, channel, at from ${input(inbound)}
            order by conversation_id, at
            on conflict (conversation_id) do nothing returning channel, opened_at
          )
          insert into insights_response_daily (day, channel, conversations)
          select (opened_at at time zone 'UTC')::date, channel, count(*) from opened group by 1, 2
          on conflict (day, channel) do update set
            conversations = insights_response_daily.conversations + excluded.conversations`,
    );
  const outbound = of('outbound');
  if (outbound.length)
    await exec.execute(
      sql`with answer as (
            select distinct on (c.conversation_id) c.conversation_id, i.at from ${input(outbound)}
            join insights_conversations c on c.conversation_id = i.conversation_id
            where c.responded_at is null and i.at >= c.opened_at
            order by c.conversation_id, i.at
          ),
          answered as (
            update insights_conversations c set responded_at = a.at from answer a
            where c.conversation_id = a.conversation_id and c.responded_at is null
            returning c.channel, c.opened_at, c.responded_at
          )
          insert into insights_response_daily (day, channel, responded, response_seconds)
          select (opened_at at time zone 'UTC')::date, channel, count(*),
                 sum(extract(epoch from responded_at - opened_at))::bigint
          from answered group by 1, 2
          on conflict (day, channel) do update set
            responded = insights_response_daily.responded + excluded.responded,
            response_seconds = insights_response_daily.response_seconds + excluded.response_seconds`,
    );
}

export interface CreditSum {
  model: string;
  dim: 'channel' | 'campaign';
  key: string;
  currency: string;
  credited: number;
  orders: number;
}

export async function selectCredit(exec: Executor, r: Range): Promise<CreditSum[]> {
  const found = await rows<Record<string, unknown>>(
    exec,
    sql`select model, dim, key, currency, sum(credited) as credited, sum(orders) as orders
        from insights_attribution_daily
        where day >= ${fromDay(r)} and day < ${toDay(r)} ${channelFilter(sql`channel_id`, r.channels)}
        group by 1, 2, 3, 4`,
  );
  return found.map((x) => ({
    model: String(x.model),
    dim: x.dim as CreditSum['dim'],
    key: String(x.key),
    currency: String(x.currency),
    credited: Number(x.credited),
    orders: Number(x.orders),
  }));
}

export interface PathSum {
  steps: string[];
  orders: number;
  gapSums: number[];
}

export async function selectPaths(exec: Executor, r: Range, limit: number): Promise<PathSum[]> {
  const found = await rows<Record<string, unknown>>(
    exec,
    sql`select path, sum(orders) as orders, sum(gap1) as g1, sum(gap2) as g2, sum(gap3) as g3,
               sum(gap4) as g4, sum(gap5) as g5
        from insights_paths_daily
        where day >= ${fromDay(r)} and day < ${toDay(r)} ${channelFilter(sql`channel_id`, r.channels)}
        group by path order by sum(orders) desc, path limit ${limit}`,
  );
  return found.map((x) => {
    const steps = String(x.path).split(PATH_JOIN);
    return {
      steps,
      orders: Number(x.orders),
      gapSums: [x.g1, x.g2, x.g3, x.g4, x.g5].slice(0, steps.length - 1).map(Number),
    };
  });
}

/** Customers whose funnel started in the range: per step reached, by the channel it was reached on. */
export async function selectFunnel(
  exec: Executor,
  r: Range,
): Promise<Array<{ step: number; channel: string; customers: number }>> {
  const found = await rows<Record<string, unknown>>(
    exec,
    sql`select s.step, f.channels[s.step] as channel, count(*)::int as customers
        from insights_funnel f cross join lateral generate_series(1, f.reached) as s(step)
        where f.started_at >= ${r.from.toISOString()}::timestamptz and f.started_at < ${r.to.toISOString()}::timestamptz
        group by 1, 2 order by 1, 2`,
  );
  return found.map((x) => ({
    step: Number(x.step),
    channel: String(x.channel),
    customers: Number(x.customers),
  }));
}

export interface CohortCell {
  cohortMonth: string;
  month: string;
  firstChannel: string;
  currency: string;
  customers: number;
  orders: number;
  revenue: number;
}

/** Cohorts whose first month lies in the range (by month), every month after it. */
export async function selectCohorts(exec: Executor, r: Range): Promise<CohortCell[]> {
  const found = await rows<Record<string, unknown>>(
    exec,
    sql`select cohort_month::text as cohort_month, month::text as month, first_channel, currency, customers,
               orders, revenue
        from insights_cohorts
        where cohort_month >= date_trunc('month', ${fromDay(r)})::date and cohort_month < ${toDay(r)}
          ${channelFilter(sql`first_channel`, r.channels)}
        order by 1, 2, 3, 4`,
  );
  return found.map((x) => ({
    cohortMonth: String(x.cohort_month),
    month: String(x.month),
    firstChannel: String(x.first_channel),
    currency: String(x.currency),
    customers: Number(x.customers),
    orders: Number(x.orders),
    revenue: Number(x.revenue),
  }));
}

export interface ResponseSum {
  channel: string;
  conversations: number;
  responded: number;
  responseSeconds: number;
}

export async function selectResponseTimes(exec: Executor, r: Range): Promise<ResponseSum[]> {
  const found = await rows<Record<string, unknown>>(
    exec,
    sql`select channel, sum(conversations) as conversations, sum(responded) as responded,
               sum(response_seconds) as seconds
        from insights_response_daily where day >= ${fromDay(r)} and day < ${toDay(r)}
        group by channel order by channel`,
  );
  return found.map((x) => ({
    channel: String(x.channel),
    conversations: Number(x.conversations),
    responded: Number(x.responded),
    responseSeconds: Number(x.seconds),
  }));
}
