// Web chat: the widget script (public), a visitor's messages in (the storefront's key; the visitor
// named by the analytics anonymous id, or by their session when signed in) and their conversation
// out, live over SSE. A visitor token (returned by the first message, kept by the widget) reads and
// writes that customer's conversation only. Also the agents' live stream of inbox events.

import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type InboxFlow, InboxText } from '../../flows/inbox/index.js';
import { shopperSessionOf } from '../../flows/shopper-account/index.js';
import { AppError } from '../../kernel/index.js';
import { type InboxService, Message } from '../../modules/inbox/index.js';
import { publicRoute, secretKeys } from '../../platform/http/route-policy.js';
import { type EventStreamHub, openSseResponse } from '../stream/index.js';
import { CHAT_WIDGET_JS } from './chat-widget.js';

export interface WebChatRouteDeps {
  inbox: InboxService;
  flow: Pick<InboxFlow, 'receiveInbound'>;
  /** The process's live stream (created with the integration layer's routes). */
  stream: () => EventStreamHub | undefined;
}

const Token = z.string().min(10).max(100);
const AnonymousId = z
  .string()
  .trim()
  .min(6)
  .max(200)
  .regex(/^[\w.:@-]+$/);
const VISITOR_EVENTS = ['inbox.message_received', 'inbox.message_queued'];

async function visitorOf(deps: WebChatRouteDeps, request: FastifyRequest, token: string | undefined) {
  const visitor = token ? await deps.inbox.chatVisitor(request.ctx, token) : null;
  if (!visitor) throw new AppError('unauthenticated', 'A valid chat token is required');
  return visitor;
}

export const webChatRoutes =
  (deps: WebChatRouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['web chat'];
    app.get(
      '/chat/widget.js',
      {
        config: { policy: publicRoute('the embeddable chat widget script, the same for everyone') },
        schema: {
          tags,
          summary: 'The web chat widget (one script tag: data-key = the storefront’s publishable key)',
        },
      },
      async (_request, reply) =>
        reply
          .header('content-type', 'text/javascript; charset=utf-8')
          .header('cache-control', 'public, max-age=300')
          .send(CHAT_WIDGET_JS),
    );

    app.post(
      '/api/chat/messages',
      {
        config: { policy: { scope: null, keys: ['publishable', 'secret'], channel: 'own' } },
        schema: {
          tags,
          summary: "A web chat visitor's message (with the storefront's key)",
          description:
            'The first message names the visitor by the analytics anonymous id (or their shopper session cookie) and returns a chat token; later ones send it in `x-chat-token`.',
          headers: z.object({ 'x-chat-token': Token.optional() }).passthrough(),
          body: z.strictObject({ text: InboxText(5_000), anonymousId: AnonymousId }),
          response: { 201: z.object({ token: z.string(), conversationId: z.string(), message: Message }) },
        },
      },
      async (request, reply) => {
        const presented = request.headers['x-chat-token'];
        const visitor = presented ? await visitorOf(deps, request, presented) : null;
        const session = visitor ? null : await shopperSessionOf(request);
        const stored = await deps.flow.receiveInbound(request.ctx, {
          channelKind: 'web_chat',
          channelId: request.ctx.channelId,
          externalId: null,
          from: { identifierType: 'anonymous_id', value: request.body.anonymousId, trust: 'claimed' },
          ...(visitor
            ? { customerId: visitor.customerId }
            : session
              ? { customerId: session.profileId }
              : {}),
          text: request.body.text,
          occurredAt: request.ctx.clock.now(),
        });
        const customerId = stored.conversation.customerId;
        if (!customerId)
          throw new AppError('customer_without_identifier', 'The visitor could not be recognised');
        const token = presented ?? (await deps.inbox.openChatVisitor(request.ctx, customerId)).token;
        return reply
          .status(201)
          .send({ token, conversationId: stored.conversation.id, message: stored.message });
      },
    );

    app.get(
      '/chat/messages',
      {
        config: {
          policy: publicRoute("a web chat visitor's own conversation, authorised by their chat token"),
        },
        schema: {
          tags,
          summary: "The visitor's conversation (agents' notes left out)",
          headers: z.object({ 'x-chat-token': Token.optional() }).passthrough(),
          response: { 200: z.object({ items: z.array(Message) }) },
        },
      },
      async (request) => {
        const visitor = await visitorOf(deps, request, request.headers['x-chat-token']);
        const [latest] = await deps.inbox.conversationsOfCustomer(request.ctx, [visitor.customerId], 1);
        if (!latest) return { items: [] };
        const items = await deps.inbox.messages(request.ctx, latest.mergedInto ?? latest.id, { limit: 100 });
        return { items: items.filter((m) => m.direction !== 'note').map((m) => ({ ...m, authorId: null })) };
      },
    );

    app.get(
      '/chat/stream',
      {
        config: { policy: publicRoute("a web chat visitor's live messages, authorised by their chat token") },
        schema: {
          tags,
          summary:
            "Live signals of new messages in the visitor's conversation (SSE; EventSource cannot send headers)",
          querystring: z.strictObject({ token: Token }),
        },
      },
      async (request, reply) => {
        const visitor = await visitorOf(deps, request, request.query.token);
        const hub = deps.stream();
        if (!hub) throw new AppError('not_ready', 'The live stream is not running');
        const slot = hub.reserve(`chat:${visitor.customerId}`);
        await hub.connect(
          () => openSseResponse(reply, request),
          { types: VISITOR_EVENTS, channelId: null, customerId: visitor.customerId },
          null,
          slot,
        );
      },
    );

    app.get(
      '/api/inbox/stream',
      {
        config: { policy: secretKeys('inbox:read', 'unbound') },
        schema: {
          tags: ['inbox'],
          summary:
            'Live inbox events for agents (SSE): new messages, replies’ status, assignment, status, tags, merges',
        },
      },
      async (request, reply) => {
        const hub = deps.stream();
        if (!hub) throw new AppError('not_ready', 'The live stream is not running');
        const slot = hub.reserve(request.ctx.actor.id);
        await hub.connect(
          () => openSseResponse(reply, request),
          { types: ['inbox.*'], channelId: null },
          null,
          slot,
        );
      },
    );
  };
