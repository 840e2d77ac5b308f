// The conversations tab of the customer at the counter: their conversations on every channel (the
// channel, the last message and when), one opened read only (replies are the inbox's work), and the
// clerk notes the shop visit on it. Only the sale's customer's, through the till's own routes
// (scope inbox:till): the till never sees the inbox. The thread's files download through the till's
// route. Live: the page's one event stream, told the sale's cart, carries the inbox events about this
// customer only (the badge says whether it is live).
import { type FormEvent, useState } from 'react';
import { type MessageKey, useIntl } from '../i18n/index.tsx';
import { ok, type paths } from '../ui/api.ts';
import {
  Empty,
  ErrorNotice,
  LiveBadge,
  Loading,
  Notice,
  Pill,
  TextAreaField,
  useLoad,
} from '../ui/components.tsx';
import { useAction } from '../ui/data-table.tsx';
import { saveDownload } from '../ui/download.ts';
import { useApi, useSession } from '../ui/key-gate.tsx';
import { ProblemScope } from '../ui/problem.tsx';
import { useLiveEvents } from '../ui/use-live.ts';

type ListItem =
  paths['/api/tills/carts/{id}/conversations']['get']['responses'][200]['content']['application/json']['items'][number];
type Thread =
  paths['/api/tills/carts/{id}/conversations/{conversationId}']['get']['responses'][200]['content']['application/json'];
type Kind = NonNullable<ListItem['lastInboundChannel']>;

const kindLabel = (k: Kind): MessageKey => `inbox.kind.${k}`;
/** What changes a thread at the counter (agents' internal notes are filtered out when read). */
const LIVE_TYPES = [
  'inbox.conversation_opened',
  'inbox.message_received',
  'inbox.message_queued',
  'inbox.note_added',
];
const useSaleInboxEvents = (cartId: string, onEvent: (conversationId: string) => void) =>
  useLiveEvents(LIVE_TYPES, (e) => onEvent(String(e.data.conversationId ?? '')), { query: { cart: cartId } });
const FROM: Record<Thread['messages'][number]['direction'], MessageKey> = {
  inbound: 'inbox.from.customer',
  outbound: 'inbox.from.agent',
  note: 'inbox.from.note',
};

export function TillConversations({ cartId, customerId }: { cartId: string; customerId: string }) {
  const intl = useIntl();
  const api = useApi();
  const [open, setOpen] = useState<string | null>(null);
  const list = useLoad(
    () => ok(api.GET('/api/tills/carts/{id}/conversations', { params: { path: { id: cartId } } })),
    [cartId, customerId],
  );
  const live = useSaleInboxEvents(cartId, () => list.reload());
  return (
    <section aria-labelledby="till-conversations" className="stack" data-testid="till-conversations">
      <div className="spread">
        <h2 id="till-conversations">{intl.t('tillInbox.title')}</h2>
        <LiveBadge status={live} />
      </div>
      {open ? (
        <ThreadView
          cartId={cartId}
          conversationId={open}
          onBack={() => {
            setOpen(null);
            list.reload();
          }}
        />
      ) : list.error ? (
        <ErrorNotice error={list.error} />
      ) : !list.data ? (
        <Loading />
      ) : list.data.items.length === 0 ? (
        <Empty>{intl.t('tillInbox.none')}</Empty>
      ) : (
        <ul className="plain stack">
          {list.data.items.map((c) => (
            <li key={c.id} className="card stack" data-testid="till-conversation">
              <button
                type="button"
                className="link"
                onClick={() => setOpen(c.id)}
                aria-label={intl.t('tillInbox.open', { subject: c.subject || intl.t('inbox.noSubject') })}
              >
                {c.subject || intl.t('inbox.noSubject')}
              </button>
              <span className="row">
                {c.channelKinds.map((k) => (
                  <Pill key={k} tone="info">
                    {intl.t(kindLabel(k))}
                  </Pill>
                ))}
                <time dateTime={String(c.lastMessageAt)}>{intl.date(c.lastMessageAt)}</time>
              </span>
              {c.lastMessage ? (
                <span className="hint">
                  {intl.t(`tillInbox.lastFrom.${c.lastMessage.direction}`)} {c.lastMessage.text}
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ThreadView({
  cartId,
  conversationId,
  onBack,
}: {
  cartId: string;
  conversationId: string;
  onBack(): void;
}) {
  const intl = useIntl();
  const api = useApi();
  const params = { path: { id: cartId, conversationId } };
  const thread = useLoad(
    () => ok(api.GET('/api/tills/carts/{id}/conversations/{conversationId}', { params })),
    [cartId, conversationId],
  );
  useSaleInboxEvents(cartId, (id) => {
    if (id === conversationId) thread.reload();
  });
  const files = useDownload(cartId, conversationId);
  const [text, setText] = useState('');
  // Kept as a flag, not a string: the notice follows a language change made after saving.
  const [saved, setSaved] = useState(false);
  const { run, notices, error } = useAction();
  const note = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    void run(async () => {
      await ok(
        api.POST('/api/tills/carts/{id}/conversations/{conversationId}/store-notes', {
          params,
          body: { text },
        }),
      );
      setText('');
      setSaved(true);
      thread.reload();
    });
  };
  if (!thread.data) return thread.error ? <ErrorNotice error={thread.error} /> : <Loading />;
  return (
    <article className="stack" aria-label={thread.data.conversation.subject || intl.t('inbox.noSubject')}>
      <button type="button" className="secondary" onClick={onBack}>
        {intl.t('tillInbox.back')}
      </button>
      <h3>{thread.data.conversation.subject || intl.t('inbox.noSubject')}</h3>
      <ol className="inbox-timeline" aria-label={intl.t('inbox.timeline')}>
        {thread.data.messages.map((m) => (
          <MessageRow key={m.id} m={m} onDownload={files.download} />
        ))}
      </ol>
      {files.failed ? (
        <p role="alert" className="notice notice-error">
          {intl.t('tillInbox.downloadFailed')}
        </p>
      ) : null}
      <p className="hint">{intl.t('tillInbox.readOnly')}</p>
      {notices}
      {saved ? <Notice tone="success">{intl.t('tillInbox.visitSaved')}</Notice> : null}
      <ProblemScope error={error}>
        <form className="stack" onSubmit={note} aria-label={intl.t('tillInbox.visit')}>
          <TextAreaField
            label={intl.t('tillInbox.visitText')}
            value={text}
            onChange={setText}
            field="body.text"
            rows={2}
          />
          <button type="submit">{intl.t('tillInbox.visit')}</button>
        </form>
      </ProblemScope>
    </article>
  );
}

function MessageRow({
  m,
  onDownload,
}: {
  m: Thread['messages'][number];
  onDownload(attachmentId: string, name: string): void;
}) {
  const intl = useIntl();
  return (
    <li
      className={`inbox-message inbox-${m.direction}`}
      data-testid="till-message"
      data-direction={m.direction}
    >
      <div className="inbox-message-head">
        <strong>{intl.t(FROM[m.direction])}</strong>
        {m.channelKind ? <Pill tone="info">{intl.t(kindLabel(m.channelKind))}</Pill> : null}
        <time dateTime={String(m.occurredAt)}>{intl.date(m.occurredAt)}</time>
      </div>
      <p className="inbox-text">{m.text}</p>
      {m.attachments.map((a) => (
        <button key={a.id} type="button" className="link" onClick={() => onDownload(a.id, a.filename)}>
          {intl.t('inbox.attachment', { name: a.filename, size: a.size })}
        </button>
      ))}
    </li>
  );
}

/** Saves a file of the thread: fetched with the till's credential (a plain link could not carry it). */
function useDownload(cartId: string, conversationId: string) {
  const { key } = useSession().api;
  const [failed, setFailed] = useState(false);
  const download = (attachmentId: string, name: string) => {
    setFailed(false);
    const path = `/api/tills/carts/${encodeURIComponent(cartId)}/conversations/${encodeURIComponent(conversationId)}/attachments/${encodeURIComponent(attachmentId)}`;
    void fetch(path, { headers: { authorization: `Bearer ${key}` } })
      .then(async (res) => {
        if (!res.ok) throw new Error(`download answered ${res.status}`);
        saveDownload(await res.blob(), name);
      })
      .catch(() => setFailed(true));
  };
  return { download, failed };
}
