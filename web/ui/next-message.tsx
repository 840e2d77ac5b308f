// The next best message as a card, the same on the storefront (the signed-in shopper) and at the till
// (the sale's customer): its text in the page's language, why it is shown, and its link. Nothing is
// shown when there is nothing to say, or when the answer fails (a message never blocks a sale).
import { useIntl } from '../i18n/index.tsx';
import type { paths } from './api-types.ts';

export type NextMessageAnswer =
  paths['/api/customers/{id}/next-message']['get']['responses'][200]['content']['application/json'];

export function NextMessageCard({
  answer,
  heading,
}: {
  answer: NextMessageAnswer | null | undefined;
  heading: 'nbm.heading' | 'nbm.tillHeading';
}) {
  const intl = useIntl();
  const m = answer?.message;
  if (!m) return null;
  return (
    <section className="panel next-message" aria-labelledby="next-message-title" data-message={m.kind}>
      <h2 id="next-message-title">{intl.t(heading)}</h2>
      <p>
        <strong>{intl.t(`nbm.${m.kind}.title`, m.params)}</strong>
      </p>
      <p>{intl.t(`nbm.${m.kind}.body`, m.params)}</p>
      {m.link && (m.kind === 'open_cart' || m.kind === 'recommended') ? (
        <p>
          <a href={m.link}>{intl.t(`nbm.${m.kind}.action`)}</a>
        </p>
      ) : null}
      <p className="hint">{intl.t('nbm.reason', { reason: intl.t(`nbm.reason.${m.kind}`) })}</p>
    </section>
  );
}
