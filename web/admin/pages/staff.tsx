// Staff: everyone who signs in to the admin or a till, with their role and stores; add a member with
// a first password, change a role, disable or enable an account (a disabled member's sessions end).
import { useState } from 'react';
import { type MessageKey, useIntl } from '../../i18n/index.tsx';
import { ok } from '../../ui/api.ts';
import { FieldsetField, Pill, SelectField, TextField, useLoad } from '../../ui/components.tsx';
import { FormPanel, LoadedTable, useAction } from '../../ui/data-table.tsx';
import { useApi, useSession } from '../../ui/key-gate.tsx';
import { ProblemScope } from '../../ui/problem.tsx';

const ROLES = ['clerk', 'store_manager', 'agent', 'marketer', 'admin'] as const;
type Role = (typeof ROLES)[number];
const roleLabel = (role: Role): MessageKey => `role.${role}`;

const EMPTY = { name: '', email: '', role: 'clerk' as Role, password: '', locationIds: [] as string[] };

export function StaffPage() {
  const intl = useIntl();
  const api = useApi();
  const { me } = useSession();
  const staff = useLoad(() => ok(api.GET('/api/staff')), []);
  const locations = useLoad(() => ok(api.GET('/api/inventory/locations')), []);
  const stores = (locations.data?.items ?? []).filter((l) => l.type === 'store');
  const [form, setForm] = useState(EMPTY);
  const action = useAction();
  const storeNames = (ids: string[]) =>
    ids.length
      ? ids.map((id) => stores.find((s) => s.id === id)?.name ?? id).join(', ')
      : intl.t('staff.anyStore');

  const create = () =>
    action.run(
      async () => {
        const m = await ok(api.POST('/api/staff', { body: form }));
        setForm(EMPTY);
        staff.reload();
        return m.name;
      },
      (name) => intl.t('staff.created', { name }),
    );
  const update = (id: string, body: { role?: Role; active?: boolean }) =>
    action.run(async () => {
      await ok(api.PATCH('/api/staff/{id}', { params: { path: { id } }, body }));
      staff.reload();
    });
  const toggleStore = (id: string) =>
    setForm({
      ...form,
      locationIds: form.locationIds.includes(id)
        ? form.locationIds.filter((x) => x !== id)
        : [...form.locationIds, id],
    });

  return (
    <section aria-labelledby="staff-title">
      <h1 id="staff-title">{intl.t('staff.title')}</h1>
      <p>{intl.t('staff.intro')}</p>
      {action.notices}
      <LoadedTable
        load={staff}
        items={staff.data?.items}
        rowKey={(m) => m.id}
        columns={[
          {
            header: intl.t('staff.name'),
            cell: (m) => (m.id === me.keyId ? `${m.name} (${intl.t('staff.you')})` : m.name),
          },
          { header: intl.t('staff.email'), cell: (m) => m.email },
          {
            header: intl.t('staff.role'),
            cell: (m) =>
              m.id === me.keyId ? (
                intl.t(roleLabel(m.role))
              ) : (
                <select
                  aria-label={`${intl.t('staff.makeRole')}: ${m.name}`}
                  value={m.role}
                  onChange={(e) => update(m.id, { role: e.target.value as Role })}
                >
                  {ROLES.map((r) => (
                    <option key={r} value={r}>
                      {intl.t(roleLabel(r))}
                    </option>
                  ))}
                </select>
              ),
          },
          { header: intl.t('staff.stores'), cell: (m) => storeNames(m.locationIds) },
          {
            header: intl.t('staff.status'),
            cell: (m) => (
              <span className="row">
                <Pill tone={m.active ? 'ok' : 'bad'}>
                  {m.active ? intl.t('staff.active') : intl.t('staff.disabled')}
                </Pill>
                {m.id === me.keyId ? null : (
                  <button type="button" className="link" onClick={() => update(m.id, { active: !m.active })}>
                    {m.active ? intl.t('staff.disable') : intl.t('staff.enable')}
                    <span className="visually-hidden"> {m.name}</span>
                  </button>
                )}
              </span>
            ),
          },
        ]}
      />
      <h2>{intl.t('staff.add')}</h2>
      <ProblemScope error={action.error}>
        <FormPanel
          label={intl.t('staff.add')}
          submit={intl.t('common.create')}
          onSubmit={create}
          layout="stack"
        >
          <TextField
            label={intl.t('staff.name')}
            value={form.name}
            onChange={(name) => setForm({ ...form, name })}
            field="body.name"
            required
          />
          <TextField
            label={intl.t('staff.email')}
            type="email"
            value={form.email}
            onChange={(email) => setForm({ ...form, email })}
            field="body.email"
            required
          />
          <SelectField
            label={intl.t('staff.role')}
            field="body.role"
            value={form.role}
            options={ROLES.map((r) => ({ value: r, label: intl.t(roleLabel(r)) }))}
            onChange={(role) => setForm({ ...form, role })}
          />
          <FieldsetField
            legend={intl.t('staff.stores')}
            hint={intl.t('staff.storesHint')}
            field="body.locationIds"
          >
            {stores.map((s) => (
              <label key={s.id} className="check">
                <input
                  type="checkbox"
                  checked={form.locationIds.includes(s.id)}
                  onChange={() => toggleStore(s.id)}
                />{' '}
                {s.name}
              </label>
            ))}
          </FieldsetField>
          <TextField
            label={intl.t('staff.password')}
            type="password"
            value={form.password}
            onChange={(password) => setForm({ ...form, password })}
            hint={intl.t('staffPassword.hint')}
            field="body.password"
            required
          />
        </FormPanel>
      </ProblemScope>
    </section>
  );
}
