// The manager's editor of a till's product grid: pick a store channel, list the SKUs its till shows
// as buttons, in order, and save them on the hub (every device of that till follows at once). A SKU
// the catalog does not know is refused and its field highlighted with the reason.
import { useState } from 'react';
import { useIntl } from '../../i18n/index.tsx';
import { ok } from '../../ui/api.ts';
import { SelectField, TextField, useLoad } from '../../ui/components.tsx';
import { FormPanel, useAction } from '../../ui/data-table.tsx';
import { useApi } from '../../ui/key-gate.tsx';
import { ProblemScope } from '../../ui/problem.tsx';

export function TillFavouritesEditor() {
  const intl = useIntl();
  const api = useApi();
  const channels = useLoad(() => ok(api.GET('/api/channels')), []);
  const stores = (channels.data?.items ?? []).filter((c) => c.type === 'store');
  const [picked, setPicked] = useState<string | null>(null);
  const channel = stores.find((c) => c.id === picked) ?? stores[0];
  const [skus, setSkus] = useState<string[] | null>(null);
  const { run, notices, error } = useAction();
  const current = useLoad(
    async () =>
      channel
        ? (
            await ok(
              api.GET('/api/channels/{channel}/favourites', { params: { path: { channel: channel.id } } }),
            )
          ).skus
        : [],
    [channel?.id],
  );
  const rows = skus ?? current.data ?? [];
  const setRow = (i: number, value: string) => setSkus(rows.map((s, j) => (j === i ? value : s)));
  if (!channel) return null;
  const save = () =>
    void run(
      async () => {
        const saved = await ok(
          api.PUT('/api/channels/{channel}/favourites', {
            params: { path: { channel: channel.id } },
            body: { skus: rows.map((s) => s.trim()).filter(Boolean) },
          }),
        );
        setSkus(saved.skus);
      },
      intl.t('favourites.saved', { channel: channel.name }),
    );
  return (
    <ProblemScope error={error}>
      <FormPanel
        label={intl.t('favourites.editorTitle')}
        title={intl.t('favourites.editorTitle')}
        submit={intl.t('common.save')}
        onSubmit={save}
        layout="stack"
      >
        <p className="hint">{intl.t('favourites.editorHint')}</p>
        <SelectField
          label={intl.t('favourites.channel')}
          value={channel.id}
          options={stores.map((c) => ({ value: c.id, label: c.name }))}
          onChange={(id) => {
            setPicked(id);
            setSkus(null);
          }}
        />
        <ol className="stack favourites-rows">
          {rows.map((sku, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a row is its place in the grid
            <li key={i} className="row">
              <TextField
                label={intl.t('favourites.row', { n: i + 1 })}
                value={sku}
                onChange={(v) => setRow(i, v)}
                field={`body.skus.${i}`}
              />
              <button
                type="button"
                className="secondary"
                aria-label={intl.t('favourites.removeRow', { sku: sku || i + 1 })}
                onClick={() => setSkus(rows.filter((_, j) => j !== i))}
              >
                ×
              </button>
            </li>
          ))}
        </ol>
        <button type="button" className="secondary" onClick={() => setSkus([...rows, ''])}>
          {intl.t('favourites.addRow')}
        </button>
        {notices}
      </FormPanel>
    </ProblemScope>
  );
}
