// The Segment HTTP tracking API (/v1/track, identify, page, screen, group, alias, batch), so
// analytics.js, analytics-node and the mobile SDKs send to the hub by changing their host. Write keys
// authenticate (Basic `writeKey:` or writeKey in the body) and name the source and its channel.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../kernel/index.js';
import type { CustomersService, IngestEventInput, IngestEventResult } from '../../modules/customers/index.js';
import { sendProblem, toAppError } from '../../platform/http/problem.js';
import { publicRoute } from '../../platform/http/route-policy.js';
import { findTextProblems, textProblem } from '../../platform/http/text-guard.js';
import {
  fromSegment,
  MAX_BATCH_BYTES,
  MAX_EVENT_BYTES,
  SEGMENT_CALLS,
  type SegmentCall,
  type WireIssue,
  writeKeyOf,
} from './segment.wire.js';

// Segment clients send a source's write key, which the handler checks (and names the channel).
const SEGMENT_POLICY = publicRoute('Segment-compatible ingestion: the write key is checked by the handler');

const SHORT_ALIASES = {
  track: 't',
  identify: 'i',
  page: 'p',
  screen: 's',
  group: 'g',
  alias: 'a',
  batch: 'b',
} as const satisfies Record<SegmentCall | 'batch', string>;

type Rejected = { index: number; messageId: string; errors: WireIssue[] };
type Warned = { index: number; messageId: string; warnings: WireIssue[] };

export const segmentRoutes =
  (customers: CustomersService): FastifyPluginAsync =>
  async (app) => {
    // Browsers send text/plain to avoid a CORS preflight; both are JSON. Parsed here as a string so
    // the 500 KB batch limit is checked on the real size and answered with 400, as Segment does.
    app.removeAllContentTypeParsers();
    app.addContentTypeParser(
      ['application/json', 'text/plain'],
      { parseAs: 'string', bodyLimit: 4 * MAX_BATCH_BYTES },
      (_req, body, done) => {
        const text = body as string;
        if (Buffer.byteLength(text) > MAX_BATCH_BYTES) {
          done(
            new AppError('batch_too_large', `A request may carry at most ${MAX_BATCH_BYTES} bytes`),
            undefined,
          );
          return;
        }
        try {
          done(null, JSON.parse(text));
        } catch {
          done(new AppError('malformed_body', 'The body is not valid JSON'), undefined);
        }
      },
    );
    app.setErrorHandler((err, request, reply) => sendProblem(reply, request, toAppError(err)));

    // Browsers (analytics.js) call from the shop's own origin. Write keys are public by design and no
    // cookies are involved, so any origin may send; every reply, errors included, carries the header
    // so the page can read it.
    app.addHook('onRequest', async (_request, reply) => {
      reply.header('access-control-allow-origin', '*');
    });
    app.options(
      '/v1/*',
      { config: { policy: SEGMENT_POLICY }, schema: { hide: true } },
      async (request, reply) => {
        const asked = request.headers['access-control-request-headers'];
        return reply
          .code(204)
          .header('access-control-allow-methods', 'POST, OPTIONS')
          .header(
            'access-control-allow-headers',
            typeof asked === 'string' && asked ? asked : 'Content-Type, Authorization',
          )
          .header('access-control-max-age', '86400')
          .send();
      },
    );

    async function handle(request: FastifyRequest, reply: FastifyReply, call: SegmentCall | 'batch') {
      const receivedAt = request.ctx.clock.now();
      const body = request.body as Record<string, unknown> | undefined;
      const key = writeKeyOf(request.headers.authorization, body);
      if (!key)
        throw new AppError(
          'unauthenticated',
          'Send the write key as Basic auth (writeKey:) or as writeKey in the body',
        );
      // A key the database cannot hold is no key it knows.
      const source = textProblem(key, 1_000) ? null : await customers.authenticate(request.ctx, key);
      if (!source) throw new AppError('unauthenticated', 'The write key is unknown or revoked');
      if (typeof body !== 'object' || body === null || Array.isArray(body)) {
        throw new AppError('validation_failed', 'The body must be a JSON object');
      }
      let raws: unknown[];
      if (call === 'batch') {
        if (!Array.isArray(body.batch)) {
          throw new AppError('validation_failed', 'A batch needs a batch array', {
            issues: [{ path: 'batch', message: 'required array' }],
          });
        }
        raws = body.batch;
      } else raws = [body];
      const bigBody = Number(request.headers['content-length'] ?? MAX_BATCH_BYTES) > MAX_EVENT_BYTES;
      const rejected: Rejected[] = [];
      const warned: Warned[] = [];
      const good: IngestEventInput[] = [];
      const goodIndex: number[] = [];
      raws.forEach((raw, index) => {
        if (bigBody && Buffer.byteLength(JSON.stringify(raw) ?? '') > MAX_EVENT_BYTES) {
          const messageId =
            typeof (raw as { messageId?: unknown })?.messageId === 'string'
              ? (raw as { messageId: string }).messageId
              : '';
          rejected.push({
            index,
            messageId,
            errors: [{ path: '', message: `an event may be at most ${MAX_EVENT_BYTES} bytes` }],
          });
          return;
        }
        // Text the database cannot hold refuses this event only; the rest of the batch lands.
        const unstorable = findTextProblems(raw, '');
        if (unstorable.length) {
          const messageId = (raw as { messageId?: unknown })?.messageId;
          rejected.push({
            index,
            messageId:
              typeof messageId === 'string' && !unstorable.some((i) => i.path === 'messageId')
                ? messageId
                : '',
            errors: unstorable.map((i) => ({ path: i.path, message: i.message })),
          });
          return;
        }
        const r = fromSegment(raw, {
          call: call === 'batch' ? undefined : call,
          receivedAt,
          batchSentAt: body.sentAt,
        });
        if (r.ok) {
          good.push(r.event);
          goodIndex.push(index);
        } else rejected.push({ index, messageId: r.messageId, errors: r.errors });
      });
      const results: IngestEventResult[] = good.length
        ? await customers.ingest(request.ctx, source, good)
        : [];
      let stored = 0;
      let duplicates = 0;
      let ignored = 0;
      for (const r of results) {
        const index = goodIndex[r.index]!;
        if (r.status === 'stored') {
          stored++;
          if (r.warnings) warned.push({ index, messageId: r.messageId, warnings: r.warnings });
        } else if (r.status === 'duplicate') duplicates++;
        else if (r.status === 'ignored') ignored++;
        else rejected.push({ index, messageId: r.messageId, errors: r.errors });
      }
      rejected.sort((a, b) => a.index - b.index);
      if (call !== 'batch' && rejected.length) {
        throw new AppError('validation_failed', 'The event is not valid', {
          issues: rejected[0]!.errors.map((e) => ({
            path: e.path ? `body.${e.path}` : 'body',
            message: e.message,
          })),
        });
      }
      // Stored events that lost a field say which (the rest of each landed).
      return reply.code(200).send({ success: true, stored, duplicates, ignored, rejected, warnings: warned });
    }

    for (const call of [...SEGMENT_CALLS, 'batch'] as const) {
      // analytics.js also posts to the short aliases (/v1/t, /v1/i, /v1/p, /v1/s, /v1/g, /v1/a, /v1/b).
      for (const path of [call, SHORT_ALIASES[call]]) {
        app.post(
          `/v1/${path}`,
          {
            config: { policy: SEGMENT_POLICY, textGuard: 'per-item' },
            bodyLimit: 4 * MAX_BATCH_BYTES,
            schema: {
              tags: ['segment'],
              summary:
                path === call
                  ? `Segment-compatible ${call} (write key by Basic auth or writeKey in the body)`
                  : `Short alias of /v1/${call} (analytics.js)`,
              security: [],
            },
          },
          (request, reply) => handle(request, reply, call),
        );
      }
    }
  };
