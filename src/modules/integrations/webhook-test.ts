// A test delivery: what an endpoint receives when an operator presses "Send test". It is rendered
// like a real delivery (the endpoint's format and transform) from a made-up `webhook.test` event that
// is never written to the log, and signed with the endpoint's secrets like any delivery, so a
// receiver that verifies a test verifies real deliveries too. Nothing is queued or recorded.
import { newId } from '../../kernel/index.js';
import type { Ctx } from '../../platform/context.js';
import type { StoredEvent } from '../../platform/events/event-log.js';
import type { ClaimedDelivery, EndpointWithSecrets } from './integrations.types.js';
import { activeSecrets } from './webhook-endpoints.repository.js';

export const TEST_EVENT_TYPE = 'webhook.test';

export function testEventFor(ctx: Ctx, e: Pick<EndpointWithSecrets, 'id' | 'channelId'>): StoredEvent {
  const now = ctx.clock.now();
  return {
    id: newId('evt'),
    position: 0,
    txId: 0,
    type: TEST_EVENT_TYPE,
    subject: e.id,
    channelId: e.channelId,
    payload: { endpointId: e.id, test: true, message: 'A test delivery from Omnihub.' },
    actor: ctx.actor.id,
    requestId: ctx.requestId,
    occurredAt: now,
    recordedAt: now,
  };
}

export function testDeliveryOf(
  ctx: Ctx,
  e: EndpointWithSecrets,
  rendered: { body: string; contentType: string },
  event: StoredEvent,
): ClaimedDelivery {
  return {
    id: newId('msg'),
    endpointId: e.id,
    url: e.url,
    ...rendered,
    attempts: 0,
    secrets: activeSecrets(e, ctx.clock.now()),
    eventOccurredAt: event.occurredAt,
  };
}
