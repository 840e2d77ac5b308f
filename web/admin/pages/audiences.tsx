// The customer data platform in the admin: audiences (a JSON rule editor, member counts), computed
// traits, destinations and the tracking plan's violations. Rules are checked by the hub; a problem
// names the field of the rule that is wrong.
import { useState } from 'react';
import { useIntl } from '../../i18n/index.tsx';
import { ok } from '../../ui/api.ts';
import { Field, Pill, TextField, useLoad } from '../../ui/components.tsx';
import { FormPanel, LoadedTable, useAction } from '../../ui/data-table.tsx';
import { useApi } from '../../ui/key-gate.tsx';

const EXAMPLE_RULE = JSON.stringify(
  { all: [{ type: 'event', name: 'Order Completed', count: 1, withinDays: 30 }] },
  null,
  2,
);

export function AudiencesPage() {
  const intl = useIntl();
  const api = useApi();
  const audiences = useLoad(() => ok(api.GET('/api/audiences')), []);
  const traits = useLoad(() => ok(api.GET('/api/computed-traits')), []);
  const destinations = useLoad(() => ok(api.GET('/api/destinations')), []);
  const violations = useLoad(() => ok(api.GET('/api/tracking-plan/violations')), []);
  const [form, setForm] = useState({ key: '', name: '', rule: EXAMPLE_RULE });
  const action = useAction();

  const create = () =>
    action.run(async () => {
      let rule: unknown;
      try {
        rule = JSON.parse(form.rule);
      } catch {
        throw new Error(intl.t('cdp.ruleNotJson'));
      }
      await ok(
        api.POST('/api/audiences', {
          // The hub validates the rule and names the wrong part of it.
          body: { key: form.key, name: form.name, rule: rule as never },
        }),
      );
      setForm({ ...form, key: '', name: '' });
      audiences.reload();
    }, intl.t('cdp.created'));

  return (
    <section aria-labelledby="cdp-title">
      <h1 id="cdp-title">{intl.t('cdp.title')}</h1>
      {action.notices}
      <h2>{intl.t('cdp.audiences')}</h2>
      <button type="button" className="secondary" onClick={() => audiences.reload()}>
        {intl.t('cdp.refresh')}
      </button>
      <LoadedTable
        load={audiences}
        items={audiences.data?.items}
        rowKey={(a) => a.id}
        rowProps={(a) => ({ 'data-audience': a.key })}
        columns={[
          { header: intl.t('cdp.name'), cell: (a) => a.name },
          { header: intl.t('cdp.key'), cell: (a) => <code>{a.key}</code> },
          {
            header: intl.t('cdp.status'),
            cell: (a) => <Pill tone={a.status === 'active' ? 'good' : 'neutral'}>{a.status}</Pill>,
          },
          {
            header: intl.t('cdp.members'),
            cell: (a) => <span data-testid="member-count">{intl.number(a.memberCount)}</span>,
          },
        ]}
      />
      <FormPanel
        label={intl.t('cdp.newAudience')}
        title={intl.t('cdp.newAudience')}
        submit={intl.t('common.create')}
        onSubmit={create}
        layout="stack"
      >
        <TextField
          label={intl.t('cdp.key')}
          value={form.key}
          field="key"
          required
          onChange={(key) => setForm({ ...form, key })}
        />
        <TextField
          label={intl.t('cdp.name')}
          value={form.name}
          field="name"
          required
          onChange={(name) => setForm({ ...form, name })}
        />
        <Field label={intl.t('cdp.rule')} field="rule" hint={intl.t('cdp.ruleHint')}>
          {(id, invalid) => (
            <textarea
              id={id}
              rows={8}
              spellCheck={false}
              aria-invalid={invalid || undefined}
              value={form.rule}
              onChange={(e) => setForm({ ...form, rule: e.target.value })}
            />
          )}
        </Field>
      </FormPanel>

      <h2>{intl.t('cdp.computedTraits')}</h2>
      <LoadedTable
        load={traits}
        items={traits.data?.items}
        rowKey={(c) => c.id}
        columns={[
          { header: intl.t('cdp.trait'), cell: (c) => <code>{c.traitKey}</code> },
          { header: intl.t('cdp.aggregate'), cell: (c) => c.definition.aggregate },
          { header: intl.t('cdp.event'), cell: (c) => c.definition.event },
          { header: intl.t('cdp.window'), cell: (c) => intl.number(c.definition.windowDays) },
          { header: intl.t('cdp.status'), cell: (c) => c.status },
        ]}
      />

      <h2>{intl.t('cdp.destinations')}</h2>
      <LoadedTable
        load={destinations}
        items={destinations.data?.items}
        rowKey={(d) => d.id}
        columns={[
          { header: intl.t('cdp.name'), cell: (d) => d.name },
          { header: intl.t('cdp.kinds'), cell: (d) => d.kinds.join(', ') },
          { header: intl.t('cdp.purpose'), cell: (d) => d.purpose ?? '—' },
          { header: intl.t('cdp.status'), cell: (d) => d.status },
        ]}
      />

      <h2>{intl.t('cdp.violations')}</h2>
      <LoadedTable
        load={violations}
        items={violations.data?.items}
        rowKey={(v) => v.eventName}
        columns={[
          { header: intl.t('cdp.event'), cell: (v) => v.eventName },
          { header: intl.t('cdp.violationCount'), cell: (v) => intl.number(v.violations) },
          { header: intl.t('cdp.blocked'), cell: (v) => intl.number(v.blocked) },
          { header: intl.t('cdp.lastAt'), cell: (v) => intl.date(v.lastAt) },
        ]}
      />
    </section>
  );
}
