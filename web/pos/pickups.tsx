// Click & collect at the till: this store's pickups (to pick → ready), and the hand-over with the
// code the customer shows.
import { type FormEvent, useState } from 'react';
import { useIntl } from '../i18n/index.tsx';
import { ok, type paths } from '../ui/api.ts';
import { Empty, Pill, TextField, useLoad } from '../ui/components.tsx';
import { useAction } from '../ui/data-table.tsx';
import { useApi } from '../ui/key-gate.tsx';
import { useLiveEvents } from '../ui/use-live.ts';
import { useTill } from './pos-app.tsx';

type Order = paths['/api/orders/{id}']['get']['responses'][200]['content']['application/json'];

export function PickupsPage() {
  const intl = useIntl();
  const api = useApi();
  const { location } = useTill();
  const [code, setCode] = useState('');
  const [order, setOrder] = useState<Order | null>(null);
  const { run, notices } = useAction();
  const tasks = useLoad(
    () => ok(api.GET('/api/fulfilments', { params: { query: { locationId: location.id, limit: 100 } } })),
    [location.id],
  );
  useLiveEvents(['order.*'], () => tasks.reload());

  const find = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const r = await ok(
        api.GET('/api/orders', { params: { query: { pickupCode: code.trim(), limit: 1 } } }),
      );
      const first = r.items[0];
      if (!first) throw new Error(intl.t('pos.noOrderForCode'));
      setOrder(await ok(api.GET('/api/orders/{id}', { params: { path: { id: first.id } } })));
    });
  };
  const handOver = () => {
    if (!order) return;
    return run(async () => {
      await ok(
        api.POST('/api/orders/{id}/pickup', {
          params: { path: { id: order.id } },
          body: {
            code: code.trim(),
            locationId: location.id,
            ...(order.paidAmount < order.totals.grand ? { payment: { provider: 'manual' } } : {}),
          },
        }),
      );
      setOrder(null);
      setCode('');
      tasks.reload();
    }, intl.t('pos.handedOver'));
  };
  const markReady = (id: string) =>
    run(async () => {
      await ok(api.POST('/api/fulfilments/{id}/ready-for-pickup', { params: { path: { id } } }));
      tasks.reload();
    });

  const pickups = (tasks.data?.items ?? []).filter((f) => f.kind === 'pickup');
  return (
    <div className="pos-grid">
      <section aria-labelledby="handover-title" className="panel stack">
        <h1 id="handover-title">{intl.t('pos.handOver')}</h1>
        <form className="row" onSubmit={find} aria-label={intl.t('pos.handOver')}>
          <TextField label={intl.t('store.pickupCode')} value={code} onChange={setCode} required />
          <button type="submit">{intl.t('common.search')}</button>
        </form>
        {notices}
        {order ? (
          <div className="card stack" data-order={order.id}>
            <p>
              {intl.t('pos.orderNumber', { number: order.number })} · {order.email ?? order.phone} ·{' '}
              {intl.money(order.totals.grand, order.currency)}
            </p>
            <ul>
              {order.lines.map((l) => (
                <li key={l.sku}>
                  {l.quantity} × {l.title}
                </li>
              ))}
            </ul>
            <button type="button" className="big" onClick={handOver}>
              {intl.t('pos.handOverNow')}
            </button>
          </div>
        ) : null}
      </section>
      <section aria-labelledby="tasks-title" className="panel stack">
        <h1 id="tasks-title">{intl.t('pos.pickups')}</h1>
        {pickups.length === 0 ? <Empty /> : null}
        <ul>
          {pickups.map((f) => (
            <li key={f.id} className="card spread" data-fulfilment={f.id} data-fulfilment-order={f.orderId}>
              <span>
                {f.lines.map((l) => `${l.quantity} × ${l.sku}`).join(', ')}{' '}
                <Pill tone={f.status === 'ready_for_pickup' ? 'ok' : 'info'}>
                  {intl.t(`fulfilmentStatus.${f.status}`)}
                </Pill>
              </span>
              {f.status === 'open' ? (
                <button type="button" className="secondary" onClick={() => markReady(f.id)}>
                  {intl.t('board.markReady')}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
