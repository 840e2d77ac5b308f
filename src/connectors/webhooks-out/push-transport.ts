// Web push requests through the same SSRF-guarded outbound client as webhooks: a push endpoint is a
// URL a shopper's browser gave, so a private or loopback target is refused on save and at every send.
import type { PushTransport } from '../../platform/push/web-push.js';
import { createOutboundClient, type OutboundClient } from './outbound-http.js';
import type { TargetGuard } from './ssrf-guard.js';

export function createGuardedPushTransport(guard: TargetGuard): PushTransport & { close(): void } {
  const client: OutboundClient = createOutboundClient({ guard, maxSockets: 16, maxResponseBytes: 16 * 1024 });
  return {
    async refusal(url) {
      try {
        await guard.check(url, 'endpoint');
        return undefined;
      } catch (err) {
        return (err as Error).message.replace(/^.*?: /, '');
      }
    },
    async post(url, headers, body, timeoutMs) {
      return (await client.request({ method: 'POST', url, headers, body, timeoutMs })).status;
    },
    close: () => client.close(),
  };
}
