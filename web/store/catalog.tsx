// The catalog as this channel shows it (its language, currency and listings), and product pages
// with availability per store; both follow stock changes live, so a sale anywhere shows here.
import { type FormEvent, useState } from 'react';
import { useIntl } from '../i18n/index.tsx';
import { ok } from '../ui/api.ts';
import { Empty, ErrorNotice, LiveBadge, Loading, Pill, TextField, useLoad } from '../ui/components.tsx';
import { useApi } from '../ui/key-gate.tsx';
import { Link } from '../ui/router.tsx';
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

export function CatalogPage() {
  const intl = useIntl();
  const api = useApi();
  const { channel, locale } = useShop();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const products = useLoad(
    () =>
      ok(
        api.GET('/api/channels/{channel}/products', {
          params: {
            path: { channel: channel.id },
            query: { limit: 48, ...(locale ? { locale } : {}), ...(q ? { q } : {}) },
          },
        }),
      ),
    [locale, q],
  );
  const { ats } = useLiveAts(channel.id);
  const search = (e: FormEvent) => {
    e.preventDefault();
    setQ(text.trim());
  };
  return (
    <section aria-labelledby="catalog-title">
      <h1 id="catalog-title">{intl.t('store.catalog')}</h1>
      <form className="row" onSubmit={search} aria-label={intl.t('common.search')}>
        <TextField label={intl.t('store.searchProducts')} value={text} onChange={setText} type="search" />
        <button type="submit">{intl.t('common.search')}</button>
      </form>
      <ErrorNotice error={products.error} />
      {products.loading && !products.data ? <Loading /> : null}
      {products.data?.items.length === 0 ? <Empty>{intl.t('store.noProducts')}</Empty> : null}
      <ul className="product-grid">
        {products.data?.items.map((p) => {
          const available = p.variants.reduce((n, v) => n + (ats[v.sku] ?? v.availableToSell), 0);
          const price = p.variants[0]?.price;
          return (
            <li key={p.id} className="card product-card" data-product={p.handle}>
              {p.media[0] ? (
                <img src={p.media[0]} alt="" loading="lazy" />
              ) : (
                <div className="img-placeholder" aria-hidden="true" />
              )}
              <h2>
                <Link to={`/p/${p.handle}`}>{p.title}</Link>
              </h2>
              <p className="price">{price ? intl.money(price.amount, price.currency) : '–'}</p>
              <span data-testid="availability">
                <StockPill available={available} />
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
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
      {p.media[0] ? <img src={p.media[0]} alt={p.title} className="product-image" /> : null}
      <p>{p.description}</p>
      {p.variants.length > 1 ? (
        <fieldset className="variants">
          <legend>{intl.t('store.variant')}</legend>
          {p.variants.map((v) => (
            <label key={v.sku}>
              <input
                type="radio"
                name="variant"
                checked={v.sku === variant.sku}
                onChange={() => setSku(v.sku)}
              />{' '}
              {Object.values(v.options).join(' / ') || v.sku}
            </label>
          ))}
        </fieldset>
      ) : null}
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
