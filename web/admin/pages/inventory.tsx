// Inventory: stock by location and available-to-sell by channel, updating live from
// inventory.stock_changed; adjustments (receive, count, damage, sale) and transfers.
import { useEffect, useState } from 'react';
import { useIntl } from '../../i18n/index.tsx';
import { ok } from '../../ui/api.ts';
import {
  Empty,
  ErrorNotice,
  LiveBadge,
  Loading,
  SelectField,
  TextField,
  useLoad,
} from '../../ui/components.tsx';
import { DataTable, FormPanel, useAction } from '../../ui/data-table.tsx';
import { useApi } from '../../ui/key-gate.tsx';
import { ProblemScope } from '../../ui/problem.tsx';
import { useLiveEvents } from '../../ui/use-live.ts';
import { WithFieldError } from '../form-errors.tsx';

interface Level {
  sku: string;
  locationId: string;
  onHand: number;
  reserved: number;
  available: number;
}

const KINDS = ['receive', 'count', 'damage', 'sale'] as const;
type Kind = (typeof KINDS)[number];

export function InventoryPage() {
  const intl = useIntl();
  const api = useApi();
  const locations = useLoad(() => ok(api.GET('/api/inventory/locations')), []);
  const channels = useLoad(() => ok(api.GET('/api/channels')), []);
  const [locationId, setLocationId] = useState('');
  const [levels, setLevels] = useState<Level[] | null>(null);
  const [changed, setChanged] = useState<Set<string>>(new Set());
  const [ats, setAts] = useState<Record<string, Record<string, number>>>({});
  const [error, setError] = useState<unknown>(null);
  const action = useAction();
  const [adjust, setAdjust] = useState({ kind: 'receive' as Kind, sku: '', quantity: '1', reason: '' });
  const [transfer, setTransfer] = useState({ sku: '', to: '', quantity: '1' });

  const locs = locations.data?.items ?? [];
  const current = locationId || locs[0]?.id || '';

  useEffect(() => {
    if (!current) return;
    setLevels(null);
    ok(
      api.GET('/api/inventory/locations/{id}/levels', {
        params: { path: { id: current }, query: { limit: 200 } },
      }),
    ).then((r) => setLevels(r.items), setError);
  }, [api, current]);

  const status = useLiveEvents(['inventory.stock_changed'], (e) => {
    const p = e.data as {
      sku: string;
      levels: Level[];
      channels: Array<{ channelId: string; availableToSell: number }>;
    };
    const here = p.levels.filter((l) => l.locationId === current);
    if (here.length > 0) {
      setLevels((prev) => {
        const next = [...(prev ?? [])];
        for (const l of here) {
          const i = next.findIndex((x) => x.sku === l.sku);
          if (i >= 0) next[i] = l;
          else next.push(l);
        }
        return next.sort((a, b) => a.sku.localeCompare(b.sku));
      });
      setChanged(new Set(here.map((l) => l.sku)));
    }
    setAts((prev) => ({
      ...prev,
      [p.sku]: Object.fromEntries(p.channels.map((c) => [c.channelId, c.availableToSell])),
    }));
  });

  // Both forms share one action: a refusal is shown on the form that sent it.
  const [lastForm, setLastForm] = useState<'adjust' | 'transfer'>('adjust');
  const adjustError = lastForm === 'adjust' ? action.error : null;
  const transferError = lastForm === 'transfer' ? action.error : null;
  const submitAdjust = () => {
    setLastForm('adjust');
    return action.run(
      () =>
        ok(
          api.POST('/api/inventory/adjustments', {
            body: {
              kind: adjust.kind,
              sku: adjust.sku.trim(),
              location: current,
              quantity: Number(adjust.quantity),
              ...(adjust.reason ? { reason: adjust.reason } : {}),
            },
          }),
        ),
      intl.t('inventory.adjusted', { sku: adjust.sku.trim() }),
    );
  };
  const submitTransfer = () => {
    setLastForm('transfer');
    return action.run(
      () =>
        ok(
          api.POST('/api/inventory/transfers', {
            body: {
              sku: transfer.sku.trim(),
              from: current,
              to: transfer.to,
              quantity: Number(transfer.quantity),
            },
          }),
        ),
      intl.t('inventory.transferred', { sku: transfer.sku.trim() }),
    );
  };
  const channelCode = (id: string) => channels.data?.items.find((c) => c.id === id)?.code ?? id;

  return (
    <section aria-labelledby="inventory-title">
      <div className="spread">
        <h1 id="inventory-title">{intl.t('inventory.title')}</h1>
        <LiveBadge status={status} />
      </div>
      <ErrorNotice error={error ?? locations.error} />
      {action.notices}
      {locations.loading && !locations.data ? <Loading /> : null}
      {locs.length > 0 ? (
        <div className="row">
          <SelectField
            label={intl.t('inventory.location')}
            value={current}
            options={locs.map((l) => ({ value: l.id, label: `${l.name} (${l.code})` }))}
            onChange={setLocationId}
          />
        </div>
      ) : null}
      {levels === null && current ? <Loading /> : null}
      {levels?.length === 0 ? <Empty>{intl.t('inventory.noStock')}</Empty> : null}
      {levels && levels.length > 0 ? (
        <DataTable
          rows={levels}
          rowKey={(l) => l.sku}
          rowProps={(l) => ({ 'data-sku': l.sku, className: changed.has(l.sku) ? 'flash' : undefined })}
          columns={[
            { header: intl.t('inventory.sku'), cell: (l) => <code>{l.sku}</code> },
            { header: intl.t('inventory.onHand'), num: true, cell: (l) => intl.number(l.onHand) },
            { header: intl.t('inventory.reserved'), num: true, cell: (l) => intl.number(l.reserved) },
            {
              header: intl.t('inventory.available'),
              num: true,
              cellProps: { 'data-testid': 'available' },
              cell: (l) => intl.number(l.available),
            },
            {
              header: intl.t('inventory.channelAts'),
              cell: (l) =>
                Object.entries(ats[l.sku] ?? {})
                  .map(([c, n]) => `${channelCode(c)} ${intl.number(n)}`)
                  .join(' · '),
            },
          ]}
        />
      ) : null}
      <div className="grid">
        <ProblemScope error={adjustError}>
          <FormPanel
            layout="stack"
            label={intl.t('inventory.adjust')}
            title={intl.t('inventory.adjust')}
            submit={intl.t('inventory.adjust')}
            onSubmit={submitAdjust}
          >
            <SelectField
              label={intl.t('inventory.kind')}
              field="body.kind"
              value={adjust.kind}
              options={KINDS.map((k) => ({ value: k, label: intl.t(`adjustKind.${k}`) }))}
              onChange={(kind) => setAdjust({ ...adjust, kind })}
            />
            <WithFieldError error={adjustError} path="sku">
              <TextField
                label={intl.t('inventory.sku')}
                value={adjust.sku}
                onChange={(sku) => setAdjust({ ...adjust, sku })}
                required
              />
            </WithFieldError>
            <WithFieldError error={adjustError} path="quantity">
              <TextField
                label={intl.t('inventory.quantity')}
                type="number"
                value={adjust.quantity}
                onChange={(quantity) => setAdjust({ ...adjust, quantity })}
                required
              />
            </WithFieldError>
            <TextField
              label={intl.t('inventory.reason')}
              field="body.reason"
              value={adjust.reason}
              onChange={(reason) => setAdjust({ ...adjust, reason })}
            />
          </FormPanel>
        </ProblemScope>
        <ProblemScope error={transferError}>
          <FormPanel
            layout="stack"
            label={intl.t('inventory.transfer')}
            title={intl.t('inventory.transfer')}
            submit={intl.t('inventory.transfer')}
            onSubmit={submitTransfer}
            disabled={!transfer.to}
          >
            <TextField
              label={intl.t('inventory.sku')}
              field="body.sku"
              value={transfer.sku}
              onChange={(sku) => setTransfer({ ...transfer, sku })}
              required
            />
            <SelectField
              label={intl.t('inventory.to')}
              field="body.to"
              value={transfer.to}
              options={[
                { value: '', label: '—' },
                ...locs.filter((l) => l.id !== current).map((l) => ({ value: l.id, label: l.name })),
              ]}
              onChange={(to) => setTransfer({ ...transfer, to })}
            />
            <TextField
              label={intl.t('inventory.quantity')}
              field="body.quantity"
              type="number"
              value={transfer.quantity}
              onChange={(quantity) => setTransfer({ ...transfer, quantity })}
              required
            />
          </FormPanel>
        </ProblemScope>
      </div>
    </section>
  );
}
