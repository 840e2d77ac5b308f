// The dashboard: today's activity per channel and the hub's pulse, updating live from the stream.
import { useState } from 'react';
import { useIntl } from '../../i18n/index.tsx';
import { ok } from '../../ui/api.ts';
import { BarChart, ErrorNotice, LiveBadge, useLoad } from '../../ui/components.tsx';
import { readEventTail } from '../../ui/event-tail.ts';
import { useApi } from '../../ui/key-gate.tsx';
import type { LiveEvent } from '../../ui/stream.ts';
import { useLiveEvents } from '../../ui/use-live.ts';

const MINUTES = 15;

export function DashboardPage() {
  const intl = useIntl();
  const api = useApi();
  const channels = useLoad(() => ok(api.GET('/api/channels')), []);
  const tail = useLoad(() => readEventTail(api, { keep: 1000 }), []);
  const [live, setLive] = useState<LiveEvent[]>([]);
  const status = useLiveEvents([], (e) => setLive((l) => [e, ...l].slice(0, 5000)));

  const seen = new Set(live.map((e) => e.id));
  const events = [...live, ...(tail.data?.events ?? []).filter((e) => !seen.has(e.id))];
  const now = Date.now();
  const perMinute = Array.from({ length: MINUTES }, (_, i) => {
    const from = now - (MINUTES - i) * 60_000;
    return {
      label: intl.date(new Date(from + 60_000), 'time').replace(/:\d\d(?=\D*$)/, ''),
      value: events.filter((e) => {
        const t = Date.parse(e.time);
        return t >= from && t < from + 60_000;
      }).length,
    };
  });
  const byArea = new Map<string, number>();
  for (const e of events) {
    const area = e.type.split('.')[0] ?? e.type;
    byArea.set(area, (byArea.get(area) ?? 0) + 1);
  }

  return (
    <section aria-labelledby="dash-title">
      <div className="spread">
        <h1 id="dash-title">{intl.t('dash.title')}</h1>
        <LiveBadge status={status} />
      </div>
      <ErrorNotice error={channels.error ?? tail.error} />
      <div className="grid">
        <div className="panel">
          <div className="stat-label">{intl.t('dash.channels')}</div>
          <div className="stat" data-testid="stat-channels">
            {channels.data ? intl.number(channels.data.items.length) : '–'}
          </div>
        </div>
        <div className="panel">
          <div className="stat-label">{intl.t('dash.liveEvents')}</div>
          <div className="stat" data-testid="stat-live-events">
            {intl.number(live.length)}
          </div>
        </div>
      </div>
      <div className="grid">
        <div className="panel">
          <BarChart title={intl.t('dash.eventsPerMinute')} data={perMinute} format={intl.number} />
        </div>
        <div className="panel">
          <BarChart
            title={intl.t('dash.eventsByArea')}
            data={[...byArea.entries()].map(([label, value]) => ({ label, value }))}
            format={intl.number}
          />
        </div>
      </div>
    </section>
  );
}
