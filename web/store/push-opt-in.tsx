// Web push on the storefront: the signed-in shopper turns notifications on (the browser asks for
// permission only then, never on page load), the page subscribes through the service worker
// (/store/sw.js) with the hub's VAPID public key and saves the subscription for the shopper; turning
// them off unsubscribes the browser and removes it from the hub. Journey messages with a push
// variant then reach this browser under the same send-time rules as every other format.
import { useEffect, useState } from 'react';
import { useIntl } from '../i18n/index.tsx';
import { ok } from '../ui/api.ts';
import { ErrorNotice } from '../ui/components.tsx';
import { useApi } from '../ui/key-gate.tsx';

type State = 'unknown' | 'off' | 'on' | 'denied' | 'unsupported';

const supported = () =>
  typeof navigator !== 'undefined' &&
  'serviceWorker' in navigator &&
  typeof window !== 'undefined' &&
  'PushManager' in window &&
  'Notification' in window;

/** The VAPID key (base64url) as the bytes PushManager.subscribe takes. */
function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const b64 = base64url
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(base64url.length / 4) * 4, '=');
  const raw = atob(b64);
  const out = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
  return out;
}

export function PushOptIn() {
  const intl = useIntl();
  const api = useApi();
  const [state, setState] = useState<State>(supported() ? 'unknown' : 'unsupported');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!supported()) return;
    if (Notification.permission === 'denied') return setState('denied');
    void navigator.serviceWorker.ready
      .then((reg) => reg.pushManager.getSubscription())
      .then((sub) => setState(sub ? 'on' : 'off'))
      .catch(() => setState('off'));
  }, []);

  const turnOn = async () => {
    // The shopper agreed by pressing the button: only now does the browser ask.
    if ((await Notification.requestPermission()) !== 'granted') return setState('denied');
    const { publicKey } = await ok(api.GET('/api/push/vapid-public-key'));
    const reg = await navigator.serviceWorker.ready;
    const sub = await reg.pushManager.subscribe({
      userVisibleOnly: true,
      applicationServerKey: keyBytes(publicKey),
    });
    const json = sub.toJSON() as { endpoint: string; keys: { p256dh: string; auth: string } };
    await ok(api.PUT('/api/me/push-subscriptions', { body: { endpoint: json.endpoint, keys: json.keys } }));
    setState('on');
  };
  const turnOff = async () => {
    const sub = await (await navigator.serviceWorker.ready).pushManager.getSubscription();
    if (sub) {
      await sub.unsubscribe();
      const { response } = await api.DELETE('/api/me/push-subscriptions', {
        body: { endpoint: sub.endpoint },
      });
      // A 404: the hub already removed it (the push service said it is gone); nothing left to do.
      if (!response.ok && response.status !== 404) throw new Error(`HTTP ${response.status}`);
    }
    setState('off');
  };
  const run = (f: () => Promise<void>) => async () => {
    setBusy(true);
    setError(null);
    try {
      await f();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  if (state === 'unsupported' || state === 'unknown') return null;
  return (
    <section className="panel" aria-labelledby="push-title" data-testid="push-opt-in" data-state={state}>
      <h2 id="push-title">{intl.t('storePush.title')}</h2>
      <p className="hint">{intl.t(`storePush.${state}`)}</p>
      <ErrorNotice error={error} />
      {state === 'off' ? (
        <button type="button" disabled={busy} onClick={run(turnOn)}>
          {intl.t('storePush.turnOn')}
        </button>
      ) : null}
      {state === 'on' ? (
        <button type="button" className="secondary" disabled={busy} onClick={run(turnOff)}>
          {intl.t('storePush.turnOff')}
        </button>
      ) : null}
    </section>
  );
}
