// Campaigns: every campaign with how it applies, its status, schedule and uses; pause or resume one
// (every channel's carts follow at once), open one in the editor, or start a new one.
import { useIntl } from '../../i18n/index.tsx';
import { ok } from '../../ui/api.ts';
import { Pill, useLoad } from '../../ui/components.tsx';
import { LoadedTable, useAction } from '../../ui/data-table.tsx';
import { useApi } from '../../ui/key-gate.tsx';
import { Link } from '../../ui/router.tsx';

export function PromotionsPage() {
  const intl = useIntl();
  const api = useApi();
  const campaigns = useLoad(() => ok(api.GET('/api/promotions/campaigns', { params: { query: {} } })), []);
  const action = useAction();
  const setStatus = (id: string, status: 'active' | 'paused') =>
    void action.run(async () => {
      await ok(api.PATCH('/api/promotions/campaigns/{id}', { params: { path: { id } }, body: { status } }));
      campaigns.reload();
    });
  const when = (c: { startsAt: string | null; endsAt: string | null }) =>
    [
      c.startsAt ? intl.t('promo.from', { date: intl.date(c.startsAt) }) : null,
      c.endsAt ? intl.t('promo.until', { date: intl.date(c.endsAt) }) : null,
    ]
      .filter(Boolean)
      .join(' ') || intl.t('promo.always');
  return (
    <section aria-labelledby="promotions-title">
      <h1 id="promotions-title">{intl.t('promo.title')}</h1>
      <p>{intl.t('promo.intro')}</p>
      <p>
        <Link to="/promotions/new">{intl.t('promo.new')}</Link>
        {' · '}
        <Link to="/promotions/collections">{intl.t('collections.link')}</Link>
      </p>
      {action.notices}
      <LoadedTable
        load={campaigns}
        items={campaigns.data?.items}
        rowKey={(c) => c.id}
        rowProps={(c) => ({ 'data-campaign': c.name })}
        columns={[
          { header: intl.t('promo.name'), cell: (c) => <Link to={`/promotions/${c.id}`}>{c.name}</Link> },
          { header: intl.t('promo.kind'), cell: (c) => intl.t(`promo.kind.${c.kind}`) },
          {
            header: intl.t('promo.status'),
            cell: (c) => (
              <Pill tone={c.status === 'active' ? 'ok' : 'neutral'}>
                {intl.t(`promo.status.${c.status}`)}
              </Pill>
            ),
          },
          { header: intl.t('promo.schedule'), cell: when },
          {
            header: intl.t('promo.used'),
            num: true,
            cell: (c) =>
              c.usageLimit === null
                ? intl.number(c.used)
                : intl.t('promo.usedOf', { used: c.used, limit: c.usageLimit }),
          },
          {
            header: '',
            cell: (c) =>
              c.status === 'archived' ? null : (
                <button
                  type="button"
                  className="link"
                  onClick={() => setStatus(c.id, c.status === 'active' ? 'paused' : 'active')}
                >
                  {c.status === 'active' ? intl.t('promo.pause') : intl.t('promo.resume')}
                  <span className="visually-hidden"> {c.name}</span>
                </button>
              ),
          },
        ]}
      />
    </section>
  );
}
