// The dashboard's journeys section: common channel paths with conversion and time between steps, a
// funnel whose steps may happen on different channels, and the carts that crossed channels.
import { useIntl } from '../../i18n/index.tsx';
import { DataTable } from '../../ui/data-table.tsx';
import { ChartSection, type Loaded, State } from './insights-chart.tsx';

export function Journeys({
  journeys,
  nameOf,
  onCsv,
}: {
  journeys: Loaded<{
    paths: Array<{ steps: string[]; customers: number; converted: number; avgGapMs: number[] }>;
    funnel: Array<{
      kind: 'session' | 'campaign' | 'message' | 'cart' | 'order';
      customers: number;
      byChannel: Record<string, number>;
    }>;
    crossedCarts: { total: number };
  }>;
  nameOf(id: string): string;
  onCsv(): void;
}) {
  const intl = useIntl();
  const hours = (ms: number) => `${intl.number(Math.round(ms / 360_000) / 10)} h`;
  return (
    <ChartSection id="journeys-title" title={intl.t('insights.journeys')} csvTestId="csv-paths" onCsv={onCsv}>
      <State of={journeys}>
        {() => {
          const j = journeys.data!;
          return (
            <>
              <p data-testid="crossed-carts">
                {intl.t('insights.crossedCarts', { count: j.crossedCarts.total })}
              </p>
              <div data-testid="paths">
                <DataTable
                  rows={j.paths}
                  rowKey={(p) => p.steps.join('>')}
                  columns={[
                    { header: intl.t('insights.path'), cell: (p) => p.steps.map(nameOf).join(' → ') },
                    {
                      header: intl.t('insights.customers'),
                      num: true,
                      cell: (p) => intl.number(p.customers),
                    },
                    {
                      header: intl.t('insights.converted'),
                      num: true,
                      cell: (p) => intl.number(p.converted),
                    },
                    { header: intl.t('insights.gaps'), cell: (p) => p.avgGapMs.map(hours).join(' · ') },
                  ]}
                />
              </div>
              <h3>{intl.t('insights.funnel')}</h3>
              <ol className="funnel" data-testid="funnel">
                {j.funnel.map((s) => (
                  <li key={s.kind}>
                    {intl.t(`insights.kind.${s.kind}`)}: {intl.number(s.customers)}{' '}
                    <small>
                      {Object.entries(s.byChannel)
                        .map(([c, n]) => `${nameOf(c)} ${n}`)
                        .join(', ')}
                    </small>
                  </li>
                ))}
              </ol>
            </>
          );
        }}
      </State>
    </ChartSection>
  );
}
