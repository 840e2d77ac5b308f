// Checkout in two steps: how the order reaches the shopper (click & collect at a store with live
// stock for this cart, or delivery to an address checked per country), then the summary the hub
// quotes (items, discount, shipping, tax, total) and payment with a provider the channel accepts.
// The confirmation shows the order number and what was ordered.
import { type FormEvent, useState } from 'react';
import { useIntl } from '../i18n/index.tsx';
import { ok, type paths } from '../ui/api.ts';
import { ErrorNotice, Field, FieldsetField, Loading, Notice, TextField, useLoad } from '../ui/components.tsx';
import { useApi } from '../ui/key-gate.tsx';
import { ProblemScope } from '../ui/problem.tsx';
import { Link } from '../ui/router.tsx';
import { useLiveEvents } from '../ui/use-live.ts';
import { COUNTRIES, countryName, postalProblem } from './countries.ts';
import { useShop } from './store-app.tsx';

type Mode = 'pickup' | 'ship';
type Quote = paths['/api/carts/{id}/quote']['get']['responses'][200]['content']['application/json'];
type Checkout = paths['/api/carts/{id}/checkout']['post']['responses'][200]['content']['application/json'];
type Placed = Checkout['order'] & { email: string };
type Address = { name: string; line1: string; postalCode: string; city: string; country: string };

export function CheckoutPage() {
  const intl = useIntl();
  const { cart, channel } = useShop();
  const [placed, setPlaced] = useState<Placed | null>(null);
  const [quote, setQuote] = useState<{ quote: Quote; email: string; where: string } | null>(null);
  if (placed) return <Confirmation order={placed} />;
  if (!cart || cart.lines.length === 0) {
    return (
      <p>
        <Link to="/cart">{intl.t('store.cart')}</Link>
      </p>
    );
  }
  return (
    <section aria-labelledby="checkout-title">
      <h1 id="checkout-title">{intl.t('store.checkout')}</h1>
      {quote ? (
        <Summary
          quote={quote.quote}
          email={quote.email}
          where={quote.where}
          providers={channel.paymentProviders.length ? channel.paymentProviders : ['test']}
          onBack={() => setQuote(null)}
          onPlaced={setPlaced}
        />
      ) : (
        <DeliveryStep onQuoted={setQuote} />
      )}
    </section>
  );
}

/** Step 1: pickup store or address (and a guest's email); the hub then quotes the totals. */
function DeliveryStep({ onQuoted }: { onQuoted(q: { quote: Quote; email: string; where: string }): void }) {
  const intl = useIntl();
  const api = useApi();
  const { cart, customer } = useShop();
  const [mode, setMode] = useState<Mode>('ship');
  const [store, setStore] = useState('');
  const [address, setAddress] = useState<Address>({
    name: '',
    line1: '',
    postalCode: '',
    city: '',
    country: COUNTRIES[0]!.code,
  });
  const [guestEmail, setGuestEmail] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
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
  if (!cart) return null;
  if (locations.error) return <ErrorNotice error={locations.error} />;
  if (!locations.data) return <Loading />;
  const stores = locations.data.items.filter((l) => l.type === 'store' && l.status === 'active');
  // A store can hand over the cart when it has every line in stock.
  const readyAt = (locationId: string) =>
    cart.lines.every((line) => {
      const levels = stock.data?.find((s) => s.sku === line.sku)?.levels ?? [];
      return (levels.find((l) => l.locationId === locationId)?.available ?? 0) >= line.quantity;
    });
  const postal =
    mode === 'ship' && address.postalCode ? postalProblem(address.country, address.postalCode) : null;

  const next = async (e: FormEvent) => {
    e.preventDefault();
    if (postal) return;
    setBusy(true);
    setError(null);
    // A signed-in shopper's order goes to their account; a guest gives an email for it.
    const email = customer?.email || guestEmail.trim().toLowerCase();
    try {
      const delivery =
        mode === 'pickup'
          ? { type: 'pickup' as const, locationId: store, email }
          : {
              type: 'ship' as const,
              address: { ...address, postalCode: address.postalCode.trim() },
              method: 'standard',
              email,
            };
      await ok(api.PUT('/api/carts/{id}/delivery', { params: { path: { id: cart.id } }, body: delivery }));
      const quote = await ok(api.GET('/api/carts/{id}/quote', { params: { path: { id: cart.id } } }));
      const where =
        mode === 'pickup'
          ? intl.t('shop.collectAt', { store: stores.find((s) => s.id === store)?.name ?? '' })
          : intl.t('shop.deliverTo', {
              address: `${address.line1}, ${address.postalCode} ${address.city}, ${countryName(address.country, intl.lang)}`,
            });
      onQuoted({ quote, email, where });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <ProblemScope error={error}>
      <form className="panel stack" onSubmit={next} aria-label={intl.t('store.howToReceive')}>
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
            <input type="radio" name="mode" checked={mode === 'ship'} onChange={() => setMode('ship')} />{' '}
            {intl.t('store.delivery')}
          </label>{' '}
          <label>
            <input type="radio" name="mode" checked={mode === 'pickup'} onChange={() => setMode('pickup')} />{' '}
            {intl.t('store.clickCollect')}
          </label>
        </fieldset>
        {mode === 'pickup' ? (
          <FieldsetField legend={intl.t('store.pickStore')} field="body.locationId">
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
          </FieldsetField>
        ) : (
          <AddressFields address={address} onChange={setAddress} postalExample={postal?.example ?? null} />
        )}
        <ErrorNotice error={error} />
        <button type="submit" disabled={busy || (mode === 'pickup' && !store) || !!postal}>
          {intl.t('shop.toSummary')}
        </button>
      </form>
    </ProblemScope>
  );
}

function AddressFields({
  address,
  onChange,
  postalExample,
}: {
  address: Address;
  onChange(a: Address): void;
  postalExample: string | null;
}) {
  const intl = useIntl();
  const countries = [...COUNTRIES].sort((a, b) =>
    countryName(a.code, intl.lang).localeCompare(countryName(b.code, intl.lang), intl.lang),
  );
  return (
    <div className="stack">
      <TextField
        label={intl.t('customers.by.name')}
        field="body.address.name"
        value={address.name}
        onChange={(name) => onChange({ ...address, name })}
        name="name"
      />
      <TextField
        label={intl.t('store.street')}
        field="body.address.line1"
        value={address.line1}
        onChange={(line1) => onChange({ ...address, line1 })}
        name="address-line1"
        required
      />
      <div className="row">
        <TextField
          label={intl.t('store.postalCode')}
          field="body.address.postalCode"
          value={address.postalCode}
          onChange={(postalCode) => onChange({ ...address, postalCode })}
          name="postal-code"
          required
          {...(postalExample ? { hint: intl.t('shop.postalInvalid', { example: postalExample }) } : {})}
        />
        <TextField
          label={intl.t('store.city')}
          field="body.address.city"
          value={address.city}
          onChange={(city) => onChange({ ...address, city })}
          name="address-level2"
          required
        />
      </div>
      <Field label={intl.t('shop.countryLabel')} field="body.address.country">
        {(id, invalid, describedBy) => (
          <select
            id={id}
            name="country"
            autoComplete="country"
            aria-invalid={invalid || undefined}
            aria-describedby={describedBy}
            value={address.country}
            onChange={(e) => onChange({ ...address, country: e.target.value })}
          >
            {countries.map((c) => (
              <option key={c.code} value={c.code}>
                {countryName(c.code, intl.lang)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {postalExample ? (
        <p className="error" role="alert">
          {intl.t('shop.postalInvalid', { example: postalExample })}
        </p>
      ) : null}
    </div>
  );
}

function Totals({
  quote,
  lines,
}: {
  quote: Quote;
  lines: Array<{ key: string; title: string; quantity: number; amount: number; wait?: string | null }>;
}) {
  const intl = useIntl();
  const money = (n: number) => intl.money(n, quote.currency);
  return (
    <dl className="summary" data-testid="order-summary">
      {lines.map((l) => (
        <div key={l.key} className="spread">
          <dt>
            {l.quantity} × {l.title}
            {l.wait ? <small className="hint"> · {l.wait}</small> : null}
          </dt>
          <dd className="num">{money(l.amount)}</dd>
        </div>
      ))}
      <div className="spread">
        <dt>{intl.t('shop.items')}</dt>
        <dd className="num">{money(quote.items)}</dd>
      </div>
      {quote.discount ? (
        <div className="spread">
          <dt>{intl.t('shop.discount')}</dt>
          <dd className="num">−{money(quote.discount)}</dd>
        </div>
      ) : null}
      <div className="spread">
        <dt>{intl.t('shop.shipping')}</dt>
        <dd className="num" data-testid="shipping">
          {money(quote.shipping)}
        </dd>
      </div>
      <div className="spread">
        <dt>{intl.t('shop.tax')}</dt>
        <dd className="num" data-testid="tax">
          {money(quote.tax)}
        </dd>
      </div>
      <div className="spread total">
        <dt>
          <strong>{intl.t('shop.totalToPay')}</strong>
        </dt>
        <dd className="num">
          <strong data-testid="grand-total">{money(quote.grand)}</strong>
        </dd>
      </div>
    </dl>
  );
}

/** Step 2: what will be paid, and paying it. */
function Summary({
  quote,
  email,
  where,
  providers,
  onBack,
  onPlaced,
}: {
  quote: Quote;
  email: string;
  where: string;
  providers: string[];
  onBack(): void;
  onPlaced(o: Placed): void;
}) {
  const intl = useIntl();
  const api = useApi();
  const { cart, setCart } = useShop();
  const [provider, setProvider] = useState(providers[0]!);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  if (!cart) return null;
  const pay = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const r = await ok(
        api.POST('/api/carts/{id}/checkout', {
          params: { path: { id: cart.id } },
          headers: { 'idempotency-key': `checkout-${cart.id}-${cart.version}` },
          // The test provider's card token; a real provider's widget gives its own.
          body: {
            payment: { provider, ...(provider === 'test' ? { token: 'tok_visa' } : {}) },
            email,
            // The confirmation email is written in the page's language.
            locale: intl.lang,
          },
        }),
      );
      onPlaced({ ...r.order, email });
      setCart(null);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="panel stack" onSubmit={pay} aria-labelledby="summary-title">
      <h2 id="summary-title">{intl.t('shop.summary')}</h2>
      <p>{where}</p>
      <Totals
        quote={quote}
        lines={cart.lines.map((l) => ({
          key: l.lineId,
          title: l.title,
          quantity: l.quantity,
          amount: l.unitPrice * l.quantity,
        }))}
      />
      <fieldset>
        <legend>{intl.t('shop.payWith')}</legend>
        {providers.map((p) => (
          <label key={p}>
            <input type="radio" name="provider" checked={provider === p} onChange={() => setProvider(p)} />{' '}
            {intl.t('shop.provider', { name: p })}
          </label>
        ))}
      </fieldset>
      <ErrorNotice error={error} />
      <div className="row">
        <button type="submit" disabled={busy}>
          {intl.t('store.placeOrder')}
        </button>
        <button type="button" className="secondary" onClick={onBack} disabled={busy}>
          {intl.t('shop.changeDelivery')}
        </button>
      </div>
    </form>
  );
}

function Confirmation({ order }: { order: Placed }) {
  const intl = useIntl();
  return (
    <section aria-labelledby="placed-title">
      <h1 id="placed-title">{intl.t('store.orderPlaced')}</h1>
      <Notice tone="success">
        {intl.t('store.orderPlacedText', { total: intl.money(order.totals.grand, order.currency) })}
      </Notice>
      <p>
        {intl.t('shop.orderNumber')}: <strong data-testid="order-number">{order.number}</strong>
      </p>
      {order.pickup ? (
        <p>
          {intl.t('store.pickupCode')} <strong data-testid="pickup-code">{order.pickup.code}</strong>
        </p>
      ) : null}
      {order.email ? <p className="hint">{intl.t('shop.orderedAs', { email: order.email })}</p> : null}
      <Totals
        quote={{ ...order.totals, currency: order.currency }}
        lines={order.lines.map((l, i) => ({
          key: `${l.sku}-${i}`,
          title: l.title,
          quantity: l.quantity,
          amount: l.unitPrice * l.quantity,
          // Units that wait for stock: the shopper is told when they ship.
          wait: !l.backorder
            ? null
            : l.backorder.kind === 'preorder' && l.backorder.expectedFrom
              ? intl.t('shop.preorder', { date: intl.date(l.backorder.expectedFrom, 'date') })
              : intl.t('shop.backorder'),
        }))}
      />
      <Link to="/account">{intl.t('store.account')}</Link>
    </section>
  );
}
