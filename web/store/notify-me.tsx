// "Notify me" on a sold-out variant of the product page: a signed-in shopper subscribes with one
// click (ticking consent first only if they never gave it for this channel); a guest types an email
// and ticks consent, then confirms through the link mailed to it (double opt-in: the hub records
// the consent only on that click).
import { type FormEvent, useEffect, useId, useState } from 'react';
import { useIntl } from '../i18n/index.tsx';
import { ok } from '../ui/api.ts';
import { ErrorNotice, TextField } from '../ui/components.tsx';
import { useApi } from '../ui/key-gate.tsx';
import { ProblemScope } from '../ui/problem.tsx';
import { useShop } from './store-app.tsx';

type Outcome = { status: string; email: string | null };
type ConsentEntry = { purpose: string; channel: string; status: string; at: string | Date };

/** Whether the newest marketing decision for this channel (or every channel) is a grant. */
function grantsMarketing(entries: ConsentEntry[], channelId: string): boolean {
  const newest = entries
    .filter((c) => c.purpose === 'marketing' && (c.channel === channelId || c.channel === '*'))
    .sort((a, b) => new Date(b.at).getTime() - new Date(a.at).getTime())[0];
  return newest?.status === 'granted';
}

export function NotifyMe({ sku }: { sku: string }) {
  const intl = useIntl();
  const api = useApi();
  const { channel, customer } = useShop();
  const titleId = useId();
  const [email, setEmail] = useState('');
  const [consent, setConsent] = useState(false);
  // Unknown until asked; a guest has none to ask about.
  const [consented, setConsented] = useState<boolean | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  // Remounted per variant (key): only who is signed in changes what to ask.
  useEffect(() => {
    if (!customer) return setConsented(null);
    api.GET('/api/me/consent').then(
      ({ data }) => setConsented(data ? grantsMarketing(data.items as ConsentEntry[], channel.id) : false),
      () => setConsented(false),
    );
  }, [api, customer, channel.id]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const typed = customer ? null : email.trim().toLowerCase();
      const r = await ok(
        api.POST('/api/back-in-stock', {
          body: {
            sku,
            ...(typed ? { email: typed } : {}),
            ...(consent ? { consent: true as const } : {}),
            locale: intl.lang,
          },
        }),
      );
      setOutcome({ status: r.status, email: customer?.email ?? typed });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  if (outcome) {
    const to = { email: outcome.email ?? '' };
    const text =
      outcome.status === 'confirmation_requested'
        ? intl.t('notifyMe.checkInbox', to)
        : customer
          ? intl.t('notifyMe.subscribed', to)
          : intl.t('notifyMe.subscribedAnon');
    return (
      <section className="notify-me panel" aria-labelledby={titleId}>
        <h2 id={titleId}>{intl.t('notifyMe.title')}</h2>
        <p role="status" data-testid="notify-me-status">
          {text}
        </p>
      </section>
    );
  }
  const askConsent = !customer || consented === false;
  return (
    <section className="notify-me panel" aria-labelledby={titleId}>
      <h2 id={titleId}>{intl.t('notifyMe.title')}</h2>
      <ProblemScope error={error}>
        <form className="stack" onSubmit={submit} aria-labelledby={titleId}>
          {customer ? null : (
            <TextField
              label={intl.t('notifyMe.email')}
              field="body.email"
              type="email"
              name="email"
              value={email}
              onChange={setEmail}
              required
            />
          )}
          {askConsent ? (
            <label className="notify-consent">
              <input
                type="checkbox"
                required
                checked={consent}
                onChange={(e) => setConsent(e.target.checked)}
              />{' '}
              {intl.t('notifyMe.consent')}
            </label>
          ) : null}
          <ErrorNotice error={error} />
          <button type="submit" disabled={busy || (customer !== null && consented === null)}>
            {intl.t('notifyMe.button')}
          </button>
        </form>
      </ProblemScope>
    </section>
  );
}
