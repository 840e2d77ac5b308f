// Product feeds: for each channel that sells online (web, app, social, marketplace), the URLs of its
// Google, local inventory and Meta feeds, how many products and variants they hold, and the variants
// left out with the field that stops them (the same report the feeds are built from).
import { useIntl } from '../../i18n/index.tsx';
import { ok } from '../../ui/api.ts';
import { ErrorNotice, Loading, Notice, Pill, useLoad } from '../../ui/components.tsx';
import { DataTable } from '../../ui/data-table.tsx';
import { useApi } from '../../ui/key-gate.tsx';
import { Link } from '../../ui/router.tsx';

const SELLING = new Set(['web', 'mobile_app', 'social', 'marketplace']);
/** Enough problems to act on; the rest are counted. */
const SHOWN_ISSUES = 20;

export function FeedsPage() {
  const intl = useIntl();
  const api = useApi();
  const channels = useLoad(() => ok(api.GET('/api/channels')), []);
  const selling = (channels.data?.items ?? []).filter((c) => SELLING.has(c.type));
  return (
    <section aria-labelledby="feeds-title">
      <h1 id="feeds-title">{intl.t('feeds.title')}</h1>
      <p className="hint">
        {intl.t('feeds.hint')} <Link to="/keys">{intl.t('nav.keys')}</Link>
      </p>
      <ErrorNotice error={channels.error} />
      {channels.loading && !channels.data ? <Loading /> : null}
      {selling.map((c) => (
        <ChannelFeeds key={c.id} channel={c} />
      ))}
    </section>
  );
}

function ChannelFeeds({ channel }: { channel: { id: string; code: string; name: string } }) {
  const intl = useIntl();
  const api = useApi();
  const report = useLoad(
    () => ok(api.GET('/api/channels/{channel}/feeds', { params: { path: { channel: channel.id } } })),
    [channel.id],
  );
  const r = report.data;
  const leftOut = new Set(r?.issues.map((i) => i.sku)).size;
  const titleId = `feeds-${channel.code}`;
  return (
    <section className="card" aria-labelledby={titleId} data-channel={channel.code}>
      <h2 id={titleId}>{channel.name}</h2>
      <ErrorNotice error={report.error} />
      {!r ? (
        report.error ? null : (
          <Loading />
        )
      ) : (
        <>
          <dl className="feed-urls">
            {(
              [
                ['feeds.google', r.urls.google],
                ['feeds.localInventory', r.urls.localInventory],
                ['feeds.meta', r.urls.meta],
              ] as const
            ).map(([label, url]) => (
              <div key={label}>
                <dt>{intl.t(label)}</dt>
                <dd>
                  <code>{url}</code>
                </dd>
              </div>
            ))}
          </dl>
          <p data-testid="feed-summary">
            {intl.t('feeds.summary', { products: r.products, variants: r.variants })}{' '}
            {r.issues.length ? <Pill tone="warn">{intl.t('feeds.issues', { count: leftOut })}</Pill> : null}
          </p>
          {r.issues.length === 0 ? (
            <Notice>{intl.t('feeds.noIssues')}</Notice>
          ) : (
            <>
              <DataTable
                caption={intl.t('feeds.issues', { count: leftOut })}
                rows={r.issues.slice(0, SHOWN_ISSUES)}
                rowKey={(i) => `${i.sku}:${i.field}`}
                rowProps={(i) => ({ 'data-sku': i.sku })}
                columns={[
                  {
                    header: intl.t('feeds.sku'),
                    cell: (i) => <Link to={`/catalog/${i.productId}`}>{i.sku}</Link>,
                  },
                  { header: intl.t('feeds.field'), cell: (i) => <code>{i.field}</code> },
                  { header: intl.t('feeds.problem'), cell: (i) => intl.t(`feeds.issue.${i.code}`) },
                ]}
              />
              {r.issues.length > SHOWN_ISSUES ? (
                <p className="hint">{intl.t('feeds.more', { count: r.issues.length - SHOWN_ISSUES })}</p>
              ) : null}
            </>
          )}
        </>
      )}
    </section>
  );
}
