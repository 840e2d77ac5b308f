// The hub's own routes: liveness, readiness, metrics, API keys, the event log, and "who am I".
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../kernel/index.js';
import {
  API_KEY_KINDS,
  createApiKey,
  hasScope,
  listApiKeys,
  readableEventTypes,
  revokeApiKey,
} from '../auth/api-keys.js';
import type { Ctx } from '../context.js';
import { snapshotEmbeddedDatabase } from '../db/backup.js';
import type { Database } from '../db/database.js';
import { type MigrationSet, migrationsApplied } from '../db/migrate.js';
import { toCloudEvent } from '../events/cloudevents.js';
import { type Cursor, decodeCursor, encodeCursor, findEvent, LOG_START } from '../events/event-log.js';
import { awaitEarlierTransactions, readTail, scanPage, TAIL_WALK_ROWS } from '../events/event-scan.js';
import type { Metrics } from '../metrics.js';
import { sendProblem } from './problem.js';
import { browserKeys, KEY_KINDS, publicRoute, secretKeys } from './route-policy.js';

export interface PlatformRoutesOptions {
  database: Database;
  metrics: Metrics;
  migrations: MigrationSet[];
  /** The hub knows they are applied (a database it just made from the migrated image): /ready skips the check. */
  migrationsKnownApplied?: boolean | undefined;
  version: string;
  /** The bearer token /metrics requires (OMNIHUB_METRICS_TOKEN); none = public. */
  metricsToken?: string | undefined;
  /**
   * The NATS relay's state, when one is configured: while it reconnects the node still serves (its
   * live fan-out falls back to polling the database), so /ready stays 200 and says `degraded`.
   */
  relayState?: () => RelayState | undefined;
  /** The customers (cluster profile ids) of a cart on the caller's channel (404 otherwise): a till's `cart`. */
  tillInboxAudience?: ((ctx: Ctx, cartId: string) => Promise<string[]>) | undefined;
}

export type RelayState = 'connected' | 'reconnecting';

/** Compares hashes in constant time: the token's length or prefix never shows in the timing. */
function presentsToken(request: FastifyRequest, token: string): boolean {
  const h = request.headers.authorization;
  const given = h?.startsWith('Bearer ') ? h.slice(7).trim() : '';
  const digest = (v: string) => createHash('sha256').update(v).digest();
  return timingSafeEqual(digest(given), digest(token));
}

const ApiKeyOut = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  kind: z.enum(API_KEY_KINDS),
  scopes: z.array(z.string()),
  channelId: z.string().nullable(),
  createdAt: z.date(),
  lastUsedAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
});

export const CloudEventOut = z.object({
  specversion: z.literal('1.0'),
  id: z.string(),
  source: z.string(),
  type: z.string(),
  subject: z.string(),
  time: z.string(),
  datacontenttype: z.literal('application/json'),
  dataschema: z.string().optional().describe("the payload's JSON Schema, served by the hub at this path"),
  data: z.record(z.string(), z.unknown()),
  omnihubchannel: z.string().optional(),
  omnihubcursor: z.string(),
});

export const healthRoutes =
  (opts: PlatformRoutesOptions): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/health',
      {
        config: { policy: publicRoute('liveness probe') },
        schema: {
          tags: ['ops'],
          summary: 'Liveness',
          response: { 200: z.object({ status: z.literal('ok') }) },
        },
      },
      async () => ({ status: 'ok' as const }),
    );

    let migrated = opts.migrationsKnownApplied === true;
    app.get(
      '/ready',
      {
        config: { policy: publicRoute('readiness probe') },
        schema: {
          tags: ['ops'],
          summary:
            'Readiness: database reachable and migrations applied (503 otherwise); `degraded` while the NATS relay reconnects',
          response: {
            200: z.object({
              status: z.enum(['ready', 'degraded']),
              database: z.string(),
              relay: z.enum(['connected', 'reconnecting', 'none']),
            }),
          },
        },
      },
      async (request, reply) => {
        try {
          await opts.database.ping();
          migrated ||= await migrationsApplied(opts.database.db, opts.migrations);
        } catch {
          return sendProblem(
            reply,
            request,
            new AppError('database_unavailable', 'The database cannot be reached'),
          );
        }
        if (!migrated)
          return sendProblem(reply, request, new AppError('not_ready', 'Migrations are not applied yet'));
        const relay: RelayState | 'none' = opts.relayState?.() ?? 'none';
        return {
          status: relay === 'reconnecting' ? ('degraded' as const) : ('ready' as const),
          database: opts.database.kind,
          relay,
        };
      },
    );

    app.get(
      '/metrics',
      {
        config: {
          policy: publicRoute('Prometheus scrape; OMNIHUB_METRICS_TOKEN makes it ask for its own token'),
        },
        schema: { hide: true },
      },
      async (request, reply) => {
        // Metrics name routes, consumers and connector health: scrapers present their own token.
        if (opts.metricsToken && !presentsToken(request, opts.metricsToken)) {
          return sendProblem(
            reply,
            request,
            new AppError('unauthenticated', 'Send the metrics token as `Authorization: Bearer <token>`'),
          );
        }
        reply.type(opts.metrics.registry.contentType);
        return opts.metrics.render();
      },
    );
  };

export const platformApiRoutes =
  (opts: PlatformRoutesOptions): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/backup',
      {
        config: { policy: secretKeys('admin', 'unbound') },
        schema: {
          tags: ['ops'],
          summary:
            'A consistent snapshot of the embedded database (gzipped tar of the PGlite data directory) while the hub runs; restore with `omnihub restore`. 409 on a PostgreSQL server (use pg_dump)',
        },
      },
      async (request, reply) => {
        if (opts.database.kind !== 'pglite') {
          return sendProblem(
            reply,
            request,
            new AppError('backup_not_embedded', 'Back up the PostgreSQL server with pg_dump'),
          );
        }
        const snapshot = await snapshotEmbeddedDatabase(opts.database);
        const stamp = request.ctx.clock.now().toISOString().replace(/[:.]/g, '-');
        return reply
          .type('application/gzip')
          .header('content-disposition', `attachment; filename="omnihub-backup-${stamp}.tar.gz"`)
          .header('cache-control', 'no-store')
          .send(Buffer.from(snapshot));
      },
    );

    app.get(
      '/me',
      {
        config: { policy: { scope: null, keys: KEY_KINDS, channel: 'none' } },
        schema: {
          tags: ['keys'],
          summary: 'The calling API key: its scopes and channel binding',
          response: {
            200: z.object({
              keyId: z.string(),
              name: z.string(),
              kind: z.enum(KEY_KINDS),
              scopes: z.array(z.string()),
              channelId: z.string().nullable(),
              hub: z.string(),
            }),
          },
        },
      },
      async (request) => ({
        keyId: request.ctx.actor.id,
        name: request.ctx.actor.name,
        kind: request.ctx.actor.keyKind ?? 'secret',
        scopes: [...request.ctx.actor.scopes],
        channelId: request.ctx.actor.channelId,
        hub: opts.version,
      }),
    );

    app.post(
      '/keys',
      {
        config: { policy: secretKeys('admin', 'unbound') },
        schema: {
          tags: ['keys'],
          summary: 'Create an API key (the secret is shown only in this response)',
          body: z.strictObject({
            name: z.string().min(1).max(200),
            kind: z
              .enum(API_KEY_KINDS)
              .default('secret')
              .describe('secret (servers, tills) or publishable (browsers and apps; needs channelId)'),
            scopes: z
              .array(z.string())
              .max(50)
              .default([])
              .describe('required for a secret key; a publishable key always gets the storefront scopes'),
            channelId: z.string().min(1).nullable().optional(),
          }),
          response: { 201: ApiKeyOut.extend({ secret: z.string() }) },
        },
      },
      async (request, reply) => {
        const { key, secret } = await createApiKey(request.ctx, request.body);
        return reply.code(201).send({ ...key, secret });
      },
    );

    app.get(
      '/keys',
      {
        config: { policy: secretKeys('admin', 'unbound') },
        schema: {
          tags: ['keys'],
          summary: 'List API keys (never their secrets)',
          response: { 200: z.object({ items: z.array(ApiKeyOut) }) },
        },
      },
      async (request) => ({ items: await listApiKeys(request.ctx.db) }),
    );

    app.delete(
      '/keys/:id',
      {
        config: { policy: secretKeys('admin', 'unbound') },
        schema: {
          tags: ['keys'],
          summary: 'Revoke an API key',
          params: z.object({ id: z.string() }),
          response: { 200: ApiKeyOut },
        },
      },
      async (request) => {
        if (request.params.id === request.ctx.actor.id) {
          throw new AppError('key_revokes_itself', 'A key cannot revoke itself; use another admin key');
        }
        return revokeApiKey(request.ctx, request.params.id);
      },
    );

    app.get(
      '/events',
      {
        config: { policy: browserKeys('events:read', 'own') },
        schema: {
          tags: ['events'],
          summary:
            'Read the event log in order (CloudEvents 1.0), from a cursor or after an event id, or its newest events',
          description: `\`next\` is past every event read, matching the filter or not; a page with fewer items than the limit ends at the head of the log. With \`newest=true\` (and no \`after\`): the newest \`limit\` matching events, in log order, among the last ${TAIL_WALK_ROWS} of the log, and \`next\` is the head they were read at, to read on from.`,
          querystring: z.strictObject({
            after: z.string().optional().describe('an event id or a cursor (omnihubcursor) to read after'),
            types: z.string().optional().describe('comma-separated types; a trailing * matches a prefix'),
            subject: z.string().optional(),
            limit: z.coerce.number().int().min(1).max(1000).default(100),
            newest: z
              .enum(['true', 'false'])
              .optional()
              .describe('the newest events instead of those after a cursor'),
            cart: z
              .string()
              .regex(/^[A-Za-z0-9_-]{1,80}$/)
              .optional()
              .describe(
                'at a till (inbox:till): also the inbox events about the customer of this sale’s cart (as /api/stream?cart=), for polling when the stream is unavailable',
              ),
          }),
          response: { 200: z.object({ items: z.array(CloudEventOut), next: z.string() }) },
        },
      },
      async (request) => {
        const q = request.query;
        const newest = q.newest === 'true';
        if (newest && q.after)
          throw new AppError('validation_failed', 'newest reads from the head: give no after with it', {
            issues: [{ path: 'querystring.newest', message: 'not with after' }],
          });
        let after: Cursor = LOG_START;
        if (q.after) {
          const c = decodeCursor(q.after) ?? (await findEvent(request.ctx.db, q.after));
          if (!c)
            throw new AppError('validation_failed', 'after must be an event id or a cursor', {
              issues: [{ path: 'querystring.after', message: 'unknown event or cursor' }],
            });
          after = { txId: c.txId, position: c.position };
        }
        const channelId = request.ctx.actor.channelId ?? undefined;
        const types = readableEventTypes(
          request.ctx.actor,
          (q.types ?? '')
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean),
        );
        const filter = {
          limit: q.limit,
          ...(types.length ? { types } : {}),
          ...(q.subject ? { subject: q.subject } : {}),
          ...(channelId ? { channelId } : {}),
        };
        // What was committed before this request is in its answer (read-your-writes for API clients).
        const endedBelow = await awaitEarlierTransactions(request.ctx.db);
        const read = endedBelow === undefined ? filter : { ...filter, endedBelow };
        const { events: items, scannedTo } = newest
          ? await readTail(request.ctx.db, read).then((t) => ({ events: t.events, scannedTo: t.head }))
          : await scanPage(request.ctx.db, { after, ...read });
        // Inbox events are the inbox's: a till (inbox:till) naming its sale's cart hears of that customer.
        const actor = request.ctx.actor;
        const audience =
          hasScope(actor.scopes, 'inbox:read') && !actor.channelId
            ? undefined
            : q.cart && hasScope(actor.scopes, 'inbox:till') && opts.tillInboxAudience
              ? await opts.tillInboxAudience(request.ctx, q.cart)
              : [];
        const readable = audience
          ? items.filter(
              (e) => !e.type.startsWith('inbox.') || audience.includes(e.payload.customerId as string),
            )
          : items;
        return { items: readable.map((e) => toCloudEvent(e)), next: encodeCursor(scannedTo) };
      },
    );
  };
