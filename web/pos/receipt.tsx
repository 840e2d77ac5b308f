// The receipt of a till sale, laid out for an 80 mm receipt printer (the browser's print dialog):
// the store, the order number, lines, totals, how it was paid and the change given.
import { type FormEvent, useState } from 'react';
import { useIntl } from '../i18n/index.tsx';
import { ok } from '../ui/api.ts';
import { TextField } from '../ui/components.tsx';
import { useAction } from '../ui/data-table.tsx';
import { useApi } from '../ui/key-gate.tsx';
import { ProblemScope } from '../ui/problem.tsx';
import { useTill } from './pos-app.tsx';
import type { Sold } from './tender.tsx';

interface TillTender {
  paymentId: string | null;
  provider: string;
  amount: number;
  tendered: number | null;
  change: number;
  reference: string | null;
}

export function Receipt({ sold, onNewSale }: { sold: Sold; onNewSale(): void }) {
  const intl = useIntl();
  const { channel, location } = useTill();
  const { order } = sold;
  const money = (n: number) => intl.money(n, order.currency);
  const till = order.metadata.till as { tenders?: TillTender[] } | undefined;
  const tenders: TillTender[] =
    till?.tenders ??
    sold.payments.map((p) => ({
      paymentId: p.id,
      provider: p.provider,
      amount: p.amount,
      tendered: null,
      change: 0,
      reference: null,
    }));
  return (
    <section className="stack" aria-label={intl.t('pos.receipt')}>
      <article className="receipt" data-testid="receipt">
        <header>
          <strong>{channel.name}</strong>
          <div>{location.name}</div>
          <div>{intl.date(order.placedAt, 'datetime')}</div>
          <div data-testid="receipt-number">{intl.t('pos.receiptOrder', { number: order.number })}</div>
        </header>
        <table>
          <tbody>
            {order.lines.map((l) => (
              <tr key={l.lineId}>
                <td>
                  {l.quantity} × {l.title}
                  {l.priceOverride ? (
                    <small className="override-note" data-testid="receipt-override">
                      {intl.t('override.was', { price: money(l.priceOverride.originalUnitPrice) })} ·{' '}
                      {l.priceOverride.reason}
                    </small>
                  ) : null}
                </td>
                <td className="num">{money(l.total)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            {order.totals.discount ? (
              <tr>
                <td>{intl.t('pos.discount')}</td>
                <td className="num">−{money(order.totals.discount)}</td>
              </tr>
            ) : null}
            <tr>
              <td>{intl.t('pos.taxIncluded')}</td>
              <td className="num">{money(order.totals.tax)}</td>
            </tr>
            <tr className="receipt-total">
              <td>{intl.t('store.total')}</td>
              <td className="num">{money(order.totals.grand)}</td>
            </tr>
            {tenders.map((t) => (
              <TenderRows key={t.paymentId ?? `${t.provider}-${t.amount}`} tender={t} money={money} />
            ))}
          </tfoot>
        </table>
        <footer>{intl.t('pos.thanks')}</footer>
      </article>
      <div className="row no-print">
        <button type="button" onClick={() => window.print()}>
          {intl.t('pos.printReceipt')}
        </button>
        <button type="button" className="secondary" onClick={onNewSale}>
          {intl.t('pos.newSale')}
        </button>
      </div>
      <EmailReceipt orderId={order.id} initial={order.email ?? ''} />
    </section>
  );
}

/** Sends the same receipt by email (the address is used for this mail only). */
function EmailReceipt({ orderId, initial }: { orderId: string; initial: string }) {
  const intl = useIntl();
  const api = useApi();
  const [email, setEmail] = useState(initial);
  const { run, notices, error } = useAction();
  const send = (e: FormEvent) => {
    e.preventDefault();
    void run(
      async () =>
        ok(
          api.POST('/api/orders/{id}/receipt-email', {
            params: { path: { id: orderId } },
            body: { email: email.trim(), locale: intl.lang },
          }),
        ),
      (r) => intl.t('pos.receiptSent', { email: r.sentTo, number: r.orderNumber }),
    );
  };
  return (
    <ProblemScope error={error}>
      <form className="stack no-print" onSubmit={send} aria-label={intl.t('pos.emailReceipt')}>
        <div className="row">
          <TextField
            label={intl.t('pos.receiptEmail')}
            type="email"
            value={email}
            onChange={setEmail}
            required
            field="body.email"
          />
          <button type="submit" className="secondary">
            {intl.t('pos.emailReceipt')}
          </button>
        </div>
        {notices}
      </form>
    </ProblemScope>
  );
}

function TenderRows({ tender, money }: { tender: TillTender; money(n: number): string }) {
  const intl = useIntl();
  const cash = tender.provider === 'manual';
  return (
    <>
      <tr>
        <td>
          {intl.t(cash ? 'pos.method.cash' : 'pos.method.card')}
          {tender.reference ? ` · ${tender.reference}` : ''}
        </td>
        <td className="num">{money(tender.amount)}</td>
      </tr>
      {cash && tender.tendered !== null ? (
        <>
          <tr>
            <td>{intl.t('pos.tendered')}</td>
            <td className="num">{money(tender.tendered)}</td>
          </tr>
          <tr data-testid="receipt-change">
            <td>{intl.t('pos.changeGiven')}</td>
            <td className="num">{money(tender.change)}</td>
          </tr>
        </>
      ) : null}
    </>
  );
}
