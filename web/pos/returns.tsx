// Returns at the till: find the order (order number, email, phone, pickup code or loyalty card),
// choose what comes back, restock it here and refund.
import { type FormEvent, useState } from 'react';
import { useIntl } from '../i18n/index.tsx';
import { ok, type paths } from '../ui/api.ts';
import { SelectField, TextField } from '../ui/components.tsx';
import { useAction } from '../ui/data-table.tsx';
import { useApi } from '../ui/key-gate.tsx';
import { ProblemScope } from '../ui/problem.tsx';
import { useTill } from './pos-app.tsx';

type Order = paths['/api/orders/{id}']['get']['responses'][200]['content']['application/json'];
type OrderSummary =
  paths['/api/orders']['get']['responses'][200]['content']['application/json']['items'][number];
type RefundMethod = 'original_payment' | 'store_credit';

export function ReturnsPage() {
  const intl = useIntl();
  const api = useApi();
  const { location, channel } = useTill();
  const [ref, setRef] = useState('');
  const [order, setOrder] = useState<Order | null>(null);
  const [qty, setQty] = useState<Record<string, string>>({});
  const [matches, setMatches] = useState<OrderSummary[] | null>(null);
  const [refund, setRefund] = useState<RefundMethod>('original_payment');
  const { run, notices, error } = useAction();
  // The SKUs of the last return sent, in the order of its lines: body.lines.2.quantity is sent[2].
  const [sent, setSent] = useState<string[]>([]);

  const open = async (id: string) => {
    setOrder(await ok(api.GET('/api/orders/{id}', { params: { path: { id } } })));
    setMatches(null);
    setQty({});
  };
  const byLoyaltyCard = async (card: string) => {
    const holders = (await ok(api.GET('/api/tills/carts', { params: { query: { loyaltyCard: card } } })))
      .customerIds;
    const lists = await Promise.all(
      holders.map((id) => ok(api.GET('/api/orders', { params: { query: { q: id, limit: 10 } } }))),
    );
    return lists.flatMap((l) => l.items);
  };
  const find = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const text = ref.trim();
      setOrder(null);
      // Exact: the order number, id, email or phone first; then a click & collect pickup code; then
      // a loyalty card (its holder's orders, of any channel).
      const byQ = (await ok(api.GET('/api/orders', { params: { query: { q: text, limit: 10 } } }))).items;
      const byCode = byQ.length
        ? byQ
        : (
            await ok(
              api.GET('/api/orders', { params: { query: { pickupCode: text.toUpperCase(), limit: 1 } } }),
            )
          ).items;
      const found = byCode.length ? byCode : await byLoyaltyCard(text);
      if (found.length === 0) throw new Error(intl.t('pos.noOrderForCode'));
      if (found.length === 1) await open(found[0]!.id);
      else setMatches(found);
    });
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!order) return;
    void run(
      async () => {
        // Every line with a quantity other than 0 is sent: the hub refuses a negative one by its line.
        const lines = Object.entries(qty)
          .map(([sku, q]) => ({ sku, quantity: Number(q.trim().replace(',', '.')) }))
          .filter((l) => l.quantity !== 0);
        setSent(lines.map((l) => l.sku));
        const r = await ok(
          api.POST('/api/orders/{id}/returns', {
            params: { path: { id: order.id } },
            body: { lines, location: location.id, refundMethod: refund, channelId: channel.id },
          }),
        );
        setOrder({ ...order, ...r.order });
        return { amount: r.return.lines.reduce((n, l) => n + l.refundAmount, 0), credit: r.storeCredit };
      },
      ({ amount, credit }) =>
        credit ? (
          <span>
            {intl.t('pos.returnedAsCredit', { amount: intl.money(amount, order.currency) })}{' '}
            <strong className="credit-code" data-testid="store-credit-code">
              {credit.code}
            </strong>
          </span>
        ) : (
          intl.t('pos.returned', { amount: intl.money(amount, order.currency) })
        ),
    );
  };
  return (
    <section aria-labelledby="returns-title" className="panel stack">
      <h1 id="returns-title">{intl.t('pos.returns')}</h1>
      <ProblemScope error={order ? null : error}>
        <form className="row" onSubmit={find} aria-label={intl.t('pos.findOrder')}>
          <TextField label={intl.t('pos.orderRef')} value={ref} onChange={setRef} field="query.q" required />
          <button type="submit">{intl.t('common.search')}</button>
        </form>
      </ProblemScope>
      {notices}
      {matches ? (
        <ul aria-label={intl.t('pos.ordersFound')}>
          {matches.map((o) => (
            <li key={o.id} className="card spread" data-order={o.id}>
              <span>
                {intl.t('pos.orderNumber', { number: o.number })} · {intl.date(o.placedAt)} ·{' '}
                {intl.money(o.totals.grand, o.currency)} · {intl.t(`orderStatus.${o.status}`)}
              </span>
              <button type="button" onClick={() => void run(() => open(o.id))}>
                {intl.t('pos.chooseOrder', { number: o.number })}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {order ? (
        <ProblemScope error={error}>
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
                field={sent.includes(l.sku) ? `body.lines.${sent.indexOf(l.sku)}.quantity` : `sku:${l.sku}`}
                value={qty[l.sku] ?? '0'}
                onChange={(v) => setQty({ ...qty, [l.sku]: v })}
              />
            ))}
            <SelectField<RefundMethod>
              label={intl.t('pos.refundTo')}
              field="body.refundMethod"
              value={refund}
              options={[
                { value: 'original_payment', label: intl.t('pos.refund.original_payment') },
                { value: 'store_credit', label: intl.t('pos.refund.store_credit') },
              ]}
              onChange={setRefund}
            />
            <button type="submit">{intl.t('pos.takeReturn')}</button>
          </form>
        </ProblemScope>
      ) : null}
    </section>
  );
}
