// Which campaigns apply to a cart and why another does not ("add €12 more", "not valid on this
// channel", "already used"), with a coupon code field: the same panel in the storefront's cart and
// at the till, priced by the hub's one engine, following campaign changes live.
import { type FormEvent, useState } from 'react';
import { type MessageKey, useIntl } from '../i18n/index.tsx';
import { ok } from './api.ts';
import { ErrorNotice, TextField, useLoad } from './components.tsx';
import { useApi } from './key-gate.tsx';
import { ProblemScope } from './problem.tsx';
import { useLiveEvents } from './use-live.ts';

export function CartPromotions({
  cartId,
  currency,
  version,
  onChange,
  followCampaigns = false,
}: {
  cartId: string;
  currency: string;
  /** Changes when the cart's lines or owner change: the offers are asked for again. */
  version: string;
  /** A code was applied or removed (the caller quotes again). */
  onChange?(): void;
  /** Ask again when a campaign changes (the till; a storefront's publishable key reads no stream). */
  followCampaigns?: boolean;
}) {
  const intl = useIntl();
  const api = useApi();
  const path = { params: { path: { id: cartId } } };
  const offers = useLoad(() => ok(api.GET('/api/carts/{id}/promotions', path)), [cartId, version]);
  useLiveEvents(['promotion.campaign_*', 'promotion.collection_saved'], () => offers.reload(), {
    enabled: followCampaigns,
  });
  const [code, setCode] = useState('');
  const [error, setError] = useState<unknown>(null);
  const apply = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await ok(api.POST('/api/carts/{id}/coupons', { ...path, body: { code: code.trim() } }));
      setCode('');
      offers.reload();
      onChange?.();
    } catch (err) {
      setError(err);
    }
  };
  const remove = async (c: string) => {
    setError(null);
    try {
      await ok(api.DELETE('/api/carts/{id}/coupons/{code}', { params: { path: { id: cartId, code: c } } }));
      offers.reload();
      onChange?.();
    } catch (err) {
      setError(err);
    }
  };
  const data = offers.data;
  const why = (n: NonNullable<typeof data>['notApplied'][number]) =>
    intl.t(`promo.reason.${n.reason}` as MessageKey, {
      amount: n.missingAmount === undefined ? '' : intl.money(n.missingAmount, n.currency ?? currency),
      count: n.missingQuantity ?? 0,
    });
  return (
    <section className="panel stack" aria-labelledby={`offers-${cartId}`} data-testid="cart-offers">
      <h2 id={`offers-${cartId}`}>{intl.t('cartPromo.title')}</h2>
      <ul>
        {data?.applied.map((a) => (
          <li key={a.campaignId} data-offer="applied" data-campaign={a.name}>
            {intl.t('cartPromo.applied', { name: a.name, amount: intl.money(a.amount, currency) })}
          </li>
        ))}
        {data?.notApplied.map((n) => (
          <li key={`${n.campaignId}:${n.code}:${n.reason}`} data-offer="not-applied" data-reason={n.reason}>
            {intl.t('cartPromo.notApplied', { name: n.name ?? n.code ?? '', reason: why(n) })}
          </li>
        ))}
      </ul>
      {data?.codes.map((c) => (
        <button key={c} type="button" className="secondary" onClick={() => void remove(c)}>
          {intl.t('cartPromo.remove', { code: c })}
        </button>
      ))}
      <ErrorNotice error={error ?? offers.error} />
      <ProblemScope error={error}>
        <form className="row" onSubmit={apply} aria-label={intl.t('cartPromo.code')}>
          <TextField
            label={intl.t('cartPromo.code')}
            value={code}
            onChange={setCode}
            field="body.code"
            required
          />
          <button type="submit" className="secondary">
            {intl.t('cartPromo.apply')}
          </button>
        </form>
      </ProblemScope>
    </section>
  );
}
