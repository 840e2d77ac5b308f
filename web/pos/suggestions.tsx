// "Suggest to the customer" at the till: what goes with the sale's articles, from every channel's
// orders and browsing (the store's best sellers for an empty sale), only what this store sells; a
// touch adds it to the sale.
import { useIntl } from '../i18n/index.tsx';
import { ok } from '../ui/api.ts';
import { useLoad } from '../ui/components.tsx';
import { useApi } from '../ui/key-gate.tsx';
import { useTill } from './pos-app.tsx';

export function SaleSuggestions({
  skus,
  add,
  run,
}: {
  skus: string[];
  add(sku: string): Promise<void>;
  run(action: () => Promise<unknown>): Promise<boolean>;
}) {
  const intl = useIntl();
  const api = useApi();
  const { channel } = useTill();
  const key = skus.join(',');
  const recs = useLoad(
    () =>
      ok(
        api.GET('/api/channels/{channel}/recommendations', {
          params: { path: { channel: channel.id }, query: { sku: skus, limit: 4, locale: intl.lang } },
        }),
      ),
    [channel.id, key, intl.lang],
  );
  const items = recs.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="suggestions-title" className="stack">
      <h2 id="suggestions-title">{intl.t('recs.tillTitle')}</h2>
      <ul className="favourites-grid">
        {items.map(({ product, reason }) => {
          const variant =
            product.variants.find((v) => v.price && v.availableToSell > 0) ?? product.variants[0];
          if (!variant) return null;
          return (
            <li key={product.id}>
              <button
                type="button"
                className="secondary favourite"
                data-suggested={variant.sku}
                aria-label={intl.t('recs.add', { title: product.title })}
                onClick={() => void run(() => add(variant.sku))}
              >
                <strong>{product.title}</strong>
                <span>{variant.price ? intl.money(variant.price.amount, variant.price.currency) : '–'}</span>
                <span className="hint">{intl.t(`recs.reason.${reason}`)}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
