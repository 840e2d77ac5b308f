// A customer's wallet as the account page and the till show it: points and tier (and how far the
// next one is), store credit and gift cards with the last characters of their codes.
import { useIntl } from '../i18n/index.tsx';
import type { paths } from './api.ts';
import { Empty } from './components.tsx';

type Wallet = paths['/api/me/wallet']['get']['responses'][200]['content']['application/json'];

export function WalletCard({ wallet }: { wallet: Wallet }) {
  const intl = useIntl();
  const cards = [...wallet.storeCredit, ...wallet.giftCards].filter((a) => a.balance > 0);
  const empty = !wallet.points && cards.length === 0;
  return (
    <section aria-labelledby="wallet-title" className="card stack" data-testid="wallet">
      <h2 id="wallet-title">{intl.t('wallet.title')}</h2>
      {empty ? <Empty>{intl.t('wallet.empty')}</Empty> : null}
      {wallet.points ? (
        <p>
          <strong data-testid="wallet-points">
            {intl.t('wallet.points', { points: wallet.points.balance })}
          </strong>
          {wallet.points.tier ? <> · {intl.t('wallet.tier', { tier: wallet.points.tier })}</> : null}
          {wallet.points.nextTier ? (
            <>
              {' '}
              ·{' '}
              {intl.t('wallet.nextTier', {
                points: wallet.points.nextTier.pointsToGo,
                tier: wallet.points.nextTier.name,
              })}
            </>
          ) : null}
        </p>
      ) : null}
      {cards.length ? (
        <ul>
          {cards.map((a) => (
            <li key={a.id} data-testid="wallet-card">
              {intl.t(a.kind === 'gift_card' ? 'wallet.giftCards' : 'wallet.storeCredit')} ·{' '}
              {intl.t('wallet.code', { hint: a.codeHint ?? '' })} ·{' '}
              {intl.money(a.balance, a.currency ?? 'EUR')}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
