// The till's view of the inbox: the conversations of the customer attached to a sale on this till,
// never the inbox itself. Scope `inbox:till` (a clerk's; `inbox:read` holds it), a credential bound
// to the till's channel; the cart must be that channel's (the policy checks the record), so one
// store's till cannot read another's customers. A clerk reads a thread, downloads the files the
// customer sent or was sent in it, and records a shop visit (a store note); agents' internal notes
// (and their files) stay in the inbox.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../kernel/index.js';
import type { CartsService } from '../../modules/carts/index.js';
import { Conversation, type InboxService, Message } from '../../modules/inbox/index.js';
import { TILL_INBOX_SCOPE } from '../../modules/staff/index.js';
import type { Ctx } from '../../platform/context.js';
import { onRecord, secretKeys } from '../../platform/http/route-policy.js';
import type { InboxFlow } from './inbox-flow.interface.js';
import { Id, InboxText, sendAttachment } from './inbox-route-schemas.js';

const tags = ['inbox'];
const policy = secretKeys(TILL_INBOX_SCOPE, onRecord('cart', 'id'));
/** Enough of a customer's history for a counter; the inbox has the rest. */
const TILL_LIST_LIMIT = 20;
const PREVIEW_CHARS = 200;
/** The messages of a thread a till shows (and whose attachments it serves). */
const THREAD_LIMIT = 200;

const LastMessage = z.object({
  direction: Message.shape.direction,
  channelKind: Message.shape.channelKind,
  text: z.string().describe(`the first ${PREVIEW_CHARS} characters`),
  occurredAt: z.date(),
});
const TillConversation = Conversation.extend({ lastMessage: LastMessage.nullable() });

const isInternal = (m: Message) => m.direction === 'note' && m.channelKind === null;

export const tillConversationRoutes =
  (deps: {
    flow: Pick<InboxFlow, 'conversationsOfCustomer'>;
    inbox: Pick<InboxService, 'messages' | 'addNote' | 'attachmentFile'>;
    carts: Pick<CartsService, 'getCart'>;
  }): FastifyPluginAsyncZod =>
  async (app) => {
    /** The cart's customer's conversations (none without a customer). */
    const ofSale = async (ctx: Ctx, cartId: string) => {
      const cart = await deps.carts.getCart(ctx, cartId);
      if (!cart.profileId) return [];
      return deps.flow.conversationsOfCustomer(ctx, cart.profileId);
    };
    /** One of them, or 404 for any other conversation (the till learns nothing of it). */
    const oneOfSale = async (ctx: Ctx, cartId: string, conversationId: string) => {
      const c = (await ofSale(ctx, cartId)).find((x) => x.id === conversationId);
      if (!c) throw new AppError('not_found', 'No such conversation of this sale’s customer');
      return c;
    };
    const visible = async (ctx: Ctx, conversationId: string, limit: number) =>
      (await deps.inbox.messages(ctx, conversationId, { limit })).filter((m) => !isInternal(m));

    app.get(
      '/tills/carts/:id/conversations',
      {
        config: { policy },
        schema: {
          tags,
          summary:
            "At the till: the conversations of the customer attached to this sale's cart, newest first, with the last message",
          description: `An empty list when no customer is attached; at most ${TILL_LIST_LIMIT}. The cart must be on the key’s channel.`,
          params: z.strictObject({ id: Id }),
          response: { 200: z.object({ items: z.array(TillConversation) }) },
        },
      },
      async (request) => {
        const list = (await ofSale(request.ctx, request.params.id)).slice(0, TILL_LIST_LIMIT);
        const items = await Promise.all(
          list.map(async (c) => {
            const last = (await visible(request.ctx, c.id, 5)).at(-1);
            const lastMessage = last
              ? {
                  direction: last.direction,
                  channelKind: last.channelKind,
                  text: last.text.slice(0, PREVIEW_CHARS),
                  occurredAt: last.occurredAt,
                }
              : null;
            return { ...c, lastMessage };
          }),
        );
        return { items };
      },
    );

    app.get(
      '/tills/carts/:id/conversations/:conversationId',
      {
        config: { policy },
        schema: {
          tags,
          summary: "At the till: one of the sale customer's conversations with its messages (read only)",
          description: 'Agents’ internal notes are left out. 404 for a conversation of anyone else.',
          params: z.strictObject({ id: Id, conversationId: Id }),
          response: { 200: z.object({ conversation: Conversation, messages: z.array(Message) }) },
        },
      },
      async (request) => {
        const conversation = await oneOfSale(request.ctx, request.params.id, request.params.conversationId);
        return { conversation, messages: await visible(request.ctx, conversation.id, THREAD_LIMIT) };
      },
    );

    app.get(
      '/tills/carts/:id/conversations/:conversationId/attachments/:attachmentId',
      {
        config: { policy },
        schema: {
          tags,
          summary: "At the till: a file of the sale customer's conversation, as a download",
          description:
            'Only a file of a message the till’s thread shows (not of agents’ internal notes); 404 for any other.',
          params: z.strictObject({ id: Id, conversationId: Id, attachmentId: Id }),
        },
      },
      async (request, reply) => {
        const { id, conversationId, attachmentId } = request.params;
        const conversation = await oneOfSale(request.ctx, id, conversationId);
        const shown = (await visible(request.ctx, conversation.id, THREAD_LIMIT)).some((m) =>
          m.attachments.some((a) => a.id === attachmentId),
        );
        if (!shown) throw new AppError('not_found', 'No such file in this conversation');
        return sendAttachment(reply, await deps.inbox.attachmentFile(request.ctx, attachmentId));
      },
    );

    app.post(
      '/tills/carts/:id/conversations/:conversationId/store-notes',
      {
        config: { policy },
        schema: {
          tags,
          summary: "At the till: records the customer's shop visit on their conversation (never sent)",
          params: z.strictObject({ id: Id, conversationId: Id }),
          body: z.strictObject({ text: InboxText(5_000) }),
          response: { 201: Message },
        },
      },
      async (request, reply) => {
        const c = await oneOfSale(request.ctx, request.params.id, request.params.conversationId);
        const note = await deps.inbox.addNote(request.ctx, c.id, {
          authorId: request.ctx.actor.id,
          text: request.body.text,
          kind: 'store_note',
        });
        return reply.status(201).send(note);
      },
    );
  };
