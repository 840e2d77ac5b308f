// API keys: who may call the hub, with which scopes, bound to which channel. Secrets are shown once.
import { useState } from 'react';
import { useIntl } from '../../i18n/index.tsx';
import { ok } from '../../ui/api.ts';
import { Pill, SelectField, TextField, useLoad } from '../../ui/components.tsx';
import { FormPanel, LoadedTable, useAction } from '../../ui/data-table.tsx';
import { useApi, useSession } from '../../ui/key-gate.tsx';
import { ProblemScope } from '../../ui/problem.tsx';

export function KeysPage() {
  const intl = useIntl();
  const api = useApi();
  const { me } = useSession();
  const keys = useLoad(() => ok(api.GET('/api/keys')), []);
  const channels = useLoad(() => ok(api.GET('/api/channels')), []);
  const [form, setForm] = useState({ name: '', scopes: 'catalog:read', channelId: '' });
  const action = useAction();
  const channelName = (id: string | null) =>
    id ? (channels.data?.items.find((c) => c.id === id)?.code ?? id) : intl.t('keys.allChannels');

  const create = () =>
    action.run(
      async () => {
        const k = await ok(
          api.POST('/api/keys', {
            body: {
              name: form.name,
              scopes: form.scopes.split(/[\s,]+/).filter(Boolean),
              channelId: form.channelId || null,
            },
          }),
        );
        setForm({ ...form, name: '' });
        keys.reload();
        return k.secret;
      },
      (secret) => (
        <>
          {intl.t('keys.secretOnce')} <code data-testid="new-secret">{secret}</code>
        </>
      ),
    );
  const revoke = (id: string) =>
    action.run(async () => {
      await ok(api.DELETE('/api/keys/{id}', { params: { path: { id } } }));
      keys.reload();
    });

  return (
    <section aria-labelledby="keys-title">
      <h1 id="keys-title">{intl.t('keys.title')}</h1>
      {action.notices}
      <LoadedTable
        load={keys}
        items={keys.data?.items}
        rowKey={(k) => k.id}
        columns={[
          { header: intl.t('keys.name'), cell: (k) => k.name },
          { header: intl.t('keys.prefix'), cell: (k) => <code>{k.prefix}…</code> },
          { header: intl.t('keys.scopes'), cell: (k) => k.scopes.join(' ') },
          { header: intl.t('keys.channel'), cell: (k) => channelName(k.channelId) },
          { header: intl.t('keys.lastUsed'), cell: (k) => intl.date(k.lastUsedAt) },
          {
            header: intl.t('channels.status'),
            cell: (k) =>
              k.revokedAt ? (
                <Pill tone="bad">{intl.t('keys.revoked')}</Pill>
              ) : k.id === me.keyId ? (
                <Pill tone="info">{intl.t('keys.thisKey')}</Pill>
              ) : (
                <button type="button" className="link" onClick={() => revoke(k.id)}>
                  {intl.t('keys.revoke')}
                  <span className="visually-hidden"> {k.name}</span>
                </button>
              ),
          },
        ]}
      />
      <h2>{intl.t('keys.new')}</h2>
      <ProblemScope error={action.error}>
        <FormPanel label={intl.t('keys.new')} submit={intl.t('common.create')} onSubmit={create}>
          <TextField
            label={intl.t('keys.name')}
            field="body.name"
            value={form.name}
            onChange={(name) => setForm({ ...form, name })}
            required
          />
          <TextField
            label={intl.t('keys.scopes')}
            field="body.scopes"
            value={form.scopes}
            onChange={(scopes) => setForm({ ...form, scopes })}
            hint={intl.t('keys.scopesHint')}
            required
          />
          <SelectField
            label={intl.t('keys.channel')}
            field="body.channelId"
            value={form.channelId}
            options={[
              { value: '', label: intl.t('keys.allChannels') },
              ...(channels.data?.items ?? []).map((c) => ({ value: c.id, label: c.name })),
            ]}
            onChange={(channelId) => setForm({ ...form, channelId })}
          />
        </FormPanel>
      </ProblemScope>
    </section>
  );
}
