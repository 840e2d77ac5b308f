// The advisor on the omnichannel score page: the retailer's own answers (a validated form, stored per
// hub) and what to integrate next, each recommendation with the reasons of the rules that led to it.
import { type FormEvent, useEffect, useState } from 'react';
import { useIntl } from '../../i18n/index.tsx';
import { ok } from '../../ui/api.ts';
import type { paths } from '../../ui/api-types.ts';
import { ErrorNotice, SelectField, TextField, useLoad } from '../../ui/components.tsx';
import { useAction } from '../../ui/data-table.tsx';
import { useApi } from '../../ui/key-gate.tsx';
import { ProblemScope } from '../../ui/problem.tsx';
import { useScoreText } from './score-text.ts';

type Profile = paths['/api/score/advisor/profile']['put']['requestBody']['content']['application/json'];
const COMMERCE = ['fashion', 'grocery', 'electronics', 'home', 'beauty', 'sports', 'b2b', 'other'] as const;
const HABITS = ['digital_first', 'mixed', 'store_first'] as const;
const LOYALTY = ['low', 'medium', 'high'] as const;
const GOALS = [
  'grow_online',
  'store_traffic',
  'retention',
  'new_customers',
  'efficiency',
  'service',
] as const;
const BLANK: Profile = {
  commerceType: 'other',
  customerHabits: 'mixed',
  loyalty: 'medium',
  annualOrders: 0,
  yearsInBusiness: 0,
  goals: [],
};

export function AdvisorPanel({ days }: { days: number }) {
  const intl = useIntl();
  const api = useApi();
  const text = useScoreText();
  const answer = useLoad(() => ok(api.GET('/api/score/advisor', { params: { query: { days } } })), [days]);
  const [form, setForm] = useState<Profile>(BLANK);
  const [orders, setOrders] = useState('0');
  const [years, setYears] = useState('0');
  const saved = answer.data?.profile;
  useEffect(() => {
    if (!saved) return;
    setForm(saved);
    setOrders(String(saved.annualOrders));
    setYears(String(saved.yearsInBusiness));
  }, [saved]);
  const { run, notices, error } = useAction();
  const save = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await ok(
        api.PUT('/api/score/advisor/profile', {
          body: { ...form, annualOrders: Number(orders), yearsInBusiness: Number(years) },
        }),
      );
      answer.reload();
    }, intl.t('score.advisor.saved'));
  };
  const options = <T extends string>(list: readonly T[], prefix: string) =>
    list.map((v) => ({ value: v, label: text(`${prefix}.${v}`) }));
  const toggleGoal = (g: (typeof GOALS)[number], on: boolean) =>
    setForm((f) => ({ ...f, goals: on ? [...f.goals, g] : f.goals.filter((x) => x !== g) }));
  return (
    <section className="card stack" aria-labelledby="advisor-title" data-testid="advisor">
      <h2 id="advisor-title">{intl.t('score.advisor.title')}</h2>
      <p className="hint">{intl.t('score.advisor.hint')}</p>
      <ErrorNotice error={answer.error} />
      {notices}
      <ProblemScope error={error}>
        <form className="stack" onSubmit={save} aria-label={intl.t('score.advisor.title')}>
          <SelectField
            label={intl.t('score.advisor.commerceType')}
            value={form.commerceType}
            options={options(COMMERCE, 'score.commerce')}
            onChange={(v) => setForm((f) => ({ ...f, commerceType: v }))}
            field="commerceType"
          />
          <SelectField
            label={intl.t('score.advisor.customerHabits')}
            value={form.customerHabits}
            options={options(HABITS, 'score.habits')}
            onChange={(v) => setForm((f) => ({ ...f, customerHabits: v }))}
            field="customerHabits"
          />
          <SelectField
            label={intl.t('score.advisor.loyalty')}
            value={form.loyalty}
            options={options(LOYALTY, 'score.loyalty')}
            onChange={(v) => setForm((f) => ({ ...f, loyalty: v }))}
            field="loyalty"
          />
          <TextField
            label={intl.t('score.advisor.annualOrders')}
            value={orders}
            onChange={setOrders}
            type="number"
            field="annualOrders"
          />
          <TextField
            label={intl.t('score.advisor.yearsInBusiness')}
            value={years}
            onChange={setYears}
            type="number"
            field="yearsInBusiness"
          />
          <fieldset data-field="goals">
            <legend>{intl.t('score.advisor.goals')}</legend>
            {GOALS.map((g) => (
              <label key={g}>
                <input
                  type="checkbox"
                  name="goals"
                  value={g}
                  checked={form.goals.includes(g)}
                  onChange={(e) => toggleGoal(g, e.target.checked)}
                />{' '}
                {text(`score.goal.${g}`)}
              </label>
            ))}
          </fieldset>
          <button type="submit">{intl.t('score.advisor.save')}</button>
        </form>
      </ProblemScope>
      {saved ? (
        <>
          <h3>{intl.t('score.advisor.advice')}</h3>
          {answer.data?.advice.length ? (
            <ol data-testid="advice">
              {answer.data.advice.map((a) => (
                <li key={a.code} data-advice={a.code}>
                  <strong>{text(`score.rec.${a.code}`)}</strong>{' '}
                  <span className="hint">{intl.t('score.advisor.priority', { priority: a.priority })}</span>
                  <ul>
                    {a.reasons.map((r) => (
                      <li key={r.rule}>{text(`score.rule.${r.rule}`)}</li>
                    ))}
                  </ul>
                </li>
              ))}
            </ol>
          ) : (
            <p>{intl.t('score.advisor.nothing')}</p>
          )}
        </>
      ) : (
        <p className="hint">{intl.t('score.advisor.fillIn')}</p>
      )}
    </section>
  );
}
