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

/** A client that sends `key` on every call; `onUnauthorized` runs on a 401 (e.g. back to login). */
export function createApi(key: string, opts: { baseUrl?: string; onUnauthorized?: () => void } = {}) {
  const client = createClient<paths>({ baseUrl: opts.baseUrl ?? window.location.origin });
  const auth: Middleware = {
    onRequest({ request }) {
      request.headers.set('authorization', `Bearer ${key}`);
      return request;
    },
    onResponse({ response }) {
      if (response.status === 401) opts.onUnauthorized?.();
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

/** Checks a key against /api/me before the app keeps it. */
export async function whoAmI(key: string) {
  return ok(createApi(key).GET('/api/me'));
}
