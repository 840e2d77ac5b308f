// The shopper's account: their orders (live: a pickup that becomes ready or is collected shows at
// once), and logging out.
import { useIntl } from '../i18n/index.tsx';
import { ok } from '../ui/api.ts';
import { Empty, ErrorNotice, Loading, Pill, useLoad } from '../ui/components.tsx';
import { useApi } from '../ui/key-gate.tsx';
import { useLiveEvents } from '../ui/use-live.ts';
import { LoginForm } from './cart.tsx';
import { useShop } from './store-app.tsx';

export function orderTone(status: string): string {
  if (status === 'cancelled' || status === 'refunded') return 'bad';
  if (status === 'fulfilled' || status === 'completed') return 'ok';
  return 'info';
}

export function AccountPage() {
  const intl = useIntl();
  const { customer, logOut } = useShop();
  if (!customer) return <LoginForm />;
  return (
    <section aria-labelledby="account-title">
      <div className="spread">
        <h1 id="account-title">{intl.t('store.account')}</h1>
        <button type="button" className="secondary" onClick={logOut}>
          {intl.t('common.signOut')}
        </button>
      </div>
      <p>{customer.email}</p>
      <Orders customerId={customer.customerId} />
    </section>
  );
}

function Orders({ customerId }: { customerId: string }) {
  const intl = useIntl();
  const api = useApi();
  const orders = useLoad(
    () => ok(api.GET('/api/orders', { params: { query: { customerId, limit: 50 } } })),
    [customerId],
  );
  const channels = useLoad(() => ok(api.GET('/api/channels')), []);
  useLiveEvents(['order.*'], () => orders.reload());
  if (orders.error) return <ErrorNotice error={orders.error} />;
  if (!orders.data) return <Loading />;
  if (orders.data.items.length === 0) return <Empty>{intl.t('store.noOrders')}</Empty>;
  const channelName = (id: string) => channels.data?.items.find((c) => c.id === id)?.name ?? '';
  return (
    <div className="table-wrap panel">
      <h2>{intl.t('store.orders')}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{intl.t('store.placedAt')}</th>
            <th scope="col">{intl.t('keys.channel')}</th>
            <th scope="col">{intl.t('channels.status')}</th>
            <th scope="col" className="num">
              {intl.t('store.total')}
            </th>
          </tr>
        </thead>
        <tbody>
          {orders.data.items.map((o) => (
            <tr key={o.id} data-order={o.id}>
              <td>{intl.date(o.placedAt)}</td>
              <td>{channelName(o.channelId)}</td>
              <td>
                <Pill tone={orderTone(o.status)}>
                  <span data-testid="order-status">
                    {o.pickup && (o.status === 'fulfilled' || o.status === 'completed')
                      ? intl.t('fulfilmentStatus.collected')
                      : intl.t(`orderStatus.${o.status}`)}
                  </span>
                </Pill>
                {o.pickup ? (
                  <small className="hint">
                    {' '}
                    {intl.t('store.pickupCode')} {o.pickup.code}
                  </small>
                ) : null}
              </td>
              <td className="num">{intl.money(o.totals.grand, o.currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
