// API keys: who may call the hub, with which scopes, bound to which channel. Secrets are shown once.
import { type FormEvent, useState } from 'react';
import { useIntl } from '../../i18n/index.tsx';
import { ok } from '../../ui/api.ts';
import { ErrorNotice, Loading, Notice, Pill, SelectField, TextField, useLoad } from '../../ui/components.tsx';
import { useApi, useSession } from '../../ui/key-gate.tsx';

export function KeysPage() {
  const intl = useIntl();
  const api = useApi();
  const { me } = useSession();
  const keys = useLoad(() => ok(api.GET('/api/keys')), []);
  const channels = useLoad(() => ok(api.GET('/api/channels')), []);
  const [form, setForm] = useState({ name: '', scopes: 'catalog:read', channelId: '' });
  const [secret, setSecret] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const channelName = (id: string | null) =>
    id ? (channels.data?.items.find((c) => c.id === id)?.code ?? id) : intl.t('keys.allChannels');

  const create = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const k = await ok(
        api.POST('/api/keys', {
          body: {
            name: form.name,
            scopes: form.scopes.split(/[\s,]+/).filter(Boolean),
            channelId: form.channelId || null,
          },
        }),
      );
      setSecret(k.secret);
      setForm({ ...form, name: '' });
      keys.reload();
    } catch (err) {
      setError(err);
    }
  };
  const revoke = async (id: string) => {
    setError(null);
    try {
      await ok(api.DELETE('/api/keys/{id}', { params: { path: { id } } }));
      keys.reload();
    } catch (err) {
      setError(err);
    }
  };

  return (
    <section aria-labelledby="keys-title">
      <h1 id="keys-title">{intl.t('keys.title')}</h1>
      <ErrorNotice error={error ?? keys.error} />
      {secret ? (
        <Notice tone="success">
          {intl.t('keys.secretOnce')} <code data-testid="new-secret">{secret}</code>
        </Notice>
      ) : null}
      {keys.loading && !keys.data ? <Loading /> : null}
      {keys.data ? (
        <div className="table-wrap panel">
          <table>
            <thead>
              <tr>
                <th scope="col">{intl.t('keys.name')}</th>
                <th scope="col">{intl.t('keys.prefix')}</th>
                <th scope="col">{intl.t('keys.scopes')}</th>
                <th scope="col">{intl.t('keys.channel')}</th>
                <th scope="col">{intl.t('keys.lastUsed')}</th>
                <th scope="col">{intl.t('channels.status')}</th>
              </tr>
            </thead>
            <tbody>
              {keys.data.items.map((k) => (
                <tr key={k.id}>
                  <td>{k.name}</td>
                  <td>
                    <code>{k.prefix}…</code>
                  </td>
                  <td>{k.scopes.join(' ')}</td>
                  <td>{channelName(k.channelId)}</td>
                  <td>{intl.date(k.lastUsedAt)}</td>
                  <td>
                    {k.revokedAt ? (
                      <Pill tone="bad">{intl.t('keys.revoked')}</Pill>
                    ) : k.id === me.keyId ? (
                      <Pill tone="info">{intl.t('keys.thisKey')}</Pill>
                    ) : (
                      <button type="button" className="link" onClick={() => revoke(k.id)}>
                        {intl.t('keys.revoke')}
                        <span className="visually-hidden"> {k.name}</span>
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <h2>{intl.t('keys.new')}</h2>
      <form className="panel row" onSubmit={create} aria-label={intl.t('keys.new')}>
        <TextField
          label={intl.t('keys.name')}
          value={form.name}
          onChange={(name) => setForm({ ...form, name })}
          required
        />
        <TextField
          label={intl.t('keys.scopes')}
          value={form.scopes}
          onChange={(scopes) => setForm({ ...form, scopes })}
          hint={intl.t('keys.scopesHint')}
          required
        />
        <SelectField
          label={intl.t('keys.channel')}
          value={form.channelId}
          options={[
            { value: '', label: intl.t('keys.allChannels') },
            ...(channels.data?.items ?? []).map((c) => ({ value: c.id, label: c.name })),
          ]}
          onChange={(channelId) => setForm({ ...form, channelId })}
        />
        <button type="submit">{intl.t('common.create')}</button>
      </form>
    </section>
  );
}
