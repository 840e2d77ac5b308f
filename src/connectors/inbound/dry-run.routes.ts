// POST /api/connectors/:id/dry-run — what a sample payload would do: the commands the connector's
// translation (or a mapping being edited) produces, validated, without carrying them out.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { parseCommands } from '../../flows/inbound-commands/index.js';
import { AppError } from '../../kernel/index.js';
import type { InboundService } from '../../modules/integrations/index.js';
import { secretKeys } from '../../platform/http/route-policy.js';
import { readableErrorText } from '../../platform/readable-error.js';
import { WIRE_ADAPTERS } from './adapters.js';
import { describeIssues, payloadIssues } from './payload-shapes.js';

export const inboundDryRunRoutes =
  (service: InboundService): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/connectors/:id/dry-run',
      {
        config: { policy: secretKeys('connectors:read', 'unbound') },
        schema: {
          tags: ['connectors'],
          summary: 'Translate a sample payload into hub commands without running them',
          params: z.object({ id: z.string() }),
          body: z.strictObject({
            topic: z.string().min(1).default('generic'),
            payload: z.unknown(),
            mapping: z
              .string()
              .max(50_000)
              .optional()
              .describe('try a mapping before saving it (generic connectors)'),
          }),
          response: {
            200: z.object({
              valid: z.boolean(),
              commands: z.array(z.unknown()),
              errors: z.array(z.string()),
            }),
          },
        },
      },
      async (request) => {
        const stored = await service.findConnectorForVerification(request.ctx, request.params.id);
        if (!stored) throw new AppError('not_found', `There is no connector ${request.params.id}`);
        const connector =
          request.body.mapping !== undefined ? { ...stored, mapping: request.body.mapping } : stored;
        const adapter = WIRE_ADAPTERS[connector.kind];
        // The same shape check as a real delivery gets on arrival.
        const issues = payloadIssues(
          adapter.payloadShape?.(request.body.topic, request.body.payload),
          request.body.payload,
        );
        if (issues.length) return { valid: false, commands: [], errors: [describeIssues(issues)] };
        let raw: unknown;
        try {
          raw = await WIRE_ADAPTERS[connector.kind].translate({
            topic: request.body.topic,
            payload: request.body.payload,
            headers: {},
            connector,
            currency: undefined,
            refs: {
              save: async () => {},
              lookup: (kind, id) => service.lookupRef(request.ctx, connector.id, kind, id),
            },
          });
        } catch (err) {
          return {
            valid: false,
            commands: [],
            errors: [`the translation failed: ${readableErrorText(err)}`],
          };
        }
        const parsed = parseCommands(raw);
        return parsed.ok
          ? { valid: true, commands: parsed.commands, errors: [] }
          : {
              valid: false,
              commands: Array.isArray(raw) ? raw : raw == null ? [] : [raw],
              errors: parsed.errors,
            };
      },
    );
  };
