// Returns at the till: find the order (order number, email, phone or pickup code),
// choose what comes back, restock it here and refund.
import { type FormEvent, useState } from 'react';
import { useIntl } from '../i18n/index.tsx';
import { ok, type paths } from '../ui/api.ts';
import { SelectField, TextField } from '../ui/components.tsx';
import { useAction } from '../ui/data-table.tsx';
import { useApi } from '../ui/key-gate.tsx';
import { useTill } from './pos-app.tsx';

type Order = paths['/api/orders/{id}']['get']['responses'][200]['content']['application/json'];
type RefundMethod = 'original_payment' | 'store_credit';

export function ReturnsPage() {
  const intl = useIntl();
  const api = useApi();
  const { location, channel } = useTill();
  const [ref, setRef] = useState('');
  const [order, setOrder] = useState<Order | null>(null);
  const [qty, setQty] = useState<Record<string, string>>({});
  const [refund, setRefund] = useState<RefundMethod>('original_payment');
  const { run, notices } = useAction();

  const find = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const text = ref.trim();
      // Exact: the order number, id, email or phone first; then a click & collect pickup code.
      const byQ = (await ok(api.GET('/api/orders', { params: { query: { q: text, limit: 1 } } }))).items[0];
      const id =
        byQ?.id ??
        (await ok(api.GET('/api/orders', { params: { query: { pickupCode: text, limit: 1 } } }))).items[0]
          ?.id;
      if (!id) throw new Error(intl.t('pos.noOrderForCode'));
      setOrder(await ok(api.GET('/api/orders/{id}', { params: { path: { id } } })));
      setQty({});
    });
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!order) return;
    void run(
      async () => {
        const lines = Object.entries(qty)
          .map(([sku, q]) => ({ sku, quantity: Number(q) }))
          .filter((l) => l.quantity > 0);
        const r = await ok(
          api.POST('/api/orders/{id}/returns', {
            params: { path: { id: order.id } },
            body: { lines, location: location.id, refundMethod: refund, channelId: channel.id },
          }),
        );
        setOrder(r.order as Order);
        return r.return.lines.reduce((n, l) => n + l.refundAmount, 0);
      },
      (amount) => intl.t('pos.returned', { amount: intl.money(amount, order.currency) }),
    );
  };
  return (
    <section aria-labelledby="returns-title" className="panel stack">
      <h1 id="returns-title">{intl.t('pos.returns')}</h1>
      <form className="row" onSubmit={find} aria-label={intl.t('pos.findOrder')}>
        <TextField label={intl.t('pos.orderRef')} value={ref} onChange={setRef} required />
        <button type="submit">{intl.t('common.search')}</button>
      </form>
      {notices}
      {order ? (
        <form className="stack" onSubmit={submit} aria-label={intl.t('pos.takeReturn')}>
          <p>
            {intl.t('pos.orderNumber', { number: order.number })} · {order.email ?? order.phone ?? ''} ·{' '}
            {intl.money(order.totals.grand, order.currency)} · {intl.t(`orderStatus.${order.status}`)}
          </p>
          {order.lines.map((l) => (
            <TextField
              key={l.sku}
              label={intl.t('pos.returnQty', { title: l.title, bought: l.quantity })}
              type="number"
              value={qty[l.sku] ?? '0'}
              onChange={(v) => setQty({ ...qty, [l.sku]: v })}
            />
          ))}
          <SelectField<RefundMethod>
            label={intl.t('pos.refundTo')}
            value={refund}
            options={[
              { value: 'original_payment', label: intl.t('pos.refund.original_payment') },
              { value: 'store_credit', label: intl.t('pos.refund.store_credit') },
            ]}
            onChange={setRefund}
          />
          <button type="submit">{intl.t('pos.takeReturn')}</button>
        </form>
      ) : null}
    </section>
  );
}
