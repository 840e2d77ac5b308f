// The consistency audit on the integrations page: per connection its drift by kind and sync lag, the
// findings (hub value vs the channel's acknowledged or read-back value) and the fix actions: push a
// finding's item again, or every SKU of a connection.
import { useState } from 'react';
import { type MessageKey, useIntl } from '../../i18n/index.tsx';
import { ok } from '../../ui/api.ts';
import { Pill, useLoad } from '../../ui/components.tsx';
import { DataTable, type useAction } from '../../ui/data-table.tsx';
import { useApi } from '../../ui/key-gate.tsx';

type Action = ReturnType<typeof useAction>;
type Api = ReturnType<typeof useApi>;
const runAudit = (api: Api, remote: boolean) =>
  ok(api.GET('/api/channel-sync/audit', { params: { query: { remote: remote ? 'true' : 'false' } } }));
type Audit = Awaited<ReturnType<typeof runAudit>>;
type Finding = Audit['findings'][number];

export function ChannelAuditPanel({ action }: { action: Action }) {
  const intl = useIntl();
  const api = useApi();
  const channels = useLoad(() => ok(api.GET('/api/channels')), []);
  const channelName = (id: string) => channels.data?.items.find((c) => c.id === id)?.name ?? id;
  const [remote, setRemote] = useState(true);
  const [audit, setAudit] = useState<Audit | null>(null);
  const run = () => action.run(async () => setAudit(await runAudit(api, remote)));
  const shown = (v: unknown) => (v === null || v === undefined ? intl.t('audit.missing') : String(v));
  const fix = (connectionId: string, items?: Array<{ kind: Finding['syncKind']; sku: string }>) =>
    action.run(
      async () => {
        const r = await ok(
          api.POST('/api/channel-sync/audit/fix', { body: { connectionId, ...(items ? { items } : {}) } }),
        );
        return r.queued;
      },
      (count) => intl.t('audit.fixQueued', { count }),
    );
  const readBack = (r: Audit['connections'][number]['remote']) =>
    typeof r === 'object'
      ? intl.t('audit.readBack.error', { error: r.error })
      : intl.t(`audit.readBack.${r}` as MessageKey);

  return (
    <section aria-labelledby="audit-title" data-testid="channel-audit">
      <h2 id="audit-title">{intl.t('audit.title')}</h2>
      <p className="hint">{intl.t('audit.hint')}</p>
      <label>
        <input type="checkbox" checked={remote} onChange={(e) => setRemote(e.target.checked)} />{' '}
        {intl.t('audit.remote')}
      </label>{' '}
      <button type="button" onClick={() => void run()}>
        {intl.t('audit.run')}
      </button>
      {!audit ? (
        <p className="hint">{intl.t('audit.notRun')}</p>
      ) : (
        <>
          <DataTable
            caption={intl.t('audit.connections')}
            rows={audit.connections}
            rowKey={(c) => c.connectionId}
            rowProps={(c) => ({ 'data-connection': c.connectionId })}
            columns={[
              { header: intl.t('channelSync.channel'), cell: (c) => c.name || channelName(c.channelId) },
              { header: intl.t('channels.type'), cell: (c) => intl.t(`channelSync.kind.${c.kind}`) },
              { header: intl.t('audit.skus'), num: true, cell: (c) => intl.number(c.skus) },
              {
                header: intl.t('audit.total'),
                num: true,
                cellProps: { 'data-testid': 'audit-total' },
                cell: (c) => <Pill tone={c.total === 0 ? 'ok' : 'warn'}>{intl.number(c.total)}</Pill>,
              },
              {
                header: intl.t('audit.kindHeader'),
                cell: (c) =>
                  Object.entries(c.drift)
                    .filter(([, n]) => (n ?? 0) > 0)
                    .map(([k, n]) => `${intl.t(`audit.kind.${k}` as MessageKey)} ${intl.number(n ?? 0)}`)
                    .join(', '),
              },
              {
                header: intl.t('audit.oldestDirty'),
                num: true,
                cell: (c) => intl.t('integrations.seconds', { s: Math.round(c.oldestDirtySeconds) }),
              },
              {
                header: intl.t('audit.lastSuccess'),
                cell: (c) => (c.lastSuccessAt ? intl.date(c.lastSuccessAt) : intl.t('audit.never')),
              },
              { header: intl.t('audit.readBack'), cell: (c) => readBack(c.remote) },
              {
                header: '',
                cell: (c) => (
                  <button type="button" onClick={() => void fix(c.connectionId)}>
                    {intl.t('audit.fixAll')}
                  </button>
                ),
              },
            ]}
          />
          {audit.findings.length === 0 && <p data-testid="audit-clean">{intl.t('audit.clean')}</p>}
          <DataTable
            caption={intl.t('audit.findings')}
            rows={audit.findings}
            rowKey={(f) => `${f.connectionId}:${f.kind}:${f.source}:${f.sku}`}
            rowProps={(f) => ({ 'data-finding': `${f.kind}:${f.sku}` })}
            columns={[
              {
                header: intl.t('channelSync.channel'),
                cell: (f) =>
                  audit.connections.find((c) => c.connectionId === f.connectionId)?.name ||
                  channelName(f.channelId),
              },
              { header: intl.t('audit.sku'), cell: (f) => f.sku },
              { header: intl.t('audit.kindHeader'), cell: (f) => intl.t(`audit.kind.${f.kind}`) },
              { header: intl.t('audit.sourceHeader'), cell: (f) => intl.t(`audit.source.${f.source}`) },
              { header: intl.t('audit.hub'), cell: (f) => shown(f.hub) },
              { header: intl.t('audit.channelValue'), cell: (f) => shown(f.channel) },
              {
                header: intl.t('channels.status'),
                cell: (f) => (f.queued ? intl.t(`audit.queued.${f.queued}`) : ''),
              },
              {
                header: '',
                cell: (f) => (
                  <button
                    type="button"
                    onClick={() => void fix(f.connectionId, [{ kind: f.syncKind, sku: f.sku }])}
                  >
                    {intl.t('audit.fix')}
                  </button>
                ),
              },
            ]}
          />
          {audit.truncated && <p className="hint">{intl.t('audit.truncated')}</p>}
        </>
      )}
    </section>
  );
}
