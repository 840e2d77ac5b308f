// The till of one store (/pos/<store code>, tablet-sized): find a customer and resume their cart,
// sell (stock at this store goes down at once, everywhere), hand over click & collect orders, and
// take returns of orders from any channel.
import { createContext, type ReactNode, useContext } from 'react';
import { useIntl } from '../i18n/index.tsx';
import { ok } from '../ui/api.ts';
import { ErrorNotice, LanguagePicker, Loading, useLoad } from '../ui/components.tsx';
import { KeyGate, useApi, useSession } from '../ui/key-gate.tsx';
import { Link, useRouter } from '../ui/router.tsx';
import { PickupsPage } from './pickups.tsx';
import { ReturnsPage } from './returns.tsx';
import { SellPage } from './sell.tsx';

interface Till {
  channel: { id: string; code: string; name: string; currency: string; paymentProviders: string[] };
  location: { id: string; code: string; name: string };
}

const TillContext = createContext<Till | null>(null);

export function useTill(): Till {
  const t = useContext(TillContext);
  if (!t) throw new Error('useTill outside the till');
  return t;
}

export function PosApp({ code }: { code: string }) {
  const intl = useIntl();
  return (
    <KeyGate
      name={`pos.${code}`}
      store="local"
      title={intl.t('pos.title', { store: code })}
      hint={intl.t('pos.keyHint')}
      staffChannel={code}
      staffHint={intl.t('staffLogin.tillHint')}
    >
      <Till code={code} />
    </KeyGate>
  );
}

function Till({ code }: { code: string }) {
  const intl = useIntl();
  const api = useApi();
  const { signOut, me } = useSession();
  const { path } = useRouter();
  const setup = useLoad(async () => {
    const [channel, locations] = await Promise.all([
      ok(api.GET('/api/channels/{id}', { params: { path: { id: code } } })),
      ok(api.GET('/api/inventory/locations')),
    ]);
    const location =
      locations.items.find((l) => l.code === code) ?? locations.items.find((l) => l.type === 'store');
    if (!location) throw new Error(intl.t('pos.noLocation', { store: code }));
    return { channel, location };
  }, [code]);
  if (setup.error) return <ErrorNotice error={setup.error} />;
  if (!setup.data) return <Loading />;
  let page: ReactNode = <SellPage />;
  if (path === '/pickups') page = <PickupsPage />;
  else if (path === '/returns') page = <ReturnsPage />;
  return (
    <TillContext.Provider value={setup.data}>
      <header className="topbar">
        <span className="brand">{setup.data.channel.name}</span>
        <nav aria-label={intl.t('pos.navigation')} className="shop-nav">
          <Link to="/">{intl.t('pos.sell')}</Link>
          <Link to="/pickups">{intl.t('pos.pickups')}</Link>
          <Link to="/returns">{intl.t('pos.returns')}</Link>
        </nav>
        {me.kind === 'staff' ? (
          <span data-testid="clerk">{intl.t('staffLogin.signedInAs', { name: me.name })}</span>
        ) : null}
        <LanguagePicker />
        <button type="button" className="secondary" onClick={signOut}>
          {intl.t('common.signOut')}
        </button>
      </header>
      <main id="main" className="pos-main">
        {page}
      </main>
    </TillContext.Provider>
  );
}
