// What the hub's logs may hold: no personal data and no credentials. Query strings (searches by
// name, email or phone) and bodies never reach a line; the parameters a driver error carries (the
// values of the failed statement: emails, names, addresses) are cut from the error, keeping its SQL
// and code; secrets in headers are censored. Request lines carry the request id (`reqId`, bound by
// Fastify's child logger) so one request's lines can be found without the personal data.
import pino, { type LoggerOptions } from 'pino';

/** Paths pino censors wherever they appear in a line's object. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'req.headers["x-shopify-hmac-sha256"]',
  'req.headers["x-wc-webhook-signature"]',
  'req.headers["webhook-signature"]',
  'req.body',
  'req.query',
  'body',
  'query',
  'params',
  'err.params',
  'err.query',
  'err.cause.params',
  'err.cause.parameters',
];

/** A URL without its query string: the path says which route, the query may name a person. */
export function pathOnly(url: string | undefined): string | undefined {
  if (!url) return url;
  const q = url.indexOf('?');
  return q < 0 ? url : `${url.slice(0, q)}?[redacted]`;
}

// Drizzle's "Failed query: <sql>\nparams: <values>": the values are the personal part.
const PARAMS_LINE = /\nparams:[\s\S]*$/;

const PARAMS_IN_STACK = /\nparams:[\s\S]*?(?=\n\s+at |$)/;

type SerializedError = ReturnType<typeof pino.stdSerializers.err> & Record<string, unknown>;

/** pino's error serializer, without the statement parameters a driver error carries (also in its causes). */
export function serializeError(err: unknown): SerializedError {
  const s = pino.stdSerializers.err(err as Error) as SerializedError;
  scrub(s, 0);
  return s;
}

function scrub(s: Record<string, unknown> | undefined, depth: number): void {
  if (!s || typeof s !== 'object' || depth > 3) return;
  delete s.params;
  delete s.parameters;
  if (typeof s.message === 'string') s.message = s.message.replace(PARAMS_LINE, '\nparams: [redacted]');
  if (typeof s.stack === 'string') s.stack = s.stack.replace(PARAMS_IN_STACK, '\nparams: [redacted]');
  scrub(s.cause as Record<string, unknown> | undefined, depth + 1);
}

export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    base: { service: 'omnihub' },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    serializers: {
      err: serializeError,
      error: serializeError,
      req: (req: { method?: string; url?: string; id?: string; routeOptions?: { url?: string } }) => ({
        method: req.method,
        url: pathOnly(req.url),
        route: req.routeOptions?.url,
      }),
    },
  };
}
