// Inventory: stock by location and available-to-sell by channel, updating live from
// inventory.stock_changed; adjustments (receive, count, damage, sale) and transfers.
import { type FormEvent, useEffect, useState } from 'react';
import { useIntl } from '../../i18n/index.tsx';
import { ok } from '../../ui/api.ts';
import {
  Empty,
  ErrorNotice,
  LiveBadge,
  Loading,
  Notice,
  SelectField,
  TextField,
  useLoad,
} from '../../ui/components.tsx';
import { useApi } from '../../ui/key-gate.tsx';
import { useLiveEvents } from '../../ui/use-live.ts';

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
  const [done, setDone] = useState<string | null>(null);
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

  const run = async (what: () => Promise<unknown>, message: string) => {
    setError(null);
    setDone(null);
    try {
      await what();
      setDone(message);
    } catch (err) {
      setError(err);
    }
  };
  const submitAdjust = (e: FormEvent) => {
    e.preventDefault();
    void run(
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
  const submitTransfer = (e: FormEvent) => {
    e.preventDefault();
    void run(
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
      {done ? <Notice tone="success">{done}</Notice> : null}
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
        <div className="table-wrap panel">
          <table>
            <thead>
              <tr>
                <th scope="col">{intl.t('inventory.sku')}</th>
                <th scope="col" className="num">
                  {intl.t('inventory.onHand')}
                </th>
                <th scope="col" className="num">
                  {intl.t('inventory.reserved')}
                </th>
                <th scope="col" className="num">
                  {intl.t('inventory.available')}
                </th>
                <th scope="col">{intl.t('inventory.channelAts')}</th>
              </tr>
            </thead>
            <tbody>
              {levels.map((l) => (
                <tr key={l.sku} data-sku={l.sku} className={changed.has(l.sku) ? 'flash' : undefined}>
                  <td>
                    <code>{l.sku}</code>
                  </td>
                  <td className="num">{intl.number(l.onHand)}</td>
                  <td className="num">{intl.number(l.reserved)}</td>
                  <td className="num" data-testid="available">
                    {intl.number(l.available)}
                  </td>
                  <td>
                    {Object.entries(ats[l.sku] ?? {})
                      .map(([c, n]) => `${channelCode(c)} ${intl.number(n)}`)
                      .join(' · ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <div className="grid">
        <form className="panel stack" onSubmit={submitAdjust} aria-label={intl.t('inventory.adjust')}>
          <h2>{intl.t('inventory.adjust')}</h2>
          <SelectField
            label={intl.t('inventory.kind')}
            value={adjust.kind}
            options={KINDS.map((k) => ({ value: k, label: intl.t(`adjustKind.${k}`) }))}
            onChange={(kind) => setAdjust({ ...adjust, kind })}
          />
          <TextField
            label={intl.t('inventory.sku')}
            value={adjust.sku}
            onChange={(sku) => setAdjust({ ...adjust, sku })}
            required
          />
          <TextField
            label={intl.t('inventory.quantity')}
            type="number"
            value={adjust.quantity}
            onChange={(quantity) => setAdjust({ ...adjust, quantity })}
            required
          />
          <TextField
            label={intl.t('inventory.reason')}
            value={adjust.reason}
            onChange={(reason) => setAdjust({ ...adjust, reason })}
          />
          <button type="submit">{intl.t('inventory.adjust')}</button>
        </form>
        <form className="panel stack" onSubmit={submitTransfer} aria-label={intl.t('inventory.transfer')}>
          <h2>{intl.t('inventory.transfer')}</h2>
          <TextField
            label={intl.t('inventory.sku')}
            value={transfer.sku}
            onChange={(sku) => setTransfer({ ...transfer, sku })}
            required
          />
          <SelectField
            label={intl.t('inventory.to')}
            value={transfer.to}
            options={[
              { value: '', label: '—' },
              ...locs.filter((l) => l.id !== current).map((l) => ({ value: l.id, label: l.name })),
            ]}
            onChange={(to) => setTransfer({ ...transfer, to })}
          />
          <TextField
            label={intl.t('inventory.quantity')}
            type="number"
            value={transfer.quantity}
            onChange={(quantity) => setTransfer({ ...transfer, quantity })}
            required
          />
          <button type="submit" disabled={!transfer.to}>
            {intl.t('inventory.transfer')}
          </button>
        </form>
      </div>
    </section>
  );
}
