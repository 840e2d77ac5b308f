// The event log, newest first, growing live: every state change in the hub, as CloudEvents.
import { useState } from 'react';
import { useIntl } from '../../i18n/index.tsx';
import { ErrorNotice, LiveBadge, Loading, TextField, useLoad } from '../../ui/components.tsx';
import { readEventTail } from '../../ui/event-tail.ts';
import { useApi } from '../../ui/key-gate.tsx';
import type { LiveEvent } from '../../ui/stream.ts';
import { useLiveEvents } from '../../ui/use-live.ts';

export function EventsPage() {
  const intl = useIntl();
  const api = useApi();
  const [filter, setFilter] = useState('');
  const tail = useLoad(() => readEventTail(api, { keep: 200 }), []);
  const [live, setLive] = useState<LiveEvent[]>([]);
  const status = useLiveEvents([], (e) => setLive((l) => [e, ...l].slice(0, 500)));
  const seen = new Set(live.map((e) => e.id));
  const all = [...live, ...(tail.data?.events ?? []).filter((e) => !seen.has(e.id))];
  const shown = filter ? all.filter((e) => e.type.includes(filter) || e.subject.includes(filter)) : all;
  return (
    <section aria-labelledby="events-title">
      <div className="spread">
        <h1 id="events-title">{intl.t('events.title')}</h1>
        <LiveBadge status={status} />
      </div>
      <div className="row">
        <TextField label={intl.t('events.filter')} value={filter} onChange={setFilter} />
      </div>
      <ErrorNotice error={tail.error} />
      {tail.loading && !tail.data ? <Loading /> : null}
      <div className="table-wrap panel">
        <table aria-live="polite" aria-relevant="additions">
          <thead>
            <tr>
              <th scope="col">{intl.t('events.time')}</th>
              <th scope="col">{intl.t('events.type')}</th>
              <th scope="col">{intl.t('events.subject')}</th>
              <th scope="col">{intl.t('events.data')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.slice(0, 200).map((e) => (
              <tr key={e.id} data-event-type={e.type}>
                <td className="nowrap">{intl.date(e.time, 'time')}</td>
                <td className="nowrap">
                  <code>{e.type}</code>
                </td>
                <td>{e.subject}</td>
                <td className="clamp" title={JSON.stringify(e.data).slice(0, 1000)}>
                  <code className="code">{JSON.stringify(e.data).slice(0, 160)}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
