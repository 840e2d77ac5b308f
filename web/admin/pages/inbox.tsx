// The agents' inbox: conversations of every channel by newest activity, with filters (status,
// assignee, channel, tag, unread), the counts per tab and a search over messages; the chosen
// conversation opens beside the list (inbox-conversation.tsx). Everything follows the inbox's live
// stream (/api/inbox/stream), so a message that arrives shows without a reload.
import { type FormEvent, useState } from 'react';
import { useIntl } from '../../i18n/index.tsx';
import { ok } from '../../ui/api.ts';
import {
  ErrorNotice,
  LiveBadge,
  Loading,
  Pill,
  SelectField,
  TextField,
  useLoad,
} from '../../ui/components.tsx';
import { useSession } from '../../ui/key-gate.tsx';
import { Link } from '../../ui/router.tsx';
import { useLiveEvents } from '../../ui/use-live.ts';
import { ConversationView } from './inbox-conversation.tsx';
import {
  type ChannelKind,
  type Conversation,
  KINDS,
  kindLabel,
  type ListQuery,
  STATUSES,
  type Status,
} from './inbox-kinds.ts';

export function InboxPage({ id }: { id?: string }) {
  const intl = useIntl();
  const { api, me } = useSession();
  const [status, setStatus] = useState<Status | ''>('open');
  const [assignee, setAssignee] = useState('');
  const [kind, setKind] = useState<ChannelKind | ''>('');
  const [tag, setTag] = useState('');
  const [unread, setUnread] = useState(false);
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const [limit, setLimit] = useState(50);
  const agents = useLoad(() => ok(api.GET('/api/inbox/agents')), []);
  const query: ListQuery = {
    limit,
    ...(status ? { status } : {}),
    ...(assignee ? { assignee: assignee === 'me' ? me.keyId : assignee } : {}),
    ...(kind ? { channelKind: kind } : {}),
    ...(tag.trim() ? { tag: tag.trim() } : {}),
    ...(unread ? { unread: 'true' as const } : {}),
  };
  const list = useLoad(async () => {
    if (q) return { items: (await ok(api.GET('/api/inbox/search', { params: { query: { q } } }))).items };
    return ok(api.GET('/api/inbox/conversations', { params: { query } }));
  }, [JSON.stringify(query), q]);
  const counts = useLoad(
    () =>
      ok(
        api.GET('/api/inbox/counts', {
          params: { query: { ...(query.assignee ? { assignee: query.assignee } : {}) } },
        }),
      ),
    [query.assignee],
  );
  const [tick, setTick] = useState(0);
  const live = useLiveEvents(
    ['inbox.*'],
    () => {
      list.reload();
      counts.reload();
      setTick((n) => n + 1);
    },
    { path: '/api/inbox/stream' },
  );
  const search = (e: FormEvent) => {
    e.preventDefault();
    setQ(text.trim());
  };
  const c = counts.data;
  const nextCursor = !q && list.data && 'nextCursor' in list.data ? list.data.nextCursor : null;
  return (
    <section aria-labelledby="inbox-title">
      <div className="spread">
        <h1 id="inbox-title">{intl.t('inbox.title')}</h1>
        <LiveBadge status={live} />
      </div>
      <p className="hint">{intl.t('inbox.intro')}</p>
      {c ? (
        <p data-testid="inbox-counts">
          {intl.t('inbox.counts', {
            open: c.byStatus.open ?? 0,
            pending: c.byStatus.pending ?? 0,
            snoozed: c.byStatus.snoozed ?? 0,
            resolved: c.byStatus.resolved ?? 0,
            unread: c.unread,
            unassigned: c.unassigned,
          })}
        </p>
      ) : null}
      <form className="panel row" aria-label={intl.t('inbox.filters')} onSubmit={search}>
        <SelectField<Status | ''>
          label={intl.t('inbox.status')}
          value={status}
          onChange={setStatus}
          options={[
            { value: '', label: intl.t('inbox.anyStatus') },
            ...STATUSES.map((s) => ({ value: s, label: intl.t(`inbox.status.${s}`) })),
          ]}
        />
        <SelectField
          label={intl.t('inbox.assignee')}
          value={assignee}
          onChange={setAssignee}
          options={[
            { value: '', label: intl.t('inbox.anyone') },
            { value: 'me', label: intl.t('inbox.me') },
            { value: 'none', label: intl.t('inbox.nobody') },
            ...(agents.data?.items ?? [])
              .filter((a) => a.agentId !== me.keyId)
              .map((a) => ({ value: a.agentId, label: a.name })),
          ]}
        />
        <SelectField<ChannelKind | ''>
          label={intl.t('inbox.channel')}
          value={kind}
          onChange={setKind}
          options={[
            { value: '', label: intl.t('inbox.anyChannel') },
            ...KINDS.map((k) => ({ value: k, label: intl.t(kindLabel(k)) })),
          ]}
        />
        <TextField label={intl.t('inbox.tag')} value={tag} onChange={setTag} />
        <label className="check">
          <input type="checkbox" checked={unread} onChange={(e) => setUnread(e.target.checked)} />{' '}
          {intl.t('inbox.unreadOnly')}
        </label>
        <TextField label={intl.t('inbox.search')} value={text} onChange={setText} type="search" />
        <button type="submit">{intl.t('inbox.searchSubmit')}</button>
        {q ? (
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setText('');
              setQ('');
            }}
          >
            {intl.t('inbox.clearSearch')}
          </button>
        ) : null}
      </form>
      <div className="inbox-layout">
        <nav aria-label={intl.t('inbox.list')} className="inbox-list panel">
          <ErrorNotice error={list.error} />
          {list.loading && !list.data ? <Loading /> : null}
          <ul>
            {(list.data?.items ?? []).map((conv) => (
              <ConversationRow key={conv.id} conv={conv} current={conv.id === id} />
            ))}
          </ul>
          {nextCursor ? (
            <button
              type="button"
              className="secondary"
              onClick={() => setLimit((n) => Math.min(200, n + 50))}
            >
              {intl.t('inbox.more')}
            </button>
          ) : null}
        </nav>
        <div className="inbox-main">
          {id ? <ConversationView key={id} id={id} liveTick={tick} /> : <p>{intl.t('inbox.pick')}</p>}
        </div>
      </div>
    </section>
  );
}

function ConversationRow({ conv, current }: { conv: Conversation; current: boolean }) {
  const intl = useIntl();
  return (
    <li className={conv.unreadCount > 0 ? 'inbox-row unread' : 'inbox-row'} data-testid="inbox-row">
      <Link to={`/inbox/${conv.id}`} aria-current={current ? 'page' : undefined}>
        <strong>{conv.subject || intl.t('inbox.noSubject')}</strong>
        <span className="inbox-row-meta">
          {conv.channelKinds.map((k) => (
            <Pill key={k} tone="info">
              {intl.t(kindLabel(k))}
            </Pill>
          ))}
          <Pill tone={conv.status === 'open' ? 'warn' : 'neutral'}>
            {intl.t(`inbox.status.${conv.status}`)}
          </Pill>
          {conv.unreadCount > 0 ? (
            <Pill tone="bad">{intl.t('inbox.unread', { count: conv.unreadCount })}</Pill>
          ) : null}
          {conv.tags.map((t) => (
            <Pill key={t}>#{t}</Pill>
          ))}
        </span>
        <small>
          {intl.date(conv.lastMessageAt)} · {intl.t('inbox.messages', { count: conv.messageCount })}
        </small>
      </Link>
    </li>
  );
}
