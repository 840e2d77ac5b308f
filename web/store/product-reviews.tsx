// Reviews on a product page: the published reviews of every channel's buyers, newest first, a page
// at a time, with the average and count. Every review is a verified purchase (it came from an order).
import { useState } from 'react';
import { useIntl } from '../i18n/index.tsx';
import { ok } from '../ui/api.ts';
import { useLoad } from '../ui/components.tsx';
import { useApi } from '../ui/key-gate.tsx';
import { Stars } from '../ui/stars.tsx';

const PAGE = 5;

type Item = {
  id: string;
  rating: number;
  title: string | null;
  body: string | null;
  reviewerName: string;
  createdAt: string;
};

export function ProductReviews({ channelId, productId }: { channelId: string; productId: string }) {
  const intl = useIntl();
  const api = useApi();
  const [page, setPage] = useState(1);
  const [earlier, setEarlier] = useState<Item[]>([]);
  const found = useLoad(
    () =>
      ok(
        api.GET('/api/channels/{channel}/products/{idOrSku}/reviews', {
          params: { path: { channel: channelId, idOrSku: productId }, query: { page, limit: PAGE } },
        }),
      ),
    [productId, page],
  );
  // A page whose reviews fail still sells its product: nothing is shown then.
  if (!found.data) return null;
  const { count, average } = found.data;
  const items = [...earlier, ...(found.data.items as Item[])];
  return (
    <section aria-labelledby="reviews-title" className="product-reviews" data-testid="product-reviews">
      <h2 id="reviews-title">{intl.t('reviews.heading')}</h2>
      {count === 0 || average === null ? (
        <p className="hint">{intl.t('reviews.none')}</p>
      ) : (
        <p data-testid="reviews-summary">
          <Stars rating={average} /> {intl.t('reviews.summary', { average: intl.number(average), count })}
        </p>
      )}
      <ul className="review-list">
        {items.map((r) => (
          <li key={r.id} className="card">
            <p>
              <Stars rating={r.rating} /> {r.title ? <strong>{r.title}</strong> : null}
            </p>
            {r.body ? <p>{r.body}</p> : null}
            <p className="hint">
              {intl.t('reviews.by', { name: r.reviewerName, date: intl.date(r.createdAt, 'date') })} ·{' '}
              {intl.t('reviews.verified')}
            </p>
          </li>
        ))}
      </ul>
      {items.length < count ? (
        <button
          type="button"
          className="secondary"
          onClick={() => {
            setEarlier(items);
            setPage(page + 1);
          }}
        >
          {intl.t('reviews.more')}
        </button>
      ) : null}
    </section>
  );
}
