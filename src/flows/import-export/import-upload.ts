// What every import route shares: the streamed body (never buffered), its format, the dry-run
// switch and the report a dry run answers with.
import { Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../kernel/index.js';
import type { IMPORT_FORMATS, ImportFormat, ImportJob } from '../../modules/catalog/index.js';

export const STREAMED_TYPES = [
  'text/csv',
  'application/x-ndjson',
  'application/ndjson',
  'application/octet-stream',
];

function formatOf(requested: string | undefined, contentType: string | undefined) {
  if (requested) return requested as (typeof IMPORT_FORMATS)[number];
  if (contentType?.includes('csv')) return 'csv';
  if (contentType?.includes('ndjson')) return 'ndjson';
  throw new AppError(
    'validation_failed',
    'Say which format: ?format=csv|ndjson or a text/csv or application/x-ndjson body',
    {
      issues: [{ path: 'querystring.format', message: 'required for this content type' }],
    },
  );
}

/** The streamed body of an import request, its format and size; refused when not a stream. */
export function streamedUpload(request: FastifyRequest, requested: ImportFormat | undefined) {
  if (request.ctx.actor.channelId) {
    throw new AppError('channel_forbidden', 'Imports touch every channel; use a key not bound to one');
  }
  const body = request.body;
  if (!(body instanceof Readable)) {
    throw new AppError('unsupported_media_type', `Send the file as one of ${STREAMED_TYPES.join(', ')}`);
  }
  const length = Number(request.headers['content-length']);
  return {
    input: body,
    format: formatOf(requested, request.headers['content-type']),
    bytesTotal: Number.isFinite(length) && length > 0 ? length : null,
  };
}

/** A failed import that stored nothing is the request's fault: 400 with the reason and the job. */
export function refuseEmptyFailure(job: ImportJob) {
  if (job.status === 'failed' && job.rowsAccepted === 0) {
    throw new AppError('validation_failed', job.error ?? 'The file could not be read', {
      details: { importId: job.id },
    });
  }
}

export const DryRunQuery = z
  .enum(['1', 'true', '0', 'false'])
  .optional()
  .describe("1: validate only — the answer lists every line's result and nothing is written");

export const DryRunReportSchema = z.object({
  dryRun: z.literal(true),
  status: z.enum(['completed', 'failed']),
  error: z.string().nullable(),
  rowsRead: z.number().int(),
  rowsAccepted: z.number().int(),
  rowsRejected: z.number().int(),
  counts: z.record(z.string(), z.number().int()),
  lines: z.array(
    z.object({
      line: z.number().int(),
      result: z.enum(['accepted', 'rejected']),
      kind: z.string().optional(),
      reasons: z.array(z.string()).optional(),
    }),
  ),
});

export const isDryRun = (v: string | undefined) => v === '1' || v === 'true';
