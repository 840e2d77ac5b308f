// The agents' inbox API (/api/inbox/*): the inbox page with filters and counts, a conversation with
// its cross-channel messages and the customer beside it, replies, notes, assignment, status, tags,
// search, merges, canned replies, agents and attachments. inbox:read / inbox:write, secret keys and
// staff sessions, retailer-wide (a conversation spans channels).
import { createReadStream } from 'node:fs';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../kernel/index.js';
import {
  CannedReply,
  ChannelKind,
  Conversation,
  ConversationStatus,
  InboxAgent,
  type InboxService,
  Message,
  renderCannedReply,
} from '../../modules/inbox/index.js';
import { secretKeys } from '../../platform/http/route-policy.js';
import type { CustomerPanelFlow } from './customer-panel.flow.js';
import type { InboxFlow, ReplyRefusal } from './inbox-flow.interface.js';

export interface InboxRouteDeps {
  inbox: InboxService;
  flow: InboxFlow;
  panel: CustomerPanelFlow;
}

const read = secretKeys('inbox:read', 'unbound');
const write = secretKeys('inbox:write', 'unbound');
const tags = ['inbox'];

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Text a person wrote: no NUL, no lone surrogate (refused naming the field, never stored). */
export const InboxText = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine(
      (s) => !s.includes('\u0000') && !LONE_SURROGATE.test(s),
      'must not contain NUL or lone surrogates',
    );
const Id = z.string().min(1).max(80);
const Tag = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .refine((t) => ![...t].some((c) => c.charCodeAt(0) < 32), 'must not contain control characters');

const REFUSALS: Record<
  ReplyRefusal['reason'],
  'no_reply_address' | 'channel_not_connected' | 'reply_window_closed' | 'contact_not_allowed'
> = {
  no_channel_address: 'no_reply_address',
  no_sender: 'channel_not_connected',
  reply_window_closed: 'reply_window_closed',
  contact_not_allowed: 'contact_not_allowed',
};

function refusalText(r: ReplyRefusal): string {
  if (r.reason === 'contact_not_allowed')
    return r.consent === 'suppressed'
      ? `Cannot reply on ${r.channelKind}: the customer is suppressed (no contact at all)`
      : `Cannot reply on ${r.channelKind}: the customer's ${r.purpose} consent is ${r.consent}`;
  return `Cannot reply on ${r.channelKind}`;
}

export const inboxRoutes =
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

    app.post(
      '/inbox/conversations/:id/replies',
      {
        config: { policy: write },
        schema: {
          tags,
          summary: 'Reply to the customer: queued for the channel they wrote on last, or the one named',
          description:
            'Answers 202 with the queued message; its status moves to sent, delivered, read or failed (with the reason). Refused when the channel has no sender, the customer has no address on it, or its reply window has closed.',
          params: z.strictObject({ id: Id }),
          body: z.strictObject({ text: InboxText(20_000), channelKind: ChannelKind.optional() }),
          response: { 202: Message },
        },
      },
      async (request, reply) => {
        const sent = await deps.flow.sendReply(request.ctx, {
          conversationId: request.params.id,
          authorId: request.ctx.actor.id,
          text: request.body.text,
          channelKind: request.body.channelKind,
        });
        if (!sent.ok)
          throw new AppError(REFUSALS[sent.reason], refusalText(sent), {
            details: { ...sent, ok: undefined },
          });
        return reply.status(202).send(sent.value);
      },
    );

    app.post(
      '/inbox/conversations/:id/notes',
      {
        config: { policy: write },
        schema: {
          tags,
          summary: 'An internal note, or the record of a phone call or shop visit (never sent)',
          params: z.strictObject({ id: Id }),
          body: z.strictObject({
            text: InboxText(20_000),
            kind: z.enum(['internal', 'phone_note', 'store_note']).default('internal'),
          }),
          response: { 201: Message },
        },
      },
      async (request, reply) => {
        const note = await inbox.addNote(request.ctx, request.params.id, {
          authorId: request.ctx.actor.id,
          text: request.body.text,
          kind: request.body.kind,
        });
        return reply.status(201).send(note);
      },
    );

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

    app.get(
      '/inbox/conversations/:id/canned-replies/:replyId',
      {
        config: { policy: read },
        schema: {
          tags,
          summary: "A canned reply filled in for this conversation's customer and the calling agent",
          params: z.strictObject({ id: Id, replyId: Id }),
          response: { 200: z.object({ text: z.string() }) },
        },
      },
      async (request) => {
        const conversation = await inbox.getConversation(request.ctx, request.params.id);
        const canned = (await inbox.listCannedReplies(request.ctx)).find(
          (c) => c.id === request.params.replyId,
        );
        if (!canned) throw new AppError('not_found', 'No such canned reply');
        const panel = await deps.panel.panelOf(request.ctx, conversation.customerId).catch(() => null);
        const trait = (k: string) => {
          const v = panel?.customer.traits[k]?.value;
          return typeof v === 'string' ? v : undefined;
        };
        const email = panel?.customer.identities.find((i) => i.type === 'email')?.value;
        return {
          text: renderCannedReply(canned.body, {
            'customer.name': trait('name') ?? trait('firstName') ?? '',
            'customer.email': email,
            'agent.name': request.ctx.actor.name,
            'order.number': panel?.orders[0]?.number,
          }),
        };
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

    app.get(
      '/inbox/attachments/:id',
      {
        config: { policy: read },
        schema: { tags, summary: "An attachment's bytes (agents only)", params: z.strictObject({ id: Id }) },
      },
      async (request, reply) => {
        const { attachment, path } = await inbox.attachmentFile(request.ctx, request.params.id);
        // Served as a download, never rendered inline: a customer's HTML file must not run in the admin's origin.
        return reply
          .header('content-type', 'application/octet-stream')
          .header('content-disposition', `attachment; filename="${encodeURIComponent(attachment.filename)}"`)
          .header('x-content-type-options', 'nosniff')
          .header('content-length', attachment.size)
          .send(createReadStream(path));
      },
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
