// The admin console: a key login, then one page per area of the hub.
import type { ReactNode } from 'react';
import { type MessageKey, useIntl } from '../i18n/index.tsx';
import { isStaffToken } from '../ui/api.ts';
import { LanguagePicker } from '../ui/components.tsx';
import { KeyGate, useSession } from '../ui/key-gate.tsx';
import { Link, matchPath, useRouter } from '../ui/router.tsx';
import { AudiencesPage } from './pages/audiences.tsx';
import { CampaignEditorPage } from './pages/campaign-editor.tsx';
import { CatalogPage } from './pages/catalog.tsx';
import { ChannelsPage } from './pages/channels.tsx';
import { CollectionsPage } from './pages/collections.tsx';
import { CustomerPage, CustomersPage } from './pages/customers.tsx';
import { DashboardPage } from './pages/dashboard.tsx';
import { EventsPage } from './pages/events.tsx';
import { FeedsPage } from './pages/feeds.tsx';
import { IdentityConfigPage } from './pages/identity-config.tsx';
import { InboxPage } from './pages/inbox.tsx';
import { InboxSettingsPage } from './pages/inbox-settings.tsx';
import { InsightsPage } from './pages/insights.tsx';
import { IntegrationsPage } from './pages/integrations.tsx';
import { InventoryPage } from './pages/inventory.tsx';
import { JourneysPage } from './pages/journeys.tsx';
import { KeysPage } from './pages/keys.tsx';
import { LoyaltyPage } from './pages/loyalty.tsx';
import { MyPasswordPage } from './pages/my-password.tsx';
import { OmnichannelScorePage } from './pages/omnichannel-score.tsx';
import { OrderPage } from './pages/order-detail.tsx';
import { OrdersPage, PickupBoardPage } from './pages/orders.tsx';
import { ProductEditorPage } from './pages/product-editor.tsx';
import { PromotionsPage } from './pages/promotions.tsx';
import { ReturnsPage } from './pages/returns.tsx';
import { ReviewsPage } from './pages/reviews.tsx';
import { StaffPage } from './pages/staff.tsx';

interface Section {
  path: string;
  label: MessageKey;
  /** false: a detail page, reached from its list, not from the menu. */
  nav?: boolean;
  render(params: Record<string, string>): ReactNode;
}

const SECTIONS: Section[] = [
  { path: '/', label: 'nav.dashboard', render: () => <DashboardPage /> },
  { path: '/insights', label: 'nav.insights', render: () => <InsightsPage /> },
  { path: '/orders', label: 'nav.orders', render: () => <OrdersPage /> },
  { path: '/orders/:id', label: 'nav.orders', nav: false, render: (p) => <OrderPage id={p.id!} /> },
  { path: '/pickups', label: 'nav.pickups', render: () => <PickupBoardPage /> },
  { path: '/returns', label: 'nav.returns', render: () => <ReturnsPage /> },
  { path: '/reviews', label: 'nav.reviews', render: () => <ReviewsPage /> },
  { path: '/inbox', label: 'nav.inbox', render: () => <InboxPage /> },
  { path: '/inbox/:id', label: 'nav.inbox', nav: false, render: (p) => <InboxPage id={p.id!} /> },
  { path: '/inbox-settings', label: 'nav.inboxSettings', render: () => <InboxSettingsPage /> },
  { path: '/customers', label: 'nav.customers', render: () => <CustomersPage /> },
  { path: '/customers/:id', label: 'nav.customers', nav: false, render: (p) => <CustomerPage id={p.id!} /> },
  { path: '/audiences', label: 'nav.audiences', render: () => <AudiencesPage /> },
  { path: '/identity', label: 'nav.identity', render: () => <IdentityConfigPage /> },
  { path: '/inventory', label: 'nav.inventory', render: () => <InventoryPage /> },
  { path: '/catalog', label: 'nav.catalog', render: () => <CatalogPage /> },
  { path: '/catalog/new', label: 'nav.catalog', nav: false, render: () => <ProductEditorPage /> },
  { path: '/catalog/:id', label: 'nav.catalog', nav: false, render: (p) => <ProductEditorPage id={p.id!} /> },
  { path: '/promotions', label: 'nav.promotions', render: () => <PromotionsPage /> },
  { path: '/promotions/new', label: 'nav.promotions', nav: false, render: () => <CampaignEditorPage /> },
  { path: '/promotions/collections', label: 'nav.promotions', nav: false, render: () => <CollectionsPage /> },
  { path: '/loyalty', label: 'nav.loyalty', render: () => <LoyaltyPage /> },
  { path: '/journeys', label: 'nav.journeys', render: () => <JourneysPage /> },
  {
    path: '/promotions/:id',
    label: 'nav.promotions',
    nav: false,
    render: (p) => <CampaignEditorPage id={p.id!} />,
  },
  { path: '/score', label: 'nav.score', render: () => <OmnichannelScorePage /> },
  { path: '/channels', label: 'nav.channels', render: () => <ChannelsPage /> },
  { path: '/feeds', label: 'nav.feeds', render: () => <FeedsPage /> },
  { path: '/staff', label: 'nav.staff', render: () => <StaffPage /> },
  { path: '/keys', label: 'nav.keys', render: () => <KeysPage /> },
  { path: '/integrations', label: 'nav.integrations', render: () => <IntegrationsPage /> },
  { path: '/events', label: 'nav.events', render: () => <EventsPage /> },
  { path: '/account/password', label: 'password.title', nav: false, render: () => <MyPasswordPage /> },
];

export function AdminApp() {
  const intl = useIntl();
  return (
    <KeyGate name="admin" store="session" title={intl.t('admin.title')} hint={intl.t('login.adminHint')}>
      <Shell />
    </KeyGate>
  );
}

function Shell() {
  const intl = useIntl();
  const { me, signOut, api } = useSession();
  // Staff pages are for those who may manage staff (admins); the hub refuses the rest anyway.
  const mayManageStaff = me.scopes.includes('admin') || me.scopes.includes('staff:write');
  const { path } = useRouter();
  let page: ReactNode = <p>{intl.t('common.notFound')}</p>;
  for (const s of SECTIONS) {
    const params = matchPath(s.path, path);
    if (params) {
      page = s.render(params);
      break;
    }
  }
  return (
    <>
      <a className="skip-link" href="#main">
        {intl.t('common.skip')}
      </a>
      <header className="topbar">
        <Link to="/" className="brand">
          {intl.t('admin.title')}
        </Link>
        <span data-testid="signed-in-as">{intl.t('staffLogin.signedInAs', { name: me.name })}</span>
        {isStaffToken(api.key) ? <Link to="/account/password">{intl.t('password.title')}</Link> : null}
        <LanguagePicker />
        <button type="button" className="secondary" onClick={signOut}>
          {intl.t('common.signOut')}
        </button>
      </header>
      <div className="shell">
        <nav className="sidenav" aria-label={intl.t('admin.navigation')}>
          {SECTIONS.filter((s) => s.nav !== false && (s.path !== '/staff' || mayManageStaff)).map((s) => (
            <Link key={s.path} to={s.path}>
              {intl.t(s.label)}
            </Link>
          ))}
        </nav>
        <main id="main">{page}</main>
      </div>
    </>
  );
}
