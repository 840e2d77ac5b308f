// The generic JSON webhook: any sender that signs with Standard Webhooks (webhook-id,
// webhook-timestamp, webhook-signature with the connector's whsec_ secret); the topic comes from
// X-Omnihub-Topic or the payload's `type`. A JSONata mapping stored on the connector turns
// {topic, payload, headers} into hub commands.
import { evaluateJsonata } from '../../platform/jsonata.js';
import { header, type TranslateInput, type WireAdapter } from '../inbound/wire-adapter.js';
import { verifyStandardWebhook } from '../webhooks-out/index.js';

/** Runs a mapping on one payload; throws with the mapping's own message when it fails. */
export async function runMapping(
  mapping: string,
  input: { topic: string; payload: unknown; headers: Record<string, string> },
) {
  return evaluateJsonata(mapping, input, 'The mapping');
}

export const genericAdapter: WireAdapter = {
  kind: 'generic',
  verify: (secret, headers, raw, nowSeconds) =>
    verifyStandardWebhook(
      [secret],
      {
        id: header(headers, 'webhook-id'),
        timestamp: header(headers, 'webhook-timestamp'),
        signature: header(headers, 'webhook-signature'),
      },
      raw,
      nowSeconds,
    ),
  envelope(headers, raw) {
    const externalId = header(headers, 'webhook-id');
    if (!externalId) return { error: 'webhook-id is required' };
    let topic = header(headers, 'x-omnihub-topic');
    if (!topic) {
      try {
        const t = (JSON.parse(raw.toString('utf8')) as { type?: unknown }).type;
        topic = typeof t === 'string' ? t : undefined;
      } catch {
        // a malformed body is reported by the caller
      }
    }
    return { externalId, topic: topic ?? 'generic' };
  },
  async translate({ topic, payload, headers, connector }: TranslateInput) {
    if (!connector.mapping) throw new Error('this connector has no mapping yet');
    return runMapping(connector.mapping, { topic, payload, headers });
  },
};
