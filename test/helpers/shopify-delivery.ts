// A Shopify webhook delivery to an inbound connector, signed as Shopify signs it (HMAC-SHA256 of the
// raw body with the app's secret, base64).
import { createHmac } from 'node:crypto';
import type { TestHub } from './test-hub.js';

export const shopifySignature = (secret: string, body: string): string =>
  createHmac('sha256', secret).update(body).digest('base64');

/** POSTs `body` to the connector's door as Shopify would (no API key): the hub's answer. */
export function deliverShopify(
  t: Pick<TestHub, 'api'>,
  d: { connectorId: string; secret: string; body: string; webhookId: string; topic?: string },
) {
  return t.api('POST', `/api/inbound/${d.connectorId}`, {
    key: null,
    body: d.body,
    headers: {
      'content-type': 'application/json',
      'x-shopify-topic': d.topic ?? 'orders/create',
      'x-shopify-webhook-id': d.webhookId,
      'x-shopify-hmac-sha256': shopifySignature(d.secret, d.body),
    },
  });
}
