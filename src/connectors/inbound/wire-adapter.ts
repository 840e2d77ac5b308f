// What each inbound wire format provides: verification of the raw bytes, the sender's delivery id
// and topic, set-up pings, and translation of a payload into hub commands.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { z } from 'zod';
import { currencyExponent } from '../../kernel/index.js';
import type { ConnectorKind, ConnectorWithSecret } from '../../modules/integrations/index.js';

export interface TranslateInput {
  topic: string;
  payload: unknown;
  headers: Record<string, string>;
  connector: ConnectorWithSecret;
  /** The currency of the connector's channel (for payloads that carry prices without one). */
  currency: string | undefined;
  /** Source ids the hub must remember to translate later ones (e.g. inventory items → SKUs). */
  refs: {
    save(kind: string, pairs: Array<{ externalId: string; value: string }>): Promise<void>;
    lookup(kind: string, externalId: string): Promise<string | undefined>;
  };
}

export interface WireAdapter {
  kind: ConnectorKind;
  /** Constant-time check of the signature over the raw bytes; false answers 401 and stores nothing. */
  verify(secret: string, headers: IncomingHttpHeaders, raw: Buffer, nowSeconds: number): boolean;
  /** An unsigned set-up ping, answered 200 without storing (WooCommerce's `webhook_id=`). */
  isPing?(headers: IncomingHttpHeaders, raw: Buffer): boolean;
  /** The sender's delivery id (for dedupe) and the topic; an error answers 400. */
  envelope(
    headers: IncomingHttpHeaders,
    raw: Buffer,
  ): { externalId: string; topic: string } | { error: string };
  /** The shape translate() reads for a topic; a payload that misses it is rejected on arrival. */
  payloadShape?(topic: string, payload: unknown): z.ZodType | undefined;
  /**
   * The record a delivery changes, when deliveries of different records may be processed side by
   * side (an order's id); undefined: processed alone, after everything before it and before
   * everything after it. Deliveries with the same key keep their order.
   */
  parallelKey?(topic: string, payload: unknown): string | undefined;
  /** Hub commands for one payload (validated by the caller); [] when the topic needs nothing. */
  translate(input: TranslateInput): Promise<unknown>;
}

export const header = (h: IncomingHttpHeaders, name: string): string | undefined => {
  const v = h[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
};

/** base64 HMAC-SHA256 of the raw body, compared in constant time (Shopify, WooCommerce). */
export function verifyBase64Hmac(secret: string, presented: string | undefined, raw: Buffer): boolean {
  if (!presented) return false;
  const expected = createHmac('sha256', secret).update(raw).digest();
  const got = Buffer.from(presented.trim(), 'base64');
  return got.length === expected.length && timingSafeEqual(got, expected);
}

/** `order:<id>` for a payload's `id` (kept as the exact string a lossless parse gives). */
export function orderKey(payload: unknown): string | undefined {
  const id = (payload as { id?: unknown } | null)?.id;
  return typeof id === 'string' || typeof id === 'number' ? `order:${id}` : undefined;
}

/** A decimal price as the source writes it ("19.99") in minor units of the currency. */
export function toMinorUnits(value: unknown, currency: string): number {
  const s = String(value ?? '0').trim();
  if (!/^-?\d+(\.\d+)?$/.test(s)) throw new Error(`not a price: ${s}`);
  const exp = currencyExponent(currency);
  const [whole, frac = ''] = s.replace('-', '').split('.');
  const minor = Number(whole) * 10 ** exp + Number((frac + '0'.repeat(exp)).slice(0, exp) || '0');
  return s.startsWith('-') ? -minor : minor;
}

export const HEADER_ALLOWLIST = [
  'content-type',
  'user-agent',
  'x-shopify-topic',
  'x-shopify-webhook-id',
  'x-shopify-shop-domain',
  'x-shopify-api-version',
  'x-shopify-triggered-at',
  'x-wc-webhook-topic',
  'x-wc-webhook-resource',
  'x-wc-webhook-event',
  'x-wc-webhook-id',
  'x-wc-webhook-delivery-id',
  'x-wc-webhook-source',
  'webhook-id',
  'webhook-timestamp',
  'x-omnihub-topic',
];

/** The headers worth keeping with a raw delivery (never signatures or credentials). */
export function keptHeaders(h: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of HEADER_ALLOWLIST) {
    const v = header(h, name);
    if (v !== undefined) out[name] = v;
  }
  return out;
}

/** A platform's discount lines as the import takes them (`code`, amount in minor units). */
export function discountsOf(list: Array<Record<string, unknown>>, amountKey: string, currency: string) {
  const discounts = list
    .map((d) => ({
      ...(typeof d.code === 'string' && d.code ? { code: d.code } : {}),
      amount: toMinorUnits(d[amountKey] ?? '0', currency),
    }))
    .filter((d) => d.amount > 0);
  return discounts.length ? { discounts } : {};
}
