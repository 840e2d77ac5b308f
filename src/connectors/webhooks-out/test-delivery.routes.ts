// "Send test" for a webhook endpoint: one `webhook.test` delivery rendered, signed and sent by the
// same code as real deliveries (the service renders and signs with the endpoint's opened secrets, the
// sender sends through the SSRF guard), at once on the request path because an operator is waiting
// for the answer. Nothing is queued, retried or counted in the endpoint's health.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { WebhooksService } from '../../modules/integrations/index.js';
import { secretKeys } from '../../platform/http/route-policy.js';
import type { Sender } from './sender.js';

export const TestDeliveryResult = z.object({
  deliveryId: z.string().describe('the webhook-id header the receiver saw'),
  delivered: z.boolean().describe('the receiver answered 2xx'),
  statusCode: z.number().int().nullable().describe('null: no answer (refused, timeout, DNS)'),
  durationMs: z.number().int(),
  error: z.string().nullable(),
});

export const webhookTestRoutes =
  (service: WebhooksService, sender: Sender): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/webhooks/endpoints/:id/test',
      {
        config: { policy: secretKeys('webhooks:write', 'own') },
        schema: {
          tags: ['webhooks'],
          summary: 'Send a signed webhook.test delivery to the endpoint now and report its answer',
          params: z.object({ id: z.string() }),
          body: z.strictObject({}).optional(),
          response: { 200: TestDeliveryResult },
        },
      },
      async (request) => {
        const { ctx } = request;
        const delivery = await service.testDelivery(ctx, request.params.id);
        const started = performance.now();
        const outcome = await sender.send(delivery, Math.floor(ctx.clock.now().getTime() / 1000));
        return {
          deliveryId: delivery.id,
          delivered: outcome.kind === 'delivered',
          statusCode: outcome.statusCode,
          durationMs: Math.round(performance.now() - started),
          error: outcome.kind === 'failed' ? outcome.error : null,
        };
      },
    );
  };
