// GET /api/stream: Server-Sent Events of the event log, filtered by type and scoped by the caller's
// key (a channel-bound key sees its channel's events and global ones). Resumes after Last-Event-ID.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../kernel/index.js';
import { readableEventTypes } from '../../platform/auth/api-keys.js';
import { decodeCursor, findEvent } from '../../platform/events/event-log.js';
import { channelScope } from '../../platform/http/auth-hook.js';
import { browserKeys } from '../../platform/http/route-policy.js';
import type { EventStreamHub } from './event-stream.js';
import { openSseResponse } from './sse-response.js';

export const streamRoutes =
  (hub: EventStreamHub): FastifyPluginAsyncZod =>
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
        const slot = hub.reserve(request.ctx.actor.id); // 429 past the caller's open-stream cap
        await hub.connect(
          () => openSseResponse(reply, request),
          { types, channelId },
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
