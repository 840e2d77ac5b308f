// Customers: search by email, phone, external id or name; the single customer view with identities
// (and how much we trust them), journey stage, consent, merge history with the reason, unmerge, and
// the cross-channel timeline.
import { type FormEvent, useState } from 'react';
import { type MessageKey, useIntl } from '../../i18n/index.tsx';
import { ok } from '../../ui/api.ts';
import { Empty, ErrorNotice, Loading, Pill, SelectField, TextField, useLoad } from '../../ui/components.tsx';
import { useApi } from '../../ui/key-gate.tsx';
import { ProblemScope } from '../../ui/problem.tsx';
import { Link, useRouter } from '../../ui/router.tsx';
import { useLiveEvents } from '../../ui/use-live.ts';
import { toMinor } from '../form-errors.tsx';
import { CustomerSendLogPanel } from './customer-send-log.tsx';
import { CustomerWalletPanel } from './customer-wallet.tsx';

// `q`: any part of a name, an email address or a phone number (the hub searches server side).
const SEARCH_BY = ['q', 'email', 'phone', 'name', 'externalId'] as const;
type SearchBy = (typeof SEARCH_BY)[number];

export function CustomersPage() {
  const intl = useIntl();
  const api = useApi();
  const { query, navigate } = useRouter();
  const [by, setBy] = useState<SearchBy>((query.get('by') as SearchBy) ?? 'q');
  const [text, setText] = useState(query.get('q') ?? '');
  const q = query.get('q');
  const activeBy = (query.get('by') as SearchBy) ?? 'q';
  const results = useLoad(
    () =>
      q
        ? ok(api.GET('/api/customers', { params: { query: { [activeBy]: q, limit: 25 } } }))
        : Promise.resolve(null),
    [q, activeBy],
  );
  const search = (e: FormEvent) => {
    e.preventDefault();
    navigate(`/customers?by=${by}&q=${encodeURIComponent(text.trim())}`);
  };
  return (
    <section aria-labelledby="customers-title">
      <h1 id="customers-title">{intl.t('customers.title')}</h1>
      <ProblemScope error={results.error}>
        <form className="panel row" onSubmit={search} aria-label={intl.t('customers.search')}>
          <SelectField<SearchBy>
            label={intl.t('customers.searchBy')}
            value={by}
            options={SEARCH_BY.map((b) => ({ value: b, label: intl.t(`customers.by.${b}`) }))}
            onChange={setBy}
          />
          <TextField
            label={intl.t('customers.searchFor')}
            value={text}
            onChange={setText}
            field={`query.${activeBy}`}
            required
          />
          <button type="submit">{intl.t('common.search')}</button>
        </form>
      </ProblemScope>
      <ErrorNotice error={results.error} />
      {results.loading && q ? <Loading /> : null}
      {results.data?.items.length === 0 ? <Empty>{intl.t('customers.none')}</Empty> : null}
      {results.data && results.data.items.length > 0 ? (
        <div className="table-wrap panel">
          <table>
            <thead>
              <tr>
                <th scope="col">{intl.t('customers.name')}</th>
                <th scope="col">{intl.t('customers.by.email')}</th>
                <th scope="col">{intl.t('customers.by.phone')}</th>
                <th scope="col">{intl.t('customers.stage')}</th>
                <th scope="col">{intl.t('customers.lastSeen')}</th>
              </tr>
            </thead>
            <tbody>
              {results.data.items.map((c) => (
                <tr key={c.id}>
                  <td>
                    <Link to={`/customers/${c.id}`}>{c.name ?? c.email ?? c.phone ?? c.id}</Link>
                  </td>
                  <td>{c.email ?? '–'}</td>
                  <td>{c.phone ?? '–'}</td>
                  <td>
                    <Pill tone="info">{intl.t(`stage.${c.stage}`)}</Pill>
                  </td>
                  <td>{intl.date(c.lastSeenAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

export function CustomerPage({ id }: { id: string }) {
  const intl = useIntl();
  const api = useApi();
  const [error, setError] = useState<unknown>(null);
  const view = useLoad(
    () => ok(api.GET('/api/customers/{id}', { params: { path: { id }, query: { timelineLimit: 50 } } })),
    [id],
  );
  const merges = useLoad(() => ok(api.GET('/api/customers/{id}/merges', { params: { path: { id } } })), [id]);
  const log = useLoad(
    () => ok(api.GET('/api/customers/{id}/identity-log', { params: { path: { id } } })),
    [id],
  );
  const channels = useLoad(() => ok(api.GET('/api/channels')), []);
  const [consent, setConsent] = useState({ purpose: 'marketing', channel: '*', granted: 'true' });
  const [newTag, setNewTag] = useState('');
  const channelName = (cid: string | null) =>
    cid === '*'
      ? intl.t('keys.allChannels')
      : cid
        ? (channels.data?.items.find((c) => c.id === cid)?.name ?? cid)
        : '–';

  const reloadAll = () => {
    view.reload();
    merges.reload();
    log.reload();
  };
  useLiveEvents(['customer.*', 'order.*', 'cart.*'], (e) => {
    const v = view.data;
    if (v && (e.subject === v.id || v.mergedProfileIds.includes(e.subject) || e.data.customerId === v.id))
      reloadAll();
  });

  const act = async (fn: () => Promise<unknown>) => {
    setError(null);
    try {
      await fn();
      reloadAll();
    } catch (err) {
      setError(err);
    }
  };
  const unmerge = (mergeId: string) =>
    act(() => ok(api.POST('/api/customers/merges/{id}/unmerge', { params: { path: { id: mergeId } } })));
  const saveConsent = (e: FormEvent) => {
    e.preventDefault();
    void act(() =>
      ok(
        api.PUT('/api/customers/{id}/consent', {
          params: { path: { id } },
          body: { purpose: consent.purpose, channel: consent.channel, granted: consent.granted === 'true' },
        }),
      ),
    );
  };

  const changeTags = (body: { add?: string[]; remove?: string[] }) =>
    act(() => ok(api.POST('/api/customers/{id}/tags', { params: { path: { id } }, body })));
  const addTag = (e: FormEvent) => {
    e.preventDefault();
    const tag = newTag.trim();
    if (!tag) return;
    setNewTag('');
    void changeTags({ add: [tag] });
  };

  if (view.loading && !view.data) return <Loading />;
  if (!view.data) return <ErrorNotice error={view.error} />;
  const v = view.data;
  const trait = (k: string) => (v.traits[k]?.value == null ? '' : String(v.traits[k]?.value));
  const contact = (type: string) => v.identities.find((i) => i.type === type)?.value;
  // A person is called by their name, else by their email or phone; the id is the last resort.
  const name =
    [trait('firstName'), trait('lastName')].filter(Boolean).join(' ') ||
    trait('name') ||
    trait('email') ||
    contact('email') ||
    contact('phone') ||
    v.id;
  return (
    <section aria-labelledby="customer-title">
      <p>
        <Link to="/customers">{intl.t('customers.back')}</Link>
      </p>
      <div className="spread">
        <h1 id="customer-title">{name}</h1>
        <Pill tone="info">{intl.t(`stage.${v.stage}`)}</Pill>
      </div>
      {trait('note') ? (
        <p data-testid="customer-note">
          <strong>{intl.t('customers.note')}:</strong> {trait('note')}
        </p>
      ) : null}
      <ErrorNotice error={error} />
      <ProblemScope error={error}>
        <div className="grid">
          <div className="panel">
            <h2>{intl.t('customers.identities')}</h2>
            <ul>
              {v.identities.map((i) => (
                <li key={`${i.type}:${i.value}`}>
                  <strong>{i.type}</strong> {i.value}{' '}
                  <Pill tone={i.trust === 'verified' ? 'ok' : 'warn'}>{intl.t(`trust.${i.trust}`)}</Pill>{' '}
                  <small className="hint">{channelName(i.channelId)}</small>
                </li>
              ))}
            </ul>
          </div>
          <div className="panel">
            <h2>{intl.t('customers.consent')}</h2>
            {v.consent.length === 0 ? <Empty /> : null}
            <ul>
              {v.consent.map((c) => (
                <li key={`${c.purpose}:${c.channel}`}>
                  {c.purpose} · {channelName(c.channel)}{' '}
                  <Pill tone={c.status === 'granted' ? 'ok' : 'bad'}>{intl.t(`consent.${c.status}`)}</Pill>
                </li>
              ))}
            </ul>
            <form className="row" onSubmit={saveConsent} aria-label={intl.t('customers.consent')}>
              <TextField
                label={intl.t('customers.purpose')}
                field="body.purpose"
                value={consent.purpose}
                onChange={(purpose) => setConsent({ ...consent, purpose })}
              />
              <SelectField
                label={intl.t('keys.channel')}
                field="body.channel"
                value={consent.channel}
                options={[
                  { value: '*', label: intl.t('keys.allChannels') },
                  ...(channels.data?.items ?? []).map((c) => ({ value: c.id, label: c.name })),
                ]}
                onChange={(channel) => setConsent({ ...consent, channel })}
              />
              <SelectField
                label={intl.t('customers.decision')}
                field="body.granted"
                value={consent.granted}
                options={[
                  { value: 'true', label: intl.t('consent.granted') },
                  { value: 'false', label: intl.t('consent.denied') },
                ]}
                onChange={(granted) => setConsent({ ...consent, granted })}
              />
              <button type="submit">{intl.t('common.save')}</button>
            </form>
          </div>
          <div className="panel">
            <h2>{intl.t('customers.tags')}</h2>
            {v.tags.length === 0 ? <Empty /> : null}
            <ul className="tags" data-testid="tags">
              {v.tags.map(({ tag }) => (
                <li key={tag} data-tag={tag}>
                  <Pill tone="info">{tag}</Pill>{' '}
                  <button
                    type="button"
                    className="link"
                    aria-label={intl.t('customers.removeTag', { tag })}
                    onClick={() => void changeTags({ remove: [tag] })}
                  >
                    ×
                  </button>
                </li>
              ))}
            </ul>
            <form className="row" onSubmit={addTag} aria-label={intl.t('customers.addTag')}>
              <TextField
                label={intl.t('customers.tag')}
                value={newTag}
                onChange={setNewTag}
                field="body.add"
              />
              <button type="submit">{intl.t('customers.addTag')}</button>
            </form>
          </div>
        </div>
      </ProblemScope>
      <CustomerWalletPanel customerId={v.id} />
      <CustomerSendLogPanel customerId={v.id} />
      <div className="panel">
        <h2>{intl.t('customers.merges')}</h2>
        {merges.data?.items.length === 0 ? <Empty /> : null}
        <ul>
          {merges.data?.items.map((m) => (
            <li key={m.id} data-merge={m.id}>
              {intl.date(m.createdAt)} · <strong>{m.reason}</strong>{' '}
              <small className="hint">
                {Object.entries(m.evidence)
                  .map(([k, val]) => `${k}: ${String(val)}`)
                  .join(', ')}
              </small>{' '}
              {m.status === 'active' ? (
                <button type="button" className="link" onClick={() => unmerge(m.id)}>
                  {intl.t('customers.unmerge')}
                </button>
              ) : (
                <Pill tone="warn">{intl.t('customers.undone')}</Pill>
              )}
            </li>
          ))}
        </ul>
        <h2>{intl.t('customers.why')}</h2>
        <ul>
          {log.data?.items.map((l) => (
            <li key={l.id}>
              {intl.date(l.at)} · <code>{l.kind}</code> {l.reason}
            </li>
          ))}
        </ul>
      </div>
      <div className="panel">
        <h2>{intl.t('customers.timeline')}</h2>
        <TimelineList items={v.timeline?.items ?? []} channelName={channelName} />
      </div>
    </section>
  );
}

function TimelineList({
  items,
  channelName,
}: {
  items: Array<{
    id: string;
    kind: string;
    name: string | null;
    channelId: string | null;
    occurredAt: string;
    properties?: Record<string, unknown>;
  }>;
  channelName(id: string | null): string;
}) {
  const intl = useIntl();
  if (items.length === 0) return <Empty />;
  return (
    <ol className="timeline">
      {items.map((i) => (
        <li key={i.id}>
          <time dateTime={i.occurredAt}>{intl.date(i.occurredAt)}</time> · {channelName(i.channelId)} ·{' '}
          <span data-event-kind={i.kind}>{timelineSentence(intl, i)}</span>
        </li>
      ))}
    </ol>
  );
}

/** Segment's spec event names (and our own) as sentences; other names are quoted as they came. */
const TRACK_SENTENCES: Record<string, MessageKey> = {
  'Order Completed': 'customerEvent.orderCompleted',
  'Order Refunded': 'customerEvent.orderRefunded',
  'Product Viewed': 'customerEvent.productViewed',
  'Product Added': 'customerEvent.productAdded',
  'Product Removed': 'customerEvent.productRemoved',
  'Cart Viewed': 'customerEvent.cartViewed',
  'Checkout Started': 'customerEvent.checkoutStarted',
  'Products Searched': 'customerEvent.productsSearched',
};
const KIND_SENTENCES: Record<string, MessageKey> = {
  identify: 'customerEvent.identify',
  page: 'customerEvent.page',
  screen: 'customerEvent.screen',
  group: 'customerEvent.group',
  alias: 'customerEvent.alias',
  entry: 'customerEvent.entry',
};

function timelineSentence(
  intl: ReturnType<typeof useIntl>,
  i: { kind: string; name: string | null; properties?: Record<string, unknown> },
): string {
  const p = i.properties ?? {};
  const total =
    typeof p.total === 'number' && typeof p.currency === 'string'
      ? intl.money(toMinor(String(p.total), p.currency), p.currency)
      : '';
  const key =
    (i.kind === 'track' && i.name ? TRACK_SENTENCES[i.name] : undefined) ??
    KIND_SENTENCES[i.kind] ??
    'customerEvent.other';
  return intl.t(key, { name: i.name ?? '', total, hasTotal: total ? 'yes' : 'no' });
}
