// The form that connects a channel to an external shop (generic signed batches, WooCommerce or
// Shopify) or edits a connection: address, what is pushed, and the credentials of its kind (left
// empty on edit = the saved ones are kept). Refused fields are highlighted.
import { useState } from 'react';
import { useIntl } from '../../i18n/index.tsx';
import { ok } from '../../ui/api.ts';
import { SelectField, TextField, useLoad } from '../../ui/components.tsx';
import { FormPanel, type useAction } from '../../ui/data-table.tsx';
import { useApi } from '../../ui/key-gate.tsx';
import { ProblemScope } from '../../ui/problem.tsx';

type Action = ReturnType<typeof useAction>;
export type SyncKind = 'generic' | 'woocommerce' | 'shopify';
export interface SyncForm {
  kind: SyncKind;
  channelId: string;
  name: string;
  baseUrl: string;
  consumerKey: string;
  consumerSecret: string;
  accessToken: string;
  locationId: string;
}
export const EMPTY_SYNC: SyncForm = {
  kind: 'woocommerce',
  channelId: '',
  name: '',
  baseUrl: '',
  consumerKey: '',
  consumerSecret: '',
  accessToken: '',
  locationId: '',
};

function credentialsOf(f: SyncForm) {
  if (f.kind === 'woocommerce')
    return f.consumerKey || f.consumerSecret
      ? { consumerKey: f.consumerKey, consumerSecret: f.consumerSecret }
      : undefined;
  if (f.kind === 'shopify')
    return f.accessToken || f.locationId
      ? { accessToken: f.accessToken, locationId: f.locationId }
      : undefined;
  return undefined;
}

export function ChannelSyncForm({
  action,
  editing,
  initial,
  onDone,
}: {
  action: Action;
  /** The connection being edited, or null to create one. */
  editing: string | null;
  initial: SyncForm;
  onDone(): void;
}) {
  const intl = useIntl();
  const api = useApi();
  const channels = useLoad(() => ok(api.GET('/api/channels')), []);
  const [form, setForm] = useState<SyncForm>(initial);
  const set = (patch: Partial<SyncForm>) => setForm({ ...form, ...patch });

  const save = () =>
    action.run(
      async () => {
        const credentials = credentialsOf(form);
        if (editing) {
          await ok(
            api.PATCH('/api/channel-sync/connections/{id}', {
              params: { path: { id: editing } },
              body: { name: form.name, baseUrl: form.baseUrl, ...(credentials ? { credentials } : {}) },
            }),
          );
          onDone();
          return null;
        }
        const body = {
          channelId: form.channelId,
          name: form.name,
          baseUrl: form.baseUrl,
        };
        const created = await ok(
          api.POST('/api/channel-sync/connections', {
            // The union's credentials: the kind decides which (the hub checks them).
            body:
              form.kind === 'generic'
                ? { kind: 'generic', ...body }
                : ({ kind: form.kind, ...body, credentials: credentials ?? {} } as never),
          }),
        );
        setForm(EMPTY_SYNC);
        onDone();
        return created.secret;
      },
      (secret) =>
        editing
          ? intl.t('channelSync.saved')
          : secret
            ? intl.t('channelSync.createdSecret', { secret })
            : intl.t('channelSync.created'),
    );

  const title = editing
    ? `${intl.t('endpoints.edit')}: ${initial.name || initial.baseUrl}`
    : intl.t('channelSync.new');
  return (
    <ProblemScope error={action.error}>
      <FormPanel
        label={title}
        title={title}
        submit={editing ? intl.t('endpoints.save') : intl.t('common.create')}
        onSubmit={save}
      >
        {editing ? null : (
          <>
            <SelectField<SyncKind>
              label={intl.t('channelSync.kind')}
              value={form.kind}
              onChange={(kind) => set({ kind })}
              options={(['woocommerce', 'shopify', 'generic'] as const).map((k) => ({
                value: k,
                label: intl.t(`channelSync.kind.${k}`),
              }))}
            />
            <SelectField<string>
              label={intl.t('channelSync.channel')}
              field="body.channelId"
              value={form.channelId}
              onChange={(channelId) => set({ channelId })}
              options={[
                { value: '', label: '—' },
                ...(channels.data?.items ?? [])
                  .filter((c) => c.type !== 'store')
                  .map((c) => ({ value: c.id, label: c.name })),
              ]}
            />
          </>
        )}
        <TextField
          label={intl.t('channelSync.name')}
          field="body.name"
          value={form.name}
          onChange={(name) => set({ name })}
        />
        <TextField
          label={intl.t('channelSync.baseUrl')}
          type="url"
          field="body.baseUrl"
          value={form.baseUrl}
          onChange={(baseUrl) => set({ baseUrl })}
          hint={intl.t('channelSync.baseUrlHint')}
          required
        />
        {form.kind === 'woocommerce' ? (
          <>
            <TextField
              label={intl.t('channelSync.consumerKey')}
              field="body.credentials.consumerKey"
              value={form.consumerKey}
              onChange={(consumerKey) => set({ consumerKey })}
              required={!editing}
            />
            <TextField
              label={intl.t('channelSync.consumerSecret')}
              type="password"
              field="body.credentials.consumerSecret"
              value={form.consumerSecret}
              onChange={(consumerSecret) => set({ consumerSecret })}
              required={!editing}
              {...(editing ? { hint: intl.t('channelSync.credentialsHint') } : {})}
            />
          </>
        ) : null}
        {form.kind === 'shopify' ? (
          <>
            <TextField
              label={intl.t('channelSync.accessToken')}
              type="password"
              field="body.credentials.accessToken"
              value={form.accessToken}
              onChange={(accessToken) => set({ accessToken })}
              required={!editing}
            />
            <TextField
              label={intl.t('channelSync.locationId')}
              field="body.credentials.locationId"
              value={form.locationId}
              onChange={(locationId) => set({ locationId })}
              required={!editing}
              {...(editing ? { hint: intl.t('channelSync.credentialsHint') } : {})}
            />
          </>
        ) : null}
        {editing ? (
          <button type="button" className="secondary" onClick={onDone}>
            {intl.t('endpoints.cancel')}
          </button>
        ) : null}
      </FormPanel>
    </ProblemScope>
  );
}
