// HTTP routes of channel sync that need the wire formats and the modules' truth: the dry-run (a SKU
// or a sample → the canonical item, the transformed payload and the requests, nothing sent) and a
// full resync of a connection's channel.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  applyTransform,
  type CanonicalItem,
  type ChannelSyncFlow,
  decimalAmount,
} from '../../flows/channel-sync/index.js';
import { type ChannelSyncService, SYNC_KINDS } from '../../modules/channel-sync/index.js';
import { secretKeys } from '../../platform/http/route-policy.js';
import { redactCredentialHeaders } from '../webhooks-out/index.js';
import { ADAPTERS } from './push-worker.js';
import type { WireRequest, WireVerdict } from './wire.js';

const Id = z.object({ id: z.string() });
const tags = ['channel sync'];

const SampleItem = z
  .object({
    sku: z.string().min(1).max(200),
    title: z.string().nullable().optional(),
    listed: z.boolean().optional(),
    availableToSell: z.number().int().min(0).optional(),
    price: z
      .object({ amount: z.number().int(), currency: z.string().length(3) })
      .nullable()
      .optional(),
  })
  .describe('a made-up item (fields left out take neutral values)');

const DryRunBody = z
  .strictObject({
    sku: z.string().min(1).max(200).optional().describe('a real SKU: its current truth on the channel'),
    sample: SampleItem.optional(),
    changed: z.array(z.enum(SYNC_KINDS)).min(1).optional().describe('default: what the connection pushes'),
  })
  .refine((b) => (b.sku === undefined) !== (b.sample === undefined), 'give either sku or sample');

const WireRequestShape = z.object({
  method: z.string(),
  url: z.string(),
  headers: z.record(z.string(), z.string()),
  body: z.unknown().optional(),
});

/** Sends one request to a channel (through the SSRF guard) and says what its answer means. */
export type SendCheck = (req: WireRequest) => Promise<WireVerdict>;

export const channelSyncWireRoutes =
  (
    service: ChannelSyncService,
    flow: ChannelSyncFlow,
    wake: () => void,
    sendCheck: SendCheck,
  ): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/channel-sync/connections/:id/test',
      {
        config: { policy: secretKeys('channel_sync:write', 'unbound') },
        schema: {
          tags,
          summary: "Test connection: one harmless request with the connection's credentials, and its answer",
          params: Id,
          body: z.strictObject({}).optional(),
          response: {
            200: z.object({
              ok: z.boolean(),
              statusCode: z.number().int().nullable(),
              durationMs: z.number().int(),
              error: z.string().nullable(),
            }),
          },
        },
      },
      async (request) => {
        const c = await service.loadConnection(request.ctx, request.params.id);
        const nowSeconds = Math.floor(request.ctx.clock.now().getTime() / 1000);
        const started = performance.now();
        const v = await sendCheck(ADAPTERS[c.kind].check({ connection: c, nowSeconds }));
        const durationMs = Math.round(performance.now() - started);
        if (v.kind === 'ok') return { ok: true, statusCode: v.response.status, durationMs, error: null };
        return {
          ok: false,
          statusCode: v.kind === 'retry' ? v.statusCode : v.statusCode || null,
          durationMs,
          error: v.error,
        };
      },
    );

    app.post(
      '/channel-sync/connections/:id/dry-run',
      {
        config: { policy: secretKeys('channel_sync:read', 'unbound') },
        schema: {
          tags,
          summary:
            'What a push of one SKU (or a sample) would send: canonical item, transformed payload, requests',
          params: Id,
          body: DryRunBody,
          response: {
            200: z.object({
              item: z.record(z.string(), z.unknown()),
              payload: z.unknown(),
              error: z.string().nullable(),
              requests: z.array(WireRequestShape),
            }),
          },
        },
      },
      async (request) => {
        const { ctx } = request;
        const c = await service.loadConnection(ctx, request.params.id);
        const changed = request.body.changed ?? c.push;
        let item: CanonicalItem;
        if (request.body.sku) {
          [item] = (await flow.canonicalItems(ctx, c.channelId, [{ sku: request.body.sku, changed }])) as [
            CanonicalItem,
          ];
        } else {
          const s = request.body.sample!;
          const price = s.price ?? null;
          item = {
            sku: s.sku,
            channelId: c.channelId,
            channelCode: '',
            changed,
            known: true,
            productId: null,
            handle: null,
            title: s.title ?? null,
            description: null,
            listed: s.listed ?? true,
            availableToSell: s.availableToSell ?? 0,
            price: price ? { ...price, decimal: decimalAmount(price.amount, price.currency) } : null,
            priceSource: price ? 'price_list' : null,
            gtin: null,
            stockPolicy: 'deny',
            availableFrom: null,
            availability: (s.availableToSell ?? 0) > 0 ? 'in_stock' : 'out_of_stock',
          };
        }
        let payload: unknown;
        try {
          payload = await applyTransform(c.transform, item);
        } catch (err) {
          return {
            item: { ...item },
            payload: null,
            error: `the transform failed: ${(err as Error).message}`,
            requests: [],
          };
        }
        const requests =
          payload === undefined
            ? []
            : await ADAPTERS[c.kind].preview(
                { ctx, connection: c, service, nowSeconds: Math.floor(ctx.clock.now().getTime() / 1000) },
                [{ sku: item.sku, item, payload }],
              );
        return {
          item: { ...item },
          payload: payload ?? null,
          error: null,
          requests: requests.map((r) => ({
            method: r.method,
            url: r.url,
            headers: redactCredentialHeaders(r.headers), // credentials stay secret in a dry-run
            body: r.body === undefined ? undefined : JSON.parse(r.body),
          })),
        };
      },
    );

    app.post(
      '/channel-sync/connections/:id/resync',
      {
        config: { policy: secretKeys('channel_sync:write', 'unbound') },
        schema: {
          tags,
          summary: 'Queue every SKU the channel lists, for every kind the connection pushes',
          params: Id,
          body: z.strictObject({}).optional(),
          response: { 202: z.object({ queued: z.number().int() }) },
        },
      },
      async (request, reply) => {
        const queued = await flow.resync(request.ctx, request.params.id);
        wake();
        return reply.code(202).send({ queued });
      },
    );
  };
