// Catalog search as one channel shows it: PostgreSQL full-text search in the language of the channel's
// locales, with each query word widened to the catalog's words it is probably a typo of (trigram
// similarity on `catalog_search_terms`, plus swapped neighbouring letters, which trigrams score poorly),
// facets and sorting. Two statements: the words, then the page + facets. Exact up to `exactUpTo`
// matches: above it a search reads only that many (+1) of them for its total, facets and relevance
// order (a one-word query can match 10% of the catalog; ranking and counting them all is the cost).
import { type SQL, sql } from 'drizzle-orm';
import { pushTo } from '../../kernel/index.js';
import { type Executor, rows } from '../../platform/db/database.js';
import type { ChannelViewScope } from './catalog.channel-view.js';
import { OPTION_SEPARATOR } from './catalog.search-rows.repository.js';

export const SEARCH_SORTS = ['relevance', 'price_asc', 'price_desc', 'title', 'newest'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

export interface ChannelSearchQuery {
  q?: string | undefined;
  category?: string | undefined;
  /** Option values a variant must have, e.g. [["colour", "Blue"]]; several are all required. */
  options: Array<[string, string]>;
  minPrice?: number | undefined;
  maxPrice?: number | undefined;
  /** Only products with one of these SKUs (the in-stock ones, chosen by the caller). */
  skus?: string[] | undefined;
  sort: SearchSort;
  offset: number;
  limit: number;
  /** Matches counted, ranked and faceted exactly up to this many (SEARCH_EXACT_UP_TO unless set). */
  exactUpTo?: number | undefined;
}

/** A search finds up to this many matches exactly; above it, total, facets and relevance are bounded. */
export const SEARCH_EXACT_UP_TO = 1000;

export interface SearchFacets {
  categories: Array<{ value: string; count: number }>;
  options: Array<{ name: string; value: string; count: number }>;
  price: { min: number; max: number } | null;
  /** Counted over the first `exactUpTo` matches found, not every match (there are more). */
  sampled: boolean;
}

export interface ChannelSearchResult {
  ids: string[];
  /** Every match, or `exactUpTo` when there are more (then `totalAtLeast`). */
  total: number;
  /** More than `total` products match: it is the bound, not the count. */
  totalAtLeast: boolean;
  facets: SearchFacets;
  /** The query as the catalog's own words spell it, when a word was taken as a typo. */
  didYouMean: string | null;
}

/** The text search configuration of a locale; the same mapping as the generated `search` column. */
const CONFIGS: Record<string, string> = {
  en: 'english',
  nl: 'dutch',
  es: 'spanish',
  sv: 'swedish',
  de: 'german',
  fr: 'french',
  it: 'italian',
  da: 'danish',
  fi: 'finnish',
  pt: 'portuguese',
};
export const searchConfigOf = (locale: string): string => CONFIGS[locale.slice(0, 2)] ?? 'simple';

// Cyrillic and Greek letters drawn like Latin ones: "prakа" typed with a Cyrillic "а" on a
// mixed keyboard. Only a word that mixes scripts is folded, so a Bulgarian word stays Bulgarian.
const LOOKALIKES: Record<string, string> = {
  а: 'a',
  е: 'e',
  о: 'o',
  р: 'p',
  с: 'c',
  у: 'y',
  х: 'x',
  к: 'k',
  м: 'm',
  т: 't',
  н: 'h',
  в: 'b',
  і: 'i',
  ј: 'j',
  ѕ: 's',
  α: 'a',
  ο: 'o',
  ρ: 'p',
  ε: 'e',
  κ: 'k',
  τ: 't',
  ν: 'v',
  ι: 'i',
};

/** The words of a query, lower case, look-alike letters folded; at most 6 words of 40 letters. */
export function queryWords(q: string): string[] {
  const words =
    q
      .normalize('NFKC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.slice(0, 6).map((w) => {
    const word = w.slice(0, 40);
    const latin = /[a-z]/.test(word);
    const other = /[\u0370-\u03ff\u0400-\u04ff]/.test(word);
    return latin && other ? [...word].map((c) => LOOKALIKES[c] ?? c).join('') : word;
  });
}

/** The word and each spelling with two neighbouring letters swapped ("praka" → "parka"). */
function swaps(word: string): string[] {
  const out = [word];
  const c = [...word];
  for (let i = 0; i + 1 < c.length && word.length <= 20; i++) {
    if (c[i] === c[i + 1]) continue;
    out.push([...c.slice(0, i), c[i + 1], c[i], ...c.slice(i + 2)].join(''));
  }
  return out;
}

const quote = (lexeme: string) => `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

/**
 * Each query word's candidates among the catalog's words: itself, a swap of two letters (primary
 * key), words at least 30% alike by trigrams among the 8 nearest (GiST distance order), and for the
 * last word (typed still) words it starts (b-tree on text_pattern_ops). No branch can scan the table.
 */
async function candidatesOf(exec: Executor, words: string[]): Promise<Map<number, string[]>> {
  const branches = words.map((w, i) => {
    const swapped = sql`${sql.param(swaps(w))}::text[]`;
    const like = `${w.replace(/[\\%_]/g, '\\$&')}%`;
    const prefix =
      i === words.length - 1
        ? sql` union (select term from catalog_search_terms where term like ${like} order by term limit 8)`
        : sql``;
    return sql`(select ${i}::int as i, term from (
                  select term from catalog_search_terms where term = any(${swapped})
                  union (select term from catalog_search_terms order by term <-> ${w} limit 8)${prefix}) c
                where term = any(${swapped}) or similarity(term, ${w}) >= 0.3${i === words.length - 1 ? sql` or term like ${like}` : sql``}
                order by term = ${w} desc, term = any(${swapped}) desc, similarity(term, ${w}) desc, term
                limit 8)`;
  });
  const found = await rows<{ i: number; term: string }>(exec, sql.join(branches, sql` union all `));
  const byWord = new Map<number, string[]>();
  for (const r of found) pushTo(byWord, Number(r.i), r.term);
  return byWord;
}

/** A tsquery text: every word must match one of its candidates (the last one also as a prefix). */
function tsqueryText(words: string[], candidates: Map<number, string[]>): string {
  return words
    .map((w, i) => {
      const terms = candidates.get(i) ?? [];
      const alternatives = terms.length ? terms.map(quote) : [];
      if (i === words.length - 1 || !terms.length) alternatives.push(`${quote(w)}:*`);
      return `(${[...new Set(alternatives)].join(' | ')})`;
    })
    .join(' & ');
}

function didYouMean(words: string[], candidates: Map<number, string[]>): string | null {
  const best = words.map((w, i) => {
    const terms = candidates.get(i) ?? [];
    const typing = i === words.length - 1 && terms.some((t) => t.startsWith(w));
    return terms.includes(w) || typing ? w : (terms[0] ?? w);
  });
  return best.some((b, i) => b !== words[i]) ? best.join(' ') : null;
}

export async function searchChannel(
  exec: Executor,
  scope: ChannelViewScope,
  q: ChannelSearchQuery,
): Promise<ChannelSearchResult> {
  const words = q.q ? queryWords(q.q) : [];
  const candidates = words.length ? await candidatesOf(exec, words) : new Map<number, string[]>();
  const configs = [...new Set(scope.locales.map(searchConfigOf))];
  const text = words.length ? tsqueryText(words, candidates) : '';
  const tsq = words.length
    ? sql.join(
        configs.map((c) => sql`to_tsquery(${c}::regconfig, ${text})`),
        sql` || `,
      )
    : sql`null::tsquery`;
  const locales = sql`${sql.param(scope.locales)}::text[]`;
  const cap = q.exactUpTo ?? SEARCH_EXACT_UP_TO;
  // Ordered by relevance, the page comes from the bounded matches (ranked there only); any other
  // order is kept exact over every match (the cheapest product is the cheapest of all of them).
  const bounded = words.length > 0 && q.sort === 'relevance';
  const matches = sql`select * from (${hitsOf(scope.channelId, words.length ? { text: q.q!.trim(), tsq } : null, bounded)}) r
                      where ${filtersOf(q)}`;
  const [r] = await rows<{
    found: number;
    ids: string[] | null;
    categories: SearchFacets['categories'] | null;
    options: Array<{ o: string; count: number }> | null;
    price_min: number | null;
    price_max: number | null;
  }>(
    exec,
    sql`with ${bounded ? sql`b as (${matches} limit ${cap + 1})` : sql`m as (${matches}), b as (select * from m limit ${cap + 1})`},
      s as (select * from b limit ${cap})
    select (select count(*)::int from b) as found,
      (select json_agg(x.id order by x.n) from (${pageOf(q, locales, bounded ? sql`s` : sql`m`, tsq)}) x) as ids,
      (select json_agg(json_build_object('value', c, 'count', n) order by n desc, c)
         from (select c, count(*)::int n from s, unnest(s.categories) c group by c) f) as categories,
      (select json_agg(json_build_object('o', o, 'count', n) order by o, n desc)
         from (select o, count(*)::int n from s, unnest(s.options) o group by o) f) as options,
      (select min(a) from s, unnest(s.prices) a) as price_min,
      (select max(a) from s, unnest(s.prices) a) as price_max`,
  );
  const parse = <T>(v: T | string | null): T | null => (typeof v === 'string' ? JSON.parse(v) : v);
  const found = Number(r?.found ?? 0);
  return {
    ids: parse(r?.ids ?? null) ?? [],
    total: Math.min(found, cap),
    totalAtLeast: found > cap,
    facets: {
      categories: parse(r?.categories ?? null) ?? [],
      options: optionFacets(parse(r?.options ?? null) ?? []),
      price:
        r?.price_min == null || r.price_max == null
          ? null
          : { min: Number(r.price_min), max: Number(r.price_max) },
      sampled: found > cap,
    },
    didYouMean: words.length ? didYouMean(words, candidates) : null,
  };
}

/** The filters on a search row `r`: category, option values, price range, SKUs in stock. */
function filtersOf(q: ChannelSearchQuery): SQL {
  const filters: SQL[] = [];
  if (q.category) filters.push(sql`r.categories @> array[${q.category}]::text[]`);
  if (q.options.length) {
    const wanted = q.options.map(([name, value]) => `${name}${OPTION_SEPARATOR}${value}`);
    filters.push(sql`r.options @> ${sql.param(wanted)}::text[]`);
  }
  if (q.minPrice !== undefined || q.maxPrice !== undefined) {
    const min = q.minPrice ?? Number.MIN_SAFE_INTEGER;
    const max = q.maxPrice ?? Number.MAX_SAFE_INTEGER;
    filters.push(sql`exists (select 1 from unnest(r.prices) a where a between ${min} and ${max})`);
  }
  if (q.skus) {
    // A hashed set of the SKUs, probed once per product's variants (not `= any(…)`, linear per row).
    filters.push(sql`exists (select 1 from catalog_variants s where s.product_id = r.id
                             and s.sku in (select unnest(${sql.param(q.skus)}::text[])))`);
  }
  return filters.length ? sql.join(filters, sql` and `) : sql`true`;
}

const likeOf = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Option facets by name, then count (most first), then value; from `name` U+001F `value` counts. */
function optionFacets(counts: Array<{ o: string; count: number }>): SearchFacets['options'] {
  return counts
    .map(({ o, count }) => {
      const at = o.indexOf(OPTION_SEPARATOR);
      return { name: o.slice(0, at), value: o.slice(at + 1), count: Number(count) };
    })
    .sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : b.count - a.count || (a.value < b.value ? -1 : 1),
    );
}

const ROW = sql`r.product_id as id, r.titles, r.categories, r.options, r.prices, r.created_at`;

/**
 * The channel's search rows a query finds, each branch on an index: a code typed whole or in part, of
 * 3 characters or more, in the handle or a SKU (trigram indexes on lower(…)); a scanned barcode (8,
 * 12, 13 or 14 digits) compared as GTIN-14 (`catalog_variants_gtin14_idx`); its words (with their typo
 * candidates) in the row's texts of the channel's locales (GIN). Codes first, so a bounded read keeps
 * them. `withSearch`: the words' rows carry their tsvector (null for codes) to be ranked by the reader.
 * No query: every row of the channel.
 */
function hitsOf(channelId: string, query: { text: string; tsq: SQL } | null, withSearch: boolean): SQL {
  if (query === null) return sql`select ${ROW} from catalog_search_rows r where r.channel_id = ${channelId}`;
  const { text: q, tsq } = query;
  const codes: SQL[] = [];
  if (q.length >= 3) {
    const like = likeOf(q);
    codes.push(sql`select h.id from catalog_products h where lower(h.handle) like ${like}`);
    codes.push(sql`select v.product_id from catalog_variants v where lower(v.sku) like ${like}`);
  }
  if (/^\d{8}$|^\d{12,14}$/.test(q)) {
    codes.push(
      sql`select g.product_id from catalog_variants g where lpad(g.gtin, 14, '0') = ${q.padStart(14, '0')}`,
    );
  }
  const words = sql`select ${ROW}${withSearch ? sql`, r.search` : sql``} from catalog_search_rows r
                    where r.channel_id = ${channelId} and r.search @@ (${tsq})`;
  if (!codes.length) return words;
  return sql`select ${ROW}${withSearch ? sql`, null::tsvector as search` : sql``} from catalog_search_rows r
    where r.channel_id = ${channelId} and r.product_id in (${sql.join(codes, sql` union `)})
      and not r.search @@ (${tsq})
    union all ${words}`;
}

/**
 * The page of matches `from` (a CTE) in the chosen order; ties by product id, so pages never overlap.
 * A top-N sort of the matches, then numbered (the window sorts the page only, not every match).
 * Relevance is ts_rank, computed here on the bounded matches only; a code's match ranks 1.
 */
function pageOf(q: ChannelSearchQuery, locales: SQL, from: SQL, tsq: SQL): SQL {
  const low = sql`(select min(a) from unnest(m.prices) a)`;
  const title = sql`(select m.titles->>u.l from unnest(${locales}) with ordinality u(l, i)
                     where m.titles ? u.l order by u.i limit 1)`;
  const order =
    q.sort === 'price_asc'
      ? sql`${low} asc nulls last`
      : q.sort === 'price_desc'
        ? sql`${low} desc nulls last`
        : q.sort === 'title'
          ? sql`${title} asc`
          : q.sort === 'newest'
            ? sql`m.created_at desc`
            : q.q && queryWords(q.q).length
              ? sql`coalesce(ts_rank(m.search, ${tsq}), 1) desc`
              : null;
  const by = order ? sql`${order}, m.id` : sql`m.id`;
  return sql`select m.id, row_number() over (order by ${by}) as n
             from (select m.* from ${from} m order by ${by} limit ${q.limit} offset ${q.offset}) m`;
}
