// One HTTP call to a messaging platform's API (Graph, Twilio), turned into the inbox's send outcome:
// the parsed JSON answer, or a SendFailure that says whether to retry. 4xx is the platform refusing
// this message for good (bad recipient, window closed, bad token), except 408/429 (later); 5xx and
// network faults are retried on the delivery schedule.
import { SendFailure } from '../../flows/inbox/index.js';

const TIMEOUT_MS = 15_000;

export async function callPlatform(
  platform: string,
  url: string,
  init: { method: 'POST' | 'GET'; headers: Record<string, string>; body?: string },
  describeError: (body: unknown) => string | null,
): Promise<Record<string, unknown>> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS), redirect: 'error' });
  } catch (err) {
    throw new SendFailure(`${platform} unreachable: ${(err as Error).message}`.slice(0, 300), true);
  }
  const text = await res.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (res.ok && body && typeof body === 'object') return body as Record<string, unknown>;
  const why = describeError(body) ?? `HTTP ${res.status}`;
  const retryable = res.ok || res.status >= 500 || res.status === 408 || res.status === 429;
  throw new SendFailure(`${platform}: ${why}`.slice(0, 300), retryable);
}
