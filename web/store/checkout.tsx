// Checkout: click & collect at a store (the picker shows live stock for this cart at each store) or
// delivery to an address; then pay and place the order.
import { type FormEvent, useState } from 'react';
import { useIntl } from '../i18n/index.tsx';
import { ok } from '../ui/api.ts';
import { ErrorNotice, Loading, Notice, TextField, useLoad } from '../ui/components.tsx';
import { useApi } from '../ui/key-gate.tsx';
import { ProblemScope } from '../ui/problem.tsx';
import { Link } from '../ui/router.tsx';
import { useLiveEvents } from '../ui/use-live.ts';
import { useShop } from './store-app.tsx';

type Mode = 'pickup' | 'ship';

export function CheckoutPage() {
  const intl = useIntl();
  const api = useApi();
  const { cart, customer, setCart } = useShop();
  const [mode, setMode] = useState<Mode>('pickup');
  const [store, setStore] = useState('');
  const [address, setAddress] = useState({ name: '', line1: '', postalCode: '', city: '', country: 'NL' });
  const [guestEmail, setGuestEmail] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [placed, setPlaced] = useState<{
    id: string;
    code: string | null;
    total: number;
    currency: string;
  } | null>(null);
  const skus = cart?.lines.map((l) => l.sku) ?? [];
  const locations = useLoad(() => ok(api.GET('/api/inventory/locations')), []);
  const stock = useLoad(
    () =>
      Promise.all(skus.map((sku) => ok(api.GET('/api/inventory/skus/{sku}', { params: { path: { sku } } })))),
    [skus.join(',')],
  );
  useLiveEvents(['inventory.stock_changed'], (e) => {
    if (skus.includes(String(e.data.sku))) stock.reload();
  });

  if (placed) {
    return (
      <section aria-labelledby="placed-title">
        <h1 id="placed-title">{intl.t('store.orderPlaced')}</h1>
        <Notice tone="success">
          {intl.t('store.orderPlacedText', { total: intl.money(placed.total, placed.currency) })}
        </Notice>
        {placed.code ? (
          <p>
            {intl.t('store.pickupCode')} <strong data-testid="pickup-code">{placed.code}</strong>
          </p>
        ) : null}
        <Link to="/account">{intl.t('store.account')}</Link>
      </section>
    );
  }
  if (!cart) {
    return (
      <p>
        <Link to="/cart">{intl.t('store.cart')}</Link>
      </p>
    );
  }
  if (!locations.data) return <Loading />;
  const stores = locations.data.items.filter((l) => l.type === 'store' && l.status === 'active');
  // A store can hand over the cart when it has every line in stock.
  const readyAt = (locationId: string) =>
    cart.lines.every((line) => {
      const levels = stock.data?.find((s) => s.sku === line.sku)?.levels ?? [];
      return (levels.find((l) => l.locationId === locationId)?.available ?? 0) >= line.quantity;
    });

  const place = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    // A signed-in shopper's order goes to their account; a guest gives an email for it.
    const email = customer?.email || guestEmail.trim().toLowerCase();
    try {
      const delivery =
        mode === 'pickup'
          ? { type: 'pickup' as const, locationId: store, email }
          : { type: 'ship' as const, address, method: 'standard', email };
      await ok(api.PUT('/api/carts/{id}/delivery', { params: { path: { id: cart.id } }, body: delivery }));
      const r = await ok(
        api.POST('/api/carts/{id}/checkout', {
          params: { path: { id: cart.id } },
          headers: { 'idempotency-key': `checkout-${cart.id}` },
          body: { payment: { provider: 'test', token: 'tok_visa' }, email },
        }),
      );
      setPlaced({
        id: r.order.id,
        code: r.order.pickup?.code ?? null,
        total: r.order.totals.grand,
        currency: r.order.currency,
      });
      setCart(null);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="checkout-title">
      <h1 id="checkout-title">{intl.t('store.checkout')}</h1>
      <ProblemScope error={error}>
        <form className="panel stack" onSubmit={place} aria-label={intl.t('store.checkout')}>
          {customer ? null : (
            <>
              <p className="hint">{intl.t('store.guestHint')}</p>
              <TextField
                label={intl.t('store.guestEmail')}
                field="body.email"
                type="email"
                value={guestEmail}
                onChange={setGuestEmail}
                required
              />
            </>
          )}
          <fieldset>
            <legend>{intl.t('store.howToReceive')}</legend>
            <label>
              <input
                type="radio"
                name="mode"
                checked={mode === 'pickup'}
                onChange={() => setMode('pickup')}
              />{' '}
              {intl.t('store.clickCollect')}
            </label>{' '}
            <label>
              <input type="radio" name="mode" checked={mode === 'ship'} onChange={() => setMode('ship')} />{' '}
              {intl.t('store.delivery')}
            </label>
          </fieldset>
          {mode === 'pickup' ? (
            <fieldset>
              <legend>{intl.t('store.pickStore')}</legend>
              {stores.map((l) => {
                const ready = readyAt(l.id);
                return (
                  <label key={l.id} className="store-option" data-store={l.code}>
                    <input
                      type="radio"
                      name="store"
                      value={l.id}
                      checked={store === l.id}
                      disabled={!ready}
                      onChange={() => setStore(l.id)}
                    />{' '}
                    {l.name} — {ready ? intl.t('store.storeHasIt') : intl.t('store.storeLacksIt')}
                  </label>
                );
              })}
            </fieldset>
          ) : (
            <div className="row">
              <TextField
                label={intl.t('customers.by.name')}
                field="body.address.name"
                value={address.name}
                onChange={(name) => setAddress({ ...address, name })}
              />
              <TextField
                label={intl.t('store.street')}
                field="body.address.line1"
                value={address.line1}
                onChange={(line1) => setAddress({ ...address, line1 })}
                required
              />
              <TextField
                label={intl.t('store.postalCode')}
                field="body.address.postalCode"
                value={address.postalCode}
                onChange={(postalCode) => setAddress({ ...address, postalCode })}
                required
              />
              <TextField
                label={intl.t('store.city')}
                field="body.address.city"
                value={address.city}
                onChange={(city) => setAddress({ ...address, city })}
                required
              />
              <TextField
                label={intl.t('store.country')}
                field="body.address.country"
                value={address.country}
                onChange={(country) => setAddress({ ...address, country: country.toUpperCase() })}
                required
              />
            </div>
          )}
          <p className="spread">
            <strong>{intl.t('store.subtotal')}</strong>
            <strong>{intl.money(cart.itemsTotal, cart.currency)}</strong>
          </p>
          <ErrorNotice error={error} />
          <button type="submit" disabled={busy || (mode === 'pickup' && !store)}>
            {intl.t('store.placeOrder')}
          </button>
        </form>
      </ProblemScope>
    </section>
  );
}
