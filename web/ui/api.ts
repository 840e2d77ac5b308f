// A small typed client for the hub's HTTP API: paths and bodies come from the generated
// api-types.ts (from /openapi.json), errors are the hub's problem+json turned into ApiError.
import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './api-types.ts';

export type { paths };

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
  errors?: Array<{ path: string; message: string }>;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
  }
  get code(): string {
    return this.problem.code ?? `http_${this.status}`;
  }
}

export type ApiClient = ReturnType<typeof createApi>;

const CART_TOKENS = 'omnihub.cartTokens';

function cartTokens(): Record<string, string> {
  try {
    return JSON.parse(localStorage.getItem(CART_TOKENS) ?? '{}') as Record<string, string>;
  } catch {
    return {};
  }
}

/** Keeps the token a cart was created with (a publishable key must show it on every call on the cart). */
export function rememberCartToken(cartId: string, token: string): void {
  const kept = Object.entries(cartTokens()).slice(-19);
  localStorage.setItem(CART_TOKENS, JSON.stringify(Object.fromEntries([...kept, [cartId, token]])));
}

const CART_PATH = /^\/api\/carts\/([^/]+)/;
/**
 * Routes a signed-in shopper calls with their session cookie alone: the app's key is not sent, so
 * the hub acts as the shopper.
 */
const SHOPPER_SESSION_PATH = /^\/api\/(me\/|shopper\/sign-out$)/;

/**
 * A client that sends `key` on every call (and, on a cart's routes, the cart's token; the shopper's
 * session cookie travels by itself, same origin); `onUnauthorized` runs on a 401 (e.g. back to login).
 */
export function createApi(key: string, opts: { baseUrl?: string; onUnauthorized?: () => void } = {}) {
  const client = createClient<paths>({
    baseUrl: opts.baseUrl ?? window.location.origin,
    credentials: 'same-origin',
  });
  const auth: Middleware = {
    onRequest({ request }) {
      const path = new URL(request.url).pathname;
      if (!SHOPPER_SESSION_PATH.test(path)) request.headers.set('authorization', `Bearer ${key}`);
      const cartId = CART_PATH.exec(path)?.[1];
      const token = cartId ? cartTokens()[decodeURIComponent(cartId)] : undefined;
      if (token) request.headers.set('x-cart-token', token);
      return request;
    },
    onResponse({ request, response }) {
      // A 401 from sign-in (wrong code) or the account (signed out) is about the shopper, not the key.
      if (response.status === 401 && !/^\/api\/(me|shopper)\//.test(new URL(request.url).pathname)) {
        opts.onUnauthorized?.();
      }
      return response;
    },
  };
  client.use(auth);
  return Object.assign(client, { key });
}

/** Unwraps an openapi-fetch result: the data, or throws the problem as an ApiError. */
export async function ok<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<NonNullable<T>> {
  const { data, error, response } = await call;
  if (error !== undefined || !response.ok) {
    const problem = (typeof error === 'object' && error ? error : { detail: String(error) }) as Problem;
    throw new ApiError(response.status, problem);
  }
  return data as NonNullable<T>;
}

/**
 * Signs a staff member in (at a till when `channel` is given); the answer's token is then sent like
 * a key. A wrong address or password is a 401 `staff_sign_in_failed`.
 */
export async function staffSignIn(body: { email: string; password: string; channel?: string }) {
  const client = createClient<paths>({ baseUrl: window.location.origin, credentials: 'same-origin' });
  return ok(client.POST('/api/staff/sign-in', { body }));
}

/** Mails a staff member a sign-in code (202 whatever the address). */
export async function staffRequestCode(email: string) {
  const client = createClient<paths>({ baseUrl: window.location.origin, credentials: 'same-origin' });
  return ok(client.POST('/api/staff/sign-in/code', { body: { email } }));
}

/** Trades a mailed code for a staff session, like staffSignIn. */
export async function staffSignInWithCode(body: { email: string; code: string; channel?: string }) {
  const client = createClient<paths>({ baseUrl: window.location.origin, credentials: 'same-origin' });
  return ok(client.POST('/api/staff/sign-in/code/verify', { body }));
}

/** Ends a staff session (its token stops working at once); a failure changes nothing for the app. */
export async function staffSignOut(token: string): Promise<void> {
  await createApi(token)
    .POST('/api/staff/sign-out')
    .catch(() => undefined);
}

/** A token from staff sign-in, rather than an API key. */
export const isStaffToken = (key: string): boolean => key.startsWith('ohst_');

/** Checks a key against /api/me before the app keeps it. */
export async function whoAmI(key: string) {
  return ok(createApi(key).GET('/api/me'));
}
