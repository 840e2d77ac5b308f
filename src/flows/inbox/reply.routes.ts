// Answering a customer: replies on their channel (or WhatsApp templates after the window), quick
// actions that send a pickup or cart code, notes, and canned replies filled in for the conversation.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../kernel/index.js';
import { ChannelKind, Message, renderCannedReply } from '../../modules/inbox/index.js';
import { Id, type InboxRouteDeps, InboxText, read, tags, write } from './inbox-route-schemas.js';
import { QUICK_ACTION_LANGUAGES } from './quick-actions.flow.js';
import { refusalError } from './reply-refusal.js';

const TemplateBody = z.strictObject({
  name: z
    .string()
    .trim()
    .regex(/^[a-z0-9_]{1,512}$/, 'lower-case letters, digits and underscores'),
  language: z
    .string()
    .trim()
    .regex(/^[a-z]{2,3}(_[A-Z]{2})?$/, 'a language code such as en or en_US'),
  parameters: z.array(InboxText(1_000)).max(20).default([]),
});
const ApprovedTemplate = z.object({
  name: z.string(),
  language: z.string(),
  body: z.string().nullable(),
  parameterCount: z.number().int(),
});

export const replyRoutes =
  (deps: InboxRouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const { inbox } = deps;

    app.post(
      '/inbox/conversations/:id/replies',
      {
        config: { policy: write },
        schema: {
          tags,
          summary: 'Reply to the customer: queued for the channel they wrote on last, or the one named',
          description:
            'Answers 202 with the queued message; its status moves to sent, delivered, read or failed (with the reason). It goes out through the account the customer wrote to. Refused when the channel has no sender, the customer has no address on it, or its reply window has closed (then only an approved template, `template`, may go: WhatsApp).',
          params: z.strictObject({ id: Id }),
          body: z
            .strictObject({
              text: InboxText(20_000).optional(),
              channelKind: ChannelKind.optional(),
              template: TemplateBody.optional(),
            })
            .refine((b) => b.text !== undefined || b.template !== undefined, {
              message: 'text or template is required',
              path: ['text'],
            }),
          response: { 202: Message },
        },
      },
      async (request, reply) => {
        const sent = await deps.flow.sendReply(request.ctx, {
          conversationId: request.params.id,
          authorId: request.ctx.actor.id,
          text: request.body.text,
          channelKind: request.body.channelKind,
          template: request.body.template,
        });
        if (!sent.ok) throw refusalError(sent);
        return reply.status(202).send(sent.value);
      },
    );

    app.get(
      '/inbox/conversations/:id/templates',
      {
        config: { policy: read },
        schema: {
          tags,
          summary:
            'The approved message templates a reply could use (WhatsApp: after the 24-hour window only these)',
          params: z.strictObject({ id: Id }),
          querystring: z.strictObject({ channelKind: ChannelKind.optional() }),
          response: { 200: z.object({ items: z.array(ApprovedTemplate) }) },
        },
      },
      async (request) => ({
        items: await deps.flow.templates(request.ctx, request.params.id, request.query.channelKind),
      }),
    );

    const Language = z.enum(QUICK_ACTION_LANGUAGES).default('en').describe('the language of the message');
    app.post(
      '/inbox/conversations/:id/actions/pickup-code',
      {
        config: { policy: write },
        schema: {
          tags,
          summary: "Quick action: send the customer their click & collect order's pickup code",
          description:
            "A reply on the customer's last channel. 404 for an order that is not the conversation customer's; 422 pickup_refused for an order not for pickup or closed; reply refusals as for replies.",
          params: z.strictObject({ id: Id }),
          body: z.strictObject({ orderId: Id, language: Language }),
          response: { 202: Message },
        },
      },
      async (request, reply) =>
        reply.status(202).send(
          await deps.actions.sendPickupCode(request.ctx, request.params.id, {
            ...request.body,
            authorId: request.ctx.actor.id,
          }),
        ),
    );
    app.post(
      '/inbox/conversations/:id/actions/cart-code',
      {
        config: { policy: write },
        schema: {
          tags,
          summary: "Quick action: send the customer their cart's handoff code (to continue at a till)",
          params: z.strictObject({ id: Id }),
          body: z.strictObject({ cartId: Id, language: Language }),
          response: { 202: Message },
        },
      },
      async (request, reply) =>
        reply.status(202).send(
          await deps.actions.sendCartCode(request.ctx, request.params.id, {
            ...request.body,
            authorId: request.ctx.actor.id,
          }),
        ),
    );

    app.post(
      '/inbox/conversations/:id/actions/cart-link',
      {
        config: { policy: write },
        schema: {
          tags,
          summary: "Quick action: send the customer a link that opens their cart on its channel's storefront",
          description:
            'The link names the cart only; the storefront opens it once its owner is signed in there. The address is OMNIHUB_PUBLIC_URL, else the origin the agent called. 404 for a cart that is not the conversation customer’s; 409 cart_not_active.',
          params: z.strictObject({ id: Id }),
          body: z.strictObject({ cartId: Id, language: Language }),
          response: { 202: Message },
        },
      },
      async (request, reply) =>
        reply.status(202).send(
          await deps.actions.sendCartLink(request.ctx, request.params.id, {
            ...request.body,
            authorId: request.ctx.actor.id,
            baseUrl: deps.publicUrl ?? `${request.protocol}://${request.host}`,
          }),
        ),
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
  };
