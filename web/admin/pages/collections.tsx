// Product collections: the sets of SKUs and categories campaigns target. Create one, or open one
// in the form to rename it or change its members (campaigns naming it follow at once).
import { useState } from 'react';
import { useIntl } from '../../i18n/index.tsx';
import { ok } from '../../ui/api.ts';
import { CancelEditButton, TextField, useLoad } from '../../ui/components.tsx';
import { FormPanel, LoadedTable, useAction } from '../../ui/data-table.tsx';
import { useApi } from '../../ui/key-gate.tsx';
import { ProblemScope } from '../../ui/problem.tsx';

const list = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
const EMPTY = { name: '', skus: '', categories: '' };

export function CollectionsPage() {
  const intl = useIntl();
  const api = useApi();
  const collections = useLoad(() => ok(api.GET('/api/promotions/collections')), []);
  const [editing, setEditing] = useState<{ id: string; name: string } | null>(null);
  const [form, setForm] = useState(EMPTY);
  const { run, notices, error } = useAction();
  const save = () =>
    void run(
      async () => {
        const body = { name: form.name, skus: list(form.skus), categories: list(form.categories) };
        const saved = editing
          ? await ok(
              api.PUT('/api/promotions/collections/{id}', { params: { path: { id: editing.id } }, body }),
            )
          : await ok(api.POST('/api/promotions/collections', { body }));
        setEditing(null);
        setForm(EMPTY);
        collections.reload();
        return saved.name;
      },
      (name) => intl.t(editing ? 'collections.saved' : 'collections.created', { name }),
    );
  const none = intl.t('collections.none');
  return (
    <section aria-labelledby="collections-title">
      <h1 id="collections-title">{intl.t('collections.title')}</h1>
      <p>{intl.t('collections.intro')}</p>
      <LoadedTable
        load={collections}
        items={collections.data?.items}
        rowKey={(c) => c.id}
        rowProps={(c) => ({ 'data-collection': c.name })}
        columns={[
          { header: intl.t('collections.name'), cell: (c) => c.name },
          { header: intl.t('collections.id'), cell: (c) => <code>{c.id}</code> },
          { header: intl.t('collections.skus'), cell: (c) => c.skus.join(', ') || none },
          { header: intl.t('collections.categories'), cell: (c) => c.categories.join(', ') || none },
          {
            header: '',
            cell: (c) => (
              <button
                type="button"
                className="secondary"
                aria-label={intl.t('collections.edit', { name: c.name })}
                onClick={() => {
                  setEditing({ id: c.id, name: c.name });
                  setForm({ name: c.name, skus: c.skus.join(', '), categories: c.categories.join(', ') });
                }}
              >
                {intl.t('cdp.edit')}
              </button>
            ),
          },
        ]}
      />
      <ProblemScope error={error}>
        <FormPanel
          label={editing ? intl.t('collections.editing', { name: editing.name }) : intl.t('collections.new')}
          title={editing ? intl.t('collections.editing', { name: editing.name }) : intl.t('collections.new')}
          submit={editing ? intl.t('common.save') : intl.t('common.create')}
          onSubmit={save}
          layout="stack"
        >
          <TextField
            label={intl.t('collections.name')}
            field="body.name"
            value={form.name}
            onChange={(name) => setForm({ ...form, name })}
          />
          <TextField
            label={intl.t('collections.skus')}
            field="body.skus"
            value={form.skus}
            hint={intl.t('collections.listHint')}
            onChange={(skus) => setForm({ ...form, skus })}
          />
          <TextField
            label={intl.t('collections.categories')}
            field="body.categories"
            value={form.categories}
            hint={intl.t('collections.listHint')}
            onChange={(categories) => setForm({ ...form, categories })}
          />
          <CancelEditButton
            editing={editing !== null}
            onCancel={() => {
              setEditing(null);
              setForm(EMPTY);
            }}
          />
          {notices}
        </FormPanel>
      </ProblemScope>
    </section>
  );
}
