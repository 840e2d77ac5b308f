// The payload schema of every event type as JSON Schema, at the URI each CloudEvent names in its
// `dataschema` (`/schemas/events/<type>.json`), and the list of them. Public: they describe the
// hub's event format (as /openapi.json describes its API) and hold no data.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../kernel/index.js';
import { eventDataSchemaPath, eventJsonSchema, registeredEvents } from '../events/event-schemas.js';
import { publicRoute } from './route-policy.js';

export const eventSchemaRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/schemas/events',
    {
      config: { policy: publicRoute('the event catalogue: payload schemas, no data') },
      schema: {
        tags: ['events'],
        summary: 'Every event type with the URI of its payload schema',
        response: {
          200: z.object({
            items: z.array(z.object({ type: z.string(), owner: z.string(), dataschema: z.string() })),
          }),
        },
      },
    },
    async () => ({
      items: registeredEvents().map((e) => ({
        type: e.type,
        owner: e.owner,
        dataschema: eventDataSchemaPath(e.type),
      })),
    }),
  );

  app.get(
    '/schemas/events/:file',
    {
      config: { policy: publicRoute("an event type's payload schema (CloudEvents dataschema), no data") },
      schema: {
        tags: ['events'],
        summary:
          "An event type's payload as JSON Schema (draft 2020-12), e.g. /schemas/events/order.paid.json",
        params: z.object({
          file: z
            .string()
            .max(120)
            .regex(/^[a-z0-9_.]+\.json$/, '<event type>.json'),
        }),
        response: { 200: z.record(z.string(), z.unknown()) },
      },
    },
    async (request, reply) => {
      const type = request.params.file.slice(0, -'.json'.length);
      const schema = eventJsonSchema(type);
      if (!schema) throw notFound('event type', type);
      reply.header('cache-control', 'public, max-age=300');
      return schema;
    },
  );
};
