// Webhook endpoints on the integrations page: the list with Edit, Delete and "Send test" (a signed
// webhook.test delivery sent at once; its status, time and error shown on the row), and one form
// that creates an endpoint or edits the chosen one. Refused fields are highlighted in the form.
import { useState } from 'react';
import { useIntl } from '../../i18n/index.tsx';
import { ok } from '../../ui/api.ts';
import { SelectField, TextField, useLoad } from '../../ui/components.tsx';
import { useConfirm } from '../../ui/confirm-dialog.tsx';
import { FormPanel, LoadedTable, type useAction } from '../../ui/data-table.tsx';
import { useApi } from '../../ui/key-gate.tsx';
import { ProblemScope } from '../../ui/problem.tsx';
import { RowActions, type TestOutcome } from './row-actions.tsx';

type Action = ReturnType<typeof useAction>;
type Format = 'standard' | 'cloudevents';
type Status = 'active' | 'disabled';
interface Form {
  url: string;
  description: string;
  types: string;
  format: Format;
  status: Status;
}
const EMPTY: Form = { url: '', description: '', types: '', format: 'standard', status: 'active' };
export function WebhookEndpointsPanel({ action, onChange }: { action: Action; onChange(): void }) {
  const intl = useIntl();
  const api = useApi();
  const endpoints = useLoad(() => ok(api.GET('/api/webhooks/endpoints')), []);
  const [form, setForm] = useState<Form>(EMPTY);
  const [editing, setEditing] = useState<string | null>(null);
  const [tests, setTests] = useState<Record<string, TestOutcome>>({});
  const changed = () => {
    endpoints.reload();
    onChange();
  };
  const types = form.types.split(/[\s,]+/).filter(Boolean);

  const save = () =>
    action.run(
      async () => {
        const body = { url: form.url, description: form.description, types, format: form.format };
        if (editing) {
          await ok(
            api.PATCH('/api/webhooks/endpoints/{id}', {
              params: { path: { id: editing } },
              body: { ...body, status: form.status },
            }),
          );
          setEditing(null);
          setForm(EMPTY);
          changed();
          return null;
        }
        const created = await ok(api.POST('/api/webhooks/endpoints', { body }));
        setForm(EMPTY);
        changed();
        return created.secret;
      },
      (secret) => (secret ? intl.t('integrations.secretOnce', { secret }) : intl.t('endpoints.saved')),
    );
  const confirm = useConfirm();
  const remove = async (id: string, url: string) => {
    const question = intl.t('endpoints.confirmDelete', { url });
    if (!(await confirm.ask({ question, confirm: intl.t('endpoints.delete') }))) return;
    void action.run(async () => {
      await ok(api.DELETE('/api/webhooks/endpoints/{id}', { params: { path: { id } } }));
      if (editing === id) {
        setEditing(null);
        setForm(EMPTY);
      }
      changed();
    }, intl.t('endpoints.deleted'));
  };
  const sendTest = (id: string) =>
    action.run(async () => {
      const r = await ok(
        api.POST('/api/webhooks/endpoints/{id}/test', { params: { path: { id } }, body: {} }),
      );
      setTests((all) => ({ ...all, [id]: r }));
    });
  const edit = (e: NonNullable<typeof endpoints.data>['items'][number]) => {
    setEditing(e.id);
    setForm({
      url: e.url,
      description: e.description,
      types: e.types.join(' '),
      format: e.format,
      status: e.status,
    });
  };
  const editingUrl = endpoints.data?.items.find((e) => e.id === editing)?.url ?? '';

  return (
    <>
      {confirm.dialog}
      <h2>{intl.t('endpoints.title')}</h2>
      <LoadedTable
        load={endpoints}
        items={endpoints.data?.items}
        empty={intl.t('integrations.none')}
        caption={intl.t('endpoints.title')}
        rowKey={(e) => e.id}
        rowProps={(e) => ({ 'data-endpoint-row': e.url })}
        columns={[
          { header: intl.t('endpoints.url'), cell: (e) => <span className="wrap">{e.url}</span> },
          { header: intl.t('endpoints.description'), cell: (e) => e.description },
          {
            header: intl.t('integrations.types'),
            cell: (e) => (e.types.length ? e.types.join(' ') : intl.t('endpoints.allTypes')),
          },
          { header: intl.t('endpoints.status'), cell: (e) => intl.t(`endpointStatus.${e.status}`) },
          {
            header: '',
            cellProps: { 'data-testid': 'endpoint-actions' },
            cell: (e) => (
              <RowActions
                actions={[
                  { label: intl.t('endpoints.sendTest'), onClick: () => sendTest(e.id) },
                  { label: intl.t('endpoints.edit'), onClick: () => edit(e) },
                  {
                    label: intl.t('endpoints.delete'),
                    onClick: () => void remove(e.id, e.url),
                    danger: true,
                  },
                ]}
                test={{
                  outcome: tests[e.id],
                  testId: 'endpoint-test-result',
                  keys: {
                    ok: 'endpoints.testSent',
                    refused: 'endpoints.testFailedStatus',
                    none: 'endpoints.testNoAnswer',
                  },
                }}
              />
            ),
          },
        ]}
      />
      <ProblemScope error={action.error}>
        <FormPanel
          label={editing ? intl.t('endpoints.editTitle', { url: editingUrl }) : intl.t('integrations.new')}
          title={editing ? intl.t('endpoints.editTitle', { url: editingUrl }) : intl.t('integrations.new')}
          submit={editing ? intl.t('endpoints.save') : intl.t('common.create')}
          onSubmit={save}
        >
          <TextField
            label={intl.t('endpoints.url')}
            type="url"
            field="body.url"
            value={form.url}
            onChange={(url) => setForm({ ...form, url })}
            required
          />
          <TextField
            label={intl.t('endpoints.description')}
            field="body.description"
            value={form.description}
            onChange={(description) => setForm({ ...form, description })}
          />
          <TextField
            label={intl.t('integrations.types')}
            field="body.types"
            value={form.types}
            onChange={(v) => setForm({ ...form, types: v })}
            hint={intl.t('integrations.typesHint')}
          />
          <SelectField<Format>
            label={intl.t('endpoints.format')}
            value={form.format}
            onChange={(format) => setForm({ ...form, format })}
            options={[
              { value: 'standard', label: intl.t('endpoints.format.standard') },
              { value: 'cloudevents', label: intl.t('endpoints.format.cloudevents') },
            ]}
          />
          {editing ? (
            <>
              <SelectField<Status>
                label={intl.t('endpoints.status')}
                value={form.status}
                onChange={(status) => setForm({ ...form, status })}
                options={[
                  { value: 'active', label: intl.t('endpointStatus.active') },
                  { value: 'disabled', label: intl.t('endpointStatus.disabled') },
                ]}
              />
              <button
                type="button"
                className="secondary"
                onClick={() => {
                  setEditing(null);
                  setForm(EMPTY);
                }}
              >
                {intl.t('endpoints.cancel')}
              </button>
            </>
          ) : null}
        </FormPanel>
      </ProblemScope>
    </>
  );
}
