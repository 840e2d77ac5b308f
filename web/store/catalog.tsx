// The catalog as this channel shows it (its language, currency and listings), and product pages
// with availability per store; both follow stock changes live, so a sale anywhere shows here.
import { type FormEvent, useEffect, useState } from 'react';
import { availabilityOf } from '../../src/modules/catalog/availability.ts';
import { useIntl } from '../i18n/index.tsx';
import { ok, type paths } from '../ui/api.ts';
import { Empty, ErrorNotice, Loading, Pill, TextField, useLoad } from '../ui/components.tsx';
import { useApi } from '../ui/key-gate.tsx';
import { useOptionValueNames } from '../ui/local-titles.ts';
import { Link, useRouter } from '../ui/router.tsx';
import { useLiveEvents } from '../ui/use-live.ts';
import { warmOfflineCache } from './offline.ts';
import {
  type FacetChoice,
  FacetFilters,
  hasFacetChoice,
  noFacetChoice,
  SearchSuggestions,
} from './search-tools.tsx';
import { useShop } from './store-app.tsx';

interface StockChanged {
  sku: string;
  levels: Array<{ sku: string; locationId: string; available: number }>;
  channels: Array<{ channelId: string; availableToSell: number }>;
}

/** Live available-to-sell per SKU on this channel, from inventory.stock_changed. */
export function useLiveAts(channelId: string, onUnlisted?: (sku: string) => void) {
  const [ats, setAts] = useState<Record<string, number>>({});
  const [levels, setLevels] = useState<Record<string, Record<string, number>>>({});
  const status = useLiveEvents(['inventory.stock_changed'], (e) => {
    const p = e.data as unknown as StockChanged;
    const mine = p.channels.find((c) => c.channelId === channelId);
    // An event may list only the channels of the change's own sourcing: then ask for ours.
    if (mine) setAts((a) => ({ ...a, [p.sku]: mine.availableToSell }));
    else {
      setAts(({ [p.sku]: _stale, ...rest }) => rest);
      onUnlisted?.(p.sku);
    }
    setLevels((l) => ({
      ...l,
      [p.sku]: { ...l[p.sku], ...Object.fromEntries(p.levels.map((x) => [x.locationId, x.available])) },
    }));
  });
  return { ats, levels, status };
}

/**
 * A variant's availability with live stock (the hub's rule, applied to the figure just pushed): a
 * pre-order shows its date, a backorder that it ships when restocked.
 */
export function AvailabilityPill({
  variant,
  available,
}: {
  variant: Pick<Product['variants'][number], 'stockPolicy' | 'availableFrom'>;
  available: number | undefined;
}) {
  const intl = useIntl();
  if (available === undefined) return <Pill tone="info">…</Pill>;
  const state = availabilityOf(variant, available, new Date().toISOString().slice(0, 10));
  if (state === 'preorder')
    return (
      <Pill tone="info">{intl.t('shop.preorder', { date: intl.date(variant.availableFrom, 'date') })}</Pill>
    );
  if (state === 'backorder') return <Pill tone="warn">{intl.t('shop.backorder')}</Pill>;
  return <StockPill available={available} />;
}

const NO_POLICY = { stockPolicy: 'deny', availableFrom: null } as const;

export function StockPill({ available }: { available: number | undefined }) {
  const intl = useIntl();
  if (available === undefined) return <Pill tone="info">…</Pill>;
  return available > 0 ? (
    <Pill tone="ok">{intl.t('store.inStock', { count: available })}</Pill>
  ) : (
    <Pill tone="bad">{intl.t('store.soldOut')}</Pill>
  );
}

type Sort = 'featured' | 'priceAsc' | 'priceDesc' | 'name';
export type Product = ShopPage['items'][number];
type ShopPage =
  paths['/api/channels/{channel}/products']['get']['responses'][200]['content']['application/json'];

/** A product picture in the best format the browser takes (AVIF, WebP, JPEG), sized by srcset. */
export function ProductPicture({
  image,
  alt,
  sizes,
  eager,
  className,
}: {
  image: Product['images'][number] | undefined;
  alt: string;
  sizes: string;
  eager?: boolean;
  className?: string;
}) {
  if (!image) return <div className="img-placeholder" aria-hidden="true" />;
  return (
    <picture className={className}>
      <source type="image/avif" srcSet={image.srcset.avif} sizes={sizes} />
      <source type="image/webp" srcSet={image.srcset.webp} sizes={sizes} />
      <img
        src={image.src}
        srcSet={image.srcset.jpeg}
        sizes={sizes}
        alt={image.alt || alt}
        width={image.width}
        height={image.height}
        loading={eager ? 'eager' : 'lazy'}
        decoding="async"
      />
    </picture>
  );
}

const lowestPrice = (p: Product) =>
  Math.min(...p.variants.map((v) => v.price?.amount ?? Number.POSITIVE_INFINITY));

function sorted(items: Product[], sort: Sort, collator: Intl.Collator): Product[] {
  if (sort === 'featured') return items;
  const copy = [...items];
  if (sort === 'name') return copy.sort((a, b) => collator.compare(a.title, b.title));
  const dir = sort === 'priceAsc' ? 1 : -1;
  return copy.sort((a, b) => dir * (lowestPrice(a) - lowestPrice(b)));
}

/** The channel's products a page at a time ("show more"), filtered by category and stock, sorted. */
export function CatalogPage({ category }: { category?: string }) {
  const intl = useIntl();
  const api = useApi();
  const { channel, locale } = useShop();
  const { navigate } = useRouter();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const [sort, setSort] = useState<Sort>('featured');
  const [inStockOnly, setInStockOnly] = useState(false);
  const [pages, setPages] = useState<ShopPage[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [more, setMore] = useState<{ loading: boolean; error: unknown }>({ loading: false, error: null });
  const [choice, setChoice] = useState<FacetChoice>(noFacetChoice);
  const searchQuery = (limit: number, offset: number, withChoice: boolean) => ({
    limit,
    offset,
    sort: 'relevance' as const,
    ...(q ? { q } : {}),
    ...(locale ? { locale } : {}),
    ...(category ? { category } : {}),
    ...(withChoice && choice.options.length ? { option: choice.options } : {}),
    ...(withChoice && choice.minPrice !== undefined ? { minPrice: choice.minPrice } : {}),
    ...(withChoice && choice.maxPrice !== undefined ? { maxPrice: choice.maxPrice } : {}),
  });
  const valueName = useOptionValueNames(channel.id);
  // What can narrow the list (counts for the words and category, before any filter is chosen).
  const facets = useLoad(
    () =>
      ok(
        api.GET('/api/channels/{channel}/search', {
          params: { path: { channel: channel.id }, query: searchQuery(1, 0, false) },
        }),
      ).then((r) => ({ ...r.facets, sampleSize: r.total })),
    [locale, q, category],
  );
  // Browsing pages by cursor; a search or filter goes to the typo-tolerant search, paged by offset.
  const load = async (after: string | null): Promise<ShopPage> => {
    if (q || hasFacetChoice(choice)) {
      const offset = Number(after ?? 0);
      const found = await ok(
        api.GET('/api/channels/{channel}/search', {
          params: { path: { channel: channel.id }, query: searchQuery(PAGE_SIZE, offset, true) },
        }),
      );
      const next = offset + found.items.length;
      return {
        channel: found.channel,
        items: found.items,
        nextCursor: next < found.total ? String(next) : null,
      };
    }
    return ok(
      api.GET('/api/channels/{channel}/products', {
        params: {
          path: { channel: channel.id },
          query: {
            limit: PAGE_SIZE,
            ...(locale ? { locale } : {}),
            ...(category ? { category } : {}),
            ...(after ? { cursor: after } : {}),
          },
        },
      }),
    );
  };
  const first = useLoad(() => load(null), [locale, q, category, choice]);
  useEffect(() => {
    setPages(first.data ? [first.data] : []);
    setCursor(first.data?.nextCursor ?? null);
  }, [first.data]);
  const { ats } = useLiveAts(channel.id);
  // The products listed open offline too: their pages' answers are kept by the service worker.
  useEffect(() => {
    const query = locale ? `?${new URLSearchParams({ locale })}` : '';
    warmOfflineCache(
      (first.data?.items ?? []).map(
        (p) =>
          `/api/channels/${encodeURIComponent(channel.id)}/products/${encodeURIComponent(p.handle)}${query}`,
      ),
    );
  }, [first.data, channel.id, locale]);
  const showMore = async () => {
    setMore({ loading: true, error: null });
    try {
      const page = await load(cursor);
      setPages((p) => [...p, page]);
      setCursor(page.nextCursor);
      setMore({ loading: false, error: null });
    } catch (error) {
      setMore({ loading: false, error });
    }
  };
  const search = (e: FormEvent) => {
    e.preventDefault();
    setQ(text.trim());
  };
  const availableOf = (p: Product) => p.variants.reduce((n, v) => n + (ats[v.sku] ?? v.availableToSell), 0);
  const all = pages.flatMap((p) => p.items);
  const categories = [
    ...new Set([...all.flatMap((p) => p.categories), ...(category ? [category] : [])]),
  ].sort();
  const shown = sorted(
    all.filter((p) => !inStockOnly || availableOf(p) > 0),
    sort,
    new Intl.Collator(intl.lang),
  );
  return (
    <section aria-labelledby="catalog-title">
      <h1 id="catalog-title">{category ? categoryName(category) : intl.t('store.catalog')}</h1>
      <form className="row" onSubmit={search} aria-label={intl.t('common.search')}>
        <TextField label={intl.t('store.searchProducts')} value={text} onChange={setText} type="search" />
        <button type="submit">{intl.t('common.search')}</button>
      </form>
      {text.trim() !== q ? (
        <SearchSuggestions
          channelId={channel.id}
          locale={locale}
          text={text}
          onPick={(picked) => {
            setText(picked);
            setQ(picked);
          }}
        />
      ) : null}
      <FacetFilters
        facets={facets.data}
        currency={channel.currency}
        choice={choice}
        onChange={setChoice}
        valueName={valueName}
      />
      <div className="row shop-filters">
        <label>
          {intl.t('shop.category')}{' '}
          <select
            value={category ?? ''}
            onChange={(e) => navigate(e.target.value ? `/c/${e.target.value}` : '/')}
          >
            <option value="">{intl.t('shop.allCategories')}</option>
            {categories.map((c) => (
              <option key={c} value={c}>
                {categoryName(c)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {intl.t('shop.sort')}{' '}
          <select value={sort} onChange={(e) => setSort(e.target.value as Sort)}>
            {(['featured', 'priceAsc', 'priceDesc', 'name'] as const).map((s) => (
              <option key={s} value={s}>
                {intl.t(`shop.sort.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input type="checkbox" checked={inStockOnly} onChange={(e) => setInStockOnly(e.target.checked)} />{' '}
          {intl.t('shop.inStockOnly')}
        </label>
      </div>
      <ErrorNotice error={first.error} />
      {first.loading && !first.data ? <Loading /> : null}
      {first.data && shown.length === 0 ? <Empty>{intl.t('store.noProducts')}</Empty> : null}
      {shown.length ? (
        <p className="hint" aria-live="polite">
          {intl.t('shop.shown', { count: shown.length })}
        </p>
      ) : null}
      <ul className="product-grid">
        {shown.map((p, i) => {
          const price = p.variants.find((v) => v.price)?.price;
          return (
            <li key={p.id} className="card product-card" data-product={p.handle}>
              <ProductPicture
                image={p.images[0]}
                alt={p.title}
                sizes="(max-width: 600px) 50vw, 240px"
                eager={i < 4}
              />
              <h2>
                <Link to={`/p/${p.handle}`}>{p.title}</Link>
              </h2>
              <p className="price">{price ? intl.money(price.amount, price.currency) : '–'}</p>
              <span data-testid="availability">
                <AvailabilityPill
                  variant={p.variants.find((v) => v.stockPolicy !== 'deny') ?? NO_POLICY}
                  available={availableOf(p)}
                />
              </span>
            </li>
          );
        })}
      </ul>
      <ErrorNotice error={more.error} />
      {cursor ? (
        <button type="button" className="secondary" onClick={showMore} disabled={more.loading}>
          {more.loading ? intl.t('common.loading') : intl.t('shop.loadMore')}
        </button>
      ) : null}
    </section>
  );
}

const PAGE_SIZE = 24;

/** "outerwear/rain-jackets" → "Rain jackets" (categories are codes; the last part names it). */
function categoryName(code: string): string {
  const last = (code.split('/').at(-1) ?? code).replace(/-/g, ' ');
  return last.charAt(0).toUpperCase() + last.slice(1);
}
