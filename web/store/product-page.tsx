// A product page: its pictures, the variant chosen by option (size, colour…) in the page's language,
// live availability on the channel and per store, and add-to-cart (queued on the device offline).
import { useState } from 'react';
import { imageForVariant } from '../../src/modules/media/variant-image.ts';
import { useIntl } from '../i18n/index.tsx';
import { ok } from '../ui/api.ts';
import { ErrorNotice, LiveBadge, Loading, useLoad } from '../ui/components.tsx';
import { useApi } from '../ui/key-gate.tsx';
import { optionName, useOptionValueNames } from '../ui/local-titles.ts';
import { Link } from '../ui/router.tsx';
import { AvailabilityPill, type Product, ProductPicture, StockPill, useLiveAts } from './catalog.tsx';
import { NotifyMe } from './notify-me.tsx';
import { ProductReviews } from './product-reviews.tsx';
import { ProductRecommendations } from './recommendations.tsx';
import { useShop } from './store-app.tsx';

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
  // A feed's or a shared link names the variant (`?variant=SKU`): the page opens on it.
  const [sku, setSku] = useState<string | null>(() =>
    new URLSearchParams(window.location.search).get('variant'),
  );
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
  const [added, setAdded] = useState<'added' | 'queued' | null>(null);
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
    setAdded(null);
    try {
      setAdded(await addToCart(variant.sku, 1));
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
        image={imageForVariant(p.images, p.variants, variant)}
        alt={p.title}
        sizes="(max-width: 700px) 100vw, 640px"
        eager
        className="product-image"
      />
      <p>{p.description}</p>
      <VariantPicker channelId={channel.id} variants={p.variants} chosen={variant} onChoose={setSku} />
      <p className="price">
        {variant.price ? intl.money(variant.price.amount, variant.price.currency) : '–'}
      </p>
      <p>
        <span data-testid="availability">
          <AvailabilityPill variant={variant} available={available} />
        </span>{' '}
        <LiveBadge status={status} />
      </p>
      <ErrorNotice error={error} />
      <button
        type="button"
        onClick={add}
        disabled={(available <= 0 && variant.stockPolicy === 'deny') || !variant.price}
      >
        {intl.t('store.addToCart')}
      </button>
      {available <= 0 && variant.stockPolicy === 'deny' ? (
        <NotifyMe key={variant.sku} sku={variant.sku} />
      ) : null}
      {added === 'queued' ? <p role="status">{intl.t('shop.queued')}</p> : null}
      {added === 'added' ? (
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
      <ProductReviews channelId={channel.id} productId={p.id} />
      <ProductRecommendations channelId={channel.id} handle={p.handle} locale={locale} />
    </article>
  );
}

type Variant = Product['variants'][number];

/**
 * One choice per option (size, colour…) in the page's language; the variant is the one whose options
 * all match. A product without options has nothing to choose.
 */
function VariantPicker({
  channelId,
  variants,
  chosen,
  onChoose,
}: {
  channelId: string;
  variants: Variant[];
  chosen: Variant;
  onChoose(sku: string): void;
}) {
  const intl = useIntl();
  const valueName = useOptionValueNames(channelId);
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
                {valueName(name, value)}
              </label>
            ))}
          </fieldset>
        );
      })}
    </>
  );
}
