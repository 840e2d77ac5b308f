// Selling at the till: find the customer's cart (handoff code, phone, email or loyalty card) and
// resume it here, or start a new sale; add products by SKU, barcode (scanner or camera), name or
// from the favourites grid, change or remove lines; take the
// money (cash with change, the card terminal, or both) and print the receipt. The sale in progress
// is kept on the hub per till (a reload or a second device finds it; sales can be parked by name
// and resumed). Stock leaves this store at once.
import { type FormEvent, useState } from 'react';
import { useIntl } from '../i18n/index.tsx';
import { ok } from '../ui/api.ts';
import { CartPromotions } from '../ui/cart-promotions.tsx';
import { Empty, Notice, SelectField, TextField } from '../ui/components.tsx';
import { useAction } from '../ui/data-table.tsx';
import { useApi } from '../ui/key-gate.tsx';
import { ProblemScope } from '../ui/problem.tsx';
import { useLiveEvents } from '../ui/use-live.ts';
import { TillConversations } from './conversations.tsx';
import { TillCustomerWallet } from './customer-wallet.tsx';
import { FavouritesGrid } from './favourites.tsx';
import { TillNextMessage } from './next-message.tsx';
import { ParkedSales } from './parked-sales.tsx';
import { useTill } from './pos-app.tsx';
import { Receipt } from './receipt.tsx';
import { AddProduct, SaleLines } from './sale-lines.tsx';
import { type Cart, useTillSales } from './sale-state.ts';
import { SaleSuggestions } from './suggestions.tsx';
import { type Sold, TenderForm } from './tender.tsx';

const FIND_BY = ['code', 'phone', 'email', 'loyaltyCard'] as const;
type FindBy = (typeof FIND_BY)[number];

export function SellPage() {
  const intl = useIntl();
  const api = useApi();
  const { channel } = useTill();
  const [by, setBy] = useState<FindBy>('code');
  const [value, setValue] = useState('');
  const [found, setFound] = useState<Cart[] | null>(null);
  const [foundCustomer, setFoundCustomer] = useState<string | null>(null);
  const sales = useTillSales();
  const { cart, setCart, restoring } = sales;
  const [parkName, setParkName] = useState('');
  const [due, setDue] = useState<number | null>(null);
  const [sold, setSold] = useState<Sold | null>(null);
  // A campaign started, paused or changed anywhere: the total being paid is quoted again at once.
  useLiveEvents(['promotion.campaign_*', 'promotion.collection_saved'], () => {
    const id = sales.cart?.id;
    if (due === null || !id) return;
    void ok(api.GET('/api/carts/{id}/quote', { params: { path: { id } } })).then(
      (q) => setDue(q.grand),
      () => {},
    );
  });
  // Each action clears the last outcome, so "sold" shows until the next scan or search.
  const { run, notices, error } = useAction();
  const find = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const r = await ok(api.GET('/api/tills/carts', { params: { query: { [by]: value.trim() } } }));
      setFound(r.carts.filter((c) => c.status === 'active'));
      setFoundCustomer(r.customerIds[0] ?? null);
    });
  };
  const resume = (c: Cart) =>
    run(async () => {
      setSold(null);
      const moved = await ok(
        api.POST('/api/carts/{id}/channel', {
          params: { path: { id: c.id } },
          body: { channelId: channel.id, handoffCode: c.handoff.code },
        }),
      );
      await sales.take(moved.cart.id);
      setFound(null);
    });
  const add = (sku: string) => sales.add(sku);
  /** Carry-out, then the total to pay (tax and discounts included) before the money is taken. */
  const takePayment = () => {
    if (!cart) return;
    return run(async () => {
      await ok(
        api.PUT('/api/carts/{id}/delivery', {
          params: { path: { id: cart.id } },
          body: { type: 'carry_out' },
        }),
      );
      setDue((await ok(api.GET('/api/carts/{id}/quote', { params: { path: { id: cart.id } } }))).grand);
    });
  };
  /** Gives the stock of an unfinished sale back at once (the holds are released line by line). */
  const cancelSale = () => {
    if (!cart) return;
    return run(async () => {
      await sales.cancel();
      setDue(null);
    });
  };
  const park = (e: FormEvent) => {
    e.preventDefault();
    const name = parkName.trim();
    void run(
      async () => {
        await sales.park(name);
        setParkName('');
        setDue(null);
      },
      intl.t('pos.parkedAs', { name }),
    );
  };
  const resumeParked = (cartId: string) =>
    run(async () => {
      setSold(null);
      setDue(null);
      await sales.resume(cartId);
    });
  const onSold = (r: Sold) => {
    setCart(null);
    setDue(null);
    setSold(r);
  };

  return (
    <div className="pos-grid">
      <section aria-labelledby="find-title" className="panel stack">
        <h1 id="find-title">{intl.t('pos.findCustomer')}</h1>
        <ProblemScope error={error}>
          <form className="row" onSubmit={find} aria-label={intl.t('pos.findCustomer')}>
            <SelectField<FindBy>
              label={intl.t('customers.searchBy')}
              value={by}
              options={FIND_BY.map((b) => ({ value: b, label: intl.t(`pos.by.${b}`) }))}
              onChange={setBy}
            />
            <TextField
              label={intl.t('customers.searchFor')}
              value={value}
              onChange={setValue}
              field={`query.${by}`}
              required
            />
            <button type="submit">{intl.t('common.search')}</button>
          </form>
        </ProblemScope>
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
        {(cart?.profileId ?? foundCustomer) ? (
          <TillCustomerWallet customerId={(cart?.profileId ?? foundCustomer)!} />
        ) : null}
        {cart?.profileId ? <TillNextMessage cartId={cart.id} customerId={cart.profileId} /> : null}
        {cart?.profileId ? <TillConversations cartId={cart.id} customerId={cart.profileId} /> : null}
        <ParkedSales sales={sales.parked} onResume={resumeParked} />
      </section>
      <section aria-labelledby="sale-title" className="panel stack">
        <h1 id="sale-title">{intl.t('pos.sale')}</h1>
        {notices}
        <ProblemScope error={error}>
          {sold ? (
            <>
              <Notice tone="success">
                {intl.t('pos.sold', {
                  total: intl.money(sold.order.totals.grand, sold.order.currency),
                  number: sold.order.number,
                })}
              </Notice>
              <Receipt sold={sold} onNewSale={() => setSold(null)} />
            </>
          ) : cart && due !== null ? (
            <TenderForm cart={cart} due={due} run={run} onSold={onSold} onBack={() => setDue(null)} />
          ) : (
            <>
              <AddProduct add={add} run={run} />
              {restoring ? null : cart && cart.lines.length > 0 ? (
                <>
                  <SaleLines cart={cart} setCart={setCart} run={run} />
                  <CartPromotions
                    followCampaigns
                    cartId={cart.id}
                    currency={cart.currency}
                    version={`${cart.profileId ?? ''}|${cart.lines.map((l) => `${l.lineId}:${l.quantity}`).join()}`}
                  />
                  <p className="spread">
                    <strong>{intl.t('store.total')}</strong>
                    <strong data-testid="till-total">{intl.money(cart.itemsTotal, cart.currency)}</strong>
                  </p>
                  <button type="button" className="big" onClick={takePayment}>
                    {intl.t('pos.pay')}
                  </button>
                  <form className="row" onSubmit={park} aria-label={intl.t('pos.park')}>
                    <TextField
                      label={intl.t('pos.parkName')}
                      field="body.name"
                      value={parkName}
                      onChange={setParkName}
                      required
                    />
                    <button type="submit" className="secondary">
                      {intl.t('pos.park')}
                    </button>
                  </form>
                  <button type="button" className="secondary" onClick={cancelSale}>
                    {intl.t('pos.cancelSale')}
                  </button>
                </>
              ) : (
                <Empty>{intl.t('pos.emptySale')}</Empty>
              )}
              <SaleSuggestions skus={cart?.lines.map((l) => l.sku) ?? []} add={add} run={run} />
              <FavouritesGrid add={add} run={run} />
            </>
          )}
        </ProblemScope>
      </section>
    </div>
  );
}
