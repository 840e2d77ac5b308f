// HTTP routes of outbound webhooks: endpoints, secret rotation, deliveries, the dead-letter queue
// with replay, and sync health.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { channelScope } from '../../platform/http/auth-hook.js';
import { secretKeys } from '../../platform/http/route-policy.js';
import {
  DELIVERY_STATUSES,
  Delivery,
  Endpoint,
  EndpointHealth,
  EndpointInput,
  EndpointPatch,
  WebhookSecret,
} from './integrations.types.js';
import type { WebhooksService } from './webhooks.service.js';

const Id = z.object({ id: z.string() });

export const webhooksRoutes =
  (service: WebhooksService): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['webhooks'];
    app.post(
      '/webhooks/endpoints',
      {
        config: { policy: secretKeys('webhooks:write', 'own') },
        schema: {
          tags,
          summary: 'Subscribe an endpoint to events (the signing secret is shown only here)',
          body: EndpointInput,
          response: { 201: Endpoint.extend({ secret: z.string() }) },
        },
      },
      async (request, reply) => {
        // A bound key's endpoint is on its channel; naming another channel is refused, not ignored.
        const channelId = await channelScope(request, request.body.channelId);
        const { endpoint, secret } = await service.createEndpoint(request.ctx, {
          ...request.body,
          channelId,
        });
        return reply.code(201).send({ ...endpoint, secret });
      },
    );

    app.get(
      '/webhooks/endpoints',
      {
        config: { policy: secretKeys('webhooks:read', 'own') },
        schema: {
          tags,
          summary: 'List webhook endpoints',
          response: { 200: z.object({ items: z.array(Endpoint) }) },
        },
      },
      async (request) => ({ items: await service.listEndpoints(request.ctx) }),
    );

    app.get(
      '/webhooks/endpoints/:id',
      {
        config: { policy: secretKeys('webhooks:read', 'own') },
        schema: { tags, summary: 'Get a webhook endpoint', params: Id, response: { 200: Endpoint } },
      },
      async (request) => service.getEndpoint(request.ctx, request.params.id),
    );

    app.patch(
      '/webhooks/endpoints/:id',
      {
        config: { policy: secretKeys('webhooks:write', 'own') },
        schema: {
          tags,
          summary: 'Change an endpoint (status active re-enables one disabled by a 410)',
          params: Id,
          body: EndpointPatch,
          response: { 200: Endpoint },
        },
      },
      async (request) => service.updateEndpoint(request.ctx, request.params.id, request.body),
    );

    app.delete(
      '/webhooks/endpoints/:id',
      {
        config: { policy: secretKeys('webhooks:write', 'own') },
        schema: {
          tags,
          summary: 'Delete an endpoint and its queue',
          params: Id,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await service.deleteEndpoint(request.ctx, request.params.id);
        return reply.code(204).send(null);
      },
    );

    app.post(
      '/webhooks/endpoints/:id/rotate-secret',
      {
        config: { policy: secretKeys('webhooks:write', 'own') },
        schema: {
          tags,
          summary: 'Rotate the signing secret; both sign until the grace period ends',
          params: Id,
          body: z.strictObject({
            secret: WebhookSecret.optional(),
            graceSeconds: z
              .number()
              .int()
              .min(0)
              .max(7 * 24 * 3600)
              .optional(),
          }),
          response: { 200: Endpoint.extend({ secret: z.string(), previousSecretExpiresAt: z.date() }) },
        },
      },
      async (request) => {
        const r = await service.rotateSecret(request.ctx, request.params.id, request.body);
        return { ...r.endpoint, secret: r.secret, previousSecretExpiresAt: r.previousSecretExpiresAt };
      },
    );

    app.get(
      '/webhooks/endpoints/:id/deliveries',
      {
        config: { policy: secretKeys('webhooks:read', 'own') },
        schema: {
          tags,
          summary: 'Deliveries of an endpoint in queue order (status=dead lists the dead-letter queue)',
          params: Id,
          querystring: z.strictObject({
            status: z.enum(DELIVERY_STATUSES).optional(),
            after: z.coerce
              .number()
              .int()
              .min(0)
              .optional()
              .describe('the `next` cursor of the previous page'),
            limit: z.coerce.number().int().min(1).max(500).default(100),
          }),
          response: { 200: z.object({ items: z.array(Delivery), next: z.number().int().nullable() }) },
        },
      },
      async (request) => service.listDeliveries(request.ctx, request.params.id, request.query),
    );

    app.get(
      '/webhooks/deliveries/:id',
      {
        config: { policy: secretKeys('webhooks:read', 'own') },
        schema: { tags, summary: 'One delivery', params: Id, response: { 200: Delivery } },
      },
      async (request) => service.getDelivery(request.ctx, request.params.id),
    );

    app.post(
      '/webhooks/endpoints/:id/replay',
      {
        config: { policy: secretKeys('webhooks:write', 'own') },
        schema: {
          tags,
          summary: 'Replay dead-lettered deliveries (all, or the given ids) with their original webhook-ids',
          params: Id,
          body: z.strictObject({ deliveryIds: z.array(z.string()).min(1).max(1000).optional() }),
          response: { 200: z.object({ replayed: z.array(z.string()) }) },
        },
      },
      async (request) => service.replayDead(request.ctx, request.params.id, request.body.deliveryIds),
    );

    app.get(
      '/webhooks/health',
      {
        config: { policy: secretKeys('webhooks:read', 'own') },
        schema: {
          tags,
          summary: 'Sync health per endpoint: lag, delivered and failed counts, dead-letter depth',
          response: { 200: z.object({ items: z.array(EndpointHealth) }) },
        },
      },
      async (request) => {
        const bound = request.ctx.actor.channelId;
        const items = await service.health(request.ctx);
        if (!bound) return { items };
        const mine = new Set((await service.listEndpoints(request.ctx)).map((e) => e.id));
        return { items: items.filter((h) => mine.has(h.endpointId)) };
      },
    );
  };
