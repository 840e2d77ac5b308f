// The omnichannel score: each dimension measured from the hub's data over a window, explained (what
// it measures, how the score is computed), with its evidence (the figures, per channel, a sample of
// the records behind them) and its next step; then the advisor (score-advisor.tsx).
import { useState } from 'react';
import { useIntl } from '../../i18n/index.tsx';
import { scoreEn } from '../../i18n/score.ts';
import { ok } from '../../ui/api.ts';
import type { paths } from '../../ui/api-types.ts';
import { ErrorNotice, Loading, SelectField, useLoad } from '../../ui/components.tsx';
import { useApi } from '../../ui/key-gate.tsx';
import { AdvisorPanel } from './score-advisor.tsx';
import { useScoreText } from './score-text.ts';

type Score = paths['/api/score']['get']['responses'][200]['content']['application/json'];
type Dimension = Score['dimensions'][number];
const WINDOWS = ['30', '90', '365'] as const;

export function OmnichannelScorePage() {
  const intl = useIntl();
  const api = useApi();
  const [days, setDays] = useState<(typeof WINDOWS)[number]>('90');
  const score = useLoad(
    () => ok(api.GET('/api/score', { params: { query: { days: Number(days) } } })),
    [days],
  );
  return (
    <section aria-labelledby="score-title" className="stack">
      <h1 id="score-title">{intl.t('score.title')}</h1>
      <p className="hint">{intl.t('score.hint')}</p>
      <div className="row">
        <SelectField<(typeof WINDOWS)[number]>
          label={intl.t('score.window')}
          value={days}
          options={WINDOWS.map((d) => ({ value: d, label: intl.t('score.days', { days: Number(d) }) }))}
          onChange={setDays}
        />
      </div>
      <ErrorNotice error={score.error} />
      {score.loading && !score.data ? <Loading /> : null}
      {score.data ? (
        <>
          <p className="card" data-testid="score-overall">
            <strong>{intl.t('score.overall', { score: score.data.overall })}</strong>{' '}
            <span className="hint">{intl.t('score.overallHow')}</span>
          </p>
          {score.data.dimensions.map((d) => (
            <DimensionCard key={d.key} d={d} />
          ))}
        </>
      ) : null}
      <AdvisorPanel days={Number(days)} />
    </section>
  );
}

function DimensionCard({ d }: { d: Dimension }) {
  const intl = useIntl();
  const text = useScoreText();
  const titleId = `dimension-${d.key}`;
  const columns = [...new Set(d.perChannel.flatMap((r) => Object.keys(r.values)))];
  const show = (v: string | number | null) =>
    v === null
      ? '—'
      : typeof v === 'number'
        ? intl.number(v)
        : `score.v.${v}` in scoreEn
          ? text(`score.v.${v}`)
          : v;
  return (
    <section className="card stack" aria-labelledby={titleId} data-dimension={d.key}>
      <h2 id={titleId}>
        {text(`score.dim.${d.key}.title`)}{' '}
        <span data-testid="dimension-score">{intl.t('score.outOf', { score: d.score })}</span>
      </h2>
      <meter min={0} max={100} low={50} high={80} optimum={100} value={d.score} aria-labelledby={titleId} />
      <p>{text(`score.dim.${d.key}.what`)}</p>
      <p className="hint">
        <strong>{intl.t('score.formula')}</strong> {text(`score.dim.${d.key}.formula`)}
      </p>
      <h3>{intl.t('score.evidence')}</h3>
      <dl className="figures" data-testid="dimension-figures">
        {Object.entries(d.figures).map(([k, v]) => (
          <div key={k} className="row">
            <dt>{text(`score.f.${k}`)}</dt>
            <dd>{intl.number(v)}</dd>
          </div>
        ))}
      </dl>
      {d.perChannel.length ? (
        <div className="table-wrap panel">
          <table>
            <caption className="visually-hidden">{intl.t('score.perChannel')}</caption>
            <thead>
              <tr>
                <th scope="col">{intl.t('score.channel')}</th>
                {columns.map((c) => (
                  <th key={c} scope="col">
                    {text(`score.f.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {d.perChannel.map((r) => (
                <tr key={r.label}>
                  <th scope="row">{r.label}</th>
                  {columns.map((c) => (
                    <td key={c}>{show(r.values[c] ?? null)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {d.sample.length ? (
        <>
          <h3>{intl.t('score.sample')}</h3>
          <ul data-testid="dimension-sample">
            {d.sample.map((s) => (
              // One SKU may drift in several fields: the kind, id and label together are unique.
              <li key={`${s.kind}:${s.id}:${s.label}`}>
                {text(`score.kind.${s.kind}`)} <code>{s.id}</code> · {s.label}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p data-testid="dimension-next">
        <strong>{intl.t('score.next')}</strong>{' '}
        {text(`score.next.${d.nextStep.code}`, { channels: d.nextStep.channels.join(', ') })}
      </p>
    </section>
  );
}
