// One order for the people who run the store: what was bought, where it ships from, its payments,
// the actions (ship with carrier and tracking, cancel, refund part or all, resend the confirmation),
// staff notes, and the timeline in words. It follows the order live.
import { useState } from 'react';
import { useIntl } from '../../i18n/index.tsx';
import { ok } from '../../ui/api.ts';
import { Empty, ErrorNotice, Loading, Pill, SelectField, TextField, useLoad } from '../../ui/components.tsx';
import { FormPanel, useAction } from '../../ui/data-table.tsx';
import { useApi } from '../../ui/key-gate.tsx';
import { Link } from '../../ui/router.tsx';
import { useLiveEvents } from '../../ui/use-live.ts';
import { toMinor, WithFieldError } from '../form-errors.tsx';
import { useOrderLineTitles } from '../order-line-titles.ts';
import { OrderTimeline } from './order-timeline.tsx';

const CANCELLABLE = ['pending', 'paid', 'allocated'];
const REFUNDABLE = ['paid', 'allocated', 'partially_fulfilled', 'fulfilled', 'completed'];

export function OrderPage({ id }: { id: string }) {
  const intl = useIntl();
  const api = useApi();
  const order = useLoad(() => ok(api.GET('/api/orders/{id}', { params: { path: { id } } })), [id]);
  const notes = useLoad(() => ok(api.GET('/api/orders/{id}/notes', { params: { path: { id } } })), [id]);
  const locations = useLoad(() => ok(api.GET('/api/inventory/locations')), []);
  const channels = useLoad(() => ok(api.GET('/api/channels')), []);
  const [timelineVersion, setTimelineVersion] = useState(0);
  const reload = () => {
    order.reload();
    notes.reload();
    setTimelineVersion((v) => v + 1);
  };
  useLiveEvents(['order.*'], (e) => {
    if (e.subject === order.data?.id) reload();
  });
  const localTitle = useOrderLineTitles(
    order.data?.channelId,
    (order.data?.lines ?? []).map((l) => l.sku),
  );

  if (order.loading && !order.data) return <Loading />;
  if (!order.data) return <ErrorNotice error={order.error} />;
  const o = order.data;
  const locationName = (lid: string) => locations.data?.items.find((l) => l.id === lid)?.name ?? lid;
  const channelName = channels.data?.items.find((c) => c.id === o.channelId)?.name ?? o.channelId;
  return (
    <section aria-labelledby="order-title" data-order-page={o.id}>
      <p>
        <Link to="/orders">{intl.t('orderPage.back')}</Link>
      </p>
      <div className="spread">
        <h1 id="order-title">{intl.t('orderPage.title', { number: o.number })}</h1>
        <Pill tone="info">
          <span data-testid="order-status">{intl.t(`orderStatus.${o.status}`)}</span>
        </Pill>
      </div>
      <div className="grid">
        <div className="panel">
          <h2>{intl.t('orderPage.summary')}</h2>
          <dl className="facts">
            <dt>{intl.t('store.placedAt')}</dt>
            <dd>{intl.date(o.placedAt)}</dd>
            <dt>{intl.t('keys.channel')}</dt>
            <dd>{channelName}</dd>
            <dt>{intl.t('customers.name')}</dt>
            <dd>
              {o.customerId ? (
                <Link to={`/customers/${o.customerId}`}>
                  {o.email ?? o.phone ?? intl.t('orderPage.customer')}
                </Link>
              ) : (
                (o.email ?? o.phone ?? '–')
              )}
            </dd>
            <dt>{intl.t('store.total')}</dt>
            <dd>{intl.money(o.totals.grand, o.currency)}</dd>
            <dt>{intl.t('orderPage.paid')}</dt>
            <dd data-testid="paid">{intl.money(o.paidAmount, o.currency)}</dd>
            <dt>{intl.t('orderPage.refunded')}</dt>
            <dd data-testid="refunded">{intl.money(o.refundedAmount, o.currency)}</dd>
            {typeof o.metadata.note === 'string' ? (
              <>
                <dt>{intl.t('orderPage.note')}</dt>
                <dd data-testid="order-note">{o.metadata.note}</dd>
              </>
            ) : null}
          </dl>
        </div>
        <div className="panel">
          <h2>{intl.t('orderPage.items')}</h2>
          <ul>
            {o.lines.map((l) => (
              <li key={l.lineId}>
                {l.quantity} × <span data-testid="line-title">{localTitle(l.sku) ?? l.title}</span>{' '}
                <code>{l.sku}</code> · {intl.money(l.total, o.currency)}
                {l.priceOverride ? (
                  <small className="override-note">
                    {intl.t('override.was', {
                      price: intl.money(l.priceOverride.originalUnitPrice, o.currency),
                    })}{' '}
                    ·{' '}
                    {intl.t('override.note', {
                      name: l.priceOverride.byName,
                      reason: l.priceOverride.reason,
                    })}
                    {l.priceOverride.approvedByName
                      ? ` · ${intl.t('override.approved', { name: l.priceOverride.approvedByName })}`
                      : ''}
                  </small>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      </div>
      <div className="panel stack">
        <h2>{intl.t('orders.fulfilments')}</h2>
        {o.fulfilments.length === 0 ? <Empty /> : null}
        {o.fulfilments.map((f) => (
          <Fulfilment
            key={f.id}
            fulfilment={f}
            from={locationName(f.locationId)}
            canShip={o.status !== 'pending'}
            onDone={reload}
          />
        ))}
      </div>
      <div className="grid">
        {REFUNDABLE.includes(o.status) && o.paidAmount > o.refundedAmount ? (
          <RefundForm
            orderId={o.id}
            currency={o.currency}
            open={o.paidAmount - o.refundedAmount}
            onDone={reload}
          />
        ) : null}
        {CANCELLABLE.includes(o.status) ? <CancelForm orderId={o.id} onDone={reload} /> : null}
        <ConfirmationButton orderId={o.id} email={o.email} onDone={reload} />
      </div>
      <Notes orderId={o.id} items={notes.data?.items ?? []} onDone={reload} />
      <div className="panel">
        <h2>{intl.t('orderPage.timeline')}</h2>
        <OrderTimeline
          orderId={o.id}
          currency={o.currency}
          version={timelineVersion}
          locationName={locationName}
        />
      </div>
    </section>
  );
}

interface FulfilmentView {
  id: string;
  kind: string;
  status: string;
  lines: Array<{ sku: string; quantity: number }>;
  tracking: Record<string, unknown> | null;
}

function Fulfilment({
  fulfilment: f,
  from,
  canShip,
  onDone,
}: {
  fulfilment: FulfilmentView;
  from: string;
  canShip: boolean;
  onDone(): void;
}) {
  const intl = useIntl();
  const api = useApi();
  const action = useAction();
  const [carrier, setCarrier] = useState('');
  const [tracking, setTracking] = useState('');
  const shippable = canShip && f.status === 'open' && f.kind !== 'pickup' && f.kind !== 'counter';
  const ship = () =>
    action.run(async () => {
      await ok(
        api.POST('/api/fulfilments/{id}/ship', {
          params: { path: { id: f.id } },
          body: {
            ...(carrier.trim() ? { carrier: carrier.trim() } : {}),
            ...(tracking.trim() ? { trackingNumber: tracking.trim() } : {}),
          },
        }),
      );
      onDone();
    }, intl.t('orderPage.shipped'));
  const t = f.tracking as { carrier?: string; trackingNumber?: string } | null;
  return (
    <div className="card" data-fulfilment={f.id}>
      <p>
        <strong>{intl.t(`fulfilmentStatus.${f.status}` as 'fulfilmentStatus.open')}</strong> ·{' '}
        {intl.t('orderPage.from', { location: from })} ·{' '}
        {f.lines.map((l) => `${l.quantity} × ${l.sku}`).join(', ')}
        {t?.trackingNumber ? (
          <span data-testid="tracking">
            {' '}
            · {intl.t('orderPage.trackingShown', { carrier: t.carrier ?? '–', number: t.trackingNumber })}
          </span>
        ) : null}
      </p>
      {action.notices}
      {shippable ? (
        <FormPanel label={intl.t('orderPage.ship')} submit={intl.t('orderPage.ship')} onSubmit={ship}>
          <WithFieldError error={action.error} path="carrier">
            <TextField label={intl.t('orderPage.carrier')} value={carrier} onChange={setCarrier} />
          </WithFieldError>
          <WithFieldError error={action.error} path="trackingNumber">
            <TextField label={intl.t('orderPage.trackingNumber')} value={tracking} onChange={setTracking} />
          </WithFieldError>
        </FormPanel>
      ) : null}
    </div>
  );
}

function RefundForm({
  orderId,
  currency,
  open,
  onDone,
}: {
  orderId: string;
  currency: string;
  open: number;
  onDone(): void;
}) {
  const intl = useIntl();
  const api = useApi();
  const action = useAction();
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [method, setMethod] = useState<'original_payment' | 'store_credit'>('original_payment');
  const refund = () =>
    action.run(
      async () => {
        const minor = toMinor(amount, currency);
        const r = await ok(
          api.POST('/api/orders/{id}/refunds', {
            params: { path: { id: orderId } },
            // An amount that is no number goes as it is typed, so the hub names the field.
            body: {
              reason,
              method,
              ...(amount.trim()
                ? { amount: Number.isNaN(minor) ? (amount as unknown as number) : minor }
                : {}),
            },
          }),
        );
        setAmount('');
        setReason('');
        onDone();
        return r;
      },
      (r) =>
        r.storeCredit
          ? intl.t('orderPage.refundedCredit', { code: r.storeCredit.code })
          : intl.t('orderPage.refundDone'),
    );
  return (
    <div className="panel">
      <FormPanel
        label={intl.t('orderPage.refund')}
        title={intl.t('orderPage.refund')}
        submit={intl.t('orderPage.refund')}
        onSubmit={refund}
        layout="stack"
      >
        <p className="hint">{intl.t('orderPage.refundHint', { open: intl.money(open, currency) })}</p>
        <WithFieldError error={action.error} path="amount">
          <TextField label={intl.t('orderPage.amount', { currency })} value={amount} onChange={setAmount} />
        </WithFieldError>
        <WithFieldError error={action.error} path="reason">
          <TextField label={intl.t('orderPage.reason')} value={reason} onChange={setReason} />
        </WithFieldError>
        <SelectField<'original_payment' | 'store_credit'>
          label={intl.t('orderPage.refundTo')}
          value={method}
          options={[
            { value: 'original_payment', label: intl.t('orderPage.toPayment') },
            { value: 'store_credit', label: intl.t('orderPage.toCredit') },
          ]}
          onChange={setMethod}
        />
      </FormPanel>
      {action.notices}
    </div>
  );
}

function CancelForm({ orderId, onDone }: { orderId: string; onDone(): void }) {
  const intl = useIntl();
  const api = useApi();
  const action = useAction();
  const [reason, setReason] = useState('');
  const cancel = () =>
    action.run(async () => {
      await ok(api.POST('/api/orders/{id}/cancel', { params: { path: { id: orderId } }, body: { reason } }));
      onDone();
    }, intl.t('orderPage.cancelled'));
  return (
    <div className="panel">
      <FormPanel
        label={intl.t('orderPage.cancel')}
        title={intl.t('orderPage.cancel')}
        submit={intl.t('orderPage.cancel')}
        onSubmit={cancel}
        layout="stack"
      >
        <p className="hint">{intl.t('orderPage.cancelHint')}</p>
        <WithFieldError error={action.error} path="reason">
          <TextField label={intl.t('orderPage.reason')} value={reason} onChange={setReason} />
        </WithFieldError>
      </FormPanel>
      {action.notices}
    </div>
  );
}

function ConfirmationButton({
  orderId,
  email,
  onDone,
}: {
  orderId: string;
  email: string | null;
  onDone(): void;
}) {
  const intl = useIntl();
  const api = useApi();
  const action = useAction();
  const send = () =>
    action.run(async () => {
      await ok(api.POST('/api/orders/{id}/confirmation', { params: { path: { id: orderId } } }));
      onDone();
    }, intl.t('orderPage.confirmationSent'));
  return (
    <div className="panel stack">
      <h2>{intl.t('orderPage.confirmation')}</h2>
      <p className="hint">
        {email ? intl.t('orderPage.confirmationTo', { email }) : intl.t('orderPage.noEmail')}
      </p>
      <p>
        <button type="button" className="secondary" onClick={send} disabled={!email}>
          {intl.t('orderPage.resend')}
        </button>
      </p>
      {action.notices}
    </div>
  );
}

function Notes({
  orderId,
  items,
  onDone,
}: {
  orderId: string;
  items: Array<{ id: string; text: string; createdAt: string }>;
  onDone(): void;
}) {
  const intl = useIntl();
  const api = useApi();
  const action = useAction();
  const [text, setText] = useState('');
  const add = () =>
    action.run(async () => {
      await ok(api.POST('/api/orders/{id}/notes', { params: { path: { id: orderId } }, body: { text } }));
      setText('');
      onDone();
    });
  return (
    <div className="panel stack">
      <h2>{intl.t('orderPage.notes')}</h2>
      {items.length === 0 ? <Empty>{intl.t('orderPage.noNotes')}</Empty> : null}
      <ul data-testid="notes">
        {items.map((n) => (
          <li key={n.id}>
            <small className="hint">{intl.date(n.createdAt)}</small> {n.text}
          </li>
        ))}
      </ul>
      <FormPanel label={intl.t('orderPage.addNote')} submit={intl.t('orderPage.addNote')} onSubmit={add}>
        <WithFieldError error={action.error} path="text">
          <TextField label={intl.t('orderPage.note')} value={text} onChange={setText} />
        </WithFieldError>
      </FormPanel>
      {action.notices}
    </div>
  );
}
