// Orders from every channel, filtered by channel, status, days and an exact number, email or phone,
// or part of the customer's name;
// each opens its order page (order-detail.tsx). And the click &
// collect board (to pick → ready → collected) that updates live as orders come in and are handed over.
import { type FormEvent, useState } from 'react';
import { useIntl } from '../../i18n/index.tsx';
import { ok } from '../../ui/api.ts';
import {
  Empty,
  ErrorNotice,
  LiveBadge,
  Loading,
  Pill,
  SelectField,
  TextField,
  useLoad,
} from '../../ui/components.tsx';
import { useApi } from '../../ui/key-gate.tsx';
import { ProblemScope } from '../../ui/problem.tsx';
import { Link } from '../../ui/router.tsx';
import { useLiveEvents } from '../../ui/use-live.ts';

const STATUSES = [
  'pending',
  'paid',
  'allocated',
  'partially_fulfilled',
  'fulfilled',
  'completed',
  'cancelled',
  'refunded',
] as const;
type Status = (typeof STATUSES)[number];

export function OrdersPage() {
  const intl = useIntl();
  const api = useApi();
  const channels = useLoad(() => ok(api.GET('/api/channels')), []);
  const [channelId, setChannelId] = useState('');
  const [status, setStatus] = useState<Status | ''>('');
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const search = (e: FormEvent) => {
    e.preventDefault();
    setQ(text.trim());
  };
  const filters = {
    limit: 100,
    ...(channelId ? { channelId } : {}),
    ...(status ? { status } : {}),
    // Dates are days in the viewer's time zone; "to" includes its whole day.
    ...(from ? { placedFrom: new Date(`${from}T00:00:00`).toISOString() } : {}),
    ...(to
      ? { placedBefore: new Date(new Date(`${to}T00:00:00`).getTime() + 86_400_000).toISOString() }
      : {}),
  };
  /**
   * The exact number, email or phone, and — for text that could be a name — the orders of customers
   * whose name contains it (the customers module finds them; each one's orders come by id).
   */
  const orders = useLoad(async () => {
    const exact = await ok(
      api.GET('/api/orders', { params: { query: { ...filters, ...(q ? { q } : {}) } } }),
    );
    const names = new Map<string, string>();
    if (!q || q.includes('@') || !/\p{L}/u.test(q)) return { items: exact.items, names };
    const customers = await ok(api.GET('/api/customers', { params: { query: { name: q, limit: 10 } } }));
    const theirs = await Promise.all(
      customers.items.map(async (c) => {
        if (c.name) names.set(c.id, c.name);
        return (await ok(api.GET('/api/orders', { params: { query: { ...filters, customerId: c.id } } })))
          .items;
      }),
    );
    const byId = new Map([...exact.items, ...theirs.flat()].map((o) => [o.id, o]));
    const items = [...byId.values()].sort((a, b) => (a.id < b.id ? 1 : -1));
    return { items, names };
  }, [channelId, status, q, from, to]);
  const live = useLiveEvents(['order.*'], () => orders.reload());
  const channelName = (id: string) => channels.data?.items.find((c) => c.id === id)?.name ?? id;
  return (
    <section aria-labelledby="orders-title">
      <div className="spread">
        <h1 id="orders-title">{intl.t('orders.title')}</h1>
        <LiveBadge status={live} />
      </div>
      <ProblemScope error={orders.error}>
        <div className="row">
          <SelectField
            label={intl.t('keys.channel')}
            field="query.channelId"
            value={channelId}
            options={[
              { value: '', label: intl.t('keys.allChannels') },
              ...(channels.data?.items ?? []).map((c) => ({ value: c.id, label: c.name })),
            ]}
            onChange={setChannelId}
          />
          <SelectField<Status | ''>
            label={intl.t('channels.status')}
            field="query.status"
            value={status}
            options={[
              { value: '', label: intl.t('orders.anyStatus') },
              ...STATUSES.map((s) => ({ value: s, label: intl.t(`orderStatus.${s}`) })),
            ]}
            onChange={setStatus}
          />
          <TextField
            label={intl.t('orders.from')}
            type="date"
            value={from}
            onChange={setFrom}
            field="query.placedFrom"
          />
          <TextField
            label={intl.t('orders.to')}
            type="date"
            value={to}
            onChange={setTo}
            field="query.placedBefore"
          />
          <form className="row" onSubmit={search} aria-label={intl.t('common.search')}>
            <TextField label={intl.t('orders.search')} value={text} onChange={setText} field="query.q" />
            <button type="submit">{intl.t('common.search')}</button>
          </form>
        </div>
      </ProblemScope>
      <ErrorNotice error={orders.error} />
      {orders.loading && !orders.data ? <Loading /> : null}
      {orders.data?.items.length === 0 ? <Empty /> : null}
      {orders.data && orders.data.items.length > 0 ? (
        <div className="table-wrap panel">
          <table>
            <thead>
              <tr>
                <th scope="col">{intl.t('orders.number')}</th>
                <th scope="col">{intl.t('store.placedAt')}</th>
                <th scope="col">{intl.t('keys.channel')}</th>
                <th scope="col">{intl.t('customers.name')}</th>
                <th scope="col">{intl.t('channels.status')}</th>
                <th scope="col">{intl.t('orders.delivery')}</th>
                <th scope="col" className="num">
                  {intl.t('store.total')}
                </th>
              </tr>
            </thead>
            <tbody>
              {orders.data.items.map((o) => (
                <tr key={o.id} data-order={o.id}>
                  <td>
                    <Link to={`/orders/${o.id}`}>{o.number}</Link>
                  </td>
                  <td>{intl.date(o.placedAt)}</td>
                  <td>{channelName(o.channelId)}</td>
                  <td className="clip">
                    {(o.customerId && orders.data?.names.get(o.customerId)) ?? o.email ?? o.phone ?? '–'}
                  </td>
                  <td>
                    <Pill>{intl.t(`orderStatus.${o.status}`)}</Pill>
                  </td>
                  <td>
                    {intl.t(`deliveryType.${o.delivery.type}`)}
                    {o.pickup ? <code>{o.pickup.code}</code> : null}
                  </td>
                  <td className="num">{intl.money(o.totals.grand, o.currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

const COLUMNS = [
  { status: 'open', label: 'board.toPick' },
  { status: 'ready_for_pickup', label: 'board.ready' },
  { status: 'collected', label: 'board.collected' },
] as const;

export function PickupBoardPage() {
  const intl = useIntl();
  const api = useApi();
  const locations = useLoad(() => ok(api.GET('/api/inventory/locations')), []);
  const tasks = useLoad(
    () =>
      Promise.all(
        COLUMNS.map((c) =>
          ok(api.GET('/api/fulfilments', { params: { query: { status: c.status, limit: 100 } } })),
        ),
      ),
    [],
  );
  const [error, setError] = useState<unknown>(null);
  const live = useLiveEvents(['order.*'], () => tasks.reload());
  const locationName = (id: string) => locations.data?.items.find((l) => l.id === id)?.name ?? id;
  const markReady = async (id: string) => {
    setError(null);
    try {
      await ok(api.POST('/api/fulfilments/{id}/ready-for-pickup', { params: { path: { id } } }));
      tasks.reload();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section aria-labelledby="board-title">
      <div className="spread">
        <h1 id="board-title">{intl.t('board.title')}</h1>
        <LiveBadge status={live} />
      </div>
      <ErrorNotice error={error ?? tasks.error} />
      <div className="board">
        {COLUMNS.map((c, i) => {
          const items = (tasks.data?.[i]?.items ?? []).filter((f) => f.kind === 'pickup');
          return (
            <section
              key={c.status}
              className="board-column"
              aria-label={intl.t(c.label)}
              data-column={c.status}
            >
              <h2>
                {intl.t(c.label)} <Pill>{items.length}</Pill>
              </h2>
              {items.map((f) => (
                <article key={f.id} className="card" data-order={f.orderId}>
                  <strong>{locationName(f.locationId)}</strong>
                  <ul>
                    {f.lines.map((l) => (
                      <li key={l.sku}>
                        {l.quantity} × <code>{l.sku}</code>
                      </li>
                    ))}
                  </ul>
                  <small className="hint">{intl.date(f.updatedAt)}</small>
                  {c.status === 'open' ? (
                    <p>
                      <button type="button" className="secondary" onClick={() => markReady(f.id)}>
                        {intl.t('board.markReady')}
                      </button>
                    </p>
                  ) : null}
                </article>
              ))}
            </section>
          );
        })}
      </div>
    </section>
  );
}
