// The sale in progress lives on the hub (its cart holds the stock); this till remembers which cart
// it is, so navigating to Pickups and back, or a reload, resumes it instead of leaving it behind.
import { useCallback, useEffect, useState } from 'react';
import type { paths } from '../ui/api.ts';
import { useApi } from '../ui/key-gate.tsx';

export type Cart = paths['/api/carts']['post']['responses'][201]['content']['application/json'];

const parkedSaleKey = (channelId: string) => `omnihub.pos.${channelId}.sale`;

export function useParkedSale(channelId: string): [Cart | null, (cart: Cart | null) => void, boolean] {
  const api = useApi();
  const [cart, setCartState] = useState<Cart | null>(null);
  const [restoring, setRestoring] = useState(true);
  useEffect(() => {
    const id = localStorage.getItem(parkedSaleKey(channelId));
    if (!id) {
      setRestoring(false);
      return;
    }
    void api
      .GET('/api/carts/{id}', { params: { path: { id } } })
      .then((r) => {
        // A sale finished or abandoned elsewhere is forgotten here.
        if (r.data?.status === 'active') setCartState(r.data);
        else localStorage.removeItem(parkedSaleKey(channelId));
      })
      .finally(() => setRestoring(false));
  }, [api, channelId]);
  const setCart = useCallback(
    (next: Cart | null) => {
      setCartState(next);
      if (next?.status === 'active') localStorage.setItem(parkedSaleKey(channelId), next.id);
      else localStorage.removeItem(parkedSaleKey(channelId));
    },
    [channelId],
  );
  return [cart, setCart, restoring];
}

/** "20", "20.5" or "20,50" in the currency's main unit → minor units (two decimals); NaN if not a sum. */
export function parseAmount(text: string): number {
  const t = text.trim().replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(t)) return Number.NaN;
  return Math.round(Number(t) * 100);
}
