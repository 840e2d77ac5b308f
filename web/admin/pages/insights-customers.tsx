// The insights dashboard's customer sections, read from the rollups the projection keeps: cohorts by
// month of first order and the share ordering again each following month, lifetime value by cohort and
// by first channel, and inbox first-response times per messaging channel; each with its CSV download.
import { useIntl } from '../../i18n/index.tsx';
import { ok } from '../../ui/api.ts';
import { Empty, useLoad } from '../../ui/components.tsx';
import { DataTable } from '../../ui/data-table.tsx';
import { useApi } from '../../ui/key-gate.tsx';
import { currencyExponent } from '../../ui/money.ts';
import type { InsightsQuery } from './insights.tsx';
import { ChartCanvas, ChartSection, colourOf, State } from './insights-chart.tsx';

type CsvPath = '/api/insights/cohorts' | '/api/insights/ltv' | '/api/insights/response-times';

export function CustomerInsights({
  query,
  nameOf,
  onCsv,
}: {
  query: InsightsQuery;
  nameOf(id: string): string;
  onCsv(path: CsvPath, name: string): void;
}) {
  const intl = useIntl();
  const api = useApi();
  const cohorts = useLoad(() => ok(api.GET('/api/insights/cohorts', { params: { query } })), [query]);
  const ltv = useLoad(() => ok(api.GET('/api/insights/ltv', { params: { query } })), [query]);
  const responses = useLoad(
    () => ok(api.GET('/api/insights/response-times', { params: { query } })),
    [query],
  );
  const pct = (x: number) => `${intl.number(Math.round(x * 1000) / 10)} %`;
  const offsets = (rows: Array<{ months: Array<{ offset: number }> }>) =>
    [...new Set(rows.flatMap((c) => c.months.map((m) => m.offset)))].sort((a, b) => a - b);
  return (
    <>
      <ChartSection
        id="cohorts-title"
        title={intl.t('insights.cohorts')}
        csvTestId="csv-cohorts"
        onCsv={() => onCsv('/api/insights/cohorts', 'cohorts')}
      >
        <State of={cohorts}>
          {() => {
            const rows = cohorts.data!.cohorts;
            if (rows.length === 0) return <Empty>{intl.t('insights.empty')}</Empty>;
            const cols = offsets(rows);
            return (
              <>
                <p className="hint">{intl.t('insights.cohortsHint')}</p>
                <ChartCanvas
                  testId="chart-retention"
                  title={intl.t('insights.retention')}
                  config={{
                    type: 'line',
                    data: {
                      labels: cols.map((o) => intl.t('insights.monthOffset', { count: o })),
                      datasets: rows.map((c, i) => ({
                        label: c.cohort.slice(0, 7),
                        data: cols.map((o) => (c.months.find((m) => m.offset === o)?.share ?? 0) * 100),
                        borderColor: colourOf(i),
                        backgroundColor: colourOf(i),
                      })),
                    },
                  }}
                />
                <DataTable
                  rows={rows}
                  rowKey={(c) => c.cohort}
                  columns={[
                    { header: intl.t('insights.cohort'), cell: (c) => c.cohort.slice(0, 7) },
                    {
                      header: intl.t('insights.customers'),
                      num: true,
                      cell: (c) => intl.number(c.customers),
                    },
                    ...cols.map((o) => ({
                      header: intl.t('insights.monthOffset', { count: o }),
                      num: true,
                      cell: (c: (typeof rows)[number]) => {
                        const m = c.months.find((x) => x.offset === o);
                        return m ? pct(m.share) : '–';
                      },
                    })),
                  ]}
                />
              </>
            );
          }}
        </State>
      </ChartSection>
      <ChartSection
        id="ltv-title"
        title={intl.t('insights.ltv')}
        csvTestId="csv-ltv"
        onCsv={() => onCsv('/api/insights/ltv', 'ltv')}
      >
        <State of={ltv}>
          {() => {
            const { byCohort, byFirstChannel } = ltv.data!;
            if (byCohort.length === 0) return <Empty>{intl.t('insights.empty')}</Empty>;
            const columns = (label: (k: string) => string, header: string) => [
              { header, cell: (r: (typeof byCohort)[number]) => label(r.key) },
              {
                header: intl.t('insights.customers'),
                num: true,
                cell: (r: (typeof byCohort)[number]) => intl.number(r.customers),
              },
              {
                header: intl.t('insights.revenue'),
                num: true,
                cell: (r: (typeof byCohort)[number]) => intl.money(r.revenue, r.currency),
              },
              {
                header: intl.t('insights.ltvPerCustomer'),
                num: true,
                cell: (r: (typeof byCohort)[number]) => intl.money(r.ltv, r.currency),
              },
            ];
            return (
              <>
                <ChartCanvas
                  testId="chart-ltv"
                  title={intl.t('insights.ltvByFirstChannel')}
                  config={{
                    type: 'bar',
                    data: {
                      labels: byFirstChannel.map((r) => `${nameOf(r.key)} (${r.currency})`),
                      datasets: [
                        {
                          label: intl.t('insights.ltvPerCustomer'),
                          data: byFirstChannel.map((r) => r.ltv / 10 ** currencyExponent(r.currency)),
                          backgroundColor: colourOf(2),
                        },
                      ],
                    },
                  }}
                />
                <DataTable
                  rows={byFirstChannel}
                  rowKey={(r) => `${r.key}-${r.currency}`}
                  columns={columns(nameOf, intl.t('insights.firstChannel'))}
                />
                <DataTable
                  rows={byCohort}
                  rowKey={(r) => `${r.key}-${r.currency}`}
                  columns={columns((k) => k.slice(0, 7), intl.t('insights.cohort'))}
                />
              </>
            );
          }}
        </State>
      </ChartSection>
      <ChartSection
        id="responses-title"
        title={intl.t('insights.responseTimes')}
        csvTestId="csv-response-times"
        onCsv={() => onCsv('/api/insights/response-times', 'response-times')}
      >
        <State of={responses}>
          {() => {
            const rows = responses.data!.channels;
            if (rows.length === 0) return <Empty>{intl.t('insights.noConversations')}</Empty>;
            const minutes = (s: number | null) =>
              s === null ? '–' : intl.t('insights.minutes', { count: Math.round(s / 60) });
            return (
              <>
                <ChartCanvas
                  testId="chart-response-times"
                  title={intl.t('insights.firstResponse')}
                  config={{
                    type: 'bar',
                    data: {
                      labels: rows.map((r) => r.channel),
                      datasets: [
                        {
                          label: intl.t('insights.firstResponse'),
                          data: rows.map((r) => Math.round((r.averageSeconds ?? 0) / 60)),
                          backgroundColor: colourOf(1),
                        },
                      ],
                    },
                  }}
                />
                <DataTable
                  rows={rows}
                  rowKey={(r) => r.channel}
                  columns={[
                    { header: intl.t('insights.channel'), cell: (r) => r.channel },
                    {
                      header: intl.t('insights.conversations'),
                      num: true,
                      cell: (r) => intl.number(r.conversations),
                    },
                    {
                      header: intl.t('insights.answered'),
                      num: true,
                      cell: (r) => `${intl.number(r.responded)} (${pct(r.responseRate)})`,
                    },
                    {
                      header: intl.t('insights.firstResponse'),
                      num: true,
                      cell: (r) => minutes(r.averageSeconds),
                    },
                  ]}
                />
              </>
            );
          }}
        </State>
      </ChartSection>
    </>
  );
}
