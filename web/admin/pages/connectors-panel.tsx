// Inbound connectors on the integrations page: the list with Edit, Pause/Resume and Delete, and one form that
// creates a connector (its delivery path and signing secret shown once) or edits the chosen one.
// There is nothing to "test" here: the source calls the hub, so the hint says where it must send.
import { useState } from 'react';
import { useIntl } from '../../i18n/index.tsx';
import { ok } from '../../ui/api.ts';
import { SelectField, TextField, useLoad } from '../../ui/components.tsx';
import { useConfirm } from '../../ui/confirm-dialog.tsx';
import { FormPanel, LoadedTable, type useAction } from '../../ui/data-table.tsx';
import { useApi } from '../../ui/key-gate.tsx';
import { ProblemScope } from '../../ui/problem.tsx';
import { RowActions } from './row-actions.tsx';

type Action = ReturnType<typeof useAction>;
type Kind = 'generic' | 'shopify' | 'woocommerce';
type Status = 'active' | 'paused';
interface Form {
  kind: Kind;
  name: string;
  channelId: string;
  secret: string;
  status: Status;
}
const EMPTY: Form = { kind: 'generic', name: '', channelId: '', secret: '', status: 'active' };

export function ConnectorsPanel({ action, onChange }: { action: Action; onChange(): void }) {
  const intl = useIntl();
  const api = useApi();
  const connectors = useLoad(() => ok(api.GET('/api/connectors')), []);
  const channels = useLoad(() => ok(api.GET('/api/channels')), []);
  const [form, setForm] = useState<Form>(EMPTY);
  const [editing, setEditing] = useState<string | null>(null);
  const changed = () => {
    connectors.reload();
    onChange();
  };
  const reset = () => {
    setEditing(null);
    setForm(EMPTY);
  };

  const save = () =>
    action.run(
      async () => {
        const channelId = form.channelId || null;
        if (editing) {
          await ok(
            api.PATCH('/api/connectors/{id}', {
              params: { path: { id: editing } },
              body: { name: form.name, channelId, status: form.status },
            }),
          );
          reset();
          changed();
          return null;
        }
        const created = await ok(
          api.POST('/api/connectors', {
            body: {
              kind: form.kind,
              name: form.name,
              channelId,
              ...(form.secret ? { secret: form.secret } : {}),
            },
          }),
        );
        reset();
        changed();
        return created;
      },
      (created) =>
        created
          ? intl.t('connectors.created', { path: created.deliveryPath, secret: created.secret })
          : intl.t('connectors.saved'),
    );
  const setStatus = (id: string, status: Status) =>
    action.run(async () => {
      await ok(api.PATCH('/api/connectors/{id}', { params: { path: { id } }, body: { status } }));
      changed();
    }, intl.t('connectors.saved'));

  const confirm = useConfirm();
  const remove = async (id: string, name: string) => {
    const question = intl.t('connectors.confirmDelete', { name });
    if (!(await confirm.ask({ question, confirm: intl.t('endpoints.delete') }))) return;
    void action.run(async () => {
      await ok(api.DELETE('/api/connectors/{id}', { params: { path: { id } } }));
      if (editing === id) reset();
      changed();
    }, intl.t('connectors.deleted'));
  };
  const edit = (c: NonNullable<typeof connectors.data>['items'][number]) => {
    setEditing(c.id);
    setForm({ ...EMPTY, kind: c.kind, name: c.name, channelId: c.channelId ?? '', status: c.status });
  };

  return (
    <>
      {confirm.dialog}
      <LoadedTable
        load={connectors}
        items={connectors.data?.items}
        empty={intl.t('integrations.noConnectors')}
        caption={intl.t('integrations.connectors')}
        rowKey={(c) => c.id}
        rowProps={(c) => ({ 'data-connector-row': c.name })}
        columns={[
          { header: intl.t('connectors.name'), cell: (c) => c.name },
          { header: intl.t('connectors.kind'), cell: (c) => intl.t(`connectors.kind.${c.kind}`) },
          { header: intl.t('endpoints.status'), cell: (c) => intl.t(`connectors.status.${c.status}`) },
          {
            header: '',
            cell: (c) => (
              <RowActions
                actions={[
                  { label: intl.t('endpoints.edit'), onClick: () => edit(c) },
                  {
                    label: intl.t(c.status === 'active' ? 'channels.pause' : 'channels.resume'),
                    onClick: () => setStatus(c.id, c.status === 'active' ? 'paused' : 'active'),
                  },
                  {
                    label: intl.t('endpoints.delete'),
                    onClick: () => void remove(c.id, c.name),
                    danger: true,
                  },
                ]}
              />
            ),
          },
        ]}
      />
      <ProblemScope error={action.error}>
        <FormPanel
          label={editing ? intl.t('endpoints.edit') : intl.t('connectors.new')}
          title={editing ? `${intl.t('endpoints.edit')}: ${form.name}` : intl.t('connectors.new')}
          submit={editing ? intl.t('endpoints.save') : intl.t('common.create')}
          onSubmit={save}
        >
          {editing ? null : (
            <SelectField<Kind>
              label={intl.t('connectors.kind')}
              value={form.kind}
              onChange={(kind) => setForm({ ...form, kind })}
              options={(['generic', 'shopify', 'woocommerce'] as const).map((k) => ({
                value: k,
                label: intl.t(`connectors.kind.${k}`),
              }))}
            />
          )}
          <TextField
            label={intl.t('connectors.name')}
            field="body.name"
            value={form.name}
            onChange={(name) => setForm({ ...form, name })}
            required
          />
          <SelectField<string>
            label={intl.t('connectors.channel')}
            field="body.channelId"
            value={form.channelId}
            onChange={(channelId) => setForm({ ...form, channelId })}
            options={[
              { value: '', label: intl.t('connectors.noChannel') },
              ...(channels.data?.items ?? []).map((c) => ({ value: c.id, label: c.name })),
            ]}
          />
          {editing ? (
            <>
              <SelectField<Status>
                label={intl.t('endpoints.status')}
                value={form.status}
                onChange={(status) => setForm({ ...form, status })}
                options={[
                  { value: 'active', label: intl.t('connectors.status.active') },
                  { value: 'paused', label: intl.t('connectors.status.paused') },
                ]}
              />
              <button type="button" className="secondary" onClick={reset}>
                {intl.t('endpoints.cancel')}
              </button>
            </>
          ) : (
            <TextField
              label={intl.t('connectors.secret')}
              field="body.secret"
              value={form.secret}
              onChange={(secret) => setForm({ ...form, secret })}
              hint={intl.t('connectors.secretHint')}
            />
          )}
        </FormPanel>
      </ProblemScope>
      <p className="hint">{intl.t('connectors.pauseHint')}</p>
    </>
  );
}
