// The retailer's identity rules: priority, limits per person type, device types, placeholder values
// and the default phone country. The hub checks them and names the field that is wrong.
import { useEffect, useState } from 'react';
import { useIntl } from '../../i18n/index.tsx';
import { ok } from '../../ui/api.ts';
import { Field, TextField, useLoad } from '../../ui/components.tsx';
import { FormPanel, useAction } from '../../ui/data-table.tsx';
import { useApi } from '../../ui/key-gate.tsx';
import { ProblemScope } from '../../ui/problem.tsx';

const lines = (s: string) =>
  s
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

function ListField(props: {
  label: string;
  hint: string;
  field: string;
  value: string;
  onChange(v: string): void;
}) {
  return (
    <Field label={props.label} field={props.field} hint={props.hint}>
      {(id, invalid) => (
        <textarea
          id={id}
          rows={4}
          spellCheck={false}
          aria-invalid={invalid || undefined}
          value={props.value}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

export function IdentityConfigPage() {
  const intl = useIntl();
  const api = useApi();
  const loaded = useLoad(() => ok(api.GET('/api/customers/identity-config')), []);
  const [form, setForm] = useState({
    priority: '',
    limits: '',
    devices: '',
    values: '',
    domains: '',
    country: '',
  });
  const action = useAction();
  const config = loaded.data?.config;
  useEffect(() => {
    if (!config) return;
    setForm({
      priority: config.priority.join('\n'),
      limits: Object.entries(config.maxPerType)
        .map(([k, v]) => `${k}=${v}`)
        .join('\n'),
      devices: config.deviceTypes.join('\n'),
      values: config.blockedValues.join('\n'),
      domains: config.blockedEmailDomains.join('\n'),
      country: config.defaultPhoneCountry ?? '',
    });
  }, [config]);

  const save = () =>
    action.run(async () => {
      if (!config) return;
      const maxPerType = Object.fromEntries(
        lines(form.limits).map((l) => {
          const [k, v] = l.split('=');
          return [k!.trim(), Number(v)];
        }),
      );
      await ok(
        api.PUT('/api/customers/identity-config', {
          body: {
            ...config,
            priority: lines(form.priority),
            maxPerType,
            deviceTypes: lines(form.devices),
            blockedValues: lines(form.values),
            blockedEmailDomains: lines(form.domains),
            defaultPhoneCountry: form.country.trim() || null,
          },
        }),
      );
      loaded.reload();
    }, intl.t('identity.saved'));

  const hint = intl.t('identity.listHint');
  const set = (k: keyof typeof form) => (v: string) => setForm({ ...form, [k]: v });
  return (
    <section aria-labelledby="identity-title">
      <h1 id="identity-title">{intl.t('identity.title')}</h1>
      {action.notices}
      <ProblemScope error={action.error}>
        <FormPanel
          label={intl.t('identity.title')}
          submit={intl.t('common.save')}
          onSubmit={save}
          layout="stack"
          disabled={!config}
        >
          <ListField
            label={intl.t('identity.priority')}
            hint={hint}
            field="priority"
            value={form.priority}
            onChange={set('priority')}
          />
          <ListField
            label={intl.t('identity.limits')}
            hint={hint}
            field="maxPerType"
            value={form.limits}
            onChange={set('limits')}
          />
          <ListField
            label={intl.t('identity.deviceTypes')}
            hint={hint}
            field="deviceTypes"
            value={form.devices}
            onChange={set('devices')}
          />
          <ListField
            label={intl.t('identity.blockedValues')}
            hint={hint}
            field="blockedValues"
            value={form.values}
            onChange={set('values')}
          />
          <ListField
            label={intl.t('identity.blockedEmailDomains')}
            hint={hint}
            field="blockedEmailDomains"
            value={form.domains}
            onChange={set('domains')}
          />
          <TextField
            label={intl.t('identity.phoneCountry')}
            field="defaultPhoneCountry"
            value={form.country}
            onChange={set('country')}
          />
        </FormPanel>
      </ProblemScope>
    </section>
  );
}
