// The catalog as this channel shows it (its language, currency and listings), and product pages
// with availability per store; both follow stock changes live, so a sale anywhere shows here.
import { type FormEvent, useEffect, useState } from 'react';
import { isMessageKey, useIntl } from '../i18n/index.tsx';
import { ok, type paths } from '../ui/api.ts';
import { Empty, ErrorNotice, LiveBadge, Loading, Pill, TextField, useLoad } from '../ui/components.tsx';
import { useApi } from '../ui/key-gate.tsx';
import { Link, useRouter } from '../ui/router.tsx';
import { useLiveEvents } from '../ui/use-live.ts';
import { useShop } from './store-app.tsx';

interface StockChanged {
  sku: string;
  levels: Array<{ sku: string; locationId: string; available: number }>;
  channels: Array<{ channelId: string; availableToSell: number }>;
}

/** Live available-to-sell per SKU on this channel, from inventory.stock_changed. */
function useLiveAts(channelId: string, onUnlisted?: (sku: string) => void) {
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
type Product = ShopPage['items'][number];
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
  const load = (after: string | null) =>
    ok(
      api.GET('/api/channels/{channel}/products', {
        params: {
          path: { channel: channel.id },
          query: {
            limit: PAGE_SIZE,
            ...(locale ? { locale } : {}),
            ...(q ? { q } : {}),
            ...(category ? { category } : {}),
            ...(after ? { cursor: after } : {}),
          },
        },
      }),
    );
  const first = useLoad(() => load(null), [locale, q, category]);
  useEffect(() => {
    setPages(first.data ? [first.data] : []);
    setCursor(first.data?.nextCursor ?? null);
  }, [first.data]);
  const { ats } = useLiveAts(channel.id);
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
                <StockPill available={availableOf(p)} />
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

/** An option's name in the page's language when it is a common one (size, colour…), else as saved. */
function optionName(intl: ReturnType<typeof useIntl>, name: string): string {
  const key = `option.${name.trim().toLowerCase()}`;
  return isMessageKey(key) ? intl.t(key) : name;
}

export function ProductPage({ handle }: { handle: string }) {
  const intl = useIntl();
  const api = useApi();
  const { channel, locale, addToCart } = useShop();
  const product = useLoad(
    () =>
      ok(
        api.GET('/api/channels/{channel}/products/{idOrSku}', {
          params: { path: { channel: channel.id, idOrSku: handle }, query: locale ? { locale } : {} },
        }),
      ),
    [handle, locale],
  );
  const locations = useLoad(() => ok(api.GET('/api/inventory/locations')), []);
  const [sku, setSku] = useState<string | null>(null);
  const variant = product.data?.variants.find((v) => v.sku === sku) ?? product.data?.variants[0];
  const stock = useLoad(
    () =>
      variant
        ? ok(
            api.GET('/api/inventory/skus/{sku}', {
              params: { path: { sku: variant.sku }, query: { channelId: channel.id } },
            }),
          )
        : Promise.resolve(null),
    [variant?.sku],
  );
  const { ats, levels, status } = useLiveAts(channel.id, (changed) => {
    if (changed === variant?.sku) stock.reload();
  });
  const [error, setError] = useState<unknown>(null);
  const [added, setAdded] = useState(false);
  if (product.error) return <ErrorNotice error={product.error} />;
  if (!product.data || !variant) return <Loading />;
  const p = product.data;
  const available = ats[variant.sku] ?? stock.data?.channel?.availableToSell ?? variant.availableToSell;
  const stores = (locations.data?.items ?? []).filter((l) => l.type === 'store');
  // Unknown until the SKU's levels load: never show "sold out" for a store we have not asked yet.
  const atStore = (locationId: string): number | undefined =>
    levels[variant.sku]?.[locationId] ??
    (stock.data ? (stock.data.levels.find((l) => l.locationId === locationId)?.available ?? 0) : undefined);
  const add = async () => {
    setError(null);
    setAdded(false);
    try {
      await addToCart(variant.sku, 1);
      setAdded(true);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <article aria-labelledby="product-title" className="product">
      <p>
        <Link to="/">{intl.t('store.backToCatalog')}</Link>
      </p>
      <h1 id="product-title">{p.title}</h1>
      <ProductPicture
        image={p.images.find((i) => i.variantId === variant.id) ?? p.images[0]}
        alt={p.title}
        sizes="(max-width: 700px) 100vw, 640px"
        eager
        className="product-image"
      />
      <p>{p.description}</p>
      <VariantPicker variants={p.variants} chosen={variant} onChoose={setSku} />
      <p className="price">
        {variant.price ? intl.money(variant.price.amount, variant.price.currency) : '–'}
      </p>
      <p>
        <span data-testid="availability">
          <StockPill available={available} />
        </span>{' '}
        <LiveBadge status={status} />
      </p>
      <ErrorNotice error={error} />
      <button type="button" onClick={add} disabled={available <= 0 || !variant.price}>
        {intl.t('store.addToCart')}
      </button>
      {added ? (
        <p role="status">
          {intl.t('store.added')} <Link to="/cart">{intl.t('store.viewCart')}</Link>
        </p>
      ) : null}
      <h2>{intl.t('store.availabilityPerStore')}</h2>
      <ul className="store-stock">
        {stores.map((l) => (
          <li key={l.id} data-store={l.code}>
            {l.name}: <StockPill available={atStore(l.id)} />
          </li>
        ))}
      </ul>
    </article>
  );
}

type Variant = Product['variants'][number];

/**
 * One choice per option (size, colour…) in the page's language; the variant is the one whose options
 * all match. A product without options has nothing to choose.
 */
function VariantPicker({
  variants,
  chosen,
  onChoose,
}: {
  variants: Variant[];
  chosen: Variant;
  onChoose(sku: string): void;
}) {
  const intl = useIntl();
  const names = [...new Set(variants.flatMap((v) => Object.keys(v.options)))];
  if (variants.length < 2) return null;
  if (names.length === 0) {
    return (
      <fieldset className="variants">
        <legend>{intl.t('store.variant')}</legend>
        {variants.map((v) => (
          <label key={v.sku}>
            <input type="radio" name="variant" checked={v === chosen} onChange={() => onChoose(v.sku)} />{' '}
            {v.sku}
          </label>
        ))}
      </fieldset>
    );
  }
  const pick = (name: string, value: string) => {
    const wanted = { ...chosen.options, [name]: value };
    const exact = variants.find((v) => names.every((n) => v.options[n] === wanted[n]));
    const near = variants.find((v) => v.options[name] === value);
    const next = exact ?? near;
    if (next) onChoose(next.sku);
  };
  return (
    <>
      {names.map((name) => {
        const values = [...new Set(variants.map((v) => v.options[name]).filter((x): x is string => !!x))];
        return (
          <fieldset key={name} className="variants option-values">
            <legend>{intl.t('shop.chooseOption', { option: optionName(intl, name).toLowerCase() })}</legend>
            {values.map((value) => (
              <label key={value} className="option-value">
                <input
                  type="radio"
                  name={`option-${name}`}
                  value={value}
                  checked={chosen.options[name] === value}
                  onChange={() => pick(name, value)}
                />{' '}
                {value}
              </label>
            ))}
          </fieldset>
        );
      })}
    </>
  );
}
