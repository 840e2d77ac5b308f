// HTTP routes for locations, sourcing, levels, availability, adjustments and transfers.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../kernel/index.js';
import type { Ctx } from '../../platform/context.js';
import { channelScope, namedChannel } from '../../platform/http/auth-hook.js';
import { browserKeys, onRecord, secretKeys } from '../../platform/http/route-policy.js';
import type { InventoryService } from './inventory.service.js';
import {
  AdjustmentInput,
  AdjustmentResult,
  ChannelAvailability,
  Level,
  LOCATION_TYPES,
  Location,
  LocationInput,
  LocationPatch,
  Movement,
  Sku,
  Sourcing,
  SourcingInput,
  TransferInput,
} from './inventory.types.js';
import { insufficientStockError, reservationsRoutes } from './reservations.routes.js';

const tags = ['inventory'];
const Limit = z.coerce.number().int().min(1).max(500).default(100);

export interface InventoryRoutesOptions {
  /**
   * Whether a SKU is a product variant (the catalog knows; wired in app.ts). Stock is only received or
   * counted for known SKUs, so a typo never becomes sellable stock of nothing.
   */
  skuExists?(ctx: Ctx, sku: string): Promise<boolean>;
}

export const inventoryRoutes =
  (service: InventoryService, opts: InventoryRoutesOptions = {}): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/inventory/locations',
      {
        config: { policy: secretKeys('inventory:write', 'unbound') },
        schema: {
          tags,
          summary: 'Create a stock location',
          body: LocationInput,
          response: { 201: Location },
        },
      },
      async (request, reply) => reply.code(201).send(await service.createLocation(request.ctx, request.body)),
    );

    app.get(
      '/inventory/locations',
      {
        config: { policy: browserKeys('inventory:read', 'none') },
        schema: {
          tags,
          summary: 'List stock locations',
          querystring: z.strictObject({ type: z.enum(LOCATION_TYPES).optional() }),
          response: { 200: z.object({ items: z.array(Location) }) },
        },
      },
      async (request) => ({ items: await service.listLocations(request.ctx, request.query) }),
    );

    app.get(
      '/inventory/locations/:id',
      {
        config: { policy: browserKeys('inventory:read', 'none') },
        schema: {
          tags,
          summary: 'Get a stock location by id or code',
          params: z.object({ id: z.string() }),
          response: { 200: Location },
        },
      },
      async (request) => service.getLocation(request.ctx, request.params.id),
    );

    app.patch(
      '/inventory/locations/:id',
      {
        config: { policy: secretKeys('inventory:write', 'unbound') },
        schema: {
          tags,
          summary: 'Change a stock location',
          params: z.object({ id: z.string() }),
          body: LocationPatch,
          response: { 200: Location },
        },
      },
      async (request) => service.updateLocation(request.ctx, request.params.id, request.body),
    );

    app.get(
      '/inventory/locations/:id/levels',
      {
        config: { policy: secretKeys('inventory:read', 'none') },
        schema: {
          tags,
          summary: 'Stock levels at a location, by SKU (cursor = the last SKU seen)',
          params: z.object({ id: z.string() }),
          querystring: z.strictObject({ cursor: z.string().optional(), limit: Limit }),
          response: { 200: z.object({ items: z.array(Level), nextCursor: z.string().nullable() }) },
        },
      },
      async (request) => {
        const location = await service.getLocation(request.ctx, request.params.id);
        const { cursor, limit } = request.query;
        const items = await service.levelsAtLocation(request.ctx, location.id, { after: cursor, limit });
        return { items, nextCursor: items.length === limit ? items[items.length - 1]!.sku : null };
      },
    );

    app.get(
      '/inventory/skus/:sku',
      {
        config: { policy: browserKeys('inventory:read', 'none') },
        schema: {
          tags,
          summary: 'A SKU’s stock at every location, and its available-to-sell on a channel',
          params: z.object({ sku: Sku }),
          querystring: z.strictObject({ channelId: z.string().optional() }),
          response: {
            200: z.object({
              sku: z.string(),
              levels: z.array(Level),
              channel: ChannelAvailability.nullable(),
            }),
          },
        },
      },
      async (request) => {
        const { sku } = request.params;
        // A named channel must exist (by id or code): an unknown one is 404, not 0 available.
        const named = request.query.channelId;
        const channelId = named ? await namedChannel(request, named) : await channelScope(request, null);
        const levels = await service.levelsOfSku(request.ctx, sku);
        const channel = channelId
          ? {
              channelId,
              availableToSell: (await service.availableToSell(request.ctx, channelId, [sku])).get(sku) ?? 0,
            }
          : null;
        return { sku, levels, channel };
      },
    );

    app.get(
      '/inventory/channels/:channelId/availability',
      {
        config: { policy: browserKeys('inventory:read', onRecord('channel', 'channelId')) },
        schema: {
          tags,
          summary: 'Available-to-sell on a channel (Σ of its locations’ on hand − reserved − buffer, ≥ 0)',
          description:
            'With `skus`, those SKUs (one query). Without, every SKU stocked at the channel’s locations, ' +
            'by SKU (cursor = the last SKU seen).',
          params: z.object({ channelId: z.string() }),
          querystring: z.strictObject({
            skus: z
              .string()
              .regex(/^[^,\s]{1,100}(,[^,\s]{1,100}){0,199}$/, 'comma-separated SKUs, at most 200')
              .optional()
              .describe('comma-separated SKUs, at most 200'),
            cursor: z.string().optional(),
            limit: Limit,
          }),
          response: {
            200: z.object({
              channelId: z.string(),
              items: z.array(z.object({ sku: z.string(), availableToSell: z.number().int() })),
              nextCursor: z.string().nullable(),
            }),
          },
        },
      },
      async (request) => {
        const channelId = await namedChannel(request, request.params.channelId);
        const { cursor, limit } = request.query;
        const skus = request.query.skus?.split(',');
        if (!skus) {
          const items = await service.channelAvailability(request.ctx, channelId, { after: cursor, limit });
          return {
            channelId,
            items,
            nextCursor: items.length === limit ? items[items.length - 1]!.sku : null,
          };
        }
        const ats = await service.availableToSell(request.ctx, channelId, skus);
        return {
          channelId,
          items: skus.map((sku) => ({ sku, availableToSell: ats.get(sku) ?? 0 })),
          nextCursor: null,
        };
      },
    );

    app.get(
      '/inventory/channels/:channelId/sourcing',
      {
        config: { policy: secretKeys('inventory:read', onRecord('channel', 'channelId')) },
        schema: {
          tags,
          summary: 'Which locations feed a channel, and its safety buffer',
          params: z.object({ channelId: z.string() }),
          response: { 200: Sourcing },
        },
      },
      async (request) =>
        service.getSourcing(request.ctx, await namedChannel(request, request.params.channelId)),
    );

    app.put(
      '/inventory/channels/:channelId/sourcing',
      {
        config: { policy: secretKeys('inventory:write', 'unbound') },
        schema: {
          tags,
          summary: 'Set which locations feed a channel (in fill order) and its safety buffer',
          params: z.object({ channelId: z.string() }),
          body: SourcingInput,
          response: { 200: Sourcing },
        },
      },
      async (request) =>
        service.setSourcing(request.ctx, await namedChannel(request, request.params.channelId), request.body),
    );

    app.post(
      '/inventory/adjustments',
      {
        config: { policy: secretKeys('inventory:write', 'unbound') },
        schema: {
          tags,
          summary:
            'Receive, count, write off damage or record a till sale (a ledger entry with reason and actor)',
          body: AdjustmentInput,
          response: { 201: AdjustmentResult },
        },
      },
      async (request, reply) => {
        const { kind, sku } = request.body;
        if (
          (kind === 'receive' || kind === 'count') &&
          opts.skuExists &&
          !(await opts.skuExists(request.ctx, sku))
        ) {
          const message = `No product variant has the SKU ${sku}`;
          throw new AppError('unknown_sku', message, {
            details: { sku },
            issues: [{ path: 'body.sku', message, code: 'unknown_sku' }],
          });
        }
        const result = await service.adjust(request.ctx, request.body);
        if (!result.ok) throw insufficientStockError(result);
        return reply.code(201).send(result.value);
      },
    );

    app.post(
      '/inventory/transfers',
      {
        config: { policy: secretKeys('inventory:write', 'unbound') },
        schema: {
          tags,
          summary: 'Move stock between two locations (two ledger entries, one transaction)',
          body: TransferInput,
          response: { 201: AdjustmentResult },
        },
      },
      async (request, reply) => {
        const result = await service.transfer(request.ctx, request.body);
        if (!result.ok) throw insufficientStockError(result);
        return reply.code(201).send(result.value);
      },
    );

    app.get(
      '/inventory/movements',
      {
        config: { policy: secretKeys('inventory:read', 'unbound') },
        schema: {
          tags,
          summary: 'The stock ledger, oldest first (cursor = the last movement id seen)',
          querystring: z.strictObject({
            sku: Sku.optional(),
            locationId: z.string().optional(),
            cursor: z.coerce.number().int().min(0).optional(),
            limit: Limit,
          }),
          response: { 200: z.object({ items: z.array(Movement), nextCursor: z.string().nullable() }) },
        },
      },
      async (request) => {
        const { sku, locationId, cursor, limit } = request.query;
        const items = await service.movements(request.ctx, { sku, locationId, after: cursor, limit });
        return { items, nextCursor: items.length === limit ? String(items[items.length - 1]!.id) : null };
      },
    );

    await app.register(reservationsRoutes(service));
  };
