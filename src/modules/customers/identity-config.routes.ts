// GET/PUT /api/customers/identity-config: the retailer's identity rules (priority, limits per type,
// device types, placeholder values, default phone country). Retailer-wide: secret keys bound to no
// channel; reading needs customers:read, changing customers:write.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { secretKeys } from '../../platform/http/route-policy.js';
import type { CustomersService } from './customers.interface.js';

const tags = ['customers'];
const Type = z.string().min(1).max(41);
const Values = z.array(z.string().max(200)).max(500);

const IdentityConfig = z
  .strictObject({
    priority: z
      .array(Type)
      .min(1)
      .max(50)
      .describe(
        'where an event lands when profiles cannot merge, strongest first; "external" stands for any other type',
      ),
    maxPerType: z
      .record(Type, z.number().int())
      .describe(
        'at most this many identifiers of a type per merged profile (user_id, email, phone and loyalty_card keep one)',
      ),
    deviceTypes: z
      .array(Type)
      .min(1)
      .max(20)
      .describe('types naming a device, not a person; one that carries a second person is marked shared'),
    blockedValues: Values.describe('placeholder values that never identify anyone'),
    blockedEmailLocalParts: Values,
    blockedEmailDomains: Values,
    defaultPhoneCountry: z
      .string()
      .regex(/^[A-Za-z]{2}$/)
      .nullable()
      .describe('country assumed for phone numbers written without +country code'),
  })
  .meta({ id: 'IdentityConfig' });

const View = z.object({
  config: IdentityConfig,
  defaults: IdentityConfig,
  updatedAt: z.date().nullable(),
  updatedBy: z.string().nullable(),
});

export const identityConfigRoutes =
  (service: CustomersService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/customers/identity-config',
      {
        config: { policy: secretKeys('customers:read', 'unbound') },
        schema: {
          tags,
          summary: "The retailer's identity rules in force, and the hub's defaults",
          response: { 200: View },
        },
      },
      async (request) => service.identityConfig(request.ctx),
    );

    app.put(
      '/customers/identity-config',
      {
        config: { policy: secretKeys('customers:write', 'unbound') },
        schema: {
          tags,
          summary: "Replace the retailer's identity rules (every node applies them within 5 s)",
          body: IdentityConfig,
          response: { 200: View },
        },
      },
      async (request) => service.setIdentityConfig(request.ctx, request.body),
    );
  };
