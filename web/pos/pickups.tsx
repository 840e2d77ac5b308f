// Click & collect at the till: this store's pickup shelf (order number, customer, items with their
// names and pictures, status and how long each has waited), marked ready and handed over from the
// list or from the code the customer shows. Handing over always needs the customer's code.
import { type FormEvent, useState } from 'react';
import { useIntl } from '../i18n/index.tsx';
import { ok, type paths } from '../ui/api.ts';
import { Empty, Pill, TextField, useLoad } from '../ui/components.tsx';
import { useAction } from '../ui/data-table.tsx';
import { useApi } from '../ui/key-gate.tsx';
import { ProblemScope } from '../ui/problem.tsx';
import { useLiveEvents } from '../ui/use-live.ts';
import { useTill } from './pos-app.tsx';

type Pickup =
  paths['/api/tills/pickups']['get']['responses'][200]['content']['application/json']['items'][number];

export function PickupsPage() {
  const intl = useIntl();
  const api = useApi();
  const { location } = useTill();
  const [code, setCode] = useState('');
  const [found, setFound] = useState<Pickup | null>(null);
  const [searched, setSearched] = useState(false);
  const { run, notices, error } = useAction();
  const shelf = useLoad(
    () => ok(api.GET('/api/tills/pickups', { params: { query: { locationId: location.id } } })),
    [location.id],
  );
  useLiveEvents(['order.*'], () => shelf.reload());
  const pickups = shelf.data?.items ?? [];
  // The found order follows the shelf (made ready here or elsewhere).
  const current = found ? (pickups.find((p) => p.orderId === found.orderId) ?? found) : null;

  const find = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      setSearched(true);
      const r = await ok(
        api.GET('/api/orders', { params: { query: { pickupCode: code.trim().toUpperCase(), limit: 1 } } }),
      );
      const order = r.items[0];
      const now = order
        ? await ok(api.GET('/api/tills/pickups', { params: { query: { locationId: location.id } } }))
        : null;
      const onShelf = order ? now?.items.find((p) => p.orderId === order.id) : undefined;
      if (!order) throw new Error(intl.t('pos.noOrderForCode'));
      if (!onShelf) throw new Error(intl.t('pos.pickupNotWaiting', { number: order.number }));
      setFound(onShelf);
    });
  };
  const handOver = (p: Pickup, withCode: string) =>
    run(
      async () => {
        await ok(
          api.POST('/api/orders/{id}/pickup', {
            params: { path: { id: p.orderId } },
            body: {
              code: withCode.trim().toUpperCase(),
              locationId: location.id,
              ...(p.paid ? {} : { payment: { provider: 'manual' } }),
            },
          }),
        );
        setFound(null);
        setCode('');
        setSearched(false);
        shelf.reload();
      },
      intl.t('pos.handedOverNumber', { number: p.orderNumber }),
    );
  const markReady = (p: Pickup) =>
    run(
      async () => {
        await ok(
          api.POST('/api/fulfilments/{id}/ready-for-pickup', { params: { path: { id: p.fulfilmentId } } }),
        );
        shelf.reload();
      },
      intl.t('pos.markedReady', { number: p.orderNumber }),
    );

  return (
    <div className="pos-grid">
      <section aria-labelledby="handover-title" className="panel stack">
        <h1 id="handover-title">{intl.t('pos.handOver')}</h1>
        <ProblemScope error={error}>
          <form className="row" onSubmit={find} aria-label={intl.t('pos.handOver')}>
            <TextField
              label={intl.t('store.pickupCode')}
              value={code}
              onChange={setCode}
              field="code"
              required
            />
            <button type="submit">{intl.t('common.search')}</button>
          </form>
          {notices}
          {current && searched ? (
            <PickupCard
              pickup={current}
              onReady={() => markReady(current)}
              onHandOver={() => handOver(current, code)}
            />
          ) : null}
        </ProblemScope>
      </section>
      <section aria-labelledby="tasks-title" className="panel stack">
        <h1 id="tasks-title">{intl.t('pos.pickups')}</h1>
        {shelf.data && pickups.length === 0 ? <Empty>{intl.t('pos.noPickups')}</Empty> : null}
        <ul className="pickup-list">
          {pickups.map((p) => (
            <li key={p.fulfilmentId}>
              <PickupCard
                pickup={p}
                onReady={() => markReady(p)}
                onHandOver={(c) => handOver(p, c)}
                askCode
              />
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

/** One order on the shelf: what it is, whose, since when; ready / hand over as its status allows. */
function PickupCard({
  pickup: p,
  onReady,
  onHandOver,
  askCode = false,
}: {
  pickup: Pickup;
  onReady(): void;
  onHandOver(code: string): void;
  /** From the list: the customer's code is asked for before handing over. */
  askCode?: boolean;
}) {
  const intl = useIntl();
  const [code, setCode] = useState('');
  const ready = p.status === 'ready_for_pickup';
  const who = p.customer.name ?? p.customer.email ?? p.customer.phone ?? intl.t('pos.guest');
  return (
    <article className="card stack pickup-card" data-fulfilment={p.fulfilmentId} data-order={p.orderId}>
      <div className="spread">
        <strong>{intl.t('pos.orderNumber', { number: p.orderNumber })}</strong>
        <Pill tone={ready ? 'ok' : 'info'}>
          <span data-testid="pickup-status">{intl.t(`fulfilmentStatus.${p.status}`)}</span>
        </Pill>
      </div>
      <div className="spread">
        <span data-testid="pickup-customer">{who}</span>
        <small className="hint">
          {intl.t('pos.waitingSince', { age: age(intl, p.placedAt) })}
          {p.paid ? '' : ` · ${intl.t('pos.payAtPickup', { amount: intl.money(p.total, p.currency) })}`}
        </small>
      </div>
      <ul className="pickup-lines">
        {p.lines.map((l) => (
          <li key={l.sku} className="row">
            {l.image ? (
              <img
                src={l.image}
                alt=""
                width={40}
                height={40}
                loading="lazy"
                onError={(e) => {
                  e.currentTarget.style.visibility = 'hidden';
                }}
              />
            ) : (
              <span className="thumb-empty" aria-hidden="true" />
            )}
            <span>
              {l.quantity} × {l.title} <small className="hint">{l.sku}</small>
            </span>
          </li>
        ))}
      </ul>
      {ready ? (
        askCode ? (
          <form
            className="row"
            aria-label={intl.t('pos.handOverOrder', { number: p.orderNumber })}
            onSubmit={(e) => {
              e.preventDefault();
              onHandOver(code);
            }}
          >
            <TextField
              label={intl.t('pos.customerCode')}
              value={code}
              onChange={setCode}
              field="body.code"
              required
            />
            <button type="submit">{intl.t('pos.handOverNow')}</button>
          </form>
        ) : (
          <button type="button" className="big" onClick={() => onHandOver('')}>
            {intl.t('pos.handOverNow')}
          </button>
        )
      ) : (
        <div className="stack">
          <p className="hint">{intl.t('pos.readyFirst')}</p>
          <button type="button" className="secondary" onClick={onReady}>
            {intl.t('board.markReady')}
          </button>
        </div>
      )}
    </article>
  );
}

function age(intl: ReturnType<typeof useIntl>, since: string): string {
  const minutes = Math.max(0, Math.round((Date.now() - new Date(since).getTime()) / 60_000));
  if (minutes < 60) return intl.t('pos.ageMinutes', { count: minutes });
  const hours = Math.round(minutes / 60);
  if (hours < 48) return intl.t('pos.ageHours', { count: hours });
  return intl.t('pos.ageDays', { count: Math.round(hours / 24) });
}
