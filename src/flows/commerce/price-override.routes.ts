// The till's price override: PUT /carts/:id/lines/:lineId/price (secret keys and staff sessions only;
// a storefront's key can never set its own prices).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Cart } from '../../modules/carts/index.js';
import { onRecord, secretKeys } from '../../platform/http/route-policy.js';
import type { PriceOverrideFlow } from './price-override.flow.js';

const NoControl = /^[^\p{Cc}]*$/u;

export const priceOverrideRoutes =
  (flow: PriceOverrideFlow): FastifyPluginAsyncZod =>
  async (app) => {
    app.put(
      '/carts/:id/lines/:lineId/price',
      {
        config: { policy: secretKeys('carts:write', onRecord('cart')) },
        schema: {
          tags: ['carts'],
          summary:
            "Change a line's unit price at the till, with a reason (store manager, or a manager's approval)",
          description:
            'Callers without the pos:price_override scope (clerks, till keys) get 403 price_override_needs_manager unless `approval` holds the email and password of a member who has it; wrong ones answer 403 manager_approval_failed.',
          params: z.object({ id: z.string(), lineId: z.string() }),
          body: z.strictObject({
            unitPrice: z.number().int().min(0).max(100_000_000).describe('minor units'),
            reason: z.string().trim().min(1).max(200).regex(NoControl, 'no control characters'),
            approval: z
              .strictObject({
                email: z.string().trim().toLowerCase().email().max(320),
                password: z.string().min(1).max(200),
              })
              .optional(),
          }),
          response: { 200: Cart },
        },
      },
      async (request) =>
        flow.overrideLinePrice(request.ctx, request.params.id, request.params.lineId, request.body),
    );
  };
