// HTTP routes of workflow rules: CRUD with versions, and dry runs on a sample event.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { secretKeys } from '../../platform/http/route-policy.js';
import type { RulesService } from './rules.service.js';
import { DryRunResult, Rule, RuleInput, RulePatch, SampleEvent } from './rules.types.js';

const Id = z.object({ id: z.string() });

export const rulesRoutes =
  (service: RulesService): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['workflow rules'];
    app.post(
      '/workflow-rules',
      {
        config: { policy: secretKeys('workflows:write', 'unbound') },
        schema: {
          tags,
          summary: 'Create a rule: when <event type> [and <condition>] then <actions>',
          body: RuleInput,
          response: { 201: Rule },
        },
      },
      async (request, reply) => reply.code(201).send(await service.createRule(request.ctx, request.body)),
    );
    app.get(
      '/workflow-rules',
      {
        config: { policy: secretKeys('workflows:read', 'unbound') },
        schema: { tags, summary: 'List rules', response: { 200: z.object({ items: z.array(Rule) }) } },
      },
      async (request) => ({ items: await service.listRules(request.ctx) }),
    );
    app.get(
      '/workflow-rules/:id',
      {
        config: { policy: secretKeys('workflows:read', 'unbound') },
        schema: { tags, summary: 'Get a rule', params: Id, response: { 200: Rule } },
      },
      async (request) => service.getRule(request.ctx, request.params.id),
    );
    app.patch(
      '/workflow-rules/:id',
      {
        config: { policy: secretKeys('workflows:write', 'unbound') },
        schema: {
          tags,
          summary: 'Change a rule (a new version); enabled: false pauses it',
          params: Id,
          body: RulePatch,
          response: { 200: Rule },
        },
      },
      async (request) => service.updateRule(request.ctx, request.params.id, request.body),
    );
    app.delete(
      '/workflow-rules/:id',
      {
        config: { policy: secretKeys('workflows:write', 'unbound') },
        schema: { tags, summary: 'Delete a rule', params: Id, response: { 204: z.null() } },
      },
      async (request, reply) => {
        await service.deleteRule(request.ctx, request.params.id);
        return reply.code(204).send(null);
      },
    );
    app.get(
      '/workflow-rules/:id/versions',
      {
        config: { policy: secretKeys('workflows:read', 'unbound') },
        schema: {
          tags,
          summary: 'Every saved version of a rule',
          params: Id,
          response: {
            200: z.object({
              items: z.array(
                z.object({ version: z.number().int(), definition: z.unknown(), createdAt: z.date() }),
              ),
            }),
          },
        },
      },
      async (request) => ({ items: await service.ruleVersions(request.ctx, request.params.id) }),
    );
    app.post(
      '/workflow-rules/:id/dry-run',
      {
        config: { policy: secretKeys('workflows:read', 'unbound') },
        schema: {
          tags,
          summary: 'What the stored rule would do with a sample event (nothing is changed)',
          params: Id,
          body: z.strictObject({ event: SampleEvent }),
          response: { 200: DryRunResult },
        },
      },
      async (request) => service.dryRun(request.ctx, request.params.id, request.body.event),
    );
    app.post(
      '/workflow-rules/dry-run',
      {
        config: { policy: secretKeys('workflows:read', 'unbound') },
        schema: {
          tags,
          summary: 'What an unsaved rule would do with a sample event',
          body: z.strictObject({ rule: RuleInput, event: SampleEvent }),
          response: { 200: DryRunResult },
        },
      },
      async (request) => service.dryRun(request.ctx, request.body.rule, request.body.event),
    );
  };
