// Logs an app in, with a staff member's email and password (the session token then travels like a
// key) or with an API key (the bootstrap admin key, automation), checked against /api/me, and gives
// the pages a typed client. A 401 on any later call (key revoked, session ended) sends the app back
// to the login form.
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
import { type ApiClient, createApi, isStaffToken, staffSignIn, staffSignOut, whoAmI } from './api.ts';
import { ErrorNotice, LanguagePicker, Loading, TextField } from './components.tsx';
import { ProblemScope } from './problem.tsx';
import { type KeyStore, readKey, saveKey, takeKeyFromUrl } from './session.ts';
import { StaffCodeSignIn } from './staff-code-sign-in.tsx';

export interface Me {
  keyId: string;
  name: string;
  /** `staff` for a signed-in staff member, `secret` for an API key. */
  kind: string;
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
  staffChannel,
  staffHint,
  children,
}: {
  name: string;
  store: KeyStore;
  title: string;
  hint: string;
  /** Staff sign in at this till (store channel code); none: the admin. */
  staffChannel?: string;
  staffHint?: string;
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

  const [withKey, setWithKey] = useState(false);
  const [withCode, setWithCode] = useState(false);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  const signOut = () => {
    if (key && isStaffToken(key)) void staffSignOut(key);
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

  const keep = async (secret: string) => {
    const who = await whoAmI(secret);
    saveKey(name, store, secret);
    setMe(who);
    setKey(secret);
  };
  const attempt = async (e: FormEvent, action: () => Promise<void>) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const submitKey = (e: FormEvent) => attempt(e, () => keep(draft.trim()));
  const submitStaff = (e: FormEvent) =>
    attempt(e, async () => {
      const signedIn = await staffSignIn({
        email: email.trim(),
        password,
        ...(staffChannel ? { channel: staffChannel } : {}),
      });
      setPassword('');
      await keep(signedIn.token);
    });
  return (
    <main className="login">
      <div className="spread">
        <h1>{title}</h1>
        <LanguagePicker />
      </div>
      {withKey ? (
        <form className="panel stack" onSubmit={submitKey} aria-label={intl.t('login.title')}>
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
      ) : withCode ? (
        <StaffCodeSignIn staffChannel={staffChannel} onToken={keep} />
      ) : (
        <ProblemScope error={error}>
          <form className="panel stack" onSubmit={submitStaff} aria-label={intl.t('staffLogin.title')}>
            <TextField
              label={intl.t('staffLogin.email')}
              type="email"
              name="email"
              value={email}
              onChange={setEmail}
              field="body.email"
              required
              autoFocus
              {...(staffHint ? { hint: staffHint } : {})}
            />
            <TextField
              label={intl.t('staffLogin.password')}
              type="password"
              name="password"
              field="body.password"
              value={password}
              onChange={setPassword}
              required
            />
            <ErrorNotice error={error} />
            <button type="submit" disabled={busy || !email.trim() || !password}>
              {intl.t('staffLogin.submit')}
            </button>
          </form>
        </ProblemScope>
      )}
      {withKey ? null : (
        <button
          type="button"
          className="link"
          onClick={() => {
            setWithCode(!withCode);
            setError(null);
          }}
        >
          {withCode ? intl.t('staffCode.switchBack') : intl.t('staffCode.switch')}
        </button>
      )}
      <button
        type="button"
        className="link"
        onClick={() => {
          setWithKey(!withKey);
          setError(null);
        }}
      >
        {withKey ? intl.t('staffLogin.withAccount') : intl.t('staffLogin.withKey')}
      </button>
    </main>
  );
}
