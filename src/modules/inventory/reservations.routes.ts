// HTTP routes for reservations: create (group-committed), read, release, allocate, fulfil.

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../kernel/index.js';
import { channelScope } from '../../platform/http/auth-hook.js';
import { onRecord, secretKeys } from '../../platform/http/route-policy.js';
import type { InventoryService } from './inventory.service.js';
import {
  type InsufficientStock,
  RESERVATION_STATUSES,
  Reservation,
  ReservationInput,
  Sku,
} from './inventory.types.js';

const tags = ['inventory'];

/** The 409 problem for a refused reservation or adjustment: what was asked and what is available. */
export const insufficientStockError = (r: InsufficientStock): AppError =>
  new AppError(
    'insufficient_stock',
    `Only ${r.available} of ${r.sku} can be had, ${r.requested} were asked for`,
    {
      details: { sku: r.sku, requested: r.requested, available: r.available },
    },
  );
const Params = z.object({ id: z.string() });
const Change = z.object({ reservation: Reservation, changed: z.boolean() });

export const reservationsRoutes =
  (service: InventoryService): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/inventory/reservations',
      {
        config: { policy: secretKeys('inventory:write', 'own') },
        schema: {
          tags,
          summary: 'Reserve stock for a channel: a cart hold, pickup hold or order allocation',
          description:
            'Atomic and conditional: never more than exists. May split across the channel’s locations (see lines). ' +
            'Refused with 409 insufficient_stock (with `available`). Retrying with the same idempotencyKey returns ' +
            'the same reservation (200) and changes nothing.',
          body: ReservationInput,
          response: { 200: Reservation, 201: Reservation },
        },
      },
      async (request, reply) => {
        const channelId = await channelScope(request, request.body.channelId);
        const result = await service.reserve(
          request.ctx,
          { ...request.body, channelId: channelId ?? undefined },
          { validated: true },
        );
        if (!result.ok) throw insufficientStockError(result);
        return reply.code(result.value.replayed ? 200 : 201).send(result.value.reservation);
      },
    );

    app.get(
      '/inventory/reservations',
      {
        config: { policy: secretKeys('inventory:read', 'own') },
        schema: {
          tags,
          summary: 'List reservations (cursor = the last id seen)',
          querystring: z.strictObject({
            sku: Sku.optional(),
            channelId: z.string().optional(),
            status: z.enum(RESERVATION_STATUSES).optional(),
            reference: z.string().optional(),
            cursor: z.string().optional(),
            limit: z.coerce.number().int().min(1).max(500).default(100),
          }),
          response: { 200: z.object({ items: z.array(Reservation), nextCursor: z.string().nullable() }) },
        },
      },
      async (request) => {
        const { cursor, limit, ...filter } = request.query;
        const channelId = (await channelScope(request, filter.channelId)) ?? undefined;
        const items = await service.listReservations(request.ctx, {
          ...filter,
          channelId,
          after: cursor,
          limit,
        });
        return { items, nextCursor: items.length === limit ? items[items.length - 1]!.id : null };
      },
    );

    app.get(
      '/inventory/group-commit',
      {
        config: { policy: secretKeys('inventory:read', 'unbound') },
        schema: {
          tags,
          summary:
            'Reservation group commit in this hub process: batches, requests, the largest batch, batches written ' +
            'by one compare-and-set statement and those that found the numbers changed',
          response: {
            200: z.object({
              batches: z.number(),
              requests: z.number(),
              largest: z.number(),
              oneStatement: z.number(),
              stale: z.number(),
              averageBatch: z.number(),
            }),
          },
        },
      },
      async () => {
        const s = service.batcher.stats;
        return { ...s, averageBatch: s.batches ? Math.round((s.requests / s.batches) * 10) / 10 : 0 };
      },
    );

    app.get(
      '/inventory/reservations/:id',
      {
        config: { policy: secretKeys('inventory:read', onRecord('reservation')) },
        schema: { tags, summary: 'Get a reservation', params: Params, response: { 200: Reservation } },
      },
      async (request) => service.getReservation(request.ctx, request.params.id),
    );

    app.post(
      '/inventory/reservations/:id/release',
      {
        config: { policy: secretKeys('inventory:write', onRecord('reservation')) },
        schema: {
          tags,
          summary: 'Release a hold or allocation (a second release changes nothing)',
          params: Params,
          response: { 200: Change },
        },
      },
      async (request) => {
        return service.release(request.ctx, request.params.id);
      },
    );

    app.post(
      '/inventory/reservations/:id/allocate',
      {
        config: { policy: secretKeys('inventory:write', onRecord('reservation')) },
        schema: {
          tags,
          summary: 'Convert a hold into an order allocation (it stops expiring)',
          params: Params,
          body: z.strictObject({ reference: z.string().max(200).optional() }).optional(),
          response: { 200: Change },
        },
      },
      async (request) => {
        return service.allocate(request.ctx, request.params.id, request.body?.reference);
      },
    );

    app.post(
      '/inventory/reservations/:id/fulfil',
      {
        config: { policy: secretKeys('inventory:write', onRecord('reservation')) },
        schema: {
          tags,
          summary: 'Fulfil a reservation: the units leave (on-hand and reserved go down)',
          params: Params,
          response: { 200: Change },
        },
      },
      async (request) => {
        return service.fulfil(request.ctx, request.params.id);
      },
    );
  };
