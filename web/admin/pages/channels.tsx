// Channels: every sales and contact channel of the retailer, with links to its storefront or till.
import { useState } from 'react';
import { useIntl } from '../../i18n/index.tsx';
import { ok } from '../../ui/api.ts';
import { Pill, SelectField, TextField, useLoad } from '../../ui/components.tsx';
import { FormPanel, LoadedTable, useAction } from '../../ui/data-table.tsx';
import { useApi } from '../../ui/key-gate.tsx';
import { ProblemScope } from '../../ui/problem.tsx';

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
  const action = useAction();
  const [form, setForm] = useState({
    code: '',
    name: '',
    type: 'web' as ChannelType,
    currency: 'EUR',
    locales: 'en',
  });

  const create = () =>
    action.run(
      async () => {
        await ok(
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
        setForm({ ...form, code: '', name: '' });
        channels.reload();
      },
      intl.t('channels.created', { code: form.code }),
    );
  const toggle = (id: string, status: 'active' | 'paused') =>
    action.run(async () => {
      await ok(api.PATCH('/api/channels/{id}', { params: { path: { id } }, body: { status } }));
      channels.reload();
    });

  return (
    <section aria-labelledby="channels-title">
      <h1 id="channels-title">{intl.t('channels.title')}</h1>
      {action.notices}
      <LoadedTable
        load={channels}
        items={channels.data?.items}
        rowKey={(c) => c.id}
        rowProps={(c) => ({ 'data-channel': c.code })}
        columns={[
          { header: intl.t('channels.code'), cell: (c) => <code>{c.code}</code> },
          { header: intl.t('channels.name'), cell: (c) => c.name },
          { header: intl.t('channels.type'), cell: (c) => intl.t(`channelType.${c.type}`) },
          { header: intl.t('channels.currency'), cell: (c) => c.currency },
          { header: intl.t('channels.locales'), cell: (c) => c.locales.join(', ') },
          {
            header: intl.t('channels.status'),
            cell: (c) => (
              <>
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
              </>
            ),
          },
          {
            header: intl.t('channels.apps'),
            cell: (c) => (
              <>
                {c.type === 'web' || c.type === 'mobile_app' ? (
                  <a href={`/store/${c.code}`}>{intl.t('channels.openStore')}</a>
                ) : null}
                {c.type === 'store' ? <a href={`/pos/${c.code}`}>{intl.t('channels.openPos')}</a> : null}
              </>
            ),
          },
        ]}
      />
      <h2>{intl.t('channels.new')}</h2>
      <ProblemScope error={action.error}>
        <FormPanel label={intl.t('channels.new')} submit={intl.t('common.create')} onSubmit={create}>
          <TextField
            label={intl.t('channels.code')}
            field="body.code"
            value={form.code}
            onChange={(code) => setForm({ ...form, code })}
            required
          />
          <TextField
            label={intl.t('channels.name')}
            field="body.name"
            value={form.name}
            onChange={(name) => setForm({ ...form, name })}
            required
          />
          <SelectField
            label={intl.t('channels.type')}
            field="body.type"
            value={form.type}
            options={TYPES.map((t) => ({ value: t, label: intl.t(`channelType.${t}`) }))}
            onChange={(type) => setForm({ ...form, type })}
          />
          <TextField
            label={intl.t('channels.currency')}
            field="body.currency"
            value={form.currency}
            onChange={(currency) => setForm({ ...form, currency })}
            required
          />
          <TextField
            label={intl.t('channels.locales')}
            field="body.locales"
            value={form.locales}
            onChange={(locales) => setForm({ ...form, locales })}
            hint={intl.t('channels.localesHint')}
            required
          />
        </FormPanel>
      </ProblemScope>
    </section>
  );
}
