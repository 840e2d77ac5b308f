// One HTTP request to a channel and what its answer means for the items it carried: 2xx pushed,
// 429 pause (Retry-After), 401/403 pause until an operator resumes, 5xx/timeouts retry with backoff,
// any other 4xx parks the items in the dead-letter queue with the channel's answer. The request goes
// through the SSRF guard's pinned lookup, and an answer longer than the client's cap parks the items
// (a shop does not answer a batch with megabytes; reading on would hold the hub's memory).
import { type OutboundClient, parseRetryAfter } from '../webhooks-out/index.js';

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

function toHeaders(raw: Record<string, string | string[] | undefined>): Headers {
  const h = new Headers();
  for (const [k, v] of Object.entries(raw)) {
    if (v === undefined) continue;
    for (const one of Array.isArray(v) ? v : [v]) h.append(k, one);
  }
  return h;
}

export async function sendWire(
  client: OutboundClient,
  req: WireRequest,
  timeoutMs: number,
): Promise<WireVerdict> {
  let res: Awaited<ReturnType<OutboundClient['request']>>;
  try {
    // No redirects are followed (node:http never does): a redirect could lead past the SSRF guard.
    res = await client.request({ ...req, timeoutMs });
  } catch (err) {
    return { kind: 'retry', error: (err as Error).message, statusCode: null };
  }
  const status = res.status;
  if (res.truncated) {
    const error = `the channel answered ${status} with more than ${client.maxResponseBytes} bytes`;
    return { kind: 'park', error, statusCode: status };
  }
  const text = res.body.toString('utf8');
  const error = `the channel answered ${status}${text ? `: ${text.slice(0, 300)}` : ''}`;
  const headers = toHeaders(res.headers);
  if (status >= 200 && status < 300) return { kind: 'ok', response: { status, headers, text } };
  if (status === 429) {
    const seconds = parseRetryAfter(headers.get('retry-after') ?? undefined, Date.now());
    return { kind: 'pause', seconds: seconds ?? DEFAULT_429_PAUSE_SECONDS, error, statusCode: status };
  }
  if (status === 401 || status === 403) return { kind: 'auth', error, statusCode: status };
  if (status >= 500 || status === 408) return { kind: 'retry', error, statusCode: status };
  return { kind: 'park', error, statusCode: status };
}
