// Meta's webhook wire format, shared by Messenger, Instagram and the WhatsApp Cloud API: the
// subscription handshake (GET with hub.mode=subscribe, hub.verify_token and hub.challenge, answered
// with the challenge) and the X-Hub-Signature-256 header, `sha256=` + the hex HMAC-SHA256 of the raw
// body keyed with the app secret, compared in constant time before anything is parsed.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const META_SIGNATURE_HEADER = 'x-hub-signature-256';

export function signMetaBody(appSecret: string, raw: Buffer | string): string {
  return `sha256=${createHmac('sha256', appSecret).update(raw).digest('hex')}`;
}

/** Whether the header is the app secret's signature of exactly these bytes. */
export function verifyMetaSignature(appSecret: string, header: unknown, raw: Buffer): boolean {
  if (typeof header !== 'string' || !appSecret) return false;
  const expected = Buffer.from(signMetaBody(appSecret, raw));
  const given = Buffer.from(header.trim().toLowerCase());
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The handshake's answer: the challenge when the mode and the token are right, else null (403). */
export function metaHandshake(verifyToken: string, query: Record<string, unknown>): string | null {
  const mode = query['hub.mode'];
  const token = query['hub.verify_token'];
  const challenge = query['hub.challenge'];
  if (mode !== 'subscribe' || typeof token !== 'string' || typeof challenge !== 'string') return null;
  const a = Buffer.from(token);
  const b = Buffer.from(verifyToken);
  if (!verifyToken || a.length !== b.length || !timingSafeEqual(a, b)) return null;
  return challenge;
}
