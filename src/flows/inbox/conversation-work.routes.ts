// An agent's work on a conversation: read, assignment (manual, round-robin), team, status, tags, merge.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Conversation, ConversationStatus } from '../../modules/inbox/index.js';
import { Id, type InboxRouteDeps, Tag, tags, write } from './inbox-route-schemas.js';

export const conversationWorkRoutes =
  (deps: InboxRouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const { inbox } = deps;

    app.post(
      '/inbox/conversations/:id/read',
      {
        config: { policy: write },
        schema: {
          tags,
          summary: 'Mark as read by the agents',
          params: z.strictObject({ id: Id }),
          response: { 200: Conversation },
        },
      },
      async (request) => inbox.markRead(request.ctx, request.params.id),
    );

    app.post(
      '/inbox/conversations/:id/assignment',
      {
        config: { policy: write },
        schema: {
          tags,
          summary: 'Assign to an agent, unassign (agentId null), or round-robin among available agents',
          params: z.strictObject({ id: Id }),
          body: z.union([
            z.strictObject({ agentId: Id.nullable() }),
            z.strictObject({ roundRobin: z.literal(true) }),
          ]),
          response: { 200: Conversation },
        },
      },
      async (request) =>
        'roundRobin' in request.body
          ? inbox.assignRoundRobin(request.ctx, request.params.id)
          : inbox.assign(request.ctx, request.params.id, request.body.agentId),
    );

    app.post(
      '/inbox/conversations/:id/status',
      {
        config: { policy: write },
        schema: {
          tags,
          summary: 'Open, pending, snoozed (until a time) or resolved',
          params: z.strictObject({ id: Id }),
          body: z.strictObject({ status: ConversationStatus, snoozedUntil: z.coerce.date().optional() }),
          response: { 200: Conversation },
        },
      },
      async (request) =>
        inbox.setStatus(request.ctx, request.params.id, {
          status: request.body.status,
          snoozedUntil: request.body.snoozedUntil ?? null,
        }),
    );

    app.post(
      '/inbox/conversations/:id/tags',
      {
        config: { policy: write },
        schema: {
          tags,
          summary: 'Add and remove tags',
          params: z.strictObject({ id: Id }),
          body: z.strictObject({
            add: z.array(Tag).max(20).optional(),
            remove: z.array(Tag).max(20).optional(),
          }),
          response: { 200: Conversation },
        },
      },
      async (request) => inbox.changeTags(request.ctx, request.params.id, request.body),
    );

    app.post(
      '/inbox/conversations/:id/merge',
      {
        config: { policy: write },
        schema: {
          tags,
          summary: 'Merge this conversation into another: its messages move there, it closes as merged',
          params: z.strictObject({ id: Id }),
          body: z.strictObject({ intoId: Id }),
          response: { 200: Conversation },
        },
      },
      async (request) =>
        inbox.merge(request.ctx, { sourceId: request.params.id, targetId: request.body.intoId }),
    );

    app.post(
      '/inbox/conversations/:id/team',
      {
        config: { policy: write },
        schema: {
          tags,
          summary:
            'Route to a team (teamId null: the whole inbox); an assignee outside the team is taken off',
          description: 'Round-robin assignment then picks among the team’s available members only.',
          params: z.strictObject({ id: Id }),
          body: z.strictObject({ teamId: Id.nullable() }),
          response: { 200: Conversation },
        },
      },
      async (request) => inbox.assignTeam(request.ctx, request.params.id, request.body.teamId),
    );
  };
