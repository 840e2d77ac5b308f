// RFC 9457 problem details: every error reply has a stable code, a title, and per-field issues for
// validation. Never a stack trace.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, type ErrorCode, type FieldIssue } from '../../kernel/index.js';
import { isDatabaseUnavailable } from '../db/database.js';

export const PROBLEM_TYPE_BASE = 'https://omnihub.dev/problems/';
export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance: string;
  requestId: string;
  errors?: FieldIssue[];
  [extra: string]: unknown;
}

/** 4xx answers of Fastify and its plugins (e.g. static files) by status; any other one is a 400. */
const CLIENT_ERROR_CODES: Partial<Record<number, ErrorCode>> = {
  403: 'request_forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  406: 'not_acceptable',
  412: 'precondition_failed',
  413: 'payload_too_large',
  414: 'uri_too_long',
  415: 'unsupported_media_type',
  416: 'range_not_satisfiable',
  429: 'rate_limited',
  431: 'headers_too_large',
};

export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const e = err as FastifyError & { validation?: unknown };
  if (hasZodFastifySchemaValidationErrors(e)) {
    const context = (e as { validationContext?: string }).validationContext ?? 'body';
    const issues: FieldIssue[] = e.validation.map((v) => ({
      path: [context, ...v.instancePath.split('/').filter(Boolean)].join('.'),
      message: v.message ?? 'invalid',
      code: String(
        v.params?.issue && (v.params.issue as { code?: string }).code
          ? (v.params.issue as { code: string }).code
          : v.keyword,
      ),
    }));
    return new AppError('validation_failed', `The ${context} is not valid`, { issues });
  }
  if (isResponseSerializationError(e))
    return new AppError('internal', 'The response could not be serialized');
  if (isDatabaseUnavailable(err))
    return new AppError('database_unavailable', 'The database is unavailable; retry later');
  switch (e?.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('payload_too_large', e.message);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('unsupported_media_type', e.message);
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('malformed_body', e.message);
  }
  if (e instanceof SyntaxError || (e?.statusCode === 400 && /JSON/i.test(e.message))) {
    return new AppError('malformed_body', 'The body is not valid JSON');
  }
  if (typeof e?.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    return new AppError(CLIENT_ERROR_CODES[e.statusCode] ?? 'bad_request', e.message);
  }
  return new AppError('internal', 'Something went wrong on our side; the request id helps us find it');
}

export function problemOf(err: AppError, request: FastifyRequest): Problem {
  return {
    type: `${PROBLEM_TYPE_BASE}${err.code}`,
    title: err.title,
    status: err.status,
    detail: err.message,
    code: err.code,
    instance: request.url,
    requestId: String(request.id),
    ...(err.issues ? { errors: err.issues } : {}),
    ...(err.details ?? {}),
  };
}

/** The Retry-After of a 503 database_unavailable. */
const DATABASE_RETRY_AFTER_SECONDS = 2;

export function sendProblem(reply: FastifyReply, request: FastifyRequest, err: AppError): FastifyReply {
  if (err.status === 401) reply.header('www-authenticate', 'Bearer realm="omnihub"');
  // No connection came free in time, or the database is away: senders that retry (shops, marketplaces)
  // are told when, instead of guessing.
  if (err.code === 'database_unavailable') reply.header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
  return reply.code(err.status).type(PROBLEM_CONTENT_TYPE).send(problemOf(err, request));
}
