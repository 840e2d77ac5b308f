// HTTP routes of inbound connectors: set-up (the secret is shown once), raw deliveries for
// inspection, retry of parked deliveries, and health per connector.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { secretKeys } from '../../platform/http/route-policy.js';
import type { InboundService } from './inbound.service.js';
import {
  Connector,
  ConnectorHealth,
  ConnectorInput,
  ConnectorPatch,
  INBOUND_STATUSES,
  InboundDelivery,
} from './inbound.types.js';

const Id = z.object({ id: z.string() });

export const inboundRoutes =
  (service: InboundService): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['connectors'];
    app.post(
      '/connectors',
      {
        config: { policy: secretKeys('connectors:write', 'unbound') },
        schema: {
          tags,
          summary:
            'Connect a source (Shopify, WooCommerce or generic JSON); deliveries go to POST /api/inbound/{id}',
          body: ConnectorInput,
          response: { 201: Connector.extend({ secret: z.string(), deliveryPath: z.string() }) },
        },
      },
      async (request, reply) => {
        const { connector, secret } = await service.createConnector(request.ctx, request.body);
        return reply.code(201).send({ ...connector, secret, deliveryPath: `/api/inbound/${connector.id}` });
      },
    );
    app.get(
      '/connectors',
      {
        config: { policy: secretKeys('connectors:read', 'unbound') },
        schema: {
          tags,
          summary: 'List connectors',
          response: { 200: z.object({ items: z.array(Connector) }) },
        },
      },
      async (request) => ({ items: await service.listConnectors(request.ctx) }),
    );
    app.get(
      '/connectors/health',
      {
        config: { policy: secretKeys('connectors:read', 'unbound') },
        schema: {
          tags,
          summary: 'Sync health per connector: received, processed, parked, rejected, waiting and lag',
          response: { 200: z.object({ items: z.array(ConnectorHealth) }) },
        },
      },
      async (request) => ({ items: await service.health(request.ctx) }),
    );
    app.get(
      '/connectors/:id',
      {
        config: { policy: secretKeys('connectors:read', 'unbound') },
        schema: { tags, summary: 'Get a connector', params: Id, response: { 200: Connector } },
      },
      async (request) => service.getConnector(request.ctx, request.params.id),
    );
    app.patch(
      '/connectors/:id',
      {
        config: { policy: secretKeys('connectors:write', 'unbound') },
        schema: {
          tags,
          summary: 'Change a connector (mapping, channel, location, paused)',
          params: Id,
          body: ConnectorPatch,
          response: { 200: Connector },
        },
      },
      async (request) => service.updateConnector(request.ctx, request.params.id, request.body),
    );
    app.delete(
      '/connectors/:id',
      {
        config: { policy: secretKeys('connectors:write', 'unbound') },
        schema: {
          tags,
          summary:
            'Delete a connector with its stored deliveries; the source must stop sending (later deliveries get 404)',
          params: Id,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await service.deleteConnector(request.ctx, request.params.id);
        return reply.code(204).send(null);
      },
    );
    app.get(
      '/connectors/:id/deliveries',
      {
        config: { policy: secretKeys('connectors:read', 'unbound') },
        schema: {
          tags,
          summary:
            'Raw deliveries received by a connector, newest first (rejected and parked ones keep their error)',
          params: Id,
          querystring: z.strictObject({
            status: z.enum(INBOUND_STATUSES).optional(),
            before: z.string().optional().describe('the `next` cursor of the previous page'),
            limit: z.coerce.number().int().min(1).max(200).default(50),
          }),
          response: { 200: z.object({ items: z.array(InboundDelivery), next: z.string().nullable() }) },
        },
      },
      async (request) => service.listDeliveries(request.ctx, request.params.id, request.query),
    );
    app.post(
      '/inbound-deliveries/:id/retry',
      {
        config: { policy: secretKeys('connectors:write', 'unbound') },
        schema: {
          tags,
          summary: 'Process a parked delivery again',
          params: Id,
          response: { 202: InboundDelivery },
        },
      },
      async (request, reply) =>
        reply.code(202).send(await service.retryParked(request.ctx, request.params.id)),
    );
  };
