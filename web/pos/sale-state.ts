// The sale in progress lives on the hub, per till (its cart holds the stock): navigating to Pickups
// and back, a reload or a second device of the same till finds it again, and sales parked by name
// wait there until resumed. Other devices' changes arrive live (cart events of this channel).
import { useCallback, useEffect, useState } from 'react';
import { ok, type paths } from '../ui/api.ts';
import { useApi } from '../ui/key-gate.tsx';
import { currencyExponent, toMinor } from '../ui/money.ts';
import { useLiveEvents } from '../ui/use-live.ts';

export type Cart = paths['/api/carts']['post']['responses'][201]['content']['application/json'];
export type TillSale = paths['/api/tills/sales']['post']['responses'][201]['content']['application/json'];

export interface TillSales {
  cart: Cart | null;
  parked: TillSale[];
  restoring: boolean;
  /** After a change to the sale on the screen (a line added, changed or removed). */
  setCart(cart: Cart | null): void;
  /** Adds a SKU to the sale on the screen, starting one if there is none. */
  add(sku: string): Promise<void>;
  /** Puts a cart of this till's channel (e.g. a customer's, just taken over) on the screen. */
  take(cartId: string): Promise<void>;
  park(name: string): Promise<void>;
  resume(cartId: string): Promise<void>;
  /** Cancels the sale on the screen: its stock is given back at once. */
  cancel(): Promise<void>;
  reload(): Promise<void>;
}

export function useTillSales(): TillSales {
  const api = useApi();
  const [cart, setCart] = useState<Cart | null>(null);
  const [parked, setParked] = useState<TillSale[]>([]);
  const [restoring, setRestoring] = useState(true);
  const reload = useCallback(async () => {
    const r = await ok(api.GET('/api/tills/sales', {}));
    setCart(r.current?.cart ?? null);
    setParked(r.parked);
  }, [api]);
  useEffect(() => {
    void reload().finally(() => setRestoring(false));
  }, [reload]);
  // Another device of this till parked, resumed or changed a sale.
  useLiveEvents(['cart.*'], () => {
    void reload().catch(() => {});
  });
  const show = (sale: TillSale) => {
    setCart(sale.cart);
    setParked((list) => list.filter((s) => s.cartId !== sale.cartId));
  };
  return {
    cart,
    parked,
    restoring,
    setCart,
    reload,
    async add(sku) {
      const line = { sku, quantity: 1 };
      if (cart) {
        setCart(
          await ok(api.POST('/api/carts/{id}/lines', { params: { path: { id: cart.id } }, body: line })),
        );
      } else show(await ok(api.POST('/api/tills/sales', { body: { lines: [line] } })));
    },
    async take(cartId) {
      show(await ok(api.POST('/api/tills/sales', { body: { cartId } })));
    },
    async park(name) {
      if (!cart) return;
      await ok(api.POST('/api/tills/sales/{id}/park', { params: { path: { id: cart.id } }, body: { name } }));
      await reload();
    },
    async resume(cartId) {
      show(await ok(api.POST('/api/tills/sales/{id}/resume', { params: { path: { id: cartId } } })));
    },
    async cancel() {
      if (!cart) return;
      await ok(api.DELETE('/api/tills/sales/{id}', { params: { path: { id: cart.id } } }));
      setCart(null);
    },
  };
}

/**
 * "20", "20.5" or "20,50" in the currency's main unit → minor units in its exponent (yen have no
 * decimals, dinars three); NaN if not a sum or more decimals than the currency has.
 */
export function parseAmount(text: string, currency: string): number {
  const t = text.trim().replace(',', '.');
  const digits = currencyExponent(currency);
  const shape = digits ? new RegExp(`^\\d+(\\.\\d{1,${digits}})?$`) : /^\d+$/;
  if (!shape.test(t)) return Number.NaN;
  return toMinor(t, currency);
}
