// The shopper's state on this device: an anonymous id, the open cart of this channel (its id here,
// its token with the API client) and who is signed in: the session is an httpOnly cookie the page
// never sees, so who they are is asked of the hub (/api/me/profile).
import { useCallback, useEffect, useState } from 'react';
import { ApiError, ok, type paths, rememberCartToken } from '../ui/api.ts';
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

/** Set when a shopper signs in on this browser (the session itself is an httpOnly cookie). */
const SIGNED_IN_MARK = 'omnihub.shopper.signedIn';

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
  const [cart, setCartState] = useState<Cart | null>(null);
  const [customer, setCustomer] = useState<Customer | null>(null);

  const setCart = useCallback(
    (c: Cart | null) => {
      if (c?.cartToken) rememberCartToken(c.id, c.cartToken);
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

  // Who is signed in on this browser. The session cookie is invisible to the page, so a mark kept at
  // sign-in says whether to ask: a guest's page makes no request that must fail (401).
  useEffect(() => {
    if (!localStorage.getItem(SIGNED_IN_MARK)) return;
    api.GET('/api/me/profile').then(
      ({ data }) => {
        if (!data) localStorage.removeItem(SIGNED_IN_MARK);
        setCustomer(data ? { customerId: data.customerId, email: data.email ?? '' } : null);
      },
      () => setCustomer(null),
    );
  }, [api]);

  /** A new cart of this channel; the hub binds it to the signed-in shopper, if any. */
  const newCart = (lines: Array<{ sku: string; quantity: number }> = []) =>
    ok(api.POST('/api/carts', { body: { channelId: channel.id, anonymousId: anonymousId(), lines } }));

  const addToCart = async (sku: string, quantity = 1) => {
    if (!cart) {
      setCart(await newCart([{ sku, quantity }]));
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

  const removeLine = async (lineId: string) => {
    if (!cart) return;
    setCart(
      await ok(api.DELETE('/api/carts/{id}/lines/{lineId}', { params: { path: { id: cart.id, lineId } } })),
    );
  };

  /** Emails a one-time sign-in code (the hub answers the same for any address). */
  const startSignIn = async (email: string) => {
    await ok(api.POST('/api/shopper/sign-in', { body: { email: email.trim().toLowerCase() } }));
  };

  /**
   * Trades the code for a session (an httpOnly cookie), then takes the shopper's carts along: this
   * cart merges with theirs, or their cart from the app or another device comes here.
   */
  const verifySignIn = async (email: string, code: string) => {
    const value = email.trim().toLowerCase();
    const signedIn = await ok(
      api.POST('/api/shopper/sign-in/verify', { body: { email: value, code: code.trim() } }),
    );
    const current = cart ?? (await newCart());
    if (!cart && current.cartToken) rememberCartToken(current.id, current.cartToken);
    const r = await ok(
      api.POST('/api/carts/{id}/identify', { params: { path: { id: current.id } }, body: {} }),
    );
    localStorage.setItem(SIGNED_IN_MARK, '1');
    setCustomer({ customerId: signedIn.customerId, email: value });
    setCart(r.cart);
  };

  const logOut = async () => {
    try {
      await api.POST('/api/shopper/sign-out');
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
    }
    localStorage.removeItem(SIGNED_IN_MARK);
    setCustomer(null);
    setCart(null);
  };

  return {
    cart,
    setCart,
    refreshCart,
    customer,
    addToCart,
    changeQuantity,
    removeLine,
    startSignIn,
    verifySignIn,
    logOut,
  };
}

export type ShopState = ReturnType<typeof useShopState>;
