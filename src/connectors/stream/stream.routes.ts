// GET /api/stream: Server-Sent Events of the event log, filtered by type and scoped by the caller's
// key (a channel-bound key sees its channel's events and global ones). Resumes after Last-Event-ID.
// Inbox events are the inbox's (inbox:read); a till (inbox:till) names its sale's cart with `cart`
// and hears only about that customer, on the same stream as the rest of its page.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../kernel/index.js';
import { hasScope, readableEventTypes } from '../../platform/auth/api-keys.js';
import type { Ctx } from '../../platform/context.js';
import { decodeCursor, findEvent } from '../../platform/events/event-log.js';
import { channelScope } from '../../platform/http/auth-hook.js';
import { browserKeys } from '../../platform/http/route-policy.js';
import type { EventStreamHub } from './event-stream.js';
import { openSseResponse } from './sse-response.js';

export interface StreamRouteOptions {
  /** The customers (cluster profile ids) of a cart on the caller's channel; 404 otherwise. */
  tillInboxAudience?: ((ctx: Ctx, cartId: string) => Promise<string[]>) | undefined;
}

/** Whose inbox events the caller hears: everyone's with inbox:read on an unbound key, the named sale's customer with inbox:till (404 for a cart of another channel), else nobody's. */
async function inboxCustomers(
  ctx: Ctx,
  cart: string | undefined,
  opts: StreamRouteOptions,
): Promise<readonly string[] | undefined> {
  // The inbox is unbound (`/api/inbox/*`): a channel's key with inbox:read is a till's.
  if (!cart) return hasScope(ctx.actor.scopes, 'inbox:read') && !ctx.actor.channelId ? undefined : [];
  // Without inbox:till the cart grants nothing, and the stream (shared by the page's parts) still flows.
  if (!hasScope(ctx.actor.scopes, 'inbox:till') || !opts.tillInboxAudience) return [];
  return opts.tillInboxAudience(ctx, cart);
}

export const streamRoutes =
  (hub: EventStreamHub, opts: StreamRouteOptions = {}): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/stream',
      {
        config: { policy: browserKeys('events:read', 'own') },
        schema: {
          tags: ['events'],
          summary: 'Live events as Server-Sent Events (text/event-stream; each data line is a CloudEvent)',
          description:
            'Send `Last-Event-ID` (or `?after=`) with an event id to resume: missed events are replayed from the log first. A comment line is sent every 15 s as a heartbeat.',
          querystring: z.strictObject({
            types: z
              .string()
              .optional()
              .describe('comma-separated types; a trailing * matches a prefix, e.g. inventory.*,order.*'),
            channel: z
              .string()
              .optional()
              .describe('only this channel (and global events); implied by a channel-bound key'),
            cart: z
              .string()
              .regex(/^[A-Za-z0-9_-]{1,80}$/)
              .optional()
              .describe(
                'at a till (inbox:till): inbox events about the customer of this sale’s cart only; without inbox:read a stream carries no other inbox events',
              ),
            after: z
              .string()
              .optional()
              .describe('an event id or cursor to resume after (instead of Last-Event-ID)'),
          }),
          headers: z.object({ 'last-event-id': z.string().optional() }).passthrough(),
        },
      },
      async (request, reply) => {
        const channelId = await channelScope(request, request.query.channel);
        const types = readableEventTypes(
          request.ctx.actor,
          (request.query.types ?? '')
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean),
        );
        const resumeFrom = request.headers['last-event-id'] ?? request.query.after;
        let resumeAfter = null;
        if (resumeFrom) {
          resumeAfter = decodeCursor(resumeFrom) ?? (await findEvent(request.ctx.db, resumeFrom)) ?? null;
          if (!resumeAfter) {
            throw new AppError('validation_failed', 'Last-Event-ID is not an event of this hub', {
              issues: [{ path: 'headers.last-event-id', message: 'unknown event id' }],
            });
          }
        }
        const inbox = await inboxCustomers(request.ctx, request.query.cart, opts);
        const slot = hub.reserve(request.ctx.actor.id); // 429 past the caller's open-stream cap
        await hub.connect(
          () => openSseResponse(reply, request),
          { types, channelId, ...(inbox ? { inboxCustomers: inbox } : {}) },
          resumeAfter && { txId: resumeAfter.txId, position: resumeAfter.position },
          slot,
        );
      },
    );

    app.get(
      '/me/stream',
      {
        config: { policy: { scope: 'account:read', keys: ['shopper'], channel: 'none' } },
        schema: {
          tags: ['account'],
          summary:
            "The signed-in shopper's live order and wallet events (SSE): a pickup made ready or handed over, a refund, points earned or reversed",
          description:
            'Events about this shopper’s own orders and wallet only (their customer id), from any channel. A comment line is sent every 15 s.',
          querystring: z.strictObject({}),
        },
      },
      async (request, reply) => {
        const customerId = request.ctx.actor.profileId;
        if (!customerId) throw new AppError('unauthenticated', 'Sign in first');
        const slot = hub.reserve(request.ctx.actor.id);
        await hub.connect(
          () => openSseResponse(reply, request),
          { types: ['order.*', 'wallet.*'], channelId: null, customerId },
          null,
          slot,
        );
      },
    );
  };
