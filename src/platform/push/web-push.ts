// Web push (RFC 8030) with the payload encrypted for the subscription (RFC 8291, aes128gcm) and the
// hub identified by VAPID (RFC 8292): the `web-push` package builds the request (encryption and the
// signed JWT), the hub sends it through a transport: the composition root gives it the SSRF-guarded
// outbound client (an endpoint is a URL a shopper's browser gave), the default is fetch.
import { AppError } from '../../kernel/index.js';

export interface PushTarget {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

export interface PushVapid {
  /** A mailto: or https: address the push service can contact about this sender. */
  subject: string;
  publicKey: string;
  privateKey: string;
}

/** A push service's refusal; 404 and 410 mean the subscription is gone for good. */
export class PushServiceError extends Error {
  constructor(readonly statusCode: number) {
    super(`push service answered ${statusCode}`);
  }
  get gone(): boolean {
    return this.statusCode === 404 || this.statusCode === 410;
  }
}

/** How push requests reach the network. */
export interface PushTransport {
  /** A reason the hub must not call this URL (private address…), or undefined. Checked on save. */
  refusal(url: string): Promise<string | undefined>;
  /** POSTs and answers the status (rejects on a refused target, a timeout or a network error). */
  post(url: string, headers: Record<string, string>, body: Buffer, timeoutMs: number): Promise<number>;
}

export interface PushSender {
  /** Refuses an endpoint the hub will not call: a 400 naming the field. */
  checkEndpoint(url: string, field: string): Promise<void>;
  send(target: PushTarget, payload: string, opts: { vapid: PushVapid; ttlSeconds: number }): Promise<void>;
}

/** Plain fetch, no address checks: for tests and scripts (the hub passes the guarded client). */
export const fetchTransport: PushTransport = {
  async refusal(url) {
    return /^https?:\/\//.test(url) ? undefined : 'only http and https';
  },
  async post(url, headers, body, timeoutMs) {
    const res = await fetch(url, {
      method: 'POST',
      headers,
      body: new Uint8Array(body),
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    await res.arrayBuffer().catch(() => undefined);
    return res.status;
  },
};

export function createPushSender(opts: { transport?: PushTransport; timeoutMs?: number } = {}): PushSender {
  const transport = opts.transport ?? fetchTransport;
  return {
    async checkEndpoint(url, field) {
      const why = await transport.refusal(url);
      if (why) {
        throw new AppError('validation_failed', `The push endpoint (${field}) is not allowed: ${why}`, {
          issues: [{ path: `body.${field}`, message: why }],
        });
      }
    },
    async send(target, payload, { vapid, ttlSeconds }) {
      // Loaded at the first push, not at every start.
      const { default: webpush } = await import('web-push');
      const details = webpush.generateRequestDetails(target, payload, {
        TTL: ttlSeconds,
        vapidDetails: vapid,
        contentEncoding: 'aes128gcm',
      });
      const status = await transport.post(
        details.endpoint,
        details.headers as Record<string, string>,
        details.body,
        opts.timeoutMs ?? 10_000,
      );
      if (status < 200 || status >= 300) throw new PushServiceError(status);
    },
  };
}
