// Channels: every sales and contact channel of the retailer, with links to its storefront or till.
import { type FormEvent, useState } from 'react';
import { useIntl } from '../../i18n/index.tsx';
import { ok } from '../../ui/api.ts';
import {
  Empty,
  ErrorNotice,
  Loading,
  Notice,
  Pill,
  SelectField,
  TextField,
  useLoad,
} from '../../ui/components.tsx';
import { useApi } from '../../ui/key-gate.tsx';

const TYPES = [
  'web',
  'mobile_app',
  'store',
  'marketplace',
  'social',
  'email',
  'chat',
  'messaging',
  'phone',
  'custom',
] as const;
type ChannelType = (typeof TYPES)[number];

export function ChannelsPage() {
  const intl = useIntl();
  const api = useApi();
  const channels = useLoad(() => ok(api.GET('/api/channels')), []);
  const [created, setCreated] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [form, setForm] = useState({
    code: '',
    name: '',
    type: 'web' as ChannelType,
    currency: 'EUR',
    locales: 'en',
  });

  const create = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const c = await ok(
        api.POST('/api/channels', {
          body: {
            code: form.code,
            name: form.name,
            type: form.type,
            currency: form.currency.toUpperCase(),
            locales: form.locales
              .split(',')
              .map((s) => s.trim())
              .filter(Boolean),
          },
        }),
      );
      setCreated(c.code);
      setForm({ ...form, code: '', name: '' });
      channels.reload();
    } catch (err) {
      setError(err);
    }
  };

  const toggle = async (id: string, status: 'active' | 'paused') => {
    setError(null);
    try {
      await ok(api.PATCH('/api/channels/{id}', { params: { path: { id } }, body: { status } }));
      channels.reload();
    } catch (err) {
      setError(err);
    }
  };

  return (
    <section aria-labelledby="channels-title">
      <h1 id="channels-title">{intl.t('channels.title')}</h1>
      <ErrorNotice error={error ?? channels.error} />
      {created ? <Notice tone="success">{intl.t('channels.created', { code: created })}</Notice> : null}
      {channels.loading && !channels.data ? <Loading /> : null}
      {channels.data?.items.length === 0 ? <Empty /> : null}
      {channels.data && channels.data.items.length > 0 ? (
        <div className="table-wrap panel">
          <table>
            <thead>
              <tr>
                <th scope="col">{intl.t('channels.code')}</th>
                <th scope="col">{intl.t('channels.name')}</th>
                <th scope="col">{intl.t('channels.type')}</th>
                <th scope="col">{intl.t('channels.currency')}</th>
                <th scope="col">{intl.t('channels.locales')}</th>
                <th scope="col">{intl.t('channels.status')}</th>
                <th scope="col">{intl.t('channels.apps')}</th>
              </tr>
            </thead>
            <tbody>
              {channels.data.items.map((c) => (
                <tr key={c.id} data-channel={c.code}>
                  <td>
                    <code>{c.code}</code>
                  </td>
                  <td>{c.name}</td>
                  <td>{intl.t(`channelType.${c.type}`)}</td>
                  <td>{c.currency}</td>
                  <td>{c.locales.join(', ')}</td>
                  <td>
                    <Pill tone={c.status === 'active' ? 'ok' : 'warn'}>
                      {intl.t(`channelStatus.${c.status}`)}
                    </Pill>{' '}
                    {c.status !== 'archived' ? (
                      <button
                        type="button"
                        className="link"
                        onClick={() => toggle(c.id, c.status === 'active' ? 'paused' : 'active')}
                      >
                        {intl.t(c.status === 'active' ? 'channels.pause' : 'channels.resume')}
                        <span className="visually-hidden"> {c.name}</span>
                      </button>
                    ) : null}
                  </td>
                  <td>
                    {c.type === 'web' || c.type === 'mobile_app' ? (
                      <a href={`/store/${c.code}`}>{intl.t('channels.openStore')}</a>
                    ) : null}
                    {c.type === 'store' ? <a href={`/pos/${c.code}`}>{intl.t('channels.openPos')}</a> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      <h2>{intl.t('channels.new')}</h2>
      <form className="panel row" onSubmit={create} aria-label={intl.t('channels.new')}>
        <TextField
          label={intl.t('channels.code')}
          value={form.code}
          onChange={(code) => setForm({ ...form, code })}
          required
        />
        <TextField
          label={intl.t('channels.name')}
          value={form.name}
          onChange={(name) => setForm({ ...form, name })}
          required
        />
        <SelectField
          label={intl.t('channels.type')}
          value={form.type}
          options={TYPES.map((t) => ({ value: t, label: intl.t(`channelType.${t}`) }))}
          onChange={(type) => setForm({ ...form, type })}
        />
        <TextField
          label={intl.t('channels.currency')}
          value={form.currency}
          onChange={(currency) => setForm({ ...form, currency })}
          required
        />
        <TextField
          label={intl.t('channels.locales')}
          value={form.locales}
          onChange={(locales) => setForm({ ...form, locales })}
          hint={intl.t('channels.localesHint')}
          required
        />
        <button type="submit">{intl.t('common.create')}</button>
      </form>
    </section>
  );
}
