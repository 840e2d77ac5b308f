// Computed traits and destinations in the admin: each listed with an Edit button, and one form that
// creates a new one or saves the one being edited. The hub validates everything (the aggregate's
// property, JSONata expressions, the endpoint) and names the wrong field, highlighted here.
import { useState } from 'react';
import { useIntl } from '../../i18n/index.tsx';
import { ok } from '../../ui/api.ts';
import { CancelEditButton, Field, Pill, SelectField, TextField, useLoad } from '../../ui/components.tsx';
import { FormPanel, LoadedTable, useAction } from '../../ui/data-table.tsx';
import { useApi } from '../../ui/key-gate.tsx';
import { ProblemScope } from '../../ui/problem.tsx';

const AGGREGATES = ['count', 'sum', 'min', 'max', 'first', 'last', 'most_frequent'] as const;
type Aggregate = (typeof AGGREGATES)[number];
const KINDS = ['track', 'page', 'screen', 'identify'] as const;
type Kind = (typeof KINDS)[number];
type Status = 'active' | 'paused';

const EMPTY_TRAIT = {
  traitKey: '',
  event: '',
  aggregate: 'count' as Aggregate,
  property: '',
  windowDays: '30',
  status: 'active' as Status,
};

export function ComputedTraitsPanel() {
  const intl = useIntl();
  const api = useApi();
  const traits = useLoad(() => ok(api.GET('/api/computed-traits')), []);
  const [form, setForm] = useState(EMPTY_TRAIT);
  const [editing, setEditing] = useState<string | null>(null);
  const action = useAction();

  const save = () =>
    action.run(async () => {
      const definition = {
        event: form.event,
        aggregate: form.aggregate,
        ...(form.property.trim() ? { property: form.property.trim() } : {}),
        windowDays: Number(form.windowDays),
      };
      if (editing)
        await ok(
          api.PATCH('/api/computed-traits/{id}', {
            params: { path: { id: editing } },
            body: { definition, status: form.status },
          }),
        );
      else
        await ok(
          api.POST('/api/computed-traits', {
            body: { traitKey: form.traitKey, definition, status: form.status },
          }),
        );
      setEditing(null);
      setForm(EMPTY_TRAIT);
      traits.reload();
    }, intl.t('cdp.traitSaved'));

  return (
    <>
      <h2>{intl.t('cdp.computedTraits')}</h2>
      <LoadedTable
        load={traits}
        items={traits.data?.items}
        rowKey={(c) => c.id}
        rowProps={(c) => ({ 'data-trait': c.traitKey })}
        columns={[
          { header: intl.t('cdp.trait'), cell: (c) => <code>{c.traitKey}</code> },
          { header: intl.t('cdp.aggregate'), cell: (c) => c.definition.aggregate },
          { header: intl.t('cdp.event'), cell: (c) => c.definition.event },
          { header: intl.t('cdp.property'), cell: (c) => c.definition.property ?? '—' },
          { header: intl.t('cdp.window'), cell: (c) => intl.number(c.definition.windowDays) },
          { header: intl.t('cdp.status'), cell: (c) => <StatusPill status={c.status} /> },
          {
            header: '',
            cell: (c) => (
              <button
                type="button"
                className="secondary"
                onClick={() => {
                  setEditing(c.id);
                  setForm({
                    traitKey: c.traitKey,
                    event: c.definition.event,
                    aggregate: c.definition.aggregate,
                    property: c.definition.property ?? '',
                    windowDays: String(c.definition.windowDays),
                    status: c.status,
                  });
                }}
              >
                {intl.t('cdp.edit')}
              </button>
            ),
          },
        ]}
      />
      {action.notices}
      <ProblemScope error={action.error}>
        <FormPanel
          label={intl.t(editing ? 'cdp.editTrait' : 'cdp.newTrait')}
          title={editing ? `${intl.t('cdp.editTrait')}: ${form.traitKey}` : intl.t('cdp.newTrait')}
          submit={intl.t(editing ? 'common.save' : 'common.create')}
          onSubmit={save}
          layout="stack"
        >
          <TextField
            label={intl.t('cdp.traitKey')}
            value={form.traitKey}
            field="body.traitKey"
            required
            readOnly={editing !== null}
            onChange={(traitKey) => setForm({ ...form, traitKey })}
          />
          <TextField
            label={intl.t('cdp.event')}
            value={form.event}
            field="body.definition.event"
            required
            onChange={(event) => setForm({ ...form, event })}
          />
          <SelectField
            label={intl.t('cdp.aggregate')}
            value={form.aggregate}
            field="body.definition.aggregate"
            options={AGGREGATES.map((a) => ({ value: a, label: intl.t(`cdp.aggregate.${a}`) }))}
            onChange={(aggregate) => setForm({ ...form, aggregate })}
          />
          <TextField
            label={intl.t('cdp.property')}
            value={form.property}
            field="body.definition.property"
            hint={intl.t('cdp.propertyHint')}
            onChange={(property) => setForm({ ...form, property })}
          />
          <TextField
            label={intl.t('cdp.window')}
            type="number"
            value={form.windowDays}
            field="body.definition.windowDays"
            required
            onChange={(windowDays) => setForm({ ...form, windowDays })}
          />
          <StatusAndCancel
            status={form.status}
            onStatus={(status) => setForm({ ...form, status })}
            editing={editing !== null}
            onCancel={() => {
              setEditing(null);
              setForm(EMPTY_TRAIT);
            }}
          />
        </FormPanel>
      </ProblemScope>
    </>
  );
}

const EMPTY_DESTINATION = {
  name: '',
  endpointId: '',
  kinds: ['track', 'page', 'identify'] as Kind[],
  filter: '',
  mapping: '',
  purpose: '',
  status: 'active' as Status,
};

export function DestinationsPanel() {
  const intl = useIntl();
  const api = useApi();
  const destinations = useLoad(() => ok(api.GET('/api/destinations')), []);
  const endpoints = useLoad(() => ok(api.GET('/api/webhooks/endpoints')), []);
  const [form, setForm] = useState(EMPTY_DESTINATION);
  const [editing, setEditing] = useState<string | null>(null);
  const action = useAction();
  const endpointOptions = [
    { value: '', label: intl.t('cdp.chooseEndpoint') },
    ...(endpoints.data?.items ?? []).map((e) => ({ value: e.id, label: e.url })),
  ];

  const save = () =>
    action.run(async () => {
      // Empty expressions and purpose mean none (the event is forwarded as it is, without consent asked).
      const body = {
        name: form.name,
        endpointId: form.endpointId,
        kinds: form.kinds,
        filter: form.filter.trim() || null,
        mapping: form.mapping.trim() || null,
        purpose: form.purpose.trim() || null,
        status: form.status,
      };
      if (editing) await ok(api.PATCH('/api/destinations/{id}', { params: { path: { id: editing } }, body }));
      else await ok(api.POST('/api/destinations', { body }));
      setEditing(null);
      setForm(EMPTY_DESTINATION);
      destinations.reload();
    }, intl.t('cdp.destinationSaved'));
  const toggleKind = (k: Kind, on: boolean) =>
    setForm({ ...form, kinds: on ? [...form.kinds, k] : form.kinds.filter((x) => x !== k) });

  return (
    <>
      <h2>{intl.t('cdp.destinations')}</h2>
      <LoadedTable
        load={destinations}
        items={destinations.data?.items}
        rowKey={(d) => d.id}
        rowProps={(d) => ({ 'data-destination': d.name })}
        columns={[
          { header: intl.t('cdp.name'), cell: (d) => d.name },
          { header: intl.t('cdp.kinds'), cell: (d) => d.kinds.join(', ') },
          { header: intl.t('cdp.purpose'), cell: (d) => d.purpose ?? '—' },
          { header: intl.t('cdp.forwarded'), cell: (d) => intl.number(d.forwarded) },
          { header: intl.t('cdp.status'), cell: (d) => <StatusPill status={d.status} /> },
          {
            header: '',
            cell: (d) => (
              <button
                type="button"
                className="secondary"
                onClick={() => {
                  setEditing(d.id);
                  setForm({
                    name: d.name,
                    endpointId: d.endpointId,
                    kinds: d.kinds,
                    filter: d.filter ?? '',
                    mapping: d.mapping ?? '',
                    purpose: d.purpose ?? '',
                    status: d.status,
                  });
                }}
              >
                {intl.t('cdp.edit')}
              </button>
            ),
          },
        ]}
      />
      {action.notices}
      <ProblemScope error={action.error}>
        <FormPanel
          label={intl.t(editing ? 'cdp.editDestination' : 'cdp.newDestination')}
          title={intl.t(editing ? 'cdp.editDestination' : 'cdp.newDestination')}
          submit={intl.t(editing ? 'common.save' : 'common.create')}
          onSubmit={save}
          layout="stack"
        >
          <TextField
            label={intl.t('cdp.name')}
            value={form.name}
            field="body.name"
            required
            onChange={(name) => setForm({ ...form, name })}
          />
          <SelectField
            label={intl.t('cdp.endpoint')}
            value={form.endpointId}
            field="body.endpointId"
            options={endpointOptions}
            onChange={(endpointId) => setForm({ ...form, endpointId })}
          />
          <fieldset className="field">
            <legend>{intl.t('cdp.kinds')}</legend>
            {KINDS.map((k) => (
              <label key={k} className="inline">
                <input
                  type="checkbox"
                  checked={form.kinds.includes(k)}
                  onChange={(e) => toggleKind(k, e.target.checked)}
                />{' '}
                {k}
              </label>
            ))}
          </fieldset>
          <ExpressionField
            label={intl.t('cdp.filter')}
            hint={intl.t('cdp.filterHint')}
            field="body.filter"
            value={form.filter}
            onChange={(filter) => setForm({ ...form, filter })}
          />
          <ExpressionField
            label={intl.t('cdp.mapping')}
            hint={intl.t('cdp.mappingHint')}
            field="body.mapping"
            value={form.mapping}
            onChange={(mapping) => setForm({ ...form, mapping })}
          />
          <TextField
            label={intl.t('cdp.purpose')}
            value={form.purpose}
            field="body.purpose"
            hint={intl.t('cdp.purposeHint')}
            onChange={(purpose) => setForm({ ...form, purpose })}
          />
          <StatusAndCancel
            status={form.status}
            onStatus={(status) => setForm({ ...form, status })}
            editing={editing !== null}
            onCancel={() => {
              setEditing(null);
              setForm(EMPTY_DESTINATION);
            }}
          />
        </FormPanel>
      </ProblemScope>
    </>
  );
}

function ExpressionField(p: {
  label: string;
  hint: string;
  field: string;
  value: string;
  onChange(v: string): void;
}) {
  return (
    <Field label={p.label} field={p.field} hint={p.hint}>
      {(id, invalid) => (
        <textarea
          id={id}
          rows={3}
          spellCheck={false}
          aria-invalid={invalid || undefined}
          value={p.value}
          onChange={(e) => p.onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

/** A definition's status choice, and leaving the edit of an existing one. */
export function StatusAndCancel(p: {
  status: Status;
  onStatus(status: Status): void;
  editing: boolean;
  onCancel(): void;
}) {
  const intl = useIntl();
  return (
    <>
      <SelectField
        label={intl.t('cdp.status')}
        value={p.status}
        options={[
          { value: 'active' as const, label: intl.t('cdp.statusActive') },
          { value: 'paused' as const, label: intl.t('cdp.statusPaused') },
        ]}
        onChange={p.onStatus}
      />
      <CancelEditButton editing={p.editing} onCancel={p.onCancel} />
    </>
  );
}

export function StatusPill({ status }: { status: Status }) {
  const intl = useIntl();
  return (
    <Pill tone={status === 'active' ? 'good' : 'neutral'}>
      {intl.t(status === 'active' ? 'cdp.statusActive' : 'cdp.statusPaused')}
    </Pill>
  );
}
