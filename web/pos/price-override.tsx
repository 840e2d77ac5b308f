// Changing a line's price at the till, with a reason. A store manager (or admin) does it alone; a
// clerk's change needs a manager, who types their own email and password into the same form. The
// line then shows the price it had and who changed it (also on the order and receipt).
import { type FormEvent, useState } from 'react';
import { useIntl } from '../i18n/index.tsx';
import { ok } from '../ui/api.ts';
import { ErrorNotice, TextField } from '../ui/components.tsx';
import { useApi, useSession } from '../ui/key-gate.tsx';
import { toMinor } from '../ui/money.ts';
import { ProblemScope } from '../ui/problem.tsx';
import type { Cart } from './sale-state.ts';

type Line = Cart['lines'][number];

/** Major units typed at the till ("12,50") to minor units of the currency, or null. */
function toMinorOrNull(text: string, currency: string): number | null {
  const n = toMinor(text, currency);
  return Number.isFinite(n) && n >= 0 ? n : null;
}

export function mayOverridePrices(scopes: readonly string[]): boolean {
  return scopes.includes('admin') || scopes.includes('pos:price_override');
}

/** What the line shows once its price was changed: the old price, who changed it and why. */
export function OverrideNote({ line, currency }: { line: Line; currency: string }) {
  const intl = useIntl();
  const o = line.priceOverride;
  if (!o) return null;
  return (
    <small className="override-note" data-testid="price-override">
      {intl.t('override.was', { price: intl.money(o.originalUnitPrice, currency) })} ·{' '}
      {intl.t('override.note', { name: o.byName, reason: o.reason })}
      {o.approvedByName ? ` · ${intl.t('override.approved', { name: o.approvedByName })}` : ''}
    </small>
  );
}

export function PriceOverrideForm({
  cart,
  line,
  done,
}: {
  cart: Cart;
  line: Line;
  done(cart: Cart | null): void;
}) {
  const intl = useIntl();
  const api = useApi();
  const { me } = useSession();
  const alone = mayOverridePrices(me.scopes);
  const [price, setPrice] = useState('');
  const [reason, setReason] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const unitPrice = toMinorOrNull(price, cart.currency);
    if (unitPrice === null) return;
    setBusy(true);
    setError(null);
    try {
      const next = await ok(
        api.PUT('/api/carts/{id}/lines/{lineId}/price', {
          params: { path: { id: cart.id, lineId: line.lineId } },
          body: { unitPrice, reason, ...(alone ? {} : { approval: { email, password } }) },
        }),
      );
      setPassword('');
      done(next);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <ProblemScope error={error}>
      <form
        className="panel stack price-override"
        onSubmit={submit}
        aria-label={intl.t('override.open', { title: line.title })}
      >
        <TextField
          label={intl.t('override.newPrice')}
          value={price}
          onChange={setPrice}
          field="body.unitPrice"
          required
          autoFocus
        />
        <TextField
          label={intl.t('override.reason')}
          value={reason}
          onChange={setReason}
          field="body.reason"
          required
        />
        {alone ? null : (
          <>
            <p className="hint">{intl.t('override.needsManager')}</p>
            <TextField
              label={intl.t('override.managerEmail')}
              field="body.approval"
              type="email"
              value={email}
              onChange={setEmail}
              required
            />
            <TextField
              label={intl.t('override.managerPassword')}
              field="body.approval"
              type="password"
              value={password}
              onChange={setPassword}
              required
            />
          </>
        )}
        <ErrorNotice error={error} />
        <div className="row">
          <button
            type="submit"
            disabled={busy || toMinorOrNull(price, cart.currency) === null || !reason.trim()}
          >
            {intl.t('override.apply')}
          </button>
          <button type="button" className="secondary" onClick={() => done(null)}>
            {intl.t('common.cancel')}
          </button>
        </div>
      </form>
    </ProblemScope>
  );
}
