// Customer linking routes of the customers module (under /api): merging two customers by hand and
// undoing it, the review queue of links that broke a protection rule, and the shared device ids
// (tills, kiosks) that never link customers. Retailer-wide: secret keys bound to no channel.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, type ErrorCode, notFound } from '../../kernel/index.js';
import { secretKeys } from '../../platform/http/route-policy.js';
import type { CustomersService } from './customers.interface.js';
import { MergeRecord, MergeReview } from './customers.types.js';

const Id = z.object({ id: z.string().min(1).max(100) });
const tags = ['customers'];

/** Refusals of the merge use cases (typed results in the service) as coded errors (ERROR_CATALOG). */
const REFUSAL_CODES = {
  merge_refused: 'merge_refused',
  same_profile: 'same_customer',
  not_active: 'merge_not_active',
  already_decided: 'review_already_decided',
  merge_failed: 'merge_failed',
  not_found: 'not_found',
} as const satisfies Record<string, ErrorCode>;
const refused = (
  reason: keyof typeof REFUSAL_CODES,
  message: string,
  details: Record<string, unknown> = {},
) => new AppError(REFUSAL_CODES[reason], message, { details });

export const customerMergesRoutes =
  (service: CustomersService): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/customers/merges',
      {
        config: { policy: secretKeys('customers:write', 'unbound') },
        schema: {
          tags,
          summary: 'Merge two customers (protection rules apply unless force)',
          body: z.strictObject({
            profileIds: z.tuple([z.string(), z.string()]),
            reason: z.string().min(1).max(500),
            force: z.boolean().default(false),
          }),
          response: { 201: MergeRecord },
        },
      },
      async (request, reply) => {
        const [a, b] = request.body.profileIds;
        const r = await service.merge(request.ctx, a, b, {
          reason: request.body.reason,
          force: request.body.force,
        });
        if (!r.ok) throw refused(r.reason, r.message, 'rule' in r ? { rule: r.rule } : {});
        return reply.code(201).send(r.value);
      },
    );

    app.post(
      '/customers/merges/:id/unmerge',
      {
        config: { policy: secretKeys('customers:write', 'unbound') },
        schema: {
          tags,
          summary: 'Undo a merge: both customers come back as they were',
          params: Id,
          response: { 200: MergeRecord },
        },
      },
      async (request) => {
        const r = await service.unmerge(request.ctx, request.params.id);
        if (!r.ok) throw refused(r.reason, r.message);
        return r.value;
      },
    );

    app.get(
      '/customers/merge-reviews',
      {
        config: { policy: secretKeys('customers:read', 'unbound') },
        schema: {
          tags,
          summary: 'The review queue: links that broke a merge protection rule',
          querystring: z.strictObject({ status: z.enum(['open', 'approved', 'rejected']).default('open') }),
          response: { 200: z.object({ items: z.array(MergeReview) }) },
        },
      },
      async (request) => ({ items: await service.listReviews(request.ctx, request.query.status) }),
    );

    for (const decision of ['approve', 'reject'] as const) {
      app.post(
        `/customers/merge-reviews/:id/${decision}`,
        {
          config: { policy: secretKeys('customers:write', 'unbound') },
          schema: {
            tags,
            summary: `${decision === 'approve' ? 'Approve (merge)' : 'Reject (keep apart)'} a review`,
            params: Id,
            response: { 200: MergeReview },
          },
        },
        async (request) => {
          const r =
            decision === 'approve'
              ? await service.approveReview(request.ctx, request.params.id)
              : await service.rejectReview(request.ctx, request.params.id);
          if (!r.ok) throw refused(r.reason, r.message);
          return r.value;
        },
      );
    }

    app.get(
      '/customers/shared-devices',
      {
        config: { policy: secretKeys('customers:read', 'unbound') },
        schema: {
          tags,
          summary: 'Device ids that never link customers (tills, kiosks)',
          response: {
            200: z.object({
              items: z.array(
                z.object({ value: z.string(), note: z.string().nullable(), createdAt: z.date() }),
              ),
            }),
          },
        },
      },
      async (request) => ({ items: await service.listSharedDevices(request.ctx) }),
    );

    app.post(
      '/customers/shared-devices',
      {
        config: { policy: secretKeys('customers:write', 'unbound') },
        schema: {
          tags,
          summary: 'Mark a device id as shared',
          body: z.strictObject({ value: z.string().min(1).max(300), note: z.string().max(200).optional() }),
        },
      },
      async (request, reply) => {
        await service.addSharedDevice(request.ctx, request.body.value, request.body.note);
        return reply.code(204).send();
      },
    );

    app.delete(
      '/customers/shared-devices/:value',
      {
        config: { policy: secretKeys('customers:write', 'unbound') },
        schema: { tags, summary: 'Unmark a shared device id', params: z.object({ value: z.string() }) },
      },
      async (request, reply) => {
        if (!(await service.removeSharedDevice(request.ctx, request.params.value)))
          throw notFound('shared device', request.params.value);
        return reply.code(204).send();
      },
    );
  };
