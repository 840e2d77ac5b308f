// One conversation in the inbox: every channel's messages on one timeline (customer, agents' replies
// with their delivery state, internal notes, phone and shop notes), the reply box with canned replies
// and a channel choice, notes, assignment, status with snooze, tags, and the customer beside it
// (inbox-customer.tsx). Opening it marks it read; live events reload it (liveTick).
import { useEffect, useState } from 'react';
import { useIntl } from '../../i18n/index.tsx';
import { ok, type paths } from '../../ui/api.ts';
import {
  ErrorNotice,
  Loading,
  Pill,
  SelectField,
  TextAreaField,
  TextField,
  useLoad,
} from '../../ui/components.tsx';
import { useAction } from '../../ui/data-table.tsx';
import { saveDownload } from '../../ui/download.ts';
import { useSession } from '../../ui/key-gate.tsx';
import { ProblemScope } from '../../ui/problem.tsx';
import { CustomerPanel, type PanelData } from './inbox-customer.tsx';
import { type ChannelKind, KINDS, kindLabel, STATUSES } from './inbox-kinds.ts';
import { ProductLinkPicker } from './inbox-product-link.tsx';

type Detail = paths['/api/inbox/conversations/{id}']['get']['responses'][200]['content']['application/json'];
type Message = Detail['messages'][number];
type Status = Detail['conversation']['status'];
type NoteKind = 'internal' | 'phone_note' | 'store_note';
const SENDABLE: ChannelKind[] = KINDS.filter((k) => k !== 'phone_note' && k !== 'store_note');

export function ConversationView({ id, liveTick }: { id: string; liveTick: number }) {
  const intl = useIntl();
  const { api } = useSession();
  const detail = useLoad(
    () => ok(api.GET('/api/inbox/conversations/{id}', { params: { path: { id } } })),
    [id, liveTick],
  );
  const unread = detail.data?.conversation.unreadCount ?? 0;
  useEffect(() => {
    if (unread > 0)
      void api
        .POST('/api/inbox/conversations/{id}/read', { params: { path: { id } } })
        .catch(() => undefined);
  }, [api, id, unread]);
  if (!detail.data) return detail.error ? <ErrorNotice error={detail.error} /> : <Loading />;
  const { conversation, messages } = detail.data;
  return (
    <div className="inbox-conversation">
      <article aria-labelledby="conversation-title" className="inbox-thread">
        <h2 id="conversation-title">{conversation.subject || intl.t('inbox.noSubject')}</h2>
        <ConversationControls conversation={conversation} onChange={detail.reload} />
        <h3>{intl.t('inbox.timeline')}</h3>
        <ol className="inbox-timeline" aria-label={intl.t('inbox.timeline')}>
          {messages.map((m) => (
            <MessageItem key={m.id} m={m} />
          ))}
        </ol>
        <Composer conversation={conversation} onSent={detail.reload} />
      </article>
      <CustomerPanel
        panel={detail.data.customer as PanelData | null}
        conversationId={conversation.id}
        onSent={detail.reload}
      />
    </div>
  );
}

function MessageItem({ m }: { m: Message }) {
  const intl = useIntl();
  const { api } = useSession();
  const who =
    m.direction === 'inbound'
      ? 'inbox.from.customer'
      : m.direction === 'outbound'
        ? 'inbox.from.agent'
        : 'inbox.from.note';
  const download = async (attachmentId: string, name: string) => {
    const res = await fetch(`/api/inbox/attachments/${encodeURIComponent(attachmentId)}`, {
      headers: { authorization: `Bearer ${api.key}` },
    });
    if (!res.ok) return;
    saveDownload(await res.blob(), name);
  };
  return (
    <li
      className={`inbox-message inbox-${m.direction}`}
      data-testid="inbox-message"
      data-direction={m.direction}
    >
      <div className="inbox-message-head">
        <strong>{intl.t(who)}</strong>
        {m.channelKind ? <Pill tone="info">{intl.t(kindLabel(m.channelKind))}</Pill> : null}
        <time dateTime={String(m.occurredAt)}>{intl.date(m.occurredAt)}</time>
        {m.status ? (
          <Pill tone={m.status === 'failed' ? 'bad' : m.status === 'queued' ? 'warn' : 'ok'}>
            {intl.t(`inbox.delivery.${m.status}`, { reason: m.failureReason ?? '' })}
          </Pill>
        ) : null}
      </div>
      {m.unparsed ? <p className="hint">{intl.t('inbox.unparsed')}</p> : null}
      <p className="inbox-text">{m.text}</p>
      {m.attachments.map((a) => (
        <button key={a.id} type="button" className="link" onClick={() => void download(a.id, a.filename)}>
          {intl.t('inbox.attachment', { name: a.filename, size: a.size })}
        </button>
      ))}
    </li>
  );
}

function ConversationControls({
  conversation,
  onChange,
}: {
  conversation: Detail['conversation'];
  onChange(): void;
}) {
  const intl = useIntl();
  const { api, me } = useSession();
  const { run, notices, error } = useAction();
  const agents = useLoad(() => ok(api.GET('/api/inbox/agents')), []);
  const [status, setStatus] = useState<Status>(conversation.status);
  const [until, setUntil] = useState('');
  const [tag, setTag] = useState('');
  const path = { params: { path: { id: conversation.id } } };
  const assign = (value: string) =>
    run(async () => {
      const body = value === 'round-robin' ? { roundRobin: true as const } : { agentId: value || null };
      await ok(api.POST('/api/inbox/conversations/{id}/assignment', { ...path, body }));
      onChange();
    }, intl.t('inbox.assigned'));
  const changeStatus = () =>
    run(async () => {
      const snooze = status === 'snoozed' && until ? { snoozedUntil: new Date(until).toISOString() } : {};
      await ok(api.POST('/api/inbox/conversations/{id}/status', { ...path, body: { status, ...snooze } }));
      onChange();
    }, intl.t('inbox.statusChanged'));
  const tags = (body: { add?: string[]; remove?: string[] }) =>
    run(async () => {
      await ok(api.POST('/api/inbox/conversations/{id}/tags', { ...path, body }));
      setTag('');
      onChange();
    });
  const assignee = conversation.assigneeId ?? '';
  const agentOptions = (agents.data?.items ?? []).filter((a) => a.agentId !== me.keyId);
  return (
    <ProblemScope error={error}>
      <div className="panel stack">
        {notices}
        <div className="row">
          <SelectField
            label={intl.t('inbox.assignTo')}
            field="body.agentId"
            value={assignee}
            onChange={(v) => void assign(v)}
            options={[
              { value: '', label: intl.t('inbox.nobody') },
              { value: me.keyId, label: `${intl.t('inbox.me')} (${me.name})` },
              ...agentOptions.map((a) => ({ value: a.agentId, label: a.name })),
              ...(assignee && assignee !== me.keyId && !agentOptions.some((a) => a.agentId === assignee)
                ? [{ value: assignee, label: assignee }]
                : []),
              { value: 'round-robin', label: intl.t('inbox.roundRobin') },
            ]}
          />
          <SelectField<Status>
            label={intl.t('inbox.status')}
            field="body.status"
            value={status}
            onChange={setStatus}
            options={STATUSES.map((s) => ({ value: s, label: intl.t(`inbox.status.${s}`) }))}
          />
          {status === 'snoozed' ? (
            <TextField
              label={intl.t('inbox.snoozeUntil')}
              field="body.snoozedUntil"
              type="datetime-local"
              value={until}
              onChange={setUntil}
            />
          ) : null}
          <button type="button" onClick={() => void changeStatus()}>
            {intl.t('inbox.setStatus')}
          </button>
        </div>
        <div className="row">
          <span>{intl.t('inbox.tags')}:</span>
          {conversation.tags.map((t) => (
            <button
              key={t}
              type="button"
              className="secondary"
              aria-label={intl.t('inbox.removeTag', { tag: t })}
              onClick={() => void tags({ remove: [t] })}
            >
              #{t} ×
            </button>
          ))}
          <form
            className="row"
            onSubmit={(e) => {
              e.preventDefault();
              if (tag.trim()) void tags({ add: [tag.trim()] });
            }}
          >
            <TextField label={intl.t('inbox.addTag')} value={tag} onChange={setTag} field="body.add" />
            <button type="submit" className="secondary">
              {intl.t('inbox.addTag')}
            </button>
          </form>
        </div>
      </div>
    </ProblemScope>
  );
}

function Composer({ conversation, onSent }: { conversation: Detail['conversation']; onSent(): void }) {
  const intl = useIntl();
  const { api } = useSession();
  const { run, notices, error } = useAction();
  const canned = useLoad(() => ok(api.GET('/api/inbox/canned-replies')), []);
  const [text, setText] = useState('');
  const [kind, setKind] = useState<ChannelKind | ''>('');
  const [noteKind, setNoteKind] = useState<NoteKind>('internal');
  const path = { params: { path: { id: conversation.id } } };
  const insertCanned = (replyId: string) =>
    replyId &&
    run(async () => {
      const filled = await ok(
        api.GET('/api/inbox/conversations/{id}/canned-replies/{replyId}', {
          params: { path: { id: conversation.id, replyId } },
        }),
      );
      setText((t) => (t ? `${t}\n${filled.text}` : filled.text));
    });
  const send = () =>
    run(async () => {
      const body = { text, ...(kind ? { channelKind: kind } : {}) };
      await ok(api.POST('/api/inbox/conversations/{id}/replies', { ...path, body }));
      setText('');
      onSent();
    }, intl.t('inbox.sent'));
  const note = () =>
    run(async () => {
      await ok(api.POST('/api/inbox/conversations/{id}/notes', { ...path, body: { text, kind: noteKind } }));
      setText('');
      onSent();
    }, intl.t('inbox.noteAdded'));
  const last = conversation.lastInboundChannel;
  return (
    <ProblemScope error={error}>
      <form
        className="panel stack"
        aria-label={intl.t('inbox.reply')}
        onSubmit={(e) => {
          e.preventDefault();
          void send();
        }}
      >
        <h3>{intl.t('inbox.reply')}</h3>
        {notices}
        <div className="row">
          <SelectField
            label={intl.t('inbox.canned')}
            value=""
            onChange={(v) => void insertCanned(v)}
            options={[
              { value: '', label: intl.t('inbox.cannedNone') },
              ...(canned.data?.items ?? []).map((c) => ({
                value: c.id,
                label: `/${c.shortcut} · ${c.title}`,
              })),
            ]}
          />
          <SelectField<ChannelKind | ''>
            label={intl.t('inbox.replyOn')}
            field="body.channelKind"
            value={kind}
            onChange={setKind}
            options={[
              {
                value: '',
                label: intl.t('inbox.lastChannel', { kind: last ? intl.t(kindLabel(last)) : '–' }),
              },
              ...SENDABLE.filter((k) => conversation.channelKinds.includes(k)).map((k) => ({
                value: k,
                label: intl.t(kindLabel(k)),
              })),
            ]}
          />
        </div>
        <ProductLinkPicker
          conversationId={conversation.id}
          run={run}
          onInsert={(url) => setText((t) => (t.trim() ? `${t.trimEnd()} ${url}` : url))}
        />
        <TextAreaField
          label={intl.t('inbox.replyText')}
          className="inbox-reply-text"
          field="body.text"
          value={text}
          onChange={setText}
        />
        <div className="row">
          <button type="submit" disabled={!text.trim()}>
            {intl.t('inbox.send')}
          </button>
          <SelectField<NoteKind>
            label={intl.t('inbox.noteKind')}
            field="body.kind"
            value={noteKind}
            onChange={setNoteKind}
            options={(['internal', 'phone_note', 'store_note'] as const).map((k) => ({
              value: k,
              label: intl.t(`inbox.noteKind.${k}`),
            }))}
          />
          <button type="button" className="secondary" disabled={!text.trim()} onClick={() => void note()}>
            {intl.t('inbox.note')}
          </button>
        </div>
      </form>
    </ProblemScope>
  );
}
