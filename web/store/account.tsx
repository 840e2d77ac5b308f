// The signed-in shopper's account: their orders from every channel (live: a pickup that becomes
// ready or is collected shows at once), and signing out. Read with the session cookie (/api/me/*),
// so it shows this shopper's orders and nobody else's.
import { useIntl } from '../i18n/index.tsx';
import { ok } from '../ui/api.ts';
import { Empty, ErrorNotice, Loading, Pill, useLoad } from '../ui/components.tsx';
import { DataTable } from '../ui/data-table.tsx';
import { useApi } from '../ui/key-gate.tsx';
import { useLiveEvents } from '../ui/use-live.ts';
import { WalletCard } from '../ui/wallet-card.tsx';
import { LoginForm } from './cart.tsx';
import { MyDetails } from './my-details.tsx';
import { MyNextMessage } from './next-message.tsx';
import { PushOptIn } from './push-opt-in.tsx';
import { useShop } from './store-app.tsx';

export function orderTone(status: string): string {
  if (status === 'cancelled' || status === 'refunded') return 'bad';
  if (status === 'fulfilled' || status === 'completed') return 'ok';
  return 'info';
}

export function AccountPage() {
  const intl = useIntl();
  const { customer, logOut, channel, locale } = useShop();
  if (!customer) return <LoginForm />;
  return (
    <section aria-labelledby="account-title">
      <div className="spread">
        <h1 id="account-title">{intl.t('store.account')}</h1>
        <button type="button" className="secondary" onClick={() => void logOut()}>
          {intl.t('common.signOut')}
        </button>
      </div>
      <p data-testid="signed-in-as">{customer.email}</p>
      <MyNextMessage channelId={channel.id} locale={locale} />
      <MyDetails customerId={customer.customerId} />
      <PushOptIn />
      <MyWallet customerId={customer.customerId} />
      <Orders customerId={customer.customerId} />
    </section>
  );
}

/** Points, tier, store credit and gift cards: the same wallet on every channel (points follow orders live). */
function MyWallet({ customerId }: { customerId: string }) {
  const api = useApi();
  const wallet = useLoad(() => ok(api.GET('/api/me/wallet')), [customerId]);
  useLiveEvents(['order.*', 'wallet.*'], () => wallet.reload(), { shopper: true });
  if (wallet.error) return <ErrorNotice error={wallet.error} />;
  if (!wallet.data) return <Loading />;
  return <WalletCard wallet={wallet.data} />;
}

/** Orders from every channel (webshop, app, stores, marketplaces) of this shopper's profile. */
function Orders({ customerId }: { customerId: string }) {
  const intl = useIntl();
  const api = useApi();
  const orders = useLoad(
    () => ok(api.GET('/api/me/orders', { params: { query: { limit: 50 } } })),
    [customerId],
  );
  useLiveEvents(['order.*'], () => orders.reload(), { shopper: true });
  if (orders.error) return <ErrorNotice error={orders.error} />;
  if (!orders.data) return <Loading />;
  if (orders.data.items.length === 0) return <Empty>{intl.t('store.noOrders')}</Empty>;
  return (
    <>
      <h2>{intl.t('store.ordersAllChannels')}</h2>
      <DataTable
        rows={orders.data.items}
        rowKey={(o) => o.id}
        rowProps={(o) => ({ 'data-order': o.id, 'data-channel': o.channel?.code })}
        columns={[
          { header: intl.t('store.placedAt'), cell: (o) => intl.date(o.placedAt) },
          {
            header: intl.t('store.orderNumberHeader'),
            cell: (o) => <span data-testid="order-number">{o.number}</span>,
          },
          { header: intl.t('keys.channel'), cell: (o) => o.channel?.name ?? '' },
          {
            header: intl.t('channels.status'),
            cell: (o) => (
              <>
                <Pill tone={o.pickupStatus === 'ready_for_pickup' ? 'ok' : orderTone(o.status)}>
                  <span data-testid="order-status">
                    {o.pickupStatus &&
                    !['open', 'collected'].includes(o.pickupStatus) &&
                    o.status !== 'refunded'
                      ? intl.t(`fulfilmentStatus.${o.pickupStatus}`)
                      : o.pickup && (o.status === 'fulfilled' || o.status === 'completed')
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
                {o.refunds.map((r) => (
                  <div key={`${r.createdAt}-${r.amount}`} className="hint" data-testid="order-refund">
                    {r.storeCreditCode
                      ? intl.t('store.refundedAsCredit', {
                          amount: intl.money(r.amount, r.currency),
                          code: r.storeCreditCode,
                        })
                      : intl.t('store.refunded', { amount: intl.money(r.amount, r.currency) })}
                  </div>
                ))}
              </>
            ),
          },
          { header: intl.t('store.total'), num: true, cell: (o) => intl.money(o.totals.grand, o.currency) },
        ]}
      />
    </>
  );
}
