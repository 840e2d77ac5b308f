// Reading the inbox: the page with filters and counts, search, a conversation with its messages of
// every channel and the customer beside it, attachments (downloads), a customer's conversations.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../kernel/index.js';
import { ChannelKind, Conversation, ConversationStatus, Message } from '../../modules/inbox/index.js';
import {
  Id,
  type InboxRouteDeps,
  InboxText,
  read,
  sendAttachment,
  Tag,
  tags,
} from './inbox-route-schemas.js';

export const conversationReadRoutes =
  (deps: InboxRouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const { inbox } = deps;

    app.get(
      '/inbox/conversations',
      {
        config: { policy: read },
        schema: {
          tags,
          summary: "An agent's inbox page: conversations by newest activity, with filters",
          querystring: z.strictObject({
            status: ConversationStatus.optional(),
            assignee: Id.optional().describe("an agent id, or 'none' for unassigned"),
            channelKind: ChannelKind.optional(),
            team: Id.optional().describe("a team id, or 'none' for conversations of no team"),
            tag: Tag.optional(),
            customerId: Id.optional(),
            unread: z.enum(['true', 'false']).optional(),
            limit: z.coerce.number().int().min(1).max(200).optional(),
            cursor: z.string().max(200).optional(),
          }),
          response: { 200: z.object({ items: z.array(Conversation), nextCursor: z.string().nullable() }) },
        },
      },
      async (request) => {
        const q = request.query;
        return inbox.listConversations(request.ctx, {
          status: q.status,
          assigneeId: q.assignee,
          teamId: q.team,
          channelKind: q.channelKind,
          tag: q.tag?.toLowerCase(),
          customerId: q.customerId,
          unreadOnly: q.unread === 'true',
          limit: q.limit,
          cursor: q.cursor,
        });
      },
    );

    app.get(
      '/inbox/counts',
      {
        config: { policy: read },
        schema: {
          tags,
          summary: 'Conversations per status, unread and unassigned (the inbox tabs)',
          querystring: z.strictObject({ assignee: Id.optional(), channelKind: ChannelKind.optional() }),
          response: {
            200: z.object({
              byStatus: z.record(ConversationStatus, z.number().int()),
              unread: z.number().int(),
              unassigned: z.number().int(),
            }),
          },
        },
      },
      async (request) =>
        inbox.counts(request.ctx, {
          assigneeId: request.query.assignee,
          channelKind: request.query.channelKind,
        }),
    );

    app.get(
      '/inbox/search',
      {
        config: { policy: read },
        schema: {
          tags,
          summary: 'Conversations whose messages, subject or tags contain the words',
          querystring: z.strictObject({
            q: InboxText(200),
            limit: z.coerce.number().int().min(1).max(100).optional(),
          }),
          response: { 200: z.object({ items: z.array(Conversation) }) },
        },
      },
      async (request) => ({ items: await inbox.search(request.ctx, request.query.q, request.query.limit) }),
    );

    app.get(
      '/inbox/conversations/:id',
      {
        config: { policy: read },
        schema: {
          tags,
          summary: 'A conversation: its messages of every channel, and the customer with orders and carts',
          params: z.strictObject({ id: Id }),
          response: {
            200: z.object({
              conversation: Conversation,
              messages: z.array(Message),
              customer: z
                .unknown()
                .describe('profile, identities, orders (pickup status), active carts; null without one'),
            }),
          },
        },
      },
      async (request) => {
        const conversation = await inbox.getConversation(request.ctx, request.params.id);
        const [messages, customer] = await Promise.all([
          inbox.messages(request.ctx, conversation.id),
          deps.panel.panelOf(request.ctx, conversation.customerId).catch((err) => {
            if (err instanceof AppError && err.code === 'not_found') return null; // the customer was erased
            throw err;
          }),
        ]);
        return { conversation, messages, customer };
      },
    );

    app.get(
      '/inbox/conversations/:id/messages',
      {
        config: { policy: read },
        schema: {
          tags,
          summary: 'Earlier messages of a conversation (page back with before=<message id>)',
          params: z.strictObject({ id: Id }),
          querystring: z.strictObject({
            before: Id.optional(),
            limit: z.coerce.number().int().min(1).max(500).optional(),
          }),
          response: { 200: z.object({ items: z.array(Message) }) },
        },
      },
      async (request) => {
        await inbox.getConversation(request.ctx, request.params.id);
        const o = {
          ...(request.query.before ? { before: request.query.before } : {}),
          limit: request.query.limit ?? 200,
        };
        return { items: await inbox.messages(request.ctx, request.params.id, o) };
      },
    );

    app.get(
      '/inbox/attachments/:id',
      {
        config: { policy: read },
        schema: { tags, summary: "An attachment's bytes (agents only)", params: z.strictObject({ id: Id }) },
      },
      async (request, reply) =>
        sendAttachment(reply, await inbox.attachmentFile(request.ctx, request.params.id)),
    );

    app.get(
      '/customers/:id/conversations',
      {
        config: { policy: read },
        schema: {
          tags,
          summary: "A customer's conversations (their whole merged cluster), newest first",
          params: z.strictObject({ id: Id }),
          response: { 200: z.object({ items: z.array(Conversation) }) },
        },
      },
      async (request) => ({ items: await deps.flow.conversationsOfCustomer(request.ctx, request.params.id) }),
    );
  };
