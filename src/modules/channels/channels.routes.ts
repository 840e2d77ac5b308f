// HTTP routes of the channels module.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { channelFor } from '../../platform/http/auth-hook.js';
import { browserKeys, onRecord, secretKeys } from '../../platform/http/route-policy.js';
import type { ChannelsService } from './channels.service.js';
import { CHANNEL_TYPES, Channel, ChannelInput, ChannelPatch } from './channels.types.js';

export const channelsRoutes =
  (service: ChannelsService): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/channels',
      {
        config: { policy: secretKeys('channels:write', 'unbound') },
        schema: {
          tags: ['channels'],
          summary: 'Create a channel',
          body: ChannelInput,
          response: { 201: Channel },
        },
      },
      async (request, reply) => reply.code(201).send(await service.createChannel(request.ctx, request.body)),
    );

    app.get(
      '/channels',
      {
        config: { policy: secretKeys('channels:read', 'own') },
        schema: {
          tags: ['channels'],
          summary: 'List channels (a channel-bound key sees its own)',
          querystring: z.strictObject({ type: z.enum(CHANNEL_TYPES).optional() }),
          response: { 200: z.object({ items: z.array(Channel) }) },
        },
      },
      async (request) => {
        const bound = request.ctx.actor.channelId;
        const all = await service.listChannels(request.ctx, request.query);
        return { items: bound ? all.filter((c) => c.id === bound) : all };
      },
    );

    app.get(
      '/channels/:id',
      {
        config: { policy: browserKeys('channels:read', onRecord('channel')) },
        schema: {
          tags: ['channels'],
          summary: 'Get a channel by id or code',
          params: z.object({ id: z.string() }),
          response: { 200: Channel },
        },
      },
      async (request) => {
        const channel = await service.getChannel(request.ctx, request.params.id);
        channelFor(request, channel.id);
        return channel;
      },
    );

    app.patch(
      '/channels/:id',
      {
        config: { policy: secretKeys('channels:write', 'unbound') },
        schema: {
          tags: ['channels'],
          summary: 'Change a channel',
          params: z.object({ id: z.string() }),
          body: ChannelPatch,
          response: { 200: Channel },
        },
      },
      async (request) => service.updateChannel(request.ctx, request.params.id, request.body),
    );
  };
