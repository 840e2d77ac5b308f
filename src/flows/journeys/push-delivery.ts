// Web push of a journey message: the rendered push variant (title, body, the message's link) to
// every browser the customer subscribed, signed with the hub's VAPID key. A 404/410 from the push
// service deletes that subscription; the message counts as sent when one browser took it.
import type { Rendered, Send } from '../../modules/messaging/index.js';
import type { Ctx } from '../../platform/context.js';
import { PushServiceError } from '../../platform/push/web-push.js';
import type { JourneysFlowDeps } from './deps.js';

const TTL_SECONDS = 24 * 3600;

/** Every subscription was gone, or the push service refused the request for good (4xx). */
export function isPermanentPush(err: unknown): boolean {
  if (err instanceof PushGone) return true;
  return (
    err instanceof PushServiceError && err.statusCode >= 400 && err.statusCode < 500 && err.statusCode !== 429
  );
}

class PushGone extends Error {}

export function createPushDelivery(deps: JourneysFlowDeps) {
  const subject = () => {
    const base = deps.baseUrl();
    return base.startsWith('https:') ? base : 'mailto:no-reply@omnihub.invalid';
  };
  return async function pushTo(ctx: Ctx, send: Send, rendered: Rendered): Promise<void> {
    const push = deps.push!;
    const subs = await deps.messaging.pushSubscriptionsOf(ctx, send.customerId);
    const keys = await deps.messaging.vapidKeys(ctx);
    const payload = JSON.stringify({
      title: rendered.subject,
      body: rendered.text,
      url: send.vars.link ?? deps.baseUrl(),
    });
    let delivered = 0;
    let failure: unknown = null;
    for (const sub of subs) {
      try {
        await push.send(sub, payload, { vapid: { subject: subject(), ...keys }, ttlSeconds: TTL_SECONDS });
        delivered++;
      } catch (err) {
        if (err instanceof PushServiceError && err.gone)
          await deps.messaging.forgetPushEndpoint(ctx, sub.endpoint);
        else failure ??= err;
      }
    }
    if (delivered > 0) return;
    if (failure) throw failure;
    throw new PushGone('every push subscription is gone (404/410)');
  };
}
