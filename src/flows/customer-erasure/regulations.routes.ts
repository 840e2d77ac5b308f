// POST /api/regulations: suppress only, suppress with delete, or unsuppress a customer (by profile
// id) or one identifier; GET lists the regulations carried out. Retailer-wide: secret keys bound to
// no channel (customers:write to regulate, customers:read to list).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { secretKeys } from '../../platform/http/route-policy.js';
import { REGULATION_TYPES, type RegulationsFlow } from './regulations.flow.js';

const Subject = z.union([
  z.strictObject({ customerId: z.string().min(1).max(100) }),
  z.strictObject({
    identifier: z.strictObject({
      type: z
        .string()
        .min(1)
        .max(41)
        .describe('email, phone, user_id, anonymous_id, loyalty_card or an external id type'),
      value: z.string().min(1).max(300),
    }),
  }),
]);

export const regulationsRoutes =
  (flow: RegulationsFlow): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/regulations',
      {
        config: { policy: secretKeys('customers:write', 'unbound') },
        schema: {
          tags: ['customers'],
          summary: 'Regulate a customer or an identifier: suppress only, suppress with delete, or unsuppress',
          description:
            'suppress_only: events carrying the identifiers are dropped from now on, stored data stays. ' +
            'suppress_with_delete: the GDPR erasure across the hub (its tombstones refuse new data too). ' +
            'unsuppress: lifts suppressions and erasure tombstones, so the identifiers identify people again. ' +
            'By profile the whole merged cluster is covered; by identifier only that identifier.',
          body: z.strictObject({
            regulationType: z.enum(REGULATION_TYPES),
            subject: Subject,
            reason: z.string().max(500).optional(),
          }),
          response: {
            200: z.object({
              regulationType: z.enum(REGULATION_TYPES),
              customerId: z.string().nullable(),
              identifiers: z.number().int().describe('identifiers suppressed, erased or lifted'),
              erasure: z
                .object({
                  customerId: z.string(),
                  erasedProfileIds: z.array(z.string()),
                  identifiersErased: z.number(),
                  eventsAnonymized: z.number(),
                  erasedAt: z.string(),
                  redacted: z.record(z.string(), z.number().int()),
                })
                .nullable(),
              at: z.string(),
              id: z.string().describe('the regulation record, listed by GET /api/regulations'),
            }),
          },
        },
      },
      async (request) => flow.regulate(request.ctx, request.body),
    );

    app.get(
      '/regulations',
      {
        config: { policy: secretKeys('customers:read', 'unbound') },
        schema: {
          tags: ['customers'],
          summary: 'The regulations carried out, newest first (as Segment lists them)',
          description:
            'Each suppress, delete or unsuppress with its subject (a customer, or the type of one identifier: ' +
            'never its value), how many identifiers it covered, who asked and when. Regulations run at once, ' +
            'so every listed one is finished.',
          querystring: z.strictObject({
            regulationType: z.enum(REGULATION_TYPES).optional(),
            customerId: z.string().min(1).max(100).optional(),
            before: z
              .string()
              .regex(/^reg_[0-9a-f]{32}$/)
              .optional()
              .describe('`next` of the previous page'),
            limit: z.coerce.number().int().min(1).max(200).optional(),
          }),
          response: {
            200: z.object({
              items: z.array(
                z.object({
                  id: z.string(),
                  regulationType: z.string().describe('suppress_only, suppress_with_delete or unsuppress'),
                  subject: z.object({
                    kind: z.enum(['customer', 'identifier']),
                    identifierType: z.string().nullable(),
                  }),
                  customerId: z.string().nullable(),
                  identifiers: z.number().int(),
                  status: z.literal('finished'),
                  reason: z.string().nullable(),
                  actor: z.string(),
                  createdAt: z.date(),
                }),
              ),
              next: z.string().nullable(),
            }),
          },
        },
      },
      async (request) => flow.listRegulations(request.ctx, request.query),
    );
  };
