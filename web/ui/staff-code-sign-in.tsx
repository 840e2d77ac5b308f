// Staff sign-in with a code mailed to their work address: ask for a code, then type it. The hub
// answers the same for any address, so the page does too.
import { type FormEvent, useState } from 'react';
import { useIntl } from '../i18n/index.tsx';
import { ApiError, staffRequestCode, staffSignInWithCode } from './api.ts';
import { Notice, TextField } from './components.tsx';
import { ErrorNotice, FieldMarkedInvalid, ProblemScope } from './problem.tsx';

export function StaffCodeSignIn({
  staffChannel,
  onToken,
}: {
  staffChannel?: string | undefined;
  onToken(token: string): Promise<void>;
}) {
  const intl = useIntl();
  const [email, setEmail] = useState('');
  const [code, setCode] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
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
  const send = (e: FormEvent) =>
    attempt(e, async () => {
      await staffRequestCode(email.trim());
      setSentTo(email.trim());
    });
  const verify = (e: FormEvent) =>
    attempt(e, async () => {
      const signedIn = await staffSignInWithCode({
        email: sentTo ?? email.trim(),
        code: code.trim(),
        ...(staffChannel ? { channel: staffChannel } : {}),
      });
      await onToken(signedIn.token);
    });

  return (
    <ProblemScope error={error}>
      <form className="panel stack" onSubmit={sentTo ? verify : send} aria-label={intl.t('staffCode.switch')}>
        <TextField
          label={intl.t('staffLogin.email')}
          type="email"
          name="email"
          field="body.email"
          value={email}
          onChange={(v) => {
            setEmail(v);
            setSentTo(null);
          }}
          required
          autoFocus
        />
        {sentTo ? (
          <>
            <Notice>{intl.t('staffCode.sent', { email: sentTo })}</Notice>
            {/* A refused code is answered like an unknown address (nothing told), yet it is this field. */}
            <FieldMarkedInvalid.Provider
              value={error instanceof ApiError && error.code === 'staff_sign_in_failed'}
            >
              <TextField
                label={intl.t('staffCode.code')}
                name="code"
                field="body.code"
                value={code}
                onChange={setCode}
                required
              />
            </FieldMarkedInvalid.Provider>
          </>
        ) : null}
        <ErrorNotice error={error} />
        <button type="submit" disabled={busy || !email.trim() || (!!sentTo && !code.trim())}>
          {sentTo ? intl.t('staffCode.submit') : intl.t('staffCode.send')}
        </button>
      </form>
    </ProblemScope>
  );
}
