// Integrations: webhook endpoints and inbound connectors with their sync health (lag, failures,
// dead letters), each endpoint's deliveries, and replay of the dead-letter queue.
import { useEffect, useRef, useState } from 'react';
import { useIntl } from '../../i18n/index.tsx';
import { ok } from '../../ui/api.ts';
import { Pill, useLoad } from '../../ui/components.tsx';
import { DataTable, LoadedTable, useAction } from '../../ui/data-table.tsx';
import { useApi } from '../../ui/key-gate.tsx';
import { useLiveEvents } from '../../ui/use-live.ts';
import { ChannelAuditPanel } from './channel-audit-panel.tsx';
import { ChannelSyncPanel, loadHealth } from './channel-sync-panel.tsx';
import { ConnectorsPanel } from './connectors-panel.tsx';
import { WebhookEndpointsPanel } from './webhook-endpoints-panel.tsx';

export function IntegrationsPage() {
  const intl = useIntl();
  const api = useApi();
  const health = useLoad(() => ok(api.GET('/api/webhooks/health')), []);
  const connectors = useLoad(() => ok(api.GET('/api/connectors/health')), []);
  const syncHealth = useLoad(() => loadHealth(api), []);
  const [selected, setSelected] = useState<string | null>(null);
  const action = useAction();
  const deliveries = useLoad(
    () =>
      selected
        ? ok(
            api.GET('/api/webhooks/endpoints/{id}/deliveries', {
              params: { path: { id: selected }, query: { limit: 100 } },
            }),
          )
        : Promise.resolve(null),
    [selected],
  );
  // Pushes and deliveries append no events of their own: also refresh the health every 5 s.
  const refresh = useRef(() => {});
  refresh.current = () => {
    health.reload();
    syncHealth.reload();
  };
  useEffect(() => {
    const timer = setInterval(() => refresh.current(), 5_000);
    return () => clearInterval(timer);
  }, []);
  // Sync health moves with every event; refresh at most as often as events arrive.
  useLiveEvents([], () => {
    if (!health.loading) health.reload();
    if (!connectors.loading) connectors.reload();
    if (!syncHealth.loading) syncHealth.reload();
  });

  const replay = (id: string) =>
    action.run(
      async () => {
        const r = await ok(
          api.POST('/api/webhooks/endpoints/{id}/replay', { params: { path: { id } }, body: {} }),
        );
        health.reload();
        deliveries.reload();
        return r.replayed.length;
      },
      (count) => intl.t('integrations.replayed', { count }),
    );
  const seconds = (s: number) => intl.t('integrations.seconds', { s: Math.round(s) });

  return (
    <section aria-labelledby="integrations-title">
      <h1 id="integrations-title">{intl.t('integrations.title')}</h1>
      {action.notices}
      <WebhookEndpointsPanel action={action} onChange={() => health.reload()} />
      <h2>{intl.t('integrations.health')}</h2>
      <LoadedTable
        load={health}
        items={health.data?.items}
        empty={intl.t('integrations.none')}
        caption={intl.t('integrations.health')}
        rowKey={(h) => h.endpointId}
        rowProps={(h) => ({ 'data-endpoint': h.url })}
        columns={[
          {
            header: 'URL',
            cell: (h) => (
              <button type="button" className="link" onClick={() => setSelected(h.endpointId)}>
                {h.url}
              </button>
            ),
          },
          {
            header: intl.t('channels.status'),
            cell: (h) => (
              <Pill tone={h.status === 'active' ? (h.deadLettered > 0 ? 'warn' : 'ok') : 'bad'}>
                {intl.t(`endpointStatus.${h.status}`)}
              </Pill>
            ),
          },
          { header: intl.t('integrations.delivered'), num: true, cell: (h) => intl.number(h.delivered) },
          { header: intl.t('integrations.pending'), num: true, cell: (h) => intl.number(h.pending) },
          { header: intl.t('integrations.failed'), num: true, cell: (h) => intl.number(h.failedAttempts) },
          {
            header: intl.t('integrations.dead'),
            num: true,
            cellProps: { 'data-testid': 'dead' },
            cell: (h) => intl.number(h.deadLettered),
          },
          { header: intl.t('integrations.lag'), num: true, cell: (h) => seconds(h.lagSeconds) },
          {
            header: '',
            cell: (h) =>
              h.deadLettered > 0 ? (
                <button type="button" className="secondary" onClick={() => replay(h.endpointId)}>
                  {intl.t('integrations.replay')}
                </button>
              ) : null,
          },
        ]}
      />
      {selected && deliveries.data ? (
        <>
          <h2>{intl.t('integrations.deliveries')}</h2>
          <DataTable
            rows={deliveries.data.items}
            rowKey={(d) => d.id}
            columns={[
              { header: intl.t('events.time'), cell: (d) => intl.date(d.createdAt) },
              { header: intl.t('events.type'), cell: (d) => <code>{d.eventType}</code> },
              {
                header: intl.t('channels.status'),
                cell: (d) => (
                  <Pill tone={d.status === 'delivered' ? 'ok' : d.status === 'dead' ? 'bad' : 'info'}>
                    {intl.t(`deliveryStatus.${d.status}`)}
                  </Pill>
                ),
              },
              { header: intl.t('integrations.attempts'), num: true, cell: (d) => d.attempts },
              {
                header: intl.t('integrations.lastError'),
                cell: (d) => `${d.lastStatusCode ? `HTTP ${d.lastStatusCode} ` : ''}${d.lastError ?? ''}`,
              },
            ]}
          />
        </>
      ) : null}
      <h2>{intl.t('integrations.connectors')}</h2>
      {/* The connectors' list below says when there are none; health shows once there are. */}
      <LoadedTable
        load={connectors}
        items={connectors.data?.items.length ? connectors.data.items : undefined}
        rowKey={(c) => c.connectorId}
        rowProps={(c) => ({ 'data-connector': c.name })}
        columns={[
          { header: intl.t('channels.name'), cell: (c) => c.name },
          { header: intl.t('channels.type'), cell: (c) => <code>{c.kind}</code> },
          { header: intl.t('integrations.received'), num: true, cell: (c) => intl.number(c.received) },
          { header: intl.t('integrations.processed'), num: true, cell: (c) => intl.number(c.processed) },
          { header: intl.t('integrations.waiting'), num: true, cell: (c) => intl.number(c.waiting) },
          {
            header: intl.t('integrations.parked'),
            num: true,
            cell: (c) => intl.number(c.parked + c.rejected),
          },
          { header: intl.t('integrations.lag'), num: true, cell: (c) => seconds(c.lagSeconds) },
        ]}
      />
      <ConnectorsPanel action={action} onChange={() => connectors.reload()} />
      <ChannelSyncPanel action={action} health={syncHealth} />
      <ChannelAuditPanel action={action} />
    </section>
  );
}
