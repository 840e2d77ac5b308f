// Admin routes of promotions: campaigns, coupon generation and the codes' CSV export, campaign
// reporting and product collections. Campaigns are
// hub-wide (their rules name channels), so only unbound secret keys manage them.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { secretKeys } from '../../platform/http/route-policy.js';
import type { PromotionsServiceImpl } from './promotions.service.js';
import {
  CAMPAIGN_STATUSES,
  Campaign,
  CampaignInput,
  CampaignPatch,
  CampaignReport,
  CollectionInput,
  GenerateCodes,
  ProductCollection,
} from './promotions.types.js';

const Params = z.object({ id: z.string().max(100) });

export const promotionsRoutes =
  (service: PromotionsServiceImpl): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/promotions/campaigns',
      {
        config: { policy: secretKeys('promotions:write', 'unbound') },
        schema: {
          tags: ['promotions'],
          summary: 'Create a campaign (automatic, or applied by coupon code)',
          body: CampaignInput,
          response: { 201: Campaign },
        },
      },
      async (request, reply) => reply.code(201).send(await service.createCampaign(request.ctx, request.body)),
    );

    app.get(
      '/promotions/campaigns',
      {
        config: { policy: secretKeys('promotions:read', 'unbound') },
        schema: {
          tags: ['promotions'],
          summary: 'List campaigns (by id; page with after)',
          querystring: z.strictObject({
            status: z.enum(CAMPAIGN_STATUSES).optional(),
            kind: z.enum(['automatic', 'code']).optional(),
            limit: z.coerce.number().int().min(1).max(500).default(100),
            after: z.string().max(100).optional(),
          }),
          response: { 200: z.object({ items: z.array(Campaign) }) },
        },
      },
      async (request) => ({ items: await service.listCampaigns(request.ctx, request.query) }),
    );

    app.get(
      '/promotions/campaigns/:id',
      {
        config: { policy: secretKeys('promotions:read', 'unbound') },
        schema: {
          tags: ['promotions'],
          summary: 'Get a campaign',
          params: Params,
          response: { 200: Campaign },
        },
      },
      async (request) => service.getCampaign(request.ctx, request.params.id),
    );

    app.patch(
      '/promotions/campaigns/:id',
      {
        config: { policy: secretKeys('promotions:write', 'unbound') },
        schema: {
          tags: ['promotions'],
          summary: 'Change a campaign (pause, end, limits, priority, stacking)',
          params: Params,
          body: CampaignPatch,
          response: { 200: Campaign },
        },
      },
      async (request) => service.updateCampaign(request.ctx, request.params.id, request.body),
    );

    app.post(
      '/promotions/campaigns/:id/codes',
      {
        config: { policy: secretKeys('promotions:write', 'unbound') },
        schema: {
          tags: ['promotions'],
          summary: 'Add one named coupon code, or generate many unique random ones',
          params: Params,
          body: GenerateCodes,
          response: {
            201: z.object({
              campaignId: z.string(),
              batchId: z.string().nullable(),
              count: z.number().int(),
              codes: z.array(z.string()).describe('the first 100; export the rest as CSV'),
            }),
          },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await service.generateCodes(request.ctx, request.params.id, request.body)),
    );

    app.get(
      '/promotions/campaigns/:id/codes.csv',
      {
        config: { policy: secretKeys('promotions:read', 'unbound') },
        schema: {
          tags: ['promotions'],
          summary: "Export the campaign's coupon codes as CSV (code, usage_limit, used, batch_id)",
          params: Params,
        },
      },
      async (request, reply) => {
        const csv = await service.exportCodesCsv(request.ctx, request.params.id);
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="codes-${request.params.id}.csv"`)
          .send(csv);
      },
    );

    app.get(
      '/promotions/campaigns/:id/report',
      {
        config: { policy: secretKeys('promotions:read', 'unbound') },
        schema: {
          tags: ['promotions'],
          summary: 'Campaign performance: orders, discount given and revenue, per channel',
          description:
            'Counts orders holding a use of the campaign (a use given back on a failed payment or a cancellation is not counted), imported marketplace orders included.',
          params: Params,
          querystring: z.strictObject({
            from: z.iso.datetime({ offset: true }).optional().describe('from this instant (inclusive)'),
            to: z.iso.datetime({ offset: true }).optional().describe('until this instant (exclusive)'),
          }),
          response: { 200: CampaignReport },
        },
      },
      async (request) =>
        service.campaignReport(request.ctx, request.params.id, {
          from: request.query.from ? new Date(request.query.from) : undefined,
          to: request.query.to ? new Date(request.query.to) : undefined,
        }),
    );

    app.get(
      '/promotions/collections',
      {
        config: { policy: secretKeys('promotions:read', 'unbound') },
        schema: {
          tags: ['promotions'],
          summary: 'Product collections campaigns can be narrowed to',
          response: { 200: z.object({ items: z.array(ProductCollection) }) },
        },
      },
      async (request) => ({ items: await service.listCollections(request.ctx) }),
    );

    app.post(
      '/promotions/collections',
      {
        config: { policy: secretKeys('promotions:write', 'unbound') },
        schema: {
          tags: ['promotions'],
          summary: 'Create a product collection (SKUs and categories)',
          body: CollectionInput,
          response: { 201: ProductCollection },
        },
      },
      async (request, reply) => reply.code(201).send(await service.saveCollection(request.ctx, request.body)),
    );

    app.put(
      '/promotions/collections/:id',
      {
        config: { policy: secretKeys('promotions:write', 'unbound') },
        schema: {
          tags: ['promotions'],
          summary: "Replace a collection's name and members (campaigns naming it follow at once)",
          params: Params,
          body: CollectionInput,
          response: { 200: ProductCollection },
        },
      },
      async (request) => service.saveCollection(request.ctx, request.body, request.params.id),
    );
  };
