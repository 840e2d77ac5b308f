// The lines of the sale in progress: one more, one less, remove (each change moves the stock hold),
// and adding products by scanning a SKU or searching their name.
import { type FormEvent, useState } from 'react';
import { useIntl } from '../i18n/index.tsx';
import { ok, type paths } from '../ui/api.ts';
import { Empty, TextField } from '../ui/components.tsx';
import { useApi } from '../ui/key-gate.tsx';
import { useLocalTitles } from './local-titles.ts';
import { useTill } from './pos-app.tsx';
import { OverrideNote, PriceOverrideForm } from './price-override.tsx';
import type { Cart } from './sale-state.ts';
import { CameraScanner, optionsText, useKeyboardWedge } from './scanner.tsx';

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
  const titleOf = useLocalTitles(cart.lines.map((l) => l.sku));
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
      {cart.lines.map((line) => {
        const l = { ...line, title: titleOf(line.sku) ?? line.title };
        return (
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
            <span className="line-actions">
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
            </span>
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
        );
      })}
    </ul>
  );
}

/** Whether a scanned or typed code is this variant's SKU or barcode (a UPC-A finds its EAN-13 with 0). */
function matchesCode(v: { sku: string; gtin: string | null }, code: string): boolean {
  if (v.sku.toLowerCase() === code.toLowerCase()) return true;
  return !!v.gtin && /^\d+$/.test(code) && v.gtin.padStart(14, '0') === code.padStart(14, '0');
}

/**
 * Scan a SKU or a barcode (exact) or type part of a name: one match is added at once, several are
 * offered. A barcode reader works anywhere on the page (keyboard wedge) and the camera reads one too.
 */
export function AddProduct({
  add,
  run,
}: {
  add(sku: string): Promise<void>;
  run(action: () => Promise<unknown>, success?: string): Promise<boolean>;
}) {
  const intl = useIntl();
  const api = useApi();
  const { channel } = useTill();
  const [text, setText] = useState('');
  const [matches, setMatches] = useState<Product[] | null>(null);
  const lookUp = (q: string, scanned: boolean) =>
    run(
      async () => {
        const found = await ok(
          api.GET('/api/channels/{channel}/products', {
            params: { path: { channel: channel.id }, query: { q, limit: 12, locale: intl.lang } },
          }),
        );
        const variants = found.items.flatMap((p) => p.variants);
        const exact = variants.find((v) => matchesCode(v, q));
        // A barcode nothing has is said as such (a misread or an article not in the catalog).
        if (!exact && /^\d{8}$|^\d{12,14}$/.test(q)) throw new Error(intl.t('scan.notFound', { code: q }));
        if (exact || variants.length === 1 || found.items.length === 0) {
          // An unknown code still goes to the cart, which answers why it cannot be sold.
          await add(exact?.sku ?? variants[0]?.sku ?? q);
          setText('');
          setMatches(null);
        } else setMatches(found.items);
      },
      scanned ? intl.t('scan.scanned', { code: q }) : undefined,
    );
  useKeyboardWedge((code) => void lookUp(code, true));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void lookUp(text.trim(), false);
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
        <TextField label={intl.t('pos.scan')} value={text} onChange={setText} field="sku" required />
        <button type="submit">{intl.t('pos.addItem')}</button>
      </form>
      <CameraScanner onScan={(code) => void lookUp(code, true)} />
      {matches ? (
        <ul className="product-matches" aria-label={intl.t('pos.matches')}>
          {matches.flatMap((p) =>
            p.variants.map((v) => (
              <li key={v.sku} className="card spread">
                <span>
                  {p.title}
                  {Object.keys(v.options).length ? ` · ${optionsText(intl, v.options)}` : ''} ·{' '}
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
