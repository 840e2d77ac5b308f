// Channel sync on the integrations page: each connection pushing stock, prices and listings to an
// external channel, with its health (queue, pushes, failures, dead letters, lag, last error) and the
// operator's moves: pause/resume, full resync, replay of dead-lettered items.
import { useState } from 'react';
import { useIntl } from '../../i18n/index.tsx';
import { ok } from '../../ui/api.ts';
import { Pill, useLoad } from '../../ui/components.tsx';
import { useConfirm } from '../../ui/confirm-dialog.tsx';
import { LoadedTable, type useAction } from '../../ui/data-table.tsx';
import { useApi } from '../../ui/key-gate.tsx';
import { ChannelSyncForm, EMPTY_SYNC, type SyncForm } from './channel-sync-form.tsx';
import { RowActions } from './row-actions.tsx';

type Action = ReturnType<typeof useAction>;
type Health = ReturnType<typeof useLoad<Awaited<ReturnType<typeof loadHealth>>>>;

/** The health of every connection (the page loads it, and reloads it on live events). */
export const loadHealth = (api: ReturnType<typeof useApi>) => ok(api.GET('/api/channel-sync/health'));

export function ChannelSyncPanel({ action, health }: { action: Action; health: Health }) {
  const intl = useIntl();
  const api = useApi();
  const channels = useLoad(() => ok(api.GET('/api/channels')), []);
  const channelName = (id: string) => channels.data?.items.find((c) => c.id === id)?.name ?? id;
  const seconds = (s: number) => intl.t('integrations.seconds', { s: Math.round(s) });
  const connections = useLoad(() => ok(api.GET('/api/channel-sync/connections')), []);
  const [editing, setEditing] = useState<{ id: string; form: SyncForm } | null>(null);
  const [tests, setTests] = useState<Record<string, Awaited<ReturnType<typeof testConnection>>>>({});
  const changed = () => {
    health.reload();
    connections.reload();
  };
  const testConnection = async (id: string) =>
    ok(api.POST('/api/channel-sync/connections/{id}/test', { params: { path: { id } }, body: {} }));
  const runTest = (id: string) =>
    action.run(async () => {
      const r = await testConnection(id);
      setTests((all) => ({ ...all, [id]: r }));
    });
  const connectionOf = (id: string) => connections.data?.items.find((c) => c.id === id);
  const edit = (id: string) => {
    const c = connectionOf(id);
    if (c)
      setEditing({
        id,
        form: { ...EMPTY_SYNC, kind: c.kind, channelId: c.channelId, name: c.name, baseUrl: c.baseUrl },
      });
  };
  const confirm = useConfirm();
  const remove = async (id: string) => {
    const url = connectionOf(id)?.baseUrl ?? id;
    const question = intl.t('channelSync.confirmDelete', { url });
    if (!(await confirm.ask({ question, confirm: intl.t('endpoints.delete') }))) return;
    void action.run(async () => {
      await ok(api.DELETE('/api/channel-sync/connections/{id}', { params: { path: { id } } }));
      if (editing?.id === id) setEditing(null);
      changed();
    }, intl.t('channelSync.deleted'));
  };

  const setStatus = (id: string, status: 'active' | 'paused') =>
    action.run(
      async () => {
        await ok(
          api.PATCH('/api/channel-sync/connections/{id}', { params: { path: { id } }, body: { status } }),
        );
        health.reload();
      },
      () => intl.t(status === 'active' ? 'channelSync.resumed' : 'channelSync.paused'),
    );
  const resync = (id: string) =>
    action.run(
      async () => {
        const r = await ok(
          api.POST('/api/channel-sync/connections/{id}/resync', { params: { path: { id } }, body: {} }),
        );
        health.reload();
        return r.queued;
      },
      (count) => intl.t('channelSync.resyncQueued', { count }),
    );
  const replay = (id: string) =>
    action.run(
      async () => {
        const r = await ok(
          api.POST('/api/channel-sync/connections/{id}/replay', { params: { path: { id } }, body: {} }),
        );
        health.reload();
        return r.replayed.length;
      },
      (count) => intl.t('channelSync.replayed', { count }),
    );

  return (
    <>
      {confirm.dialog}
      <h2>{intl.t('channelSync.title')}</h2>
      <LoadedTable
        load={health}
        items={health.data?.items}
        empty={intl.t('channelSync.none')}
        caption={intl.t('channelSync.title')}
        rowKey={(h) => h.connectionId}
        rowProps={(h) => ({ 'data-connection': h.connectionId })}
        columns={[
          { header: intl.t('channelSync.channel'), cell: (h) => channelName(h.channelId) },
          { header: intl.t('channels.type'), cell: (h) => intl.t(`channelSync.kind.${h.kind}`) },
          {
            header: intl.t('channels.status'),
            cellProps: { 'data-testid': 'sync-status' },
            cell: (h) => (
              <Pill tone={h.status === 'active' ? (h.deadLettered > 0 ? 'warn' : 'ok') : 'bad'}>
                {intl.t(`channelSync.status.${h.status}`)}
              </Pill>
            ),
          },
          { header: intl.t('channelSync.queued'), num: true, cell: (h) => intl.number(h.queueDepth) },
          { header: intl.t('channelSync.pushed'), num: true, cell: (h) => intl.number(h.pushed) },
          { header: intl.t('integrations.failed'), num: true, cell: (h) => intl.number(h.failed) },
          {
            header: intl.t('integrations.dead'),
            num: true,
            cellProps: { 'data-testid': 'sync-dead' },
            cell: (h) => intl.number(h.deadLettered),
          },
          { header: intl.t('integrations.lag'), num: true, cell: (h) => seconds(h.lagSeconds) },
          { header: intl.t('integrations.lastError'), cell: (h) => h.lastError ?? '' },
          {
            header: '',
            cell: (h) => (
              <RowActions
                actions={[
                  h.status === 'active'
                    ? { label: intl.t('channels.pause'), onClick: () => setStatus(h.connectionId, 'paused') }
                    : {
                        label: intl.t('channels.resume'),
                        onClick: () => setStatus(h.connectionId, 'active'),
                      },
                  { label: intl.t('channelSync.resync'), onClick: () => resync(h.connectionId) },
                  {
                    label: intl.t('integrations.replay'),
                    onClick: () => replay(h.connectionId),
                    hidden: h.deadLettered === 0,
                  },
                  { label: intl.t('channelSync.test'), onClick: () => runTest(h.connectionId) },
                  { label: intl.t('endpoints.edit'), onClick: () => edit(h.connectionId) },
                  {
                    label: intl.t('endpoints.delete'),
                    onClick: () => void remove(h.connectionId),
                    danger: true,
                  },
                ]}
                test={{
                  outcome: tests[h.connectionId]
                    ? { ...tests[h.connectionId]!, delivered: tests[h.connectionId]!.ok }
                    : undefined,
                  testId: 'connection-test-result',
                  keys: {
                    ok: 'channelSync.testOk',
                    refused: 'channelSync.testRefused',
                    none: 'channelSync.testNoAnswer',
                  },
                }}
              />
            ),
          },
        ]}
      />
      <ChannelSyncForm
        key={editing?.id ?? 'new'}
        action={action}
        editing={editing?.id ?? null}
        initial={editing?.form ?? EMPTY_SYNC}
        onDone={() => {
          setEditing(null);
          changed();
        }}
      />
    </>
  );
}
