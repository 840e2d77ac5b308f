// HTTP routes of channel sync connections: create/list/get/update/delete, the queue and its
// dead-letter items with replay, and sync health. Dry-run and full resync live with the flow.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { channelScope } from '../../platform/http/auth-hook.js';
import { secretKeys } from '../../platform/http/route-policy.js';
import type { ChannelSyncService } from './channel-sync.service.js';
import {
  Connection,
  ConnectionHealth,
  ConnectionInput,
  ConnectionPatch,
  ITEM_STATUSES,
  SyncItem,
} from './channel-sync.types.js';

const Id = z.object({ id: z.string() });
const tags = ['channel sync'];

export const channelSyncRoutes =
  (service: ChannelSyncService): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/channel-sync/connections',
      {
        config: { policy: secretKeys('channel_sync:write', 'own') },
        schema: {
          tags,
          summary: 'Connect a channel to an external shop (a generic connection shows its secret only here)',
          body: ConnectionInput,
          response: { 201: Connection.extend({ secret: z.string().nullable() }) },
        },
      },
      async (request, reply) => {
        const { connection, secret } = await service.createConnection(request.ctx, request.body);
        return reply.code(201).send({ ...connection, secret });
      },
    );

    app.get(
      '/channel-sync/connections',
      {
        config: { policy: secretKeys('channel_sync:read', 'own') },
        schema: {
          tags,
          summary: 'List channel sync connections',
          querystring: z.strictObject({ channelId: z.string().optional() }),
          response: { 200: z.object({ items: z.array(Connection) }) },
        },
      },
      async (request) => {
        const channelId = await channelScope(request, request.query.channelId);
        return { items: await service.listConnections(request.ctx, channelId ? { channelId } : {}) };
      },
    );

    app.get(
      '/channel-sync/connections/:id',
      {
        config: { policy: secretKeys('channel_sync:read', 'own') },
        schema: { tags, summary: 'Get a channel sync connection', params: Id, response: { 200: Connection } },
      },
      async (request) => service.getConnection(request.ctx, request.params.id),
    );

    app.patch(
      '/channel-sync/connections/:id',
      {
        config: { policy: secretKeys('channel_sync:write', 'own') },
        schema: {
          tags,
          summary: 'Change a connection (status active resumes one paused by a 401/403)',
          params: Id,
          body: ConnectionPatch,
          response: { 200: Connection },
        },
      },
      async (request) => service.updateConnection(request.ctx, request.params.id, request.body),
    );

    app.delete(
      '/channel-sync/connections/:id',
      {
        config: { policy: secretKeys('channel_sync:write', 'own') },
        schema: { tags, summary: 'Delete a connection and its queue', params: Id },
      },
      async (request, reply) => {
        await service.deleteConnection(request.ctx, request.params.id);
        return reply.code(204).send();
      },
    );

    app.get(
      '/channel-sync/connections/:id/items',
      {
        config: { policy: secretKeys('channel_sync:read', 'own') },
        schema: {
          tags,
          summary: 'Queued items of a connection (status=dead: the dead-letter queue)',
          params: Id,
          querystring: z.strictObject({
            status: z.enum(ITEM_STATUSES).optional(),
            limit: z.coerce.number().int().min(1).max(500).default(100),
          }),
          response: { 200: z.object({ items: z.array(SyncItem) }) },
        },
      },
      async (request) => ({
        items: await service.listItems(request.ctx, request.params.id, request.query),
      }),
    );

    app.post(
      '/channel-sync/connections/:id/replay',
      {
        config: { policy: secretKeys('channel_sync:write', 'own') },
        schema: {
          tags,
          summary: 'Send dead-lettered items again (all, or the listed ids)',
          params: Id,
          body: z.strictObject({ ids: z.array(z.string()).min(1).max(1000).optional() }),
          response: { 200: z.object({ replayed: z.array(z.string()) }) },
        },
      },
      async (request) => ({
        replayed: await service.replay(request.ctx, request.params.id, request.body.ids),
      }),
    );

    app.get(
      '/channel-sync/health',
      {
        config: { policy: secretKeys('channel_sync:read', 'own') },
        schema: {
          tags,
          summary: 'Per connection: lag, queue depth, dead-lettered items, pushed and failed counts',
          response: { 200: z.object({ items: z.array(ConnectionHealth) }) },
        },
      },
      async (request) => ({ items: await service.health(request.ctx) }),
    );
  };
