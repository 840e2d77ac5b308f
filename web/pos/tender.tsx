// Taking the money for a sale: cash (what the customer hands over, and the change), the store's own
// card terminal (its slip reference), or both. The hub records the sale as paid, handed over and
// completed in one step; the tenders must add up to the total.
import { type FormEvent, useState } from 'react';
import { useIntl } from '../i18n/index.tsx';
import { ok, type paths } from '../ui/api.ts';
import { SelectField, TextField } from '../ui/components.tsx';
import { useApi } from '../ui/key-gate.tsx';
import { GiftCardTender, type GiftCardUse } from './gift-card-tender.tsx';
import { useTill } from './pos-app.tsx';
import { type Cart, parseAmount } from './sale-state.ts';

export type Sold = paths['/api/carts/{id}/checkout']['post']['responses'][201]['content']['application/json'];
type Method = 'cash' | 'card' | 'split';
type Tender = NonNullable<
  paths['/api/carts/{id}/checkout']['post']['requestBody']
>['content']['application/json']['payments'];

export function TenderForm({
  cart,
  due: total,
  run,
  onSold,
  onBack,
}: {
  cart: Cart;
  due: number;
  run(action: () => Promise<unknown>): Promise<boolean>;
  onSold(sold: Sold): void;
  onBack(): void;
}) {
  const intl = useIntl();
  const api = useApi();
  const { channel } = useTill();
  const accepts = new Set(channel.paymentProviders);
  const methods: Method[] = [
    ...(accepts.has('manual') ? (['cash'] as const) : []),
    ...(accepts.has('external') ? (['card'] as const) : []),
    ...(accepts.has('manual') && accepts.has('external') ? (['split'] as const) : []),
  ];
  const [method, setMethod] = useState<Method>(methods[0] ?? 'cash');
  const [received, setReceived] = useState('');
  const [cashPart, setCashPart] = useState('');
  const [reference, setReference] = useState('');
  const [gift, setGift] = useState<GiftCardUse | null>(null);
  // A gift card pays what it covers first; cash or card pay the rest.
  const giftPart = gift ? Math.min(gift.balance, total) : 0;
  const due = total - giftPart;
  const cash = method === 'cash' ? due : method === 'split' ? parseAmount(cashPart, cart.currency) : 0;
  const tendered = received.trim() ? parseAmount(received, cart.currency) : cash;
  const change = Number.isFinite(tendered) && Number.isFinite(cash) ? tendered - cash : Number.NaN;
  const card = due - cash;
  const payments: Tender = [
    ...(cash > 0 ? [{ provider: 'manual', amount: cash, tendered }] : []),
    ...(card > 0
      ? [{ provider: 'external', amount: card, ...(reference.trim() ? { reference: reference.trim() } : {}) }]
      : []),
  ];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const sold = await ok(
        api.POST('/api/carts/{id}/checkout', {
          params: { path: { id: cart.id } },
          headers: { 'idempotency-key': `till-${cart.id}` },
          body: {
            ...(payments.length || !gift ? { payments } : {}),
            ...(gift ? { wallet: [{ kind: 'gift_card' as const, amount: giftPart, code: gift.code }] } : {}),
          },
        }),
      );
      onSold(sold);
    });
  };
  const ready =
    due === 0 || (Number.isFinite(cash) && cash >= 0 && card >= 0 && Number.isFinite(change) && change >= 0);
  return (
    <form className="stack" onSubmit={submit} aria-label={intl.t('pos.method')}>
      <p className="spread">
        <strong>{intl.t('pos.due')}</strong>
        <strong data-testid="till-due">{intl.money(due, cart.currency)}</strong>
      </p>
      <GiftCardTender currency={cart.currency} used={gift} amount={giftPart} onUse={setGift} />
      <SelectField<Method>
        label={intl.t('pos.method')}
        value={method}
        options={methods.map((m) => ({ value: m, label: intl.t(`pos.method.${m}`) }))}
        onChange={setMethod}
      />
      {method === 'split' ? (
        <TextField
          label={intl.t('pos.cashPart')}
          value={cashPart}
          onChange={setCashPart}
          field="body.payments.0.amount"
          required
        />
      ) : null}
      {method !== 'card' ? (
        <TextField
          label={intl.t('pos.cashReceived')}
          value={received}
          onChange={setReceived}
          field="body.payments.0.tendered"
        />
      ) : null}
      {method !== 'cash' ? (
        <>
          {Number.isFinite(card) && card > 0 ? (
            <p>{intl.t('pos.cardPart', { amount: intl.money(card, cart.currency) })}</p>
          ) : null}
          <TextField
            label={intl.t('pos.terminalRef')}
            value={reference}
            onChange={setReference}
            field={`body.payments.${cash > 0 ? 1 : 0}.reference`}
          />
        </>
      ) : null}
      {method !== 'card' && Number.isFinite(change) && change >= 0 ? (
        <p className="change" data-testid="till-change">
          {intl.t('pos.change', { amount: intl.money(change, cart.currency) })}
        </p>
      ) : null}
      <div className="row">
        <button type="submit" className="big" disabled={!ready}>
          {intl.t('pos.completeSale')}
        </button>
        <button type="button" className="secondary" onClick={onBack}>
          {intl.t('pos.backToSale')}
        </button>
      </div>
    </form>
  );
}
