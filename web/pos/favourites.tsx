// The till's product grid: the favourites a manager set for this till (its store channel) on the hub,
// one button per article with its name in the page's language, price and stock; a touch adds it.
// It follows changes live (catalog.favourites_changed of this channel).
import { useIntl } from '../i18n/index.tsx';
import { ok } from '../ui/api.ts';
import { Empty, useLoad } from '../ui/components.tsx';
import { useApi } from '../ui/key-gate.tsx';
import { useLiveEvents } from '../ui/use-live.ts';
import { useTill } from './pos-app.tsx';
import { optionsText } from './scanner.tsx';

export function FavouritesGrid({
  add,
  run,
}: {
  add(sku: string): Promise<void>;
  run(action: () => Promise<unknown>): Promise<boolean>;
}) {
  const intl = useIntl();
  const api = useApi();
  const { channel } = useTill();
  const grid = useLoad(
    () =>
      ok(
        api.GET('/api/channels/{channel}/favourites', {
          params: { path: { channel: channel.id }, query: { locale: intl.lang } },
        }),
      ),
    [channel.id, intl.lang],
  );
  useLiveEvents(['catalog.favourites_changed'], () => grid.reload());
  const tiles = (grid.data?.skus ?? []).flatMap((sku) => {
    const product = grid.data?.items.find((p) => p.variants.some((v) => v.sku === sku));
    const variant = product?.variants.find((v) => v.sku === sku);
    if (!product || !variant) return [];
    const options = Object.keys(variant.options).length ? optionsText(intl, variant.options) : '';
    return [
      {
        sku,
        title: product.title,
        options,
        variant,
        image: product.images[0]?.src ?? product.media[0] ?? null,
      },
    ];
  });
  return (
    <section aria-labelledby="favourites-title" className="stack">
      <h2 id="favourites-title">{intl.t('favourites.title')}</h2>
      {grid.data && tiles.length === 0 ? <Empty>{intl.t('favourites.empty')}</Empty> : null}
      <ul className="favourites-grid">
        {tiles.map((tile) => (
          <li key={tile.sku}>
            <button
              type="button"
              className="secondary favourite"
              data-sku={tile.sku}
              aria-label={intl.t('favourites.add', { title: tile.title })}
              disabled={tile.variant.availableToSell <= 0}
              onClick={() => void run(() => add(tile.sku))}
            >
              {tile.image ? <img src={tile.image} alt="" /> : null}
              <strong>{tile.title}</strong>
              {tile.options ? <span>{tile.options}</span> : null}
              <span>
                {tile.variant.price
                  ? intl.money(tile.variant.price.amount, tile.variant.price.currency)
                  : '–'}
              </span>
              <span className="hint">{intl.t('pos.inStock', { count: tile.variant.availableToSell })}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
