// The lines of the sale in progress: one more, one less, remove (each change moves the stock hold),
// and adding products by scanning a SKU or searching their name.
import { type FormEvent, useState } from 'react';
import { useIntl } from '../i18n/index.tsx';
import { ok, type paths } from '../ui/api.ts';
import { Empty, TextField } from '../ui/components.tsx';
import { useApi } from '../ui/key-gate.tsx';
import { useTill } from './pos-app.tsx';
import { OverrideNote, PriceOverrideForm } from './price-override.tsx';
import type { Cart } from './sale-state.ts';

type Product =
  paths['/api/channels/{channel}/products']['get']['responses'][200]['content']['application/json']['items'][number];

export function SaleLines({
  cart,
  setCart,
  run,
}: {
  cart: Cart;
  setCart(c: Cart): void;
  run(action: () => Promise<unknown>): Promise<boolean>;
}) {
  const intl = useIntl();
  const api = useApi();
  const [overriding, setOverriding] = useState<string | null>(null);
  const setQuantity = (lineId: string, quantity: number) =>
    run(async () =>
      setCart(
        quantity > 0
          ? await ok(
              api.PATCH('/api/carts/{id}/lines/{lineId}', {
                params: { path: { id: cart.id, lineId } },
                body: { quantity },
              }),
            )
          : await ok(
              api.DELETE('/api/carts/{id}/lines/{lineId}', { params: { path: { id: cart.id, lineId } } }),
            ),
      ),
    );
  return (
    <ul className="cart-lines">
      {cart.lines.map((l) => (
        <li key={l.lineId} data-sku={l.sku}>
          <span className="line-title">
            {l.title}
            <OverrideNote line={l} currency={cart.currency} />
          </span>
          <span className="qty">
            <button
              type="button"
              className="secondary"
              aria-label={intl.t('pos.oneLess', { title: l.title })}
              onClick={() => setQuantity(l.lineId, l.quantity - 1)}
            >
              −
            </button>
            <output aria-label={intl.t('pos.quantityOf', { title: l.title })}>{l.quantity}</output>
            <button
              type="button"
              className="secondary"
              aria-label={intl.t('pos.oneMore', { title: l.title })}
              onClick={() => setQuantity(l.lineId, l.quantity + 1)}
            >
              +
            </button>
          </span>
          <span className="num">{intl.money(l.unitPrice * l.quantity, cart.currency)}</span>
          <button
            type="button"
            className="secondary"
            aria-label={intl.t('override.open', { title: l.title })}
            onClick={() => setOverriding(overriding === l.lineId ? null : l.lineId)}
          >
            %
          </button>
          <button
            type="button"
            className="secondary"
            aria-label={intl.t('pos.removeLine', { title: l.title })}
            onClick={() => setQuantity(l.lineId, 0)}
          >
            ×
          </button>
          {overriding === l.lineId ? (
            <PriceOverrideForm
              cart={cart}
              line={l}
              done={(next) => {
                if (next) setCart(next);
                setOverriding(null);
              }}
            />
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** Scan a SKU (exact) or type part of a name: one match is added at once, several are offered. */
export function AddProduct({
  add,
  run,
}: {
  add(sku: string): Promise<void>;
  run(action: () => Promise<unknown>): Promise<boolean>;
}) {
  const intl = useIntl();
  const api = useApi();
  const { channel } = useTill();
  const [text, setText] = useState('');
  const [matches, setMatches] = useState<Product[] | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const q = text.trim();
    void run(async () => {
      const found = await ok(
        api.GET('/api/channels/{channel}/products', {
          params: { path: { channel: channel.id }, query: { q, limit: 12 } },
        }),
      );
      const exact = found.items
        .flatMap((p) => p.variants)
        .find((v) => v.sku.toLowerCase() === q.toLowerCase());
      const variants = found.items.flatMap((p) => p.variants);
      if (exact || variants.length === 1 || found.items.length === 0) {
        // An unknown code still goes to the cart, which answers why it cannot be sold.
        await add(exact?.sku ?? variants[0]?.sku ?? q);
        setText('');
        setMatches(null);
      } else setMatches(found.items);
    });
  };
  const pick = (sku: string) =>
    run(async () => {
      await add(sku);
      setText('');
      setMatches(null);
    });
  return (
    <>
      <form className="row" onSubmit={submit} aria-label={intl.t('pos.addItem')}>
        <TextField label={intl.t('pos.scan')} value={text} onChange={setText} required />
        <button type="submit">{intl.t('pos.addItem')}</button>
      </form>
      {matches ? (
        <ul className="product-matches" aria-label={intl.t('pos.matches')}>
          {matches.flatMap((p) =>
            p.variants.map((v) => (
              <li key={v.sku} className="card spread">
                <span>
                  {p.title}
                  {Object.values(v.options).length ? ` · ${Object.values(v.options).join(' / ')}` : ''} ·{' '}
                  {v.price ? intl.money(v.price.amount, v.price.currency) : '–'} ·{' '}
                  {intl.t('pos.inStock', { count: v.availableToSell })}
                </span>
                <button type="button" onClick={() => pick(v.sku)} disabled={v.availableToSell <= 0}>
                  {intl.t('pos.addItem')}
                </button>
              </li>
            )),
          )}
        </ul>
      ) : null}
      {matches?.length === 0 ? <Empty>{intl.t('pos.noProducts')}</Empty> : null}
    </>
  );
}
