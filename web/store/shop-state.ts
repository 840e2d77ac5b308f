// The shopper's state on this device: an anonymous id, the open cart of this channel, and who they
// are once they log in (kept in localStorage, as a shop's own session would).
import { useCallback, useEffect, useState } from 'react';
import { ok, type paths } from '../ui/api.ts';
import { useApi } from '../ui/key-gate.tsx';
import type { ShopChannel } from './store-app.tsx';

type Api = ReturnType<typeof useApi>;
export type Cart = paths['/api/carts']['post']['responses'][201]['content']['application/json'];
export interface Customer {
  customerId: string;
  email: string;
}

async function loadCart(api: Api, id: string): Promise<Cart> {
  return ok(api.GET('/api/carts/{id}', { params: { path: { id } } }));
}

function anonymousId(): string {
  let id = localStorage.getItem('omnihub.anonymousId');
  if (!id) {
    id = crypto.randomUUID();
    localStorage.setItem('omnihub.anonymousId', id);
  }
  return id;
}

export function useShopState(channel: ShopChannel) {
  const api = useApi();
  const cartKey = `omnihub.cart.${channel.code}`;
  const customerKey = `omnihub.customer.${channel.code}`;
  const [cart, setCartState] = useState<Cart | null>(null);
  const [customer, setCustomerState] = useState<Customer | null>(() => {
    const raw = localStorage.getItem(customerKey);
    return raw ? (JSON.parse(raw) as Customer) : null;
  });

  const setCart = useCallback(
    (c: Cart | null) => {
      if (c && c.status === 'active') localStorage.setItem(cartKey, c.id);
      else localStorage.removeItem(cartKey);
      setCartState(c && c.status === 'active' ? c : null);
    },
    [cartKey],
  );

  const refreshCart = useCallback(async () => {
    const id = localStorage.getItem(cartKey);
    if (!id) return setCartState(null);
    try {
      setCart(await loadCart(api, id));
    } catch {
      setCart(null);
    }
  }, [api, cartKey, setCart]);

  useEffect(() => {
    void refreshCart();
  }, [refreshCart]);

  const addToCart = async (sku: string, quantity = 1) => {
    if (!cart) {
      const created = await ok(
        api.POST('/api/carts', {
          body: {
            channelId: channel.id,
            ...(customer
              ? { profileId: customer.customerId, email: customer.email }
              : { anonymousId: anonymousId() }),
            lines: [{ sku, quantity }],
          },
        }),
      );
      setCart(created);
      return;
    }
    setCart(
      await ok(
        api.POST('/api/carts/{id}/lines', { params: { path: { id: cart.id } }, body: { sku, quantity } }),
      ),
    );
  };

  const changeQuantity = async (lineId: string, quantity: number) => {
    if (!cart) return;
    setCart(
      await ok(
        api.PATCH('/api/carts/{id}/lines/{lineId}', {
          params: { path: { id: cart.id, lineId } },
          body: { quantity },
        }),
      ),
    );
  };

  /** Logs the shopper in by email: this cart merges with theirs, or their cart from another channel comes here. */
  const logIn = async (email: string) => {
    const value = email.trim().toLowerCase();
    let customerId: string;
    let merged: Cart | null = null;
    if (cart) {
      const r = await ok(
        api.POST('/api/carts/{id}/identify', {
          params: { path: { id: cart.id } },
          body: { identifiers: [{ type: 'email', value }] },
        }),
      );
      customerId = r.customerId;
      merged = r.cart;
    } else {
      const r = await ok(
        api.POST('/api/customers/identify', {
          body: { channelId: channel.id, identifiers: [{ type: 'email', value }] },
        }),
      );
      customerId = r.customerId;
      const found = await ok(api.GET('/api/tills/carts', { params: { query: { email: value } } }));
      merged =
        found.carts
          .filter((c) => c.status === 'active')
          .sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1))[0] ?? null;
    }
    if (merged && merged.channelId !== channel.id) {
      merged = (
        await ok(
          api.POST('/api/carts/{id}/channel', {
            params: { path: { id: merged.id } },
            body: { channelId: channel.id, handoffCode: merged.handoff.code },
          }),
        )
      ).cart;
    }
    const who = { customerId, email: value };
    localStorage.setItem(customerKey, JSON.stringify(who));
    setCustomerState(who);
    setCart(merged);
  };

  const logOut = () => {
    localStorage.removeItem(customerKey);
    setCustomerState(null);
    setCart(null);
  };

  return { cart, setCart, refreshCart, customer, addToCart, changeQuantity, logIn, logOut };
}

export type ShopState = ReturnType<typeof useShopState>;
