// Sends one signed delivery over HTTP with keep-alive connections and a hard timeout, and turns the
// receiver's answer into an outcome: 2xx delivered; 410 gone; 429/503 with Retry-After honoured.
// Targets go through the SSRF guard at every send (outbound-http.ts); the receiver's body is
// irrelevant, so at most a few KB of it are read.
import type { ClaimedDelivery, DeliveryOutcome } from '../../modules/integrations/index.js';
import { createOutboundClient } from './outbound-http.js';
import { standardWebhookHeaders } from './signing.js';
import type { TargetGuard } from './ssrf-guard.js';

export interface Sender {
  send(d: ClaimedDelivery, nowSeconds: number): Promise<DeliveryOutcome>;
  close(): void;
}

/** A webhook receiver's answer is never used; this much is read, the rest closes the connection. */
const RECEIVER_BODY_BYTES = 16 * 1024;

export function parseRetryAfter(value: string | string[] | undefined, nowMs: number): number | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  if (!v) return undefined;
  if (/^\d{1,9}$/.test(v.trim())) return Number(v.trim());
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - nowMs) / 1000));
}

export function createSender(opts: {
  timeoutMs: number;
  guard: TargetGuard;
  maxSockets?: number;
  userAgent?: string;
}): Sender {
  const client = createOutboundClient({
    guard: opts.guard,
    maxResponseBytes: RECEIVER_BODY_BYTES,
    ...(opts.maxSockets ? { maxSockets: opts.maxSockets } : {}),
  });
  return {
    async send(d, nowSeconds) {
      let status: number;
      let retryAfterHeader: string | string[] | undefined;
      try {
        const res = await client.request({
          method: 'POST',
          url: d.url,
          timeoutMs: opts.timeoutMs,
          body: d.body,
          headers: {
            'content-type': d.contentType,
            'user-agent': opts.userAgent ?? 'Omnihub-Webhooks/1',
            ...standardWebhookHeaders(d.secrets, d.id, nowSeconds, d.body),
          },
        });
        status = res.status;
        retryAfterHeader = res.headers['retry-after'];
      } catch (err) {
        return { id: d.id, kind: 'failed', statusCode: null, error: (err as Error).message };
      }
      if (status >= 200 && status < 300) return { id: d.id, kind: 'delivered', statusCode: status };
      const retryAfter =
        status === 429 || status === 503 ? parseRetryAfter(retryAfterHeader, Date.now()) : undefined;
      return {
        id: d.id,
        kind: 'failed',
        statusCode: status,
        error: `the receiver answered ${status}`,
        ...(retryAfter !== undefined ? { retryAfterSeconds: retryAfter } : {}),
        ...(status === 410 ? { gone: true } : {}),
      };
    },
    close: () => client.close(),
  };
}
