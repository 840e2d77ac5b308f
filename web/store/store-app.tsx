// The storefront of one web channel (/store/<channel code>): catalog in the channel's language and
// currency, product pages with live availability per store, a cart that follows the shopper across
// channels once they log in, checkout with click & collect or delivery, and their account.
import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';
import { LANGUAGES, type Language, useIntl } from '../i18n/index.tsx';
import { ok } from '../ui/api.ts';
import { ErrorNotice, LanguagePicker, Loading, useLoad } from '../ui/components.tsx';
import { KeyGate, useApi } from '../ui/key-gate.tsx';
import { Link, matchPath, useRouter } from '../ui/router.tsx';
import { saveKey } from '../ui/session.ts';
import { AccountPage } from './account.tsx';
import { CartPage } from './cart.tsx';
import { CatalogPage } from './catalog.tsx';
import { useChatWidget } from './chat-widget.ts';
import { CheckoutPage } from './checkout.tsx';
import { useOffline } from './offline.ts';
import { ProductPage } from './product-page.tsx';
import { ReviewPage } from './review-page.tsx';
import { type ShopState, useShopState } from './shop-state.ts';

export function channelCodeFromPath(app: 'store' | 'pos'): string {
  const parts = window.location.pathname.split('/').filter(Boolean);
  return decodeURIComponent(parts[0] === app ? (parts[1] ?? '') : '');
}

export interface ShopChannel {
  id: string;
  code: string;
  name: string;
  currency: string;
  locales: string[];
  paymentProviders: string[];
}

const ShopContext = createContext<(ShopState & { channel: ShopChannel; locale: string | undefined }) | null>(
  null,
);

export function useShop() {
  const s = useContext(ShopContext);
  if (!s) throw new Error('useShop outside the shop');
  return s;
}

/** The channel's publishable key, put in the page by the hub (no key in the URL, nothing to paste). */
function servedKey(): string | null {
  return document.querySelector<HTMLMetaElement>('meta[name="omnihub-publishable-key"]')?.content || null;
}

export function StoreApp({ code }: { code: string }) {
  const intl = useIntl();
  // The hub's key wins over one kept from an earlier visit (it may have been revoked and replaced).
  const served = servedKey();
  if (served) saveKey(`store.${code}`, 'local', served);
  return (
    <KeyGate
      name={`store.${code}`}
      store="local"
      title={intl.t('store.closed')}
      hint={intl.t('store.keyHint')}
    >
      <Shop code={code} />
    </KeyGate>
  );
}

function Shop({ code }: { code: string }) {
  const intl = useIntl();
  const api = useApi();
  const channel = useLoad(
    () => ok(api.GET('/api/channels/{id}', { params: { path: { id: code } } })),
    [code],
  );
  const [langChecked, setLangChecked] = useState(false);
  // The channel's own language first, unless the shopper picked one.
  useEffect(() => {
    if (!channel.data || langChecked) return;
    setLangChecked(true);
    if (localStorage.getItem(`omnihub.lang.store.${code}`)) return;
    const first = channel.data.locales
      .map((l) => l.split('-')[0])
      .find((l) => LANGUAGES.includes(l as Language));
    if (first && first !== intl.lang) intl.setLang(first as Language);
  }, [channel.data, code, intl, langChecked]);
  if (channel.error) return <ErrorNotice error={channel.error} />;
  if (!channel.data) return <Loading />;
  return <ShopWithChannel channel={channel.data} />;
}

function OfflineNotice({ queued }: { queued: number }) {
  const intl = useIntl();
  const offline = useOffline();
  if (!offline && queued === 0) return null;
  return (
    <div className="notice" role="status" data-testid="offline-notice">
      {offline ? <p>{intl.t('shop.offline')}</p> : null}
      {queued ? <p>{intl.t('shop.queuedCount', { count: queued })}</p> : null}
    </div>
  );
}

function ShopWithChannel({ channel }: { channel: ShopChannel }) {
  const intl = useIntl();
  const state = useShopState(channel);
  const locale = channel.locales.find((l) => l.split('-')[0] === intl.lang);
  const { path } = useRouter();
  useChatWidget(channel.code, intl.lang);
  let page: ReactNode = <p>{intl.t('common.notFound')}</p>;
  const product = matchPath('/p/:handle', path);
  const category = path.startsWith('/c/') ? decodeURIComponent(path.slice(3)) : null;
  if (path === '/') page = <CatalogPage />;
  else if (category) page = <CatalogPage category={category} />;
  else if (product) page = <ProductPage handle={product.handle!} />;
  else if (path === '/cart') page = <CartPage />;
  else if (path === '/checkout') page = <CheckoutPage />;
  else if (path === '/account') page = <AccountPage />;
  else if (path === '/review') page = <ReviewPage />;
  const count = state.cart?.lines.reduce((n, l) => n + l.quantity, 0) ?? 0;
  return (
    <ShopContext.Provider value={{ ...state, channel, locale }}>
      <a className="skip-link" href="#main">
        {intl.t('common.skip')}
      </a>
      <header className="topbar shop-bar">
        <Link to="/" className="brand">
          {channel.name}
        </Link>
        <nav aria-label={intl.t('store.navigation')} className="shop-nav">
          <Link to="/account">{state.customer ? state.customer.email : intl.t('store.login')}</Link>
          <Link to="/cart">
            {intl.t('store.cart')} <span data-testid="cart-count">({count})</span>
          </Link>
        </nav>
        <LanguagePicker />
      </header>
      <main id="main" className="shop-main">
        <OfflineNotice queued={state.queued.length} />
        <ErrorNotice error={state.queueError} />
        {page}
      </main>
    </ShopContext.Provider>
  );
}
