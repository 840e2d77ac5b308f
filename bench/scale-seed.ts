// `--scale N` (default 1): a scenario pre-loads N times its base data before its measured window, so
// a growth run (bench/growth.ts) sees how its cost grows with the data already there. Bench-only SQL
// bulk inserts, one statement per 50,000 rows, where the API path would take minutes; the rows are
// shaped as the hub writes them. Seeding time is not measured.
import pg from 'pg';
import type { BenchContext } from './harness.js';

const CHUNK = 50_000;

/** The --scale argument: a whole number ≥ 1. */
export function scaleOf(b: Pick<BenchContext, 'args'>): number {
  const scale = Number(b.args.scale ?? 1);
  if (!Number.isInteger(scale) || scale < 1) throw new Error(`--scale must be a whole number ≥ 1`);
  return scale;
}

/** The database URL for a SQL seed, or a clear error (seeding with SQL needs --db postgres). */
export function seedUrl(b: Pick<BenchContext, 'databaseUrl' | 'db' | 'scenario'>): string {
  if (b.db !== 'postgres' || !b.databaseUrl) throw new Error(`${b.scenario} --scale > 1 needs --db postgres`);
  return b.databaseUrl;
}

async function withClient<T>(url: string, work: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Runs `statement` over [0, rows) in chunks: $1 and $2 are the chunk's first and last index. */
async function chunked(c: pg.Client, rows: number, statement: string, params: unknown[] = []) {
  for (let from = 0; from < rows; from += CHUNK) {
    await c.query(statement, [from, Math.min(rows, from + CHUNK) - 1, ...params]);
  }
}

/**
 * Earlier Segment traffic of other people: `profiles` profiles (an anonymous and a user id each) with
 * `events` customer events between them, from the given source and channel.
 */
export async function seedCustomerEvents(
  url: string,
  o: { events: number; profiles: number; sourceId: string; channelId: string },
) {
  await withClient(url, async (c) => {
    await chunked(
      c,
      o.profiles,
      `insert into customer_profiles (id, traits, event_count, first_seen_at, last_seen_at, created_channel_id,
         created_at, updated_at)
       select 'cus_sc' || i, '{}'::jsonb, 0, now() - interval '90 days', now() - interval '1 day', $3, now(), now()
       from generate_series($1::int, $2::int) i`,
      [o.channelId],
    );
    await chunked(
      c,
      o.profiles,
      `insert into customer_identifiers (id, type, value, profile_id, trust, channel_id, first_seen_at)
       select 'cid_sca' || i, 'anonymous_id', 'sc-anon-' || i, 'cus_sc' || i, 'claimed', $3, now() from generate_series($1::int, $2::int) i
       union all
       select 'cid_scu' || i, 'user_id', 'sc-user-' || i, 'cus_sc' || i, 'verified', $3, now() from generate_series($1::int, $2::int) i`,
      [o.channelId],
    );
    await chunked(
      c,
      o.events,
      `insert into customer_events (id, source_id, message_id, profile_id, channel_id, kind, name, properties,
         context, anonymous_id, user_id, occurred_at, received_at)
       select 'cev_sc' || i, $3, 'sc-msg-' || i, 'cus_sc' || (i % $5), $4,
         case when i % 3 = 0 then 'page' else 'track' end, case when i % 3 = 0 then 'Product' else 'Product Viewed' end,
         jsonb_build_object('sku', 'SKU-' || (i % 100)), '{"library":{"name":"bench"}}'::jsonb,
         'sc-anon-' || (i % $5), case when i % 2 = 0 then 'sc-user-' || (i % $5) end,
         now() - make_interval(secs => 90 * 86400.0 * (1 - i::float8 / $6)),
         now() - make_interval(secs => 90 * 86400.0 * (1 - i::float8 / $6))
       from generate_series($1::int, $2::int) i`,
      [o.sourceId, o.channelId, o.profiles, o.events],
    );
    await c.query('analyze customer_profiles, customer_identifiers, customer_events');
  });
}

/** Earlier completed orders of a channel (imported, one line each), spread over the last year. */
export async function seedOrders(url: string, o: { orders: number; channelId: string; skus: string[] }) {
  await withClient(url, async (c) => {
    await chunked(
      c,
      o.orders,
      `insert into orders (id, number, channel_id, source, external_source, external_id, customer_id, email, status,
         currency, lines, items_total, discount_total, shipping_total, tax_total, grand_total, paid_amount, delivery,
         reservation_ids, history, placed_at, updated_at)
       select 'ord_sc' || i, 'SC-' || i, $3, 'imported', 'bench-scale', 'SC-' || i, 'cus_sc' || (i % 30000),
         'buyer' || (i % 30000) || '@scale.example.com', 'completed', 'EUR',
         jsonb_build_array(jsonb_build_object('lineId', 'l1', 'sku', ($4::text[])[1 + i % cardinality($4::text[])],
           'title', 'Earlier', 'quantity', 1, 'unitPrice', 1000, 'discount', 0, 'tax', 0, 'total', 1000,
           'fulfilledQuantity', 1, 'returnedQuantity', 0)),
         1000, 0, 0, 0, 1000, 1000, '{"type":"ship"}'::jsonb, '{}'::text[],
         '[]'::jsonb, now() - make_interval(secs => 365 * 86400.0 * (1 - i::float8 / $5)), now()
       from generate_series($1::int, $2::int) i`,
      [o.channelId, o.skus, o.orders],
    );
    await c.query('analyze orders');
  });
}

/**
 * Other SKUs' stock at other locations and their history: `skus` SKUs at each of `locations`
 * locations, each level with its receive movement, then `movements` reserve/release movements of
 * half as many finished (released) reservations spread over them.
 */
export async function seedInventory(url: string, o: { skus: number; locations: number; movements: number }) {
  await withClient(url, async (c) => {
    await c.query(
      `insert into inventory_locations (id, code, name, type, created_at, updated_at)
       select 'loc_sc' || l, 'sc-' || l, 'Scale location ' || l, 'warehouse', now(), now()
       from generate_series(0, $1::int - 1) l`,
      [o.locations],
    );
    const levels = o.skus * o.locations;
    await chunked(
      c,
      levels,
      `insert into inventory_levels (sku, location_id, on_hand, reserved, updated_at)
       select 'SC-SKU-' || (i / $3), 'loc_sc' || (i % $3), 100, 0, now() from generate_series($1::int, $2::int) i`,
      [o.locations],
    );
    await chunked(
      c,
      levels,
      `insert into inventory_movements (sku, location_id, kind, on_hand_delta, actor, occurred_at)
       select 'SC-SKU-' || (i / $3), 'loc_sc' || (i % $3), 'receive', 100, 'bench', now() - interval '30 days'
       from generate_series($1::int, $2::int) i`,
      [o.locations],
    );
    await chunked(
      c,
      Math.ceil(o.movements / 2),
      `insert into inventory_reservations (id, kind, status, channel_id, sku, quantity, lines, created_by, created_at,
         updated_at)
       select 'res_sc' || i, 'cart_hold', 'released', 'chn_sc', 'SC-SKU-' || (i % $3),  1,
         jsonb_build_array(jsonb_build_object('locationId', 'loc_sc' || (i % $4), 'quantity', 1)), 'bench',
         now() - interval '20 days', now() - interval '20 days'
       from generate_series($1::int, $2::int) i`,
      [o.skus, o.locations],
    );
    await chunked(
      c,
      o.movements,
      `insert into inventory_movements (sku, location_id, kind, reserved_delta, actor, reservation_id, occurred_at)
       select 'SC-SKU-' || (i / 2 % $3), 'loc_sc' || (i / 2 % $4), case when i % 2 = 0 then 'reserve' else 'release' end,
         case when i % 2 = 0 then 1 else -1 end, 'bench', 'res_sc' || (i / 2), now() - interval '20 days'
       from generate_series($1::int, $2::int) i`,
      [o.skus, o.locations],
    );
    await c.query(
      'analyze inventory_locations, inventory_levels, inventory_movements, inventory_reservations',
    );
  });
}

/** Waits until every event consumer of the hub has caught up (its lag in /metrics back to 0). */
export async function consumersCaughtUp(b: Pick<BenchContext, 'baseUrl' | 'log'>, timeoutMs: number) {
  const started = performance.now();
  for (;;) {
    const text = await (await fetch(`${b.baseUrl}/metrics`)).text();
    const behind = text
      .split('\n')
      .filter((l) => l.startsWith('omnihub_consumer_lag_seconds{') && Number(l.split(' ').at(-1)) > 0);
    if (!behind.length) return (performance.now() - started) / 1000;
    if (performance.now() - started > timeoutMs)
      throw new Error(`consumers not caught up: ${behind.join('; ')}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}
