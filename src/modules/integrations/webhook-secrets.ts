// Endpoint signing secrets at rest: sealed with the secret box (OMNIHUB_SECRETS_KEY) when written,
// opened when the hub signs. Claims open the same stored value again and again, so opened values
// are remembered (a sealed value is unique per write: a rotation or update never hits a stale entry).
import { isSealed, type SecretBox } from '../../platform/secrets/secret-box.js';
import type { ClaimedDelivery, EndpointWithSecrets } from './integrations.types.js';

const place = (endpointId: string, column: 'secret' | 'previous_secret') =>
  `webhook_endpoints.${column}:${endpointId}`;

export function endpointSecrets(box: SecretBox) {
  const opened = new Map<string, string>();
  const open = (stored: string, endpointId: string, column: 'secret' | 'previous_secret') => {
    if (!isSealed(stored)) return stored; // plaintext (no key, or written before the key was set)
    const key = `${column}:${endpointId}:${stored}`;
    let plain = opened.get(key);
    if (plain === undefined) {
      plain = box.open(stored, place(endpointId, column));
      if (opened.size > 1_000) opened.clear();
      opened.set(key, plain);
    }
    return plain;
  };
  return {
    seal: (e: EndpointWithSecrets): EndpointWithSecrets => ({
      ...e,
      secret: box.seal(e.secret, place(e.id, 'secret')),
      previousSecret: e.previousSecret && box.seal(e.previousSecret, place(e.id, 'previous_secret')),
    }),
    open: (e: EndpointWithSecrets): EndpointWithSecrets => ({
      ...e,
      secret: open(e.secret, e.id, 'secret'),
      previousSecret: e.previousSecret && open(e.previousSecret, e.id, 'previous_secret'),
    }),
    /** The claim's secrets are [current, previous?] in that order. */
    openClaimed: (d: ClaimedDelivery): ClaimedDelivery => ({
      ...d,
      secrets: d.secrets.map((s, i) => open(s, d.endpointId, i === 0 ? 'secret' : 'previous_secret')),
    }),
  };
}
