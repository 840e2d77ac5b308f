// The customer data platform in the admin: audiences (a JSON rule editor to create or edit, member
// counts), computed traits and destinations (cdp-definitions.tsx) and the tracking plan's violations.
// Rules are checked by the hub; a problem names the field of the rule that is wrong. A saved rule is
// evaluated for existing customers in the background (the member count follows).
import { useState } from 'react';
import { useIntl } from '../../i18n/index.tsx';
import { ok } from '../../ui/api.ts';
import { Field, TextField, useLoad } from '../../ui/components.tsx';
import { FormPanel, LoadedTable, useAction } from '../../ui/data-table.tsx';
import { useApi } from '../../ui/key-gate.tsx';
import { ProblemScope } from '../../ui/problem.tsx';
import { ComputedTraitsPanel, DestinationsPanel, StatusAndCancel, StatusPill } from './cdp-definitions.tsx';

const EXAMPLE_RULE = JSON.stringify(
  { all: [{ type: 'event', name: 'Order Completed', count: 1, withinDays: 30 }] },
  null,
  2,
);

export function AudiencesPage() {
  const intl = useIntl();
  const api = useApi();
  const audiences = useLoad(() => ok(api.GET('/api/audiences')), []);
  const violations = useLoad(() => ok(api.GET('/api/tracking-plan/violations')), []);
  const empty = { key: '', name: '', rule: EXAMPLE_RULE, status: 'active' as 'active' | 'paused' };
  const [form, setForm] = useState(empty);
  const [editing, setEditing] = useState<string | null>(null);
  const action = useAction();

  const save = () =>
    action.run(async () => {
      let rule: unknown;
      try {
        rule = JSON.parse(form.rule);
      } catch {
        throw new Error(intl.t('cdp.ruleNotJson'));
      }
      // The hub validates the rule and names the wrong part of it.
      if (editing)
        await ok(
          api.PATCH('/api/audiences/{id}', {
            params: { path: { id: editing } },
            body: { name: form.name, rule: rule as never, status: form.status },
          }),
        );
      else
        await ok(
          api.POST('/api/audiences', {
            body: { key: form.key, name: form.name, rule: rule as never, status: form.status },
          }),
        );
      setEditing(null);
      setForm(empty);
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
          { header: intl.t('cdp.status'), cell: (a) => <StatusPill status={a.status} /> },
          {
            header: intl.t('cdp.members'),
            cell: (a) => <span data-testid="member-count">{intl.number(a.memberCount)}</span>,
          },
          {
            header: '',
            cell: (a) => (
              <button
                type="button"
                className="secondary"
                onClick={() => {
                  setEditing(a.id);
                  setForm({
                    key: a.key,
                    name: a.name,
                    rule: JSON.stringify(a.rule, null, 2),
                    status: a.status,
                  });
                }}
              >
                {intl.t('cdp.edit')}
              </button>
            ),
          },
        ]}
      />
      <ProblemScope error={action.error}>
        <FormPanel
          label={intl.t(editing ? 'cdp.editAudience' : 'cdp.newAudience')}
          title={intl.t(editing ? 'cdp.editAudience' : 'cdp.newAudience')}
          submit={intl.t(editing ? 'common.save' : 'common.create')}
          onSubmit={save}
          layout="stack"
        >
          <TextField
            label={intl.t('cdp.key')}
            value={form.key}
            field="body.key"
            required
            readOnly={editing !== null}
            onChange={(key) => setForm({ ...form, key })}
          />
          <TextField
            label={intl.t('cdp.name')}
            value={form.name}
            field="body.name"
            required
            onChange={(name) => setForm({ ...form, name })}
          />
          <Field label={intl.t('cdp.rule')} field="body.rule" hint={intl.t('cdp.ruleHint')}>
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
          <StatusAndCancel
            status={form.status}
            onStatus={(status) => setForm({ ...form, status })}
            editing={editing !== null}
            onCancel={() => {
              setEditing(null);
              setForm(empty);
            }}
          />
        </FormPanel>
      </ProblemScope>

      <ComputedTraitsPanel />
      <DestinationsPanel />
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
