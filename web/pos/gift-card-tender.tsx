// A gift card (or store credit code) at the till: the clerk types or scans the code, the till checks
// its balance with the hub, and the card pays what it covers of the sale; cash or card pay the rest.
// The card is only charged when the sale completes (a wallet tender of the checkout).
import { useState } from 'react';
import { useIntl } from '../i18n/index.tsx';
import { ok } from '../ui/api.ts';
import { ErrorNotice, TextField } from '../ui/components.tsx';
import { useApi } from '../ui/key-gate.tsx';
import { ProblemScope } from '../ui/problem.tsx';

export interface GiftCardUse {
  code: string;
  balance: number;
}

export function GiftCardTender({
  currency,
  used,
  amount,
  onUse,
}: {
  currency: string;
  used: GiftCardUse | null;
  amount: number;
  onUse(use: GiftCardUse | null): void;
}) {
  const intl = useIntl();
  const api = useApi();
  const [code, setCode] = useState('');
  const [error, setError] = useState<unknown>(null);
  if (used) {
    return (
      <p className="spread" data-testid="gift-card-part">
        <span>{intl.t('wallet.giftCardPays', { amount: intl.money(amount, currency) })}</span>
        <button type="button" className="link" onClick={() => onUse(null)}>
          {intl.t('wallet.giftCardRemove')}
        </button>
      </p>
    );
  }
  const check = async () => {
    setError(null);
    try {
      const card = await ok(api.POST('/api/gift-cards/balance', { body: { code: code.trim() } }));
      if (card.currency !== currency || card.status !== 'active' || card.balance <= 0) {
        throw new Error(intl.t('wallet.giftCardUnusable'));
      }
      onUse({ code: code.trim(), balance: card.balance });
      setCode('');
    } catch (err) {
      setError(err);
    }
  };
  return (
    <ProblemScope error={error}>
      <div className="row">
        <TextField label={intl.t('wallet.giftCardCode')} value={code} onChange={setCode} field="body.code" />
        <button
          type="button"
          className="secondary"
          onClick={() => void check()}
          disabled={code.trim().length < 4}
        >
          {intl.t('wallet.giftCardApply')}
        </button>
        <ErrorNotice error={error} />
      </div>
    </ProblemScope>
  );
}
