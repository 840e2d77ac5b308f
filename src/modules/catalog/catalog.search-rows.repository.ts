// SQL of the search rows (catalog_search_rows): one row per product listed on a channel with a
// search scope, so a cold search reads one table through one GIN look-up. Rows are rewritten in the
// transaction of each catalog write (appendCatalogEvents), and a channel's rows are rebuilt when a
// search finds the channel's scope (price list, currency, locales) not yet built or changed.
import { type SQL, sql } from 'drizzle-orm';
import { type Ctx, inTransaction } from '../../platform/context.js';
import { type Executor, rows } from '../../platform/db/database.js';
import type { ChannelViewScope } from './catalog.channel-view.js';

/** Separates an option's name from its value in `options` (never typed in either). */
export const OPTION_SEPARATOR = '\u001f';

/** The rows of the products `where` picks, for every channel with a scope the product is listed on. */
function insertRows(where: SQL): SQL {
  return sql`insert into catalog_search_rows
      (channel_id, product_id, search, titles, categories, options, prices, created_at)
    select s.channel_id, p.id,
      coalesce((select string_agg(t.search::text, ' ')::tsvector from catalog_product_texts t
                where t.product_id = p.id and t.locale = any(s.locales)), ''::tsvector),
      coalesce((select jsonb_object_agg(t.locale, t.title) from catalog_product_texts t
                where t.product_id = p.id and t.locale = any(s.locales)), '{}'::jsonb),
      p.categories,
      coalesce((select array_agg(distinct e.key || chr(31) || e.value)
                from catalog_variants v, jsonb_each_text(v.options) e where v.product_id = p.id), '{}'),
      coalesce((select array_agg(x.amount) from (
                  select coalesce(
                    (select cp.amount from catalog_channel_prices cp where cp.channel_id = s.channel_id
                       and cp.variant_id = v.id and cp.currency = s.currency),
                    (select pr.amount from catalog_prices pr join catalog_price_lists pl on pl.id = pr.price_list_id
                      where pr.price_list_id = s.price_list_id and pl.currency = s.currency and pr.variant_id = v.id)
                  ) as amount
                  from catalog_variants v where v.product_id = p.id) x
                where x.amount is not null), '{}'),
      p.created_at
    from catalog_search_scopes s
    join catalog_listings l on l.channel_id = s.channel_id and l.published
    join catalog_products p on p.id = l.product_id and p.status = 'active'
    where ${where}`;
}

/** Rewrites the rows of these products (and of these variants' products) on every scoped channel. */
export async function refreshSearchRows(
  exec: Executor,
  productIds: string[],
  variantIds: string[],
): Promise<void> {
  if (productIds.length === 0 && variantIds.length === 0) return;
  const ids = sql`(select unnest(${sql.param(productIds)}::text[])
                   union select v.product_id from catalog_variants v
                   where v.id in (select unnest(${sql.param(variantIds)}::text[])))`;
  // Two statements: a data-modifying CTE does not see its sibling's delete, so the insert would clash.
  await rows(exec, sql`delete from catalog_search_rows where product_id in ${ids}`);
  await rows(exec, insertRows(sql`p.id in ${ids}`));
}

const scopeKey = (scope: ChannelViewScope) =>
  JSON.stringify([scope.priceListId, scope.currency, [...scope.locales].sort()]);

// Scopes this process saw built: a search checks the database only when its channel's scope is new.
const built = new WeakMap<object, Map<string, string>>();
const building = new Map<string, Promise<void>>();

/**
 * Makes sure the channel's rows are built for its scope; rebuilds them (one transaction, the scope
 * row locked, so concurrent searches on other processes wait for it and then find it built).
 */
export async function ensureSearchScope(ctx: Ctx, scope: ChannelViewScope): Promise<void> {
  const key = scopeKey(scope);
  const seen = built.get(ctx.database) ?? new Map<string, string>();
  built.set(ctx.database, seen);
  if (seen.get(scope.channelId) === key) return;
  const flight = `${scope.channelId} ${key}`;
  let job = building.get(flight);
  if (!job) {
    job = rebuild(ctx, scope, key).finally(() => building.delete(flight));
    building.set(flight, job);
  }
  await job;
  seen.set(scope.channelId, key);
}

async function rebuild(ctx: Ctx, scope: ChannelViewScope, key: string): Promise<void> {
  const [current] = await rows<{ key: string }>(
    ctx.db,
    sql`select key from catalog_search_scopes where channel_id = ${scope.channelId}`,
  );
  if (current?.key === key) return;
  const at = ctx.clock.now().toISOString();
  await inTransaction(ctx, async (tx) => {
    // Written only when the key differs: a process that waited on another's rebuild writes nothing.
    const changed = await rows(
      tx.db,
      sql`insert into catalog_search_scopes as s (channel_id, key, price_list_id, currency, locales, built_at)
          values (${scope.channelId}, ${key}, ${scope.priceListId}, ${scope.currency},
                  ${sql.param(scope.locales)}::text[], ${at})
          on conflict (channel_id) do update set key = excluded.key, price_list_id = excluded.price_list_id,
            currency = excluded.currency, locales = excluded.locales, built_at = excluded.built_at
          where s.key is distinct from excluded.key
          returning 1`,
    );
    if (changed.length === 0) return;
    await rows(tx.db, sql`delete from catalog_search_rows where channel_id = ${scope.channelId}`);
    await rows(tx.db, insertRows(sql`s.channel_id = ${scope.channelId}`));
  });
  await settleSearchIndexes(ctx.db);
}

/**
 * After many rows were written (a channel's rows rebuilt, an import): planner statistics for the
 * search rows (built after the import's ANALYZE, they would have none, and the planner then ANDs the
 * whole channel's primary-key range into every search) and the GIN indexes' pending lists merged
 * (new entries wait in a list every search reads in full until autovacuum merges it: 4 MB of them
 * after an import made a handle look-up 18 ms instead of 0.02).
 */
export async function settleSearchIndexes(exec: Executor): Promise<void> {
  await rows(exec, sql`analyze catalog_search_rows`);
  await rows(
    exec,
    sql`select gin_clean_pending_list(i::regclass) from unnest(array['catalog_search_rows_search_idx',
          'catalog_products_handle_lower_trgm_idx', 'catalog_variants_sku_lower_trgm_idx']) i`,
  );
}
