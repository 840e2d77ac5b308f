// The loyalty rules: whether customers earn, the base rate, a rate per channel and per catalog
// category (0 excludes one), when points expire, and the tiers (loyalty-tiers.tsx). Point values are
// kept as they are.
// A bad rate is sent as typed, so the hub refuses it naming the field that is then highlighted.
import { useEffect, useState } from 'react';
import { useIntl } from '../../i18n/index.tsx';
import { ok } from '../../ui/api.ts';
import type { paths } from '../../ui/api-types.ts';
import { Loading, SelectField, TextAreaField, TextField, useLoad } from '../../ui/components.tsx';
import { FormPanel, useAction } from '../../ui/data-table.tsx';
import { useApi } from '../../ui/key-gate.tsx';
import { ProblemScope } from '../../ui/problem.tsx';
import { type TierDraft, TierRows, tierDraft } from './loyalty-tiers.tsx';

type Rules = paths['/api/wallet/loyalty-rules']['get']['responses'][200]['content']['application/json'];

/** A number as typed, or the text itself (the hub names what is wrong with it). */
const numeric = (s: string): number | string =>
  s.trim() !== '' && Number.isFinite(Number(s)) ? Number(s) : s;

/** "apparel = 2" lines to a record; a line without "=" keeps its text as the rate for the hub to refuse. */
export function parseRates(text: string): Record<string, number | string> {
  const out: Record<string, number | string> = {};
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const at = line.indexOf('=');
    const key = (at < 0 ? line : line.slice(0, at)).trim();
    out[key] = at < 0 ? '' : numeric(line.slice(at + 1));
  }
  return out;
}

export function LoyaltyPage() {
  const intl = useIntl();
  const api = useApi();
  const rules = useLoad(() => ok(api.GET('/api/wallet/loyalty-rules')), []);
  const channels = useLoad(() => ok(api.GET('/api/channels')), []);
  const [form, setForm] = useState({ enabled: 'yes', perUnit: '', expiry: '', categories: '' });
  const [channelRates, setChannelRates] = useState<Record<string, string>>({});
  const [tiers, setTiers] = useState<TierDraft[]>([]);
  const { run, notices, error } = useAction();
  const fill = (r: Rules) => {
    setForm({
      enabled: r.enabled ? 'yes' : 'no',
      perUnit: String(r.pointsPerUnit),
      expiry: r.pointsExpireAfterDays === null ? '' : String(r.pointsExpireAfterDays),
      categories: Object.entries(r.categories)
        .map(([c, rate]) => `${c} = ${rate}`)
        .join('\n'),
    });
    setChannelRates(Object.fromEntries(Object.entries(r.channels).map(([id, rate]) => [id, String(rate)])));
    setTiers(r.tiers.map(tierDraft));
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: the form is filled once per load
  useEffect(() => {
    if (rules.data) fill(rules.data);
  }, [rules.data]);
  if (!rules.data) return <Loading />;
  const loaded = rules.data;
  const save = () =>
    void run(async () => {
      const body = {
        ...loaded,
        enabled: form.enabled === 'yes',
        pointsPerUnit: numeric(form.perUnit),
        pointsExpireAfterDays: form.expiry.trim() === '' ? null : numeric(form.expiry),
        channels: Object.fromEntries(
          Object.entries(channelRates)
            .filter(([, v]) => v.trim() !== '')
            .map(([id, v]) => [id, numeric(v)]),
        ),
        categories: parseRates(form.categories),
        tiers: tiers.map((t) => ({
          code: t.code.trim(),
          name: t.name.trim(),
          threshold: numeric(t.threshold),
          multiplier: numeric(t.multiplier),
        })),
      };
      fill(await ok(api.PUT('/api/wallet/loyalty-rules', { body: body as never })));
    }, intl.t('loyalty.saved'));
  return (
    <section aria-labelledby="loyalty-title">
      <h1 id="loyalty-title">{intl.t('loyalty.title')}</h1>
      <p>{intl.t('loyalty.intro')}</p>
      <ProblemScope error={error}>
        <FormPanel
          label={intl.t('loyalty.title')}
          submit={intl.t('common.save')}
          onSubmit={save}
          layout="stack"
        >
          <SelectField
            label={intl.t('loyalty.enabled')}
            field="body.enabled"
            value={form.enabled}
            options={[
              { value: 'yes', label: intl.t('loyalty.on') },
              { value: 'no', label: intl.t('loyalty.off') },
            ]}
            onChange={(enabled) => setForm({ ...form, enabled })}
          />
          <TextField
            label={intl.t('loyalty.perUnit')}
            field="body.pointsPerUnit"
            value={form.perUnit}
            onChange={(perUnit) => setForm({ ...form, perUnit })}
          />
          <TextField
            label={intl.t('loyalty.expiry')}
            field="body.pointsExpireAfterDays"
            value={form.expiry}
            hint={intl.t('loyalty.expiryHint')}
            onChange={(expiry) => setForm({ ...form, expiry })}
          />
          <h2>{intl.t('loyalty.channels')}</h2>
          {(channels.data?.items ?? []).map((c) => (
            <TextField
              key={c.id}
              label={intl.t('loyalty.channelRate', { channel: c.name })}
              field={`body.channels.${c.id}`}
              value={channelRates[c.id] ?? ''}
              hint={intl.t('loyalty.channelHint')}
              onChange={(v) => setChannelRates({ ...channelRates, [c.id]: v })}
            />
          ))}
          <TextAreaField
            label={intl.t('loyalty.categories')}
            field="body.categories"
            value={form.categories}
            hint={intl.t('loyalty.categoriesHint')}
            rows={5}
            onChange={(categories) => setForm({ ...form, categories })}
          />
          <TierRows tiers={tiers} onChange={setTiers} />
          {notices}
        </FormPanel>
      </ProblemScope>
    </section>
  );
}
