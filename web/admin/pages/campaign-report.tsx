// A campaign's performance beside its editor: orders that kept it, discount given and revenue per
// channel and in total, following new orders live.
import { useIntl } from '../../i18n/index.tsx';
import { ok } from '../../ui/api.ts';
import { useLoad } from '../../ui/components.tsx';
import { LoadedTable } from '../../ui/data-table.tsx';
import { useApi } from '../../ui/key-gate.tsx';
import { useLiveEvents } from '../../ui/use-live.ts';

export function CampaignReport({
  campaignId,
  channels,
}: {
  campaignId: string;
  channels: ReadonlyArray<{ id: string; name: string }>;
}) {
  const intl = useIntl();
  const api = useApi();
  const report = useLoad(
    () =>
      ok(
        api.GET('/api/promotions/campaigns/{id}/report', {
          params: { path: { id: campaignId }, query: {} },
        }),
      ),
    [campaignId],
  );
  useLiveEvents(['promotion.uses_reserved', 'promotion.uses_released'], () => report.reload());
  const channelName = (id: string) => channels.find((c) => c.id === id)?.name ?? id;
  type Row = NonNullable<typeof report.data>['channels'][number];
  const totals: Row[] = (report.data?.totals ?? []).map((t) => ({
    ...t,
    channelId: '',
    marketplaceOrders: 0,
  }));
  return (
    <section aria-labelledby="report-title" data-testid="campaign-report">
      <h2 id="report-title">{intl.t('promo.report')}</h2>
      <p className="hint">{intl.t('promo.report.hint')}</p>
      <LoadedTable<Row>
        load={report}
        items={report.data ? [...report.data.channels, ...totals] : undefined}
        empty={intl.t('promo.report.none')}
        caption={intl.t('promo.report')}
        rowKey={(r) => `${r.channelId}:${r.currency}`}
        rowProps={(r) => ({ 'data-channel': r.channelId || 'total' })}
        columns={[
          {
            header: intl.t('promo.report.channel'),
            cell: (r) =>
              r.channelId ? channelName(r.channelId) : intl.t('promo.report.total', { currency: r.currency }),
          },
          { header: intl.t('promo.report.orders'), num: true, cell: (r) => intl.number(r.orders) },
          {
            header: intl.t('promo.report.discount'),
            num: true,
            cell: (r) => intl.money(r.discount, r.currency),
          },
          {
            header: intl.t('promo.report.revenue'),
            num: true,
            cell: (r) => intl.money(r.revenue, r.currency),
          },
          {
            header: intl.t('promo.report.marketplace'),
            num: true,
            cell: (r) => (r.channelId ? intl.number(r.marketplaceOrders) : ''),
          },
        ]}
      />
    </section>
  );
}
