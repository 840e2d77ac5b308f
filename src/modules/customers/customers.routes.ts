// HTTP routes of the customers module (under /api): sources and write keys, the single customer
// view and search, tags and traits by id, consent, export and erasure; merges, the review queue and
// shared devices (customer-merges.routes.ts); the identity configuration (identity-config.routes.ts).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../kernel/index.js';
import type { Ctx } from '../../platform/context.js';
import { channelFor, channelScope } from '../../platform/http/auth-hook.js';
import { secretKeys } from '../../platform/http/route-policy.js';
import { customerMergesRoutes } from './customer-merges.routes.js';
import type { CustomersService } from './customers.interface.js';
import {
  BIRTHDAY_FORMAT,
  CustomerSummary,
  CustomerView,
  IdentityLogEntry,
  isBirthday,
  MergeRecord,
  Source,
  TagChangeResult,
  TimelinePage,
  TraitUpdateResult,
} from './customers.types.js';
import { identityConfigRoutes } from './identity-config.routes.js';
import type { ErasureReceipt } from './privacy.service.js';

const Id = z.object({ id: z.string().min(1).max(100) });
const TagName = z.string().trim().min(1).max(100);
const tags = ['customers'];

/**
 * Erasure across the hub (flows/customer-erasure: orders, carts, payments, integrations, the event
 * log), passed in because this module only reaches its own tables.
 */
export type EraseCustomerEverywhere = (
  ctx: Ctx,
  id: string,
  reason?: string,
) => Promise<ErasureReceipt & { redacted: Record<string, number> }>;

/** The GDPR export across the hub (flows/customer-erasure: with orders and carts). */
export type ExportCustomerEverywhere = (ctx: Ctx, id: string) => Promise<Record<string, unknown>>;

export const customersRoutes =
  (
    service: CustomersService,
    everywhere: { eraseCustomer: EraseCustomerEverywhere; exportCustomer: ExportCustomerEverywhere },
  ): FastifyPluginAsyncZod =>
  async (app) => {
    // POST /customers/sources lives in flows/customer-sources: it checks that the channel exists.

    app.get(
      '/customers/sources',
      {
        config: { policy: secretKeys('customers:read', 'own') },
        schema: {
          tags,
          summary: 'List ingestion sources',
          response: { 200: z.object({ items: z.array(Source) }) },
        },
      },
      async (request) => ({ items: await service.listSources(request.ctx, request.ctx.actor.channelId) }),
    );

    app.delete(
      '/customers/sources/:id',
      {
        config: { policy: secretKeys('customers:write', 'unbound') },
        schema: { tags, summary: 'Revoke a write key', params: Id, response: { 200: Source } },
      },
      async (request) => service.revokeSource(request.ctx, request.params.id),
    );

    app.get(
      '/customers',
      {
        config: { policy: secretKeys('customers:read', 'unbound') },
        schema: {
          tags,
          summary:
            'Search customers by email, phone, external id (type:value), name, tag, or any part of them (q)',
          querystring: z.strictObject({
            email: z.string().optional(),
            phone: z.string().optional(),
            externalId: z.string().optional().describe('type:value, e.g. marketplace_buyer:B-123'),
            name: z.string().min(2).optional(),
            tag: z.string().min(1).max(100).optional(),
            q: z
              .string()
              .trim()
              .min(2)
              .max(200)
              .optional()
              .describe('part of a name, an email address or a phone number'),
            limit: z.coerce.number().int().min(1).max(100).default(25),
          }),
          response: { 200: z.object({ items: z.array(CustomerSummary) }) },
        },
      },
      async (request) => {
        const { limit, ...q } = request.query;
        return { items: await service.search(request.ctx, q, limit) };
      },
    );

    app.post(
      '/customers/identify',
      {
        config: { policy: secretKeys('customers:write', 'own') },
        schema: {
          tags,
          summary: 'Find or create the customer these identifiers belong to',
          body: z.strictObject({
            channelId: z.string().min(1),
            identifiers: z
              .array(
                z.strictObject({
                  type: z.string(),
                  value: z.string(),
                  trust: z.enum(['verified', 'claimed']).optional(),
                }),
              )
              .min(1)
              .max(20),
            traits: z.record(z.string(), z.unknown()).optional(),
          }),
          response: { 200: z.object({ customerId: z.string() }) },
        },
      },
      async (request) => {
        const channelId = (await channelScope(request, request.body.channelId))!;
        const r = await service.identify(request.ctx, { ...request.body, channelId });
        if (!r.ok)
          throw new AppError('validation_failed', 'The identifiers are not usable', { issues: r.errors });
        return r.value;
      },
    );

    app.get(
      '/customers/:id',
      {
        config: { policy: secretKeys('customers:read', 'unbound') },
        schema: {
          tags,
          summary: 'The single customer view: identities, traits, consent, stage and the first timeline page',
          params: Id,
          querystring: z.strictObject({ timelineLimit: z.coerce.number().int().min(1).max(200).default(25) }),
          response: { 200: CustomerView },
        },
      },
      async (request) =>
        service.view(request.ctx, request.params.id, { timelineLimit: request.query.timelineLimit }),
    );

    app.get(
      '/customers/:id/timeline',
      {
        config: { policy: secretKeys('customers:read', 'unbound') },
        schema: {
          tags,
          summary: 'A page of the cross-channel timeline, newest first',
          params: Id,
          querystring: z.strictObject({
            cursor: z.string().optional(),
            limit: z.coerce.number().int().min(1).max(200).default(25),
          }),
          response: { 200: TimelinePage },
        },
      },
      async (request) => service.timeline(request.ctx, request.params.id, request.query),
    );

    app.get(
      '/customers/:id/identity-log',
      {
        config: { policy: secretKeys('customers:read', 'unbound') },
        schema: {
          tags,
          summary: 'Why this customer is who it is: merges, refusals, unmerges',
          params: Id,
          response: { 200: z.object({ items: z.array(IdentityLogEntry) }) },
        },
      },
      async (request) => ({ items: await service.identityLog(request.ctx, request.params.id) }),
    );

    app.get(
      '/customers/:id/merges',
      {
        config: { policy: secretKeys('customers:read', 'unbound') },
        schema: {
          tags,
          summary: 'Merges involving this customer',
          params: Id,
          response: { 200: z.object({ items: z.array(MergeRecord) }) },
        },
      },
      async (request) => {
        const { ids } = await service.resolveCluster(request.ctx, request.params.id);
        return { items: await service.listMerges(request.ctx, ids) };
      },
    );

    app.put(
      '/customers/:id/consent',
      {
        config: { policy: secretKeys('customers:write', 'unbound') },
        schema: {
          tags,
          summary: 'Record a consent decision for a purpose on a channel',
          params: Id,
          body: z.strictObject({
            purpose: z.string().regex(/^[A-Za-z][A-Za-z0-9 _-]{0,60}$/),
            channel: z.string().min(1).describe("a channel id or '*' for every channel"),
            granted: z.boolean(),
          }),
          response: { 200: CustomerView },
        },
      },
      async (request) => {
        const id = await service.setConsent(request.ctx, request.params.id, request.body);
        return service.view(request.ctx, id);
      },
    );

    app.post(
      '/customers/:id/tags',
      {
        config: { policy: secretKeys('customers:write', 'own') },
        schema: {
          tags,
          summary: 'Add and remove tags (idempotent; tags are trimmed and lower-cased)',
          description:
            'A merged profile id acts on the surviving customer. Emits customer.tags_changed when a tag was added or removed.',
          params: Id,
          body: z
            .strictObject({
              add: z.array(TagName).max(50).default([]),
              remove: z.array(TagName).max(50).default([]),
            })
            .refine((b) => b.add.length + b.remove.length > 0, { message: 'add or remove at least one tag' }),
          response: { 200: TagChangeResult },
        },
      },
      async (request) =>
        service.changeTags(request.ctx, request.params.id, {
          ...request.body,
          channelId: channelFor(request),
        }),
    );

    app.patch(
      '/customers/:id/traits',
      {
        config: { policy: secretKeys('customers:write', 'own') },
        schema: {
          tags,
          summary: 'Set traits, newest wins (as ingestion stores them), with their channel and time',
          description:
            'A value older than the one the customer holds is ignored. email and phone are identifiers: use /customers/identify. A merged profile id acts on the surviving customer. Emits customer.traits_changed with the changed trait names.',
          params: Id,
          body: z.strictObject({
            traits: z
              .record(z.string().min(1).max(100), z.unknown())
              .refine((t) => Object.keys(t).length > 0 && Object.keys(t).length <= 100, {
                message: 'between 1 and 100 traits',
              })
              .refine((t) => t.birthday === undefined || t.birthday === null || isBirthday(t.birthday), {
                message: BIRTHDAY_FORMAT,
                path: ['birthday'],
              }),
            channelId: z
              .string()
              .min(1)
              .optional()
              .describe("the channel it was learnt on (default: the key's)"),
            occurredAt: z.coerce.date().optional().describe('when it was learnt (default: now)'),
          }),
          response: { 200: TraitUpdateResult },
        },
      },
      async (request) => {
        const { traits, channelId, occurredAt } = request.body;
        return service.updateTraits(request.ctx, request.params.id, {
          traits,
          channelId: await channelScope(request, channelId),
          ...(occurredAt ? { at: occurredAt } : {}),
        });
      },
    );

    app.get(
      '/customers/:id/export',
      {
        config: { policy: secretKeys('customers:read', 'unbound') },
        schema: {
          tags,
          summary:
            'GDPR export: everything held about this customer (profiles, identifiers, events, consent and its history, orders, carts), as JSON',
          params: Id,
        },
      },
      async (request) => everywhere.exportCustomer(request.ctx, request.params.id),
    );

    app.post(
      '/customers/:id/erase',
      {
        config: { policy: secretKeys('customers:write', 'unbound') },
        schema: {
          tags,
          summary: 'GDPR erasure: remove personal data, keep an audit record, emit customer.erased',
          params: Id,
          body: z.strictObject({ reason: z.string().max(500).optional() }).optional(),
          response: {
            200: z.object({
              customerId: z.string(),
              erasedProfileIds: z.array(z.string()),
              identifiersErased: z.number(),
              eventsAnonymized: z.number(),
              erasedAt: z.string(),
              redacted: z
                .record(z.string(), z.number().int())
                .describe('records redacted outside the customer tables, by kind (orders, carts, events…)'),
            }),
          },
        },
      },
      async (request) => everywhere.eraseCustomer(request.ctx, request.params.id, request.body?.reason),
    );

    await app.register(customerMergesRoutes(service));
    await app.register(identityConfigRoutes(service));
  };
