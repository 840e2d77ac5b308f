// A rating as stars (storefront reviews, admin moderation), with the number for screen readers.
import { useIntl } from '../i18n/index.tsx';

export function Stars({ rating }: { rating: number }) {
  const intl = useIntl();
  const whole = Math.round(rating);
  return (
    <span className="stars" role="img" aria-label={intl.t('reviews.stars', { count: rating })}>
      {'★'.repeat(whole)}
      <span className="stars-off">{'★'.repeat(5 - whole)}</span>
    </span>
  );
}
