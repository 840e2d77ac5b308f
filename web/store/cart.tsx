// The cart, and logging in: the shopper's carts from other channels come along (merged by the hub).
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useIntl } from '../i18n/index.tsx';
import { CartPromotions } from '../ui/cart-promotions.tsx';
import { Empty, ErrorNotice, Notice, TextField } from '../ui/components.tsx';
import { useChannelTitles } from '../ui/local-titles.ts';
import { ProblemScope } from '../ui/problem.tsx';
import { Link } from '../ui/router.tsx';
import { useShop } from './store-app.tsx';

/** Passwordless sign-in: the shopper's email, then the six-digit code mailed to it. */
export function LoginForm() {
  const intl = useIntl();
  const { startSignIn, verifySignIn } = useShop();
  const [email, setEmail] = useState('');
  const [code, setCode] = useState('');
  const [codeSent, setCodeSent] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      if (!codeSent) {
        await startSignIn(email);
        setCodeSent(true);
      } else {
        await verifySignIn(email, code);
      }
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <ProblemScope error={error}>
      <form className="panel stack" onSubmit={submit} aria-label={intl.t('store.login')}>
        <h2>{intl.t('store.login')}</h2>
        {codeSent ? (
          <>
            <p className="hint" role="status">
              {intl.t('store.codeSent', { email })}
            </p>
            <TextField
              label={intl.t('store.signInCode')}
              value={code}
              onChange={setCode}
              name="one-time-code"
              field="body.code"
              autoFocus
              required
            />
          </>
        ) : (
          <>
            <p className="hint">{intl.t('store.loginHint')}</p>
            <TextField
              label={intl.t('customers.by.email')}
              type="email"
              field="body.email"
              value={email}
              onChange={setEmail}
              required
            />
          </>
        )}
        <ErrorNotice error={error} />
        <div className="row">
          <button type="submit" disabled={busy}>
            {codeSent ? intl.t('store.login') : intl.t('store.sendCode')}
          </button>
          {codeSent ? (
            <button
              type="button"
              className="secondary"
              onClick={() => {
                setCodeSent(false);
                setCode('');
                setError(null);
              }}
            >
              {intl.t('store.otherEmail')}
            </button>
          ) : null}
        </div>
      </form>
    </ProblemScope>
  );
}

export function CartPage() {
  const intl = useIntl();
  const { cart, customer, changeQuantity, removeLine, channel, sharedCart } = useShop();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const act = async (action: () => Promise<void>) => {
    setError(null);
    setBusy(true);
    try {
      await action();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const change = (lineId: string, quantity: number) => act(() => changeQuantity(lineId, quantity));
  // Each line's title as this page's language shows the product (the stored one until known).
  const titleOf = useChannelTitles(channel.id, cart?.lines.map((l) => l.sku) ?? []);
  return (
    <section aria-labelledby="cart-title">
      <h1 id="cart-title">{intl.t('store.cart')}</h1>
      {sharedCart === 'signIn' && !customer ? <Notice>{intl.t('shop.sharedCartSignIn')}</Notice> : null}
      {sharedCart === 'opened' ? <Notice tone="success">{intl.t('shop.sharedCartOpened')}</Notice> : null}
      <ErrorNotice error={error} />
      {!cart || cart.lines.length === 0 ? <Empty>{intl.t('store.cartEmpty')}</Empty> : null}
      {cart && cart.lines.length > 0 ? (
        <div className="panel">
          <ul className="cart-lines">
            {cart.lines
              .map((line) => ({ ...line, title: titleOf(line.sku) ?? line.title }))
              .map((l) => (
                <li key={l.lineId} data-sku={l.sku}>
                  <span className="line-title">{l.title}</span>
                  <span className="qty">
                    <button
                      type="button"
                      className="secondary"
                      aria-label={intl.t('store.less', { title: l.title })}
                      onClick={() => change(l.lineId, l.quantity - 1)}
                    >
                      −
                    </button>
                    <output aria-label={intl.t('inventory.quantity')}>{l.quantity}</output>
                    <button
                      type="button"
                      className="secondary"
                      aria-label={intl.t('store.more', { title: l.title })}
                      onClick={() => change(l.lineId, l.quantity + 1)}
                    >
                      +
                    </button>
                  </span>
                  <span className="num">{intl.money(l.unitPrice * l.quantity, cart.currency)}</span>
                  <button
                    type="button"
                    className="secondary"
                    disabled={busy}
                    aria-label={intl.t('shop.remove', { title: l.title })}
                    onClick={() => act(() => removeLine(l.lineId))}
                  >
                    ×
                  </button>
                  {l.holdStatus === 'lost' ? (
                    <small className="hint">{intl.t('store.holdLost')}</small>
                  ) : null}
                  <LineWait line={l} />
                </li>
              ))}
          </ul>
          <p className="spread">
            <strong>{intl.t('store.subtotal')}</strong>
            <strong data-testid="cart-total">
              {intl.money(cart.itemsTotal, cart.currency || channel.currency)}
            </strong>
          </p>
          {/* Guests check out too; signing in first takes the order to their account. */}
          <Link to="/checkout" className="button">
            {intl.t('store.checkout')}
          </Link>
        </div>
      ) : null}
      {cart && cart.lines.length > 0 ? (
        <CartPromotions
          cartId={cart.id}
          currency={cart.currency || channel.currency}
          version={`${cart.profileId ?? ''}|${cart.lines.map((l) => `${l.lineId}:${l.quantity}`).join()}`}
        />
      ) : null}
      {cart && cart.lines.length > 0 ? (
        <Handoff code={cart.handoff.code} payload={cart.handoff.qrPayload} />
      ) : null}
      {customer ? null : <LoginForm />}
    </section>
  );
}

/**
 * "Continue in a store or on another device": the cart's handoff code and its QR code (drawn by the
 * ZXing encoder, loaded only when a cart is shown; the till scans it the same way).
 */
function Handoff({ code, payload }: { code: string; payload: string }) {
  const intl = useIntl();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let live = true;
    import('@zxing/browser').then(
      ({ BrowserQRCodeSvgWriter }) => {
        if (!live || !box.current) return;
        const svg = new BrowserQRCodeSvgWriter().write(payload, 160, 160);
        svg.setAttribute('role', 'img');
        svg.setAttribute('aria-label', intl.t('shop.handoffQr', { code }));
        box.current.replaceChildren(svg);
      },
      () => {},
    );
    return () => {
      live = false;
    };
  }, [payload, code, intl]);
  return (
    <section className="panel handoff" aria-labelledby="handoff-title">
      <h2 id="handoff-title">{intl.t('shop.handoffTitle')}</h2>
      <p className="hint">{intl.t('shop.handoffHint')}</p>
      <p>
        <strong className="handoff-code" data-testid="handoff-code">
          {code}
        </strong>
      </p>
      <div ref={box} className="qr" />
    </section>
  );
}

/** A line that waits for stock says so: a pre-order its date, a backorder that it ships when restocked. */
function LineWait({
  line,
}: {
  line: { stock?: { policy: string; availableFrom: string | null }; holds: Array<{ backordered?: number }> };
}) {
  const intl = useIntl();
  const today = new Date().toISOString().slice(0, 10);
  const from = line.stock?.availableFrom ?? null;
  if (line.stock?.policy === 'preorder' && from !== null && from > today)
    return <small className="hint">{intl.t('shop.preorder', { date: intl.date(from, 'date') })}</small>;
  if (line.holds.some((h) => (h.backordered ?? 0) > 0))
    return <small className="hint">{intl.t('shop.backorder')}</small>;
  return null;
}
