// Selling at the till: find the customer's cart (handoff code, phone, email or loyalty card) and
// resume it here, or start a new sale; add SKUs; take the money. Stock leaves this store at once.
import { type FormEvent, useState } from 'react';
import { useIntl } from '../i18n/index.tsx';
import { ok, type paths } from '../ui/api.ts';
import { Empty, SelectField, TextField } from '../ui/components.tsx';
import { useAction } from '../ui/data-table.tsx';
import { useApi } from '../ui/key-gate.tsx';
import { useTill } from './pos-app.tsx';

type Cart = paths['/api/carts']['post']['responses'][201]['content']['application/json'];
const FIND_BY = ['code', 'phone', 'email', 'loyaltyCard'] as const;
type FindBy = (typeof FIND_BY)[number];

export function SellPage() {
  const intl = useIntl();
  const api = useApi();
  const { channel } = useTill();
  const [by, setBy] = useState<FindBy>('code');
  const [value, setValue] = useState('');
  const [found, setFound] = useState<Cart[] | null>(null);
  const [cart, setCart] = useState<Cart | null>(null);
  const [sku, setSku] = useState('');
  // Each action clears the last outcome, so "sold" shows until the next scan or search.
  const { run, notices } = useAction();
  const find = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const r = await ok(api.GET('/api/tills/carts', { params: { query: { [by]: value.trim() } } }));
      setFound(r.carts.filter((c) => c.status === 'active'));
    });
  };
  const resume = (c: Cart) =>
    run(async () => {
      const moved = await ok(
        api.POST('/api/carts/{id}/channel', {
          params: { path: { id: c.id } },
          body: { channelId: channel.id, handoffCode: c.handoff.code },
        }),
      );
      setCart(moved.cart);
      setFound(null);
    });
  const add = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const line = { sku: sku.trim(), quantity: 1 };
      setCart(
        cart
          ? await ok(api.POST('/api/carts/{id}/lines', { params: { path: { id: cart.id } }, body: line }))
          : await ok(api.POST('/api/carts', { body: { channelId: channel.id, lines: [line] } })),
      );
      setSku('');
    });
  };
  const pay = () => {
    if (!cart) return;
    return run(
      async () => {
        await ok(
          api.PUT('/api/carts/{id}/delivery', {
            params: { path: { id: cart.id } },
            body: { type: 'carry_out' },
          }),
        );
        const r = await ok(
          api.POST('/api/carts/{id}/checkout', {
            params: { path: { id: cart.id } },
            headers: { 'idempotency-key': `till-${cart.id}` },
            body: { payment: { provider: 'manual' } },
          }),
        );
        setCart(null);
        return r.order;
      },
      (order) => intl.t('pos.sold', { total: intl.money(order.totals.grand, order.currency) }),
    );
  };

  return (
    <div className="pos-grid">
      <section aria-labelledby="find-title" className="panel stack">
        <h1 id="find-title">{intl.t('pos.findCustomer')}</h1>
        <form className="row" onSubmit={find} aria-label={intl.t('pos.findCustomer')}>
          <SelectField<FindBy>
            label={intl.t('customers.searchBy')}
            value={by}
            options={FIND_BY.map((b) => ({ value: b, label: intl.t(`pos.by.${b}`) }))}
            onChange={setBy}
          />
          <TextField label={intl.t('customers.searchFor')} value={value} onChange={setValue} required />
          <button type="submit">{intl.t('common.search')}</button>
        </form>
        {found && found.length === 0 ? <Empty>{intl.t('pos.noCarts')}</Empty> : null}
        <ul>
          {found?.map((c) => (
            <li key={c.id} className="card spread">
              <span>
                {c.email ?? c.phone ?? c.handoff.code} ·{' '}
                {intl.t('pos.items', { count: c.lines.reduce((n, l) => n + l.quantity, 0) })} ·{' '}
                {intl.money(c.itemsTotal, c.currency)}
              </span>
              <button type="button" onClick={() => resume(c)}>
                {intl.t('pos.resume')}
              </button>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="sale-title" className="panel stack">
        <h1 id="sale-title">{intl.t('pos.sale')}</h1>
        {notices}
        <form className="row" onSubmit={add} aria-label={intl.t('pos.addItem')}>
          <TextField label={intl.t('pos.scan')} value={sku} onChange={setSku} required />
          <button type="submit">{intl.t('pos.addItem')}</button>
        </form>
        {cart && cart.lines.length > 0 ? (
          <>
            <ul className="cart-lines">
              {cart.lines.map((l) => (
                <li key={l.lineId} data-sku={l.sku}>
                  <span className="line-title">
                    {l.quantity} × {l.title}
                  </span>
                  <span className="num">{intl.money(l.unitPrice * l.quantity, cart.currency)}</span>
                </li>
              ))}
            </ul>
            <p className="spread">
              <strong>{intl.t('store.total')}</strong>
              <strong data-testid="till-total">{intl.money(cart.itemsTotal, cart.currency)}</strong>
            </p>
            <button type="button" className="big" onClick={pay}>
              {intl.t('pos.pay')}
            </button>
          </>
        ) : (
          <Empty>{intl.t('pos.emptySale')}</Empty>
        )}
      </section>
    </div>
  );
}
