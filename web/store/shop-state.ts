// The shopper's state on this device: an anonymous id, the open cart of this channel (its id here,
// its token with the API client) and who is signed in: the session is an httpOnly cookie the page
// never sees, so who they are is asked of the hub (/api/me/profile). A link an agent sent (?cart=<id>)
// opens that cart here: at once for its owner signed in on this browser, else after she signs in.
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, ok, type paths, rememberCartToken } from '../ui/api.ts';
import { useApi } from '../ui/key-gate.tsx';
import {
  isNetworkFailure,
  type QueuedLine,
  queuedLines,
  saveQueuedLines,
  setOffline,
  useOffline,
} from './offline.ts';
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

/** The cart of an agent's link, kept for this tab until its owner has signed in. */
const SHARED_CART = 'omnihub.sharedCart';

/** The ?cart= of an agent's link, taken off the address so a reload or a shared URL does not repeat it. */
function takeSharedCartParam(): string | null {
  const url = new URL(window.location.href);
  const id = url.searchParams.get('cart');
  if (id) {
    url.searchParams.delete('cart');
    window.history.replaceState(window.history.state, '', url.toString());
    sessionStorage.setItem(SHARED_CART, id);
  }
  return sessionStorage.getItem(SHARED_CART);
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
  const [sharedCart, setSharedCart] = useState<'none' | 'signIn' | 'opened'>('none');
  // The cart as of the last answer: lines added one after another (the offline queue) build on it.
  const cartRef = useRef<Cart | null>(null);
  const [queued, setQueued] = useState<QueuedLine[]>(() => queuedLines(channel.code));
  const [queueError, setQueueError] = useState<unknown>(null);

  const setCart = useCallback(
    (c: Cart | null) => {
      if (c?.cartToken) rememberCartToken(c.id, c.cartToken);
      if (c && c.status === 'active') localStorage.setItem(cartKey, c.id);
      else localStorage.removeItem(cartKey);
      cartRef.current = c && c.status === 'active' ? c : null;
      setCartState(cartRef.current);
    },
    [cartKey],
  );

  /** Opens the cart of an agent's link when this browser may (its owner signed in): true if it did. */
  const openSharedCart = useCallback(async (): Promise<boolean> => {
    const shared = takeSharedCartParam();
    if (!shared) return false;
    try {
      const c = await loadCart(api, shared);
      sessionStorage.removeItem(SHARED_CART);
      if (c.status !== 'active' || c.channelId !== channel.id) return false;
      setCart(c);
      setSharedCart('opened');
      return true;
    } catch (err) {
      // Not hers on this browser yet (403): kept until she signs in; anything else drops the link.
      if (err instanceof ApiError && err.status === 403) setSharedCart('signIn');
      else sessionStorage.removeItem(SHARED_CART);
      return false;
    }
  }, [api, channel.id, setCart]);

  const refreshCart = useCallback(async () => {
    if (await openSharedCart()) return;
    const id = localStorage.getItem(cartKey);
    if (!id) return setCartState(null);
    try {
      setCart(await loadCart(api, id));
    } catch {
      setCart(null);
    }
  }, [api, cartKey, setCart, openSharedCart]);

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

  const addNow = async (sku: string, quantity: number) => {
    const current = cartRef.current;
    const next = current
      ? await ok(
          api.POST('/api/carts/{id}/lines', {
            params: { path: { id: current.id } },
            body: { sku, quantity },
          }),
        )
      : await newCart([{ sku, quantity }]);
    setOffline(false);
    setCart(next);
  };

  /** Adds a line; offline, keeps it to add when the network is back ('queued'). */
  const addToCart = async (sku: string, quantity = 1): Promise<'added' | 'queued'> => {
    const queue = () => {
      const lines = [...queuedLines(channel.code), { sku, quantity }];
      saveQueuedLines(channel.code, lines);
      setQueued(lines);
      return 'queued' as const;
    };
    if (offline) return queue();
    try {
      await addNow(sku, quantity);
      return 'added';
    } catch (err) {
      if (isNetworkFailure(err)) return queue();
      throw err;
    }
  };

  // Back online (or opened again online): the queued lines go into the cart in the order added. A
  // line the hub refuses (sold out meanwhile) is dropped and said; a network failure waits again.
  const flushing = useRef(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: addNow reads the cart through its ref
  const flushQueue = useCallback(async () => {
    if (flushing.current) return;
    flushing.current = true;
    try {
      let lines = queuedLines(channel.code);
      while (lines.length) {
        const [line, ...rest] = lines as [QueuedLine, ...QueuedLine[]];
        try {
          await addNow(line.sku, line.quantity);
        } catch (err) {
          if (isNetworkFailure(err)) break;
          setQueueError(err);
        }
        lines = rest;
        saveQueuedLines(channel.code, lines);
        setQueued(lines);
      }
    } finally {
      flushing.current = false;
    }
  }, [channel.code]);

  // The kept cart first: queued lines go into it, not into a new one.
  useEffect(() => {
    void refreshCart().then(flushQueue);
  }, [refreshCart, flushQueue]);
  // Back online, and every few seconds while lines wait: a browser may never say it is back.
  const offline = useOffline();
  useEffect(() => {
    if (!offline) void flushQueue();
  }, [offline, flushQueue]);
  useEffect(() => {
    if (queued.length === 0) return;
    const timer = setInterval(flushQueue, 5_000);
    return () => clearInterval(timer);
  }, [queued.length, flushQueue]);

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
    // An agent's link waiting for her: open that cart, not a new empty one merged into it.
    if (!cart && sessionStorage.getItem(SHARED_CART) && (await openSharedCart())) {
      localStorage.setItem(SIGNED_IN_MARK, '1');
      setCustomer({ customerId: signedIn.customerId, email: value });
      return;
    }
    const current = cart ?? (await newCart());
    if (!cart && current.cartToken) rememberCartToken(current.id, current.cartToken);
    const r = await ok(
      api.POST('/api/carts/{id}/identify', { params: { path: { id: current.id } }, body: {} }),
    );
    localStorage.setItem(SIGNED_IN_MARK, '1');
    setCustomer({ customerId: signedIn.customerId, email: value });
    setCart(r.cart);
    await openSharedCart();
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
    sharedCart,
    setCart,
    queued,
    queueError,
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
