// Web push (RFC 8030) with the payload encrypted for the subscription (RFC 8291, aes128gcm) and the
// hub identified by VAPID (RFC 8292): the `web-push` package builds the request (encryption and the
// signed JWT), the hub sends it with fetch (a timeout, no redirects followed).
import webpush from 'web-push';

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

export interface PushSender {
  send(target: PushTarget, payload: string, opts: { vapid: PushVapid; ttlSeconds: number }): Promise<void>;
}

export function createPushSender(opts: { timeoutMs?: number } = {}): PushSender {
  return {
    async send(target, payload, { vapid, ttlSeconds }) {
      const details = webpush.generateRequestDetails(target, payload, {
        TTL: ttlSeconds,
        vapidDetails: vapid,
        contentEncoding: 'aes128gcm',
      });
      const res = await fetch(details.endpoint, {
        method: details.method,
        headers: details.headers as Record<string, string>,
        body: details.body ? new Uint8Array(details.body as Buffer) : null,
        redirect: 'manual',
        signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
      });
      await res.arrayBuffer().catch(() => undefined);
      if (res.status < 200 || res.status >= 300) throw new PushServiceError(res.status);
    },
  };
}
