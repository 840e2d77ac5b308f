// The sales this till parked by name ("Anna's sale"), kept on the hub: any device of the till can
// resume one; its goods stay held while it waits (idle sales give their stock back after a day).
import { useIntl } from '../i18n/index.tsx';
import type { TillSale } from './sale-state.ts';

export function ParkedSales({ sales, onResume }: { sales: TillSale[]; onResume(cartId: string): void }) {
  const intl = useIntl();
  if (sales.length === 0) return null;
  return (
    <section aria-labelledby="parked-title" className="stack">
      <h2 id="parked-title">{intl.t('pos.parkedSales')}</h2>
      <ul>
        {sales.map((s) => (
          <li key={s.cartId} className="card spread" data-parked={s.cartId}>
            <span>
              <strong>{s.name ?? intl.t('pos.parkedUnnamed')}</strong> ·{' '}
              {intl.t('pos.items', { count: s.cart.lines.reduce((n, l) => n + l.quantity, 0) })} ·{' '}
              {intl.money(s.cart.itemsTotal, s.cart.currency)} ·{' '}
              {intl.date(s.parkedAt ?? s.updatedAt, 'time')}
            </span>
            <button type="button" onClick={() => onResume(s.cartId)}>
              {intl.t('pos.resumeParked', { name: s.name ?? intl.t('pos.parkedUnnamed') })}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
