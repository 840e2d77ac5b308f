// Integrations: webhook endpoints with their sync health (lag, failures, dead letters), each
// endpoint's deliveries, and replay of the dead-letter queue.
import { type FormEvent, useState } from 'react';
import { useIntl } from '../../i18n/index.tsx';
import { ok } from '../../ui/api.ts';
import { Empty, ErrorNotice, Loading, Notice, Pill, TextField, useLoad } from '../../ui/components.tsx';
import { useApi } from '../../ui/key-gate.tsx';
import { useLiveEvents } from '../../ui/use-live.ts';

export function IntegrationsPage() {
  const intl = useIntl();
  const api = useApi();
  const health = useLoad(() => ok(api.GET('/api/webhooks/health')), []);
  const [selected, setSelected] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [form, setForm] = useState({ url: '', types: '' });
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
  // Sync health moves with every event; refresh at most as often as events arrive.
  useLiveEvents([], () => {
    if (!health.loading) health.reload();
  });

  const create = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const created = await ok(
        api.POST('/api/webhooks/endpoints', {
          body: { url: form.url, types: form.types.split(/[\s,]+/).filter(Boolean) },
        }),
      );
      setNotice(intl.t('integrations.secretOnce', { secret: created.secret }));
      setForm({ url: '', types: '' });
      health.reload();
    } catch (err) {
      setError(err);
    }
  };
  const replay = async (id: string) => {
    setError(null);
    try {
      const r = await ok(
        api.POST('/api/webhooks/endpoints/{id}/replay', { params: { path: { id } }, body: {} }),
      );
      setNotice(intl.t('integrations.replayed', { count: r.replayed.length }));
      health.reload();
      deliveries.reload();
    } catch (err) {
      setError(err);
    }
  };

  return (
    <section aria-labelledby="integrations-title">
      <h1 id="integrations-title">{intl.t('integrations.title')}</h1>
      <ErrorNotice error={error ?? health.error} />
      {notice ? <Notice tone="success">{notice}</Notice> : null}
      {health.loading && !health.data ? <Loading /> : null}
      {health.data?.items.length === 0 ? <Empty>{intl.t('integrations.none')}</Empty> : null}
      {health.data && health.data.items.length > 0 ? (
        <div className="table-wrap panel">
          <table>
            <caption className="visually-hidden">{intl.t('integrations.health')}</caption>
            <thead>
              <tr>
                <th scope="col">URL</th>
                <th scope="col">{intl.t('channels.status')}</th>
                <th scope="col" className="num">
                  {intl.t('integrations.delivered')}
                </th>
                <th scope="col" className="num">
                  {intl.t('integrations.pending')}
                </th>
                <th scope="col" className="num">
                  {intl.t('integrations.failed')}
                </th>
                <th scope="col" className="num">
                  {intl.t('integrations.dead')}
                </th>
                <th scope="col" className="num">
                  {intl.t('integrations.lag')}
                </th>
                <th scope="col" />
              </tr>
            </thead>
            <tbody>
              {health.data.items.map((h) => (
                <tr key={h.endpointId} data-endpoint={h.url}>
                  <td>
                    <button type="button" className="link" onClick={() => setSelected(h.endpointId)}>
                      {h.url}
                    </button>
                  </td>
                  <td>
                    <Pill tone={h.status === 'active' ? (h.deadLettered > 0 ? 'warn' : 'ok') : 'bad'}>
                      {intl.t(`endpointStatus.${h.status}`)}
                    </Pill>
                  </td>
                  <td className="num">{intl.number(h.delivered)}</td>
                  <td className="num">{intl.number(h.pending)}</td>
                  <td className="num">{intl.number(h.failedAttempts)}</td>
                  <td className="num" data-testid="dead">
                    {intl.number(h.deadLettered)}
                  </td>
                  <td className="num">{intl.t('integrations.seconds', { s: Math.round(h.lagSeconds) })}</td>
                  <td>
                    {h.deadLettered > 0 ? (
                      <button type="button" className="secondary" onClick={() => replay(h.endpointId)}>
                        {intl.t('integrations.replay')}
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {selected && deliveries.data ? (
        <div className="table-wrap panel">
          <h2>{intl.t('integrations.deliveries')}</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">{intl.t('events.time')}</th>
                <th scope="col">{intl.t('events.type')}</th>
                <th scope="col">{intl.t('channels.status')}</th>
                <th scope="col" className="num">
                  {intl.t('integrations.attempts')}
                </th>
                <th scope="col">{intl.t('integrations.lastError')}</th>
              </tr>
            </thead>
            <tbody>
              {deliveries.data.items.map((d) => (
                <tr key={d.id}>
                  <td>{intl.date(d.createdAt)}</td>
                  <td>
                    <code>{d.eventType}</code>
                  </td>
                  <td>
                    <Pill tone={d.status === 'delivered' ? 'ok' : d.status === 'dead' ? 'bad' : 'info'}>
                      {intl.t(`deliveryStatus.${d.status}`)}
                    </Pill>
                  </td>
                  <td className="num">{d.attempts}</td>
                  <td>
                    {d.lastStatusCode ? `HTTP ${d.lastStatusCode} ` : ''}
                    {d.lastError ?? ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <h2>{intl.t('integrations.new')}</h2>
      <form className="panel row" onSubmit={create} aria-label={intl.t('integrations.new')}>
        <TextField
          label="URL"
          type="url"
          value={form.url}
          onChange={(url) => setForm({ ...form, url })}
          required
        />
        <TextField
          label={intl.t('integrations.types')}
          value={form.types}
          onChange={(types) => setForm({ ...form, types })}
          hint={intl.t('integrations.typesHint')}
        />
        <button type="submit">{intl.t('common.create')}</button>
      </form>
    </section>
  );
}
