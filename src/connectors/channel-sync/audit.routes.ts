// The consistency audit over HTTP: drift per connection and kind (hub vs acknowledged, and vs the
// channel's actual state when read back) with the sync lag, and its fix actions: re-queue the items
// of findings for push, or every SKU of a connection; the periodic audit's kept results, and running
// it now.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type ChannelSyncFlow, DRIFT_KINDS } from '../../flows/channel-sync/index.js';
import { AppError, newId } from '../../kernel/index.js';
import {
  AuditRecord,
  type ChannelSyncService,
  CONNECTION_KINDS,
  SYNC_KINDS,
} from '../../modules/channel-sync/index.js';
import { secretKeys } from '../../platform/http/route-policy.js';

const tags = ['channel sync'];
const Counts = z.record(z.enum(DRIFT_KINDS), z.number().int()).describe('drift found, by kind');

const AuditQuery = z.strictObject({
  connectionId: z.string().min(1).max(100).optional(),
  remote: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true')
    .describe("true: also read the channels' actual state back (generic and WooCommerce)"),
  kind: z.enum(DRIFT_KINDS).optional().describe('only findings of this kind'),
  limit: z.coerce.number().int().min(1).max(5000).default(500).describe('findings listed at most'),
});

const ConnectionAuditShape = z.object({
  connectionId: z.string(),
  channelId: z.string(),
  name: z.string(),
  kind: z.enum(CONNECTION_KINDS),
  status: z.enum(['active', 'paused', 'disabled']),
  skus: z.number().int(),
  drift: Counts,
  total: z.number().int(),
  oldestDirtySeconds: z.number(),
  lagSeconds: z.number(),
  queueDepth: z.number().int(),
  deadLettered: z.number().int(),
  lastSuccessAt: z.date().nullable(),
  lastError: z.string().nullable(),
  remote: z.union([z.enum(['checked', 'unsupported', 'skipped']), z.object({ error: z.string() })]),
});

const Finding = z.object({
  connectionId: z.string(),
  channelId: z.string(),
  kind: z.enum(DRIFT_KINDS),
  syncKind: z.enum(SYNC_KINDS),
  sku: z.string(),
  source: z.enum(['acknowledged', 'channel']),
  hub: z.unknown(),
  channel: z.unknown(),
  queued: z.enum(['pending', 'dead']).nullable(),
});

const FixBody = z.strictObject({
  connectionId: z.string().min(1).max(100),
  items: z
    .array(z.strictObject({ kind: z.enum(SYNC_KINDS), sku: z.string().min(1).max(200) }))
    .min(1)
    .max(1000)
    .optional()
    .describe('the findings to push again; left out: every SKU of the connection (a full resync)'),
});

export const channelSyncAuditRoutes =
  (service: ChannelSyncService, flow: ChannelSyncFlow, wake: () => void): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/channel-sync/audit',
      {
        config: { policy: secretKeys('channel_sync:read', 'unbound') },
        schema: {
          tags,
          summary: 'Consistency audit: drift between the hub and each connected channel, and sync lag',
          querystring: AuditQuery,
          response: {
            200: z.object({
              generatedAt: z.date(),
              connections: z.array(ConnectionAuditShape),
              findings: z.array(Finding),
              truncated: z.boolean(),
            }),
          },
        },
      },
      async (request) => {
        const q = request.query;
        const r = await flow.audit(request.ctx, { connectionId: q.connectionId, remote: q.remote });
        const all = q.kind ? r.findings.filter((f) => f.kind === q.kind) : r.findings;
        return {
          generatedAt: request.ctx.clock.now(),
          connections: r.connections,
          findings: all.slice(0, q.limit),
          truncated: all.length > q.limit,
        };
      },
    );

    app.post(
      '/channel-sync/audit/fix',
      {
        config: { policy: secretKeys('channel_sync:write', 'unbound') },
        schema: {
          tags,
          summary: "Fix drift: push the findings' items again, or every SKU of the connection",
          body: FixBody,
          response: { 202: z.object({ queued: z.number().int() }) },
        },
      },
      async (request, reply) => {
        const { ctx } = request;
        const { connectionId, items } = request.body;
        const c = await service.getConnection(ctx, connectionId);
        let queued: number;
        if (items) {
          const wrong = items.findIndex((i) => !c.push.includes(i.kind));
          if (wrong >= 0)
            throw new AppError('validation_failed', `The connection does not push ${items[wrong]!.kind}`, {
              issues: [{ path: `body.items.${wrong}.kind`, message: `not pushed by this connection` }],
            });
          queued = await service.enqueue(
            ctx,
            items.map((i) => ({ connectionId, kind: i.kind, key: i.sku })),
          );
        } else queued = await flow.resync(ctx, connectionId);
        wake();
        return reply.code(202).send({ queued });
      },
    );

    app.get(
      '/channel-sync/audit/last',
      {
        config: { policy: secretKeys('channel_sync:read', 'unbound') },
        schema: {
          tags,
          summary: "The periodic audit's last result per connection (what the omnichannel score reads)",
          response: { 200: z.object({ items: z.array(AuditRecord) }) },
        },
      },
      async (request) => ({ items: await service.lastAudits(request.ctx) }),
    );

    app.post(
      '/channel-sync/audit/run',
      {
        config: { policy: secretKeys('channel_sync:write', 'unbound') },
        schema: {
          tags,
          summary:
            'Run the periodic audit now (channels read back) for every connection not being audited elsewhere; keeps and returns the results',
          body: z.strictObject({}).optional(),
          response: { 200: z.object({ items: z.array(AuditRecord) }) },
        },
      },
      async (request) => ({
        items: await flow.runDueAudits(request.ctx, {
          owner: newId('con'),
          intervalMs: 0,
          force: true,
        }),
      }),
    );
  };
