// Returns and refunds of orders from every channel, newest first: where the order was sold, where it
// came back, what was refunded and how; new returns appear live.
import { useIntl } from '../../i18n/index.tsx';
import { ok } from '../../ui/api.ts';
import { LiveBadge, Pill, useLoad } from '../../ui/components.tsx';
import { LoadedTable } from '../../ui/data-table.tsx';
import { useApi } from '../../ui/key-gate.tsx';
import { useLiveEvents } from '../../ui/use-live.ts';

export function ReturnsPage() {
  const intl = useIntl();
  const api = useApi();
  const returns = useLoad(() => ok(api.GET('/api/returns', { params: { query: { limit: 100 } } })), []);
  const channels = useLoad(() => ok(api.GET('/api/channels')), []);
  const locations = useLoad(() => ok(api.GET('/api/inventory/locations')), []);
  const status = useLiveEvents(['order.returned'], () => returns.reload());
  const channel = (id: string | null) =>
    id ? (channels.data?.items.find((c) => c.id === id)?.name ?? id) : '–';
  const location = (id: string | null) =>
    id ? (locations.data?.items.find((l) => l.id === id)?.name ?? id) : '–';

  return (
    <section aria-labelledby="returns-title">
      <div className="spread">
        <h1 id="returns-title">{intl.t('returns.title')}</h1>
        <LiveBadge status={status} />
      </div>
      <LoadedTable
        load={returns}
        items={returns.data?.items}
        empty={intl.t('returns.none')}
        live
        rowKey={(r) => r.id}
        rowProps={(r) => ({ 'data-return': r.id, 'data-order': r.orderId })}
        columns={[
          { header: intl.t('events.time'), cell: (r) => intl.date(r.createdAt) },
          { header: intl.t('returns.order'), cell: (r) => <code>{r.orderId.slice(-8)}</code> },
          { header: intl.t('returns.soldOn'), cell: (r) => channel(r.orderChannelId) },
          {
            header: intl.t('returns.returnedAt'),
            cell: (r) => `${channel(r.channelId)} · ${location(r.locationId)}`,
          },
          {
            header: intl.t('returns.items'),
            cell: (r) => r.lines.map((l) => `${l.quantity}× ${l.sku}`).join(', '),
          },
          {
            header: intl.t('returns.refund'),
            num: true,
            cellProps: { 'data-testid': 'refund' },
            cell: (r) => intl.money(r.refundAmount, r.currency),
          },
          {
            header: intl.t('returns.refundMethod'),
            cell: (r) => <Pill tone="info">{intl.t(`refundMethod.${r.refundMethod}`)}</Pill>,
          },
        ]}
      />
    </section>
  );
}
