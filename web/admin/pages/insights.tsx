// The insights dashboard: channel performance (revenue per channel and per day, AOV, returns, new vs
// returning, click & collect and pickup times), attribution under every model side by side, channel
// paths, a funnel across channels and carts that crossed channels, for a date range and chosen
// channels; cohorts and retention, lifetime value, inbox first-response times; every figure drills
// down to its orders and customers, every table exports as CSV.
import { useMemo, useState } from 'react';
import { useIntl } from '../../i18n/index.tsx';
import { ok } from '../../ui/api.ts';
import { Empty, TextField, useLoad } from '../../ui/components.tsx';
import { DataTable } from '../../ui/data-table.tsx';
import { useApi } from '../../ui/key-gate.tsx';
import { currencyExponent } from '../../ui/money.ts';
import { ChartCanvas, ChartSection, colourOf, type Loaded, State } from './insights-chart.tsx';
import { CustomerInsights } from './insights-customers.tsx';
import { type DrillFilter, InsightsDrill } from './insights-drill.tsx';
import { Journeys } from './insights-journeys.tsx';

const DAY_MS = 86_400_000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const MODELS = [
  'first_touch',
  'last_touch',
  'last_non_direct',
  'linear',
  'position_based',
  'time_decay',
] as const;

/** Charts draw one currency: the one with the most of `amount` (tables show every currency). */
function mainCurrency<T extends { currency: string }>(rows: T[], amount: (r: T) => number): string {
  const by = new Map<string, number>();
  for (const r of rows) by.set(r.currency, (by.get(r.currency) ?? 0) + amount(r));
  return [...by].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'EUR';
}
const major = (minor: number, currency: string) => minor / 10 ** currencyExponent(currency);

export interface InsightsQuery {
  from: string;
  to: string;
  channel?: string[];
}

export function InsightsPage() {
  const intl = useIntl();
  const api = useApi();
  const [from, setFrom] = useState(() => isoDay(new Date(Date.now() - 29 * DAY_MS)));
  const [to, setTo] = useState(() => isoDay(new Date()));
  const [picked, setPicked] = useState<string[]>([]);
  const [lookback, setLookback] = useState('30');
  const [halfLife, setHalfLife] = useState('7');
  const [drill, setDrill] = useState<DrillFilter | null>(null);
  const query: InsightsQuery = useMemo(
    () => ({
      from: new Date(`${from}T00:00:00Z`).toISOString(),
      // The "to" day is included: the range ends at the start of the next day.
      to: new Date(Date.parse(`${to}T00:00:00Z`) + DAY_MS).toISOString(),
      ...(picked.length ? { channel: picked } : {}),
    }),
    [from, to, picked],
  );
  const perf = useLoad(() => ok(api.GET('/api/insights/channels', { params: { query } })), [query]);
  const attribution = useLoad(
    () =>
      ok(
        api.GET('/api/insights/attribution', {
          params: {
            query: { ...query, lookbackDays: Number(lookback) || 30, halfLifeDays: Number(halfLife) || 7 },
          },
        }),
      ),
    [query, lookback, halfLife],
  );
  const journeys = useLoad(
    () =>
      ok(
        api.GET('/api/insights/journeys', {
          params: { query: { ...query, steps: 'campaign,session,cart,order' } },
        }),
      ),
    [query],
  );

  const channels = perf.data?.channels ?? [];
  const nameOf = (id: string) => channels.find((c) => c.id === id)?.name ?? id;
  const csv = async (
    path:
      | '/api/insights/channels'
      | '/api/insights/attribution'
      | '/api/insights/journeys'
      | '/api/insights/cohorts'
      | '/api/insights/ltv'
      | '/api/insights/response-times',
    name: string,
  ) => {
    const text = await ok(api.GET(path, { params: { query: { ...query, format: 'csv' } }, parseAs: 'text' }));
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([text as string], { type: 'text/csv' }));
    a.download = `${name}-${from}-${to}.csv`;
    a.click();
    URL.revokeObjectURL(a.href);
  };
  const toggle = (id: string) => setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p, id]));

  return (
    <section aria-labelledby="insights-title">
      <h1 id="insights-title">{intl.t('insights.title')}</h1>
      <div className="panel toolbar" data-testid="insights-filters">
        <TextField label={intl.t('insights.from')} type="date" name="from" value={from} onChange={setFrom} />
        <TextField label={intl.t('insights.to')} type="date" name="to" value={to} onChange={setTo} />
        <TextField
          label={intl.t('insights.lookback')}
          type="number"
          name="lookbackDays"
          value={lookback}
          onChange={setLookback}
        />
        <TextField
          label={intl.t('insights.halfLife')}
          type="number"
          name="halfLifeDays"
          value={halfLife}
          onChange={setHalfLife}
        />
        <fieldset>
          <legend>{intl.t('insights.channels')}</legend>
          {channels.map((c) => (
            <label key={c.id}>
              <input type="checkbox" checked={picked.includes(c.id)} onChange={() => toggle(c.id)} /> {c.name}
            </label>
          ))}
          {picked.length === 0 ? <small>{intl.t('insights.allChannels')}</small> : null}
        </fieldset>
      </div>
      <Performance
        perf={perf}
        nameOf={nameOf}
        onDrill={setDrill}
        onCsv={() => void csv('/api/insights/channels', 'channels')}
      />
      <Attribution
        attribution={attribution}
        nameOf={nameOf}
        onCsv={() => void csv('/api/insights/attribution', 'attribution')}
      />
      <Journeys
        journeys={journeys}
        nameOf={nameOf}
        onCsv={() => void csv('/api/insights/journeys', 'paths')}
      />
      <CustomerInsights query={query} nameOf={nameOf} onCsv={(path, name) => void csv(path, name)} />
      {drill ? (
        <InsightsDrill query={query} filter={drill} nameOf={nameOf} onClose={() => setDrill(null)} />
      ) : null}
    </section>
  );
}

function Performance({
  perf,
  nameOf,
  onDrill,
  onCsv,
}: {
  perf: Loaded<{
    totals: Array<{
      channelId: string;
      currency: string;
      orders: number;
      revenue: number;
      averageOrderValue: number;
      returns: number;
      returnRate: number;
      newCustomers: number;
      returningCustomers: number;
      clickCollectShare: number;
      averagePickupSeconds: number | null;
    }>;
    days: Array<{ day: string; channelId: string; currency: string; revenue: number }>;
  }>;
  nameOf(id: string): string;
  onDrill(f: DrillFilter): void;
  onCsv(): void;
}) {
  const intl = useIntl();
  const pct = (x: number) => `${intl.number(Math.round(x * 1000) / 10)} %`;
  return (
    <ChartSection
      id="perf-title"
      title={intl.t('insights.performance')}
      csvTestId="csv-channels"
      onCsv={onCsv}
    >
      <State of={perf}>
        {() => {
          const { totals, days } = perf.data!;
          if (totals.length === 0) return <Empty>{intl.t('insights.empty')}</Empty>;
          const cur = mainCurrency(totals, (t) => t.revenue);
          const shown = days.filter((d) => d.currency === cur);
          const dayLabels = [...new Set(shown.map((d) => d.day))];
          const ids = [...new Set(shown.map((d) => d.channelId))];
          return (
            <>
              <div className="chart-row">
                <ChartCanvas
                  testId="chart-revenue-channel"
                  title={intl.t('insights.revenueByChannel')}
                  config={{
                    type: 'bar',
                    data: {
                      labels: totals.map((t) => `${nameOf(t.channelId)} (${t.currency})`),
                      datasets: [
                        {
                          label: intl.t('insights.revenue'),
                          data: totals.map((t) => major(t.revenue, t.currency)),
                          backgroundColor: colourOf(0),
                        },
                      ],
                    },
                  }}
                />
                <ChartCanvas
                  testId="chart-revenue-day"
                  title={`${intl.t('insights.revenueByDay')} (${cur})`}
                  config={{
                    type: 'line',
                    data: {
                      labels: dayLabels,
                      datasets: ids.map((id, i) => ({
                        label: nameOf(id),
                        data: dayLabels.map((d) =>
                          major(
                            shown
                              .filter((x) => x.day === d && x.channelId === id)
                              .reduce((s, x) => s + x.revenue, 0),
                            cur,
                          ),
                        ),
                        borderColor: colourOf(i),
                        backgroundColor: colourOf(i),
                      })),
                    },
                  }}
                />
              </div>
              <DataTable
                rows={totals}
                rowKey={(t) => `${t.channelId}-${t.currency}`}
                columns={[
                  { header: intl.t('insights.channel'), cell: (t) => nameOf(t.channelId) },
                  { header: intl.t('insights.orders'), num: true, cell: (t) => intl.number(t.orders) },
                  {
                    header: intl.t('insights.revenue'),
                    num: true,
                    cell: (t) => intl.money(t.revenue, t.currency),
                  },
                  {
                    header: intl.t('insights.aov'),
                    num: true,
                    cell: (t) => intl.money(t.averageOrderValue, t.currency),
                  },
                  {
                    header: intl.t('insights.returns'),
                    num: true,
                    cell: (t) => `${intl.number(t.returns)} (${pct(t.returnRate)})`,
                  },
                  {
                    header: intl.t('insights.newReturning'),
                    num: true,
                    cell: (t) => `${t.newCustomers} / ${t.returningCustomers}`,
                  },
                  {
                    header: intl.t('insights.clickCollect'),
                    num: true,
                    cell: (t) => pct(t.clickCollectShare),
                  },
                  {
                    header: intl.t('insights.pickupTime'),
                    num: true,
                    cell: (t) =>
                      t.averagePickupSeconds === null
                        ? '–'
                        : intl.t('insights.minutes', { count: Math.round(t.averagePickupSeconds / 60) }),
                  },
                  {
                    header: '',
                    cell: (t) => (
                      <button
                        type="button"
                        className="link"
                        onClick={() => onDrill({ channelId: t.channelId })}
                      >
                        {intl.t('insights.drill')}
                      </button>
                    ),
                  },
                ]}
              />
            </>
          );
        }}
      </State>
    </ChartSection>
  );
}

function Attribution({
  attribution,
  nameOf,
  onCsv,
}: {
  attribution: Loaded<{
    orders: number;
    truncated: boolean;
    byChannel: Array<{ model: string; key: string | null; currency: string; credited: number }>;
    byCampaign: Array<{ model: string; key: string | null; currency: string; credited: number }>;
  }>;
  nameOf(id: string): string;
  onCsv(): void;
}) {
  const intl = useIntl();
  return (
    <ChartSection
      id="attr-title"
      title={intl.t('insights.attribution')}
      csvTestId="csv-attribution"
      onCsv={onCsv}
    >
      <State of={attribution}>
        {() => {
          const a = attribution.data!;
          const table = (rows: typeof a.byChannel, label: (k: string | null) => string, testId: string) => {
            const keys = [...new Set(rows.map((r) => `${r.key ?? ''}\u0000${r.currency}`))];
            const cell = (k: string, m: string) => {
              const [key, currency] = k.split('\u0000') as [string, string];
              const r = rows.find((x) => x.model === m && (x.key ?? '') === key && x.currency === currency);
              return intl.money(r?.credited ?? 0, currency);
            };
            return (
              <div data-testid={testId}>
                <DataTable
                  rows={keys}
                  rowKey={(k) => k}
                  columns={[
                    { header: intl.t('insights.channel'), cell: (k) => label(k.split('\u0000')[0] || null) },
                    ...MODELS.map((m) => ({
                      header: intl.t(`insights.model.${m}`),
                      num: true,
                      cell: (k: string) => cell(k, m),
                    })),
                  ]}
                />
              </div>
            );
          };
          const cur = mainCurrency(a.byChannel, (r) => r.credited);
          const credit = a.byChannel.filter((r) => r.currency === cur);
          const channelKeys = [...new Set(credit.map((r) => r.key ?? ''))];
          return (
            <>
              <p className="hint">{intl.t('insights.attributionHint', { count: a.orders })}</p>
              {a.truncated ? (
                <p className="hint">{intl.t('insights.truncated', { count: a.orders })}</p>
              ) : null}
              <ChartCanvas
                testId="chart-attribution"
                title={`${intl.t('insights.attribution')} (${cur})`}
                config={{
                  type: 'bar',
                  data: {
                    labels: MODELS.map((m) => intl.t(`insights.model.${m}`)),
                    datasets: channelKeys.map((k, i) => ({
                      label: nameOf(k),
                      data: MODELS.map((m) =>
                        major(
                          credit
                            .filter((r) => r.model === m && (r.key ?? '') === k)
                            .reduce((s, r) => s + r.credited, 0),
                          cur,
                        ),
                      ),
                      backgroundColor: colourOf(i),
                    })),
                  },
                  options: { scales: { x: { stacked: true }, y: { stacked: true } } },
                }}
              />
              {table(a.byChannel, (k) => nameOf(k ?? ''), 'attribution-channels')}
              {table(a.byCampaign, (k) => k ?? intl.t('insights.noCampaign'), 'attribution-campaigns')}
            </>
          );
        }}
      </State>
    </ChartSection>
  );
}
