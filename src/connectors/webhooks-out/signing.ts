// Standard Webhooks 1.0 signatures: `v1,` + base64 HMAC-SHA256 over `${id}.${timestamp}.${body}`,
// keyed with the base64-decoded part of a `whsec_` secret. Several secrets (during a rotation)
// give several signatures, space-separated, so receivers on either secret verify.
import { createHmac, timingSafeEqual } from 'node:crypto';

const keyCache = new Map<string, Buffer>();
function keyOf(secret: string): Buffer {
  let key = keyCache.get(secret);
  if (!key) {
    key = Buffer.from(secret.startsWith('whsec_') ? secret.slice(6) : secret, 'base64');
    if (keyCache.size > 1000) keyCache.clear();
    keyCache.set(secret, key);
  }
  return key;
}

export function signStandardWebhook(
  secret: string,
  id: string,
  timestampSeconds: number,
  body: string,
): string {
  const mac = createHmac('sha256', keyOf(secret))
    .update(`${id}.${timestampSeconds}.${body}`)
    .digest('base64');
  return `v1,${mac}`;
}

export function standardWebhookHeaders(
  secrets: readonly string[],
  id: string,
  timestampSeconds: number,
  body: string,
): Record<string, string> {
  return {
    'webhook-id': id,
    'webhook-timestamp': String(timestampSeconds),
    'webhook-signature': secrets.map((s) => signStandardWebhook(s, id, timestampSeconds, body)).join(' '),
  };
}

/**
 * Verifies a Standard Webhooks delivery (used by inbound generic connectors): any `v1` signature
 * that matches one of the secrets, compared in constant time, within the timestamp tolerance.
 */
export function verifyStandardWebhook(
  secrets: readonly string[],
  headers: { id?: string | undefined; timestamp?: string | undefined; signature?: string | undefined },
  rawBody: Buffer,
  nowSeconds: number,
  toleranceSeconds = 300,
): boolean {
  const { id, timestamp, signature } = headers;
  if (!id || !timestamp || !signature || !/^\d{1,12}$/.test(timestamp)) return false;
  if (Math.abs(nowSeconds - Number(timestamp)) > toleranceSeconds) return false;
  const presented = signature
    .split(' ')
    .filter((s) => s.startsWith('v1,'))
    .map((s) => Buffer.from(s.slice(3), 'base64'));
  for (const secret of secrets) {
    const expected = createHmac('sha256', keyOf(secret))
      .update(`${id}.${timestamp}.`)
      .update(rawBody)
      .digest();
    if (presented.some((p) => p.length === expected.length && timingSafeEqual(p, expected))) return true;
  }
  return false;
}
