// The drill-down under a dashboard figure: the orders behind it, each linked to its order and customer.
import { useIntl } from '../../i18n/index.tsx';
import { ok } from '../../ui/api.ts';
import { ErrorNotice, Loading, useLoad } from '../../ui/components.tsx';
import { DataTable } from '../../ui/data-table.tsx';
import { useApi } from '../../ui/key-gate.tsx';
import { Link } from '../../ui/router.tsx';
import type { InsightsQuery } from './insights.tsx';

export interface DrillFilter {
  channelId?: string;
  day?: string;
  returned?: boolean;
}

export function InsightsDrill({
  query,
  filter,
  nameOf,
  onClose,
}: {
  query: InsightsQuery;
  filter: DrillFilter;
  nameOf(id: string): string;
  onClose(): void;
}) {
  const intl = useIntl();
  const api = useApi();
  const { returned, ...rest } = filter;
  const q = {
    ...query,
    ...rest,
    ...(returned === undefined ? {} : { returned: returned ? ('true' as const) : ('false' as const) }),
  };
  const orders = useLoad(
    () => ok(api.GET('/api/insights/orders', { params: { query: q } })),
    [JSON.stringify(q)],
  );
  return (
    <section aria-labelledby="drill-title" className="panel" data-testid="insights-drill">
      <h2 id="drill-title">
        {intl.t('insights.drillTitle')}
        {filter.channelId ? ` · ${nameOf(filter.channelId)}` : ''}{' '}
        <button type="button" className="secondary" onClick={onClose}>
          ×
        </button>
      </h2>
      {orders.error ? <ErrorNotice error={orders.error} /> : null}
      {!orders.data ? (
        <Loading />
      ) : (
        <DataTable
          rows={orders.data.orders}
          rowKey={(o) => o.orderId}
          columns={[
            {
              header: intl.t('insights.orders'),
              cell: (o) => <Link to={`/orders/${o.orderId}`}>{o.orderId}</Link>,
            },
            {
              header: intl.t('insights.customer'),
              cell: (o) =>
                o.customerId ? <Link to={`/customers/${o.customerId}`}>{o.customerId}</Link> : '–',
            },
            { header: intl.t('insights.channel'), cell: (o) => nameOf(o.channelId) },
            { header: intl.t('insights.revenue'), num: true, cell: (o) => intl.money(o.revenue, o.currency) },
            { header: intl.t('insights.placedAt'), cell: (o) => intl.date(o.placedAt, 'datetime') },
          ]}
        />
      )}
    </section>
  );
}
