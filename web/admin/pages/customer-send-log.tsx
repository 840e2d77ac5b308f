// The send log on the admin's customer view: every journey message to this customer (and the
// profiles merged into them), newest first: when, on which format, which template and journey,
// and what became of it (sent, held, refused or failed, with the reason).
import { isMessageKey, useIntl } from '../../i18n/index.tsx';
import { ok } from '../../ui/api.ts';
import { ErrorNotice, Pill, useLoad } from '../../ui/components.tsx';
import { DataTable } from '../../ui/data-table.tsx';
import { useApi } from '../../ui/key-gate.tsx';

type Status = 'queued' | 'sent' | 'refused' | 'failed' | 'cancelled';
const TONE: Record<Status, 'ok' | 'warn' | 'bad' | 'info'> = {
  queued: 'info',
  sent: 'ok',
  refused: 'warn',
  failed: 'bad',
  cancelled: 'info',
};

export function CustomerSendLogPanel({ customerId }: { customerId: string }) {
  const intl = useIntl();
  const api = useApi();
  const log = useLoad(
    () => ok(api.GET('/api/customers/{id}/messages', { params: { path: { id: customerId } } })),
    [customerId],
  );
  // A journey without a name in the catalogue (a newer hub) shows its key.
  const journeyName = (key: string | null) => {
    const name = `journeys.name.${key}`;
    return key ? (isMessageKey(name) ? intl.t(name) : key) : '—';
  };
  const statusOf = (s: string) => (s in TONE ? (s as Status) : 'queued');
  return (
    <section className="panel" aria-labelledby="send-log-title" data-testid="customer-send-log">
      <h2 id="send-log-title">{intl.t('sendLog.title')}</h2>
      <ErrorNotice error={log.error} />
      {log.data && log.data.messages.length === 0 ? <p className="hint">{intl.t('sendLog.none')}</p> : null}
      {log.data && log.data.messages.length > 0 ? (
        <DataTable
          rows={log.data.messages}
          caption={intl.t('sendLog.title')}
          rowKey={(m) => m.id}
          rowProps={(m) => ({ 'data-message': m.id, 'data-status': m.status })}
          columns={[
            { header: intl.t('sendLog.when'), cell: (m) => intl.date(m.sentAt ?? m.dueAt) },
            { header: intl.t('sendLog.format'), cell: (m) => m.format ?? m.formats.join(' → ') },
            { header: intl.t('sendLog.template'), cell: (m) => <code>{m.templateKey}</code> },
            { header: intl.t('sendLog.journey'), cell: (m) => journeyName(m.journey) },
            {
              header: intl.t('sendLog.status'),
              cell: (m) => (
                <Pill tone={TONE[statusOf(m.status)]}>{intl.t(`sendLog.status.${statusOf(m.status)}`)}</Pill>
              ),
            },
            { header: intl.t('sendLog.reason'), cell: (m) => m.reason ?? '' },
          ]}
        />
      ) : null}
    </section>
  );
}
