// Twilio's request signature (X-Twilio-Signature): base64 of the HMAC-SHA1, keyed with the account's
// auth token, of the full URL Twilio called followed by every POST parameter sorted by name, each as
// name + value with no separators. Compared in constant time.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const TWILIO_SIGNATURE_HEADER = 'x-twilio-signature';

export function signTwilioRequest(authToken: string, url: string, params: Array<[string, string]>): string {
  const sorted = [...params].sort(([ak, av], [bk, bv]) =>
    ak === bk ? (av < bv ? -1 : av > bv ? 1 : 0) : ak < bk ? -1 : 1,
  );
  const data = url + sorted.map(([k, v]) => k + v).join('');
  return createHmac('sha1', authToken).update(data, 'utf8').digest('base64');
}

export function verifyTwilioSignature(
  authToken: string,
  header: unknown,
  url: string,
  params: Array<[string, string]>,
): boolean {
  if (typeof header !== 'string' || !authToken) return false;
  const expected = Buffer.from(signTwilioRequest(authToken, url, params));
  const given = Buffer.from(header.trim());
  return given.length === expected.length && timingSafeEqual(given, expected);
}
