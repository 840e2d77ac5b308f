// HTTP routes of the customer and order-history imports: a streamed CSV/NDJSON body (the hub's own
// columns, or a Shopify/WooCommerce export recognised by its header), a job with progress and the
// per-line report like the catalog import's (GET /imports/{id}), or with dry_run=1 every line's result
// and nothing written.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IMPORT_FORMATS, ImportJob } from '../../modules/catalog/index.js';
import { secretKeys } from '../../platform/http/route-policy.js';
import { CUSTOMER_COLUMNS } from './customer-import.js';
import { ORDER_COLUMNS } from './history-import.js';
import type { ImportFlow } from './import.flow.js';
import {
  DryRunQuery,
  DryRunReportSchema,
  isDryRun,
  refuseEmptyFailure,
  streamedUpload,
} from './import-upload.js';

const Channel = z
  .string()
  .min(1)
  .max(100)
  .describe('the channel (code or id) these customers or orders belong to');

export const peopleImportRoutes =
  (imports: ImportFlow): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/imports/customers',
      {
        config: { policy: secretKeys('customers:write', 'unbound') },
        schema: {
          tags: ['customers'],
          summary:
            'Import customers (CSV or NDJSON body, streamed; or a Shopify/WooCommerce customer export)',
          description: `Columns: ${CUSTOMER_COLUMNS.join(', ')}. Each row goes through identity resolution (matched and merged by the customers module's rules). accepts_email_marketing / accepts_sms_marketing "yes" grant email_marketing / sms_marketing consent for every channel with source "import", at consent_at or the import's time; "no" records nothing (an export cannot tell a refusal from never asked). The same row imported again writes nothing. The report names lines and reasons, never values.`,
          querystring: z.strictObject({
            format: z.enum(IMPORT_FORMATS).optional(),
            source: z.string().max(300).optional().describe('a name for the report, e.g. the file name'),
            channel: Channel,
            dry_run: DryRunQuery,
          }),
          response: { 200: DryRunReportSchema, 201: ImportJob },
        },
      },
      async (request, reply) => {
        const req = {
          ...streamedUpload(request, request.query.format),
          source: request.query.source ?? null,
          channel: request.query.channel,
        };
        if (isDryRun(request.query.dry_run)) {
          return reply.code(200).send(await imports.dryRunCustomers(request.ctx, req));
        }
        const job = await imports.importCustomers(request.ctx, req);
        refuseEmptyFailure(job);
        return reply.code(201).header('location', `/api/imports/${job.id}`).send(job);
      },
    );

    app.post(
      '/imports/orders',
      {
        config: { policy: secretKeys('orders:write', 'unbound') },
        schema: {
          tags: ['orders'],
          summary:
            'Import order history (CSV or NDJSON body, streamed; or a Shopify/WooCommerce order export)',
          description: `One row per order line, an order's rows together; its fields on its first row. Columns: ${ORDER_COLUMNS.join(', ')} (amounts in minor units). Fulfilled, completed, cancelled and refunded orders keep their date and status and never reserve or move stock (a SKU the catalog no longer has is kept on the line); pending and paid orders are live and reserve stock like a marketplace order. An order already in the hub under the same source and id writes nothing; name the connector to share its webhooks' source.`,
          querystring: z.strictObject({
            format: z.enum(IMPORT_FORMATS).optional(),
            source: z.string().max(300).optional().describe('a name for the report, e.g. the file name'),
            channel: Channel.optional().describe(
              "the channel the orders belong to (default: the connector's)",
            ),
            connector: z
              .string()
              .min(1)
              .max(100)
              .optional()
              .describe(
                'the inbound connector (id) whose webhooks deliver these orders too: both are one order',
              ),
            dry_run: DryRunQuery,
          }),
          response: { 200: DryRunReportSchema, 201: ImportJob },
        },
      },
      async (request, reply) => {
        const req = {
          ...streamedUpload(request, request.query.format),
          source: request.query.source ?? null,
          channel: request.query.channel,
          connector: request.query.connector,
        };
        if (isDryRun(request.query.dry_run)) {
          return reply.code(200).send(await imports.dryRunHistory(request.ctx, req));
        }
        const job = await imports.importHistory(request.ctx, req);
        refuseEmptyFailure(job);
        return reply.code(201).header('location', `/api/imports/${job.id}`).send(job);
      },
    );
  };
