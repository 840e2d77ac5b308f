// Admin routes of the CDP: audiences and their members, computed traits, destinations and the
// tracking plan. All are retailer-wide (an audience spans channels), so only unbound secret keys
// with the cdp scopes call them.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { secretKeys } from '../../platform/http/route-policy.js';
import type { CdpService } from './cdp.interface.js';
import {
  Audience,
  AudienceInput,
  AudienceMember,
  AudiencePatch,
  ComputedTrait,
  ComputedTraitInput,
  ComputedTraitPatch,
  Destination,
  DestinationInput,
  DestinationPatch,
  TrackingPlanEntry,
  TrackingPlanInput,
  TrackingViolation,
} from './cdp.types.js';

const Params = z.object({ id: z.string().max(100) });
const EventParams = z.object({ eventName: z.string().min(1).max(200) });
const READ = secretKeys('cdp:read', 'unbound');
const WRITE = secretKeys('cdp:write', 'unbound');
const tags = ['cdp'];

export const cdpRoutes =
  (service: CdpService): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/audiences',
      {
        config: { policy: WRITE },
        schema: {
          tags,
          summary: 'Save an audience (a rule over traits, events, stage, tags, consent)',
          body: AudienceInput,
          response: { 201: Audience },
        },
      },
      async (request, reply) => reply.code(201).send(await service.createAudience(request.ctx, request.body)),
    );
    app.get(
      '/audiences',
      {
        config: { policy: READ },
        schema: {
          tags,
          summary: 'List audiences with member counts',
          response: { 200: z.object({ items: z.array(Audience) }) },
        },
      },
      async (request) => ({ items: await service.listAudiences(request.ctx) }),
    );
    app.get(
      '/audiences/:id',
      {
        config: { policy: READ },
        schema: {
          tags,
          summary: 'Get an audience by id or key',
          params: Params,
          response: { 200: Audience },
        },
      },
      async (request) => service.getAudience(request.ctx, request.params.id),
    );
    app.patch(
      '/audiences/:id',
      {
        config: { policy: WRITE },
        schema: {
          tags,
          summary: 'Change an audience',
          params: Params,
          body: AudiencePatch,
          response: { 200: Audience },
        },
      },
      async (request) => service.updateAudience(request.ctx, request.params.id, request.body),
    );
    app.delete(
      '/audiences/:id',
      {
        config: { policy: WRITE },
        schema: { tags, summary: 'Delete an audience (its members exit)', params: Params },
      },
      async (request, reply) => {
        await service.deleteAudience(request.ctx, request.params.id);
        return reply.code(204).send();
      },
    );
    app.get(
      '/audiences/:id/members',
      {
        config: { policy: READ },
        schema: {
          tags,
          summary: "A page of an audience's members (customer ids)",
          params: Params,
          querystring: z.strictObject({
            after: z.string().max(100).optional(),
            limit: z.coerce.number().int().min(1).max(1000).default(100),
          }),
          response: { 200: z.object({ items: z.array(AudienceMember), next: z.string().nullable() }) },
        },
      },
      async (request) => service.members(request.ctx, request.params.id, request.query),
    );

    app.post(
      '/computed-traits',
      {
        config: { policy: WRITE },
        schema: {
          tags,
          summary: 'Save a computed trait definition',
          body: ComputedTraitInput,
          response: { 201: ComputedTrait },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await service.createComputedTrait(request.ctx, request.body)),
    );
    app.get(
      '/computed-traits',
      {
        config: { policy: READ },
        schema: {
          tags,
          summary: 'List computed traits',
          response: { 200: z.object({ items: z.array(ComputedTrait) }) },
        },
      },
      async (request) => ({ items: await service.listComputedTraits(request.ctx) }),
    );
    app.patch(
      '/computed-traits/:id',
      {
        config: { policy: WRITE },
        schema: {
          tags,
          summary: 'Change a computed trait',
          params: Params,
          body: ComputedTraitPatch,
          response: { 200: ComputedTrait },
        },
      },
      async (request) => service.updateComputedTrait(request.ctx, request.params.id, request.body),
    );
    app.delete(
      '/computed-traits/:id',
      {
        config: { policy: WRITE },
        schema: { tags, summary: 'Delete a computed trait (values written stay)', params: Params },
      },
      async (request, reply) => {
        await service.deleteComputedTrait(request.ctx, request.params.id);
        return reply.code(204).send();
      },
    );

    app.post(
      '/destinations',
      {
        config: { policy: WRITE },
        schema: {
          tags,
          summary: 'Forward raw events to a webhook endpoint',
          body: DestinationInput,
          response: { 201: Destination },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await service.createDestination(request.ctx, request.body)),
    );
    app.get(
      '/destinations',
      {
        config: { policy: READ },
        schema: {
          tags,
          summary: 'List destinations with their counters',
          response: { 200: z.object({ items: z.array(Destination) }) },
        },
      },
      async (request) => ({ items: await service.listDestinations(request.ctx) }),
    );
    app.get(
      '/destinations/:id',
      {
        config: { policy: READ },
        schema: { tags, summary: 'Get a destination', params: Params, response: { 200: Destination } },
      },
      async (request) => service.getDestination(request.ctx, request.params.id),
    );
    app.patch(
      '/destinations/:id',
      {
        config: { policy: WRITE },
        schema: {
          tags,
          summary: 'Change a destination',
          params: Params,
          body: DestinationPatch,
          response: { 200: Destination },
        },
      },
      async (request) => service.updateDestination(request.ctx, request.params.id, request.body),
    );
    app.delete(
      '/destinations/:id',
      { config: { policy: WRITE }, schema: { tags, summary: 'Delete a destination', params: Params } },
      async (request, reply) => {
        await service.deleteDestination(request.ctx, request.params.id);
        return reply.code(204).send();
      },
    );

    app.get(
      '/tracking-plan',
      {
        config: { policy: READ },
        schema: {
          tags,
          summary: 'The tracking plan: a JSON Schema per event name',
          response: { 200: z.object({ items: z.array(TrackingPlanEntry) }) },
        },
      },
      async (request) => ({ items: await service.listPlan(request.ctx) }),
    );
    app.get(
      '/tracking-plan/violations',
      {
        config: { policy: READ },
        schema: {
          tags,
          summary: 'Violations per event name (counts, blocked, newest example)',
          response: { 200: z.object({ items: z.array(TrackingViolation) }) },
        },
      },
      async (request) => ({ items: await service.violations(request.ctx) }),
    );
    app.put(
      '/tracking-plan/:eventName',
      {
        config: { policy: WRITE },
        schema: {
          tags,
          summary: "Set an event's JSON Schema (block: refuse violating events)",
          params: EventParams,
          body: TrackingPlanInput,
          response: { 200: TrackingPlanEntry },
        },
      },
      async (request) => service.putPlanEntry(request.ctx, request.params.eventName, request.body),
    );
    app.delete(
      '/tracking-plan/:eventName',
      {
        config: { policy: WRITE },
        schema: { tags, summary: 'Remove an event from the plan', params: EventParams },
      },
      async (request, reply) => {
        await service.deletePlanEntry(request.ctx, request.params.eventName);
        return reply.code(204).send();
      },
    );
  };
