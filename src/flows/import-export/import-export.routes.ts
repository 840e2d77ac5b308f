// HTTP routes for bulk import (a streamed CSV/NDJSON body; the import job shows progress while it
// runs and keeps the rejected-rows report) and streamed export in the same formats.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../kernel/index.js';
import {
  IMPORT_FORMATS,
  type ImportFormat,
  ImportJob,
  ImportRejection,
} from '../../modules/catalog/index.js';
import { secretKeys } from '../../platform/http/route-policy.js';
import { type ExportDeps, exportCatalog } from './export.flow.js';
import type { ImportFlow } from './import.flow.js';
import {
  DryRunQuery,
  DryRunReportSchema,
  isDryRun,
  refuseEmptyFailure,
  STREAMED_TYPES,
  streamedUpload,
} from './import-upload.js';
import { peopleImportRoutes } from './people-imports.routes.js';

export const importExportRoutes =
  (deps: { imports: ImportFlow } & ExportDeps): FastifyPluginAsyncZod =>
  async (app) => {
    // The body reaches the handler as a stream: rows are parsed as they arrive, never buffered whole.
    app.addContentTypeParser(STREAMED_TYPES, (_request, payload, done) => done(null, payload));
    await app.register(peopleImportRoutes(deps.imports));

    app.post(
      '/imports',
      {
        config: { policy: secretKeys('catalog:write', 'unbound') },
        schema: {
          tags: ['catalog'],
          summary: 'Import products, variants, prices, listings and stock (CSV or NDJSON body, streamed)',
          description:
            'Rows have a kind (product, variant, price, listing, stock); see docs. Valid rows are stored, bad ones are listed in the import report with their line number. Poll GET /imports/{id} from another client for progress.',
          querystring: z.strictObject({
            format: z.enum(IMPORT_FORMATS).optional(),
            source: z.string().max(300).optional().describe('a name for the report, e.g. the file name'),
            price_list: z
              .string()
              .min(1)
              .max(100)
              .optional()
              .describe(
                "a Shopify or WooCommerce export: the price list (code) its prices go to, in the list's currency",
              ),
            channel: z
              .string()
              .min(1)
              .max(100)
              .optional()
              .describe(
                'a Shopify or WooCommerce export: the channel (code) whose listings follow Published',
              ),
            location: z
              .string()
              .min(1)
              .max(100)
              .optional()
              .describe(
                'a Shopify or WooCommerce export: the location (code) its stock quantities are on hand at',
              ),
            dry_run: DryRunQuery,
          }),
          response: { 200: DryRunReportSchema, 201: ImportJob },
        },
      },
      async (request, reply) => {
        const upload = streamedUpload(request, request.query.format);
        const req = {
          ...upload,
          source: request.query.source ?? null,
          targets: {
            priceList: request.query.price_list,
            channel: request.query.channel,
            location: request.query.location,
          },
        };
        if (isDryRun(request.query.dry_run)) {
          return reply.code(200).send(await deps.imports.dryRunImport(request.ctx, req));
        }
        const job = await deps.imports.runImport(request.ctx, req);
        refuseEmptyFailure(job);
        return reply.code(201).header('location', `/api/imports/${job.id}`).send(job);
      },
    );

    app.get(
      '/imports',
      {
        config: { policy: secretKeys('catalog:read', 'unbound') },
        schema: {
          tags: ['catalog'],
          summary: 'Recent imports',
          response: { 200: z.object({ items: z.array(ImportJob) }) },
        },
      },
      async (request) => ({ items: await deps.catalog.listImportJobs(request.ctx) }),
    );

    app.get(
      '/imports/:id',
      {
        config: { policy: secretKeys('catalog:read', 'unbound') },
        schema: {
          tags: ['catalog'],
          summary: 'An import with its progress and counts',
          params: z.object({ id: z.string() }),
          response: { 200: ImportJob },
        },
      },
      async (request) => deps.catalog.getImportJob(request.ctx, request.params.id),
    );

    app.get(
      '/imports/:id/rejections',
      {
        config: { policy: secretKeys('catalog:read', 'unbound') },
        schema: {
          tags: ['catalog'],
          summary: 'The rejected rows of an import: line number, reasons and the row as read',
          params: z.object({ id: z.string() }),
          querystring: z.strictObject({
            cursor: z.coerce.number().int().min(0).optional().describe('the last line of the previous page'),
            limit: z.coerce.number().int().min(1).max(1000).default(100),
          }),
          response: {
            200: z.object({ items: z.array(ImportRejection), nextCursor: z.number().int().nullable() }),
          },
        },
      },
      async (request) => {
        await deps.catalog.getImportJob(request.ctx, request.params.id);
        const { cursor, limit } = request.query;
        const items = await deps.catalog.listImportRejections(request.ctx, request.params.id, {
          afterLine: cursor,
          limit,
        });
        return { items, nextCursor: items.length === limit ? items.at(-1)!.line : null };
      },
    );

    app.get(
      '/exports/catalog',
      {
        config: { policy: secretKeys('catalog:read', 'unbound') },
        schema: {
          tags: ['catalog'],
          summary: 'Export the catalog and on-hand stock in the import format (streamed CSV or NDJSON)',
          querystring: z.strictObject({
            format: z.enum(IMPORT_FORMATS).default('ndjson'),
            formulas: z
              .enum(['neutralise', 'verbatim'])
              .default('neutralise')
              .describe(
                "CSV: cells starting with = + - @ get a leading ' so spreadsheets show text (verbatim: as stored)",
              ),
          }),
        },
      },
      async (request, reply) => {
        const { format, formulas } = request.query;
        return reply
          .type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson')
          .header('content-disposition', `attachment; filename="catalog.${format}"`)
          .send(exportCatalog(request.ctx, deps, format, { formulas }));
      },
    );
  };
