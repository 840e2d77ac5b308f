// "Goes well with" on a product page: what was bought or viewed with it on any channel (the shop's
// best sellers when it has no history yet), only what this shop sells, each with why it is shown.
import { useIntl } from '../i18n/index.tsx';
import { ok } from '../ui/api.ts';
import { useLoad } from '../ui/components.tsx';
import { useApi } from '../ui/key-gate.tsx';
import { Link } from '../ui/router.tsx';
import { ProductPicture } from './catalog.tsx';

export function ProductRecommendations({
  channelId,
  handle,
  locale,
}: {
  channelId: string;
  handle: string;
  locale: string | undefined;
}) {
  const intl = useIntl();
  const api = useApi();
  const recs = useLoad(
    () =>
      ok(
        api.GET('/api/channels/{channel}/products/{idOrSku}/recommendations', {
          params: {
            path: { channel: channelId, idOrSku: handle },
            query: { limit: 4, ...(locale ? { locale } : {}) },
          },
        }),
      ),
    [handle, locale],
  );
  const items = recs.data?.items ?? [];
  // A page whose recommendations fail still sells its product: nothing is shown then.
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="recs-title" className="recommendations">
      <h2 id="recs-title">{intl.t('recs.title')}</h2>
      <ul className="product-grid">
        {items.map(({ product: p, reason }) => {
          const price = p.variants.find((v) => v.price)?.price;
          return (
            <li key={p.id} className="card product-card" data-recommended={p.handle}>
              <ProductPicture image={p.images[0]} alt={p.title} sizes="(max-width: 600px) 50vw, 200px" />
              <h3>
                <Link to={`/p/${p.handle}`}>{p.title}</Link>
              </h3>
              <p className="price">{price ? intl.money(price.amount, price.currency) : '–'}</p>
              <p className="hint">{intl.t(`recs.reason.${reason}`)}</p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
