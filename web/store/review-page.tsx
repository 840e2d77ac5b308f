// The review page of a review-request message (/store/<channel>/review?token=…): the signed token in
// the link is the only credential (no sign-in), and names the order. One form per product of the
// order: 1–5 stars (big tap targets: most people open the mail on a phone), an optional title and
// text. A product already reviewed shows its stars instead of a form.
import { useEffect, useState } from 'react';
import { LANGUAGES, type Language, useIntl } from '../i18n/index.tsx';
import { ok } from '../ui/api.ts';
import {
  ErrorNotice,
  FieldsetField,
  Loading,
  Notice,
  TextAreaField,
  TextField,
  useLoad,
} from '../ui/components.tsx';
import { useApi } from '../ui/key-gate.tsx';
import { ProblemScope } from '../ui/problem.tsx';
import { Stars } from '../ui/stars.tsx';

const query = () => new URLSearchParams(window.location.search);

export function ReviewPage() {
  const intl = useIntl();
  const api = useApi();
  const token = query().get('token') ?? '';
  // The message's language, once (the shopper can still pick another).
  // biome-ignore lint/correctness/useExhaustiveDependencies: only on arrival
  useEffect(() => {
    const lang = query().get('lang');
    if (lang && LANGUAGES.includes(lang as Language) && lang !== intl.lang) intl.setLang(lang as Language);
  }, []);
  const request = useLoad(
    () => ok(api.GET('/api/review-requests/{token}', { params: { path: { token } } })),
    [token],
  );
  if (request.error)
    return (
      <section aria-labelledby="review-title">
        <h1 id="review-title">{intl.t('reviews.heading')}</h1>
        <p role="alert">{intl.t('reviews.linkInvalid')}</p>
      </section>
    );
  if (!request.data) return <Loading />;
  const r = request.data;
  return (
    <section aria-labelledby="review-title" className="review-page">
      <h1 id="review-title">{intl.t('reviews.pageTitle', { number: r.order.number })}</h1>
      <p className="hint">{intl.t('reviews.signedAs', { name: r.reviewerName })}</p>
      {r.products.map((p) => (
        <ProductReviewForm key={p.productId} token={token} product={p} onDone={request.reload} />
      ))}
    </section>
  );
}

interface RequestProduct {
  productId: string;
  title: string;
  review: { rating: number; status: string } | null;
}

function ProductReviewForm({
  token,
  product,
  onDone,
}: {
  token: string;
  product: RequestProduct;
  onDone(): void;
}) {
  const intl = useIntl();
  const api = useApi();
  const [rating, setRating] = useState(0);
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);
  if (product.review)
    return (
      <article className="card review-card" data-reviewed={product.productId}>
        <h2>{product.title}</h2>
        {sent ? <Notice tone="success">{intl.t('reviews.thanks')}</Notice> : null}
        <p>
          <Stars rating={product.review.rating} />{' '}
          {intl.t('reviews.alreadyDone', { count: product.review.rating })}
        </p>
      </article>
    );
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await ok(
        api.POST('/api/review-requests/{token}/reviews', {
          params: { path: { token } },
          body: {
            productId: product.productId,
            rating,
            locale: intl.lang,
            ...(title.trim() ? { title } : {}),
            ...(body.trim() ? { body } : {}),
          },
        }),
      );
      setSent(true);
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }
  return (
    <form className="card review-card" onSubmit={submit} data-review-form={product.productId}>
      <h2>{product.title}</h2>
      <ProblemScope error={error}>
        <FieldsetField legend={intl.t('reviews.rating')} field="body.rating">
          <div className="stars-input">
            {[1, 2, 3, 4, 5].map((n) => (
              <label key={n} className={n <= rating ? 'star on' : 'star'}>
                <input
                  type="radio"
                  name={`rating-${product.productId}`}
                  value={n}
                  checked={rating === n}
                  onChange={() => setRating(n)}
                  aria-label={intl.t('reviews.stars', { count: n })}
                />
                <span aria-hidden="true">★</span>
              </label>
            ))}
          </div>
        </FieldsetField>
        <TextField label={intl.t('reviews.title')} value={title} onChange={setTitle} field="body.title" />
        <TextAreaField label={intl.t('reviews.body')} value={body} onChange={setBody} field="body.body" />
        <ErrorNotice error={error} />
      </ProblemScope>
      <button type="submit" disabled={busy || rating === 0}>
        {intl.t('reviews.submit')}
      </button>
    </form>
  );
}
