// POST /api/customers/sources: the route that creates write keys, through the flow that checks the
// channel. Listing and revoking stay in the customers module's routes.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Source, SourceInput } from '../../modules/customers/index.js';
import { channelFor } from '../../platform/http/auth-hook.js';
import { secretKeys } from '../../platform/http/route-policy.js';
import type { CustomerSourcesFlow } from './customer-sources.flow.js';

export const customerSourcesRoutes =
  (flow: CustomerSourcesFlow): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/customers/sources',
      {
        config: { policy: secretKeys('customers:write', 'own') },
        schema: {
          tags: ['customers'],
          summary: 'Create an ingestion source for a channel; its write key is shown only in this reply',
          body: SourceInput,
          response: { 201: Source.extend({ writeKey: z.string() }) },
        },
      },
      async (request, reply) => {
        const channelId = channelFor(request, request.body.channelId)!;
        return reply.code(201).send(await flow.createSource(request.ctx, { ...request.body, channelId }));
      },
    );
  };
