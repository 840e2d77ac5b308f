// The HTTP server: Fastify with Zod schemas declared once per route (validation, types and the
// OpenAPI 3.1 document at /openapi.json, rendered at /docs), problem+json errors, request ids,
// API-key auth, idempotency keys and metrics. Modules add their routes as plugins under /api.
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyRequest,
  LogController,
} from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import { AppError, type Clock, newId } from '../../kernel/index.js';
import { type Actor, type Ctx, createContext } from '../context.js';
import type { Database } from '../db/database.js';
import type { Metrics } from '../metrics.js';
import { registerAuth, trackRoutePolicies } from './auth-hook.js';
import { fastSerializerCompiler } from './fast-serializer.js';
import { fastValidatorCompiler } from './fast-validator.js';
import { registerIdempotency } from './idempotency.js';
import { sendProblem, toAppError } from './problem.js';
import { type RateLimitConfig, registerRateLimits } from './rate-limits.js';
import { declarePluginRoutes, publicRoute } from './route-policy.js';
import { registerTextGuard } from './text-guard.js';

declare module 'fastify' {
  interface FastifyRequest {
    ctx: Ctx;
    /**
     * The matched route's config (policy, url, method…), read once per request: Fastify's
     * `request.routeOptions` builds a new object on every read, and each hook needs the config.
     */
    routeConfig: FastifyRequest['routeOptions']['config'];
  }
}

export interface HttpServerOptions {
  database: Database;
  log: Logger;
  clock: Clock;
  metrics: Metrics;
  bodyLimitBytes: number;
  version: string;
  /** None = no global limits (routes' own `config.rateLimit` still apply). */
  rateLimits?: RateLimitConfig;
}

export type HttpServer = FastifyInstance;

const ANONYMOUS: Actor = Object.freeze({
  kind: 'anonymous',
  id: 'anonymous',
  name: 'anonymous',
  scopes: Object.freeze([]) as readonly string[],
  channelId: null,
});

/**
 * Observes a request's duration in the labelled histogram, through one child per method, route and
 * status: prom-client otherwise hashes the label object on every observation.
 */
function durationObserver(metrics: Metrics) {
  const children = new Map<string, { observe(seconds: number): void }>();
  return (method: string, url: string | undefined, status: number, seconds: number) => {
    const route = url ?? 'unmatched';
    const key = `${method} ${status} ${route}`;
    let child = children.get(key);
    if (!child) {
      child = metrics.httpDuration.labels({ method, route, status: String(status) });
      children.set(key, child);
    }
    child.observe(seconds);
  };
}

const REQUEST_ID_SHAPE = /^[A-Za-z0-9._:-]{1,100}$/;

export async function createHttpServer(opts: HttpServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: opts.log as FastifyBaseLogger,
    bodyLimit: opts.bodyLimitBytes,
    requestIdHeader: 'x-request-id',
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID_SHAPE.test(incoming) ? incoming : newId('req');
    },
    // Per-request access logs only when asked for: they cost more than a small GET itself.
    logController: new LogController({ disableRequestLogging: process.env.OMNIHUB_LOG_REQUESTS !== '1' }),
    ajv: { customOptions: { removeAdditional: false } },
    // Errors Fastify answers before routing (a path parameter over 100 characters, a malformed URL)
    // are problem+json like every other refusal.
    frameworkErrors: (err, request, reply) => sendProblem(reply, request, toAppError(err)),
  });
  // Before any route (the docs UI's too): every route's policy is collected and checked at ready.
  trackRoutePolicies(app);
  app.setValidatorCompiler(fastValidatorCompiler);
  app.setSerializerCompiler(fastSerializerCompiler);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Omnihub API',
        version: opts.version,
        description:
          'One system of record, in real time, for every sales and contact channel. Errors are RFC 9457 problem+json.',
      },
      components: {
        securitySchemes: {
          apiKey: { type: 'http', scheme: 'bearer', description: 'An Omnihub API key (ohk_…)' },
        },
      },
      security: [{ apiKey: [] }],
    },
    transform: jsonSchemaTransform,
    // Schemas registered with an id (`.meta({ id })`) become named components, referenced by $ref.
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(async (docs) => {
    docs.addHook('onRoute', declarePluginRoutes(publicRoute('API documentation')));
    await docs.register(swaggerUi, { routePrefix: '/docs' });
  });

  app.decorateRequest('ctx', null as unknown as Ctx);
  app.decorateRequest('routeConfig', null as unknown as FastifyRequest['routeOptions']['config']);
  // Hooks of the hot path take `done` instead of being async: a hook with nothing to wait for then
  // costs no promise and no turn of the microtask queue on every request.
  app.addHook('onRequest', (request, reply, done) => {
    request.routeConfig = request.routeOptions.config;
    request.ctx = createContext(opts.database, {
      clock: opts.clock,
      log: request.log,
      requestId: String(request.id),
      actor: ANONYMOUS,
    });
    reply.header('x-request-id', request.id);
    done();
  });
  await registerRateLimits(app, opts.rateLimits ?? { perIp: 0, perKey: 0, windowSeconds: 60 });
  // JSON routes take JSON: a text/plain body is refused with 415 instead of failing validation as a
  // string (routes that take other types, Segment's text/plain or the CSV imports, add their parsers).
  app.removeContentTypeParser('text/plain');
  // Before the auth hook's channel look-ups, which send path parameters to the database.
  registerTextGuard(app);
  registerAuth(app);
  registerIdempotency(app);

  const observeDuration = durationObserver(opts.metrics);
  app.addHook('onResponse', (request, reply, done) => {
    observeDuration(request.method, request.routeConfig?.url, reply.statusCode, reply.elapsedTime / 1000);
    done();
  });

  app.setErrorHandler((err, request, reply) => {
    const appErr = toAppError(err);
    // An unreachable database is told once per state change by the background loops, not per request.
    if (appErr.status >= 500 && appErr.code !== 'database_unavailable')
      request.log.error({ err }, 'request failed');
    return sendProblem(reply, request, appErr);
  });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(
      reply,
      request,
      new AppError('route_not_found', `No route ${request.method} ${request.url.split('?')[0]}`),
    ),
  );

  app.get(
    '/openapi.json',
    { schema: { hide: true }, config: { policy: publicRoute('the API description') } },
    async () => app.swagger(),
  );
  return app.withTypeProvider<ZodTypeProvider>() as unknown as FastifyInstance;
}
