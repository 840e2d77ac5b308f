// One HTTP request to a channel and what its answer means for the items it carried: 2xx pushed,
// 429 pause (Retry-After), 401/403 pause until an operator resumes, 5xx/timeouts retry with backoff,
// any other 4xx parks the items in the dead-letter queue with the channel's answer.
import { parseRetryAfter } from '../webhooks-out/index.js';

export interface WireRequest {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface WireResponse {
  status: number;
  headers: Headers;
  text: string;
}

export type WireVerdict =
  | { kind: 'ok'; response: WireResponse }
  | { kind: 'pause'; seconds: number; error: string; statusCode: number }
  | { kind: 'auth'; error: string; statusCode: number }
  | { kind: 'retry'; error: string; statusCode: number | null }
  | { kind: 'park'; error: string; statusCode: number };

/** Without a Retry-After, a 429 pauses the connection this long. */
const DEFAULT_429_PAUSE_SECONDS = 30;

export async function sendWire(req: WireRequest, timeoutMs: number): Promise<WireVerdict> {
  let res: Response;
  let text: string;
  try {
    res = await fetch(req.url, {
      method: req.method,
      headers: req.headers,
      ...(req.body !== undefined ? { body: req.body } : {}),
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'manual', // a redirect could lead past the SSRF guard
    });
    text = await res.text();
  } catch (err) {
    const e = err as Error;
    const reason =
      e.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : (e.cause as Error)?.message;
    return { kind: 'retry', error: reason ?? e.message, statusCode: null };
  }
  const status = res.status;
  const error = `the channel answered ${status}${text ? `: ${text.slice(0, 300)}` : ''}`;
  if (status >= 200 && status < 300) return { kind: 'ok', response: { status, headers: res.headers, text } };
  if (status === 429) {
    const seconds = parseRetryAfter(res.headers.get('retry-after') ?? undefined, Date.now());
    return { kind: 'pause', seconds: seconds ?? DEFAULT_429_PAUSE_SECONDS, error, statusCode: status };
  }
  if (status === 401 || status === 403) return { kind: 'auth', error, statusCode: status };
  if (status >= 500 || status === 408) return { kind: 'retry', error, statusCode: status };
  return { kind: 'park', error, statusCode: status };
}
