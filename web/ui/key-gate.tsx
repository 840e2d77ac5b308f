// Logs an app in with an API key (checked against /api/me) and gives the pages a typed client.
// A 401 on any later call (key revoked) sends the app back to the login form.
import {
  createContext,
  type FormEvent,
  type ReactNode,
  useContext,
  useEffect,
  useMemo,
  useState,
} from 'react';
import { useIntl } from '../i18n/index.tsx';
import { type ApiClient, createApi, whoAmI } from './api.ts';
import { ErrorNotice, LanguagePicker, Loading, TextField } from './components.tsx';
import { type KeyStore, readKey, saveKey, takeKeyFromUrl } from './session.ts';

export interface Me {
  keyId: string;
  name: string;
  scopes: string[];
  channelId: string | null;
  hub: string;
}

interface Session {
  api: ApiClient;
  me: Me;
  signOut(): void;
}

const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside <KeyGate>');
  return s;
}

export function useApi(): ApiClient {
  return useSession().api;
}

export function KeyGate({
  name,
  store,
  title,
  hint,
  children,
}: {
  name: string;
  store: KeyStore;
  title: string;
  hint: string;
  children: ReactNode;
}) {
  const intl = useIntl();
  const [key, setKey] = useState<string | null>(() => {
    takeKeyFromUrl(name, store);
    return readKey(name, store);
  });
  const [me, setMe] = useState<Me | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [draft, setDraft] = useState('');
  const [busy, setBusy] = useState(false);

  const signOut = () => {
    saveKey(name, store, null);
    setKey(null);
    setMe(null);
  };

  useEffect(() => {
    if (!key || me) return;
    whoAmI(key).then(setMe, (e: unknown) => {
      setError(e);
      saveKey(name, store, null);
      setKey(null);
    });
  }, [key, me, name, store]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: signOut only changes with name and store
  const api = useMemo(() => (key ? createApi(key, { onUnauthorized: signOut }) : null), [key]);

  if (key && !me && !error) return <Loading />;
  if (key && me && api) {
    return <SessionContext.Provider value={{ api, me, signOut }}>{children}</SessionContext.Provider>;
  }

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const who = await whoAmI(draft.trim());
      saveKey(name, store, draft.trim());
      setMe(who);
      setKey(draft.trim());
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <main className="login">
      <div className="spread">
        <h1>{title}</h1>
        <LanguagePicker />
      </div>
      <form className="panel stack" onSubmit={submit} aria-label={intl.t('login.title')}>
        <TextField
          label={intl.t('login.key')}
          type="password"
          name="key"
          value={draft}
          onChange={setDraft}
          hint={hint}
          required
          autoFocus
        />
        <ErrorNotice error={error} />
        <button type="submit" disabled={busy || !draft.trim()}>
          {intl.t('login.submit')}
        </button>
      </form>
    </main>
  );
}
