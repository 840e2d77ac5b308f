// The inbox's settings: canned replies (reply templates), teams of agents, the round-robin pool.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CannedReply, InboxAgent, InboxTeam } from '../../modules/inbox/index.js';
import { Id, type InboxRouteDeps, InboxText, read, tags, write } from './inbox-route-schemas.js';

export const inboxSettingsRoutes =
  (deps: InboxRouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const { inbox } = deps;

    app.get(
      '/inbox/canned-replies',
      {
        config: { policy: read },
        schema: {
          tags,
          summary: 'Canned replies',
          response: { 200: z.object({ items: z.array(CannedReply) }) },
        },
      },
      async (request) => ({ items: await inbox.listCannedReplies(request.ctx) }),
    );

    app.post(
      '/inbox/canned-replies',
      {
        config: { policy: write },
        schema: {
          tags,
          summary: 'Create a canned reply (or replace the one with the same shortcut)',
          description: 'Variables: {{customer.name}}, {{customer.email}}, {{agent.name}}, {{order.number}}.',
          body: z.strictObject({
            shortcut: z
              .string()
              .trim()
              .regex(/^[a-z0-9][a-z0-9_-]{0,39}$/),
            title: InboxText(200),
            body: InboxText(5_000),
          }),
          response: { 201: CannedReply },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await inbox.saveCannedReply(request.ctx, request.body)),
    );

    app.delete(
      '/inbox/canned-replies/:id',
      {
        config: { policy: write },
        schema: { tags, summary: 'Delete a canned reply', params: z.strictObject({ id: Id }) },
      },
      async (request, reply) => {
        await inbox.deleteCannedReply(request.ctx, request.params.id);
        return reply.status(204).send();
      },
    );

    const TeamBody = z.strictObject({
      name: InboxText(120),
      agentIds: z.array(Id).max(500).default([]),
    });
    app.get(
      '/inbox/teams',
      {
        config: { policy: read },
        schema: {
          tags,
          summary: 'Teams of agents',
          response: { 200: z.object({ items: z.array(InboxTeam) }) },
        },
      },
      async (request) => ({ items: await inbox.listTeams(request.ctx) }),
    );
    app.post(
      '/inbox/teams',
      {
        config: { policy: write },
        schema: { tags, summary: 'Create a team of agents', body: TeamBody, response: { 201: InboxTeam } },
      },
      async (request, reply) => reply.status(201).send(await inbox.saveTeam(request.ctx, request.body)),
    );
    app.put(
      '/inbox/teams/:teamId',
      {
        config: { policy: write },
        schema: {
          tags,
          summary: 'Rename a team and set its members',
          params: z.strictObject({ teamId: Id }),
          body: TeamBody,
          response: { 200: InboxTeam },
        },
      },
      async (request) => inbox.saveTeam(request.ctx, { id: request.params.teamId, ...request.body }),
    );
    app.delete(
      '/inbox/teams/:teamId',
      {
        config: { policy: write },
        schema: {
          tags,
          summary: 'Delete a team (its conversations go back to the whole inbox)',
          params: z.strictObject({ teamId: Id }),
        },
      },
      async (request, reply) => {
        await inbox.deleteTeam(request.ctx, request.params.teamId);
        return reply.status(204).send();
      },
    );

    app.get(
      '/inbox/agents',
      {
        config: { policy: read },
        schema: {
          tags,
          summary: 'Agents of the round-robin pool',
          response: { 200: z.object({ items: z.array(InboxAgent) }) },
        },
      },
      async (request) => ({ items: await inbox.listAgents(request.ctx) }),
    );

    app.put(
      '/inbox/agents/:agentId',
      {
        config: { policy: write },
        schema: {
          tags,
          summary: 'Add an agent to the round-robin pool, rename, or mark (un)available',
          params: z.strictObject({ agentId: Id }),
          body: z.strictObject({ name: InboxText(120), available: z.boolean() }),
          response: { 200: InboxAgent },
        },
      },
      async (request) => inbox.saveAgent(request.ctx, { agentId: request.params.agentId, ...request.body }),
    );
  };
