// The dashboard: today's orders, revenue and active carts per channel, stock alerts and sync health,
// with charts; it reloads the figures when the stream reports an order, cart or stock change.
import { useEffect, useState } from 'react';
import { useIntl } from '../../i18n/index.tsx';
import { ok } from '../../ui/api.ts';
import { BarChart, ErrorNotice, LiveBadge, Pill, useLoad } from '../../ui/components.tsx';
import { DataTable } from '../../ui/data-table.tsx';
import { useApi } from '../../ui/key-gate.tsx';
import { useLiveEvents } from '../../ui/use-live.ts';

/** At or below this many units available at a location, a SKU is on the alert list. */
const LOW_STOCK = 2;

const startOfToday = () => {
  const d = new Date();
  d.setHours(0, 0, 0, 0);
  return d.toISOString();
};

export function DashboardPage() {
  const intl = useIntl();
  const api = useApi();
  const [since] = useState(startOfToday);
  const channels = useLoad(() => ok(api.GET('/api/channels')), []);
  const orders = useLoad(() => ok(api.GET('/api/orders/stats', { params: { query: { since } } })), [since]);
  const carts = useLoad(() => ok(api.GET('/api/carts/stats', { params: { query: { since } } })), [since]);
  const alerts = useLoad(async () => {
    const locations = await ok(api.GET('/api/inventory/locations'));
    const levels = await Promise.all(
      locations.items.map(async (l) => {
        const page = await ok(
          api.GET('/api/inventory/locations/{id}/levels', {
            params: { path: { id: l.id }, query: { limit: 200 } },
          }),
        );
        return page.items.map((x) => ({ ...x, location: l.name }));
      }),
    );
    return levels.flat().filter((x) => x.available <= LOW_STOCK);
  }, []);
  const webhooks = useLoad(() => ok(api.GET('/api/webhooks/health')), []);
  const connectors = useLoad(() => ok(api.GET('/api/connectors/health')), []);

  // Figures move with events; reload each at most once per burst. A group whose load is in flight keeps
  // its flag and reloads when that load ends: the load may have read before the event's commit, and
  // clearing the flag then lost the change (the dashboard stayed stale until the next event).
  const [dirty, setDirty] = useState({ commerce: false, stock: false, sync: false });
  const status = useLiveEvents(['order.*', 'cart.*', 'inventory.stock_changed'], (e) =>
    setDirty((d) => ({
      commerce: d.commerce || e.type.startsWith('order.') || e.type.startsWith('cart.'),
      stock: d.stock || e.type === 'inventory.stock_changed',
      sync: true,
    })),
  );
  useEffect(() => {
    const reload = {
      commerce: dirty.commerce && !orders.loading && !carts.loading,
      stock: dirty.stock && !alerts.loading,
      sync: dirty.sync && !webhooks.loading && !connectors.loading,
    };
    if (reload.commerce) {
      orders.reload();
      carts.reload();
    }
    if (reload.stock) alerts.reload();
    if (reload.sync) {
      webhooks.reload();
      connectors.reload();
    }
    if (reload.commerce || reload.stock || reload.sync)
      setDirty((d) => ({
        commerce: d.commerce && !reload.commerce,
        stock: d.stock && !reload.stock,
        sync: d.sync && !reload.sync,
      }));
  }, [dirty, orders, carts, alerts, webhooks, connectors]);

  const name = (id: string) => channels.data?.items.find((c) => c.id === id)?.name ?? id;
  const ids = [
    ...new Set([
      ...(orders.data?.items.map((o) => o.channelId) ?? []),
      ...(carts.data?.items.map((c) => c.channelId) ?? []),
    ]),
  ];
  const rows = ids.map((channelId) => {
    const mine = orders.data?.items.filter((o) => o.channelId === channelId) ?? [];
    return {
      channelId,
      orders: mine.reduce((n, o) => n + o.orders, 0),
      revenue: mine.filter((o) => o.revenue > 0).map((o) => intl.money(o.revenue, o.currency)),
      carts: carts.data?.items.find((c) => c.channelId === channelId)?.activeCarts ?? 0,
    };
  });
  const totalOrders = rows.reduce((n, r) => n + r.orders, 0);
  const totalCarts = rows.reduce((n, r) => n + r.carts, 0);
  const revenueByCurrency = new Map<string, number>();
  for (const o of orders.data?.items ?? [])
    revenueByCurrency.set(o.currency, (revenueByCurrency.get(o.currency) ?? 0) + o.revenue);
  const dead = (webhooks.data?.items ?? []).reduce((n, h) => n + h.deadLettered, 0);
  const parked = (connectors.data?.items ?? []).reduce((n, c) => n + c.parked, 0);
  const lag = Math.max(
    0,
    ...(webhooks.data?.items ?? []).map((h) => h.lagSeconds),
    ...(connectors.data?.items ?? []).map((c) => c.lagSeconds),
  );

  return (
    <section aria-labelledby="dash-title">
      <div className="spread">
        <h1 id="dash-title">{intl.t('dash.title')}</h1>
        <LiveBadge status={status} />
      </div>
      <ErrorNotice error={channels.error ?? orders.error ?? carts.error ?? alerts.error} />
      <div className="grid">
        <Stat label={intl.t('dash.ordersToday')} testId="stat-orders" value={intl.number(totalOrders)} />
        <Stat
          label={intl.t('dash.revenueToday')}
          testId="stat-revenue"
          value={
            [...revenueByCurrency].map(([currency, amount]) => intl.money(amount, currency)).join(' · ') ||
            intl.money(0, 'EUR')
          }
        />
        <Stat label={intl.t('dash.activeCarts')} testId="stat-carts" value={intl.number(totalCarts)} />
        <Stat
          label={intl.t('dash.channels')}
          testId="stat-channels"
          value={channels.data ? intl.number(channels.data.items.length) : '–'}
        />
      </div>
      <div className="grid">
        <div className="panel">
          <BarChart
            title={intl.t('dash.ordersPerChannel')}
            data={rows.map((r) => ({ label: name(r.channelId), value: r.orders }))}
            format={intl.number}
          />
        </div>
        <div className="panel">
          <BarChart
            title={intl.t('dash.cartsPerChannel')}
            data={rows.map((r) => ({ label: name(r.channelId), value: r.carts }))}
            format={intl.number}
          />
        </div>
      </div>
      <h2>{intl.t('dash.perChannel')}</h2>
      <DataTable
        rows={rows}
        rowKey={(r) => r.channelId}
        rowProps={(r) => ({ 'data-channel-stats': r.channelId })}
        columns={[
          { header: intl.t('channels.name'), cell: (r) => name(r.channelId) },
          {
            header: intl.t('dash.orders'),
            num: true,
            cellProps: { 'data-testid': 'orders' },
            cell: (r) => intl.number(r.orders),
          },
          { header: intl.t('dash.revenue'), num: true, cell: (r) => r.revenue.join(' · ') || '–' },
          {
            header: intl.t('dash.activeCarts'),
            num: true,
            cellProps: { 'data-testid': 'carts' },
            cell: (r) => intl.number(r.carts),
          },
        ]}
      />
      <div className="grid">
        <div className="panel" data-testid="sync-health">
          <h2>{intl.t('dash.syncHealth')}</h2>
          <p>
            <Pill tone={dead + parked > 0 ? 'warn' : 'ok'}>
              {dead + parked > 0 ? intl.t('dash.syncAttention') : intl.t('dash.syncOk')}
            </Pill>
          </p>
          <ul>
            <li>{intl.t('dash.endpoints', { count: webhooks.data?.items.length ?? 0 })}</li>
            <li data-testid="dead-letters">{intl.t('dash.deadLetters', { count: dead })}</li>
            <li>{intl.t('dash.connectors', { count: connectors.data?.items.length ?? 0, parked })}</li>
            <li>{intl.t('dash.maxLag', { s: Math.round(lag) })}</li>
          </ul>
        </div>
        <div className="panel" data-testid="stock-alerts">
          <h2>{intl.t('dash.stockAlerts', { count: alerts.data?.length ?? 0 })}</h2>
          <ul className="alerts">
            {(alerts.data ?? []).slice(0, 12).map((a) => (
              <li key={`${a.sku}@${a.locationId}`} data-alert={a.sku}>
                <code>{a.sku}</code> · {a.location}{' '}
                <Pill tone={a.available > 0 ? 'warn' : 'bad'}>
                  {a.available > 0
                    ? intl.t('store.inStock', { count: a.available })
                    : intl.t('store.soldOut')}
                </Pill>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </section>
  );
}

function Stat({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div className="panel">
      <div className="stat-label">{label}</div>
      <div className="stat" data-testid={testId}>
        {value}
      </div>
    </div>
  );
}
